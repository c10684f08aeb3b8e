// Which world the page opens, decided before the simulator loads (the page's first script reads
// it): the lesson the URL names, else the one the learner had open, else the course's first.
// Kept tiny: it imports nothing of the simulator.

/** The course's first lesson: where a newcomer starts. */
export const FIRST_LESSON = 'imperative';

export const SANDBOX_PLACE = 'sandbox';

export const PROGRESS_KEY = 'gitops-explained:progress';

/** The lesson (or `sandbox`) last open, as the saved progress says; undefined if none. */
export function savedPlace(): string | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as { current?: unknown };
    return typeof v?.current === 'string' ? v.current : undefined;
  } catch {
    return undefined;
  }
}

export interface PlaceParams {
  lesson: string | undefined;
  mode: 'sandbox' | undefined;
  seed: number | undefined;
}

/** The place to open: the URL's choice, then the saved one, then the first lesson. */
export function pagePlace(params: PlaceParams, saved: string | undefined): string {
  if (params.mode === 'sandbox' || params.seed !== undefined) return SANDBOX_PLACE;
  if (params.lesson !== undefined) return params.lesson;
  return saved ?? FIRST_LESSON;
}
