// kubectl get --sort-by: staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go (isLess, TableSorter),
// through Go's sort.Sort, which is not stable: rows that compare equal come out in the order its
// pattern-defeating quicksort leaves them (see goSort).
import { compileJsonPath, findJsonPathResults } from '../../printers/jsonpath';
import { relaxedJsonPathExpression } from '../../printers/customColumns';
import { goSort } from '../../printers/gosort';

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
