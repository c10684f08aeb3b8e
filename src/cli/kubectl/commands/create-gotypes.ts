// How kubectl prints a typed object (the Go structs of k8s.io/api v0.32): fields in struct order,
// maps with sorted keys, `omitempty` zero values dropped, and value structs that are never
// omitted (`status: {}`, `strategy: {}`, `resources: {}`, `creationTimestamp: null`).
// `create deployment|service|namespace` print such objects; so does `expose --dry-run=client`.
// Field order: k8s.io/api core/v1/types.go, apps/v1/types.go, apimachinery meta/v1/types.go.

/**
 * e: omitempty (absent, '', 0, false, empty list or map are dropped); p: pointer or required
 * (dropped only when absent); v: value struct (always present, `{}` when absent); t: metav1.Time
 * value (always present, null when absent).
 */
type Mode = 'e' | 'p' | 'v' | 't';
type Field = readonly [json: string, mode: Mode, type?: string];

const META: readonly Field[] = [
  ['name', 'e'],
  ['generateName', 'e'],
  ['namespace', 'e'],
  ['selfLink', 'e'],
  ['uid', 'e'],
  ['resourceVersion', 'e'],
  ['generation', 'e'],
  ['creationTimestamp', 't'],
  ['deletionTimestamp', 'p'],
  ['deletionGracePeriodSeconds', 'p'],
  ['labels', 'e', 'map'],
  ['annotations', 'e', 'map'],
  ['ownerReferences', 'e', 'OwnerReference[]'],
  ['finalizers', 'e'],
  ['managedFields', 'e'],
];

const SCHEMA: Readonly<Record<string, readonly Field[]>> = {
  Deployment: [
    ['kind', 'e'],
    ['apiVersion', 'e'],
    ['metadata', 'v', 'ObjectMeta'],
    ['spec', 'v', 'DeploymentSpec'],
    ['status', 'v', 'DeploymentStatus'],
  ],
  Service: [
    ['kind', 'e'],
    ['apiVersion', 'e'],
    ['metadata', 'v', 'ObjectMeta'],
    ['spec', 'v', 'ServiceSpec'],
    ['status', 'v', 'ServiceStatus'],
  ],
  Namespace: [
    ['kind', 'e'],
    ['apiVersion', 'e'],
    ['metadata', 'v', 'ObjectMeta'],
    ['spec', 'v', 'NamespaceSpec'],
    ['status', 'v', 'NamespaceStatus'],
  ],
  ObjectMeta: META,
  OwnerReference: [
    ['apiVersion', 'p'],
    ['kind', 'p'],
    ['name', 'p'],
    ['uid', 'p'],
    ['controller', 'p'],
    ['blockOwnerDeletion', 'p'],
  ],
  DeploymentSpec: [
    ['replicas', 'p'],
    ['selector', 'p', 'LabelSelector'],
    ['template', 'v', 'PodTemplateSpec'],
    ['strategy', 'v', 'DeploymentStrategy'],
    ['minReadySeconds', 'e'],
    ['revisionHistoryLimit', 'p'],
    ['paused', 'e'],
    ['progressDeadlineSeconds', 'p'],
  ],
  LabelSelector: [
    ['matchLabels', 'e', 'map'],
    ['matchExpressions', 'e', 'LabelSelectorRequirement[]'],
  ],
  LabelSelectorRequirement: [
    ['key', 'p'],
    ['operator', 'p'],
    ['values', 'e'],
  ],
  DeploymentStrategy: [
    ['type', 'e'],
    ['rollingUpdate', 'p', 'RollingUpdateDeployment'],
  ],
  RollingUpdateDeployment: [
    ['maxUnavailable', 'p'],
    ['maxSurge', 'p'],
  ],
  DeploymentStatus: [
    ['observedGeneration', 'e'],
    ['replicas', 'e'],
    ['updatedReplicas', 'e'],
    ['readyReplicas', 'e'],
    ['availableReplicas', 'e'],
    ['unavailableReplicas', 'e'],
    ['conditions', 'e', 'DeploymentCondition[]'],
    ['collisionCount', 'p'],
  ],
  DeploymentCondition: [
    ['type', 'p'],
    ['status', 'p'],
    ['lastUpdateTime', 'e'],
    ['lastTransitionTime', 'e'],
    ['reason', 'e'],
    ['message', 'e'],
  ],
  PodTemplateSpec: [
    ['metadata', 'v', 'ObjectMeta'],
    ['spec', 'v', 'PodSpec'],
  ],
  PodSpec: [
    ['volumes', 'e'],
    ['initContainers', 'e', 'Container[]'],
    ['containers', 'p', 'Container[]'],
    ['ephemeralContainers', 'e'],
    ['restartPolicy', 'e'],
    ['terminationGracePeriodSeconds', 'p'],
    ['activeDeadlineSeconds', 'p'],
    ['dnsPolicy', 'e'],
    ['nodeSelector', 'e', 'map'],
    ['serviceAccountName', 'e'],
    ['serviceAccount', 'e'],
    ['automountServiceAccountToken', 'p'],
    ['nodeName', 'e'],
    ['hostNetwork', 'e'],
    ['hostPID', 'e'],
    ['hostIPC', 'e'],
    ['shareProcessNamespace', 'p'],
    ['securityContext', 'p'],
    ['imagePullSecrets', 'e'],
    ['hostname', 'e'],
    ['subdomain', 'e'],
    ['affinity', 'p'],
    ['schedulerName', 'e'],
    ['tolerations', 'e'],
    ['hostAliases', 'e'],
    ['priorityClassName', 'e'],
    ['priority', 'p'],
    ['dnsConfig', 'p'],
    ['readinessGates', 'e'],
    ['runtimeClassName', 'p'],
    ['enableServiceLinks', 'p'],
    ['preemptionPolicy', 'p'],
    ['overhead', 'e', 'map'],
    ['topologySpreadConstraints', 'e'],
    ['setHostnameAsFQDN', 'p'],
    ['os', 'p'],
    ['hostUsers', 'p'],
    ['schedulingGates', 'e'],
    ['resourceClaims', 'e'],
    ['resources', 'p', 'ResourceRequirements'],
  ],
  Container: [
    ['name', 'p'],
    ['image', 'e'],
    ['command', 'e'],
    ['args', 'e'],
    ['workingDir', 'e'],
    ['ports', 'e', 'ContainerPort[]'],
    ['envFrom', 'e'],
    ['env', 'e', 'EnvVar[]'],
    ['resources', 'v', 'ResourceRequirements'],
    ['resizePolicy', 'e'],
    ['restartPolicy', 'p'],
    ['volumeMounts', 'e', 'VolumeMount[]'],
    ['volumeDevices', 'e'],
    ['livenessProbe', 'p'],
    ['readinessProbe', 'p'],
    ['startupProbe', 'p'],
    ['lifecycle', 'p'],
    ['terminationMessagePath', 'e'],
    ['terminationMessagePolicy', 'e'],
    ['imagePullPolicy', 'e'],
    ['securityContext', 'p'],
    ['stdin', 'e'],
    ['stdinOnce', 'e'],
    ['tty', 'e'],
  ],
  ContainerPort: [
    ['name', 'e'],
    ['hostPort', 'e'],
    ['containerPort', 'p'],
    ['protocol', 'e'],
    ['hostIP', 'e'],
  ],
  EnvVar: [
    ['name', 'p'],
    ['value', 'e'],
    ['valueFrom', 'p'],
  ],
  ResourceRequirements: [
    ['limits', 'e', 'map'],
    ['requests', 'e', 'map'],
    ['claims', 'e'],
  ],
  VolumeMount: [
    ['name', 'p'],
    ['readOnly', 'e'],
    ['recursiveReadOnly', 'p'],
    ['mountPath', 'p'],
    ['subPath', 'e'],
    ['mountPropagation', 'p'],
    ['subPathExpr', 'e'],
  ],
  ServiceSpec: [
    ['ports', 'e', 'ServicePort[]'],
    ['selector', 'e', 'map'],
    ['clusterIP', 'e'],
    ['clusterIPs', 'e'],
    ['type', 'e'],
    ['externalIPs', 'e'],
    ['sessionAffinity', 'e'],
    ['loadBalancerIP', 'e'],
    ['loadBalancerSourceRanges', 'e'],
    ['externalName', 'e'],
    ['externalTrafficPolicy', 'e'],
    ['healthCheckNodePort', 'e'],
    ['publishNotReadyAddresses', 'e'],
    ['sessionAffinityConfig', 'p'],
    ['ipFamilies', 'e'],
    ['ipFamilyPolicy', 'p'],
    ['allocateLoadBalancerNodePorts', 'p'],
    ['loadBalancerClass', 'p'],
    ['internalTrafficPolicy', 'p'],
    ['trafficDistribution', 'p'],
  ],
  ServicePort: [
    ['name', 'e'],
    ['protocol', 'e'],
    ['appProtocol', 'p'],
    ['port', 'p'],
    ['targetPort', 'p'],
    ['nodePort', 'e'],
  ],
  ServiceStatus: [
    ['loadBalancer', 'v', 'LoadBalancerStatus'],
    ['conditions', 'e'],
  ],
  LoadBalancerStatus: [['ingress', 'e', 'LoadBalancerIngress[]']],
  LoadBalancerIngress: [
    ['ip', 'e'],
    ['hostname', 'e'],
    ['ipMode', 'p'],
    ['ports', 'e'],
  ],
  NamespaceSpec: [['finalizers', 'e']],
  NamespaceStatus: [
    ['phase', 'e'],
    ['conditions', 'e'],
  ],
};

