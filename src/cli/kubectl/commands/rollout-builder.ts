// What `set image` and the `rollout` commands share with kubectl's resource builder
// (cli-runtime pkg/resource/builder.go: ResourceTypeOrNameArgs, visitorResult, visitBySelector,
// visitByResource, visitByName) and with cmdutil.CheckErr (kubectl pkg/cmd/util/helpers.go),
// which decides how the errors a command collected are printed.
import type { StatusError } from '../../../engine/k8s/errors';
import { formatStatusError } from '../../../engine/k8s/errors';
import { matches, parseSelector } from '../../../engine/k8s/labels';
import { badRequest } from '../../../engine/k8s/errors';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import type { KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import {
  ALL_CATEGORY,
  knownEmptyResource,
  RESOURCE_NAME_FORM_ERROR,
  resolveKind,
  selectorListError,
} from '../resources';

/** An error as kubectl carries it: an API status, a plain error, or an aggregate of errors. */
export type KubectlError =
  { status: StatusError } | { message: string } | { errors: KubectlError[] };

export const plain = (message: string): KubectlError => ({ message });

/** utilerrors aggregate.Error(): nested aggregates flattened, duplicates dropped, `[a, b]`. */
function errorText(e: KubectlError): string {
  if ('status' in e) return e.status.message;
  if ('message' in e) return e.message;
  if (e.errors.length === 1) return errorText(e.errors[0] as KubectlError);
  const seen: string[] = [];
  const visit = (x: KubectlError): void => {
    if ('errors' in x) x.errors.forEach(visit);
    else if (!seen.includes(errorText(x))) seen.push(errorText(x));
  };
  visit(e);
  return seen.length === 1 ? (seen[0] as string) : `[${seen.join(', ')}]`;
}

/** messageForError: API errors get `Error from server (Reason): `, everything else is as is. */
function messageFor(e: KubectlError): string {
  return 'status' in e
    ? `Error from server (${e.status.reason}): ${e.status.message}`
    : errorText(e);
}

/**
 * cmdutil.CheckErr of utilerrors.NewAggregate(errors): nothing for none; one error alone gets
 * kubectl's usual treatment (`error: ` unless it already says so); several are printed one per
 * line without a prefix. Returns the exit code.
 */
export function reportErrors(ctx: KubectlContext, errors: readonly KubectlError[]): number {
  if (errors.length === 0) return 0;
  let text: string;
  const only = errors.length === 1 ? (errors[0] as KubectlError) : undefined;
  if (!only) text = errors.map((e) => `${messageFor(e)}\n`).join('');
  else if ('errors' in only) text = only.errors.map((e) => `${messageFor(e)}\n`).join('');
  else if ('status' in only) text = formatStatusError(only.status);
  else text = only.message.startsWith('error: ') ? only.message : `error: ${only.message}`;
  ctx.err(text.endsWith('\n') ? text : `${text}\n`);
  return 1;
}

/**
 * -f and -k name files, and the simulated workspace has none yet, so kubectl's answer for a
 * missing path is the honest one.
 */
function filenameErrors(ctx: KubectlContext): KubectlError[] {
  const files = ctx.flags.list('filename');
  const kustomize = ctx.flags.str('kustomize');
  if (files.length > 0 && kustomize) return [plain('only one of -f or -k can be specified')];
  if (kustomize) {
    const home = ctx.session.env['PWD'] ?? ctx.session.env['HOME'] ?? '/';
    const abs = kustomize.startsWith('/') ? kustomize : `${home}/${kustomize}`;
    return [
      plain(
        `must build at directory: not a valid directory: evalsymlink failure on '${kustomize}' : lstat ${abs}: no such file or directory`,
      ),
    ];
  }
  return files.map((f) => plain(`the path "${f}" does not exist`));
}

export function hasFilenames(ctx: KubectlContext): boolean {
  return ctx.flags.list('filename').length > 0 || ctx.flags.str('kustomize') !== '';
}

/** A resource type as the server's discovery maps it: a kind we run, or one we only know of. */
type Mapping = { kind: Kind } | { elsewhere: string };

function mapType(type: string): Mapping | KubectlError {
  const kind = resolveKind(type);
  if (kind) return { kind };
  const elsewhere = knownEmptyResource(type);
  if (elsewhere) return { elsewhere };
  return plain(`the server doesn't have a resource type "${type}"`);
}

export interface Target {
  kind: Kind;
  name: string;
  obj: KubeObject;
}

/** What visiting yields, in order: an object, or the error getting it (ContinueOnError). */
export type Visit = { target: Target } | { error: KubectlError };

export type Resolution = { ok: true; visits: Visit[] } | { ok: false; errors: KubectlError[] };

function get(ctx: KubectlContext, m: Mapping, name: string): Visit {
  if ('kind' in m) {
    const obj = ctx.reader.get(m.kind, ctx.namespace, name);
    if (obj) return { target: { kind: m.kind, name, obj } };
    const message = `${qualifiedResource(m.kind, true)} "${name}" not found`;
    return { error: { status: { ok: false, code: 404, reason: 'NotFound', message } } };
  }
  return {
    error: {
      status: {
        ok: false,
        code: 404,
        reason: 'NotFound',
        message: `${m.elsewhere} "${name}" not found`,
      },
    },
  };
}

/**
 * The builder's Latest(): commands that act on each object in turn read it again just before,
 * so an earlier step's change (or deletion) is seen.
 */
export function latest(ctx: KubectlContext, visit: Visit): Visit {
  if ('error' in visit) return visit;
  return get(ctx, { kind: visit.target.kind }, visit.target.name);
}

function failed(...errors: KubectlError[]): Resolution {
  return { ok: false, errors };
}

/**
 * The builder's ResourceTypeOrNameArgs(allowEmptySelector, args...) with LabelSelectorParam:
 * `TYPE/NAME…`, `TYPE NAME…`, `TYPE1,TYPE2 NAME…`, `TYPE -l sel`, and `TYPE` alone, which means
 * every object of the type when `allowEmptySelector` (the rollout commands, set image --all).
 */
export function resolveTargets(
  ctx: KubectlContext,
  args: readonly string[],
  options: { allowEmptySelector: boolean },
): Resolution {
  const fileErrors = filenameErrors(ctx);
  if (fileErrors.length > 0) return failed(...fileErrors);
  const selectorText = ctx.flags.str('selector').trim();
  const splitTypes = (arg: string) => [...new Set(arg.split(','))];
  let list = [...args];
  if (list.length >= 2 && splitTypes(list[0] as string).length > 1) {
    const [types, ...names] = list as [string, ...string[]];
    list = splitTypes(types).flatMap((t) => names.map((n) => `${t}/${n}`));
  }
  const slashed = list.filter((a) => a.includes('/')).length;
  const tuples: { type: string; name: string }[] = [];
  let types: string[] = [];
  let names: string[] = [];
  if (slashed > 0) {
    if (slashed !== list.length) return failed(plain(RESOURCE_NAME_FORM_ERROR));
    for (const a of list) {
      const seg = a.split('/');
      if (seg.length !== 2)
        return failed(plain('arguments in resource/name form may not have more than one slash'));
      const [type, name] = seg as [string, string];
      if (!type || !name || splitTypes(type).length !== 1)
        return failed(
          plain('arguments in resource/name form must have a single resource and name'),
        );
      tuples.push({ type, name });
    }
  } else if (list.length > 0) {
    types = splitTypes(list[0] as string).flatMap((t) =>
      t === 'all' ? ALL_CATEGORY.map((k) => k.toLowerCase()) : [t],
    );
    names = list.slice(1);
  }
  const selectAll =
    list.length === 1 && slashed === 0 && options.allowEmptySelector && !selectorText;

  if (selectorText || selectAll) {
    if (names.length > 0)
      return failed(plain('name cannot be provided when a selector is specified'));
    if (tuples.length > 0)
      return failed(
        plain('selectors and the all flag cannot be used when passing resource/name arguments'),
      );
    if (types.length === 0)
      return failed(plain('at least one resource must be specified to use a selector'));
    const mappings: Mapping[] = [];
    for (const t of types) {
      const m = mapType(t);
      if (!('kind' in m) && !('elsewhere' in m)) return failed(m);
      mappings.push(m);
    }
    const selector = parseSelector(selectorText);
    if (!selector.ok) {
      // The API server refuses the LIST; the builder rewords its answer per resource.
      const kinds = mappings.flatMap((m) => ('kind' in m ? [m.kind] : []));
      if (kinds.length === 0) return failed(plain(selector.error));
      return failed(
        ...kinds.map((k) => ({
          status: badRequest(selectorListError(k, selectorText, '', selector.error)),
        })),
      );
    }
    const visits: Visit[] = [];
    for (const m of mappings) {
      if (!('kind' in m)) continue;
      for (const obj of ctx.reader.list(m.kind, ctx.namespace)) {
        if (matches(selector.selector, obj.metadata?.labels))
          visits.push({ target: { kind: m.kind, name: obj.metadata?.name ?? '', obj } });
      }
    }
    return { ok: true, visits };
  }
  if (tuples.length > 0) {
    const mapped: Mapping[] = [];
    for (const t of tuples) {
      const m = mapType(t.type);
      if (!('kind' in m) && !('elsewhere' in m)) return failed(m);
      mapped.push(m);
    }
    return { ok: true, visits: tuples.map((t, i) => get(ctx, mapped[i] as Mapping, t.name)) };
  }
  if (names.length > 0) {
    if (types.length > 1) return failed(plain('you must specify only one resource'));
    const m = mapType(types[0] as string);
    if (!('kind' in m) && !('elsewhere' in m)) return failed(m);
    return { ok: true, visits: names.map((n) => get(ctx, m, n)) };
  }
  if (types.length > 0) {
    for (const t of types) {
      const m = mapType(t);
      if (!('kind' in m) && !('elsewhere' in m)) return failed(m);
    }
    return failed(plain('resource(s) were provided, but no name was specified'));
  }
  return failed(plain(NO_RESOURCES_GIVEN));
}

/** `deployments.apps`: how the rollout helpers name a resource in their errors. */
export function resourceString(kind: Kind): string {
  return qualifiedResource(kind, true);
}

/** schema.GroupKind's String(): `Deployment.apps`, `Pod`. */
export function groupKind(kind: Kind): string {
  const q = qualifiedResource(kind);
  const dot = q.indexOf('.');
  return dot < 0 ? kind : `${kind}${q.slice(dot)}`;
}

/**
 * printers.PrintFlagsWithDryRunStrategy: what the name printer adds to the operation for
 * --dry-run=client and --dry-run=server.
 */
export function dryRunSuffix(dryRun: string): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** cmdutil.GetDryRunStrategy: the flag's value, or kubectl's error for a bad one. */
export function dryRunStrategy(
  ctx: KubectlContext,
): { ok: true; value: 'none' | 'client' | 'server' } | { ok: false; error: string } {
  const v = ctx.flags.str('dry-run', 'none');
  if (v === 'none' || v === 'client' || v === 'server') return { ok: true, value: v };
  return {
    ok: false,
    error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".`,
  };
}
