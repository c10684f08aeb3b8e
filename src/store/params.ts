// What the page's URL asks for (DESIGN.md §4.3).
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface PageParams {
  /** A fresh world with this seed instead of the saved session. */
  seed: number | undefined;
  speed: number | undefined;
  theme: ThemeChoice | undefined;
  /** `?lesson=<id>`: open this lesson. */
  lesson: string | undefined;
  /** `?step=<n>` (from 1): with `lesson`, open this step with its world prepared. */
  step: number | undefined;
  /** `?mode=sandbox`: the sandbox, no lesson. */
  mode: 'sandbox' | undefined;
}

export function readParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const seed = q.get('seed');
  const speed = q.get('speed');
  const theme = q.get('theme');
  const lesson = q.get('lesson');
  const step = q.get('step');
  return {
    seed: seed !== null && /^\d{1,9}$/.test(seed) ? Number(seed) : undefined,
    speed:
      speed !== null && Number(speed) >= 0 && Number(speed) <= 1000 ? Number(speed) : undefined,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    lesson: lesson !== null && /^[a-z0-9][a-z0-9-]{0,80}$/.test(lesson) ? lesson : undefined,
    step: step !== null && /^[1-9]\d{0,3}$/.test(step) ? Number(step) : undefined,
    mode: q.get('mode') === 'sandbox' ? 'sandbox' : undefined,
  };
}

/**
 * The URL without `seed`: a reload then continues the session the seed started rather than
 * starting it again (thirty laptops reloading mid-workshop keep their work).
 */
export function withoutSeed(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('seed');
  return url.toString();
}

/**
 * The URL without what opened a place (`seed`, `lesson`, `step`, `mode`): once open, a reload
 * continues where the learner is instead of preparing the step again.
 */
export function withoutPlace(href: string): string {
  const url = new URL(href);
  for (const p of ['seed', 'lesson', 'step', 'mode']) url.searchParams.delete(p);
  return url.toString();
}
