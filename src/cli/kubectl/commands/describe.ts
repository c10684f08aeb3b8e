// kubectl describe: selects objects the way kubectl's resource builder does (TYPE, TYPE NAME…,
// TYPE/NAME…, -l, -A, the `all` category), falls back to name-prefix matching when a single
// name is not found, and joins the descriptions as kubectl does.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (release-1.32: Run,
// DescribeMatchingResources) and staging/src/k8s.io/cli-runtime/pkg/resource/builder.go
// (ResourceTypeOrNameArgs, visitByName, visitByResource, visitBySelector).
import type { StatusError } from '../../../engine/k8s/errors';
import { formatStatusError, notFound } from '../../../engine/k8s/errors';
import { matches, parseSelector } from '../../../engine/k8s/labels';
import type { Kind, KubeObject, ObjectReader } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import { describeObject, type DescribeContext } from '../../printers/describe';
import type { KubectlCommand, KubectlContext } from '../command';
import { knownEmptyResource, resolveKind, RESOURCE_NAME_FORM_ERROR } from '../resources';
import { selectorListError } from '../resources';

/** The `all` category as a v1.32 API server advertises it, in discovery order. */
const ALL: readonly string[] = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

/** A resource type: one the simulator stores, or one the server has but the simulator never fills. */
type Resource = { kind: Kind } | { elsewhere: string };

function resolve(type: string): Resource | undefined {
  const kind = resolveKind(type);
  if (kind) return { kind };
  const elsewhere = knownEmptyResource(type);
  return elsewhere ? { elsewhere } : undefined;
}

function same(a: Resource, b: Resource): boolean {
  return 'kind' in a && 'kind' in b
    ? a.kind === b.kind
    : 'elsewhere' in a && 'elsewhere' in b && a.elsewhere === b.elsewhere;
}

interface Found {
  kind: Kind;
  obj: KubeObject;
}

type Lookup = { ok: true; found: Found } | { ok: false; error: StatusError };

function lookup(reader: ObjectReader, r: Resource, ns: string, name: string): Lookup {
  if ('elsewhere' in r) {
    return {
      ok: false,
      error: {
        ok: false,
        code: 404,
        reason: 'NotFound',
        message: `${r.elsewhere} "${name}" not found`,
      },
    };
  }
  const obj = reader.get(r.kind, ns, name) as KubeObject | undefined;
  return obj
    ? { ok: true, found: { kind: r.kind, obj } }
    : { ok: false, error: notFound(r.kind, name) };
}

/** The describer's view of the cluster; without events when --show-events=false. */
function describeContext(ctx: KubectlContext, showEvents: boolean): DescribeContext {
  const reader = ctx.reader;
  if (showEvents) return { now: ctx.now, reader };
  return {
    now: ctx.now,
    reader: {
      get: reader.get,
      list: (kind, namespace) => (kind === 'Event' ? [] : reader.list(kind, namespace)),
    } as ObjectReader,
  };
}

/** Without --show-events kubectl prints no Events section at all (not even `<none>`). */
function describe(found: Found, dctx: DescribeContext, showEvents: boolean): string {
  const text = describeObject(found.kind, found.obj, dctx);
  return showEvents ? text : text.replace(/Events:[ \t]*<none>\n$/, '');
}

