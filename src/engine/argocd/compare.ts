// Comparing an Application's target state (Git) with the live cluster, as argo-cd's
// controller/state.go CompareAppState does: per-resource sync status and health, the app's sync
// status and its aggregated health (setApplicationHealth: the worst of its resources).
import { servedKind } from '../k8s/discovery';
import type { Tx } from '../k8s/store';
import type { Kind, KubeObject, ObjectReader } from '../k8s/types';
import { ALL_KINDS, KINDS } from '../k8s/types';
import { desiredManifest, INSTANCE_LABEL, isModifiedCached } from './diff';
import { compactHealth, isWorse, resourceHealth } from './health';
import type { GitSource } from '../git/source';
import type { Manifest } from './manifests';
import { loadTarget, refKey, refOf } from './manifests';
import type { Application, HealthStatus, ResourceStatus, SyncStatusCode } from './types';

/** Argo CD's default resource.exclusions leave these out of every app. */
const EXCLUDED: ReadonlySet<Kind> = new Set<Kind>(['Event', 'Endpoints']);

/** The stored kind a manifest names, when the cluster serves it. */
export function kindOf(reader: ObjectReader, m: Manifest): Kind | undefined {
  const ref = refOf(m);
  return servedKind(reader, `${ref.group ? `${ref.group}/` : ''}${ref.version}`, ref.kind);
}

/**
 * The manifests as the controller applies them: the tracking label added and, for namespaced
 * kinds (and kinds the cluster does not know), the destination namespace when they name none.
 */
export function desiredState(reader: ObjectReader, app: Application, manifests: Manifest[]) {
  const name = app.metadata?.name ?? '';
  const destNs = app.spec?.destination?.namespace || 'default';
  return manifests.map((m) => {
    const kind = kindOf(reader, m);
    const namespaced = kind ? KINDS[kind].namespaced : true;
    return desiredManifest(m, name, namespaced ? destNs : undefined);
  });
}

/**
 * What Git says `app` should contain at `revision` (its targetRevision by default), as the
 * controller would apply it: for `argocd app diff`, `manifests` and the UI.
 */
export function appTarget(
  git: GitSource,
  reader: ObjectReader,
  app: Application,
  revision?: string,
): { ok: true; revision: string; objects: Manifest[] } | { ok: false; message: string } {
  const target = loadTarget(git, app.spec?.source ?? { repoURL: '' }, revision);
  if (!target.ok) return { ok: false, message: target.message };
  return {
    ok: true,
    revision: target.revision,
    objects: desiredState(reader, app, target.manifests),
  };
}

/** The top-level objects (no owner) carrying the app's tracking label. */
export function liveManaged(tx: Tx, appName: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const kind of ALL_KINDS) {
    if (EXCLUDED.has(kind)) continue;
    for (const obj of tx.list(kind)) {
      if (obj.metadata?.labels?.[INSTANCE_LABEL] !== appName) continue;
      if (obj.metadata.ownerReferences?.length) continue;
      out.push(obj.kind ? obj : ({ ...obj, kind } as KubeObject));
    }
  }
  return out;
}

export interface Comparison {
  status: SyncStatusCode;
  resources: ResourceStatus[];
  health: HealthStatus;
  images: string[];
}

function byResource(a: ResourceStatus, b: ResourceStatus): number {
  const ka = [a.group ?? '', a.kind, a.namespace ?? '', a.name];
  const kb = [b.group ?? '', b.kind, b.namespace ?? '', b.name];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

function imagesOf(obj: KubeObject): string[] {
  const o = obj as {
    spec?: { template?: { spec?: { containers?: { image?: string }[] } } };
  } & { spec?: { containers?: { image?: string }[] } };
  const containers = o.spec?.template?.spec?.containers ?? o.spec?.containers ?? [];
  return containers.map((c) => c.image ?? '').filter(Boolean);
}

/**
 * Compares `manifests` (undefined when the target could not be loaded: every resource is then
 * Unknown) with the live objects.
 */
export function compare(
  tx: Tx,
  app: Application,
  manifests: Manifest[] | undefined,
  live: KubeObject[],
): Comparison {
  const seen = new Set<string>();
  const pairs: { target?: Manifest; live?: KubeObject }[] = [];
  for (const target of desiredState(tx, app, manifests ?? [])) {
    const kind = kindOf(tx, target);
    const namespaced = kind ? KINDS[kind].namespaced : true;
    const tref = refOf(target);
    const key = refKey(tref);
    if (seen.has(key)) continue;
    seen.add(key);
    const obj = kind ? tx.get(kind, namespaced ? tref.namespace : undefined, tref.name) : undefined;
    pairs.push({
      target,
      live: obj && !obj.kind && kind ? ({ ...obj, kind } as KubeObject) : obj,
    });
  }
  for (const obj of live) {
    const key = refKey(refOf(obj));
    if (!seen.has(key)) pairs.push({ live: obj });
  }

  let status: SyncStatusCode = manifests ? 'Synced' : 'Unknown';
  let health: HealthStatus = { status: 'Healthy' };
  const images = new Set<string>();
  const resources: ResourceStatus[] = pairs.map(({ target, live: obj }) => {
    const ref = refOf((target ?? obj)!);
    let code: SyncStatusCode;
    if (!manifests) code = 'Unknown';
    else if (!target || !obj || isModifiedCached(target, obj)) code = 'OutOfSync';
    else code = 'Synced';
    if (code === 'OutOfSync') status = 'OutOfSync';
    const h: HealthStatus | undefined = obj ? resourceHealth(obj) : { status: 'Missing' };
    if (h && isWorse(health.status, h.status)) health = { status: h.status };
    if (obj) for (const image of imagesOf(obj)) images.add(image);
    return {
      ...(ref.group && { group: ref.group }),
      version: ref.version,
      kind: ref.kind,
      ...(ref.namespace && { namespace: ref.namespace }),
      name: ref.name,
      status: code,
      ...(h && { health: compactHealth(h) }),
      ...(!target && obj && { requiresPruning: true }),
    };
  });
  return { status, resources: resources.sort(byResource), health, images: [...images].sort() };
}
