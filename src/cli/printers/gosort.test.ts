// Expected orders produced by Go 1.23's sort.Slice and sort.Sort (go/src/sort/sort.go,
// zsortfunc.go, zsortinterface.go) on the same inputs; the algorithm is pdqsort, so equal
// elements do not keep their input order.
import { describe, expect, it } from 'vitest';
import { goSort, goSortByKey } from './gosort';

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

  it('leaves equal keys where Go 1.23 sort.Sort leaves them', () => {
    // Order recorded from Go's sort.Sort (pdqsort with its pattern-breaking xorshift) on these keys.
    const keys = [
      3, 10, 11, 11, 12, 12, 0, 0, 4, 0, 8, 8, 8, 6, 0, 9, 9, 9, 0, 0, 0, 2, 0, 8, 8, 8, 1, 0, 9, 9,
      9, 5, 0, 7, 8, 8, 0, 0, 0, 0,
    ];
    expect(order(keys).join(' ')).toBe(
      '19 6 38 37 7 20 39 14 36 9 27 32 18 22 26 21 0 8 31 13 33 10 12 23 24 25 35 34 11 16 30 29 28 15 17 1 3 2 5 4',
    );
  });

  it('leaves its input alone', () => {
    const input = [2, 1];
    expect(goSort(input, (a, b) => a < b)).toEqual([1, 2]);
    expect(input).toEqual([2, 1]);
  });
});

describe('goSortByKey', () => {
  it('orders as goSort does with the same comparison, working each key out once', () => {
    const keys = [2, 0, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1];
    const items = keys.map((k, i) => ({ k, i }));
    let computed = 0;
    const sorted = goSortByKey(
      items,
      (x) => {
        computed++;
        return x.k;
      },
      (a, b) => a < b,
    );
    expect(sorted).toEqual(goSort(items, (a, b) => a.k < b.k));
    expect(computed).toBe(items.length);
  });
});
