// An object as YAML, twice over: as `kubectl get -o yaml` prints it, and as the manifest a person
// would have written to get it (what `kubectl create … --dry-run=client -o yaml` prints, and
// what sits in a Git repository). The second hides what the API server and the controllers
// add: identity and bookkeeping metadata, status, allocated addresses and ports, and every field
// whose value is the default the API server fills in when the field is left out
// (src/engine/k8s/defaults.ts). Go's zero values for structs nobody filled in
// (`creationTimestamp: null`, `strategy: {}`, `resources: {}`, `securityContext: {}`,
// `status: {}`) are hidden as well: nobody writes them by hand.
import {
  DESIRED_REPLICAS,
  HASH_LABEL,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
} from '../../engine/k8s/controllers/deploymentutil';
import { defaultPullPolicy } from '../../engine/k8s/defaults';
import type { Kind, KubeObject } from '../../engine/k8s/types';
import { KINDS } from '../../engine/k8s/types';
import { toKubectlYaml } from '../printers/yaml';
import type { ObjectChange } from '../timeline';

export interface ManifestOptions {
  hideServerFields: boolean;
}

type Json = Record<string, unknown>;

/** The YAML for `obj` (empty when there is none), with or without what the server added. */
export function manifestYaml(obj: KubeObject | undefined, options: ManifestOptions): string {
  if (!obj) return '';
  return toKubectlYaml(options.hideServerFields ? manifestObject(obj) : asPrinted(obj));
}

export type ChangeType = 'create' | 'update' | 'delete';

type Sides = Pick<ObjectChange, 'before' | 'after'>;

/** A graceful delete shows up as an update that sets deletionTimestamp; it is still a delete. */
export function changeType(change: Sides): ChangeType {
  if (!change.before) return 'create';
  if (!change.after) return 'delete';
  if (change.after.metadata?.deletionTimestamp && !change.before.metadata?.deletionTimestamp)
    return 'delete';
  return 'update';
}

/**
 * Both sides of a change as YAML. A person's manifest of an object being deleted is simply
 * gone, even while the cluster still holds it with a deletionTimestamp.
 */
export function manifestPair(
  change: Sides,
  options: ManifestOptions,
): { before: string; after: string } {
  const gone = options.hideServerFields && changeType(change) === 'delete';
  return {
    before: manifestYaml(change.before, options),
    after: gone ? '' : manifestYaml(change.after, options),
  };
}

/**
 * The object as `kubectl get -o yaml` prints it: with its apiVersion and kind, without
 * managedFields (kubectl hides them unless --show-managed-fields).
 */
export function asPrinted(obj: KubeObject): Json {
  const copy = clone(obj);
  const info = KINDS[obj.kind as Kind] as (typeof KINDS)[Kind] | undefined;
  if (info) {
    copy.apiVersion ??= info.apiVersion;
    copy.kind ??= info.kind;
  }
  const meta = asObject(copy.metadata);
  if (meta) delete meta.managedFields;
  return copy;
}

/** What a person would write to get `obj`: see the comment at the top of this file. */
export function manifestObject(obj: KubeObject): Json {
  const m = asPrinted(obj);
  delete m.status;
  const kind = m.kind as string;
  projectMetadata(m, kind);
  const spec = asObject(m.spec);
  if (spec) {
    switch (kind) {
      case 'Deployment':
        projectDeploymentSpec(spec);
        break;
      case 'ReplicaSet':
        projectSelectorAndTemplate(spec);
        break;
      case 'Pod':
        projectPodSpec(spec, true);
        break;
      case 'Service':
        projectServiceSpec(spec);
        break;
      case 'Namespace':
        dropIf(spec, 'finalizers', (v) => sameJson(v, ['kubernetes']));
        break;
      default:
        break;
    }
    dropEmpty(m, 'spec');
  }
  return m;
}

// ---- metadata ---------------------------------------------------------------------------------

/** Metadata the API server or a controller writes; a manifest never holds it. */
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
];

/** Annotations the Deployment controller and `kubectl apply` keep for themselves. */
const SERVER_ANNOTATIONS = new Set([
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'kubectl.kubernetes.io/last-applied-configuration',
  'deprecated.deployment.rollback.to',
]);

function projectMetadata(m: Json, kind: string): void {
  const meta = asObject(m.metadata);
  if (!meta) return;
  for (const key of SERVER_METADATA) delete meta[key];
  // A manifest for the default namespace usually leaves the namespace out, as kubectl's
  // generators do unless -n is given.
  dropIf(meta, 'namespace', (v) => v === 'default');
  const labels = asObject(meta.labels);
  if (labels) {
    delete labels[HASH_LABEL];
    if (kind === 'Namespace') delete labels['kubernetes.io/metadata.name'];
  }
  const annotations = asObject(meta.annotations);
  if (annotations)
    for (const key of Object.keys(annotations)) {
      if (SERVER_ANNOTATIONS.has(key)) delete annotations[key];
    }
  dropEmpty(meta, 'labels');
  dropEmpty(meta, 'annotations');
}

// ---- workloads --------------------------------------------------------------------------------

function projectDeploymentSpec(spec: Json): void {
  // `kubectl rollout resume` writes `paused: false`; Go's omitempty would not even print it.
  dropIf(spec, 'paused', (v) => v === false);
  dropIf(spec, 'progressDeadlineSeconds', (v) => v === 600);
  dropIf(spec, 'revisionHistoryLimit', (v) => v === 10);
  const strategy = asObject(spec.strategy);
  if (strategy) {
    const rolling = asObject(strategy.rollingUpdate);
    if (rolling) {
      dropIf(rolling, 'maxSurge', (v) => v === '25%');
      dropIf(rolling, 'maxUnavailable', (v) => v === '25%');
      dropEmpty(strategy, 'rollingUpdate');
    }
    // `type: RollingUpdate` alone is the default; with rollingUpdate settings it reads better kept.
    if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate === undefined)
      delete strategy.type;
    dropEmpty(spec, 'strategy');
  }
  projectSelectorAndTemplate(spec);
}

