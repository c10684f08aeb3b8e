// `kubectl get -o custom-columns=<spec>`: kubectl's CustomColumnsPrinter
// (k8s.io/kubectl/pkg/cmd/get/customcolumn.go, kubectl 1.32) and the tabwriter it prints through
// (github.com/liggitt/tabwriter as set up in k8s.io/cli-runtime/pkg/printers/tabwriter.go).

import { compileJsonPath, findJsonPathResults, formatGoValue } from './jsonpath';
import type { ParsedTemplate } from './jsonpath';

export interface CustomColumn {
  readonly header: string;
  /** The column's template after kubectl's relaxing, e.g. `{.metadata.name}`; may be empty. */
  readonly fieldSpec: string;
}

export type CustomColumnsSpec =
  { ok: true; columns: CustomColumn[] } | { ok: false; error: string };

/**
 * What kubectl printed. On failure `output` holds what it had already written to stdout (the
 * header, and the rows before the failing one) and `error` what follows `error: ` on stderr.
 */
export type CustomColumnsOutput =
  { ok: true; output: string } | { ok: false; error: string; output: string };

const RELAXED_RE = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPathExpression(
  expr: string,
): { ok: true; template: string } | { ok: false; error: string } {
  if (expr.length === 0) return { ok: true, template: '' };
  const m = RELAXED_RE.exec(expr);
  if (!m)
    return {
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  return { ok: true, template: `{.${m[1] ?? m[2] ?? ''}}` };
}

/** Reads the text after `-o custom-columns=`; errors are kubectl's, as printed after `error: `. */
export function parseCustomColumns(spec: string): CustomColumnsSpec {
  if (spec.length === 0)
    return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const relaxed = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.template });
  }
  return { ok: true, columns };
}

/** kubectl's EscapeTerminal, applied to every cell so a value cannot drive the terminal. */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/**
 * Prints objects as one PrintObj call does: the header once, then a row per object. kubectl passes
 * a List's items here, or the single object it fetched. Column templates are only parsed after
 * the header is written, which is why a bad one still prints the header.
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  opts: { noHeaders: boolean },
): CustomColumnsOutput {
  const w = new TabWriter();
  if (!opts.noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  const templates: ParsedTemplate[] = [];
  for (const c of columns) {
    const parsed = compileJsonPath(c.fieldSpec);
    if (!parsed.ok) return { ok: false, error: parsed.error, output: w.flush() };
    templates.push(parsed.template);
  }
  for (const obj of objects) {
    const cells: string[] = [];
    for (const t of templates) {
      const found = findJsonPathResults(t, obj, true);
      if (!found.ok) return { ok: false, error: found.error, output: w.flush() };
      const values: string[] = [];
      if (found.sets.length === 0 || found.sets[0]?.length === 0) values.push('<none>');
      for (const set of found.sets)
        for (const v of set) values.push(escapeTerminal(formatGoValue(v)));
      cells.push(values.join(','));
    }
    w.write(cells.join('\t') + '\n');
  }
  return { ok: true, output: w.flush() };
}

// kubectl's tabwriter settings: minwidth 6, padding 3, pad with spaces, RememberWidths.
const MIN_WIDTH = 6;
const PADDING = 3;

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/**
 * text/tabwriter as kubectl configures it. Kept local to this printer; the algorithm matters
 * because a value holding a tab or a newline reshapes the table exactly as it does in kubectl.
 * A line with a single cell flushes what came before it, and RememberWidths keeps each column at
 * least as wide as it was before that flush.
 */
class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const line = this.currentLine();
      line.push({ text: this.cell, width: [...this.cell].length, htab: ch === '\t' });
      this.cell = '';
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || line.length === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Writes out everything buffered and returns all output so far. */
  flush(): string {
    if (this.cell.length > 0) {
      // Go's writer has not measured a cell that no tab or newline ended.
      this.currentLine().push({ text: this.cell, width: 0, htab: false });
      this.cell = '';
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
    return this.out;
  }

  private currentLine(): Cell[] {
    const line = this.lines.at(-1);
    if (line) return line;
    const fresh: Cell[] = [];
    this.lines.push(fresh);
    return fresh;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (this.lines[row]?.length ?? 0) - 1) continue;
      this.writeLines(line0, row);
      line0 = row;
      let width = MIN_WIDTH;
      for (; row < line1; row++) {
        const cells = this.lines[row] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column]?.width ?? 0) + PADDING);
      }
      if (this.maxWidths.length < this.widths.length)
        this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
      const remembered = this.maxWidths[column];
      if (remembered === undefined) this.maxWidths.push(width);
      else if (remembered > width) width = remembered;
      else this.maxWidths[column] = width;
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const cells = this.lines[i] ?? [];
      cells.forEach((c, j) => {
        this.out += c.text;
        const w = this.widths[j];
        if (w !== undefined) this.out += ' '.repeat(Math.max(0, w - c.width));
      });
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}
