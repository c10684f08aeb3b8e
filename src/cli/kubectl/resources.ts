// Resource types as a person types them (`po`, `PODS`, `deploy`, `deployments.apps`,
// `deployments.v1.apps`, `Deployment`) resolved the way kubectl resolves them against the
// server's discovery data: cli-runtime's Builder.mappingFor over client-go's shortcut expander
// (restmapper/shortcut.go) and discovery REST mapper (restmapper/discovery.go,
// apimachinery/pkg/api/meta/restmapper.go, priority.go).
import { customResources } from '../../engine/k8s/discovery';
import type { Kind, ObjectReader } from '../../engine/k8s/types';
import { ALL_KINDS, KINDS } from '../../engine/k8s/types';

/** One entry of the server's discovery (an APIResource of one group/version). */
export interface ApiResource {
  /** The plural resource name: `deployments`. */
  name: string;
  singularName: string;
  shortNames: readonly string[];
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
}

// [name, shortNames, kind, namespaced]; the singular name of every built-in type is its kind
// in lower case.
type Row = [string, string[], string, boolean];

/**
 * The built-in APIs a kind v1.32 cluster serves (GA only: beta APIs are off by default), group by
 * group in the order discovery lists them (the aggregator's group priorities, core first) and,
 * within a group, preferred version first.
 */
const DISCOVERY: [group: string, version: string, rows: Row[]][] = [
  [
    '',
    'v1',
    [
      ['bindings', [], 'Binding', true],
      ['componentstatuses', ['cs'], 'ComponentStatus', false],
      ['configmaps', ['cm'], 'ConfigMap', true],
      ['endpoints', ['ep'], 'Endpoints', true],
      ['events', ['ev'], 'Event', true],
      ['limitranges', ['limits'], 'LimitRange', true],
      ['namespaces', ['ns'], 'Namespace', false],
      ['nodes', ['no'], 'Node', false],
      ['persistentvolumeclaims', ['pvc'], 'PersistentVolumeClaim', true],
      ['persistentvolumes', ['pv'], 'PersistentVolume', false],
      ['pods', ['po'], 'Pod', true],
      ['podtemplates', [], 'PodTemplate', true],
      ['replicationcontrollers', ['rc'], 'ReplicationController', true],
      ['resourcequotas', ['quota'], 'ResourceQuota', true],
      ['secrets', [], 'Secret', true],
      ['serviceaccounts', ['sa'], 'ServiceAccount', true],
      ['services', ['svc'], 'Service', true],
    ],
  ],
  [
    'apps',
    'v1',
    [
      ['controllerrevisions', [], 'ControllerRevision', true],
      ['daemonsets', ['ds'], 'DaemonSet', true],
      ['deployments', ['deploy'], 'Deployment', true],
      ['replicasets', ['rs'], 'ReplicaSet', true],
      ['statefulsets', ['sts'], 'StatefulSet', true],
    ],
  ],
  ['events.k8s.io', 'v1', [['events', ['ev'], 'Event', true]]],
  [
    'authentication.k8s.io',
    'v1',
    [
      ['selfsubjectreviews', [], 'SelfSubjectReview', false],
      ['tokenreviews', [], 'TokenReview', false],
    ],
  ],
  [
    'authorization.k8s.io',
    'v1',
    [
      ['localsubjectaccessreviews', [], 'LocalSubjectAccessReview', true],
      ['selfsubjectaccessreviews', [], 'SelfSubjectAccessReview', false],
      ['selfsubjectrulesreviews', [], 'SelfSubjectRulesReview', false],
      ['subjectaccessreviews', [], 'SubjectAccessReview', false],
    ],
  ],
  ['autoscaling', 'v2', [['horizontalpodautoscalers', ['hpa'], 'HorizontalPodAutoscaler', true]]],
  ['autoscaling', 'v1', [['horizontalpodautoscalers', ['hpa'], 'HorizontalPodAutoscaler', true]]],
  [
    'batch',
    'v1',
    [
      ['cronjobs', ['cj'], 'CronJob', true],
      ['jobs', [], 'Job', true],
    ],
  ],
  [
    'certificates.k8s.io',
    'v1',
    [['certificatesigningrequests', ['csr'], 'CertificateSigningRequest', false]],
  ],
  [
    'networking.k8s.io',
    'v1',
    [
      ['ingressclasses', [], 'IngressClass', false],
      ['ingresses', ['ing'], 'Ingress', true],
      ['networkpolicies', ['netpol'], 'NetworkPolicy', true],
    ],
  ],
  ['policy', 'v1', [['poddisruptionbudgets', ['pdb'], 'PodDisruptionBudget', true]]],
  [
    'rbac.authorization.k8s.io',
    'v1',
    [
      ['clusterrolebindings', [], 'ClusterRoleBinding', false],
      ['clusterroles', [], 'ClusterRole', false],
      ['rolebindings', [], 'RoleBinding', true],
      ['roles', [], 'Role', true],
    ],
  ],
  [
    'storage.k8s.io',
    'v1',
    [
      ['csidrivers', [], 'CSIDriver', false],
      ['csinodes', [], 'CSINode', false],
      ['csistoragecapacities', [], 'CSIStorageCapacity', true],
      ['storageclasses', ['sc'], 'StorageClass', false],
      ['volumeattachments', [], 'VolumeAttachment', false],
    ],
  ],
  [
    'admissionregistration.k8s.io',
    'v1',
    [
      ['mutatingwebhookconfigurations', [], 'MutatingWebhookConfiguration', false],
      ['validatingadmissionpolicies', [], 'ValidatingAdmissionPolicy', false],
      ['validatingadmissionpolicybindings', [], 'ValidatingAdmissionPolicyBinding', false],
      ['validatingwebhookconfigurations', [], 'ValidatingWebhookConfiguration', false],
    ],
  ],
  [
    'apiextensions.k8s.io',
    'v1',
    [['customresourcedefinitions', ['crd', 'crds'], 'CustomResourceDefinition', false]],
  ],
  ['scheduling.k8s.io', 'v1', [['priorityclasses', ['pc'], 'PriorityClass', false]]],
  ['coordination.k8s.io', 'v1', [['leases', [], 'Lease', true]]],
  ['node.k8s.io', 'v1', [['runtimeclasses', [], 'RuntimeClass', false]]],
  ['discovery.k8s.io', 'v1', [['endpointslices', [], 'EndpointSlice', true]]],
  [
    'flowcontrol.apiserver.k8s.io',
    'v1',
    [
      ['flowschemas', [], 'FlowSchema', false],
      ['prioritylevelconfigurations', [], 'PriorityLevelConfiguration', false],
    ],
  ],
  ['apiregistration.k8s.io', 'v1', [['apiservices', [], 'APIService', false]]],
];

