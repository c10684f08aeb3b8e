// The text machinery every describer shares: kubectl's PrefixWriter over a tab writer, and the
// multi-line label, annotation, taint and toleration blocks.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): prefixWriter,
// tabbedString (tabwriter.Init(buf, 0, 8, 2, ' ', 0)), printLabelsMultilineWithIndent,
// printAnnotationsMultiline, printTaintsMultilineWithIndent, printTolerationsMultilineWithIndent;
// staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go (WriteEscaped).
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../age';
import { escapeTerminal, tabwrite, type TabWriterOptions } from '../table';
import { goSort } from '../gosort';

const DESCRIBE_TABWRITER: Readonly<TabWriterOptions> = {
  minWidth: 0,
  tabWidth: 8,
  padding: 2,
  padChar: ' ',
  rememberWidths: false,
};

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/**
 * Collects describe output. Each level indents two spaces. Tabs separate cells; the tab writer
 * lays out every segment between flushes on its own, which is why the events table (written
 * after a flush) does not widen the columns above it.
 */
export class PrefixWriter {
  private readonly segments: string[] = [];
  private current = '';

  write(level: number, text: string): void {
    this.current += escapeTerminal('  '.repeat(level) + text);
  }

  /** Go's fmt.Sprintln of one value: the text and a newline, with no indentation. */
  writeLine(text: string): void {
    this.current += escapeTerminal(text + '\n');
  }

  flush(): void {
    this.segments.push(this.current);
    this.current = '';
  }

  render(): string {
    return [...this.segments, this.current]
      .map((segment) => (segment ? tabwrite(segment, DESCRIBE_TABWRITER) : ''))
      .join('');
  }
}

/** Go's sort.Strings: byte-wise order, not locale order. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(map: Readonly<Record<string, string>> | undefined): string[] {
  return Object.keys(map ?? {}).sort(byteOrder);
}

export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

// kubectl never shows the client-side apply annotation.
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, maxLength: number): string {
  // Go slices bytes; annotations are almost always ASCII, so characters stand in for bytes.
  return s.length > maxLength ? s.slice(0, maxLength) + '...' : s;
}

export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIPPED_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

export function taintToString(taint: Taint): string {
  return taint.value
    ? `${taint.key}=${taint.value}:${taint.effect}`
    : `${taint.key}:${taint.effect}`;
}

export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort(taints, (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  sorted.forEach((taint, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(taint)}\n`);
  });
}

export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort(tolerations, (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let line = t.key ?? '';
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    // `operator: Exists` with no value tolerates everything matching the key (or every key).
    if (t.operator === 'Exists' && !t.value) {
      line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    }
    if (t.tolerationSeconds !== undefined) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's time.RFC1123Z layout in UTC, the zone the simulated terminal runs in. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()] ?? ''}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ` +
    `${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** A metav1.Time as describe prints it; an unset time is Go's zero time. */
export function formatTime(timestamp: string | null | undefined): string {
  const ms = parseTimestamp(timestamp);
  return ms === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : formatRFC1123Z(ms);
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** Go's printBool: `True` / `False`. */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False';
}

/** Runs a describer body and lays its output out. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.render();
}
