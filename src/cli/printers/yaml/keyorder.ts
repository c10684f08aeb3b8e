// go-yaml's map key order (goyaml.v2/sorter.go), which kubectl's output shows: digit runs compare
// as numbers and non-letters sort before letters, so `a10` follows `a9` where a plain string sort
// would put it first.
import { codePoints } from './codepoints';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 48 && c <= 57;
  return DIGIT.test(String.fromCodePoint(c));
}

// Keys as code points: an ASCII string indexes directly, others become arrays.
type Runes = string | readonly number[];

function runeAt(r: Runes, i: number): number {
  return typeof r === 'string' ? r.charCodeAt(i) : (r[i] ?? 0);
}

// Go accumulates digit runs in an int64 (wrapping on overflow); non-ASCII digits count from '0'.
function digitRun(r: Runes, from: number, seed: bigint): [bigint, number] {
  let n = seed;
  let i = from;
  for (; i < r.length && isDigit(runeAt(r, i)); i++)
    n = BigInt.asIntN(64, n * 10n + BigInt(runeAt(r, i) - 48));
  return [n, i];
}

function keyLess(ar: Runes, br: Runes): boolean {
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const a = runeAt(ar, i);
    const b = runeAt(br, i);
    if (a === b) continue;
    const al = isLetter(a);
    const bl = isLetter(b);
    if (al && bl) return a < b;
    if (al || bl) return bl;
    let seed = 0n;
    if (a === 48 || b === 48) {
      for (let j = i - 1; j >= 0 && isDigit(runeAt(ar, j)); j--) {
        if (runeAt(ar, j) !== 48) {
          seed = 1n;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, seed);
    const [bn, bi] = digitRun(br, i, seed);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return a < b;
  }
  return ar.length < br.length;
}

const ASCII = /^[^\u0080-\uffff]*$/;

export function sortedKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const runes = new Map<string, Runes>(keys.map((k) => [k, ASCII.test(k) ? k : codePoints(k)]));
  return keys.sort((a, b) => (keyLess(runes.get(a) ?? a, runes.get(b) ?? b) ? -1 : 1));
}