export const API_RESOURCES: readonly ApiResource[] = DISCOVERY.flatMap(([group, version, rows]) =>
  rows.map(([name, shortNames, kind, namespaced]) => ({
    name,
    singularName: kind.toLowerCase(),
    shortNames,
    kind,
    group,
    version,
    namespaced,
  })),
);

/**
 * The custom kinds the simulator stores, as their CRDs would add them to discovery: what
 * resolution assumes when it is not given the cluster to look at.
 */
const CUSTOM_ASSUMED: readonly ApiResource[] = ALL_KINDS.filter((k) => KINDS[k].crd).map((k) => {
  const info = KINDS[k];
  return {
    name: info.resource,
    singularName: info.singular,
    shortNames: info.shortNames,
    kind: k,
    group: info.group,
    version: info.apiVersion.slice(info.apiVersion.indexOf('/') + 1),
    namespaced: info.namespaced,
  };
});

const WITH_ASSUMED: readonly ApiResource[] = [...API_RESOURCES, ...CUSTOM_ASSUMED];

/**
 * The server's discovery: the built-in APIs, then (aggregated discovery puts them after the
 * built-in groups) what the established CRDs serve. Without a reader, the custom kinds the
 * simulator stores are assumed served.
 */
export function apiResources(reader?: ObjectReader): readonly ApiResource[] {
  if (!reader) return WITH_ASSUMED;
  const custom = customResources(reader);
  return custom.length === 0 ? API_RESOURCES : [...API_RESOURCES, ...custom];
}

/**
 * Types the server has but the simulator does not run, which it lists as empty (so that
 * `get configmaps` or `get all` answer as a fresh namespace would): group/resource names.
 */
const KNOWN_EMPTY = new Set([
  'daemonsets.apps',
  'jobs.batch',
  'cronjobs.batch',
  'ingresses.networking.k8s.io',
  'persistentvolumeclaims',
  'horizontalpodautoscalers.autoscaling',
  'replicationcontrollers',
  'endpointslices.discovery.k8s.io',
]);

/** `deployments.apps`, `pods`: a resource's GroupResource string. */
export function groupResourceName(r: ApiResource): string {
  return r.group ? `${r.name}.${r.group}` : r.name;
}

interface GVR {
  group: string;
  version: string;
  resource: string;
}

/** Resources ordered as the priority mapper prefers them: group order, preferred version first. */
function byPriority(found: ApiResource[], all: readonly ApiResource[]): ApiResource | undefined {
  return found.sort((a, b) => all.indexOf(a) - all.indexOf(b))[0];
}

