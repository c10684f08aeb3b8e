// The scheduler: binds each pending pod to a Ready node with room, spreading a workload's pods
// over the nodes (pod topology spreading and least-allocated scoring, in miniature).
import { rfc3339 } from '../../time';
import { recordEvent } from '../events';
import type { Controller, Tx } from '../store';
import type { Node, Pod } from '../types';
import { controllerOf, selfKey } from './util';

const NAME = 'scheduler';
const SOURCE = { component: 'default-scheduler' };

// How many pods each node runs, in total and per owner, kept up to date from pod changes (as the
// scheduler's cache is) so that binding a pod never rescans every pod.
const LOAD = 'scheduler-load';

function counted(pod: Pod | undefined): [string, string] | undefined {
  const node = pod?.spec?.nodeName;
  if (!pod || !node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
    return undefined;
  return [node, controllerOf(pod)?.uid ?? ''];
}

function bump(tx: Tx, key: string, delta: number) {
  const n = (tx.getRuntime<number>(LOAD, key) ?? 0) + delta;
  tx.setRuntime(LOAD, key, n === 0 ? undefined : n);
}

function track(tx: Tx, after: Pod | undefined, before: Pod | undefined) {
  const a = counted(after);
  const b = counted(before);
  if (a?.[0] === b?.[0] && a?.[1] === b?.[1]) return;
  if (b) {
    bump(tx, b[0], -1);
    bump(tx, `${b[0]}/${b[1]}`, -1);
  }
  if (a) {
    bump(tx, a[0], 1);
    bump(tx, `${a[0]}/${a[1]}`, 1);
  }
}

function isReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export const schedulerController: Controller = {
  name: NAME,
  manager: 'kube-scheduler',
  watches: {
    Pod: (tx, a, b) => {
      track(tx, a, b);
      return a && !a.spec?.nodeName && !a.metadata?.deletionTimestamp ? selfKey(a) : [];
    },
    Node: (tx) =>
      tx
        .list('Pod')
        .filter((p) => !p.spec?.nodeName)
        .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`),
  },
  reconcile(tx, ns, name) {
    const pod = tx.get('Pod', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const owner = controllerOf(pod)?.uid ?? '';
    const nodes = tx.list('Node');
    const total = (n: Node) => tx.getRuntime<number>(LOAD, n.metadata?.name ?? '') ?? 0;
    const fits = nodes.filter(
      (n) =>
        isReady(n) &&
        !n.spec?.unschedulable &&
        total(n) < Number(n.status?.allocatable?.pods ?? '110'),
    );
    if (fits.length === 0) {
      const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
      const message = `0/${nodes.length} nodes are available: ${nodes.length} Too many pods. preemption: 0/${nodes.length} nodes are available: ${nodes.length} No preemption victims found for incoming pod.`;
      if (cond?.reason !== 'Unschedulable') {
        tx.put('Pod', {
          ...pod,
          status: {
            ...pod.status,
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message,
                lastProbeTime: null as unknown as string,
                lastTransitionTime: rfc3339(tx.now),
              },
            ],
          },
        });
        recordEvent(tx, pod, 'Warning', 'FailedScheduling', message, SOURCE, {
          action: 'Scheduling',
        });
      }
      return;
    }
    const score = (n: Node) =>
      (tx.getRuntime<number>(LOAD, `${n.metadata?.name}/${owner}`) ?? 0) * 1000 + total(n);
    const best = Math.min(...fits.map(score));
    const candidates = fits.filter((n) => score(n) === best);
    const node = candidates[tx.rng.int(0, candidates.length - 1)] as Node;
    const nodeName = node.metadata?.name ?? '';
    tx.put('Pod', {
      ...pod,
      spec: { ...pod.spec!, nodeName },
      status: {
        ...pod.status,
        conditions: [
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null as unknown as string,
            lastTransitionTime: rfc3339(tx.now),
          },
        ],
      },
    });
    recordEvent(
      tx,
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${name} to ${nodeName}`,
      SOURCE,
      { action: 'Binding' },
    );
  },
};
