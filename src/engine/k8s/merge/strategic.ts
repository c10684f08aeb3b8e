// Strategic merge patch: JSON merge patch plus the Kubernetes API types' patch metadata
// (`patchStrategy` / `patchMergeKey` in k8s.io/api), so that lists of named things such as
// containers merge item by item instead of being replaced. Custom resources have no such
// metadata; for them every list is atomic, which is JSON merge patch semantics.
import type { Json, JsonObject } from './json';
import { isObject } from './json';

export type ListStrategy =
  | { type: 'atomic' }
  | { type: 'key'; key: string }
  /** A list of scalars merged as a set (metadata.finalizers). */
  | { type: 'set' };

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Built-in API groups carry patch metadata; custom resources' groups do not. */
export function isStrategicApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * The strategy of the list at `path` (field names from the object's root, list indices left
 * out), from the `patchMergeKey` / `patchStrategy` tags of k8s.io/api core/v1 and meta/v1.
 */
export function listStrategy(path: readonly string[]): ListStrategy {
  const field = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (CONTAINER_LISTS.has(field)) return { type: 'key', key: 'name' };
  switch (field) {
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
    case 'schedulingGates':
      return { type: 'key', key: 'name' };
    case 'resourceClaims':
      // PodSpec.resourceClaims merges by name; Container.resources.claims is atomic.
      return parent === 'resources' ? { type: 'atomic' } : { type: 'key', key: 'name' };
    case 'volumeMounts':
      return { type: 'key', key: 'mountPath' };
    case 'volumeDevices':
      return { type: 'key', key: 'devicePath' };
    case 'hostAliases':
      return { type: 'key', key: 'ip' };
    case 'ownerReferences':
      return { type: 'key', key: 'uid' };
    case 'conditions':
      return { type: 'key', key: 'type' };
    case 'topologySpreadConstraints':
      return { type: 'key', key: 'topologyKey' };
    case 'ports':
      if (CONTAINER_LISTS.has(parent)) return { type: 'key', key: 'containerPort' };
      // ServiceSpec.ports; EndpointSubset.ports sit inside the atomic `subsets`.
      return parent === 'spec' ? { type: 'key', key: 'port' } : { type: 'atomic' };
    case 'finalizers':
      return parent === 'metadata' ? { type: 'set' } : { type: 'atomic' };
    default:
      return { type: 'atomic' };
  }
}

/** Maps tagged `patchStrategy:"retainKeys"`: fields the patch leaves out are cleared. */
function retainsKeys(path: readonly string[]): boolean {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  return (field === 'strategy' && parent === 'spec') || field === 'volumes';
}

interface Meta {
  strategic: boolean;
}

function keyed(list: readonly Json[], key: string): boolean {
  return list.every((item) => isObject(item) && item[key] !== undefined);
}

function findBy(list: readonly Json[] | undefined, key: string, value: Json): Json | undefined {
  return list?.find((item) => isObject(item) && item[key] === value);
}

function strategyFor(path: readonly string[], meta: Meta): ListStrategy {
  return meta.strategic ? listStrategy(path) : { type: 'atomic' };
}

/**
 * The object a client-side apply leaves: `current` changed by the three-way patch from
 * `original` (the last applied configuration) to `modified` (the new manifest). Fields in
 * `modified` win; fields only in `original` are deleted; fields only in `current` (set by
 * someone else) survive.
 */
export function threeWayMerge(
  original: Json | undefined,
  modified: Json,
  current: Json | undefined,
  strategic: boolean,
): Json {
  return merge3(original, modified, current, [], { strategic });
}

