// The course on the page: which lesson and step the learner is on, their progress (kept across
// reloads, exported and imported as a file), each lesson's own world, and the current step's
// checks, re-run whenever the world changes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Registry } from '../cli/shell/exec';
import type { Catalog } from '../tutorial/catalog';
import type { Lesson, Step } from '../tutorial/lesson';
import { allPass, enterStep, prepareStep, runChecks, type CheckResult } from '../tutorial/runtime';
import type { App } from './app';
import { LiveSession } from './live';
import { load, storageFor, type Storage } from './persist';
import { PROGRESS_KEY } from './place';

/** What the learner has done in one lesson. */
export interface LessonProgress {
  /** The step they are on (0-based). */
  step: number;
  /** Steps completed (0-based). */
  completed: number[];
  /** Hints revealed, by step. */
  hints: Record<number, number>;
  /** Steps whose solution was shown. */
  solutions: number[];
}

export interface Progress {
  format: 1;
  /** The lesson open last; `sandbox` for the sandbox. */
  current: string | undefined;
  lessons: Record<string, LessonProgress>;
}

export const SANDBOX = 'sandbox';

export interface TutorialState {
  catalog: Catalog;
  progress: Progress;
  /** The lesson open, or undefined in the sandbox. */
  lesson: Lesson | undefined;
  /** The current step (0-based). */
  stepIndex: number;
  /** The current step's checks as last run; undefined while they have not run yet. */
  checks: CheckResult[] | undefined;
  /** Set while a lesson's or step's world is being prepared (a message for the person). */
  preparing: string | undefined;
  /** The last thing to announce to screen readers (a step completed, a wrong answer). */
  announcement: string;
  /** Feedback on the current question's last answer. */
  answer: { text: string; correct: boolean } | undefined;
}

export interface Tutorial {
  store: StoreApi<TutorialState>;
  /** Points the course at what the page opened with (the app already shows its world). */
  begin(lesson: Lesson | undefined, index: number): void;
  /** Opens a lesson where the learner left it (its saved world), or at its start. */
  openLesson(id: string): Promise<void>;
  openSandbox(): Promise<void>;
  /** Opens step `index` (0-based) of the current lesson with its world prepared. */
  goToStep(index: number): Promise<void>;
  /** From a completed step to the next one (its hidden set-up runs). */
  next(): Promise<void>;
  /** Completes a reading step. */
  continueReading(): Promise<void>;
  /** Answers a question step with typed text; true when right. */
  answer(text: string): boolean;
  /** Answers a choice question with option `index`; true when right. */
  choose(index: number): boolean;
  /** Reveals the next hint of the current step. */
  revealHint(): void;
  /** Shows the current step's solution (never runs it). */
  showSolution(): void;
  /** Puts a command on the terminal's prompt for the learner to run. */
  paste(text: string): void;
  /** The current step again, its world as it was prepared. */
  resetStep(): Promise<void>;
  /** The lesson from its beginning, a fresh world. */
  resetLesson(): Promise<void>;
  /** Progress as a file's text (JSON). */
  exportProgress(): string;
  /** Reads an exported file; changes nothing when it is not one. */
  importProgress(text: string): { ok: true } | { ok: false; error: string };
  dispose(): void;
}

/** The step the state points at. */
export function currentStep(s: TutorialState): Step | undefined {
  return s.lesson?.steps[s.stepIndex];
}

/** Whether the current step is done (checks passed, read, or answered). */
export function stepDone(s: TutorialState): boolean {
  if (!s.lesson) return false;
  return s.progress.lessons[s.lesson.id]?.completed.includes(s.stepIndex) ?? false;
}

export function emptyProgress(): Progress {
  return { format: 1, current: undefined, lessons: {} };
}

export function createTutorialStore(catalog: Catalog): StoreApi<TutorialState> {
  return createStore<TutorialState>()(() => ({
    catalog,
    progress: emptyProgress(),
    lesson: undefined,
    stepIndex: 0,
    checks: undefined,
    preparing: undefined,
    announcement: '',
    answer: undefined,
  }));
}

