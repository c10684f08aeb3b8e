// kubectl get --watch / --watch-only: the first listing, then one line (or object) for every
// change the server reports, through one tab writer that remembers column widths.
// - Flow: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (watch): a list starts watching from the
//   list's resourceVersion; a named object from "0", whose synthetic ADDED event is not printed.
// - Headers once, EVENT column: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go.
// - A watch with a selector reports an object that stops matching as DELETED with its old state
//   (k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go, convertToWatchEvent).
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import type { ObjectStore } from '../../../engine/k8s/store';
import { HOUR } from '../../../engine/time';
import { nextEventTime } from '../../../engine/world';
import type { Run } from '../../program';
import { addColumns, printTable } from '../../printers/getTable';
import type { ExtraColumn, ServerTable } from '../../printers/getTable';
import type { RememberedWidths } from '../../printers/table';
import { parseCustomColumns, printCustomColumns } from '../../printers/customColumns';
import { toKubectlJson } from '../../printers/json';
import { toKubectlYaml } from '../../printers/yaml';
import { jsonPath } from '../../printers/jsonpath';
import type { KubectlContext } from '../command';
import { nameOf } from '../output';
import type { GetPlan, GetPrintOptions } from './get-request';
import { fetchAll, formatErrors, labelColumns, tableFor } from './get-request';
import { buildFilter } from './get-server';
import type { ResourceType } from './get-server';
import { sortByField } from './get-sort';

export interface WatchOptions extends GetPrintOptions {
  watchOnly: boolean;
  outputWatchEvents: boolean;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

const EVENT_CELL: Record<EventType, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
};

interface Change {
  type: EventType;
  object: KubeObject;
  order: number;
}

/** Go's json.Marshal: compact, map keys sorted, <, > and & escaped. */
function compactJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sorted((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sorted(value))
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026');
}

/** Prints objects one PrintObj call at a time, as the watch's printer does. */
class WatchPrinter {
  private memory: RememberedWidths = { widths: [] };
  private printedHeaders = false;
  private documents = 0;
  private readonly labels: string[];

  constructor(
    private readonly ctx: KubectlContext,
    private readonly type: ResourceType,
    private readonly o: WatchOptions,
  ) {
    this.labels = labelColumns(ctx);
  }

  /** One table (human output) or one object per entry; returns an error message on failure. */
  print(objects: readonly KubeObject[], event: EventType | undefined): string | undefined {
    if (this.o.format.kind === 'default' || this.o.format.kind === 'wide') {
      this.printRows(objects, event);
      return undefined;
    }
    for (const obj of objects) {
      const e = this.printObject(obj, event);
      if (e) return e;
    }
    return undefined;
  }

  private printRows(objects: readonly KubeObject[], event: EventType | undefined): void {
    const kind = this.type.kind;
    if (!kind || objects.length === 0) return;
    let table: ServerTable = tableFor(
      this.type,
      objects,
      this.ctx.now,
      this.labels,
      this.o.serverPrint,
    );
    // The watch asks for a NAMESPACE column with -A whatever the scope, and puts EVENT before it.
    let withNamespace = this.o.allNamespaces && this.type.namespaced;
    const prefix: ExtraColumn[] = [];
    if (event !== undefined && this.o.outputWatchEvents)
      prefix.push({ column: { name: 'Event', priority: 0 }, cell: () => EVENT_CELL[event] });
    if (this.o.allNamespaces && (prefix.length > 0 || !this.type.namespaced)) {
      prefix.push({
        column: { name: 'Namespace', priority: 0 },
        cell: (o) => o.metadata?.namespace ?? '',
      });
      withNamespace = false;
    }
    if (prefix.length > 0) table = addColumns(table, prefix, []);
    const text = printTable(
      kind,
      table,
      {
        wide: this.o.format.kind === 'wide',
        showLabels: this.o.showLabels,
        withNamespace,
        withKind: this.o.showKind,
        noHeaders: this.o.noHeaders || this.printedHeaders,
      },
      this.memory,
    );
    this.printedHeaders = true;
    this.ctx.out(text);
  }

  private printObject(obj: KubeObject, event: EventType | undefined): string | undefined {
    const format = this.o.format;
    const data: unknown =
      event !== undefined && this.o.outputWatchEvents ? { type: event, object: obj } : obj;
    switch (format.kind) {
      case 'yaml':
        this.ctx.out((this.documents++ > 0 ? '---\n' : '') + toKubectlYaml(data));
        return undefined;
      case 'json':
        this.ctx.out(
          data === obj ? toKubectlJson(obj, { sortKeys: true }) : `${compactJson(data)}\n`,
        );
        return undefined;
      case 'name':
        this.ctx.out(`${nameOf(obj)}\n`);
        return undefined;
      case 'jsonpath': {
        const r = jsonPath(format.template, JSON.parse(JSON.stringify(data)), {
          allowMissingKeys: true,
          asJson: format.asJson,
        });
        if (!r.ok) return r.error;
        this.ctx.out(r.output);
        return undefined;
      }
      case 'custom-columns': {
        const spec = parseCustomColumns(format.spec);
        if (!spec.ok) return spec.error;
        const r = printCustomColumns(spec.columns, [JSON.parse(JSON.stringify(data)) as unknown], {
          noHeaders: this.o.noHeaders || this.documents++ > 0,
        });
        this.ctx.out(r.output);
        return r.ok ? undefined : r.error;
      }
      default:
        return undefined;
    }
  }
}

