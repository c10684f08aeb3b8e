// Small helpers the controllers share.
import type { Tx } from '../store';
import { keyOf } from '../store';
import type { KubeObject, Pod } from '../types';

/** The ownerReference marked controller: true, if any. */
export function controllerOf(obj: KubeObject | undefined) {
  return obj?.metadata?.ownerReferences?.find((r) => r.controller);
}

/** The key of the owner of `obj` when that owner is of `kind`. */
export function* ownerKey(obj: KubeObject | undefined, kind: string): Iterable<string> {
  const ref = controllerOf(obj);
  if (obj && ref && ref.kind === kind) yield keyOf(obj.metadata?.namespace ?? '', ref.name);
}

export function* selfKey(obj: KubeObject | undefined): Iterable<string> {
  if (obj) yield keyOf(obj.metadata?.namespace ?? '', obj.metadata?.name ?? '');
}

export function* both(
  f: (o: KubeObject | undefined) => Iterable<string>,
  a: KubeObject | undefined,
  b: KubeObject | undefined,
): Iterable<string> {
  yield* f(a);
  yield* f(b);
}

export function isTerminating(obj: KubeObject): boolean {
  return !!obj.metadata?.deletionTimestamp;
}

export function podCondition(pod: Pod, type: string) {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return since + minReadySeconds * 1000 <= now;
}

/** Active pods as the ReplicaSet controller counts them: not terminating, not finished. */
export function isPodActive(pod: Pod): boolean {
  return (
    !pod.metadata?.deletionTimestamp &&
    pod.status?.phase !== 'Succeeded' &&
    pod.status?.phase !== 'Failed'
  );
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes `next` only when it differs from `current` (ignoring resourceVersion). */
export function putIfChanged<T extends KubeObject>(
  tx: Tx,
  kind: Parameters<Tx['put']>[0],
  current: T,
  next: T,
): T {
  const strip = (o: T) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  if (deepEqual(strip(current), strip(next))) return current;
  return tx.put(kind, next as never) as T;
}

/** A deep copy of plain JSON data (objects in the store are always plain JSON). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
