// The tables `kubectl get` prints. The API server computes the columns and cells (always in
// "wide" mode); kubectl hides the priority-1 columns unless -o wide, adds NAMESPACE / LABELS
// columns and `kind/` name prefixes, upper-cases the headers and lays the table out.
// - Columns and cells: kubernetes/kubernetes pkg/printers/internalversion/printers.go (AddHandlers,
//   printPod, printReplicaSet, printDeployment, printService, printEndpoints, printNode,
//   printNamespace, printEvent; the kinds of getTableKinds.ts are cited there); the server calls them with Wide: true from
//   pkg/printers/storage/storage.go (TableConvertor.ConvertToTable).
// - Decorations: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (decorateTable,
//   printTable); which of them `kubectl get` asks for: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
// - Label formats: staging/src/k8s.io/apimachinery/pkg/labels (Set.String, Requirement.String) and
//   pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector).
import type {
  Deployment,
  Endpoints,
  Event,
  Kind,
  KubeObject,
  LabelSelector,
  Namespace,
  Node,
  ObjectReader,
  Pod,
  ReplicaSet,
  Service,
} from '../../engine/k8s/types';
import type { Container, ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import { KINDS } from '../../engine/k8s/types';
import { humanDuration, parseTimestamp, translateTimestampSince } from './age';
import type { RememberedWidths } from './table';
import { printRows } from './table';
import type { MoreKind } from './getTableKinds';
import { MORE_COLUMN_SPECS, pushMoreCells } from './getTableKinds';

/** What kubectl adds to the server's table (tableprinter.go, PrintOptions). */
export interface TablePrintOptions {
  /** -o wide */
  wide: boolean;
  /** --show-labels */
  showLabels: boolean;
  /** -A / --all-namespaces: a NAMESPACE column first (ignored for cluster-scoped kinds, as kubectl does) */
  withNamespace: boolean;
  /** names printed as `deployment.apps/my-app` (kubectl get all, or several kinds) */
  withKind: boolean;
  noHeaders: boolean;
}

export interface GetTableOptions extends TablePrintOptions {
  /** ms since the epoch */
  now: number;
  /** for cells that need other objects; none of the built-in printers does */
  reader: ObjectReader;
}

export interface TableColumn {
  /** As the server names it (`Up-to-date`); kubectl prints it upper-cased. */
  name: string;
  /** 1: shown only with -o wide */
  priority: 0 | 1;
}

/** The metav1.Table the API server answers a `kubectl get` with: every column, wide ones too. */
export interface ServerTable {
  columns: readonly TableColumn[];
  /** A row each. */
  objects: readonly KubeObject[];
  /** The rows' cells, one row after the other, `columns.length` to a row. */
  cells: readonly string[];
}

/** A column kubectl adds to the server's table, and its cell in the row of each object. */
export interface ExtraColumn {
  column: TableColumn;
  cell: (object: KubeObject) => string;
}

/** The table with columns added before and after the server's. */
export function addColumns(
  table: ServerTable,
  before: readonly ExtraColumn[],
  after: readonly ExtraColumn[],
): ServerTable {
  const width = table.columns.length;
  const cells: string[] = [];
  table.objects.forEach((object, r) => {
    for (const extra of before) cells.push(extra.cell(object));
    for (let i = r * width; i < (r + 1) * width; i++) cells.push(table.cells[i] ?? '');
    for (const extra of after) cells.push(extra.cell(object));
  });
  return {
    columns: [...before.map((e) => e.column), ...table.columns, ...after.map((e) => e.column)],
    objects: table.objects,
    cells,
  };
}

/** `Name,Age,+IP`: a `+` marks a priority-1 (wide) column. */
const cols = (spec: string): TableColumn[] =>
  spec
    .split(',')
    .map((c) => (c.startsWith('+') ? { name: c.slice(1), priority: 1 } : { name: c, priority: 0 }));

const COLUMNS: Record<Kind, TableColumn[]> = {
  Pod: cols('Name,Ready,Status,Restarts,Age,+IP,+Node,+Nominated Node,+Readiness Gates'),
  ReplicaSet: cols('Name,Desired,Current,Ready,Age,+Containers,+Images,+Selector'),
  Deployment: cols('Name,Ready,Up-to-date,Available,Age,+Containers,+Images,+Selector'),
  Service: cols('Name,Type,Cluster-IP,External-IP,Port(s),Age,+Selector'),
  Endpoints: cols('Name,Endpoints,Age'),
  Node: cols(
    'Name,Status,Roles,Age,Version,+Internal-IP,+External-IP,+OS-Image,+Kernel-Version,+Container-Runtime',
  ),
  Namespace: cols('Name,Status,Age'),
  Event: cols('Last Seen,Type,Reason,Object,+Subobject,+Source,Message,+First Seen,+Count,+Name'),
  ...(Object.fromEntries(
    Object.entries(MORE_COLUMN_SPECS).map(([kind, spec]) => [kind, cols(spec)]),
  ) as Record<MoreKind, TableColumn[]>),
};

/** labels.FormatLabels: the `k=v` strings sorted (as whole strings, not by key), or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareStrings).join(',');
}

/**
 * LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`; '' for a nil or empty selector; undefined when it is invalid.
 */
export function labelSelectorString(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    reqs.push({ key, text: `${key}=${value}` });
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareStrings);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        reqs.push({
          key: expr.key,
          text: `${expr.key} ${expr.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`,
        });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: expr.operator === 'Exists' ? expr.key : `!${expr.key}` });
        break;
      default:
        return undefined;
    }
  }
  // Array.prototype.sort is stable, so equal keys keep matchLabels before matchExpressions.
  return reqs
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like labelSelectorString, but `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** Byte-wise order, as Go's sort.Strings and etcd's key order use. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order a `kubectl get` list comes back in: the API server lists from etcd by key, that is by
 * namespace, then name (events too: their names are `<object>.<hex timestamp>`); kubectl sorts
 * only with --sort-by.
 */
export function sortForGet<T extends KubeObject>(objects: readonly T[]): T[] {
  return [...objects].sort(
    (a, b) =>
      compareStrings(a.metadata?.namespace ?? '', b.metadata?.namespace ?? '') ||
      compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? ''),
  );
}

/** translateTimestampSince at one instant. */
type Since = (timestamp: string | null | undefined) => string;

/**
 * translateTimestampSince at `now`, remembered per timestamp: the objects of a large list share a
 * few creation times, and parsing each again is most of the cost of an AGE column.
 */
function sinceAt(now: number): Since {
  const seen = new Map<string, string>();
  return (timestamp) => {
    if (!timestamp) return translateTimestampSince(timestamp, now);
    let text = seen.get(timestamp);
    if (text === undefined) {
      text = translateTimestampSince(timestamp, now);
      seen.set(timestamp, text);
    }
    return text;
  };
}

function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export interface PodSummary {
  /** READY: `ready/total` */
  ready: string;
  /** STATUS: the phase, or the reason that best explains why the pod is not running */
  status: string;
  /** RESTARTS: the count, with `(5m ago)` when the last restart time is known */
  restarts: string;
}

/** Whether the init container of that name is a sidecar (the last of that name decides). */
function restartable(initContainers: readonly Container[] | undefined, name: string): boolean {
  let sidecar = false;
  for (const c of initContainers ?? []) if (c.name === name) sidecar = c.restartPolicy === 'Always';
  return sidecar;
}

/** The later of `a` and the time the container last terminated. */
function later(a: number | undefined, cs: ContainerStatus): number | undefined {
  const finishedAt = cs.lastState?.terminated?.finishedAt;
  if (!finishedAt) return a;
  const t = parseTimestamp(finishedAt);
  return t !== undefined && (a === undefined || t > a) ? t : a;
}

/** The READY, STATUS and RESTARTS cells of `kubectl get pods` (printers.go, printPod). */
export function podSummary(pod: Pod, now: number): PodSummary {
  const row = podRow(pod);
  return { ready: row.ready, status: row.status, restarts: restartsCell(row, now) };
}

/** What a pod's row shows, but for the parts that depend on the time. */
interface PodRow {
  name: string;
  created: string | undefined;
  ready: string;
  status: string;
  restarts: number;
  /** When a container last terminated (ms), for RESTARTS' `(5m ago)`. */
  lastRestart: number | undefined;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

// Rows are worked out once per pod object: objects are never changed in place (every write makes
// a new one), and a large list is printed again and again while few of its pods change.
const podRows = new WeakMap<Pod, PodRow>();

function podRow(pod: Pod): PodRow {
  let row = podRows.get(pod);
  if (row === undefined) {
    row = computePodRow(pod);
    podRows.set(pod, row);
  }
  return row;
}

function restartsCell(row: PodRow, now: number): string {
  const { restarts, lastRestart } = row;
  if (restarts !== 0 && lastRestart !== undefined)
    return `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return String(restarts);
}

