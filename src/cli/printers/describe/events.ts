// The Events section at the end of most descriptions, and the search for the events of an object.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): DescribeEvents,
// searchEvents; staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go (SortableEvents:
// by lastTimestamp); client-go EventInterface.GetFieldSelector (involvedObject name, namespace,
// kind, uid).
import type { Event, ObjectReader } from '../../../engine/k8s/types';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { parseTimestamp, translateTimestampSince } from '../age';
import { goSortByKey } from '../gosort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

export interface EventQuery {
  name: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  /** Left out for pods: kubectl clears the kind of a pod's reference before searching. */
  kind?: string;
  uid?: string;
}

function matches(e: Event, q: EventQuery): boolean {
  const ref = e.involvedObject;
  if ((ref.name ?? '') !== q.name) return false;
  if ((ref.namespace ?? '') !== q.namespace) return false;
  if (q.kind !== undefined && (ref.kind ?? '') !== q.kind) return false;
  if (q.uid !== undefined && (ref.uid ?? '') !== q.uid) return false;
  return true;
}

/**
 * The events the API server returns for a field-selector search, in its list order. Events of a
 * cluster-scoped object may live in any namespace (they are usually in `default`).
 */
export function searchEvents(reader: ObjectReader, q: EventQuery): Event[] {
  const pool = reader.list('Event', q.namespace === '' ? undefined : q.namespace);
  return pool.filter((e) => matches(e, q));
}

/** The events about an object of that kind: searched by its name, namespace, kind and uid. */
export function objectEvents(reader: ObjectReader, kind: string, meta: ObjectMeta): Event[] {
  return searchEvents(reader, {
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    kind,
    uid: meta.uid ?? '',
  });
}

/** Go's zero time sorts before every real timestamp. */
function lastTimestampKey(e: Event): number {
  return parseTimestamp(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
}

/**
 * The age column, and `kubectl events`' LAST SEEN (event_printer.go, getInterval): `5m`, or
 * `2m (x3 over 5m)` for a repeated event.
 */
export function eventInterval(e: Event, now: number): string {
  const since = (t: string | null | undefined): string => translateTimestampSince(t, now);
  const first = e.eventTime ? since(e.eventTime) : since(e.firstTimestamp);
  if (e.series)
    return `${since(e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp)} (x${e.count ?? 0} over ${first})`;
  return first;
}

export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSortByKey(events, lastTimestampKey, (a, b) => a < b);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`,
    );
  }
}