/**
 * shortcutExpander.expandResourceShortcut: a full name (plural or singular, in a matching group)
 * stays as typed; a short name expands to its resource, the first in discovery order winning
 * (the others raise a warning); failing that, a short name may name its group by a prefix.
 * All of these comparisons are case-sensitive.
 */
function expandShortcut(gvr: GVR, warnings: string[], all: readonly ApiResource[]): GVR {
  const inGroup = (g: string) => gvr.group === '' || gvr.group === g;
  if (
    all.some(
      (r) => inGroup(r.group) && (r.name === gvr.resource || r.singularName === gvr.resource),
    )
  )
    return gvr;
  let found: ApiResource | undefined;
  const warned = new Set<string>();
  for (const r of all) {
    if (!inGroup(r.group) || !r.shortNames.includes(gvr.resource)) continue;
    if (!found) found = r;
    else if (found.group !== r.group || found.name !== r.name) {
      const other = groupResourceName(r);
      if (!warned.has(other))
        warnings.push(
          `short name ${JSON.stringify(gvr.resource)} could also match lower priority resource ${other}`,
        );
      warned.add(other);
    }
  }
  // The version is dropped here: `deploy.v1.apps` resolves like `deploy.apps`.
  if (found) return { group: found.group, version: '', resource: found.name };
  if (gvr.group === '') return gvr;
  const prefixed = all.find(
    (r) => r.group.startsWith(gvr.group) && r.shortNames.includes(gvr.resource),
  );
  return prefixed ? { ...gvr, group: prefixed.group, resource: prefixed.name } : gvr;
}

/**
 * The discovery mapper's KindFor: the resource name in any case, plural or singular. With a
 * version, group and version must match exactly; with a group only, the group may be given by a
 * prefix (`deployments.app`, `ingresses.networking`), each group/version mapper matching on its
 * own, and the priority order choosing among them.
 */
function kindFor(
  typed: GVR,
  warnings: string[],
  all: readonly ApiResource[],
): ApiResource | undefined {
  const gvr = expandShortcut(typed, warnings, all);
  const resource = gvr.resource.toLowerCase();
  if (resource === '') return undefined;
  return byPriority(
    all.filter(
      (r) =>
        (r.name === resource || r.singularName === resource) &&
        (gvr.version !== ''
          ? r.group === gvr.group && r.version === gvr.version
          : r.group.startsWith(gvr.group)),
    ),
    all,
  );
}

/** The mapper's RESTMapping for a group/kind: the kind exactly as discovery spells it, or in lower case. */
function kindMapping(
  group: string,
  kind: string,
  version: string,
  all: readonly ApiResource[],
): ApiResource | undefined {
  return byPriority(
    all.filter(
      (r) =>
        r.group === group &&
        (r.kind === kind || r.kind.toLowerCase() === kind) &&
        (version === '' || r.version === version),
    ),
    all,
  );
}

/** `a.b.c` as `resource.version.group`, when there are at least two dots. */
function threePart(arg: string): GVR | undefined {
  const i = arg.indexOf('.');
  const j = arg.indexOf('.', i + 1);
  if (i < 0 || j < 0) return undefined;
  return { resource: arg.slice(0, i), version: arg.slice(i + 1, j), group: arg.slice(j + 1) };
}

/** `a.b` as `resource.group`: the group is everything after the first dot. */
function twoPart(arg: string): { resource: string; group: string } {
  const i = arg.indexOf('.');
  return i < 0
    ? { resource: arg, group: '' }
    : { resource: arg.slice(0, i), group: arg.slice(i + 1) };
}

export type ResourceResolution =
  { ok: true; resource: ApiResource; warnings: string[] } | { ok: false; error: string };

/**
 * Builder.mappingFor: a type argument as resource (`pods`, `po`, `pod`, `PODS`,
 * `deployments.apps`, `deploy.apps`, `deployments.v1.apps`), else as kind (`Deployment.apps`).
 * `pods.v1` is not a version of pods: it names a group `v1`, which does not exist. The warnings
 * are what kubectl prints on stderr as `Warning: …` (an ambiguous short name such as `ev`).
 */
export function resolveResource(arg: string, reader?: ObjectReader): ResourceResolution {
  const all = apiResources(reader);
  const warnings: string[] = [];
  const full = threePart(arg);
  const gr = twoPart(arg);
  const byResource =
    (full ? kindFor(full, warnings, all) : undefined) ??
    kindFor({ ...gr, version: '' }, warnings, all);
  if (byResource) return { ok: true, resource: byResource, warnings };
  const byKind =
    (full ? kindMapping(full.group, full.resource, full.version, all) : undefined) ??
    kindMapping(gr.group, gr.resource, '', all);
  if (byKind) return { ok: true, resource: byKind, warnings };
  return { ok: false, error: unknownResourceTypeError(arg) };
}

