// What the cluster view draws: Deployments → ReplicaSets → pods, pods by node, Services and what
// they select. Every word shown is what kubectl would print for the same object (the STATUS,
// READY and RESTARTS cells come from get's own printer), so the picture and the terminal agree.
import { controllerOf } from '../engine/k8s/controllers/util';
import { KINDS } from '../engine/k8s/types';
import type {
  Deployment,
  Kind,
  KubeObject,
  ObjectReader,
  Pod,
  ReplicaSet,
  Service,
} from '../engine/k8s/types';
import type { World } from '../engine/world';
import { reader } from '../engine/world';
import { printObjects } from './kubectl/output';
import { podSummary, serverTable } from './printers/getTable';

/** A coarse colour for a status; the status word itself is always shown beside it. */
export type Tone = 'ok' | 'progress' | 'error' | 'gone';

export interface ObjectRef {
  kind: Kind;
  /** '' for cluster-scoped kinds. */
  namespace: string;
  name: string;
}

export interface PodView {
  ref: ObjectRef;
  uid: string;
  /** STATUS exactly as `kubectl get pods` prints it (Running, ContainerCreating, ImagePullBackOff…). */
  status: string;
  /** READY: `1/1` */
  ready: string;
  /** RESTARTS: `0`, or `3 (20s ago)` */
  restarts: string;
  tone: Tone;
  /** spec.nodeName, undefined while unscheduled. */
  node: string | undefined;
  podIP: string | undefined;
  images: string[];
}

export interface ReplicaSetView {
  ref: ObjectRef;
  /** The deployment.kubernetes.io/revision annotation, when there is one. */
  revision: string | undefined;
  desired: number;
  current: number;
  ready: number;
  images: string[];
  tone: Tone;
  pods: PodView[];
}

export interface DeploymentView {
  ref: ObjectRef;
  /** READY as `kubectl get deployments` prints it: `2/3` */
  ready: string;
  desired: number;
  updated: number;
  available: number;
  images: string[];
  tone: Tone;
  /** Newest revision first. */
  replicaSets: ReplicaSetView[];
}

export interface ServiceView {
  ref: ObjectRef;
  /** The TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S) cells of `kubectl get services`. */
  type: string;
  clusterIP: string;
  /** `<pending>` while a LoadBalancer has no address yet, `<none>` for ClusterIP. */
  externalIP: string;
  ports: string;
  /** The SELECTOR cell of `-o wide` (`app=my-app`, `<none>`). */
  selector: string;
  /** Pods behind the Service that are ready (Endpoints addresses), by name. */
  endpoints: string[];
  /** Selected pods that are not ready yet (Endpoints notReadyAddresses), by name. */
  notReady: string[];
  tone: Tone;
}

export interface NodeView {
  name: string;
  /** STATUS as `kubectl get nodes` prints it (`Ready`, `Ready,SchedulingDisabled`). */
  status: string;
  pods: PodView[];
}

export interface ClusterModel {
  /** The namespace shown, or undefined for all user namespaces. */
  namespace: string | undefined;
  now: number;
  deployments: DeploymentView[];
  /** ReplicaSets no Deployment controls. */
  replicaSets: ReplicaSetView[];
  /** Pods no ReplicaSet controls. */
  pods: PodView[];
  services: ServiceView[];
  nodes: NodeView[];
  /** Pods the scheduler has not placed yet (no spec.nodeName). */
  unscheduled: PodView[];
  /** How many pods are shown, wherever they sit in the lists above. */
  podCount: number;
}

/** Namespaces the cluster itself uses; the view of "everything" leaves them out. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
]);

const PROGRESS = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'SchedulingGated',
  'NotReady',
]);
const GONE = new Set(['Terminating', 'Completed', 'Succeeded']);

/** The tone of a pod's STATUS word (and READY, since Running but not ready is still starting). */
export function podTone(status: string, ready: string): Tone {
  if (GONE.has(status)) return 'gone';
  if (status === 'Running') {
    const [have, want] = ready.split('/');
    return have === want ? 'ok' : 'progress';
  }
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'progress';
  // Everything else is a reason a container cannot run: ErrImagePull, CrashLoopBackOff, Error…
  return 'error';
}