function computePodRow(pod: Pod): PodRow {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initSpecs = spec?.initContainers;
  let total = spec?.containers.length ?? 0;
  for (const c of initSpecs ?? []) if (c.restartPolicy === 'Always') total++;

  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let ready = 0;

  const conditions = status.conditions ?? [];
  let reason = status.reason || status.phase || '';
  // The reason first: most conditions have none, and it saves comparing types on large lists.
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i] as PodCondition;
    if (c.reason === 'SchedulingGated' && c.type === 'PodScheduled') reason = 'SchedulingGated';
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    if (!cs) continue;
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, cs);
    const sidecar = restartable(initSpecs, cs.name);
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, cs);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) reason = `Init:${terminated.reason}`;
      else
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(conditions, 'Initialized') === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Backwards, so that the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      if (!cs) continue;
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, cs);
      const terminated = cs.state?.terminated;
      if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal
          ? `Signal:${terminated.signal}`
          : `ExitCode:${terminated.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }

  const podIP = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP;
  const gates = spec?.readinessGates;
  let readinessGates = '<none>';
  if (gates && gates.length > 0) {
    let met = 0;
    for (const g of gates) if (conditionStatus(conditions, g.conditionType) === 'True') met++;
    readinessGates = `${met}/${gates.length}`;
  }
  return {
    name: pod.metadata?.name ?? '',
    created: pod.metadata?.creationTimestamp,
    ready: `${ready}/${total}`,
    status: reason,
    restarts,
    lastRestart,
    ip: podIP || '<none>',
    node: spec?.nodeName || '<none>',
    nominatedNode: status.nominatedNodeName || '<none>',
    readinessGates,
  };
}

/** The status of the first condition of that type. */
function conditionStatus(
  conditions: readonly { type: string; status: string }[],
  type: string,
): string | undefined {
  for (const c of conditions) if (c.type === type) return c.status;
  return undefined;
}

function podCells(out: string[], pod: Pod, now: number, since: Since): void {
  const row = podRow(pod);
  out.push(
    row.name,
    row.ready,
    row.status,
    restartsCell(row, now),
    since(row.created),
    row.ip,
    row.node,
    row.nominatedNode,
    row.readinessGates,
  );
}

function replicaSetCells(out: string[], rs: ReplicaSet, since: Since): void {
  const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
  const s = rs.status;
  out.push(
    rs.metadata?.name ?? '',
    String(rs.spec?.replicas ?? 1),
    String(s?.replicas ?? 0),
    String(s?.readyReplicas ?? 0),
    since(rs.metadata?.creationTimestamp),
    names,
    images,
    formatLabelSelector(rs.spec?.selector),
  );
}

function deploymentCells(out: string[], d: Deployment, since: Since): void {
  const [names, images] = containerCells(d.spec?.template.spec?.containers);
  const s = d.status;
  out.push(
    d.metadata?.name ?? '',
    `${s?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    String(s?.updatedReplicas ?? 0),
    String(s?.availableReplicas ?? 0),
    since(d.metadata?.creationTimestamp),
    names,
    images,
    labelSelectorString(d.spec?.selector) ?? '<invalid>',
  );
}

