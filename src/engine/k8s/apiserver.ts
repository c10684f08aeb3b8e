// The API server's write path: admission defaults, validation, identity (uid, resourceVersion,
// generation, creationTimestamp) and deletion semantics. Commands and controllers both write
// through here, or through `tx.put` for status updates.
import { randomUid } from '../rng';
import { rfc3339 } from '../time';
import { defaultDeployment, defaultPod, defaultReplicaSet, defaultService } from './defaults';
import { defaultMore } from './defaultsKinds';
import { isServed, kindsOfCrd } from './discovery';
import type { StatusError } from './errors';
import { alreadyExists, forbidden, invalid, notFound } from './errors';
import type { Tx } from './store';
import type { Kind, KindMap, KubeObject, Namespace } from './types';
import { KINDS } from './types';
import { validate } from './validation';

export type Result<T> = T | StatusError;

export function isStatusError(v: unknown): v is StatusError {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;
}

function withDefaults<K extends Kind>(tx: Tx, kind: K, obj: KindMap[K]): KindMap[K] {
  switch (kind) {
    case 'Deployment':
      return defaultDeployment(obj as KindMap['Deployment']) as KindMap[K];
    case 'ReplicaSet':
      return defaultReplicaSet(obj as KindMap['ReplicaSet']) as KindMap[K];
    case 'Pod':
      return defaultPod(obj as KindMap['Pod'], tx.rng) as KindMap[K];
    case 'Service':
      return defaultService(obj as KindMap['Service']) as KindMap[K];
    case 'Namespace': {
      const ns = obj as Namespace;
      const name = ns.metadata?.name ?? '';
      return {
        ...ns,
        metadata: {
          ...ns.metadata,
          labels: { ...ns.metadata?.labels, 'kubernetes.io/metadata.name': name },
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      } as Namespace as KindMap[K];
    }
    default:
      return defaultMore(tx, kind, obj);
  }
}

const GENERATION_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'Deployment',
  'ReplicaSet',
  'Pod',
  'StatefulSet',
  'NetworkPolicy',
  'CustomResourceDefinition',
  'Application',
  'AppProject',
  'ApplicationSet',
]);

function hasGeneration(kind: Kind): boolean {
  return GENERATION_KINDS.has(kind);
}

/** What the API server answers for a path it does not serve (a custom kind without its CRD). */
function notServed(): StatusError {
  return {
    ok: false,
    code: 404,
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
  };
}

export interface CreateOptions {
  dryRun?: boolean;
}

