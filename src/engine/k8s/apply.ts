// Client-side apply (`kubectl apply` without --server-side), as an engine operation so that both
// kubectl and the GitOps controller use the same semantics: the manifest is remembered in the
// last-applied-configuration annotation, and each later apply is a three-way merge between that
// annotation, the new manifest and the live object.
import { create, isStatusError, update } from './apiserver';
import { defaultDeployment, defaultReplicaSet, defaultService } from './defaults';
import { servedKind } from './discovery';
import type { StatusError } from './errors';
import { badRequest, invalid, notFound } from './errors';
import type { Json, JsonObject } from './merge/json';
import { deepEqual, goJson, isObject } from './merge/json';
import { applyStrategicPatch, isStrategicApiVersion, threeWayMerge } from './merge/strategic';
import type { Tx } from './store';
import type { Kind, KindMap, KubeObject } from './types';
import { KINDS } from './types';
import { validate } from './validation';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyOptions {
  /** The namespace for a namespaced manifest that names none (kubectl's -n or the context's). */
  namespace?: string;
  /** Field manager the write is recorded under (kubectl-client-side-apply, argocd-controller …). */
  manager: string;
  dryRun?: boolean;
}

export interface ApplyResult {
  action: ApplyAction;
  object: KubeObject;
  /**
   * Set when the live object had no last-applied annotation (made by `kubectl create`): kubectl
   * warns, and the apply treats the live object as having no previous configuration.
   */
  missingAnnotation?: boolean;
}

/**
 * The manifest as `kubectl apply` sends it: namespace filled in for namespaced kinds, and the
 * last-applied-configuration annotation set to the manifest's own JSON (Go's encoding: sorted
 * keys, an empty `annotations` map kept, trailing newline; apply.GetModifiedConfiguration).
 */
export function withLastApplied(manifest: Record<string, unknown>, namespace?: string): JsonObject {
  const obj = JSON.parse(JSON.stringify(manifest)) as JsonObject;
  const meta: JsonObject = isObject(obj.metadata) ? obj.metadata : {};
  if (namespace !== undefined && meta.namespace === undefined) meta.namespace = namespace;
  const annotations: JsonObject = isObject(meta.annotations) ? { ...meta.annotations } : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  meta.annotations = annotations;
  obj.metadata = meta;
  const text = `${goJson(obj)}\n`;
  meta.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: text };
  return obj;
}

/** The namespace a manifest lands in, or undefined for a cluster-scoped kind. */
function targetNamespace(
  kind: Kind,
  manifest: JsonObject,
  fallback: string | undefined,
): string | undefined {
  if (!KINDS[kind].namespaced) return undefined;
  const meta = isObject(manifest.metadata) ? manifest.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace
    ? meta.namespace
    : (fallback ?? 'default');
}

/** What the server's defaulting adds on update too, so a field dropped from a file comes back. */
export function serverDefaults(kind: Kind, obj: KubeObject): KubeObject {
  switch (kind) {
    case 'Deployment':
      return defaultDeployment(obj as KindMap['Deployment']);
    case 'ReplicaSet':
      return defaultReplicaSet(obj as KindMap['ReplicaSet']);
    case 'Service':
      return defaultService(obj as KindMap['Service']);
    default:
      return obj;
  }
}

