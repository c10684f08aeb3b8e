// The kubelet of every node: creates the pod sandbox, pulls images from the simulated registry
// (with the kubelet's growing back-off when a pull fails), starts containers, reports status and
// tears pods down when they are deleted.
import type { ImageInfo } from '../../registry/catalog';
import {
  backOffWaitingMessage,
  formatGoDuration,
  lookupImage as catalogLookup,
  pulledMessage,
  pullDurationMs,
  pullErrorMessage,
} from '../../registry/catalog';
import { rfc3339, SECOND } from '../../time';
import { recordEvent } from '../events';
import type { Controller, Tx } from '../store';
import { keyOf } from '../store';
import type { Container, Pod } from '../types';
import { selfKey } from './util';

const NAME = 'kubelet';
const RUNTIME = 'kubelet';
const IMAGES = 'node-images';
const IPAM = 'ipam';
const IPAM_USED = 'ipam-used';

export const BACKOFF_INITIAL = 10 * SECOND;
export const BACKOFF_MAX = 300 * SECOND;

type ContainerPhase =
  | 'pending'
  | 'pulling'
  | 'pull-error'
  | 'backoff'
  | 'creating'
  | 'running'
  | 'exited'
  | 'crash-backoff';

interface ContainerRt {
  phase: ContainerPhase;
  /** When the current phase ends (for pull-error and backoff: the pod worker's next sync). */
  at: number;
  pullStarted?: number;
  /** The image back-off window, and when the last pull failed. */
  backoff?: number;
  failedAt?: number;
  /** While a retried pull runs, the status keeps the reason it had. */
  lastReason?: 'ErrImagePull' | 'ImagePullBackOff';
  startedAt?: number;
  containerID?: string;
  message?: string;
  /** Times the container was restarted, and how its last run ended. */
  restarts?: number;
  last?: { startedAt: number; finishedAt: number; containerID: string };
  /** The crash-loop back-off window, as for pulls. */
  crashBackoff?: number;
}

interface PodRt {
  uid: string;
  node: string;
  sandboxAt: number;
  ip?: string;
  killingAt?: number;
  containers: Record<string, ContainerRt>;
}

// Looking an image up parses its reference: remember the answers (the catalog never changes).
const lookups = new Map<string, ImageInfo | undefined>();
export function lookupImage(image: string): ImageInfo | undefined {
  if (!lookups.has(image)) lookups.set(image, catalogLookup(image));
  return lookups.get(image);
}

/** The pod worker retries a failed sync after 10 s with up to 50% jitter (pod_workers.go). */
function nextSync(tx: Tx): number {
  return tx.now + tx.rng.int(10_000, 15_000);
}

function randomHex(tx: Tx, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += tx.rng.int(0, 15).toString(16);
  return out;
}

/** Host-local IPAM: the next free address of the node's pod CIDR after the last one handed out. */
function allocateIP(tx: Tx, node: string, podKey: string): string {
  const nodeObj = tx.get('Node', undefined, node);
  const cidr = nodeObj?.spec?.podCIDR ?? '10.244.0.0/24';
  const prefix = cidr.split('.').slice(0, 3).join('.');
  let host = tx.getRuntime<number>(IPAM, node) ?? 1;
  for (let i = 0; i < 253; i++) {
    host = host >= 254 ? 2 : host + 1;
    const ip = `${prefix}.${host}`;
    if (tx.getRuntime<string>(IPAM_USED, ip) === undefined) {
      tx.setRuntime(IPAM, node, host);
      tx.setRuntime(IPAM_USED, ip, podKey);
      return ip;
    }
  }
  return `${prefix}.254`;
}

function releaseIP(tx: Tx, ip: string | undefined): void {
  if (ip) tx.setRuntime(IPAM_USED, ip, undefined);
}

export function nodeHasImage(tx: Tx, node: string, image: string): boolean {
  const images = tx.getRuntime<Record<string, true>>(IMAGES, node);
  const info = lookupImage(image);
  return !!images?.[info?.ref.normalized ?? image];
}

export function markImage(tx: Tx, node: string, image: string): void {
  const images = tx.getRuntime<Record<string, true>>(IMAGES, node) ?? {};
  const key = lookupImage(image)?.ref.normalized ?? image;
  if (!images[key]) tx.setRuntime(IMAGES, node, { ...images, [key]: true });
}

function event(
  tx: Tx,
  pod: Pod,
  node: string,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  container?: string,
) {
  recordEvent(
    tx,
    pod,
    type,
    reason,
    message,
    { component: 'kubelet', host: node },
    container ? { fieldPath: `spec.containers{${container}}` } : {},
  );
}