function projectSelectorAndTemplate(spec: Json): void {
  const matchLabels = asObject(asObject(spec.selector)?.matchLabels);
  if (matchLabels) delete matchLabels[HASH_LABEL];
  const template = asObject(spec.template);
  if (!template) return;
  const meta = asObject(template.metadata);
  if (meta) {
    // The API server prints a template's unset creationTimestamp as null.
    dropIf(meta, 'creationTimestamp', (v) => v === null);
    const labels = asObject(meta.labels);
    if (labels) delete labels[HASH_LABEL];
    dropEmpty(meta, 'labels');
    dropEmpty(template, 'metadata');
  }
  const podSpec = asObject(template.spec);
  if (podSpec) projectPodSpec(podSpec, false);
}

const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const API_ACCESS_VOLUME = /^kube-api-access-/;
const DEFAULT_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** A pod spec's defaults; a bare pod also loses what admission and the scheduler added. */
function projectPodSpec(spec: Json, pod: boolean): void {
  dropIf(spec, 'dnsPolicy', (v) => v === 'ClusterFirst');
  dropIf(spec, 'restartPolicy', (v) => v === 'Always');
  dropIf(spec, 'schedulerName', (v) => v === 'default-scheduler');
  dropIf(spec, 'terminationGracePeriodSeconds', (v) => v === 30);
  dropEmpty(spec, 'securityContext');
  if (pod) {
    delete spec.nodeName;
    dropIf(spec, 'enableServiceLinks', (v) => v === true);
    dropIf(spec, 'preemptionPolicy', (v) => v === 'PreemptLowerPriority');
    dropIf(spec, 'priority', (v) => v === 0);
    // serviceAccount is the deprecated twin the server copies from serviceAccountName.
    dropIf(spec, 'serviceAccount', (v) => v === spec.serviceAccountName);
    dropIf(spec, 'serviceAccountName', (v) => v === 'default');
    filterList(spec, 'tolerations', (t) => !isDefaultToleration(t));
    filterList(spec, 'volumes', (v) => !API_ACCESS_VOLUME.test(String(asObject(v)?.name)));
  }
  for (const key of ['initContainers', 'containers']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const c = asObject(item);
      if (!c) continue;
      projectContainer(c);
      if (pod) {
        filterList(c, 'volumeMounts', (v) => asObject(v)?.mountPath !== SERVICE_ACCOUNT_MOUNT);
      }
    }
  }
}

function isDefaultToleration(t: unknown): boolean {
  const o = asObject(t);
  return (
    o !== undefined &&
    DEFAULT_TOLERATIONS.includes(String(o.key)) &&
    o.effect === 'NoExecute' &&
    o.operator === 'Exists' &&
    o.tolerationSeconds === 300
  );
}

function projectContainer(c: Json): void {
  dropIf(c, 'imagePullPolicy', (v) => v === defaultPullPolicy(String(c.image ?? '')));
  dropIf(c, 'terminationMessagePath', (v) => v === '/dev/termination-log');
  dropIf(c, 'terminationMessagePolicy', (v) => v === 'File');
  dropEmpty(c, 'resources');
  const ports = c.ports;
  if (Array.isArray(ports)) {
    for (const p of ports) {
      const port = asObject(p);
      if (port) dropIf(port, 'protocol', (v) => v === 'TCP');
    }
  }
}

// ---- services ---------------------------------------------------------------------------------

function projectServiceSpec(spec: Json): void {
  // Allocated by the API server; only a headless Service's `None` is written by a person.
  dropIf(spec, 'clusterIP', (v) => v !== 'None');
  delete spec.clusterIPs;
  delete spec.healthCheckNodePort;
  dropIf(spec, 'ipFamilies', (v) => sameJson(v, ['IPv4']));
  dropIf(spec, 'ipFamilyPolicy', (v) => v === 'SingleStack');
  dropIf(spec, 'internalTrafficPolicy', (v) => v === 'Cluster');
  dropIf(spec, 'externalTrafficPolicy', (v) => v === 'Cluster');
  dropIf(spec, 'allocateLoadBalancerNodePorts', (v) => v === true);
  dropIf(spec, 'sessionAffinity', (v) => v === 'None');
  dropIf(spec, 'type', (v) => v === 'ClusterIP');
  const ports = spec.ports;
  if (!Array.isArray(ports)) return;
  for (const p of ports) {
    const port = asObject(p);
    if (!port) continue;
    delete port.nodePort;
    dropIf(port, 'protocol', (v) => v === 'TCP');
    // The API server sets targetPort to the port when it is left out.
    dropIf(port, 'targetPort', (v) => v === port.port);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

function clone(obj: KubeObject): Json {
  return JSON.parse(JSON.stringify(obj)) as Json;
}

function asObject(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function dropIf(o: Json, key: string, test: (v: unknown) => boolean): void {
  if (key in o && test(o[key])) delete o[key];
}

/** Drops `key` when it holds an empty map or list (or nothing). */
function dropEmpty(o: Json, key: string): void {
  const v = o[key];
  if (v === undefined || v === null) delete o[key];
  else if (Array.isArray(v) ? v.length === 0 : asObject(v) && Object.keys(v).length === 0)
    delete o[key];
}

function filterList(o: Json, key: string, keep: (item: unknown) => boolean): void {
  const list = o[key];
  if (!Array.isArray(list)) return;
  o[key] = list.filter(keep);
  dropEmpty(o, key);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