/**
 * kubectl's error for a type discovery does not resolve. It names only the part before the first
 * dot: `pods.v1` gives `the server doesn't have a resource type "pods"`.
 */
export function unknownResourceTypeError(arg: string): string {
  return `the server doesn't have a resource type ${JSON.stringify(twoPart(arg).resource)}`;
}

/** The simulated kind a discovery entry stands for, if the simulator runs it. */
function simulatedKind(r: ApiResource): Kind | undefined {
  return ALL_KINDS.find((k) => KINDS[k].group === r.group && KINDS[k].resource === r.name);
}

/**
 * Resolves a resource type as typed to a kind the simulator runs, or undefined. Pass the
 * cluster's reader so that custom kinds resolve only while their CRD is established.
 */
export function resolveKind(type: string, reader?: ObjectReader): Kind | undefined {
  const r = resolveResource(type, reader);
  return r.ok ? simulatedKind(r.resource) : undefined;
}

/**
 * A type the server has and lists as empty here (`configmaps`, `cm`, `ingress`, `jobs.batch`):
 * its group/resource name (`ingresses.networking.k8s.io`), as NotFound errors name it.
 */
export function knownEmptyResource(type: string, reader?: ObjectReader): string | undefined {
  const r = resolveResource(type, reader);
  if (!r.ok) return undefined;
  const name = groupResourceName(r.resource);
  return KNOWN_EMPTY.has(name) ? name : undefined;
}

/** The `Warning: …` lines (without the prefix) kubectl prints while resolving this type. */
export function resourceWarnings(type: string, reader?: ObjectReader): string[] {
  const r = resolveResource(type, reader);
  return r.ok ? r.warnings : [];
}

/** `kubectl get all`: the categories' member kinds, in the order kubectl prints them. */
export const ALL_CATEGORY: readonly Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];

export interface ResourceRef {
  kind: Kind;
  /** undefined: every object of the kind (with the selector, if any). */
  name?: string;
}

export type ResourceArgs =
  | { ok: true; refs: ResourceRef[]; byType: boolean; unknownEmpty: string[] }
  | { ok: false; error: string; plain?: boolean };

export const RESOURCE_NAME_FORM_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

function unknownType(type: string): ResourceArgs {
  return { ok: false, error: unknownResourceTypeError(type) };
}

/**
 * Parses the resource arguments of get, describe, delete and friends: `TYPE`, `TYPE NAME…`,
 * `TYPE1,TYPE2 [NAME…]`, `TYPE/NAME…`, `all`.
 */
export function parseResourceArgs(args: readonly string[], reader?: ObjectReader): ResourceArgs {
  if (args.length === 0) return { ok: true, refs: [], byType: false, unknownEmpty: [] };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) return { ok: false, error: RESOURCE_NAME_FORM_ERROR };
    const refs: ResourceRef[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name)
        return {
          ok: false,
          error: `arguments in resource/name form must have a single resource and name`,
        };
      const kind = resolveKind(type, reader);
      if (!kind) return unknownType(type);
      refs.push({ kind, name });
    }
    return { ok: true, refs, byType: false, unknownEmpty: [] };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const kinds: Kind[] = [];
  const unknownEmpty: string[] = [];
  for (const type of typeArg.split(',')) {
    if (type === '') continue;
    if (type === 'all') {
      for (const k of ALL_CATEGORY) if (!kinds.includes(k)) kinds.push(k);
      continue;
    }
    const kind = resolveKind(type, reader);
    if (kind) {
      if (!kinds.includes(kind)) kinds.push(kind);
      continue;
    }
    const elsewhere = knownEmptyResource(type, reader);
    if (elsewhere) {
      unknownEmpty.push(elsewhere);
      continue;
    }
    return unknownType(type);
  }
  const refs =
    names.length === 0
      ? kinds.map((kind) => ({ kind }))
      : kinds.flatMap((kind) => names.map((name) => ({ kind, name })));
  return { ok: true, refs, byType: names.length === 0, unknownEmpty };
}

/** `apps/v1, Resource=deployments`: how the API server names a resource in its messages. */
export function gvrOf(kind: Kind): string {
  const info = KINDS[kind];
  const version = info.apiVersion.split('/').pop() ?? 'v1';
  return `${info.group}/${version}, Resource=${info.resource}`;
}

/**
 * The API server's answer to a LIST with a selector it cannot parse, as the resource builder
 * rewords it (cli-runtime pkg/resource/selector.go); kubectl prints it as a BadRequest.
 */
export function selectorListError(kind: Kind, label: string, field: string, why: string): string {
  return `Unable to find ${JSON.stringify(gvrOf(kind))} that match label selector ${JSON.stringify(label.trim())}, field selector ${JSON.stringify(field)}: ${why}`;
}
