// `kubectl describe node`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): NodeDescriber,
// describeNode, describeNodeLease, describeNodeResource, getPodsTotalRequestsAndLimits,
// findNodeRoles; staging/src/k8s.io/kubectl/pkg/util/resource/resource.go (PodRequestsAndLimits).
//
// The simulator keeps no Lease objects. A kubelet renews its node's lease every 10 seconds with
// itself as holder and never sets acquireTime, so that is what is shown.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp, translateTimestampSince } from '../age';
import type { DescribeContext } from './context';
import { describeEvents, searchEvents } from './events';
import {
  ZERO,
  addQuantity,
  compareQuantity,
  milliValue,
  parseQuantity,
  quantityOf,
  quantityString,
  value,
  type Quantity,
} from './quantity';
import {
  LEVEL_0,
  LEVEL_1,
  byteOrder,
  formatRFC1123Z,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  tabbedString,
  type PrefixWriter,
} from './writer';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';
const LEASE_RENEW_MS = 10_000;

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v) {
      roles.add(v);
    }
  }
  return [...roles].sort(byteOrder);
}

type ResourceList = Map<string, Quantity>;

function toList(list: Readonly<Record<string, string>> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) out.set(k, quantityOf(v));
  return out;
}

function addList(into: ResourceList, list: ResourceList): void {
  for (const [k, q] of list) {
    const prev = into.get(k);
    into.set(k, prev ? addQuantity(prev, q) : q);
  }
}

function maxList(into: ResourceList, list: ResourceList): void {
  for (const [k, q] of list) {
    const prev = into.get(k);
    if (!prev || compareQuantity(q, prev) > 0) into.set(k, q);
  }
}

function podTotals(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addList(total, toList(c.resources?.[field]));
  const sidecars: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let list = toList(c.resources?.[field]);
    if (c.restartPolicy === 'Always') {
      addList(total, list);
      addList(sidecars, list);
      list = new Map(sidecars);
    } else {
      const tmp: ResourceList = new Map();
      addList(tmp, list);
      addList(tmp, sidecars);
      list = tmp;
    }
    maxList(init, list);
  }
  maxList(total, init);
  const overhead = toList(pod.spec?.overhead);
  if (field === 'requests') {
    addList(total, overhead);
  } else {
    for (const [k, q] of overhead) {
      const prev = total.get(k);
      if (prev && prev.nanos !== 0n) total.set(k, addQuantity(prev, q));
    }
  }
  return total;
}

/** Go's int64() of a float64 percentage; a zero allocatable gives what amd64 gives for ±Inf/NaN. */
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '-9223372036854775808';
  return String(Math.trunc((Number(part) / Number(whole)) * 100));
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResource(
  pods: readonly Pod[],
  node: Node,
  ctx: DescribeContext,
  w: PrefixWriter,
): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(
    LEVEL_1,
    'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
  );
  w.write(
    LEVEL_1,
    '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
  );
  const status = node.status ?? {};
  const allocatable = toList(
    Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity,
  );
  const allocCpu = milliValue(allocatable.get('cpu') ?? ZERO);
  const allocMem = value(allocatable.get('memory') ?? ZERO);
  const totalReqs: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const req = podTotals(pod, 'requests');
    const lim = podTotals(pod, 'limits');
    addList(totalReqs, req);
    addList(totalLimits, lim);
    const cell = (q: Quantity | undefined, whole: bigint, milli: boolean): string => {
      const v = q ?? ZERO;
      return `${quantityString(v)} (${percent(milli ? milliValue(v) : value(v), whole)}%)`;
    };
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${cell(req.get('cpu'), allocCpu, true)}\t${cell(lim.get('cpu'), allocCpu, true)}\t` +
        `${cell(req.get('memory'), allocMem, false)}\t${cell(lim.get('memory'), allocMem, false)}\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, ctx.now)}\n`,
    );
  }
  w.write(
    LEVEL_0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const total = (name: string, whole: bigint, milli: boolean): string => {
    const r = totalReqs.get(name) ?? ZERO;
    const l = totalLimits.get(name) ?? ZERO;
    const frac = (q: Quantity): string =>
      whole === 0n ? '0' : percent(milli ? milliValue(q) : value(q), whole);
    return `${name}\t${quantityString(r)} (${frac(r)}%)\t${quantityString(l)} (${frac(l)}%)\n`;
  };
  w.write(LEVEL_1, total('cpu', allocCpu, true));
  w.write(LEVEL_1, total('memory', allocMem, false));
  w.write(
    LEVEL_1,
    total('ephemeral-storage', value(allocatable.get('ephemeral-storage') ?? ZERO), false),
  );
  const names = [...allocatable.keys()].sort(byteOrder);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    w.write(LEVEL_1, total(name, value(allocatable.get(name) ?? ZERO), false));
  }
  const extended = names.filter(
    (n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods',
  );
  for (const name of extended) {
    const r = totalReqs.get(name) ?? ZERO;
    const l = totalLimits.get(name) ?? ZERO;
    w.write(LEVEL_1, `${name}\t${quantityString(r)}\t${quantityString(l)}\n`);
  }
}

function leaseRenewTime(node: Node, now: number): string {
  const created = parseTimestamp(node.metadata?.creationTimestamp) ?? now;
  const renewed =
    created + Math.floor(Math.max(0, now - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  return formatRFC1123Z(renewed);
}

export function describeNode(node: Node, ctx: DescribeContext): string {
  const meta = node.metadata ?? {};
  const name = meta.name ?? '';
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const pods = ctx.reader
    .list('Pod')
    .filter(
      (p) =>
        p.spec?.nodeName === name &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed',
    );
  // Controllers name a node's events by its uid, the kubelet by its name: kubectl asks for both.
  const events = [
    ...searchEvents(ctx.reader, { name, namespace: '', kind: 'Node', uid: meta.uid ?? '' }),
    ...searchEvents(ctx.reader, { name, namespace: '', kind: 'Node', uid: name }),
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${name}\n`);
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
    w.write(LEVEL_1, `RenewTime:\t${leaseRenewTime(node, ctx.now)}\n`);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(
        LEVEL_0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      );
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t` +
            `${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResources = (title: string, list: Record<string, string> | undefined): void => {
      const keys = Object.keys(list ?? {}).sort(byteOrder);
      if (keys.length === 0) return;
      w.write(LEVEL_0, `${title}:\n`);
      for (const k of keys) {
        const q = parseQuantity(list?.[k]);
        w.write(LEVEL_0, `  ${k}:\t${q ? quantityString(q) : (list?.[k] ?? '')}\n`);
      }
    };
    printResources('Capacity', status.capacity);
    printResources('Allocatable', status.allocatable);
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) {
      w.write(LEVEL_0, `PodCIDRs:\t${(spec.podCIDRs ?? []).join(',')}\n`);
    }
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, ctx, w);
    describeEvents(events, w, ctx.now);
  });
}