function startPull(
  tx: Tx,
  pod: Pod,
  node: string,
  c: Container,
  prev: ContainerRt | undefined,
): ContainerRt {
  const image = c.image ?? '';
  const info = lookupImage(image);
  const policy = c.imagePullPolicy ?? 'IfNotPresent';
  if (info && policy !== 'Always' && nodeHasImage(tx, node, image)) {
    event(
      tx,
      pod,
      node,
      'Normal',
      'Pulled',
      `Container image "${image}" already present on machine`,
      c.name,
    );
    return { phase: 'creating', at: tx.now + tx.rng.int(80, 250) };
  }
  event(tx, pod, node, 'Normal', 'Pulling', `Pulling image "${image}"`, c.name);
  const duration = info
    ? pullDurationMs(info.sizeBytes, () => tx.rng.next(), nodeHasImage(tx, node, image))
    : tx.rng.int(400, 1400);
  return {
    phase: 'pulling',
    at: tx.now + duration,
    pullStarted: tx.now,
    ...(prev?.backoff !== undefined
      ? {
          backoff: prev.backoff,
          failedAt: prev.failedAt,
          message: prev.message,
          lastReason:
            prev.phase === 'backoff' ? ('ImagePullBackOff' as const) : ('ErrImagePull' as const),
        }
      : {}),
  };
}

