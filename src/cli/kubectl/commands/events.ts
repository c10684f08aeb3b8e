// kubectl events: lists events sorted by when they last happened, or watches for new ones.
// - Flow, errors, sorting, `No events found`: staging/src/k8s.io/kubectl/pkg/cmd/events/events.go
// - Columns and the `2m (x3 over 5m)` interval: staging/src/k8s.io/kubectl/pkg/cmd/events/event_printer.go
// - -o json keeps the typed objects' field order (k8s.io/api/core/v1 Event, ObjectMeta,
//   ObjectReference); -o yaml sorts keys (sigs.k8s.io/yaml).
import type { Event, KubeObject } from '../../../engine/k8s/types';
import { HOUR } from '../../../engine/time';
import { nextEventTime } from '../../../engine/world';
import type { Run } from '../../program';
import { parseTimestamp } from '../../printers/age';
import { eventInterval } from '../../printers/describe/events';
import { goSortByKey } from '../../printers/gosort';
import { toKubectlJson } from '../../printers/json';
import { jsonPath } from '../../printers/jsonpath';
import type { RememberedWidths } from '../../printers/table';
import { escapeTerminal, printRows } from '../../printers/table';
import { toKubectlYaml } from '../../printers/yaml';
import type { KubectlCommand, KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { parseOutputFormat } from '../output';
import { apiVersionOf, buildFilter, listObjects, resolveType } from './get-server';
import { changesBetween } from './get-watch';

const EVENTS_PRINTERS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** A metav1.Time or MicroTime in microseconds since the epoch (MicroTime keeps microseconds). */
function micros(timestamp: string | null | undefined): number | undefined {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return undefined;
  const frac = /\.(\d+)/.exec(timestamp ?? '')?.[1] ?? '';
  return Math.floor(ms / 1000) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6));
}

/** The time `kubectl events` sorts by: the series' last sighting, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  if (e.series) return micros(e.series.lastObservedTime) ?? Number.NEGATIVE_INFINITY;
  return micros(e.lastTimestamp) ?? micros(e.eventTime) ?? Number.NEGATIVE_INFINITY;
}

/** Appends an event's row: its fields escaped, as the events printer writes them. */
function pushEventRow(out: string[], e: Event, now: number, allNamespaces: boolean): void {
  if (allNamespaces) out.push(e.metadata.namespace ?? '');
  out.push(
    eventInterval(e, now),
    escapeTerminal(e.type ?? ''),
    escapeTerminal(e.reason ?? ''),
    `${escapeTerminal(e.involvedObject.kind ?? '')}/${escapeTerminal(e.involvedObject.name ?? '')}`,
    escapeTerminal((e.message ?? '').trim()),
  );
}

/** Keys in the order Go's encoding/json writes the typed structs; undefined values are left out. */
function ordered(
  obj: Record<string, unknown> | undefined,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj?.[k] !== undefined) out[k] = obj[k];
  return out;
}

const META_KEYS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** An Event as the typed client holds it, fields in struct order. */
export function typedEvent(e: Event): Record<string, unknown> {
  return {
    kind: e.kind ?? 'Event',
    apiVersion: e.apiVersion ?? 'v1',
    metadata: ordered(e.metadata as Record<string, unknown>, META_KEYS),
    involvedObject: ordered(e.involvedObject as Record<string, unknown>, [
      'kind',
      'namespace',
      'name',
      'uid',
      'apiVersion',
      'resourceVersion',
      'fieldPath',
    ]),
    ...ordered(e as unknown as Record<string, unknown>, ['reason', 'message']),
    source: ordered(e.source as Record<string, unknown> | undefined, ['component', 'host']),
    firstTimestamp: e.firstTimestamp ?? null,
    lastTimestamp: e.lastTimestamp ?? null,
    ...ordered(e as unknown as Record<string, unknown>, ['count', 'type']),
    eventTime: e.eventTime ?? null,
    ...ordered(e as unknown as Record<string, unknown>, ['series', 'action', 'related']),
    reportingComponent: e.reportingComponent ?? '',
    reportingInstance: e.reportingInstance ?? '',
  };
}

/** Prints what PrintObj gets: the header once (human output), or each object. */
class EventsPrinter {
  private headersPrinted = false;
  private documents = 0;
  private memory: RememberedWidths = { widths: [] };

  constructor(
    private readonly ctx: KubectlContext,
    private readonly format: OutputFormat,
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
  ) {}