function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      // A sorted set; never cut short, since the server prints in wide mode.
      const ingress = new Set<string>();
      for (const i of svc.status?.loadBalancer?.ingress ?? []) {
        if (i.ip) ingress.add(i.ip);
        else if (i.hostname) ingress.add(i.hostname);
      }
      const all = [...[...ingress].sort(compareStrings), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function serviceCells(out: string[], svc: Service, since: Since): void {
  const spec = svc.spec ?? {};
  const ports = (spec.ports ?? [])
    .map((p) =>
      p.nodePort
        ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
        : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
  out.push(
    svc.metadata?.name ?? '',
    spec.type ?? 'ClusterIP',
    spec.clusterIPs?.[0] ?? (spec.clusterIP || '<none>'),
    serviceExternalIP(svc),
    ports || '<none>',
    since(svc.metadata?.creationTimestamp),
    formatLabels(spec.selector),
  );
}

/** formatEndpoints: up to three `ip:port`, then `+ N more...`. */
function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (entry: string): boolean => {
    if (list.length === max) {
      more = true;
      return false;
    }
    list.push(entry);
    return true;
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports.
    const ports =
      ss.ports && ss.ports.length > 0 ? ss.ports.map((p) => String(p.port)) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        const host =
          port === undefined ? a.ip : a.ip.includes(':') ? `[${a.ip}]:${port}` : `${a.ip}:${port}`;
        if (!add(host)) break;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

function nodeCells(out: string[], node: Node, since: Since): void {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  const info = node.status?.nodeInfo;
  const address = (type: string): string =>
    node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
  out.push(
    node.metadata?.name ?? '',
    status.join(','),
    [...roles].sort(compareStrings).join(',') || '<none>',
    since(node.metadata?.creationTimestamp),
    info?.kubeletVersion ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  );
}

function namespaceCells(out: string[], ns: Namespace, since: Since): void {
  out.push(ns.metadata?.name ?? '', ns.status?.phase ?? '', since(ns.metadata?.creationTimestamp));
}

function eventCells(out: string[], ev: Event, since: Since): void {
  const first = ev.firstTimestamp ? since(ev.firstTimestamp) : since(ev.eventTime);
  let last = ev.lastTimestamp ? since(ev.lastTimestamp) : first;
  let count = ev.count || 1;
  if (ev.series) {
    last = since(ev.series.lastObservedTime);
    count = ev.series.count ?? 0;
  }
  const kind = (ev.involvedObject.kind ?? '').toLowerCase();
  const target = ev.involvedObject.name ? `${kind}/${ev.involvedObject.name}` : kind;
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  const source = instance ? `${component}, ${instance}` : component;
  out.push(
    last,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    ev.involvedObject.fieldPath ?? '',
    source,
    (ev.message ?? '').trim(),
    first,
    String(count),
    ev.metadata.name ?? '',
  );
}

/** Appends the object's row to `out`. */
function pushCells(out: string[], kind: Kind, obj: KubeObject, now: number, since: Since): void {
  switch (kind) {
    case 'Pod':
      return podCells(out, obj as Pod, now, since);
    case 'ReplicaSet':
      return replicaSetCells(out, obj as ReplicaSet, since);
    case 'Deployment':
      return deploymentCells(out, obj as Deployment, since);
    case 'Service':
      return serviceCells(out, obj as Service, since);
    case 'Endpoints':
      out.push(
        obj.metadata?.name ?? '',
        formatEndpoints(obj as Endpoints),
        since(obj.metadata?.creationTimestamp),
      );
      return;
    case 'Node':
      return nodeCells(out, obj as Node, since);
    case 'Namespace':
      return namespaceCells(out, obj as Namespace, since);
    case 'Event':
      return eventCells(out, obj as Event, since);
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
    case 'Role':
    case 'RoleBinding':
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'NetworkPolicy':
    case 'StatefulSet':
    case 'CustomResourceDefinition':
    case 'Application':
    case 'AppProject':
    case 'ApplicationSet':
      return pushMoreCells(out, kind, obj, since, formatLabelSelector);
    default: {
      const never: never = kind;
      throw new Error(`no table printer for ${String(never)}`);
    }
  }
}

/** The table the API server computes for these objects (cells in wide mode). */
export function serverTable(kind: Kind, objects: readonly KubeObject[], now: number): ServerTable {
  const since = sinceAt(now);
  const cells: string[] = [];
  for (const object of objects) pushCells(cells, kind, object, now, since);
  return { columns: COLUMNS[kind], objects, cells };
}

/**
 * kubectl's side (decorateTable, then printTable): NAMESPACE first, LABELS last, the `kind/`
 * prefix on the column named Name (Format "name"), wide columns dropped unless -o wide, headers
 * upper-cased; nothing at all, not even a header, for a table without rows. Pass `memory` to keep
 * column widths across calls, as `kubectl get -w` does.
 */
export function printTable(
  kind: Kind,
  table: ServerTable,
  opts: TablePrintOptions,
  memory?: RememberedWidths,
): string {
  const rows = table.objects.length;
  if (rows === 0) return '';
  const info = KINDS[kind];
  const withNamespace = opts.withNamespace && info.namespaced;
  const nameColumn = opts.withKind ? table.columns.findIndex((c) => c.name === 'Name') : -1;
  const prefix = `${kind.toLowerCase()}${info.group ? `.${info.group}` : ''}/`;
  const columns: TableColumn[] = [
    ...(withNamespace ? cols('Namespace') : []),
    ...table.columns,
    ...(opts.showLabels ? cols('Labels') : []),
  ];
  const shownColumns = columns.filter((c) => opts.wide || c.priority === 0);
  // The server's cells that stay: priority-1 columns only with -o wide.
  const shownCells: number[] = [];
  table.columns.forEach((c, i) => {
    if (opts.wide || c.priority === 0) shownCells.push(i);
  });
  const width = table.columns.length;
  const cells: string[] = [];
  for (let r = 0; r < rows; r++) {
    const object = table.objects[r] as KubeObject;
    if (withNamespace) cells.push(object.metadata?.namespace ?? '');
    for (const i of shownCells) {
      const cell = table.cells[r * width + i] ?? '';
      cells.push(i === nameColumn ? prefix + cell : cell);
    }
    if (opts.showLabels) cells.push(formatLabels(object.metadata?.labels));
  }
  const header = opts.noHeaders ? null : shownColumns.map((c) => c.name.toUpperCase());
  return printRows(header, shownColumns.length, cells, memory);
}

/**
 * What `kubectl get` prints for a list of objects of one kind, in the order given (see
 * sortForGet). '' when there are no objects: the command reports "No resources found" itself.
 */
export function getTable(
  kind: Kind,
  objects: readonly KubeObject[],
  opts: GetTableOptions,
): string {
  return printTable(kind, serverTable(kind, objects, opts.now), opts);
}
