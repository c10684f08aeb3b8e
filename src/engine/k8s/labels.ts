// Label selectors: the `-l` string syntax kubectl accepts and the LabelSelector objects
// Deployments and ReplicaSets carry, matched the way the API server matches them.
import type { LabelSelector } from './types';

export type Requirement =
  { op: 'in' | 'notin'; key: string; values: string[] } | { op: 'exists' | '!'; key: string };

export type Selector = readonly Requirement[];

export function matches(
  selector: Selector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(l[r.key] as string)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(l[r.key] as string)) return false;
        break;
      default: {
        const never: never = r;
        throw new Error(`unknown requirement ${String(never)}`);
      }
    }
  }
  return true;
}

/** A LabelSelector object (matchLabels + matchExpressions) as requirements. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {}))
    out.push({ op: 'in', key, values: [value] });
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') out.push({ op: 'in', key: e.key, values: e.values ?? [] });
    else if (e.operator === 'NotIn') out.push({ op: 'notin', key: e.key, values: e.values ?? [] });
    else if (e.operator === 'Exists') out.push({ op: 'exists', key: e.key });
    else if (e.operator === 'DoesNotExist') out.push({ op: '!', key: e.key });
  }
  return out;
}

/** A map selector (a Service's spec.selector). An empty map selects nothing for Services. */
export function fromMap(map: Readonly<Record<string, string>>): Selector {
  return Object.entries(map).map(([key, value]) => ({ op: 'in', key, values: [value] }));
}

/** `app=my-app,pod-template-hash=…` as kubectl prints a LabelSelector (metav1.FormatLabelSelector). */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {}).sort())
    parts.push(`${key}=${sel.matchLabels?.[key]}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

const keyRe =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const valueRe = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * Parses the `-l` syntax (`app=my-app`, `tier!=db`, `env in (a,b)`, `env notin (a)`, `key`, `!key`).
 * Errors are worded as the label parser words them.
 */
export function parseSelector(
  text: string,
): { ok: true; selector: Selector } | { ok: false; error: string } {
  const out: Requirement[] = [];
  let i = 0;
  const s = text;
  const skipSpace = () => {
    while (s[i] === ' ') i++;
  };
  const readKey = () => {
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i] as string)) i++;
    return s.slice(start, i);
  };
  skipSpace();
  if (i >= s.length) return { ok: true, selector: [] };
  while (i < s.length) {
    skipSpace();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
      skipSpace();
    }
    const key = readKey();
    if (!keyRe.test(key) || key.length === 0)
      return {
        ok: false,
        error: `unable to parse requirement: found '${key}', expected: identifier`,
      };
    skipSpace();
    if (negate) {
      out.push({ op: '!', key });
    } else if (s.startsWith('!=', i) || s.startsWith('==', i) || s[i] === '=') {
      const op = s.startsWith('!=', i) ? 'notin' : 'in';
      i += s.startsWith('!=', i) || s.startsWith('==', i) ? 2 : 1;
      skipSpace();
      const value = readKey();
      if (!valueRe.test(value)) return { ok: false, error: `invalid label value: "${value}"` };
      out.push({ op, key, values: [value] });
    } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
      const op = s.startsWith('notin', i) ? 'notin' : 'in';
      i = s.indexOf('(', i) + 1;
      const close = s.indexOf(')', i);
      if (close < 0)
        return { ok: false, error: `unable to parse requirement: found '', expected: )` };
      const values = s
        .slice(i, close)
        .split(',')
        .map((v) => v.trim());
      i = close + 1;
      out.push({ op, key, values });
    } else {
      out.push({ op: 'exists', key });
    }
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ',')
        return {
          ok: false,
          error: `unable to parse requirement: found '${s.slice(i)}', expected: ',', '!=', '=', '==', 'in', notin'`,
        };
      i++;
    }
  }
  return { ok: true, selector: out };
}