/** Applies one manifest. A StatusError means nothing of this manifest was written. */
export function applyManifest(
  tx: Tx,
  manifest: Record<string, unknown>,
  opts: ApplyOptions,
): ApplyResult | StatusError {
  const apiVersion = typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '';
  const kindName = typeof manifest.kind === 'string' ? manifest.kind : '';
  const kind = servedKind(tx, apiVersion, kindName);
  if (!kind) return badRequest(`no matches for kind "${kindName}" in version "${apiVersion}"`);
  const ns = targetNamespace(kind, manifest as JsonObject, opts.namespace);
  const modified = withLastApplied(manifest, ns);
  const name = String((modified.metadata as JsonObject).name ?? '');
  const previousManager = tx.manager;
  tx.manager = opts.manager;
  try {
    const current = tx.get(kind, ns, name);
    if (!current) {
      const created = create(tx, kind, modified as unknown as KindMap[typeof kind], {
        dryRun: opts.dryRun,
      });
      if (isStatusError(created)) return created;
      return { action: 'created', object: created };
    }
    const annotation = current.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    let original: Json | undefined;
    try {
      original = annotation ? (JSON.parse(annotation) as Json) : undefined;
    } catch {
      original = undefined;
    }
    const merged = threeWayMerge(
      original,
      modified,
      current as unknown as Json,
      isStrategicApiVersion(apiVersion),
    );
    const missingAnnotation = annotation === undefined ? true : undefined;
    if (deepEqual(merged, current))
      return {
        action: 'unchanged',
        object: current,
        ...(missingAnnotation && { missingAnnotation }),
      };
    const next = serverDefaults(kind, merged as unknown as KubeObject);
    const written = opts.dryRun
      ? dryRunUpdate(kind, next, current)
      : update(tx, kind, next as never);
    if (isStatusError(written)) return written;
    return {
      action: 'configured',
      object: written,
      ...(missingAnnotation && { missingAnnotation }),
    };
  } finally {
    tx.manager = previousManager;
  }
}

/** What `update` would store, without storing it (`--dry-run=server`). */
export function dryRunUpdate(
  kind: Kind,
  input: KubeObject,
  current: KubeObject,
): KubeObject | StatusError {
  const name = input.metadata?.name ?? '';
  if (!current) return notFound(kind, name);
  const causes = validate(kind, input);
  if (causes.length > 0) return invalid(kind, name, causes);
  const spec = (o: KubeObject) => JSON.stringify((o as { spec?: unknown }).spec);
  const generation = current.metadata?.generation;
  return {
    ...input,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: {
      ...input.metadata,
      uid: current.metadata?.uid,
      creationTimestamp: current.metadata?.creationTimestamp,
      namespace: current.metadata?.namespace,
      ...(generation !== undefined
        ? { generation: generation + (spec(input) !== spec(current) ? 1 : 0) }
        : {}),
    },
    ...('status' in current ? { status: (current as { status?: unknown }).status } : {}),
  } as KubeObject;
}

/**
 * Server-side apply, simplified: the manifest's fields are merged into the live object (no
 * last-applied annotation; without managedFields, fields a previous apply set and the manifest
 * dropped are not removed). Prints as `serverside-applied`.
 */
export function serverSideApply(
  tx: Tx,
  manifest: Record<string, unknown>,
  opts: ApplyOptions,
): ApplyResult | StatusError {
  const apiVersion = typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '';
  const kindName = typeof manifest.kind === 'string' ? manifest.kind : '';
  const kind = servedKind(tx, apiVersion, kindName);
  if (!kind) return badRequest(`no matches for kind "${kindName}" in version "${apiVersion}"`);
  const ns = targetNamespace(kind, manifest as JsonObject, opts.namespace);
  const obj = JSON.parse(JSON.stringify(manifest)) as JsonObject;
  const meta: JsonObject = isObject(obj.metadata) ? obj.metadata : {};
  if (ns !== undefined) meta.namespace = ns;
  obj.metadata = meta;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const previousManager = tx.manager;
  tx.manager = opts.manager;
  try {
    const current = tx.get(kind, ns, name);
    if (!current) {
      const created = create(tx, kind, obj as unknown as KindMap[typeof kind], {
        dryRun: opts.dryRun,
      });
      return isStatusError(created) ? created : { action: 'created', object: created };
    }
    const merged = applyStrategicPatch(
      current as unknown as Json,
      obj,
      isStrategicApiVersion(apiVersion),
    );
    if (deepEqual(merged, current)) return { action: 'unchanged', object: current };
    const next = serverDefaults(kind, merged as unknown as KubeObject);
    const written = opts.dryRun
      ? dryRunUpdate(kind, next, current)
      : update(tx, kind, next as never);
    return isStatusError(written) ? written : { action: 'configured', object: written };
  } finally {
    tx.manager = previousManager;
  }
}
