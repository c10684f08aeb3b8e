import type { ObjectReader } from '../../../engine/k8s/types';

/** What a describer needs besides the object itself. */
export interface DescribeContext {
  /** Milliseconds since the epoch: the moment ages (`2m (x3 over 5m)`) are measured from. */
  now: number;
  /** The cluster's objects: related ReplicaSets, pods, Endpoints and Events are looked up here. */
  reader: ObjectReader;
}
