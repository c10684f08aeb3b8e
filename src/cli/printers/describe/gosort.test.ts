// Expected orders produced by Go's sort.Slice (go/src/sort/slice.go, zsortfunc.go) on the same
// inputs; the algorithm is pdqsort, so equal elements do not keep their input order.
import { describe, expect, it } from 'vitest';
import { goSort } from './gosort';

const order = (keys: number[]): number[] =>
  goSort(
    keys.map((k, i) => ({ k, i })),
    (a, b) => a.k < b.k,
  ).map((x) => x.i);

describe('goSort', () => {
  it('sorts short slices by insertion, keeping ties in order', () => {
    expect(order([3, 1, 2, 1, 3, 0])).toEqual([5, 1, 3, 2, 0, 4]);
  });

  it('reorders ties exactly as Go does for longer slices', () => {
    expect(order([0, 2, 3, 1, 0, 3, 1, 2, 0, 1, 2, 3, 0, 2, 3, 1, 0])).toEqual([
      8, 4, 0, 16, 12, 3, 9, 6, 15, 13, 7, 1, 10, 11, 2, 14, 5,
    ]);
    const keys = [
      2, 1, 2, 4, 3, 2, 4, 4, 0, 4, 1, 0, 4, 0, 1, 0, 0, 3, 4, 4, 3, 0, 3, 2, 1, 4, 0, 4, 0, 0, 3,
      3, 4, 4, 4, 3, 0, 1, 0, 3, 1, 1, 3, 1, 4, 2, 1, 2, 2, 2, 1, 4, 3, 1, 3, 2, 1, 2, 1, 0,
    ];
    expect(order(keys)).toEqual([
      13, 28, 59, 29, 21, 36, 26, 38, 8, 16, 15, 11, 50, 41, 14, 10, 43, 40, 46, 37, 53, 56, 58, 1,
      24, 45, 47, 2, 23, 0, 48, 49, 57, 5, 55, 20, 35, 54, 4, 39, 17, 52, 42, 31, 30, 22, 34, 7, 44,
      9, 6, 51, 12, 18, 19, 25, 33, 32, 3, 27,
    ]);
  });

  it('leaves its input alone', () => {
    const input = [2, 1];
    expect(goSort(input, (a, b) => a < b)).toEqual([1, 2]);
    expect(input).toEqual([2, 1]);
  });
});
