// Whether a live object matches what Git says, as Argo CD's diff decides it after normalising:
// fields the manifest does not set (server defaults, status, identity) never count; a field the
// manifest sets that differs live does; and a field dropped from Git since the last sync counts
// too, found through the last-applied-configuration annotation as the three-way diff finds it.
import { LAST_APPLIED_ANNOTATION, withLastApplied } from '../k8s/apply';
import type { KubeObject } from '../k8s/types';
import type { Manifest } from './manifests';

/** The label Argo CD's default (label) resource tracking adds to every object it applies. */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The manifest as the controller applies it: with the tracking label and its namespace. */
export function desiredManifest(
  manifest: Manifest,
  appName: string,
  namespace: string | undefined,
): Manifest {
  const meta = isObject(manifest.metadata) ? manifest.metadata : {};
  const labels = isObject(meta.labels) ? meta.labels : {};
  return {
    ...manifest,
    metadata: {
      ...meta,
      ...(namespace !== undefined && !meta.namespace && { namespace }),
      labels: { ...labels, [INSTANCE_LABEL]: appName },
    },
  };
}

/** Every field `want` sets has the same value in `have` (lists element by element). */
function covers(want: Json, have: Json): boolean {
  if (want === null || want === undefined) return have === null || have === undefined;
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return false;
    return want.every((w, i) => covers(w, have[i]));
  }
  if (isObject(want)) {
    if (!isObject(have)) return Object.keys(want).length === 0 && have === undefined;
    return Object.entries(want).every(([k, w]) => covers(w, have[k]));
  }
  return want === have;
}

/** Where live differs from the desired manifest (the fields of `diff` a learner would see). */
export function isModified(desired: Manifest, live: KubeObject): boolean {
  const liveObj = live as unknown as Record<string, Json>;
  for (const [key, value] of Object.entries(desired)) {
    if (key === 'status' || key === 'stringData') continue;
    if (key === 'metadata') {
      const want = isObject(value) ? value : {};
      const have = isObject(liveObj.metadata) ? liveObj.metadata : {};
      if (!covers(want.labels ?? {}, have.labels ?? {})) return true;
      if (!covers(want.annotations ?? {}, have.annotations ?? {})) return true;
      continue;
    }
    if (!covers(value, liveObj[key])) return true;
  }
  const applied = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (applied === undefined) return false;
  const meta = isObject(desired.metadata) ? desired.metadata : {};
  const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  const expected = withLastApplied(desired, ns).metadata as Record<string, Json>;
  const text = (expected.annotations as Record<string, string>)[LAST_APPLIED_ANNOTATION] ?? '';
  try {
    return JSON.stringify(JSON.parse(applied)) !== JSON.stringify(JSON.parse(text));
  } catch {
    return true;
  }
}

// Live objects are immutable: a changed object is a new one. So the answer for an object and a
// desired manifest can be kept until either changes (refreshes run every second during a rollout).
const verdicts = new WeakMap<object, { desired: string; modified: boolean }>();

/** isModified, remembered per live object. */
export function isModifiedCached(desired: Manifest, live: KubeObject): boolean {
  const key = JSON.stringify(desired);
  const hit = verdicts.get(live);
  if (hit?.desired === key) return hit.modified;
  const modified = isModified(desired, live);
  verdicts.set(live, { desired: key, modified });
  return modified;
}
