// kubectl logs: finds the pod (or the first pod of a workload), then asks the kubelet for a
// container's log: what the image wrote when it started, plus what its server logged about the
// requests `curl` sent it.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (release-1.32) for the flags, checks
// and output; pkg/polymorphichelpers/logsforobject.go and helpers.go for the pod choice;
// kubernetes pkg/registry/core/pod/strategy.go (LogLocation) and pkg/kubelet/kubelet_pods.go
// (validateContainerLogStatus) for the server's answers; pkg/kubelet/kuberuntime/logs/logs.go for
// tail, since, limit-bytes and the RFC3339Nano timestamps.
import { containerRuntime } from '../../../engine/k8s/controllers/kubelet';
import { badRequest, type StatusError } from '../../../engine/k8s/errors';
import type { Selector } from '../../../engine/k8s/labels';
import { fromLabelSelector, fromMap, matches, parseSelector } from '../../../engine/k8s/labels';
import { selectorListError } from '../resources';
import { requestLog, runtimeView } from '../../../engine/k8s/network';
import type { Kind, KubeObject, Pod } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import { startupLogEntries } from '../../../engine/registry/catalog';
import { createRng, seedState } from '../../../engine/rng';
import { parseTime, SECOND } from '../../../engine/time';
import { nextEventTime, reader as worldReader, type World } from '../../../engine/world';
import type { Run } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import { knownEmptyResource, resolveKind } from '../resources';

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** With a selector and no --tail, kubectl asks for the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

interface Line {
  atMs: number;
  /** Nanoseconds within the millisecond, as containerd's log timestamps have them. */
  nanos: number;
  line: string;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Everything a container has written so far, oldest first. */
export function containerLog(world: World, pod: Pod, container: string): Line[] {
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  if (!status?.containerID || !spec) return [];
  const ns = pod.metadata?.namespace ?? '';
  const view = runtimeView(world.cluster);
  const started =
    containerRuntime(view, ns, pod.metadata?.name ?? '')?.containers[container]?.startedAt ??
    parseTime(status.state?.running?.startedAt ?? status.state?.terminated?.startedAt) ??
    world.now;
  const node = pod.spec?.nodeName
    ? worldReader(world).get('Node', undefined, pod.spec.nodeName)
    : undefined;
  const env: Record<string, string> = {};
  for (const e of spec.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const rng = createRng(seedState(hash(status.containerID)));
  const startup = startupLogEntries(spec.image ?? '', '', started, () => rng.next(), {
    cpus: Number(node?.status?.capacity?.cpu ?? '2') || 2,
    ...(node?.status?.nodeInfo?.kernelVersion && {
      kernelRelease: node.status.nodeInfo.kernelVersion,
    }),
    ...(pod.status?.podIP && { podIp: pod.status.podIP }),
    env,
    ...(spec.args && { args: spec.args }),
  });
  const all = [...startup, ...requestLog(view, pod, container)].filter((e) => e.atMs <= world.now);
  all.sort((a, b) => a.atMs - b.atMs);
  const out: Line[] = [];
  for (const [i, e] of all.entries()) {
    const prev = out[out.length - 1];
    let nanos = hash(`${status.containerID}/${i}`) % 1_000_000;
    if (prev && prev.atMs === e.atMs && nanos <= prev.nanos)
      nanos = Math.min(999_999, prev.nanos + 1 + (nanos % 9000));
    out.push({ atMs: e.atMs, nanos, line: e.line });
  }
  return out;
}

/** Go's time.RFC3339Nano: trailing zeros of the fraction are dropped. */
export function rfc3339Nano(atMs: number, nanos: number): string {
  const base = new Date(Math.floor(atMs / 1000) * 1000).toISOString().slice(0, 19);
  const frac = `${String(atMs % 1000).padStart(3, '0')}${String(nanos).padStart(6, '0')}`.replace(
    /0+$/,
    '',
  );
  return `${base}${frac ? `.${frac}` : ''}Z`;
}

/** The kubelet's refusal to serve a container's log, or undefined when it has one to serve. */
function kubeletRefusal(pod: Pod, container: string, previous: boolean): StatusError | undefined {
  const name = pod.metadata?.name ?? '';
  const s = pod.status?.containerStatuses?.find((c) => c.name === container);
  const fail = (what: string) => badRequest(`container "${container}" in pod "${name}" ${what}`);
  if (!s) return fail('is not available');
  const last = s.lastState?.terminated;
  if (previous) {
    return last?.containerID
      ? undefined
      : badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  }
  if (s.state?.running) return undefined;
  if (s.state?.terminated)
    return s.state.terminated.containerID || last?.containerID ? undefined : fail('is terminated');
  if (last) return last.containerID ? undefined : fail('is terminated');
  const waiting = s.state?.waiting;
  if (!waiting) return fail('is waiting to start - no logs yet');
  if (waiting.reason === 'ErrImagePull') return fail("is waiting to start: image can't be pulled");
  if (waiting.reason === 'ImagePullBackOff')
    return fail('is waiting to start: trying and failing to pull image');
  return fail(`is waiting to start: ${waiting.reason ?? ''}`);
}

interface Stream {
  pod: Pod;
  container: string;
}

/** podutils.ByLogging: the pod whose logs are most worth reading first. */
function byLogging(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 0 : 1);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status?.phase ?? ''] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const readySince = (p: Pod) => {
    const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
    return c ? (parseTime(c.lastTransitionTime) ?? 0) : undefined;
  };
  const ra = readySince(a);
  const rb = readySince(b);
  if ((ra === undefined) !== (rb === undefined)) return ra !== undefined ? -1 : 1;
  if (ra !== undefined && rb !== undefined && ra !== rb) return ra - rb;
  const restarts = (p: Pod) =>
    Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => parseTime(p.metadata?.creationTimestamp) ?? Infinity;
  return created(a) - created(b);
}

