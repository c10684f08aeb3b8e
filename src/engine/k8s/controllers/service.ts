// Services: the Endpoints controller (ready pod addresses behind each selector) and the cloud
// service controller (a LoadBalancer's external address arrives after a few seconds).
import { rfc3339 } from '../../time';
import { recordEvent } from '../events';
import { fromMap, matches } from '../labels';
import type { Controller, Tx } from '../store';
import { keyOf } from '../store';
import type { Endpoints, Pod, Service, ServicePort } from '../types';
import { both, isPodReady, putIfChanged, selfKey } from './util';

type Subset = NonNullable<Endpoints['subsets']>[number];

function selects(svc: Service, pod: Pod): boolean {
  const sel = svc.spec?.selector;
  return !!sel && Object.keys(sel).length > 0 && matches(fromMap(sel), pod.metadata?.labels);
}

/** The container port a Service port's targetPort names (a number, or a named container port). */
export function resolveTargetPort(port: ServicePort, pod: Pod): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'))
        return p.containerPort;
  }
  return undefined;
}

function address(pod: Pod) {
  return {
    ip: pod.status?.podIP ?? '',
    nodeName: pod.spec?.nodeName,
    targetRef: {
      kind: 'Pod',
      name: pod.metadata?.name,
      namespace: pod.metadata?.namespace,
      uid: pod.metadata?.uid,
    },
  };
}

function buildSubsets(svc: Service, pods: Pod[]): Subset[] {
  const groups = new Map<string, Subset>();
  for (const pod of pods) {
    if (!pod.status?.podIP || pod.metadata?.deletionTimestamp) continue;
    const ports = (svc.spec?.ports ?? []).flatMap((p) => {
      const n = resolveTargetPort(p, pod);
      return n === undefined
        ? []
        : [{ ...(p.name ? { name: p.name } : {}), port: n, protocol: p.protocol ?? 'TCP' }];
    });
    if (ports.length === 0) continue;
    const id = JSON.stringify(ports);
    let subset = groups.get(id);
    if (!subset) groups.set(id, (subset = { ports }));
    if (isPodReady(pod)) subset.addresses = [...(subset.addresses ?? []), address(pod)];
    else subset.notReadyAddresses = [...(subset.notReadyAddresses ?? []), address(pod)];
  }
  const byIp = (a: { ip: string }, b: { ip: string }) =>
    a.ip.localeCompare(b.ip, 'en', { numeric: true });
  return [...groups.values()].map((s) => ({
    ...(s.addresses ? { addresses: [...s.addresses].sort(byIp) } : {}),
    ...(s.notReadyAddresses ? { notReadyAddresses: [...s.notReadyAddresses].sort(byIp) } : {}),
    ports: s.ports,
  }));
}

export const endpointsController: Controller = {
  name: 'endpoints',
  manager: 'kube-controller-manager',
  watches: {
    Service: (_tx, a, b) => both(selfKey, a, b),
    Pod: (tx, a, b) => {
      const pod = a ?? b;
      if (!pod) return [];
      const ns = pod.metadata?.namespace ?? '';
      return tx
        .list('Service', ns)
        .filter((svc) => (a && selects(svc, a)) || (b && selects(svc, b)))
        .map((svc) => keyOf(ns, svc.metadata?.name ?? ''));
    },
  },
  reconcile(tx, ns, name) {
    const svc = tx.get('Service', ns, name);
    const current = tx.get('Endpoints', ns, name);
    if (!svc) {
      if (current && current.metadata?.labels?.['endpoints.kubernetes.io/managed-by'] !== 'manual')
        tx.remove('Endpoints', ns, name);
      return;
    }
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) return;
    const pods = tx.list('Pod', ns).filter((p) => selects(svc, p));
    const subsets = buildSubsets(svc, pods);
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...current?.metadata,
        name,
        namespace: ns,
        ...(svc.metadata?.labels ? { labels: svc.metadata.labels } : {}),
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(tx.now) },
      },
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    if (!current) {
      tx.put('Endpoints', {
        ...next,
        metadata: { ...next.metadata, uid: randomUidFor(tx), creationTimestamp: rfc3339(tx.now) },
      });
      return;
    }
    if (JSON.stringify(current.subsets ?? null) === JSON.stringify(next.subsets ?? null)) return;
    putIfChanged(tx, 'Endpoints', current, next);
  },
};

function randomUidFor(tx: Tx): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => tx.rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + tx.rng.int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
}

const LB = 'service-lb';
const LB_SOURCE = { component: 'service-controller' };

/** The simulated cloud hands out addresses from TEST-NET-3, which no real host uses. */
function allocateExternalIP(tx: Tx): string {
  const used = new Set(
    tx
      .list('Service')
      .flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '')),
  );
  for (;;) {
    const ip = `203.0.113.${tx.rng.int(10, 250)}`;
    if (!used.has(ip)) return ip;
  }
}

export const loadBalancerController: Controller = {
  name: LB,
  manager: 'cloud-controller-manager',
  watches: {
    Service: (_tx, a) => selfKey(a),
  },
  reconcile(tx, ns, name) {
    const svc = tx.get('Service', ns, name);
    if (!svc) return;
    const state = tx.getRuntime<{ readyAt: number }>(LB, keyOf(ns, name));
    const ingress = svc.status?.loadBalancer?.ingress;
    if (svc.spec?.type !== 'LoadBalancer') {
      if (state) tx.setRuntime(LB, keyOf(ns, name), undefined);
      if (ingress?.length) {
        recordEvent(tx, svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', LB_SOURCE);
        tx.put('Service', { ...svc, status: { loadBalancer: {} } });
        recordEvent(tx, svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', LB_SOURCE);
      }
      return;
    }
    if (ingress?.length) return;
    if (!state) {
      recordEvent(tx, svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', LB_SOURCE);
      const readyAt = tx.now + tx.rng.int(4000, 9000);
      tx.setRuntime(LB, keyOf(ns, name), { readyAt });
      tx.wakeAt(LB, ns, name, readyAt);
      return;
    }
    if (tx.now < state.readyAt) {
      tx.wakeAt(LB, ns, name, state.readyAt);
      return;
    }
    tx.put('Service', {
      ...svc,
      status: { loadBalancer: { ingress: [{ ip: allocateExternalIP(tx), ipMode: 'VIP' }] } },
    });
    recordEvent(tx, svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', LB_SOURCE);
  },
};
