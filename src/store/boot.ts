// Starting a session on the page: the simulator, the course, the store and the real-time clock.
// Loaded apart from the page's first script, so that the terminal is usable while this arrives.
import { registry } from '../cli/programs';
import { bundledCatalog } from '../tutorial/bundled';
import type { Lesson } from '../tutorial/lesson';
import { prepareStep } from '../tutorial/runtime';
import { createApp, type App } from './app';
import { LiveSession } from './live';
import type { PageParams } from './params';
import { DEFAULT_SETTINGS, storageFor, type Saved } from './persist';
import { FIRST_LESSON, SANDBOX_PLACE } from './place';
import { createTutorial, localProgressStorage, sanitizeProgress } from './tutorial';

export interface StartOptions {
  /** The lesson id (or `sandbox`) the page opens. */
  place: string;
  /** Its saved world, if any. */
  saved: Saved | undefined;
  seed: number;
  params: PageParams;
  onSaved: (saved: boolean) => void;
  /** A message for the person, shown above the panes. */
  notice?: string;
}

export async function startSession(options: StartOptions): Promise<App> {
  const { saved, seed, params, onSaved } = options;
  const catalog = bundledCatalog();
  let notice = options.notice;
  let place = options.place;
  let lesson: Lesson | undefined;
  if (place !== SANDBOX_PLACE) {
    lesson = catalog.lessons.find((l) => l.id === place);
    if (!lesson) {
      notice = `There is no lesson “${place}”; here is the first one.`;
      lesson = catalog.lessons.find((l) => l.id === FIRST_LESSON) ?? catalog.lessons[0];
      place = lesson?.id ?? SANDBOX_PLACE;
    }
  }
  const progress = sanitizeProgress(localProgressStorage.read());
  const wanted = params.lesson === place && params.step !== undefined ? params.step - 1 : undefined;
  let index = 0;
  let live: LiveSession;
  if (lesson) {
    const last = lesson.steps.length - 1;
    if (wanted !== undefined || !saved || saved.live === undefined) {
      index = Math.max(0, Math.min(wanted ?? progress?.lessons[lesson.id]?.step ?? 0, last));
      live = new LiveSession({ fresh: await prepareStep(lesson, index, registry) });
    } else {
      index = Math.max(0, Math.min(progress?.lessons[lesson.id]?.step ?? 0, last));
      live = new LiveSession(saved.live);
    }
  } else {
    live = saved && wanted === undefined ? new LiveSession(saved.live) : new LiveSession({ seed });
  }
  const settings = { ...DEFAULT_SETTINGS, ...saved?.settings };
  if (params.speed !== undefined) {
    settings.speed = params.speed;
    settings.paused = params.speed === 0;
  }
  if (params.theme !== undefined) settings.theme = params.theme;
  const app = createApp({
    live,
    settings,
    storage: storageFor(place),
    onSaved,
    ...(notice ? { notice } : {}),
  });
  app.tutorial = createTutorial({ app, catalog, registry });
  app.tutorial.begin(lesson, index);
  if (!saved || wanted !== undefined) void app.save();
  runClock(app);
  return app;
}

/** Moves the simulated clock with real time, one step per frame. */
function runClock(app: App): void {
  let last = performance.now();
  const frame = (t: number) => {
    app.frame(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A hidden tab gets no frames; save what is there when it goes.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void app.save();
  });
  // A reload or a closed tab may not wait for IndexedDB: keep a copy written at once.
  window.addEventListener('pagehide', () => app.saveNow());
}
