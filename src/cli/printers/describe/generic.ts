// `kubectl describe event`: kubectl has no describer for Events, so it uses its generic one, which
// prints every field of the object as the API server serialized it.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): genericDescriber,
// printUnstructuredContent, smartLabelFor; github.com/fatih/camelcase (Split).
import type { Event } from 'kubernetes-types/core/v1';
import type { DescribeContext } from './context';
import { describeEvents, objectEvents } from './events';
import {
  LEVEL_0,
  byteOrder,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
  type PrefixWriter,
} from './writer';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function charClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** fatih/camelcase.Split: `involvedObject` → `involved`, `Object`; `PDFLoader` → `PDF`, `Loader`. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const cls = charClass(ch);
    const run = runs[runs.length - 1];
    if (cls === last && run) run.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (charClass(cur[0] ?? '') === 2 && charClass(next[0] ?? '') === 1) {
      const moved = cur.pop();
      if (moved !== undefined) next.unshift(moved);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => {
      const upper = part.toUpperCase();
      if (ACRONYMS.has(upper)) return upper;
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join(' ');
}

/** Go's %v of a decoded JSON value. */
function goValue(v: Json): string {
  if (v === null) return '<nil>';
  return String(v);
}

function printContent(
  w: PrefixWriter,
  level: number,
  content: { [key: string]: Json },
  prefix: string,
  skip: ReadonlySet<string>,
): void {
  for (const field of Object.keys(content).sort(byteOrder)) {
    const value = content[field] ?? null;
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          printContent(w, level + 1, child, path, skip);
        } else {
          w.write(level + 1, `${goValue(child)}\n`);
        }
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value, path, skip);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/**
 * The Event as the API server sends it: zero times are `null`, and reportingComponent and
 * reportingInstance are always present (they have no omitempty).
 */
function serialized(e: Event): { [key: string]: Json } {
  const json = JSON.parse(JSON.stringify(e)) as { [key: string]: Json };
  return {
    apiVersion: 'v1',
    kind: 'Event',
    eventTime: null,
    firstTimestamp: null,
    lastTimestamp: null,
    reportingComponent: '',
    reportingInstance: '',
    source: {},
    ...json,
  };
}

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

export function describeEvent(e: Event, ctx: DescribeContext): string {
  const meta = e.metadata ?? {};
  const events = objectEvents(ctx.reader, 'Event', meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printContent(w, LEVEL_0, serialized(e), '', SKIP);
    describeEvents(events, w, ctx.now);
  });
}
