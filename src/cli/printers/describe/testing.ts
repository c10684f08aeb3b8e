// An in-memory ObjectReader for the describe tests.
import type { Kind, KindMap, KubeObject, ObjectReader } from '../../../engine/k8s/types';

type Stored = KubeObject & { kind?: string };

function key(o: KubeObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** Objects must carry their `kind`; lists come back sorted by namespace/name, as the API sorts. */
export function memoryReader(objects: readonly Stored[]): ObjectReader {
  const ofKind = <K extends Kind>(kind: K, namespace?: string): KindMap[K][] =>
    objects
      .filter(
        (o) => o.kind === kind && (namespace === undefined || o.metadata?.namespace === namespace),
      )
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) as KindMap[K][];
  return {
    get: (kind, namespace, name) => ofKind(kind, namespace).find((o) => o.metadata?.name === name),
    list: (kind, namespace) => ofKind(kind, namespace),
  };
}
