// What the API server does for `kubectl get`: resource types as discovery advertises them, and
// lists filtered by label and field selectors, with the errors the server answers.
// - Field selector syntax: k8s.io/apimachinery/pkg/fields/selector.go (parseSelector, splitTerms,
//   UnescapeValue); supported labels per kind: kubernetes/kubernetes pkg/apis/core/v1/conversion.go,
//   pkg/apis/apps/v1/conversion.go, pkg/apis/batch/v1/conversion.go, and
//   apimachinery/pkg/runtime/scheme.go (DefaultMetaV1FieldSelectorConversion) for the rest.
// - Selectable values: pkg/registry/core/pod/strategy.go (ToSelectableFields) and its siblings.
// - The message kubectl wraps a list error in: k8s.io/cli-runtime/pkg/resource/helper.go
//   (EnhanceListError).
import { matches, parseSelector } from '../../../engine/k8s/labels';
import type {
  Event,
  Kind,
  KubeObject,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import type { ObjectReader } from '../../../engine/k8s/types';
import { knownEmptyResource, resolveKind } from '../resources';

/** A resource type as discovery describes it; `kind` is set for the kinds the simulator runs. */
export interface ResourceType {
  kind?: Kind;
  kindName: string;
  /** Plural, lower case: `deployments`. */
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  /** Field labels the server accepts; undefined: only metadata.name and metadata.namespace. */
  fieldLabels?: readonly string[];
}

const POD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
  'spec.host',
];
const EVENT_FIELDS = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
  'metadata.namespace',
  'metadata.name',
];
const FIELD_LABELS: Partial<Record<Kind, readonly string[]>> = {
  Pod: POD_FIELDS,
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['status.phase', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  Event: EVENT_FIELDS,
  Secret: ['type', 'metadata.namespace', 'metadata.name'],
};

function simType(kind: Kind): ResourceType {
  const info = KINDS[kind];
  const [group, version] = info.group ? info.apiVersion.split('/') : ['', info.apiVersion];
  const fieldLabels = FIELD_LABELS[kind];
  return {
    kind,
    kindName: kind,
    resource: info.resource,
    group: group ?? '',
    version: version ?? 'v1',
    namespaced: info.namespaced,
    ...(fieldLabels ? { fieldLabels } : {}),
  };
}

/** Kinds a real cluster serves that the simulator keeps empty, by `resource.group`. */
const EMPTY_TYPES: readonly ResourceType[] = [
  [
    'ReplicationController',
    'replicationcontrollers',
    '',
    'v1',
    ['metadata.name', 'metadata.namespace', 'status.replicas'],
  ],
  ['DaemonSet', 'daemonsets', 'apps', 'v1'],
  ['HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2'],
  ['CronJob', 'cronjobs', 'batch', 'v1'],
  ['Job', 'jobs', 'batch', 'v1', ['metadata.name', 'metadata.namespace', 'status.successful']],
  ['Ingress', 'ingresses', 'networking.k8s.io', 'v1'],
  ['PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1'],
  ['EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'v1'],
].map(([kindName, resource, group, version, fieldLabels]) => ({
  kindName: kindName as string,
  resource: resource as string,
  group: group as string,
  version: version as string,
  namespaced: true,
  ...(fieldLabels ? { fieldLabels: fieldLabels as string[] } : {}),
}));

const emptyByName = new Map(EMPTY_TYPES.map((t) => [qualifiedName(t), t]));

export function qualifiedName(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `deployment.apps`: how a name is prefixed in tables and `-o name`. */
export function kindPrefix(t: ResourceType): string {
  const k = t.kindName.toLowerCase();
  return t.group ? `${k}.${t.group}` : k;
}

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function gvrString(t: ResourceType): string {
  return `${t.group}/${t.version}, Resource=${t.resource}`;
}

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The `all` category, in the order discovery lists its members. */
export const ALL_CATEGORY_TYPES: readonly string[] = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

/** Resolves a resource type as typed (`po`, `deploy`, `deployments.v1.apps`, `cm`). */
export function resolveType(typed: string, reader?: ObjectReader): ResourceType | undefined {
  const kind = resolveKind(typed, reader);
  // A core type takes no suffix: `pods.v1` names a group "v1", which does not exist.
  if (kind) return KINDS[kind].group === '' && typed.includes('.') ? undefined : simType(kind);
  const t = typed.toLowerCase();
  const known = knownEmptyResource(t, reader);
  const direct = known ? emptyByName.get(known) : undefined;
  if (direct) return direct;
  for (const e of EMPTY_TYPES) {
    const names = [e.resource, e.kindName.toLowerCase()];
    const forms = e.group
      ? names.flatMap((n) => [n, `${n}.${e.group}`, `${n}.${e.version}.${e.group}`])
      : names.flatMap((n) => [n, `${n}.${e.version}`]);
    if (forms.includes(t)) return e;
  }
  return undefined;
}

export function typeOfKind(kind: Kind): ResourceType {
  return simType(kind);
}

export function sameType(a: ResourceType, b: ResourceType): boolean {
  return a.resource === b.resource && a.group === b.group;
}

// ---- field selectors ---------------------------------------------------------------------

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

/** splitTerms: commas split terms unless escaped with a backslash. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

function unescapeValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      return {
        ok: false,
        error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}`,
      };
    else out += c;
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** fields.ParseSelector: terms sorted as strings, each `a=b`, `a==b` or `a!=b`. */
export function parseFieldSelector(
  selector: string,
): { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string } {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const m = /!=|==|=/.exec(part);
    if (!m)
      return { ok: false, error: `invalid selector: '${selector}'; can't understand '${part}'` };
    const value = unescapeValue(part.slice(m.index + m[0].length));
    if (!value.ok) return value;
    requirements.push({ field: part.slice(0, m.index), value: value.value, negate: m[0] === '!=' });
  }
  return { ok: true, requirements };
}

/** The field label conversion the server runs on each term, in the parsed (sorted) order. */
export function checkFieldLabels(
  t: ResourceType,
  requirements: readonly FieldRequirement[],
): string | undefined {
  for (const r of requirements) {
    if (t.fieldLabels) {
      if (!t.fieldLabels.includes(r.field)) return `field label not supported: ${r.field}`;
    } else if (r.field !== 'metadata.name' && r.field !== 'metadata.namespace') {
      return `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
    }
  }
  return undefined;
}

/** The value of a selectable field of an object ('' when unset, as fields.Set.Get does). */
function fieldValue(kind: Kind, obj: KubeObject, field: string): string {
  const meta = obj.metadata;
  if (field === 'metadata.name') return meta?.name ?? '';
  if (field === 'metadata.namespace') return meta?.namespace ?? '';
  switch (kind) {
    case 'Pod': {
      const pod = obj as Pod;
      switch (field) {
        case 'spec.nodeName':
        case 'spec.host':
          return pod.spec?.nodeName ?? '';
        case 'spec.restartPolicy':
          return pod.spec?.restartPolicy ?? '';
        case 'spec.schedulerName':
          return pod.spec?.schedulerName ?? '';
        case 'spec.serviceAccountName':
          return pod.spec?.serviceAccountName ?? '';
        case 'spec.hostNetwork':
          return String(pod.spec?.hostNetwork ?? false);
        case 'status.phase':
          return pod.status?.phase ?? '';
        case 'status.podIP':
          return pod.status?.podIPs?.[0]?.ip ?? '';
        case 'status.nominatedNodeName':
          return pod.status?.nominatedNodeName ?? '';
        default:
          return '';
      }
    }
    case 'Node':
      return field === 'spec.unschedulable'
        ? String((obj as Node).spec?.unschedulable ?? false)
        : '';
    case 'Namespace':
      return field === 'status.phase'
        ? ((obj as { status?: { phase?: string } }).status?.phase ?? '')
        : '';
    case 'Service': {
      const spec = (obj as Service).spec;
      if (field === 'spec.clusterIP') return spec?.clusterIP ?? '';
      if (field === 'spec.type') return spec?.type ?? '';
      return '';
    }
    case 'ReplicaSet':
      return field === 'status.replicas' ? String((obj as ReplicaSet).status?.replicas ?? 0) : '';
    case 'Event': {
      const ev = obj as Event;
      const io = ev.involvedObject;
      switch (field) {
        case 'involvedObject.kind':
          return io.kind ?? '';
        case 'involvedObject.namespace':
          return io.namespace ?? '';
        case 'involvedObject.name':
          return io.name ?? '';
        case 'involvedObject.uid':
          return io.uid ?? '';
        case 'involvedObject.apiVersion':
          return io.apiVersion ?? '';
        case 'involvedObject.resourceVersion':
          return io.resourceVersion ?? '';
        case 'involvedObject.fieldPath':
          return io.fieldPath ?? '';
        case 'reason':
          return ev.reason ?? '';
        case 'reportingComponent':
          return ev.reportingComponent ?? '';
        case 'source':
          return ev.source?.component ?? '';
        case 'type':
          return ev.type ?? '';
        default:
          return '';
      }
    }
    default:
      return '';
  }
}

export function matchesFields(
  kind: Kind,
  obj: KubeObject,
  requirements: readonly FieldRequirement[],
): boolean {
  for (const r of requirements) {
    const equal = fieldValue(kind, obj, r.field) === r.value;
    if (equal === r.negate) return false;
  }
  return true;
}

// ---- listing -----------------------------------------------------------------------------

export interface ListQuery {
  /** undefined: every namespace (or a cluster-scoped type). */
  namespace: string | undefined;
  labelSelector: string;
  fieldSelector: string;
}

/** An object filter the server built from a query, or the BadRequest message it answers. */
export type ObjectFilter =
  | {
      ok: true;
      test: (obj: KubeObject) => boolean;
      /** No selector: every object passes. */
      all: boolean;
    }
  | { ok: false; error: string };

/**
 * The server's parsing of a list request's selectors: the label selector first, then the field
 * selector's syntax, then each field label against the type.
 */
export function buildFilter(
  t: ResourceType,
  labelSelector: string,
  fieldSelector: string,
): ObjectFilter {
  const labels = parseSelector(labelSelector);
  if (!labels.ok) return labels;
  const fields = parseFieldSelector(fieldSelector);
  if (!fields.ok) return fields;
  const bad = checkFieldLabels(t, fields.requirements);
  if (bad) return { ok: false, error: bad };
  const kind = t.kind;
  const selector = labels.selector;
  const requirements = fields.requirements;
  if (selector.length === 0 && requirements.length === 0)
    return { ok: true, test: () => true, all: true };
  return {
    ok: true,
    all: false,
    test: (obj) =>
      kind !== undefined &&
      matches(selector, obj.metadata?.labels) &&
      (requirements.length === 0 || matchesFields(kind, obj, requirements)),
  };
}

/** The message `kubectl get` prints for a list the server refused (EnhanceListError). */
export function listErrorMessage(t: ResourceType, q: ListQuery, message: string): string {
  return `Error from server (BadRequest): Unable to find "${gvrString(t)}" that match label selector "${q.labelSelector}", field selector "${q.fieldSelector}": ${message}`;
}

/** A LIST: the objects in key order (namespace, then name), or the refusal's message. */
export function listObjects(
  reader: ObjectReader,
  t: ResourceType,
  q: ListQuery,
): { ok: true; objects: KubeObject[] } | { ok: false; error: string } {
  const filter = buildFilter(t, q.labelSelector, q.fieldSelector);
  if (!filter.ok) return { ok: false, error: listErrorMessage(t, q, filter.error) };
  if (!t.kind) return { ok: true, objects: [] };
  const all = reader.list(t.kind, t.namespaced ? q.namespace : undefined) as KubeObject[];
  return { ok: true, objects: filter.all ? all : all.filter(filter.test) };
}

/** `Error from server (NotFound): deployments.apps "x" not found`. */
export function notFoundMessage(t: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedName(t)} "${name}" not found`;
}
