// Starting a session on the page: the simulator, the store and the real-time clock. Loaded
// apart from the page's first script, so that the terminal is usable while this arrives.
import { createApp, type App } from './app';
import { LiveSession } from './live';
import type { PageParams } from './params';
import { DEFAULT_SETTINGS, indexedDbStorage, type Saved } from './persist';

export interface StartOptions {
  saved: Saved | undefined;
  seed: number;
  params: PageParams;
  onSaved: (saved: boolean) => void;
  /** A message for the person, shown above the panes. */
  notice?: string;
}

export function startSession({ saved, seed, params, onSaved, notice }: StartOptions): App {
  const live = saved ? new LiveSession(saved.live) : new LiveSession({ seed });
  const settings = { ...DEFAULT_SETTINGS, ...saved?.settings };
  if (params.speed !== undefined) {
    settings.speed = params.speed;
    settings.paused = params.speed === 0;
  }
  if (params.theme !== undefined) settings.theme = params.theme;
  const app = createApp({
    live,
    settings,
    storage: indexedDbStorage,
    onSaved,
    ...(notice ? { notice } : {}),
  });
  if (!saved) void app.save();
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