/** Where progress is kept (localStorage, a few hundred bytes). */
export interface ProgressStorage {
  read(): unknown;
  write(progress: Progress): void;
}

export const localProgressStorage: ProgressStorage = {
  read() {
    try {
      return JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as unknown;
    } catch {
      return null;
    }
  },
  write(progress) {
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    } catch {
      // Storage full or forbidden (a sandboxed frame): progress lasts as long as the page.
    }
  },
};

const EXPORT_KIND = 'gitops-explained-progress';

/** Progress as read back (storage, an imported file), with anything malformed left out. */
export function sanitizeProgress(value: unknown): Progress | undefined {
  const v = value as Partial<Progress> | null;
  if (!v || typeof v !== 'object' || v.format !== 1) return undefined;
  const lessons: Record<string, LessonProgress> = {};
  const steps = (x: unknown): number[] =>
    Array.isArray(x)
      ? [...new Set(x.filter((n): n is number => Number.isInteger(n) && n >= 0))].sort(
          (a, b) => a - b,
        )
      : [];
  if (v.lessons && typeof v.lessons === 'object') {
    for (const [id, raw] of Object.entries(v.lessons)) {
      const p = raw as Partial<LessonProgress> | null;
      if (!p || typeof p !== 'object' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) continue;
      const hints: Record<number, number> = {};
      if (p.hints && typeof p.hints === 'object')
        for (const [k, n] of Object.entries(p.hints))
          if (/^\d+$/.test(k) && Number.isInteger(n) && n >= 0) hints[Number(k)] = n;
      lessons[id] = {
        step: Number.isInteger(p.step) && (p.step as number) >= 0 ? (p.step as number) : 0,
        completed: steps(p.completed),
        hints,
        solutions: steps(p.solutions),
      };
    }
  }
  return {
    format: 1,
    current: typeof v.current === 'string' ? v.current : undefined,
    lessons,
  };
}

export interface TutorialOptions {
  app: App;
  catalog: Catalog;
  registry: Registry;
  progress?: ProgressStorage;
  /** Where each place's world is saved. */
  storageFor?: (place: string) => Storage;
  /** How long after a change the checks run again (real ms). */
  checkDelay?: number;
}

const EMPTY: LessonProgress = { step: 0, completed: [], hints: {}, solutions: [] };

