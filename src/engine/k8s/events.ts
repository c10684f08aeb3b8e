// Event recording as client-go's EventRecorder does it: one Event object per distinct
// (object, reason, message, source), later occurrences raise its count and lastTimestamp.
import { randomUid } from '../rng';
import { HOUR, rfc3339 } from '../time';
import type { Controller, Tx } from './store';
import type { Event, KubeObject } from './types';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventOptions {
  /** e.g. `spec.containers{nginx}` for kubelet events about one container. */
  fieldPath?: string;
  /**
   * Recorded through the events.k8s.io/v1 API (as the scheduler does): eventTime, action and the
   * reporting controller are set, the old source and timestamps are not.
   */
  action?: string;
}

/** The API server forgets an event an hour after it last happened. */
export const EVENT_TTL = HOUR;

/** metav1.MicroTime: RFC 3339 with microseconds. */
function microTime(tx: Tx): string {
  const micros = String((tx.now % 1000) * 1000 + tx.rng.int(0, 999)).padStart(6, '0');
  return `${rfc3339(tx.now).slice(0, -1)}.${micros}Z`;
}

/**
 * Event names are the object's name and the time in nanoseconds, in hex. Events recorded in the
 * same millisecond happened one after another: their nanoseconds grow, so that listing them by
 * name (as the API server does) keeps their order.
 */
function eventNanos(tx: Tx): bigint {
  const last = tx.getRuntime<{ ms: number; n: number }>('event-clock', '');
  const n = last?.ms === tx.now ? last.n + 1 : 0;
  tx.setRuntime('event-clock', '', { ms: tx.now, n });
  return BigInt(tx.now) * 1_000_000n + BigInt(Math.min(n, 999) * 1000 + tx.rng.int(0, 999));
}

function involvedRef(involved: KubeObject, fieldPath?: string): Event['involvedObject'] {
  return {
    apiVersion: involved.apiVersion,
    kind: involved.kind,
    name: involved.metadata?.name,
    namespace: involved.metadata?.namespace,
    resourceVersion: involved.metadata?.resourceVersion,
    uid: involved.metadata?.uid,
    ...(fieldPath ? { fieldPath } : {}),
  };
}

export function recordEvent(
  tx: Tx,
  involved: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  options: EventOptions = {},
): void {
  const ns = involved.metadata?.namespace ?? 'default';
  const uid = involved.metadata?.uid ?? '';
  const now = rfc3339(tx.now);
  tx.wakeAt(eventTtl.name, '', 'sweep', tx.now + EVENT_TTL);
  const name = `${involved.metadata?.name ?? ''}.${eventNanos(tx).toString(16)}`;
  if (options.action) {
    tx.put('Event', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: randomUid(tx.rng), creationTimestamp: now },
      involvedObject: involvedRef(involved),
      action: options.action,
      eventTime: microTime(tx),
      firstTimestamp: null as unknown as string,
      lastTimestamp: null as unknown as string,
      message,
      reason,
      reportingComponent: source.component,
      reportingInstance: `${source.component}-${source.host ?? 'control-plane'}`,
      source: {},
      type,
    });
    return;
  }
  const existing = tx
    .ownedBy('Event', ns, uid)
    .find(
      (e) =>
        e.reason === reason &&
        e.message === message &&
        e.source?.component === source.component &&
        e.source?.host === source.host &&
        e.involvedObject.fieldPath === options.fieldPath,
    );
  if (existing) {
    tx.put('Event', { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
    return;
  }
  tx.put('Event', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns, uid: randomUid(tx.rng), creationTimestamp: now },
    involvedObject: involvedRef(involved, options.fieldPath),
    reason,
    message,
    source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null as unknown as string,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  });
}

function lastSeen(e: Event): number {
  return Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '');
}

/** Sweeps out events an hour after they last happened, then sleeps until the next one is due. */
export const eventTtl: Controller = {
  name: 'event-ttl',
  manager: 'kube-apiserver',
  watches: {},
  reconcile(tx) {
    let next: number | undefined;
    for (const ev of tx.list('Event')) {
      const expires = lastSeen(ev) + EVENT_TTL;
      if (expires <= tx.now)
        tx.remove('Event', ev.metadata?.namespace ?? '', ev.metadata?.name ?? '');
      else if (next === undefined || expires < next) next = expires;
    }
    if (next !== undefined) tx.wakeAt(eventTtl.name, '', 'sweep', next);
  },
};
