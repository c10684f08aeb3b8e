// What the page's URL asks for (DESIGN.md §4.3).
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface PageParams {
  /** A fresh world with this seed instead of the saved session. */
  seed: number | undefined;
  speed: number | undefined;
  theme: ThemeChoice | undefined;
}

export function readParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const seed = q.get('seed');
  const speed = q.get('speed');
  const theme = q.get('theme');
  return {
    seed: seed !== null && /^\d{1,9}$/.test(seed) ? Number(seed) : undefined,
    speed:
      speed !== null && Number(speed) >= 0 && Number(speed) <= 1000 ? Number(speed) : undefined,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
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
