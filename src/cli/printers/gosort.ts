// Go's sort.Sort / sort.Slice (pattern-defeating quicksort), reproduced so that elements that
// compare equal end up in the same order as in kubectl's output: the sort is not stable, so
// fifteen events recorded in the same second are not printed in the order they came in.
// Source: go/src/sort/sort.go (Sort, xorshift, nextPowerOfTwo), zsortfunc.go and
// zsortinterface.go (pdqsort and its helpers) as of Go 1.23, which kubectl v1.32 is built with.
// Its xorshift shifts by 13, 17 and 5 (Go later changed them: golang/go#70144); the order that
// gives for equal elements was checked against kubectl's own output.

type Less = (i: number, j: number) => boolean;
type Swap = (i: number, j: number) => void;

const UNKNOWN = 0;
const INCREASING = 1;
const DECREASING = 2;
const MASK64 = (1n << 64n) - 1n;

/** bits.Len: the number of bits needed to represent n (an array length, below 2^32). */
function bitLen(n: number): number {
  return n <= 0 ? 0 : 32 - Math.clz32(n);
}

function insertionSort(less: Less, swap: Swap, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(j, j - 1); j--) swap(j, j - 1);
  }
}

function siftDown(less: Less, swap: Swap, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && less(first + child, first + child + 1)) child++;
    if (!less(first + root, first + child)) return;
    swap(first + root, first + child);
    root = child;
  }
}

function heapSort(less: Less, swap: Swap, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(less, swap, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    swap(first, first + i);
    siftDown(less, swap, 0, i, first);
  }
}

function breakPatterns(swap: Swap, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const modulus = BigInt(2 ** bitLen(length));
  const next = (): bigint => {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 17n;
    random ^= (random << 5n) & MASK64;
    return random;
  };
  const mid = a + Math.trunc(length / 4) * 2;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    let other = Number(next() & (modulus - 1n));
    if (other >= length) other -= length;
    swap(idx, a + other);
  }
}

function choosePivot(less: Less, a: number, b: number): [number, number] {
  const l = b - a;
  let swaps = 0;
  const order2 = (x: number, y: number): [number, number] => {
    if (less(y, x)) {
      swaps++;
      return [y, x];
    }
    return [x, y];
  };
  // The median of three, found with the same comparisons (and swap count) as Go's median().
  const median = (x: number, y: number, z: number): number => {
    const [x1, y1] = order2(x, y);
    const [y2] = order2(y1, z);
    const [, y3] = order2(x1, y2);
    return y3;
  };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  if (swaps === 0) return [j, INCREASING];
  if (swaps === 12) return [j, DECREASING];
  return [j, UNKNOWN];
}

function reverseRange(swap: Swap, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
}

function partialInsertionSort(less: Less, swap: Swap, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
  }
  return false;
}

function partitionEqual(less: Less, swap: Swap, a: number, b: number, pivot: number): number {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !less(a, i)) i++;
    while (i <= j && less(a, j)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partition(less: Less, swap: Swap, a: number, b: number, pivot: number): [number, boolean] {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && less(i, a)) i++;
  while (i <= j && !less(j, a)) j--;
  if (i > j) {
    swap(j, a);
    return [j, true];
  }
  swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && less(i, a)) i++;
    while (i <= j && !less(j, a)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  swap(j, a);
  return [j, false];
}

function pdqsort(less: Less, swap: Swap, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) {
      insertionSort(less, swap, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(less, swap, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(swap, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(less, a, b);
    if (hint === DECREASING) {
      reverseRange(swap, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING) {
      if (partialInsertionSort(less, swap, a, b)) return;
    }
    if (a > 0 && !less(a - 1, pivot)) {
      a = partitionEqual(less, swap, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(less, swap, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(less, swap, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(less, swap, mid + 1, b, limit);
      b = mid;
    }
  }
}

/**
 * Sorts a copy of items as Go's sort.Slice(items, less) or sort.Sort would, equal elements
 * included.
 */
export function goSort<T>(items: readonly T[], less: (x: T, y: T) => boolean): T[] {
  const data = [...items];
  const n = data.length;
  if (n <= 1) return data;
  const lessAt: Less = (i, j) => less(data[i] as T, data[j] as T);
  const swap: Swap = (i, j) => {
    const t = data[i] as T;
    data[i] = data[j] as T;
    data[j] = t;
  };
  pdqsort(lessAt, swap, 0, n, bitLen(n));
  return data;
}

/** goSort by a key worked out once for each item, for keys that cost something to compute. */
export function goSortByKey<T, K>(
  items: readonly T[],
  key: (item: T) => K,
  less: (a: K, b: K) => boolean,
): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  return goSort(keyed, (a, b) => less(a.key, b.key)).map((k) => k.item);
}
