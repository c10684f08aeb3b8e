// What `kubectl get` and `kubectl get --watch` share: the resource builder's reading of the
// arguments (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go: ResourceTypeOrNameArgs,
// visitBySelector, visitByResource, visitByName), the requests it makes, kubectl's error output
// (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go: checkErr, MultipleErrors), and the table
// kubectl decorates (-L columns: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go).
import type { ObjectReader } from '../../../engine/k8s/types';
import type { KubeObject } from '../../../engine/k8s/types';
import { translateTimestampSince } from '../../printers/age';
import { addColumns, serverTable } from '../../printers/getTable';
import type { ExtraColumn, ServerTable } from '../../printers/getTable';
import type { KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { NO_RESOURCES_GIVEN } from '../command';
import { RESOURCE_NAME_FORM_ERROR } from '../resources';
import type { ResourceType } from './get-server';
import {
  ALL_CATEGORY_TYPES,
  listObjects,
  notFoundMessage,
  resolveType,
  sameType,
} from './get-server';

/** How `kubectl get` prints what it fetched, with or without --watch. */
export interface GetPrintOptions {
  format: OutputFormat;
  noHeaders: boolean;
  showLabels: boolean;
  showKind: boolean;
  sortBy: string;
  allNamespaces: boolean;
  serverPrint: boolean;
}

/** One request the builder makes: a list (name undefined) or a GET of one object. */
export interface GetRequest {
  type: ResourceType;
  name?: string;
}

export interface GetPlan {
  requests: GetRequest[];
  /** One object was asked for by name: -o yaml/json print it rather than a List. */
  singleItemImplied: boolean;
  /** Lists (with selectors) rather than named objects. */
  bySelector: boolean;
  /** How many resource types were typed, for --watch's single-type rule. */
  typeCount: number;
}

/** A failure: `status` errors came from the server and print without `error: `. */
export interface GetError {
  text: string;
  status: boolean;
}

/** SplitResourceArgument: comma-separated, duplicates dropped, empty parts kept. */
function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

function splitTypeName(
  arg: string,
): { ok: true; type: string; name: string } | { ok: false; error: string } {
  const seg = arg.split('/');
  if (seg.length !== 2)
    return { ok: false, error: 'arguments in resource/name form may not have more than one slash' };
  const [type = '', name = ''] = seg;
  if (!type || !name || splitResourceArgument(type).length !== 1)
    return {
      ok: false,
      error: 'arguments in resource/name form must have a single resource and name',
    };
  return { ok: true, type, name };
}

function unknownType(typed: string): string {
  return `the server doesn't have a resource type "${typed.split('.')[0] ?? typed}"`;
}

/** ResourceTypeOrNameArgs followed by the builder's choice of visitor; errors are client-side. */
export function planRequests(
  rawArgs: readonly string[],
  opts: {
    labelSelector?: string;
    fieldSelector?: string;
    allNamespaces: boolean;
    singleType: boolean;
    /** The cluster, for the custom kinds it serves only while their CRD exists. */
    reader?: ObjectReader;
  },
): { ok: true; plan: GetPlan } | { ok: false; error: string } {
  let args = [...rawArgs];
  if (args.length >= 2) {
    const types = splitResourceArgument(args[0] as string);
    if (types.length > 1) args = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
  }
  const slashed = args.filter((a) => a.includes('/')).length;
  const tuples: { type: string; name: string }[] = [];
  let resources: string[] = [];
  let names: string[] = [];
  let labelSelector = opts.labelSelector;
  if (slashed > 0) {
    if (slashed !== args.length) return { ok: false, error: RESOURCE_NAME_FORM_ERROR };
    for (const a of args) {
      const t = splitTypeName(a);
      if (!t.ok) return t;
      tuples.push(t);
    }
  } else if (args.length > 0) {
    const expanded = (args[0] as string)
      .split(',')
      .map((p) => (p === 'all' ? ALL_CATEGORY_TYPES.join(',') : p))
      .join(',');
    resources = splitResourceArgument(expanded);
    names = args.slice(1);
    if (args.length === 1 && labelSelector === undefined) labelSelector = '';
  }

  const resolveAll = (
    typed: readonly string[],
  ): { ok: true; types: ResourceType[] } | { ok: false; error: string } => {
    const types: ResourceType[] = [];
    for (const r of typed) {
      const t = resolveType(r, opts.reader);
      if (!t) return { ok: false, error: unknownType(r) };
      if (!types.some((x) => sameType(x, t))) types.push(t);
    }
    return { ok: true, types };
  };
  const nameCheck = (types: readonly ResourceType[]): string | undefined =>
    opts.allNamespaces && types.some((t) => t.namespaced)
      ? 'a resource cannot be retrieved by name across all namespaces'
      : undefined;

  if (labelSelector !== undefined || opts.fieldSelector !== undefined) {
    if (names.length > 0)
      return { ok: false, error: 'name cannot be provided when a selector is specified' };
    if (tuples.length > 0)
      return {
        ok: false,
        error: 'selectors and the all flag cannot be used when passing resource/name arguments',
      };
    if (resources.length === 0)
      return { ok: false, error: 'at least one resource must be specified to use a selector' };
    if (opts.singleType && resources.length > 1)
      return { ok: false, error: 'you may only specify a single resource type' };
    const r = resolveAll(resources);
    if (!r.ok) return r;
    return {
      ok: true,
      plan: {
        requests: r.types.map((type) => ({ type })),
        singleItemImplied: false,
        bySelector: true,
        typeCount: resources.length,
      },
    };
  }
  if (tuples.length > 0) {
    const byTyped = new Map<string, ResourceType>();
    for (const t of tuples) {
      if (byTyped.has(t.type)) continue;
      const type = resolveType(t.type, opts.reader);
      if (!type) return { ok: false, error: unknownType(t.type) };
      byTyped.set(t.type, type);
    }
    const types = [...byTyped.values()];
    const distinct = types.filter((t, i) => types.findIndex((x) => sameType(x, t)) === i);
    if (opts.singleType && distinct.length > 1)
      return { ok: false, error: 'you may only specify a single resource type' };
    const requests = tuples.map((t) => ({
      type: byTyped.get(t.type) as ResourceType,
      name: t.name,
    }));
    const bad = nameCheck(requests.map((r) => r.type));
    if (bad) return { ok: false, error: bad };
    return {
      ok: true,
      plan: {
        requests,
        singleItemImplied: tuples.length === 1,
        bySelector: false,
        typeCount: distinct.length,
      },
    };
  }
  if (names.length > 0) {
    if (resources.length > 1) return { ok: false, error: 'you must specify only one resource' };
    const r = resolveAll(resources);
    if (!r.ok) return r;
    const type = r.types[0] as ResourceType;
    const bad = nameCheck([type]);
    if (bad) return { ok: false, error: bad };
    return {
      ok: true,
      plan: {
        requests: names.map((name) => ({ type, name })),
        singleItemImplied: names.length === 1,
        bySelector: false,
        typeCount: 1,
      },
    };
  }
  return { ok: false, error: NO_RESOURCES_GIVEN };
}

/** What one request brought back: objects (a list, or the one named object) or an error. */
export interface Fetched {
  type: ResourceType;
  objects: KubeObject[];
}

export function fetchAll(
  ctx: KubectlContext,
  plan: GetPlan,
  query: {
    namespace: string | undefined;
    labelSelector: string;
    fieldSelector: string;
    ignoreNotFound: boolean;
  },
): { fetched: Fetched[]; errors: GetError[] } {
  const fetched: Fetched[] = [];
  const errors: GetError[] = [];
  const reader = ctx.reader;
  for (const req of plan.requests) {
    const ns = req.type.namespaced ? query.namespace : undefined;
    if (req.name === undefined) {
      const r = listObjects(reader, req.type, { ...query, namespace: ns });
      if (r.ok) fetched.push({ type: req.type, objects: r.objects });
      else errors.push({ text: r.error, status: true });
      continue;
    }
    const obj = req.type.kind
      ? (reader.get(req.type.kind, ns, req.name) as KubeObject | undefined)
      : undefined;
    if (obj) fetched.push({ type: req.type, objects: [obj] });
    else if (!query.ignoreNotFound)
      errors.push({ text: notFoundMessage(req.type, req.name), status: true });
  }
  return { fetched, errors };
}

/** cmdutil.CheckErr: one error as is (`error: ` before client-side ones), several one a line. */
export function formatErrors(errors: readonly GetError[]): string {
  if (errors.length === 1) {
    const e = errors[0] as GetError;
    return e.status || e.text.startsWith('error: ') ? `${e.text}\n` : `error: ${e.text}\n`;
  }
  return errors.map((e) => `${e.text}\n`).join('');
}

/** -L values: each flag value is a comma-separated list. */
export function labelColumns(ctx: KubectlContext): string[] {
  return ctx.flags.list('label-columns').flatMap((v) => v.split(',').filter((s) => s !== ''));
}

/** The server's table for a kind, with the -L columns kubectl adds before LABELS. */
export function tableFor(
  type: ResourceType,
  objects: readonly KubeObject[],
  now: number,
  labels: readonly string[],
  serverPrint: boolean,
): ServerTable {
  let table: ServerTable;
  if (serverPrint && type.kind) table = serverTable(type.kind, objects, now);
  else {
    const cells: string[] = [];
    for (const object of objects)
      cells.push(
        object.metadata?.name ?? '',
        translateTimestampSince(object.metadata?.creationTimestamp, now),
      );
    table = {
      columns: [
        { name: 'Name', priority: 0 },
        { name: 'Age', priority: 0 },
      ],
      objects,
      cells,
    };
  }
  if (labels.length === 0) return table;
  const extra: ExtraColumn[] = labels.map((l) => ({
    column: { name: l.split('/').pop() ?? l, priority: 0 },
    cell: (object) => object.metadata?.labels?.[l] ?? '',
  }));
  return addColumns(table, [], extra);
}
