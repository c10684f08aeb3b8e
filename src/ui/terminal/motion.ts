// Where the cursor goes by character and by word, as readline moves: a character is a UTF-16
// surrogate pair kept whole, a word is letters and digits.

export const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
export const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

export function wordLeft(b: string, i: number, word = isWordChar): number {
  while (i > 0 && !word(b[i - 1])) i--;
  while (i > 0 && word(b[i - 1])) i--;
  return i;
}
export function wordRight(b: string, i: number): number {
  while (i < b.length && !isWordChar(b[i])) i++;
  while (i < b.length && isWordChar(b[i])) i++;
  return i;
}
export const charLeft = (b: string, i: number) =>
  i >= 2 && /[\uDC00-\uDFFF]/.test(b[i - 1] ?? '') ? i - 2 : Math.max(0, i - 1);
export const charRight = (b: string, i: number) =>
  /[\uD800-\uDBFF]/.test(b[i] ?? '') ? Math.min(b.length, i + 2) : Math.min(b.length, i + 1);
