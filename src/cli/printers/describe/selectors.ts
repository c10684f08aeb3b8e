// Label selectors as kubectl prints and evaluates them.
// Source: k8s.io/apimachinery (release-1.32) pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
// FormatLabelSelector), pkg/labels/selector.go (Requirement.String, sorted by key, values sorted),
// pkg/labels/labels.go (FormatLabels).
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { byteOrder } from './writer';

interface Requirement {
  key: string;
  text: string;
}

function requirements(selector: LabelSelector): Requirement[] {
  const reqs: Requirement[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${selector.matchLabels?.[key] ?? ''}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(byteOrder).join(',');
    switch (expr.operator) {
      case 'In':
        reqs.push({ key: expr.key, text: `${expr.key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key: expr.key, text: `${expr.key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: expr.key, text: expr.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: expr.key, text: `!${expr.key}` });
        break;
    }
  }
  return reqs.sort((a, b) => byteOrder(a.key, b.key));
}

/** labels.Selector.String() of LabelSelectorAsSelector: empty for a missing or empty selector. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  return requirements(selector)
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, but `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return selectorString(selector) || '<none>';
}

/**
 * Whether labels satisfy a selector. A missing selector matches nothing, an empty one everything,
 * as LabelSelectorAsSelector makes them.
 */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, expr.key);
    const value = l[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!has || value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
