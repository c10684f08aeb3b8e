// `--overrides` of expose (pkg/cmd/util/override_options.go): an inline JSON document applied to
// the generated object as a JSON merge patch (RFC 7386; the default `merge`) or a JSON patch
// (RFC 6902). `strategic` is applied as a merge patch: lists are replaced, not merged by key.
import type { Parsed } from './create-common';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function pointer(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function jsonPatch(doc: Json, ops: Json): Parsed<Json> {
  if (!Array.isArray(ops))
    return {
      ok: false,
      error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    };
  let root = doc;
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string')
      return { ok: false, error: 'Unexpected kind: unknown' };
    const parts = pointer(op.path);
    const last = parts.pop();
    let parent: Json = root;
    for (const p of parts) {
      const next: Json | undefined = Array.isArray(parent)
        ? parent[Number(p)]
        : isObject(parent)
          ? parent[p]
          : undefined;
      if (next === undefined)
        return {
          ok: false,
          error: `add operation does not apply: doc is missing path: "${op.path}": missing value`,
        };
      parent = next;
    }
    if (last === undefined) {
      if (op.op === 'add' || op.op === 'replace') root = op.value ?? null;
      continue;
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value ?? null);
      else if (op.op === 'replace') parent[i] = op.value ?? null;
      else if (op.op === 'remove') parent.splice(i, 1);
      else return { ok: false, error: `Unexpected kind: ${op.op}` };
    } else if (isObject(parent)) {
      if (op.op === 'add' || op.op === 'replace') parent[last] = op.value ?? null;
      else if (op.op === 'remove') delete parent[last];
      else return { ok: false, error: `Unexpected kind: ${op.op}` };
    }
  }
  return { ok: true, value: root };
}

/** The generated object with `overrides` applied, or kubectl's error. */
export function applyOverrides<T>(obj: T, overrides: string, type: string): Parsed<T> {
  if (!overrides) return { ok: true, value: obj };
  let patch: Json;
  try {
    patch = JSON.parse(overrides) as Json;
  } catch {
    return {
      ok: false,
      error: type === 'json' ? 'invalid character in JSON patch' : 'Invalid JSON Patch',
    };
  }
  const doc = JSON.parse(JSON.stringify(obj)) as Json;
  switch (type) {
    case 'merge':
    case 'strategic':
      return { ok: true, value: mergePatch(doc, patch) as T };
    case 'json': {
      const r = jsonPatch(doc, patch);
      return r.ok ? { ok: true, value: r.value as T } : r;
    }
    default:
      return { ok: false, error: `invalid override type: ${type}` };
  }
}
