// The objects `-f FILE|DIR` names for label, annotate, set env and wait, read through the shared
// manifest reader (../manifests), with the names and namespaces those commands print and use.
import { resolvePath, statPath } from '../../../engine/fs/files';
import type { Kind } from '../../../engine/k8s/types';
import { cwdOf } from '../../program';
import type { KubectlContext } from '../command';
import { readManifests } from '../manifests';
import { resolveKind, resolveResource } from '../resources';

export type Unstructured = Record<string, unknown>;

export interface FileObject {
  /** The path as kubectl names it in errors: as typed, or joined under a typed directory. */
  source: string;
  obj: Unstructured;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
}

export type FileResult =
  /** `errors`: documents that could not be decoded; the others still count. */
  | { ok: true; objects: FileObject[]; errors: string[]; singleFile: boolean }
  /** `message`: what kubectl prints when a source cannot be read at all. */
  | { ok: false; message: string };

/** Reads every -f source; `-` (standard input) reads as empty, these commands get none. */
export function readFilenames(ctx: KubectlContext): FileResult {
  const paths = ctx.flags.list('filename');
  const cwd = cwdOf(ctx.session);
  // These commands have no --validate flag: a document without kind is a decoding error.
  const r = readManifests({ files: ctx.world.files, cwd, stdin: '', reader: ctx.reader }, paths, {
    recursive: ctx.flags.bool('recursive'),
    validate: false,
  });
  if (!r.ok) return r;
  const only = paths.length === 1 ? paths[0] : undefined;
  const isFile =
    only !== undefined && statPath(ctx.world.files, resolvePath(cwd, only))?.type === 'file';
  const objects = r.manifests.map((m): FileObject => ({
    source: m.source,
    obj: m.object,
    kind: typeof m.object['kind'] === 'string' ? m.object['kind'] : m.kind,
    apiVersion: typeof m.object['apiVersion'] === 'string' ? m.object['apiVersion'] : '',
    name: m.name,
    ...(m.namespace ? { namespace: m.namespace } : {}),
  }));
  return { ok: true, objects, errors: r.errors, singleFile: isFile && objects.length === 1 };
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The kind the simulated server stores for a file object, if it serves it. */
export function fileKind(o: FileObject): Kind | undefined {
  const group = groupOf(o.apiVersion);
  return resolveKind(group ? `${o.kind}.${group}` : o.kind);
}

/** `deployment.apps/web`: the name printer's form for an object read from a file. */
export function fileObjectName(o: FileObject): string {
  const group = groupOf(o.apiVersion);
  const r = resolveResource(group ? `${o.kind}.${group}` : o.kind);
  const singular = r.ok ? r.resource.singularName : o.kind.toLowerCase();
  return `${singular}${group ? `.${group}` : ''}/${o.name}`;
}

/**
 * The namespace an object from a file is acted on in: its own, else the command's. A file
 * naming another namespace than an explicit -n is refused (FilenameParam with enforceNamespace).
 */
export function fileNamespace(
  ctx: KubectlContext,
  o: FileObject,
): { ok: true; namespace: string } | { ok: false; error: string } {
  const explicit = ctx.flags.has('namespace');
  if (o.namespace && explicit && o.namespace !== ctx.namespace)
    return {
      ok: false,
      error: `the namespace from the provided object ${JSON.stringify(o.namespace)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${o.namespace}' to perform this operation.`,
    };
  return { ok: true, namespace: o.namespace ?? ctx.namespace };
}
