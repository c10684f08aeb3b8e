// kubectl's human-readable tables: cells joined with tabs, then laid out by a tab writer.
// - Writer settings: staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go
//   (minwidth 6, tabwidth 4, padding 3, padchar ' ', flags RememberWidths), which drives
//   github.com/liggitt/tabwriter, a fork of Go's text/tabwriter that can remember column widths.
// - Cell text: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (printTable) and
//   terminal.go (WriteEscaped).

export interface TabWriterOptions {
  /** Minimal cell width including any padding. */
  minWidth: number;
  /** Width of a tab character; only used when padChar is a tab. */
  tabWidth: number;
  /** Padding added to the widest cell of a column. */
  padding: number;
  padChar: ' ' | '\t';
  /** liggitt/tabwriter's RememberWidths flag (see RememberedWidths). */
  rememberWidths: boolean;
}

/** The settings of printers.GetNewTabWriter, used by `kubectl get`. */
export const KUBECTL_TABWRITER: Readonly<TabWriterOptions> = {
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
};

/**
 * Column widths a writer remembers between flushes (liggitt/tabwriter's RememberWidths): a column
 * never gets narrower than it was in an earlier flush, so a `kubectl get -w` stream stays aligned.
 * Pass the same object to successive calls; start each new table with a fresh one.
 */
export interface RememberedWidths {
  widths: number[];
}

interface Cell {
  text: string;
  width: number;
}

/** Go counts a cell's width in runes (code points), not UTF-16 units. */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Lays out tab-separated text as Go's text/tabwriter does with the given settings (no flags other
 * than RememberWidths): every tab-terminated cell is padded to its column's width; the text after
 * a line's last tab is not a column cell and is never padded. A column's width is decided over
 * each run of consecutive lines that have a cell in that column.
 */
export function tabwrite(
  text: string,
  options: TabWriterOptions = KUBECTL_TABWRITER,
  memory?: RememberedWidths,
): string {
  const remembered = options.rememberWidths ? (memory ?? { widths: [] }) : undefined;
  const rawLines = text.split('\n');
  const endsWithNewline = rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((line) =>
    line.split('\t').map((t) => ({ text: t, width: runeCount(t) })),
  );

  const out: string[] = [];
  const widths: number[] = [];

  const pad = (textWidth: number, cellWidth: number): string => {
    if (options.padChar === '\t') {
      if (options.tabWidth === 0) return '';
      const rounded = Math.ceil(cellWidth / options.tabWidth) * options.tabWidth;
      return '\t'.repeat(Math.ceil((rounded - textWidth) / options.tabWidth));
    }
    return ' '.repeat(cellWidth - textWidth);
  };

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i] ?? [];
      let s = '';
      line.forEach((cell, j) => {
        s += cell.text;
        const w = widths[j];
        if (w !== undefined && j < line.length - 1) s += pad(cell.width, w);
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue;
      // A block of consecutive lines with a cell in this column starts here.
      writeLines(start, i);
      start = i;
      let width = options.minWidth;
      for (; i < line1; i++) {
        const line = lines[i] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, (line[column]?.width ?? 0) + options.padding);
      }
      if (remembered) {
        const max = remembered.widths;
        if (max.length < column) max.push(...widths.slice(max.length));
        const previous = max[column];
        if (previous === undefined) max.push(width);
        else if (previous > width) width = previous;
        else max[column] = width;
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      // Line i has no cell in this column, so the loop may step over it; it is written later.
      start = i;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline && out.length > 0 ? '\n' : '');
}

/**
 * A kubectl table: header (already upper-case, or null for --no-headers) and rows of cells, one
 * line each, every line ending with a newline. Columns are separated by at least three spaces;
 * the last column is not padded. Empty input gives ''.
 */
export function renderTable(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  memory?: RememberedWidths,
): string {
  const lines = header ? [header, ...rows] : rows;
  if (lines.length === 0) return '';
  return tabwrite(
    lines.map((cells) => cells.join('\t') + '\n').join(''),
    KUBECTL_TABWRITER,
    memory,
  );
}

// Formfeed is a line break for the tab writer, so it truncates a cell too.
const CELL_BREAK = /[\f\n\r]/;

/**
 * A cell's text as printTable writes it: cut at the first line break with `...` appended, and
 * terminal escape characters made visible.
 */
export function printableCell(value: string): string {
  const i = value.search(CELL_BREAK);
  const shown = i >= 0 ? value.slice(0, i) : value;
  const escaped = shown.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
  return i >= 0 ? escaped + '...' : escaped;
}
