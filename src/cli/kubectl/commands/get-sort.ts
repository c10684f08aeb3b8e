// Sorting as kubectl does it. Go's sort.Sort is not stable: rows that compare equal come out in
// the order its pattern-defeating quicksort leaves them, so the algorithm is reproduced step for
// step (Go 1.23 src/sort/zsortinterface.go and sort.go, whose xorshift is 13/17/5 — checked against
// kubectl's own output) to print equal rows in kubectl's order.
// --sort-by's comparison: staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go (isLess, TableSorter).
import { compileJsonPath, findJsonPathResults } from '../../printers/jsonpath';
import { relaxedJsonPathExpression } from '../../printers/customColumns';

interface SortData {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

function insertionSort(d: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown(d: SortData, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: SortData, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, 0, i, first);
  }
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

const MASK64 = (1n << 64n) - 1n;

function bitsLen(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

function breakPatterns(d: SortData, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const modulus = 1 << bitsLen(length);
  const mid = a + Math.trunc(length / 4) * 2;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 17n;
    random ^= (random << 5n) & MASK64;
    let other = Number(random & BigInt(modulus - 1));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

function choosePivot(d: SortData, a: number, b: number): [number, number] {
  const l = b - a;
  const swaps = { n: 0 };
  const quarter = Math.trunc(l / 4);
  let i = a + quarter;
  let j = a + quarter * 2;
  let k = a + quarter * 3;
  const order2 = (x: number, y: number): [number, number] => {
    if (d.less(y, x)) {
      swaps.n++;
      return [y, x];
    }
    return [x, y];
  };
  const median = (x0: number, y0: number, z0: number): number => {
    const [x1, y1] = order2(x0, y0);
    const [y2] = order2(y1, z0);
    return order2(x1, y2)[1];
  };
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  if (swaps.n === 0) return [j, INCREASING_HINT];
  if (swaps.n === 12) return [j, DECREASING_HINT];
  return [j, UNKNOWN_HINT];
}

function reverseRange(d: SortData, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

function partialInsertionSort(d: SortData, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

function partitionEqual(d: SortData, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partition(d: SortData, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function pdqsort(d: SortData, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) {
      insertionSort(d, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === DECREASING_HINT) {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT && partialInsertionSort(d, a, b))
      return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** Go's sort.Sort over a copy of `items`, with `less` comparing two items. */
export function goSort<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  const n = out.length;
  if (n <= 1) return out;
  const d: SortData = {
    less: (i, j) => less(out[i] as T, out[j] as T),
    swap: (i, j) => {
      const t = out[i] as T;
      out[i] = out[j] as T;
      out[j] = t;
    },
  };
  pdqsort(d, 0, n, bitsLen(n));
  return out;
}

// ---- --sort-by -----------------------------------------------------------------------------

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** resource.ParseQuantity, as far as ordering needs it: the value, or undefined. */
export function quantityValue(s: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(
    s,
  );
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * (SUFFIX[m[3] ?? ''] ?? 1);
}

/** isLess for two JSON values found by the sort field; integers, floats and strings compare. */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantityValue(a);
    const qb = quantityValue(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  // Mixed or unsortable values: kubectl exits with an error; keep the order instead.
  return false;
}

export type SortResult<T> = { ok: true; items: T[] } | { ok: false; error: string };

/** The field as kubectl parses --sort-by: relaxed (`.a.b` → `{.a.b}`), else as typed. */
export function sortField(sortBy: string): string {
  const relaxed = relaxedJsonPathExpression(sortBy);
  return relaxed.ok ? relaxed.template : sortBy;
}

/**
 * Sorts objects by a --sort-by field: an object without the field sorts first; when no object
 * has it, kubectl refuses with `couldn't find any field with path …`.
 */
export function sortByField<T>(
  items: readonly T[],
  sortBy: string,
  data: (item: T) => unknown,
): SortResult<T> {
  if (items.length === 0) return { ok: true, items: [] };
  const field = sortField(sortBy);
  const parsed = compileJsonPath(field);
  if (!parsed.ok) return { ok: false, error: `sorting error: ${parsed.error}` };
  const keyed = items.map((item) => {
    const r = findJsonPathResults(parsed.template, data(item), true);
    const first = r.ok ? r.sets[0] : undefined;
    return { item, found: first !== undefined && first.length > 0, value: first?.[0] };
  });
  if (!keyed.some((k) => k.found))
    return {
      ok: false,
      error: `couldn't find any field with path "${field}" in the list of objects`,
    };
  const sorted = goSort(keyed, (a, b) => {
    if (!a.found) return true;
    if (!b.found) return false;
    return isLess(a.value, b.value);
  });
  return { ok: true, items: sorted.map((k) => k.item) };
}