type Tree = Readonly<Record<string, unknown>> | undefined;

function isObject(v: unknown): v is KubeObject {
  return typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, 'metadata');
}

/**
 * Walks two copy-on-write states of a table side by side, skipping every subtree they share,
 * and collects the objects that differ (whatever the table's layers between namespace and name).
 */
function diffTree(a: Tree, b: Tree, out: [KubeObject | undefined, KubeObject | undefined][]): void {
  if (a === b) return;
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) {
    const va = a?.[k];
    const vb = b?.[k];
    if (va === vb) continue;
    if (isObject(va) || isObject(vb))
      out.push([isObject(va) ? va : undefined, isObject(vb) ? vb : undefined]);
    else diffTree(va as Tree, vb as Tree, out);
  }
}

/** The objects of one kind that changed between two states, in the order they were written. */
export function changesBetween(
  kind: Kind,
  before: ObjectStore,
  after: ObjectStore,
  namespace: string | undefined,
  test: (o: KubeObject) => boolean,
): Change[] {
  const old = before[kind] as Tree;
  const cur = after[kind] as Tree;
  if (old === cur) return [];
  const pairs: [KubeObject | undefined, KubeObject | undefined][] = [];
  if (namespace === undefined) diffTree(old, cur, pairs);
  else diffTree(old?.[namespace] as Tree, cur?.[namespace] as Tree, pairs);
  const out: Change[] = [];
  const rv = (o: KubeObject): number => Number(o.metadata?.resourceVersion ?? 0);
  for (const [prev, next] of pairs) {
    const was = prev !== undefined && test(prev);
    const is = next !== undefined && test(next);
    if (is)
      out.push({
        type: was ? 'MODIFIED' : 'ADDED',
        object: next as KubeObject,
        order: rv(next as KubeObject),
      });
    else if (was)
      out.push({ type: 'DELETED', object: prev as KubeObject, order: rv(prev as KubeObject) });
  }
  return out.sort((x, y) => x.order - y.order);
}

/** `kubectl get -w`: prints what exists (unless --watch-only), then every change until interrupted. */
export function watchGet(
  ctx: KubectlContext,
  plan: GetPlan,
  query: { namespace: string | undefined; labelSelector: string; fieldSelector: string },
  o: WatchOptions,
): number | Run {
  const { fetched, errors } = fetchAll(ctx, plan, { ...query, ignoreNotFound: false });
  if (errors.length > 0) {
    ctx.err(formatErrors(errors.slice(0, 1)));
    return 1;
  }
  const type = (plan.requests[0] as { type: ResourceType }).type;
  const printer = new WatchPrinter(ctx, type, o);
  let initial = fetched.flatMap((f) => f.objects);
  if (
    o.sortBy &&
    !o.watchOnly &&
    initial.length > 1 &&
    plan.bySelector &&
    (o.format.kind === 'default' || o.format.kind === 'wide')
  ) {
    const sorted = sortByField(initial, o.sortBy, (obj) => obj);
    if (!sorted.ok) {
      ctx.err(`error: unable to output the provided object: ${sorted.error}\n`);
      return 1;
    }
    initial = sorted.items;
  }
  if (!o.watchOnly) {
    const e = printer.print(initial, 'ADDED');
    if (e) {
      ctx.err(`error: unable to output the provided object: ${e}\n`);
      return 1;
    }
  }
  if (plan.requests.length !== 1 && !plan.bySelector) {
    ctx.err('error: you may only watch a single resource or type of resource at a time\n');
    return 1;
  }
  const kind = type.kind;
  const request = plan.requests[0] as { type: ResourceType; name?: string };
  const namespace = type.namespaced ? query.namespace : '';
  const filter = buildFilter(type, query.labelSelector, query.fieldSelector);
  const name = request.name;
  const test = (obj: KubeObject): boolean =>
    (name === undefined || obj.metadata?.name === name) && (!filter.ok || filter.test(obj));
  return (function* watching(): Run {
    let state = ctx.world.cluster.objects;
    for (;;) {
      const next = nextEventTime(ctx.world);
      const wake = next !== undefined && next > ctx.now ? next : ctx.now + HOUR;
      yield wake;
      const now = ctx.world.cluster.objects;
      if (!kind) continue;
      const changes = changesBetween(kind, state, now, namespace, test);
      state = now;
      for (const c of changes) {
        const e = printer.print([c.object], c.type);
        if (e) {
          ctx.err(`error: ${e}\n`);
          return 1;
        }
      }
    }
  })();
}
