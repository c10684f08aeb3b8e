// Pure helpers of the Deployment controller (pkg/controller/deployment/util): template hashing,
// revisions, surge and unavailability arithmetic.
import { NAME_ALPHABET } from '../../rng';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../types';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** Annotations a Deployment never passes on to its ReplicaSets. */
const NOT_COPIED = new Set([
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision-history',
]);

export function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {}))
    if (!NOT_COPIED.has(k)) out[k] = v;
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The pod-template-hash: FNV-32a over the template (and the collision count), its decimal form
 * mapped onto Kubernetes' safe alphabet character by character, as rand.SafeEncodeString does.
 */
export function templateHash(template: PodTemplateSpec | undefined, collisionCount = 0): string {
  let h = 0x811c9dc5;
  const text = canonical(withoutHash(template)) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h >>> 0)]
    .map((c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length])
    .join('');
}

/** A template without the pod-template-hash label, to compare a ReplicaSet's with a Deployment's. */
export function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = template ?? {};
  const labels = { ...t.metadata?.labels };
  delete labels[HASH_LABEL];
  const metadata = { ...t.metadata, labels };
  delete (metadata as { creationTimestamp?: unknown }).creationTimestamp;
  return { ...t, metadata };
}

export function sameTemplate(
  a: PodTemplateSpec | undefined,
  b: PodTemplateSpec | undefined,
): boolean {
  return canonical(withoutHash(a)) === canonical(withoutHash(b));
}

export function revisionOf(rs: ReplicaSet): number {
  const n = Number(rs.metadata?.annotations?.[REVISION] ?? '0');
  return Number.isFinite(n) ? n : 0;
}

export function maxRevision(sets: readonly ReplicaSet[]): number {
  return sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** An int-or-percent against a total, rounded up or down (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(
  value: string | number | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable resolved; both zero is not allowed, so unavailable becomes 1. */
export function surgeAndUnavailable(d: Deployment): { surge: number; unavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type !== 'RollingUpdate') return { surge: 0, unavailable: 0 };
  const ru = d.spec.strategy.rollingUpdate;
  const surge = scaled(ru?.maxSurge, replicas, true);
  let unavailable = scaled(ru?.maxUnavailable, replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, replicas) };
}

export function specReplicas(sets: readonly ReplicaSet[]): number {
  return sets.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
}

export function statusSum(
  sets: readonly ReplicaSet[],
  field: 'replicas' | 'readyReplicas' | 'availableReplicas',
): number {
  return sets.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);
}

export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const t =
    Date.parse(a.metadata?.creationTimestamp ?? '') -
    Date.parse(b.metadata?.creationTimestamp ?? '');
  return t || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}