/** POST: the object as the API server would store it, or the error it would answer. */
export function create<K extends Kind>(
  tx: Tx,
  kind: K,
  input: KindMap[K],
  options: CreateOptions = {},
): Result<KindMap[K]> {
  const info = KINDS[kind];
  const name = input.metadata?.name ?? '';
  if (!isServed(tx, kind)) return notServed();
  const ns = info.namespaced ? (input.metadata?.namespace ?? 'default') : undefined;
  if (ns !== undefined && kind !== 'Event') {
    const namespace = tx.get('Namespace', undefined, ns);
    if (!namespace) return notFound('Namespace', ns);
    if (namespace.metadata?.deletionTimestamp)
      return forbidden(
        `${info.resource}${info.group ? `.${info.group}` : ''} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
      );
  }
  const causes = validate(kind, input);
  if (causes.length > 0) return invalid(kind, name, causes);
  if (tx.get(kind, ns, name)) return alreadyExists(kind, name);
  let defaulted = withDefaults(tx, kind, input);
  if (kind === 'Service') {
    const allocated = allocateServiceAddresses(tx, defaulted as KindMap['Service']);
    if (isStatusError(allocated)) return allocated;
    defaulted = allocated as KindMap[K];
  }
  const obj = {
    apiVersion: info.apiVersion,
    kind,
    ...defaulted,
    metadata: {
      ...defaulted.metadata,
      ...(ns !== undefined ? { namespace: ns } : {}),
      uid: randomUid(tx.rng),
      creationTimestamp: rfc3339(tx.now),
      ...(hasGeneration(kind) ? { generation: 1 } : {}),
    },
  } as KindMap[K];
  if (options.dryRun)
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } } as KindMap[K];
  return tx.put(kind, obj);
}

/**
 * PUT of a whole object (what `kubectl scale`, `set image` and `rollout undo` amount to): the
 * server keeps identity and status, bumps generation when the spec changed, and validates.
 */
export function update<K extends Kind>(tx: Tx, kind: K, input: KindMap[K]): Result<KindMap[K]> {
  const name = input.metadata?.name ?? '';
  const ns = input.metadata?.namespace;
  if (!isServed(tx, kind)) return notServed();
  const current = tx.get(kind, ns, name);
  if (!current) return notFound(kind, name);
  const causes = validate(kind, input);
  if (causes.length > 0) return invalid(kind, name, causes);
  const specChanged =
    JSON.stringify((input as { spec?: unknown }).spec) !==
    JSON.stringify((current as { spec?: unknown }).spec);
  const merged = {
    ...input,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: {
      ...input.metadata,
      uid: current.metadata?.uid,
      creationTimestamp: current.metadata?.creationTimestamp,
      namespace: current.metadata?.namespace,
      ...(hasGeneration(kind)
        ? { generation: (current.metadata?.generation ?? 1) + (specChanged ? 1 : 0) }
        : {}),
    },
    ...('status' in current ? { status: (current as { status?: unknown }).status } : {}),
  } as KindMap[K];
  if (
    JSON.stringify(merged) ===
    JSON.stringify({ ...current, metadata: { ...current.metadata, resourceVersion: undefined } })
  )
    return current;
  return tx.put(kind, merged);
}

/** The NamespaceLifecycle admission plugin refuses to delete these. */
const PROTECTED_NAMESPACES = ['default', 'kube-system', 'kube-public'];

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagation?: Propagation;
  /** Seconds; undefined uses the object's own grace period. 0 with force removes at once. */
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/**
 * DELETE. Pods on a node terminate gracefully (deletionTimestamp, then the kubelet removes them);
 * namespaces go Terminating until the namespace controller emptied them; other objects go at once
 * and the garbage collector follows their ownerReferences (background propagation).
 */
export function remove<K extends Kind>(
  tx: Tx,
  kind: K,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions = {},
): Result<KindMap[K]> {
  if (!isServed(tx, kind)) return notServed();
  const obj = tx.get(kind, namespace, name);
  if (!obj) return notFound(kind, name);
  if (kind === 'Namespace' && PROTECTED_NAMESPACES.includes(name))
    return forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  if (options.dryRun) return obj;
  const ns = namespace ?? '';
  if (options.propagation === 'Orphan') orphanDependents(tx, obj);
  if (kind === 'Pod' || kind === 'Namespace') {
    if (obj.metadata?.deletionTimestamp) return obj;
    const pod = kind === 'Pod' ? (obj as KindMap['Pod']) : undefined;
    const grace = options.gracePeriodSeconds ?? pod?.spec?.terminationGracePeriodSeconds ?? 30;
    if (pod && (!pod.spec?.nodeName || grace === 0)) {
      tx.remove(kind, ns, name);
      return obj;
    }
    const marked = {
      ...obj,
      metadata: {
        ...obj.metadata,
        deletionTimestamp: rfc3339(tx.now + (pod ? grace * 1000 : 0)),
        ...(pod ? { deletionGracePeriodSeconds: grace } : {}),
      },
      ...(kind === 'Namespace' ? { status: { phase: 'Terminating' } } : {}),
    } as KindMap[K];
    return tx.put(kind, marked);
  }
  tx.remove(kind, ns, name);
  // Deleting a CRD deletes every object of the kinds it defined (apiextensions-apiserver's
  // finalizer controller); their resource disappears from discovery with it.
  if (kind === 'CustomResourceDefinition')
    for (const custom of kindsOfCrd(name))
      for (const o of tx.list(custom))
        tx.remove(custom, o.metadata?.namespace ?? '', o.metadata?.name ?? '');
  return obj;
}

function orphanDependents(tx: Tx, owner: KubeObject): void {
  const uid = owner.metadata?.uid;
  const ns = owner.metadata?.namespace ?? '';
  if (!uid) return;
  for (const kind of ['ReplicaSet', 'Pod', 'Endpoints'] as const) {
    for (const dep of tx.ownedBy(kind, ns, uid)) {
      const refs = (dep.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
      tx.put(kind, {
        ...dep,
        metadata: { ...dep.metadata, ownerReferences: refs.length ? refs : undefined },
      } as never);
    }
  }
}

/** An ownerReference pointing at `owner`, as controllers set it. */
export function controllerRef(owner: KubeObject) {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0/12
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The API server's ClusterIP and NodePort allocators: random free values from their ranges. */
function allocateServiceAddresses(tx: Tx, svc: KindMap['Service']): Result<KindMap['Service']> {
  const spec = svc.spec ?? {};
  const services = tx.list('Service');
  const usedIPs = new Set(services.map((s) => s.spec?.clusterIP));
  const usedPorts = new Set(services.flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort)));
  let clusterIP = spec.clusterIP;
  if (!clusterIP && spec.type !== 'ExternalName') {
    do clusterIP = ipToString(SERVICE_CIDR_BASE + tx.rng.int(2, (1 << 20) - 2));
    while (usedIPs.has(clusterIP));
  } else if (clusterIP && clusterIP !== 'None' && usedIPs.has(clusterIP)) {
    return invalid('Service', svc.metadata?.name ?? '', [
      {
        field: 'spec.clusterIPs',
        message: `Invalid value: []string{${JSON.stringify(clusterIP)}}: failed to allocate IP ${clusterIP}: provided IP is already allocated`,
      },
    ]);
  }
  const needsNodePort =
    spec.type === 'NodePort' ||
    (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  const ports = (spec.ports ?? []).map((p) => {
    if (!needsNodePort || p.nodePort) return p;
    let nodePort: number;
    do nodePort = tx.rng.int(NODE_PORT_MIN, NODE_PORT_MAX);
    while (usedPorts.has(nodePort));
    usedPorts.add(nodePort);
    return { ...p, nodePort };
  });
  return {
    ...svc,
    spec: { ...spec, ...(clusterIP ? { clusterIP, clusterIPs: [clusterIP] } : {}), ports },
  };
}
