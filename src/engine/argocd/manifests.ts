// The repo server's part: an Application's source at a revision, read from the Git host and
// turned into the manifests it holds (a plain directory source: YAML and JSON files, sub-folders
// when directory.recurse is set). Wording from argo-cd reposerver/repository/repository.go,
// util/app/path/path.go and util/git/client.go (v2.11); go-git's ErrRepositoryNotFound.
import { parseAllDocuments } from 'yaml';
import type { GitSource } from '../git/source';
import type { KubeObject } from '../k8s/types';
import type { ApplicationSource } from './types';

export type Manifest = Record<string, unknown>;

export type TargetState =
  | { ok: true; revision: string; manifests: Manifest[] }
  | { ok: false; message: string; revision?: string };

/** Every manifest error reaches the Application through the same two wrappers. */
function targetError(desc: string, code = 'Unknown'): string {
  return `Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = ${code} desc = ${desc}`;
}

function isManifestFile(path: string): boolean {
  return /\.(ya?ml|json)$/.test(path);
}

/**
 * Parsed files by name and content. A file's manifests depend on nothing else, and Git content
 * does not change under a name, so a refresh re-parses only what changed.
 */
const parsed = new Map<string, Manifest[] | string>();
const PARSED_LIMIT = 20_000;

function parseFileCached(name: string, text: string): Manifest[] | string {
  const key = `${name}\0${text}`;
  let result = parsed.get(key);
  if (result === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    result = parseFile(name, text);
    parsed.set(key, result);
  }
  // Callers get their own copies: the cached objects must never be changed.
  return typeof result === 'string' ? result : (JSON.parse(JSON.stringify(result)) as Manifest[]);
}

function parseFile(name: string, text: string): Manifest[] | string {
  const looksLikeManifest =
    text.includes('apiVersion:') && text.includes('kind:') && text.includes('metadata:');
  const fail = (err: string) =>
    looksLikeManifest || name.endsWith('.json')
      ? `Failed to unmarshal "${name}": ${err}`
      : undefined;
  if (name.endsWith('.json')) {
    try {
      const obj = JSON.parse(text) as unknown;
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        return fail('json: cannot unmarshal into Go value of type map[string]interface {}') ?? [];
      return [obj as Manifest];
    } catch (e) {
      return fail((e as Error).message) ?? [];
    }
  }
  const out: Manifest[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return fail(doc.errors[0]?.message ?? 'invalid YAML') ?? [];
    const value = doc.toJSON() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const err = fail('error unmarshaling JSON: while decoding JSON: json: cannot unmarshal');
      if (err) return err;
      return [];
    }
    const obj = value as Manifest;
    if (typeof obj.kind !== 'string' || !obj.kind) {
      const err = fail(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
      if (err) return err;
      return [];
    }
    out.push(obj);
  }
  return out;
}

/**
 * The manifests of `source` at `revision` (its targetRevision when not given, HEAD when that is
 * empty), with the commit SHA they come from.
 */
export function loadTarget(
  git: GitSource,
  source: ApplicationSource,
  revision?: string,
): TargetState {
  const wanted = revision || source.targetRevision || 'HEAD';
  const resolved = git.resolve(source.repoURL, wanted);
  if (!resolved.ok) {
    return {
      ok: false,
      message: targetError(
        resolved.error === 'repository-not-found'
          ? 'repository not found'
          : `Unable to resolve '${wanted}' to a commit SHA`,
      ),
    };
  }
  const sha = resolved.commit.sha;
  const path = source.path ?? '';
  const files = git.files(source.repoURL, sha, path === '.' ? '' : path);
  if (!files)
    return { ok: false, revision: sha, message: targetError(`${path}: app path does not exist`) };
  const recurse = source.directory?.recurse ?? false;
  const manifests: Manifest[] = [];
  for (const rel of [...files.keys()].sort()) {
    if (!isManifestFile(rel)) continue;
    if (!recurse && rel.includes('/')) continue;
    const objs = parseFileCached(rel.slice(rel.lastIndexOf('/') + 1), files.get(rel) ?? '');
    if (typeof objs === 'string')
      return { ok: false, revision: sha, message: targetError(objs, 'FailedPrecondition') };
    manifests.push(...objs);
  }
  return { ok: true, revision: sha, manifests };
}

export interface ResourceRef {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Where a manifest or object lives: its API group, version, kind, namespace and name. */
export function refOf(m: Manifest | KubeObject): ResourceRef {
  const o = m as { apiVersion?: unknown; kind?: unknown; metadata?: Record<string, unknown> };
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof o.kind === 'string' ? o.kind : '',
    namespace: typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : '',
    name: typeof o.metadata?.name === 'string' ? o.metadata.name : '',
  };
}

export function refKey(r: { group?: string; kind: string; namespace?: string; name: string }) {
  return `${r.group ?? ''}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
}