/** Binds the course to the page's app: lessons' worlds, progress, checks. */
export function createTutorial(options: TutorialOptions): Tutorial {
  const { app, catalog, registry } = options;
  const progressStorage = options.progress ?? localProgressStorage;
  const storageOf = options.storageFor ?? storageFor;
  const checkDelay = options.checkDelay ?? 250;
  const store = createTutorialStore(catalog);
  store.setState({ progress: sanitizeProgress(progressStorage.read()) ?? emptyProgress() });

  const lessonById = (id: string) => catalog.lessons.find((l) => l.id === id);
  const mine = (): LessonProgress | undefined => {
    const { lesson, progress } = store.getState();
    return lesson ? (progress.lessons[lesson.id] ?? { ...EMPTY }) : undefined;
  };
  const setProgress = (progress: Progress) => {
    store.setState({ progress });
    progressStorage.write(progress);
  };
  const updateLesson = (fn: (p: LessonProgress) => LessonProgress) => {
    const { lesson, progress } = store.getState();
    if (!lesson) return;
    const p = fn(progress.lessons[lesson.id] ?? { ...EMPTY });
    setProgress({ ...progress, lessons: { ...progress.lessons, [lesson.id]: p } });
  };
  const announce = (announcement: string) => store.setState({ announcement });

  // Checks: re-run a little after the world changes, one run at a time.
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  let again = false;
  let generation = 0;
  const runChecksNow = async () => {
    const state = store.getState();
    const step = currentStep(state);
    if (!state.lesson || !step || step.kind !== 'task' || stepDone(state) || state.preparing)
      return;
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    const gen = generation;
    const live = app.store.getState().live;
    try {
      const results = await runChecks(live.session, step, registry);
      if (gen !== generation) return;
      store.setState({ checks: results });
      if (allPass(results)) complete(`Step ${state.stepIndex + 1} complete: ${step.title}.`);
    } catch (e) {
      console.error('A lesson check failed to run', e);
    } finally {
      checking = false;
      if (again) {
        again = false;
        scheduleChecks();
      }
    }
  };
  const scheduleChecks = () => {
    if (checkTimer !== undefined) return;
    checkTimer = setTimeout(() => {
      checkTimer = undefined;
      void runChecksNow();
    }, checkDelay);
  };
  let lastRevision = app.store.getState().revision;
  const unsubscribe = app.store.subscribe((s) => {
    if (s.revision === lastRevision) return;
    lastRevision = s.revision;
    scheduleChecks();
  });

  const complete = (message: string) => {
    const { stepIndex, lesson } = store.getState();
    updateLesson((p) => ({
      ...p,
      completed: p.completed.includes(stepIndex)
        ? p.completed
        : [...p.completed, stepIndex].sort((a, b) => a - b),
    }));
    const last = lesson && stepIndex === lesson.steps.length - 1;
    announce(last ? `${message} Lesson complete: ${lesson.title}.` : message);
  };

  /** Shows `index` of `lesson` with the session `live` (already prepared for it). */
  const show = async (lesson: Lesson | undefined, index: number, live: LiveSession) => {
    generation++;
    await app.switchTo(live, storageOf(lesson ? lesson.id : SANDBOX));
    point(lesson, index);
  };

  /** The course now shows step `index` of `lesson` (or the sandbox), and remembers it. */
  const point = (lesson: Lesson | undefined, index: number) => {
    const progress = store.getState().progress;
    const lessons = lesson
      ? {
          ...progress.lessons,
          [lesson.id]: { ...(progress.lessons[lesson.id] ?? EMPTY), step: index },
        }
      : progress.lessons;
    setProgress({ ...progress, current: lesson ? lesson.id : SANDBOX, lessons });
    store.setState({ lesson, stepIndex: index, checks: undefined, answer: undefined });
    scheduleChecks();
  };

  const preparing = async <T>(message: string, fn: () => Promise<T>): Promise<T> => {
    store.setState({ preparing: message });
    try {
      return await fn();
    } finally {
      store.setState({ preparing: undefined });
    }
  };

  const prepared = (lesson: Lesson, index: number) =>
    preparing(
      index === 0 ? `Preparing “${lesson.title}”…` : `Preparing step ${index + 1}…`,
      async () => new LiveSession({ fresh: await prepareStep(lesson, index, registry) }),
    );

  const savedLive = async (place: string): Promise<LiveSession | undefined> => {
    try {
      const saved = await load(storageOf(place));
      return saved ? new LiveSession(saved.live) : undefined;
    } catch (e) {
      console.error(`The saved world of ${place} could not be read; starting it afresh`, e);
      return undefined;
    }
  };

  const openLesson = async (id: string) => {
    const lesson = lessonById(id);
    if (!lesson) {
      announce(`There is no lesson “${id}”.`);
      return;
    }
    const p = store.getState().progress.lessons[id];
    const index = Math.min(p?.step ?? 0, lesson.steps.length - 1);
    const live = (await savedLive(id)) ?? (await prepared(lesson, index));
    await show(lesson, index, live);
    announce(`${lesson.title}, step ${index + 1} of ${lesson.steps.length}.`);
  };

  const goToStep = async (index: number) => {
    const { lesson } = store.getState();
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    await show(lesson, index, await prepared(lesson, index));
    announce(`Step ${index + 1} of ${lesson.steps.length}: ${lesson.steps[index]?.title ?? ''}.`);
  };

  const tutorial: Tutorial = {
    store,
    begin: point,
    openLesson,
    async openSandbox() {
      const live = (await savedLive(SANDBOX)) ?? new LiveSession({ seed: 1 });
      await show(undefined, 0, live);
      announce('Sandbox: nothing is checked here.');
    },
    goToStep,
    async next() {
      const { lesson, stepIndex } = store.getState();
      if (!lesson) return;
      const index = stepIndex + 1;
      if (index >= lesson.steps.length) {
        const following = catalog.lessons[catalog.lessons.indexOf(lesson) + 1];
        if (following) await openLesson(following.id);
        return;
      }
      const live = app.store.getState().live;
      const ran = await live.between((session) => enterStep(session, lesson, index, registry));
      if (!ran) {
        announce('A command is still running: stop it with Ctrl-C, then go on.');
        return;
      }
      generation++;
      updateLesson((p) => ({ ...p, step: index }));
      store.setState({ stepIndex: index, checks: undefined, answer: undefined });
      announce(`Step ${index + 1} of ${lesson.steps.length}: ${lesson.steps[index]?.title ?? ''}.`);
      scheduleChecks();
    },
    async continueReading() {
      const step = currentStep(store.getState());
      if (step?.kind !== 'reading') return;
      complete(`Read: ${step.title}.`);
      await tutorial.next();
    },
    answer(text) {
      const step = currentStep(store.getState());
      if (step?.kind !== 'question' || !step.answer) return false;
      step.answer.lastIndex = 0;
      const correct = step.answer.test(text.trim());
      store.setState({ answer: { text, correct } });
      if (correct) complete(`Right. Step ${store.getState().stepIndex + 1} complete.`);
      else announce('Not quite: read the step again, or show a hint.');
      return correct;
    },
    choose(index) {
      const step = currentStep(store.getState());
      const choice = step?.kind === 'question' ? step.choices?.[index] : undefined;
      if (!choice) return false;
      store.setState({ answer: { text: choice.text, correct: choice.correct } });
      if (choice.correct) complete(`Right. Step ${store.getState().stepIndex + 1} complete.`);
      else announce('Not quite: try another answer, or show a hint.');
      return choice.correct;
    },
    revealHint() {
      const state = store.getState();
      const step = currentStep(state);
      if (!step) return;
      const shown = mine()?.hints[state.stepIndex] ?? 0;
      if (shown >= step.hints.length) return;
      updateLesson((p) => ({ ...p, hints: { ...p.hints, [state.stepIndex]: shown + 1 } }));
      announce(`Hint ${shown + 1} of ${step.hints.length}: ${step.hints[shown] ?? ''}`);
    },
    showSolution() {
      const { stepIndex } = store.getState();
      updateLesson((p) =>
        p.solutions.includes(stepIndex) ? p : { ...p, solutions: [...p.solutions, stepIndex] },
      );
    },
    paste(text) {
      app.store.getState().live.suggest(text);
    },
    async resetStep() {
      const { lesson, stepIndex } = store.getState();
      if (!lesson) return;
      updateLesson((p) => ({ ...p, completed: p.completed.filter((i) => i !== stepIndex) }));
      await goToStep(stepIndex);
    },
    async resetLesson() {
      const { lesson } = store.getState();
      if (!lesson) {
        await app.switchTo(new LiveSession({ seed: 1 }), storageOf(SANDBOX));
        return;
      }
      const progress = store.getState().progress;
      const lessons = { ...progress.lessons };
      delete lessons[lesson.id];
      setProgress({ ...progress, lessons });
      await show(lesson, 0, await prepared(lesson, 0));
      announce(`${lesson.title} starts again.`);
    },
    exportProgress() {
      return `${JSON.stringify({ kind: EXPORT_KIND, ...store.getState().progress }, null, 2)}\n`;
    },
    importProgress(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return {
          ok: false,
          error: 'This file is not progress exported from this page (not JSON).',
        };
      }
      const kind = (value as { kind?: unknown } | null)?.kind;
      const progress = kind === EXPORT_KIND ? sanitizeProgress(value) : undefined;
      if (!progress)
        return { ok: false, error: 'This file is not progress exported from this page.' };
      const { lesson } = store.getState();
      setProgress({ ...progress, current: store.getState().progress.current });
      if (lesson) {
        const step = Math.min(progress.lessons[lesson.id]?.step ?? 0, lesson.steps.length - 1);
        store.setState({ stepIndex: step, checks: undefined, answer: undefined });
        scheduleChecks();
      }
      announce('Progress imported.');
      return { ok: true };
    },
    dispose() {
      unsubscribe();
      if (checkTimer !== undefined) clearTimeout(checkTimer);
    },
  };
  return tutorial;
}