  /** `list`: an EventList (the listing) rather than one watched Event. */
  print(events: readonly Event[], list: boolean): string | undefined {
    const now = this.ctx.now;
    switch (this.format.kind) {
      case 'default':
      case 'wide': {
        const columns = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
        if (this.allNamespaces) columns.unshift('NAMESPACE');
        let header: string[] | null = null;
        if (!this.noHeaders && !this.headersPrinted) {
          header = columns;
          this.headersPrinted = true;
        }
        const cells: string[] = [];
        for (const e of events) pushEventRow(cells, e, now, this.allNamespaces);
        this.ctx.out(printRows(header, columns.length, cells, this.memory));
        return undefined;
      }
      case 'name':
        // The name printer refuses a typed list, and kubectl ignores the error.
        if (!list) this.ctx.out(events.map((e) => `event/${e.metadata.name ?? ''}\n`).join(''));
        return undefined;
      default:
        break;
    }
    const data = list
      ? { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) }
      : typedEvent(events[0] as Event);
    switch (this.format.kind) {
      case 'yaml':
        this.ctx.out((this.documents++ > 0 ? '---\n' : '') + toKubectlYaml(data));
        return undefined;
      case 'json':
        this.ctx.out(toKubectlJson(data, { sortKeys: false }));
        return undefined;
      case 'jsonpath': {
        const r = jsonPath(this.format.template, data, {
          allowMissingKeys: true,
          asJson: this.format.asJson,
        });
        if (!r.ok) return r.error;
        this.ctx.out(r.output);
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

function run(ctx: KubectlContext): number | Run {
  const f = ctx.flags;
  const allNamespaces = f.bool('all-namespaces');
  const forObject = f.str('for');
  let fieldSelector = '';
  if (forObject) {
    if (!forObject.includes('/')) return ctx.fail('--for must be in resource/name form');
    const seg = forObject.split('/');
    if (seg.length !== 2)
      return ctx.fail('arguments in resource/name form may not have more than one slash');
    const [typed = '', name = ''] = seg;
    const type = resolveType(typed.toLowerCase(), ctx.reader);
    if (!type) {
      ctx.err(
        `the server doesn't have a resource type "${typed.toLowerCase().split('.')[0] ?? ''}"\n`,
      );
      return 1;
    }
    fieldSelector = `involvedObject.kind=${type.kindName},involvedObject.apiVersion=${apiVersionOf(type)},involvedObject.name=${name}`;
  }
  const outputText = f.str('output');
  let format: OutputFormat = { kind: 'default' };
  if (outputText) {
    const parsed = parseOutputFormat(outputText, EVENTS_PRINTERS);
    if (!parsed.ok) return ctx.fail(parsed.error);
    format = parsed.format;
  }
  const types = [...new Set(f.list('types').flatMap((v) => v.split(',')))].sort();
  for (const t of types) {
    const lower = t.toLowerCase();
    if (lower !== 'normal' && lower !== 'warning')
      return ctx.fail('valid --types are Normal or Warning');
  }
  const wanted = (e: Event): boolean =>
    types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  const eventType = resolveType('events');
  if (!eventType) return ctx.fail('events are not served');
  const namespace = allNamespaces ? undefined : ctx.namespace;
  const listed = listObjects(ctx.reader, eventType, {
    namespace,
    labelSelector: '',
    fieldSelector,
  });
  if (!listed.ok) {
    ctx.err(`${listed.error}\n`);
    return 1;
  }
  const printer = new EventsPrinter(ctx, format, f.bool('no-headers'), allNamespaces);
  const events = (listed.objects as Event[]).filter(wanted);

  if (f.bool('watch')) {
    // A watch without a resourceVersion starts with every existing event, in the server's order.
    for (const ev of events) printer.print([ev], false);
    const filter = buildFilter(eventType, '', fieldSelector);
    const test = (o: KubeObject): boolean => wanted(o as Event) && (!filter.ok || filter.test(o));
    return (function* watching(): Run {
      let state = ctx.world.cluster.objects;
      for (;;) {
        const next = nextEventTime(ctx.world);
        yield next !== undefined && next > ctx.now ? next : ctx.now + HOUR;
        const now = ctx.world.cluster.objects;
        const changes = changesBetween('Event', state, now, namespace, test);
        state = now;
        for (const c of changes) {
          if (c.type === 'DELETED') continue;
          printer.print([c.object as Event], false);
        }
      }
    })();
  }

  if (events.length === 0) {
    ctx.err(
      allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`,
    );
    return 0;
  }
  const sorted = goSortByKey(events, eventTime, (a, b) => a < b);
  const e = printer.print(sorted, true);
  if (e) ctx.err(`error: ${e}\n`);
  return 0;
}

export const eventsCommands: KubectlCommand[] = [
  {
    path: 'events',
    summary: 'list events',
    flags: [
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'chunk-size', type: 'int' },
      { name: 'for', type: 'string' },
      { name: 'no-headers', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
      { name: 'types', type: 'stringArray' },
      { name: 'watch', short: 'w', type: 'bool' },
    ],
    run,
  },
];
