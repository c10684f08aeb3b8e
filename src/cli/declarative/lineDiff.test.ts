// Hunks and their headers are pinned against GNU diffutils `diff -u` (src/analyze.c, context.c)
// on the same inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffHunks, diffLines, formatHunks, splitLines } from './lineDiff';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const letters = 'abcdefghijklmn'.split('');

describe('splitLines', () => {
  it('drops only the empty line after a final newline', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('a')).toEqual(['a']);
  });
});

describe('diffLines', () => {
  it('keeps common lines and removes before it adds', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
    ]);
  });

  it('finds a longest common subsequence: both texts come back, fewest lines changed', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.array(line, { maxLength: 20 }), (a, b) => {
        const d = diffLines(a, b);
        expect(d.filter((l) => l.op !== '+').map((l) => l.text)).toEqual(a);
        expect(d.filter((l) => l.op !== '-').map((l) => l.text)).toEqual(b);
        const kept = d.filter((l) => l.op === ' ').length;
        expect(kept).toBe(lcsLength(a, b));
      }),
    );
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++)
      row.push(x === b[j] ? (prev[j] ?? 0) + 1 : Math.max(prev[j + 1] ?? 0, row[j] ?? 0));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

describe('diffHunks', () => {
  it('splits distant changes into hunks with three lines of context, as diff -u does', () => {
    const before = text(...letters);
    const after = text(...letters.slice(0, 3), 'D', ...letters.slice(4), 'N2');
    expect(formatHunks(diffHunks(before, after))).toBe(
      [
        '@@ -1,7 +1,7 @@',
        ' a',
        ' b',
        ' c',
        '-d',
        '+D',
        ' e',
        ' f',
        ' g',
        '@@ -12,3 +12,4 @@',
        ' l',
        ' m',
        ' n',
        '+N2',
        '',
      ].join('\n'),
    );
  });

  it('joins changes up to six lines apart into one hunk', () => {
    const before = text('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const after = text('a', 'b', 'X', 'd', 'e', 'f', 'g', 'Y');
    expect(formatHunks(diffHunks(before, after))).toBe(
      '@@ -1,8 +1,8 @@\n a\n b\n-c\n+X\n d\n e\n f\n g\n-h\n+Y\n',
    );
  });

  it('writes empty sides as diff does', () => {
    expect(formatHunks(diffHunks('x\n', ''))).toBe('@@ -1 +0,0 @@\n-x\n');
    expect(formatHunks(diffHunks('', 'x\n'))).toBe('@@ -0,0 +1 @@\n+x\n');
    expect(diffHunks('same\n', 'same\n')).toEqual([]);
  });
});