function refOf(kind: Kind, obj: KubeObject): ObjectRef {
  return { kind, namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
}

/** Objects in name order (then namespace), whatever order the store lists them in. */
function byName<T extends { ref: ObjectRef }>(items: T[]): T[] {
  return items.sort(
    (a, b) =>
      compare(a.ref.name, b.ref.name) ||
      compare(a.ref.namespace, b.ref.namespace) ||
      compare(a.ref.kind, b.ref.kind),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function imagesOf(containers: readonly { image?: string }[] | undefined): string[] {
  return (containers ?? []).map((c) => c.image ?? '');
}

function podView(pod: Pod, now: number): PodView {
  const s = podSummary(pod, now);
  return {
    ref: refOf('Pod', pod),
    uid: pod.metadata?.uid ?? '',
    status: s.status,
    ready: s.ready,
    restarts: s.restarts,
    tone: podTone(s.status, s.ready),
    node: pod.spec?.nodeName || undefined,
    podIP: pod.status?.podIP || undefined,
    images: imagesOf(pod.spec?.containers),
  };
}

/** The worst tone among pods: an error anywhere shows, then anything still starting. */
function worst(tones: Iterable<Tone>, fallback: Tone): Tone {
  let seen: Tone = fallback;
  for (const t of tones) {
    if (t === 'error') return 'error';
    if (t === 'progress') seen = 'progress';
  }
  return seen;
}

function replicaSetView(rs: ReplicaSet, pods: PodView[]): ReplicaSetView {
  const desired = rs.spec?.replicas ?? 1;
  const ready = rs.status?.readyReplicas ?? 0;
  const current = rs.status?.replicas ?? 0;
  const settled = ready === desired && current === desired;
  return {
    ref: refOf('ReplicaSet', rs),
    revision: rs.metadata?.annotations?.['deployment.kubernetes.io/revision'],
    desired,
    current,
    ready,
    images: imagesOf(rs.spec?.template?.spec?.containers),
    tone: worst(
      pods.map((p) => p.tone),
      settled ? (desired === 0 ? 'gone' : 'ok') : 'progress',
    ),
    pods: byName(pods),
  };
}

function revisionNumber(rs: ReplicaSetView): number {
  const n = Number(rs.revision);
  return Number.isFinite(n) ? n : -1;
}

function deploymentView(d: Deployment, replicaSets: ReplicaSetView[]): DeploymentView {
  const desired = d.spec?.replicas ?? 1;
  const s = d.status;
  const updated = s?.updatedReplicas ?? 0;
  const available = s?.availableReplicas ?? 0;
  const readyCount = s?.readyReplicas ?? 0;
  const settled = updated === desired && available === desired && (s?.replicas ?? 0) === desired;
  const sorted = replicaSets.sort(
    (a, b) => revisionNumber(b) - revisionNumber(a) || compare(a.ref.name, b.ref.name),
  );
  return {
    ref: refOf('Deployment', d),
    ready: `${readyCount}/${desired}`,
    desired,
    updated,
    available,
    images: imagesOf(d.spec?.template.spec?.containers),
    tone: worst(
      sorted.flatMap((rs) => rs.pods.map((p) => p.tone)),
      settled ? 'ok' : 'progress',
    ),
    replicaSets: sorted,
  };
}

function serviceViews(r: ObjectReader, services: Service[], now: number): ServiceView[] {
  if (services.length === 0) return [];
  // get's own cells, so that `<pending>`, `80:32569/TCP` and the selector read as kubectl prints.
  const table = serverTable('Service', services, now);
  const width = table.columns.length;
  const col = (name: string) => table.columns.findIndex((c) => c.name === name);
  const [type, ip, ext, ports, sel] = [
    col('Type'),
    col('Cluster-IP'),
    col('External-IP'),
    col('Port(s)'),
    col('Selector'),
  ];
  return services.map((svc, row) => {
    const cell = (i: number) => table.cells[row * width + i] ?? '';
    const ns = svc.metadata?.namespace ?? '';
    const ep = r.get('Endpoints', ns, svc.metadata?.name ?? '');
    const endpoints = new Set<string>();
    const notReady = new Set<string>();
    for (const subset of ep?.subsets ?? []) {
      for (const a of subset.addresses ?? [])
        if (a.targetRef?.name) endpoints.add(a.targetRef.name);
      for (const a of subset.notReadyAddresses ?? [])
        if (a.targetRef?.name) notReady.add(a.targetRef.name);
    }
    const externalIP = cell(ext);
    return {
      ref: refOf('Service', svc),
      type: cell(type),
      clusterIP: cell(ip),
      externalIP,
      ports: cell(ports),
      selector: cell(sel),
      endpoints: [...endpoints].sort(compare),
      notReady: [...notReady].sort(compare),
      tone: externalIP === '<pending>' ? 'progress' : 'ok',
    };
  });
}

function shownNamespaces(r: ObjectReader, namespace: string | undefined): (string | undefined)[] {
  if (namespace !== undefined) return [namespace];
  return r
    .list('Namespace')
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => !SYSTEM_NAMESPACES.has(name));
}

/**
 * The cluster as the view draws it, for one namespace or (undefined) every namespace but the
 * cluster's own (kube-system, kube-public, kube-node-lease). Every list is in name order.
 */
export function clusterModel(world: World, namespace?: string): ClusterModel {
  const r = reader(world);
  const now = world.now;
  const namespaces = shownNamespaces(r, namespace);
  const list = <K extends 'Pod' | 'ReplicaSet' | 'Deployment' | 'Service'>(kind: K) =>
    namespaces.flatMap((ns) => r.list(kind, ns));

  const podObjects = list('Pod');
  const pods = podObjects.map((p) => podView(p, now));

  // Ownership by controller reference, matched by uid as the garbage collector does.
  const podsByOwner = new Map<string, PodView[]>();
  const standalone: PodView[] = [];
  const rsObjects = list('ReplicaSet');
  const rsUids = new Set(rsObjects.map((rs) => rs.metadata?.uid ?? ''));
  pods.forEach((pod, i) => {
    const owner = controllerOf(podObjects[i]);
    if (owner && owner.kind === 'ReplicaSet' && rsUids.has(owner.uid)) {
      const group = podsByOwner.get(owner.uid);
      if (group) group.push(pod);
      else podsByOwner.set(owner.uid, [pod]);
    } else standalone.push(pod);
  });

  const deploymentObjects = list('Deployment');
  const deploymentUids = new Set(deploymentObjects.map((d) => d.metadata?.uid ?? ''));
  const rsByOwner = new Map<string, ReplicaSetView[]>();
  const orphanSets: ReplicaSetView[] = [];
  for (const rs of rsObjects) {
    const view = replicaSetView(rs, podsByOwner.get(rs.metadata?.uid ?? '') ?? []);
    const owner = controllerOf(rs);
    if (owner && owner.kind === 'Deployment' && deploymentUids.has(owner.uid)) {
      const group = rsByOwner.get(owner.uid);
      if (group) group.push(view);
      else rsByOwner.set(owner.uid, [view]);
    } else orphanSets.push(view);
  }

  const deployments = deploymentObjects.map((d) =>
    deploymentView(d, rsByOwner.get(d.metadata?.uid ?? '') ?? []),
  );

  const nodes = new Map<string, NodeView>();
  const nodeObjects = r.list('Node');
  // STATUS as `kubectl get nodes` prints it: `Ready`, `Ready,SchedulingDisabled`, `NotReady`.
  const nodeTable = serverTable('Node', nodeObjects, now);
  const statusColumn = nodeTable.columns.findIndex((c) => c.name === 'Status');
  nodeObjects.forEach((node, row) => {
    const name = node.metadata?.name ?? '';
    const status = nodeTable.cells[row * nodeTable.columns.length + statusColumn] ?? 'Unknown';
    nodes.set(name, { name, status, pods: [] });
  });
  const unscheduled: PodView[] = [];
  for (const pod of pods) {
    if (pod.node === undefined) {
      unscheduled.push(pod);
      continue;
    }
    let node = nodes.get(pod.node);
    if (!node) nodes.set(pod.node, (node = { name: pod.node, status: 'Unknown', pods: [] }));
    node.pods.push(pod);
  }
  for (const node of nodes.values()) byName(node.pods);

  return {
    namespace,
    now,
    deployments: byName(deployments),
    replicaSets: byName(orphanSets),
    pods: byName(standalone),
    services: byName(serviceViews(r, list('Service'), now)),
    nodes: [...nodes.values()].sort((a, b) => compare(a.name, b.name)),
    unscheduled: byName(unscheduled),
    podCount: pods.length,
  };
}

/** The object as `kubectl get <kind> <name> -o yaml` prints it, or undefined when it is gone. */
export function objectYaml(world: World, ref: ObjectRef): string | undefined {
  const obj = reader(world).get(ref.kind, ref.namespace || undefined, ref.name);
  if (!obj) return undefined;
  const printed = printObjects([obj], { kind: 'yaml' }, { single: true });
  return printed.ok ? printed.text : undefined;
}

/** A stable key for an object, for React lists and selection. */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** The command that prints the same YAML in the terminal: `kubectl get deployment my-app -o yaml`. */
export function yamlCommand(ref: ObjectRef): string {
  const ns =
    KINDS[ref.kind].namespaced && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
  return `kubectl get ${KINDS[ref.kind].singular} ${ref.name}${ns} -o yaml`;
}