const GO_TYPES: Partial<Record<Kind, string>> = {
  Node: '*v1.Node',
  Namespace: '*v1.Namespace',
  Event: '*v1.Event',
  Endpoints: '*v1.Endpoints',
};

/** polymorphichelpers.SelectorsForObject. */
function selectorFor(kind: Kind, obj: KubeObject): Selector | string {
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    return fromLabelSelector(
      (obj as { spec?: { selector?: Parameters<typeof fromLabelSelector>[0] } }).spec?.selector,
    );
  }
  if (kind === 'Service') {
    const sel = (obj as KubeObject & { spec?: { selector?: Record<string, string> } }).spec
      ?.selector;
    if (!sel || Object.keys(sel).length === 0) {
      return `cannot get the logs from *v1.Service: invalid service '${obj.metadata?.name ?? ''}': Service is defined without a selector`;
    }
    return fromMap(sel);
  }
  const t = GO_TYPES[kind] ?? '';
  return `cannot get the logs from ${t}: selector for ${t} not implemented`;
}

function* run(ctx: KubectlContext): Run {
  const f = ctx.flags;
  const args = ctx.args;
  const selectorText = f.str('selector');
  let container = f.str('container');
  if (args.length === 0 && !selectorText) return ctx.helpError(USAGE);
  if (args.length === 1 && selectorText)
    return ctx.helpError('only a selector (-l) or a POD name is allowed');
  if (args.length > 2) return ctx.helpError(USAGE);
  if (args.length === 2) container = args[1] as string;
  const podTimeout = f.has('pod-running-timeout')
    ? (f.int('pod-running-timeout', 0) as number)
    : 20 * SECOND;
  if (podTimeout <= 0) return ctx.fail('--pod-running-timeout must be higher than zero');
  const sinceTimeText = f.str('since-time');
  let sinceTime: number | undefined;
  if (sinceTimeText) {
    const t = parseGoRFC3339(sinceTimeText);
    if (typeof t === 'string') return ctx.fail(t);
    sinceTime = Math.floor(t / 1000) * 1000;
  }
  const ns = ctx.namespace;
  const reader = ctx.reader;

  // The builder: one object named by the argument, or the pods the selector matches.
  let target: { kind: Kind; obj: KubeObject } | { pods: Pod[] };
  if (selectorText) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) {
      ctx.err(
        `Error from server (BadRequest): ${selectorListError('Pod', selectorText, '', sel.error)}\n`,
      );
      return 1;
    }
    const pods = reader.list('Pod', ns).filter((p) => matches(sel.selector, p.metadata?.labels));
    if (pods.length === 0) ctx.err(`No resources found in ${ns} namespace.\n`);
    target = { pods };
  } else {
    const arg = args[0] as string;
    const slash = arg.indexOf('/');
    const type = slash < 0 ? 'pods' : arg.slice(0, slash);
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    const kind = resolveKind(type);
    const missing = (qualified: string) =>
      ctx.fail(
        `error from server (NotFound): ${qualified} "${name}" not found in namespace "${ns}"`,
      );
    if (!kind) {
      const elsewhere = knownEmptyResource(type);
      return elsewhere
        ? missing(elsewhere)
        : ctx.fail(`the server doesn't have a resource type "${type}"`);
    }
    const obj = reader.get(kind, ns, name) as KubeObject | undefined;
    if (!obj) return missing(qualifiedResource(kind, true));
    target = { kind, obj };
  }

  const since = f.has('since') ? Math.round(f.int('since', 0) / SECOND) : 0;
  const tail = f.has('tail') ? f.int('tail', -1) : selectorText ? SELECTOR_TAIL : -1;
  const limitBytes = f.int('limit-bytes', 0);
  const allContainers = f.bool('all-containers');
  if (sinceTimeText && f.int('since', 0) !== 0)
    return ctx.fail('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (allContainers && container)
    return ctx.fail(
      `--all-containers=true should not be specified with container name ${container}`,
    );
  if (f.has('container') && args.length === 2)
    return ctx.fail('only one of -c or an inline [CONTAINER] arg is allowed');
  if (limitBytes < 0) return ctx.fail('--limit-bytes must be greater than 0');
  if (since < 0) return ctx.fail('--since must be greater than 0');
  if (tail < -1) return ctx.fail('--tail must be greater than or equal to -1');

  // LogsForObject: a workload's pods are found by its selector, waiting for one if need be.
  let pods: Pod[];
  if ('pods' in target) pods = target.pods;
  else if (target.kind === 'Pod') pods = [target.obj as Pod];
  else {
    const sel = selectorFor(target.kind, target.obj);
    if (typeof sel === 'string') return ctx.fail(sel);
    const find = () => ctx.reader.list('Pod', ns).filter((p) => matches(sel, p.metadata?.labels));
    let found = find();
    const deadline = ctx.now + podTimeout;
    while (found.length === 0) {
      if (ctx.now >= deadline) return ctx.fail('timed out waiting for the condition');
      const wake = Math.min(nextEventTime(ctx.world) ?? deadline, deadline);
      yield Math.max(wake, ctx.now + 1);
      found = find();
    }
    const sorted = [...found].sort(byLogging);
    const first = sorted[0] as Pod;
    if (found.length > 1 && !f.bool('all-pods'))
      ctx.err(`Found ${found.length} pods, using pod/${first.metadata?.name ?? ''}\n`);
    pods = f.bool('all-pods') ? sorted : [first];
  }

  const streams: Stream[] = [];
  for (const pod of pods) {
    const names = (pod.spec?.containers ?? []).map((c) => c.name);
    if (allContainers) {
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])])
        streams.push({ pod, container: c.name });
      continue;
    }
    let chosen = container;
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    if (!chosen && annotated) {
      if (names.includes(annotated)) chosen = annotated;
      else
        ctx.err(
          `Default container name "${annotated}" not found in pod ${pod.metadata?.name ?? ''}\n`,
        );
    }
    if (!chosen) {
      chosen = names[0] ?? '';
      const inits = (pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`);
      if ((names.length > 1 || inits.length > 0) && !f.bool('all-pods'))
        ctx.err(`Defaulted container "${chosen}" out of: ${[...names, ...inits].join(', ')}\n`);
    }
    const exists =
      names.includes(chosen) || (pod.spec?.initContainers ?? []).some((c) => c.name === chosen);
    if (!exists)
      return ctx.fail(`container ${chosen} is not valid for pod ${pod.metadata?.name ?? ''}`);
    streams.push({ pod, container: chosen });
  }
  const follow = f.bool('follow');
  const maxRequests = f.int('max-log-requests', 5);
  if (follow && streams.length > 1 && streams.length > maxRequests) {
    return ctx.fail(
      `you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`,
    );
  }

  const prefix = f.bool('prefix') || f.bool('all-pods');
  const timestamps = f.bool('timestamps');
  const previous = f.bool('previous');
  const sinceMs = sinceTime ?? (since > 0 ? ctx.now - since * SECOND : undefined);
  const render = (s: Stream, l: Line) =>
    `${prefix ? `[pod/${s.pod.metadata?.name ?? ''}/${s.container}] ` : ''}${timestamps ? `${rfc3339Nano(l.atMs, l.nanos)} ` : ''}${l.line}\n`;
  const open: { s: Stream; shown: number; bytes: number }[] = [];
  for (const s of streams) {
    // A pod not yet on a node has no kubelet to ask: the API server answers with nothing.
    if (!s.pod.spec?.nodeName) continue;
    const refusal = kubeletRefusal(s.pod, s.container, previous);
    if (refusal) {
      if (!f.bool('ignore-errors')) return ctx.apiError(refusal);
      ctx.out(`error: ${refusal.message}\n`);
      continue;
    }
    const lines = containerLog(ctx.world, s.pod, s.container);
    // The kubelet seeks to the last `tail` lines first, then skips those older than `since`.
    const tailed = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
    const shown = tailed.filter((l) => sinceMs === undefined || l.atMs >= sinceMs);
    let text = shown.map((l) => render(s, l)).join('');
    if (limitBytes > 0) text = text.slice(0, limitBytes);
    ctx.out(text);
    open.push({ s, shown: lines.length, bytes: text.length });
  }
  if (!follow || previous) return 0;

  // -f: new lines as the world writes them, until every followed container has stopped.
  for (;;) {
    const live = open.filter(({ s }) => {
      const pod = ctx.reader.get('Pod', s.pod.metadata?.namespace, s.pod.metadata?.name ?? '');
      const st = pod?.status?.containerStatuses?.find((c) => c.name === s.container);
      return pod?.metadata?.uid === s.pod.metadata?.uid && !!st?.state?.running;
    });
    if (live.length === 0) return 0;
    yield Math.max(ctx.now + 1, Math.min(nextEventTime(ctx.world) ?? Infinity, ctx.now + SECOND));
    const fresh: { o: (typeof open)[number]; l: Line }[] = [];
    for (const o of live) {
      const pod =
        ctx.reader.get('Pod', o.s.pod.metadata?.namespace, o.s.pod.metadata?.name ?? '') ?? o.s.pod;
      const lines = containerLog(ctx.world, pod, o.s.container);
      for (const l of lines.slice(o.shown)) fresh.push({ o, l });
      o.shown = lines.length;
    }
    fresh.sort((a, b) => a.l.atMs - b.l.atMs || a.l.nanos - b.l.nanos);
    for (const { o, l } of fresh) {
      let text = render(o.s, l);
      if (limitBytes > 0) text = text.slice(0, Math.max(0, limitBytes - o.bytes));
      o.bytes += text.length;
      ctx.out(text);
    }
  }
}

/** Go's time.Parse(time.RFC3339, s), with its error wording. */
export function parseGoRFC3339(value: string): number | string {
  const layout = '2006-01-02T15:04:05Z07:00';
  const cannot = (rest: string, elem: string) =>
    `parsing time "${value}" as "${layout}": cannot parse "${rest}" as "${elem}"`;
  const range = (what: string) => `parsing time "${value}": ${what} out of range`;
  let rest = value;
  const num = (
    digits: number,
    elem: string,
    min: number,
    max: number,
    what: string,
  ): number | string => {
    const m =
      digits === 4 ? /^\d{4}/.exec(rest) : elem === '15' ? /^\d\d?/.exec(rest) : /^\d\d/.exec(rest);
    if (!m) return cannot(rest, elem);
    rest = rest.slice(m[0].length);
    const n = Number(m[0]);
    return n < min || n > max ? range(what) : n;
  };
  const lit = (s: string): string | undefined => {
    if (!rest.startsWith(s)) return cannot(rest, s);
    rest = rest.slice(s.length);
    return undefined;
  };
  const parts: number[] = [];
  const steps: (() => number | string | undefined)[] = [
    () => num(4, '2006', 0, 9999, 'year'),
    () => lit('-'),
    () => num(2, '01', 1, 12, 'month'),
    () => lit('-'),
    () => num(2, '02', 1, 31, 'day'),
    () => lit('T'),
    () => num(2, '15', 0, 23, 'hour'),
    () => lit(':'),
    () => num(2, '04', 0, 59, 'minute'),
    () => lit(':'),
    () => num(2, '05', 0, 59, 'second'),
  ];
  for (const step of steps) {
    const r = step();
    if (typeof r === 'string') return r;
    if (typeof r === 'number') parts.push(r);
  }
  let ms = 0;
  const frac = /^\.(\d+)/.exec(rest);
  if (frac) {
    ms = Math.floor(Number(`0.${frac[1]}`) * 1000);
    rest = rest.slice(frac[0].length);
  }
  let offset = 0;
  if (rest.startsWith('Z')) rest = rest.slice(1);
  else {
    const tz = /^([+-])(\d\d):(\d\d)/.exec(rest);
    if (!tz) return cannot(rest, 'Z07:00');
    offset = (tz[1] === '-' ? -1 : 1) * (Number(tz[2]) * 60 + Number(tz[3])) * 60_000;
    rest = rest.slice(tz[0].length);
  }
  if (rest !== '') return `parsing time "${value}": extra text: "${rest}"`;
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(t).getUTCDate() !== d) return range('day');
  return t - offset;
}

export const logsCommands: KubectlCommand[] = [
  {
    path: 'logs',
    summary: 'print the logs for a container in a pod',
    flags: [
      { name: 'all-containers', type: 'bool' },
      { name: 'all-pods', type: 'bool' },
      { name: 'container', short: 'c', type: 'string' },
      { name: 'follow', short: 'f', type: 'bool' },
      { name: 'ignore-errors', type: 'bool' },
      { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
      { name: 'limit-bytes', type: 'int' },
      { name: 'max-log-requests', type: 'int' },
      { name: 'pod-running-timeout', type: 'duration' },
      { name: 'prefix', type: 'bool' },
      { name: 'previous', short: 'p', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'since', type: 'duration' },
      { name: 'since-time', type: 'string' },
      { name: 'tail', type: 'int' },
      { name: 'timestamps', type: 'bool' },
    ],
    run,
  },
];