export type TypedKind = 'Deployment' | 'Service' | 'Namespace';

function isEmpty(v: unknown): boolean {
  if (v === '' || v === 0 || v === false || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function sortedMap(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
  return out;
}

function convert(value: unknown, type: string | undefined): unknown {
  if (type === undefined) return value;
  if (type === 'map') return sortedMap(value);
  if (type.endsWith('[]')) {
    const item = type.slice(0, -2);
    return Array.isArray(value) ? value.map((v) => convert(v, item)) : value;
  }
  return structOf(type, value);
}

function structOf(type: string, value: unknown): Record<string, unknown> {
  const fields = SCHEMA[type] ?? [];
  const src = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [json, mode, sub] of fields) {
    const v = src[json];
    if (v === undefined) {
      if (mode === 'v') out[json] = structOf(sub ?? '', {});
      else if (mode === 't') out[json] = null;
      continue;
    }
    if (mode === 'e' && isEmpty(v)) continue;
    out[json] = convert(v, sub);
  }
  // Fields this table does not know keep their place after the known ones.
  for (const [k, v] of Object.entries(src))
    if (!(k in out) && !fields.some(([json]) => json === k) && v !== undefined) out[k] = v;
  return out;
}

/** The object as kubectl's typed printers see it: Go struct order and zero-value rules. */
export function typedObject(kind: TypedKind, obj: unknown): Record<string, unknown> {
  return structOf(kind, obj);
}

/** Go's encoding/json escaping on top of JSON.stringify: HTML characters and line separators. */
function goEscape(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** json.Marshal of a typed object: compact, in the object's own key order. */
export function goCompactJson(value: unknown): string {
  return goEscape(JSON.stringify(value));
}