function advanceContainer(
  tx: Tx,
  pod: Pod,
  node: string,
  c: Container,
  rt: ContainerRt,
): ContainerRt {
  const image = c.image ?? '';
  if (tx.now < rt.at) return rt;
  switch (rt.phase) {
    case 'pending':
      return startPull(tx, pod, node, c, rt);
    case 'pulling': {
      const info = lookupImage(image);
      if (!info) {
        const message = pullErrorMessage(image);
        event(
          tx,
          pod,
          node,
          'Warning',
          'Failed',
          `Failed to pull image "${image}": ${message}`,
          c.name,
        );
        event(tx, pod, node, 'Warning', 'Failed', 'Error: ErrImagePull', c.name);
        // flowcontrol.Backoff.Next: 10 s, doubling to 300 s.
        const backoff =
          rt.backoff === undefined ? BACKOFF_INITIAL : Math.min(rt.backoff * 2, BACKOFF_MAX);
        return { phase: 'pull-error', at: nextSync(tx), backoff, failedAt: tx.now, message };
      }
      const took = tx.now - (rt.pullStarted ?? tx.now);
      event(
        tx,
        pod,
        node,
        'Normal',
        'Pulled',
        pulledMessage(image, took, took, info.sizeBytes),
        c.name,
      );
      markImage(tx, node, image);
      return { phase: 'creating', at: tx.now + tx.rng.int(80, 250) };
    }
    case 'pull-error':
    case 'backoff': {
      // A pod sync: still inside the back-off window, or time to pull again.
      if (tx.now - (rt.failedAt ?? 0) < (rt.backoff ?? BACKOFF_INITIAL)) {
        event(tx, pod, node, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c.name);
        event(tx, pod, node, 'Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
        return { ...rt, phase: 'backoff', at: nextSync(tx), message: backOffWaitingMessage(image) };
      }
      return startPull(tx, pod, node, c, rt);
    }
    case 'creating': {
      event(tx, pod, node, 'Normal', 'Created', `Created container: ${c.name}`, c.name);
      event(tx, pod, node, 'Normal', 'Started', `Started container ${c.name}`, c.name);
      const info = lookupImage(image);
      // An image with nothing to keep it running (busybox, alpine…) exits at once, unless the
      // pod gives it a command; a command is taken to keep it busy.
      const exits = !!info && !info.runsForever && !c.command && !c.args;
      return {
        ...rt,
        // Every start after the first is a restart.
        ...(rt.last ? { restarts: (rt.restarts ?? 0) + 1 } : {}),
        phase: 'running',
        at: exits ? tx.now + tx.rng.int(20, 200) : Infinity,
        startedAt: tx.now,
        containerID: `containerd://${randomHex(tx, 64)}`,
      };
    }
    case 'running': {
      // It exited with status 0; the kubelet notices at its next pod sync.
      const last = {
        startedAt: rt.startedAt ?? tx.now,
        finishedAt: tx.now,
        containerID: rt.containerID ?? '',
      };
      return { ...rt, phase: 'exited', at: tx.now + tx.rng.int(800, 2000), last };
    }
    case 'exited': {
      const restarts = rt.restarts ?? 0;
      // The first restart is immediate; after that the crash-loop back-off applies.
      if (restarts === 0) return startPull(tx, pod, node, c, undefined);
      const backoff =
        rt.crashBackoff === undefined
          ? BACKOFF_INITIAL
          : Math.min(rt.crashBackoff * 2, BACKOFF_MAX);
      const who = `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
      event(
        tx,
        pod,
        node,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${who}`,
        c.name,
      );
      return {
        ...rt,
        phase: 'crash-backoff',
        at: tx.now + backoff,
        crashBackoff: backoff,
        message: `back-off ${formatGoDuration(backoff)} restarting failed container=${c.name} pod=${who}`,
      };
    }
    case 'crash-backoff':
      return { ...startPull(tx, pod, node, c, undefined), message: rt.message };
    default: {
      const never: never = rt.phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}

/** A container's restarts and last run outlive each step of pulling and starting it again. */
function withHistory(prev: ContainerRt, next: ContainerRt): ContainerRt {
  const kept: Partial<ContainerRt> = {};
  if (prev.restarts !== undefined) kept.restarts = prev.restarts;
  if (prev.last !== undefined) kept.last = prev.last;
  if (prev.crashBackoff !== undefined) kept.crashBackoff = prev.crashBackoff;
  return { ...kept, ...next };
}

function waitingState(rt: ContainerRt | undefined) {
  // While a crash-looping container is pulled and created again, it still shows its back-off.
  if ((rt?.phase === 'pulling' || rt?.phase === 'creating') && rt.crashBackoff !== undefined)
    return { waiting: { message: rt.message, reason: 'CrashLoopBackOff' } };
  switch (rt?.phase) {
    case 'crash-backoff':
      return { waiting: { message: rt.message, reason: 'CrashLoopBackOff' } };
    case 'pull-error':
      return { waiting: { message: rt.message, reason: 'ErrImagePull' } };
    case 'backoff':
      return { waiting: { message: rt.message, reason: 'ImagePullBackOff' } };
    case 'pulling':
      // A retried pull keeps the last reason until it answers.
      return rt.lastReason
        ? { waiting: { message: rt.message, reason: rt.lastReason } }
        : { waiting: { reason: 'ContainerCreating' } };
    default:
      return { waiting: { reason: 'ContainerCreating' } };
  }
}

type PodCondition = NonNullable<NonNullable<Pod['status']>['conditions']>[number];

function writeStatus(tx: Tx, pod: Pod, rt: PodRt): void {
  const containers = pod.spec?.containers ?? [];
  const statuses = containers.map((c) => {
    const actual = rt.containers[c.name];
    // A container that exits within moments is never seen running by the kubelet's relist.
    const crt =
      actual?.phase === 'running' && Number.isFinite(actual.at)
        ? { ...actual, phase: 'creating' as const }
        : actual;
    const info = lookupImage(c.image ?? '');
    const terminated = (t: NonNullable<ContainerRt['last']>) => ({
      terminated: {
        containerID: t.containerID,
        exitCode: 0,
        finishedAt: rfc3339(t.finishedAt),
        reason: 'Completed',
        startedAt: rfc3339(t.startedAt),
      },
    });
    const pulled = {
      image: info?.ref.normalized ?? c.image ?? '',
      imageID: info ? `${info.ref.normalized.replace(/:[^:/@]+$/, '')}@${info.digest}` : '',
    };
    const restartCount = crt?.restarts ?? 0;
    const lastState =
      crt?.last && (crt.phase !== 'exited' || restartCount > 0) ? terminated(crt.last) : {};
    if (crt?.phase === 'running') {
      return {
        containerID: crt.containerID,
        ...pulled,
        lastState: restartCount > 0 && crt.last ? terminated(crt.last) : {},
        name: c.name,
        ready: true,
        restartCount,
        started: true,
        state: { running: { startedAt: rfc3339(crt.startedAt ?? tx.now) } },
      };
    }
    // Exited, or restarted at once after its first exit: the last run's end is what shows.
    const restartingFirst =
      (crt?.phase === 'pulling' || crt?.phase === 'creating') && crt.crashBackoff === undefined;
    if (crt?.last && (crt.phase === 'exited' || restartingFirst)) {
      return {
        containerID: crt.last.containerID,
        ...pulled,
        lastState: restartCount > 0 ? lastState : {},
        name: c.name,
        ready: false,
        restartCount,
        started: false,
        state: terminated(crt.last),
      };
    }
    return {
      ...(crt?.last
        ? { containerID: crt.last.containerID, ...pulled }
        : { image: c.image ?? '', imageID: '' }),
      lastState: crt?.last ? terminated(crt.last) : {},
      name: c.name,
      ready: false,
      restartCount,
      started: false,
      state: waitingState(crt),
    };
  });
  const sandboxReady = rt.ip !== undefined;
  const allReady = statuses.length > 0 && statuses.every((s) => s.ready);
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const old = pod.status?.conditions ?? [];
  const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
    const prev = old.find((c) => c.type === type);
    const status = ok ? 'True' : 'False';
    return {
      lastProbeTime: null as unknown as string,
      lastTransitionTime:
        prev && prev.status === status ? prev.lastTransitionTime : rfc3339(tx.now),
      ...(message ? { message } : {}),
      ...(reason ? { reason } : {}),
      status,
      type,
    };
  };
  const unready = `containers with unready status: [${notReady.join(' ')}]`;
  const conditions: PodCondition[] = [
    cond('PodReadyToStartContainers', sandboxReady),
    cond('Initialized', true),
    cond(
      'Ready',
      allReady,
      allReady ? undefined : 'ContainersNotReady',
      allReady ? undefined : unready,
    ),
    cond(
      'ContainersReady',
      allReady,
      allReady ? undefined : 'ContainersNotReady',
      allReady ? undefined : unready,
    ),
    old.find((c) => c.type === 'PodScheduled') ?? cond('PodScheduled', true),
  ];
  // With restartPolicy Always a pod whose containers have run stays Running while they restart.
  const running = statuses.some((s) => s.started || 'terminated' in s.state || s.restartCount > 0);
  const hostIP = tx
    .get('Node', undefined, rt.node)
    ?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const status = {
    ...pod.status,
    conditions,
    containerStatuses: statuses,
    ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
    phase: running ? 'Running' : 'Pending',
    ...(rt.ip ? { podIP: rt.ip, podIPs: [{ ip: rt.ip }] } : {}),
    qosClass: 'BestEffort',
    startTime: pod.status?.startTime ?? rfc3339(tx.now),
  };
  if (JSON.stringify(status) !== JSON.stringify(pod.status)) tx.put('Pod', { ...pod, status });
}

function forget(tx: Tx, key: string, rt: PodRt | undefined): void {
  if (!rt) return;
  releaseIP(tx, rt.ip);
  tx.setRuntime(RUNTIME, key, undefined);
}

export const kubeletController: Controller = {
  name: NAME,
  manager: 'kubelet',
  watches: {
    Pod: (_tx, a, b) => (a ? (a.spec?.nodeName ? selfKey(a) : []) : selfKey(b)),
  },
  reconcile(tx, ns, name) {
    const key = keyOf(ns, name);
    const pod = tx.get('Pod', ns, name);
    let rt = tx.getRuntime<PodRt>(RUNTIME, key);
    if (!pod || (rt && rt.uid !== pod.metadata?.uid)) {
      forget(tx, key, rt);
      rt = undefined;
      if (!pod) return;
    }
    const node = pod.spec?.nodeName;
    if (!node) return;
    if (!rt) {
      rt = {
        uid: pod.metadata?.uid ?? '',
        node,
        sandboxAt: tx.now + tx.rng.int(300, 900),
        containers: {},
      };
    }

    if (pod.metadata?.deletionTimestamp) {
      if (rt.killingAt === undefined) {
        const anyRunning = Object.values(rt.containers).some((c) => c.phase === 'running');
        for (const c of pod.spec?.containers ?? []) {
          if (rt.containers[c.name]?.phase === 'running')
            event(tx, pod, node, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
        }
        // nginx and friends exit on SIGTERM/SIGQUIT within a second; the grace period is the cap.
        const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * SECOND;
        rt = {
          ...rt,
          killingAt:
            tx.now + (anyRunning ? Math.min(grace, tx.rng.int(400, 1500)) : tx.rng.int(50, 300)),
        };
      }
      if (tx.now >= rt.killingAt!) {
        tx.remove('Pod', ns, name);
        forget(tx, key, rt);
        return;
      }
      tx.setRuntime(RUNTIME, key, rt);
      tx.wakeAt(NAME, ns, name, rt.killingAt!);
      return;
    }

    if (rt.ip === undefined && tx.now >= rt.sandboxAt) {
      rt = { ...rt, ip: allocateIP(tx, node, key) };
    }
    if (rt.ip !== undefined) {
      const containers: Record<string, ContainerRt> = {};
      for (const c of pod.spec?.containers ?? []) {
        let crt = rt.containers[c.name] ?? { phase: 'pending', at: tx.now };
        // Several steps can fall due at one instant (a cached image): take them all.
        for (let i = 0; i < 4 && crt.at <= tx.now; i++)
          crt = withHistory(crt, advanceContainer(tx, pod, node, c, crt));
        containers[c.name] = crt;
      }
      rt = { ...rt, containers };
    }
    tx.setRuntime(RUNTIME, key, rt);
    writeStatus(tx, tx.get('Pod', ns, name) ?? pod, rt);
    const next =
      rt.ip === undefined
        ? rt.sandboxAt
        : Math.min(...Object.values(rt.containers).map((c) => c.at));
    if (Number.isFinite(next)) tx.wakeAt(NAME, ns, name, next);
  },
};

/** What the kubelet knows of a pod's containers, for `kubectl logs` and `curl`. */
export function containerRuntime(
  tx: Pick<Tx, 'getRuntime'>,
  ns: string,
  name: string,
): PodRt | undefined {
  return tx.getRuntime<PodRt>(RUNTIME, keyOf(ns, name));
}