function run(ctx: KubectlContext): number {
  const f = ctx.flags;
  const args = ctx.args;
  const files = f.list('filename');
  const kustomize = f.str('kustomize');
  if (args.length === 0 && files.length === 0 && !kustomize) {
    ctx.err(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    return 1;
  }
  // The simulated terminal has no files of its own to read.
  if (files.length > 0) return ctx.fail(`the path "${files[0] as string}" does not exist`);
  if (kustomize) {
    return ctx.fail(
      `must build at directory: not a valid directory: evalsymlink failure on '${kustomize}' : lstat ${ctx.session.env.HOME ?? ''}/${kustomize}: no such file or directory`,
    );
  }
  const allNamespaces = f.bool('all-namespaces');
  const ns = ctx.namespace;
  const selectorText = f.has('selector') ? f.str('selector') : undefined;
  const showEvents = f.bool('show-events', true);
  const dctx = describeContext(ctx, showEvents);
  const reader = ctx.reader;

  const found: Found[] = [];
  const errors: StatusError[] = [];
  const unknown = (type: string) => ctx.fail(`the server doesn't have a resource type "${type}"`);
  const byNameAcross = (r: Resource) =>
    allNamespaces && ('elsewhere' in r || KINDS[r.kind].namespaced);
  const ACROSS = 'a resource cannot be retrieved by name across all namespaces';

  // TYPE1,TYPE2 NAME… becomes TYPE1/NAME… TYPE2/NAME… before anything else (normalizeMultipleResourcesArgs).
  let words = args;
  const listed = [...new Set((args[0] ?? '').split(',').filter((t) => t !== ''))];
  if (args.length >= 2 && listed.length > 1) {
    const types = listed;
    words = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
  }
  const slashed = words.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== words.length) return ctx.fail(RESOURCE_NAME_FORM_ERROR);
    const split: [string, string][] = [];
    for (const w of words) {
      const parts = w.split('/');
      if (parts.length !== 2)
        return ctx.fail('arguments in resource/name form may not have more than one slash');
      const [type, name] = parts as [string, string];
      if (!type || !name || type.includes(','))
        return ctx.fail('arguments in resource/name form must have a single resource and name');
      split.push([type, name]);
    }
    if (selectorText !== undefined)
      return ctx.fail(
        'selectors and the all flag cannot be used when passing resource/name arguments',
      );
    const tuples: { r: Resource; name: string }[] = [];
    for (const [type, name] of split) {
      const r = resolve(type);
      if (!r) return unknown(type);
      tuples.push({ r, name });
    }
    if (tuples.some((t) => byNameAcross(t.r))) return ctx.fail(ACROSS);
    for (const t of tuples) {
      const l = lookup(reader, t.r, ns, t.name);
      if (l.ok) found.push(l.found);
      else errors.push(l.error);
    }
  } else {
    const types = (words[0] as string)
      .split(',')
      .filter((t) => t !== '')
      .flatMap((t) => (t === 'all' ? ALL : [t]));
    const names = words.slice(1);
    if (names.length > 0 && selectorText !== undefined)
      return ctx.fail('name cannot be provided when a selector is specified');
    if (names.length > 0 && types.length > 1) return ctx.fail('you must specify only one resource');
    const resources: Resource[] = [];
    for (const type of types) {
      const r = resolve(type);
      if (!r) return unknown(type);
      if (!resources.some((x) => same(x, r))) resources.push(r);
    }
    if (names.length === 0) {
      const sel = parseSelector(selectorText ?? '');
      if (!sel.ok) {
        const first = resources.find((r) => 'kind' in r);
        if (!first || !('kind' in first)) return ctx.fail(sel.error);
        ctx.err(
          `Error from server (BadRequest): ${selectorListError(first.kind, selectorText ?? '', '', sel.error)}\n`,
        );
        return 1;
      }
      for (const r of resources) {
        if ('elsewhere' in r) continue;
        const objs = reader.list(
          r.kind,
          allNamespaces || !KINDS[r.kind].namespaced ? undefined : ns,
        ) as KubeObject[];
        for (const obj of objs)
          if (matches(sel.selector, obj.metadata?.labels)) found.push({ kind: r.kind, obj });
      }
    } else {
      const r = resources[0] as Resource;
      if (byNameAcross(r)) return ctx.fail(ACROSS);
      for (const name of names) {
        const l = lookup(reader, r, ns, name);
        if (l.ok) found.push(l.found);
        else errors.push(l.error);
      }
    }
  }

  // One name not found: describe every object of that type whose name starts with it.
  if (errors.length === 1 && errors[0]?.reason === 'NotFound' && args.length === 2) {
    return describePrefix(ctx, args[0] as string, args[1] as string, errors[0], dctx, showEvents);
  }

  ctx.out(found.map((x) => describe(x, dctx, showEvents)).join('\n\n'));
  if (found.length === 0 && errors.length === 0) {
    ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
  }
  for (const e of errors) ctx.err(`${formatStatusError(e)}\n`);
  return errors.length > 0 ? 1 : 0;
}

function describePrefix(
  ctx: KubectlContext,
  type: string,
  prefix: string,
  original: StatusError,
  dctx: DescribeContext,
  showEvents: boolean,
): number {
  const ns = ctx.namespace;
  if (type.split(',').filter((t) => t !== '').length > 1 || type === 'all')
    return ctx.fail('you may only specify a single resource type');
  let candidates: Found[];
  if (type.includes('/')) {
    // `describe pods/a pods/b`: the first argument alone is fetched, and no name starts with `pods/b`.
    const [t, name] = type.split('/') as [string, string];
    const l = lookup(ctx.reader, resolve(t) as Resource, ns, name);
    if (!l.ok) return ctx.apiError(l.error);
    candidates = [l.found];
  } else {
    const r = resolve(type) as Resource;
    candidates =
      'kind' in r
        ? (ctx.reader.list(r.kind, KINDS[r.kind].namespaced ? ns : undefined) as KubeObject[]).map(
            (obj) => ({ kind: r.kind, obj }),
          )
        : [];
  }
  const matching = candidates.filter((c) => (c.obj.metadata?.name ?? '').startsWith(prefix));
  if (matching.length === 0) return ctx.apiError(original);
  ctx.out(matching.map((c) => `${describe(c, dctx, showEvents)}\n`).join(''));
  return 0;
}

export const describeCommands: KubectlCommand[] = [
  {
    path: 'describe',
    summary: 'show details of a specific resource or group of resources',
    flags: [
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'chunk-size', type: 'int' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-events', type: 'bool' },
    ],
    run,
  },
];
