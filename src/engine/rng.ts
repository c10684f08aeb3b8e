// A small seeded generator (mulberry32). Its whole state is one 32-bit integer, so the world can
// keep it as plain data and a restored world continues the same sequence.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** The current state, to be stored back into the world. */
  readonly state: number;
}

export function seedState(seed: number): number {
  // Spread small seeds (1, 2, 3…) over the whole state space.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(state: number): Rng {
  let s = state >>> 0;
  const rng: Rng = {
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    int(min, max) {
      return min + Math.floor(rng.next() * (max - min + 1));
    },
    get state() {
      return s;
    },
  };
  return rng;
}

/** Kubernetes' alphabet for generated names: no vowels, no confusable characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(rng: Rng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_ALPHABET[rng.int(0, NAME_ALPHABET.length - 1)];
  return out;
}

export function randomUid(rng: Rng): string {
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += rng.int(0, 15).toString(16);
    return out;
  };
  const variant = (8 + rng.int(0, 3)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
