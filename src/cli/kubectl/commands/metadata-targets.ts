// The objects label, annotate and set env act on: read from -f files (with --local, as they are;
// otherwise as a key to the live object, which the builder's Latest() reads again), or named by
// arguments and selectors through the shared resource builder. Also the printing both do.
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import type { KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { nameOf, printObjects } from '../output';
import { badRequest } from '../../../engine/k8s/errors';
import { buildFilter, gvrString, resolveType } from './get-server';
import type { KubectlError } from './rollout-builder';
import { plain, resolveTargets } from './rollout-builder';
import type { FileObject, Unstructured } from './local-manifests';
import { fileKind, fileNamespace, fileObjectName, readFilenames } from './local-manifests';

/** One object to act on: `kind` is set when the object lives in the simulated cluster. */
export interface Item {
  obj: Unstructured;
  /** `deployment.apps/web`. */
  name: string;
  kind?: Kind;
  namespace?: string;
  /** The file it came from, for --local. */
  file?: FileObject;
}

export type Visit = { item: Item } | { error: KubectlError };

export type Items =
  { ok: true; visits: Visit[]; single: boolean } | { ok: false; errors: KubectlError[] };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function fromFile(ctx: KubectlContext, f: FileObject, local: boolean): Visit {
  const name = fileObjectName(f);
  if (local) return { item: { obj: clone(f.obj), name, file: f } };
  const kind = fileKind(f);
  if (!kind)
    return {
      error: plain(
        `resource mapping not found for name: ${JSON.stringify(f.name)} namespace: ${JSON.stringify(f.namespace ?? '')} from ${JSON.stringify(f.source)}: no matches for kind ${JSON.stringify(f.kind)} in version ${JSON.stringify(f.apiVersion)}\nensure CRDs are installed first`,
      ),
    };
  const ns = fileNamespace(ctx, f);
  if (!ns.ok) return { error: plain(ns.error) };
  const live = ctx.reader.get(kind, ns.namespace, f.name);
  if (!live)
    return {
      error: {
        status: {
          ok: false,
          code: 404,
          reason: 'NotFound',
          message: `${qualifiedResource(kind, true)} "${f.name}" not found`,
        },
      },
    };
  return { item: fromLive(kind, live) };
}

export function fromLive(kind: Kind, obj: KubeObject): Item {
  return {
    obj: clone(obj) as unknown as Unstructured,
    name: nameOf(obj),
    kind,
    ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}),
  };
}

/**
 * The builder's visit list. With --local only files count; otherwise files or arguments
 * (never both), and `allowEmptySelector` lets `TYPE --all` mean every object of the type.
 */
export function collectItems(
  ctx: KubectlContext,
  resources: readonly string[],
  options: { local: boolean; allowEmptySelector: boolean },
): Items {
  const hasFiles = ctx.flags.list('filename').length > 0;
  if (hasFiles) {
    if (!options.local && resources.length > 0)
      return {
        ok: false,
        errors: [
          plain(
            'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
          ),
        ],
      };
    const read = readFilenames(ctx);
    if (!read.ok) {
      // The reader's text is already as kubectl prints it: one `error: …` line, or several.
      const lines = read.message.replace(/\n$/, '').split('\n');
      const only = lines.length === 1 && lines[0]?.startsWith('error: ') ? lines[0] : undefined;
      return { ok: false, errors: [only ? plain(only) : { errors: lines.map(plain) }] };
    }
    return {
      ok: true,
      visits: [
        ...read.objects.map((f) => fromFile(ctx, f, options.local)),
        ...read.errors.map((e) => ({ error: plain(e) })),
      ],
      single: read.singleFile,
    };
  }
  const listed = listBySelectors(ctx, resources, options.allowEmptySelector);
  if (listed) return listed;
  const resolved = resolveTargets(ctx, resources, {
    allowEmptySelector: options.allowEmptySelector,
  });
  if (!resolved.ok) return resolved;
  const visits: Visit[] = resolved.visits.map((v) =>
    'error' in v ? v : { item: fromLive(v.target.kind, v.target.obj) },
  );
  const selecting = ctx.flags.str('selector') !== '' || options.allowEmptySelector;
  const first = resources[0] ?? '';
  const single =
    !selecting &&
    ((resources.length === 1 && first.includes('/')) ||
      (resources.length === 2 && !first.includes(',') && !first.includes('/')));
  return { ok: true, visits, single };
}

/**
 * A LIST with a field selector, or across namespaces (-A): the server filters on both; the
 * shared builder only knows label selectors in one namespace. Names and TYPE/NAME arguments
 * are left to it.
 */
function listBySelectors(
  ctx: KubectlContext,
  resources: readonly string[],
  allowEmptySelector: boolean,
): Items | undefined {
  const field = ctx.flags.str('field-selector');
  const allNamespaces = ctx.flags.bool('all-namespaces');
  const label = ctx.flags.str('selector');
  const [types] = resources;
  if ((!field && !allNamespaces) || resources.length !== 1 || !types || types.includes('/'))
    return undefined;
  if (!label && !field && !allowEmptySelector) return undefined;
  const visits: Visit[] = [];
  for (const typed of new Set(types.split(','))) {
    const t = resolveType(typed, ctx.reader);
    if (!t) return undefined;
    const filter = buildFilter(t, label, field);
    if (!filter.ok)
      return {
        ok: false,
        errors: [
          {
            status: badRequest(
              `Unable to find ${JSON.stringify(gvrString(t))} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${filter.error}`,
            ),
          },
        ],
      };
    if (!t.kind) continue;
    const kind = t.kind;
    for (const obj of ctx.reader.list(kind, allNamespaces ? undefined : ctx.namespace))
      if (filter.test(obj)) visits.push({ item: fromLive(kind, obj) });
  }
  return { ok: true, visits, single: false };
}

/** The name printer with an operation, or the object in a machine format. */
export function printItem(
  ctx: KubectlContext,
  format: OutputFormat,
  name: string,
  obj: Unstructured,
  operation: string,
  separate: { count: number },
): KubectlError | undefined {
  if (format.kind === 'default' || format.kind === 'wide') {
    ctx.out(`${name}${operation ? ` ${operation}` : ''}\n`);
    return undefined;
  }
  if (format.kind === 'name') {
    ctx.out(`${name}\n`);
    return undefined;
  }
  const printed = printObjects([obj as unknown as KubeObject], format, { single: true });
  if (!printed.ok) return plain(printed.error);
  if (format.kind === 'yaml' && separate.count > 0) ctx.out('---\n');
  separate.count += 1;
  ctx.out(printed.text);
  return undefined;
}

/** A stable JSON text with sorted keys, as Go marshals unstructured maps. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
