// The garbage collector (dependents follow their owner, background propagation) and the
// namespace controller (a terminating namespace is emptied, then removed).
import { remove } from '../apiserver';
import type { Controller } from '../store';
import { keyOf } from '../store';
import type { Kind } from '../types';
import { ALL_KINDS, KINDS } from '../types';

const DEPENDENT_KINDS: Kind[] = ['ReplicaSet', 'Pod', 'Endpoints'];

export const garbageCollector: Controller = {
  name: 'garbage-collector',
  manager: 'kube-controller-manager',
  watches: Object.fromEntries(
    ALL_KINDS.map((kind) => [
      kind,
      (
        _tx: unknown,
        after: { metadata?: { uid?: string; namespace?: string } } | undefined,
        before: { metadata?: { uid?: string; namespace?: string } } | undefined,
      ) =>
        !after && before?.metadata?.uid
          ? [keyOf(before.metadata.namespace ?? '', before.metadata.uid)]
          : [],
    ]),
  ),
  reconcile(tx, ns, ownerUid) {
    // Cluster-scoped owners (a Node owning mirror pods) are looked for in every namespace.
    const namespaces = ns === '' ? tx.namespaces('Pod') : [ns];
    for (const kind of DEPENDENT_KINDS) {
      for (const n of namespaces) {
        for (const dep of tx.ownedBy(kind, n, ownerUid)) {
          const others = (dep.metadata?.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
          if (others.length === 0) remove(tx, kind, n, dep.metadata?.name ?? '');
        }
      }
    }
  },
};

export const namespaceController: Controller = {
  name: 'namespace',
  manager: 'kube-controller-manager',
  watches: {
    Namespace: (_tx, a) =>
      a?.metadata?.deletionTimestamp ? [keyOf('', a.metadata.name ?? '')] : [],
    Pod: (tx, a, b) => {
      const ns = (a ?? b)?.metadata?.namespace ?? '';
      return !a && tx.get('Namespace', undefined, ns)?.metadata?.deletionTimestamp
        ? [keyOf('', ns)]
        : [];
    },
  },
  reconcile(tx, _ns, name) {
    const ns = tx.get('Namespace', undefined, name);
    if (!ns?.metadata?.deletionTimestamp) return;
    let left = 0;
    for (const kind of ALL_KINDS) {
      if (!KINDS[kind].namespaced) continue;
      for (const obj of tx.list(kind, name)) {
        left++;
        remove(tx, kind, name, obj.metadata?.name ?? '');
      }
    }
    if (left === 0 || tx.list('Pod', name).length === 0) {
      for (const kind of ALL_KINDS)
        if (KINDS[kind].namespaced)
          for (const o of tx.list(kind, name))
            if (kind !== 'Pod') tx.remove(kind, name, o.metadata?.name ?? '');
      if (tx.list('Pod', name).length === 0) tx.remove('Namespace', '', name);
    }
  },
};
