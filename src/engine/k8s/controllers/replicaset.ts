// The ReplicaSet controller: keeps the number of active pods at spec.replicas and reports what
// it sees in status (pkg/controller/replicaset).
import { randomSuffix } from '../../rng';
import { controllerRef, create, remove } from '../apiserver';
import { recordEvent } from '../events';
import type { Controller, Tx } from '../store';
import type { Pod, ReplicaSet } from '../types';
import {
  clone,
  both,
  isPodActive,
  isPodAvailable,
  isPodReady,
  ownerKey,
  putIfChanged,
  selfKey,
} from './util';
import { fromLabelSelector, matches } from '../labels';

const SOURCE = { component: 'replicaset-controller' };

/**
 * The order in which a ReplicaSet gives up pods when scaling down (controller.ActivePods):
 * unscheduled before scheduled, pending before running, not ready before ready, then the
 * youngest first.
 */
export function deletionRank(a: Pod, b: Pod): number {
  const scheduled = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  const phase = (p: Pod) =>
    p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Running' ? 2 : 1;
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '');
  return (
    scheduled(a) - scheduled(b) ||
    phase(a) - phase(b) ||
    ready(a) - ready(b) ||
    created(b) - created(a) ||
    (b.metadata?.name ?? '').localeCompare(a.metadata?.name ?? '')
  );
}

function newPod(tx: Tx, rs: ReplicaSet): Pod {
  const rsName = rs.metadata?.name ?? '';
  const template = rs.spec?.template ?? {};
  let name: string;
  do name = `${rsName}-${randomSuffix(tx.rng, 5)}`;
  while (tx.get('Pod', rs.metadata?.namespace, name));
  const { creationTimestamp: _ignored, ...meta } = template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name,
      generateName: `${rsName}-`,
      namespace: rs.metadata?.namespace,
      ownerReferences: [controllerRef(rs)],
    },
    spec: clone(template.spec ?? { containers: [] }),
  };
}

export const replicaSetController: Controller = {
  name: 'replicaset',
  manager: 'kube-controller-manager',
  watches: {
    ReplicaSet: (_tx, a, b) => both(selfKey, a, b),
    Pod: (_tx, a, b) => both((o) => ownerKey(o, 'ReplicaSet'), a, b),
  },
  reconcile(tx, ns, name) {
    const rs = tx.get('ReplicaSet', ns, name);
    if (!rs || rs.metadata?.deletionTimestamp) return;
    const uid = rs.metadata?.uid ?? '';
    const owned = tx.ownedBy('Pod', ns, uid);
    const active = owned.filter(isPodActive);
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const created = create(tx, 'Pod', newPod(tx, rs));
        if ('ok' in created) {
          recordEvent(
            tx,
            rs,
            'Warning',
            'FailedCreate',
            `Error creating: ${created.message}`,
            SOURCE,
          );
          break;
        }
        active.push(created);
        recordEvent(
          tx,
          rs,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${created.metadata?.name}`,
          SOURCE,
        );
      }
    } else if (diff > 0) {
      const victims = [...active].sort(deletionRank).slice(0, diff);
      for (const pod of victims) {
        remove(tx, 'Pod', ns, pod.metadata?.name ?? '');
        recordEvent(
          tx,
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata?.name}`,
          SOURCE,
        );
      }
      const gone = new Set(victims.map((p) => p.metadata?.name));
      active.splice(0, active.length, ...active.filter((p) => !gone.has(p.metadata?.name)));
    }
    syncStatus(
      tx,
      rs,
      active.map((p) => tx.get('Pod', ns, p.metadata?.name ?? '') ?? p),
    );
  },
};

function syncStatus(tx: Tx, rs: ReplicaSet, active: Pod[]): void {
  const current = tx.get('ReplicaSet', rs.metadata?.namespace, rs.metadata?.name ?? '') ?? rs;
  const minReady = current.spec?.minReadySeconds ?? 0;
  const templateLabels = current.spec?.template?.metadata?.labels ?? {};
  const selector = fromLabelSelector({ matchLabels: templateLabels });
  const ready = active.filter(isPodReady).length;
  const available = active.filter((p) => isPodAvailable(p, minReady, tx.now)).length;
  const fullyLabeled = active.filter((p) => matches(selector, p.metadata?.labels)).length;
  const status = {
    ...(available > 0 ? { availableReplicas: available } : {}),
    ...(fullyLabeled > 0 ? { fullyLabeledReplicas: fullyLabeled } : {}),
    observedGeneration: current.metadata?.generation ?? 1,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    replicas: active.length,
  };
  putIfChanged(tx, 'ReplicaSet', current, { ...current, status });
  if (minReady > 0 && ready > available) {
    tx.wakeAt(
      'replicaset',
      current.metadata?.namespace ?? '',
      current.metadata?.name ?? '',
      tx.now + minReady * 1000,
    );
  }
}