function merge3(
  original: Json | undefined,
  modified: Json,
  current: Json | undefined,
  path: string[],
  meta: Meta,
): Json {
  if (isObject(modified)) {
    if (!isObject(current)) return stripNulls(modified);
    const orig = isObject(original) ? original : {};
    const out: JsonObject = { ...current };
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) delete out[k];
      else out[k] = merge3(orig[k], v, current[k], [...path, k], meta);
    }
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    if (meta.strategic && retainsKeys(path))
      for (const k of Object.keys(out)) if (!(k in modified)) delete out[k];
    return out;
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    const strategy = strategyFor(path, meta);
    const orig = Array.isArray(original) ? original : [];
    if (strategy.type === 'key' && keyed(modified, strategy.key) && keyed(current, strategy.key)) {
      const key = strategy.key;
      const out: Json[] = modified.map((item) => {
        const id = (item as JsonObject)[key]!;
        return merge3(findBy(orig, key, id), item, findBy(current, key, id), path, {
          ...meta,
        });
      });
      // Items only the server has (added by someone else) stay; items the last apply put
      // there and the manifest dropped go.
      for (const item of current) {
        const id = (item as JsonObject)[key]!;
        if (findBy(modified, key, id) === undefined && findBy(orig, key, id) === undefined)
          out.push(item);
      }
      return out;
    }
    if (strategy.type === 'set') {
      const removed = orig.filter((v) => !modified.includes(v));
      const kept = current.filter((v) => !removed.includes(v));
      return [...kept, ...modified.filter((v) => !kept.includes(v))];
    }
  }
  return Array.isArray(modified) ? modified.map(stripNulls) : modified;
}

function stripNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = stripNulls(x);
  return out;
}

/**
 * Applies a strategic merge patch as the API server does, including the `$patch: delete` /
 * `$patch: replace` directives, `$deleteFromPrimitiveList/<field>` and ignoring the ordering
 * directives (`$setElementOrder/<field>`, `$retainKeys`).
 */
export function applyStrategicPatch(target: Json | undefined, patch: Json, strategic = true): Json {
  return patchValue(target, patch, [], { strategic }) ?? null;
}

function patchValue(
  target: Json | undefined,
  patch: Json,
  path: string[],
  meta: Meta,
): Json | undefined {
  if (isObject(patch)) {
    if (patch.$patch === 'delete') return undefined;
    if (patch.$patch === 'replace') {
      const { $patch: _, ...rest } = patch;
      return stripNulls(rest);
    }
    const out: JsonObject = isObject(target) ? { ...target } : {};
    for (const [k, v] of Object.entries(patch)) {
      if (k.startsWith('$deleteFromPrimitiveList/')) {
        const field = k.slice('$deleteFromPrimitiveList/'.length);
        const list = out[field];
        if (Array.isArray(list) && Array.isArray(v))
          out[field] = list.filter((x) => !v.includes(x));
        continue;
      }
      if (k.startsWith('$')) continue;
      if (v === null) {
        delete out[k];
        continue;
      }
      const next = patchValue(out[k], v, [...path, k], meta);
      if (next === undefined) delete out[k];
      else out[k] = next;
    }
    if (meta.strategic && isObject(patch) && Array.isArray(patch.$retainKeys)) {
      const keep = patch.$retainKeys;
      for (const k of Object.keys(out)) if (!keep.includes(k)) delete out[k];
    }
    return out;
  }
  if (Array.isArray(patch)) {
    const strategy = strategyFor(path, meta);
    const list = Array.isArray(target) ? target : [];
    if (strategy.type === 'key') {
      if (patch.some((p) => isObject(p) && p.$patch === 'replace'))
        return patch.filter((p) => !(isObject(p) && p.$patch === 'replace')).map(stripNulls);
      const key = strategy.key;
      const out = [...list];
      for (const item of patch) {
        if (!isObject(item) || item[key] === undefined) {
          out.push(item);
          continue;
        }
        const i = out.findIndex((x) => isObject(x) && x[key] === item[key]);
        if (item.$patch === 'delete') {
          if (i >= 0) out.splice(i, 1);
          continue;
        }
        if (i < 0) out.push(stripNulls(item));
        else out[i] = patchValue(out[i], item, path, meta) ?? out[i]!;
      }
      return out;
    }
    if (strategy.type === 'set') return [...list, ...patch.filter((v) => !list.includes(v))];
    return patch.map(stripNulls);
  }
  return patch;
}
