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

const TAB = 9;
const NEWLINE = 10;
const VTAB = 11;
const FORMFEED = 12;
const CARRIAGE_RETURN = 13;
const ESCAPE = 0x1b;

/** A set of control characters: a bit for each code below 32. */
const controls = (...codes: number[]): number => codes.reduce((set, c) => set | (1 << c), 0);
/** What ends a cell or a line for the writer. */
const WRITER_BREAKS = controls(TAB, NEWLINE, VTAB, FORMFEED);
/** What printableCell changes. */
const TERMINAL_SPECIAL = controls(NEWLINE, FORMFEED, CARRIAGE_RETURN, ESCAPE);
/** What the writer or printableCell treats specially. */
const SPECIAL = WRITER_BREAKS | TERMINAL_SPECIAL;

/**
 * A cell's width in runes, as Go counts it (code points, not UTF-16 units), or -1 when the text
 * holds a control character of the set `stops`.
 */
function cellWidth(s: string, stops = 0): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32) {
      if ((stops & (1 << c)) !== 0) return -1;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Runs of spaces, kept because a large table pads tens of thousands of cells. */
const spaces: string[] = [''];

function spacePad(n: number): string {
  let s = spaces[n];
  if (s === undefined) {
    s = ' '.repeat(n);
    if (n < 256) spaces[n] = s;
  }
  return s;
}

/**
 * Splits text as the writer reads it: `\n` and `\f` end a line, `\t` and `\v` end a cell, and a
 * `\f` also flushes, so the lines before it are laid out on their own. Returns the lines and, for
 * each flush, the index of the first line after it.
 */
function splitCells(text: string): {
  lines: Cell[][];
  flushes: number[];
  endsWithNewline: boolean;
} {
  const lines: Cell[][] = [];
  const flushes: number[] = [];
  let line: Cell[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TAB || c > FORMFEED) continue;
    const cell = text.slice(start, i);
    line.push({ text: cell, width: cellWidth(cell) });
    start = i + 1;
    if (c === TAB || c === VTAB) continue;
    lines.push(line);
    line = [];
    if (c === FORMFEED) flushes.push(lines.length);
  }
  const last = text.charCodeAt(text.length - 1);
  const endsWithNewline = last === NEWLINE || last === FORMFEED;
  if (!endsWithNewline) {
    const cell = text.slice(start);
    line.push({ text: cell, width: cellWidth(cell) });
    lines.push(line);
  }
  return { lines, flushes, endsWithNewline };
}

/**
 * Lays out tab-separated text as Go's text/tabwriter does with the given settings (no flags other
 * than RememberWidths): every tab-terminated cell is padded to its column's width; the text after
 * a line's last tab is not a column cell and is never padded. A column's width is decided over
 * each run of consecutive lines that have a cell in that column. A vertical tab ends a cell like a
 * tab; a formfeed ends a line like a newline (and is written as one) and flushes the writer.
 */
export function tabwrite(
  text: string,
  options: TabWriterOptions = KUBECTL_TABWRITER,
  memory?: RememberedWidths,
): string {
  const remembered = options.rememberWidths ? (memory ?? { widths: [] }) : undefined;
  if (text.length === 0) return '';
  const { lines, flushes, endsWithNewline } = splitCells(text);

  const out: string[] = [];
  const widths: number[] = [];

  const pad = (textWidth: number, cellWidth: number): string => {
    if (options.padChar === '\t') {
      if (options.tabWidth === 0) return '';
      const rounded = Math.ceil(cellWidth / options.tabWidth) * options.tabWidth;
      return '\t'.repeat(Math.ceil((rounded - textWidth) / options.tabWidth));
    }
    return spacePad(cellWidth - textWidth);
  };

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i] ?? [];
      let s = '';
      const last = line.length - 1;
      for (let j = 0; j <= last; j++) {
        const cell = line[j] as Cell;
        s += cell.text;
        const w = widths[j];
        if (w !== undefined && j < last) s += pad(cell.width, w);
      }
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

  let from = 0;
  for (const to of [...flushes, lines.length]) {
    if (to > from) format(from, to);
    from = to;
  }
  return out.join('\n') + (endsWithNewline && out.length > 0 ? '\n' : '');
}

/**
 * Lays out the header (or nothing) and rows given one after the other, `columns` cells to a row,
 * in one pass over the cells when no cell holds a tab, vertical tab, newline or formfeed: each
 * column is then a single block of tabwrite's. With `printable`, row cells go through
 * printableCell first. Undefined for any other table.
 */
function layoutPlainCells(
  header: readonly string[] | null,
  columns: number,
  cells: readonly string[],
  memory: RememberedWidths | undefined,
  printable: boolean,
): string | undefined {
  if (columns === 0 || cells.length % columns !== 0) return undefined;
  if (header && header.length !== columns) return undefined;
  const padded = columns - 1;
  const first = header ? 1 : 0;
  const rows = cells.length / columns;
  // Line l's cells are header (l = 0) or shown[(l - first) * columns ...]; cell widths likewise.
  let shown = cells;
  const cellWidths = new Int32Array((rows + first) * columns);
  const widths = new Array<number>(padded).fill(0);
  if (header) {
    for (let j = 0; j < columns; j++) {
      const w = cellWidth(header[j] as string, WRITER_BREAKS);
      if (w < 0) return undefined;
      cellWidths[j] = w;
      if (j < padded && w > (widths[j] as number)) widths[j] = w;
    }
  }
  for (let k = 0; k < cells.length; k++) {
    let w = cellWidth(cells[k] as string, SPECIAL);
    if (w < 0) {
      const text = printable ? printableCell(cells[k] as string) : (cells[k] as string);
      if (text !== cells[k]) {
        if (shown === cells) shown = cells.slice();
        (shown as string[])[k] = text;
      }
      w = cellWidth(text, WRITER_BREAKS);
      if (w < 0) return undefined;
    }
    const j = k % columns;
    cellWidths[first * columns + k] = w;
    if (j < padded && w > (widths[j] as number)) widths[j] = w;
  }
  const { minWidth, padding } = KUBECTL_TABWRITER;
  for (let j = 0; j < padded; j++) {
    let width = Math.max(minWidth, (widths[j] as number) + padding);
    if (memory) {
      // Each column is one block, taken in order, so the remembered widths grow one at a time.
      const previous = memory.widths[j];
      if (previous === undefined) memory.widths.push(width);
      else if (previous > width) width = previous;
      else memory.widths[j] = width;
    }
    widths[j] = width;
  }
  // One string grown a piece at a time: the engine keeps it as a rope and copies it once.
  let out = '';
  const line = (texts: readonly string[], from: number, at: number): void => {
    for (let j = 0; j < padded; j++) {
      out += texts[from + j] as string;
      out += spacePad((widths[j] as number) - (cellWidths[at + j] as number));
    }
    out += texts[from + padded] as string;
    out += '\n';
  };
  if (header) line(header, 0, 0);
  for (let r = 0; r < rows; r++) line(shown, r * columns, (first + r) * columns);
  return out;
}

/** The tab-separated text of a header (or none) and rows given cell after cell. */
function tableText(
  header: readonly string[] | null,
  columns: number,
  cells: readonly string[],
): string {
  let text = header ? header.join('\t') + '\n' : '';
  for (let k = 0; k < cells.length; k++) text += cells[k] + ((k + 1) % columns === 0 ? '\n' : '\t');
  return text;
}

/**
 * What kubectl's printTable writes for a header (already upper-case, or null for --no-headers)
 * and rows given one after the other, `columns` cells to a row: each row cell through
 * printableCell, then laid out as renderTable does. A large table needs no array per row.
 */
export function printRows(
  header: readonly string[] | null,
  columns: number,
  cells: readonly string[],
  memory?: RememberedWidths,
): string {
  if (!header && cells.length === 0) return '';
  const remembered = memory ?? { widths: [] };
  const plain = layoutPlainCells(header, columns, cells, remembered, true);
  if (plain !== undefined) return plain;
  return tabwrite(
    tableText(header, columns, cells.map(printableCell)),
    KUBECTL_TABWRITER,
    remembered,
  );
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
  if (!header && rows.length === 0) return '';
  const remembered = memory ?? { widths: [] };
  const columns = (header ?? rows[0] ?? []).length;
  if (rows.every((row) => row.length === columns)) {
    const plain = layoutPlainCells(header, columns, rows.flat(), remembered, false);
    if (plain !== undefined) return plain;
  }
  const lines = header ? [header, ...rows] : rows;
  return tabwrite(
    lines.map((cells) => cells.join('\t') + '\n').join(''),
    KUBECTL_TABWRITER,
    remembered,
  );
}

/**
 * A cell's text as printTable writes it: cut at the first line break with `...` appended, and
 * terminal escape characters made visible.
 */
export function printableCell(value: string): string {
  // Most cells hold none of these characters, and are printed as they are.
  if (cellWidth(value, TERMINAL_SPECIAL) >= 0) return value;
  const cut = value.search(CELL_BREAK);
  const escaped = escapeTerminal(cut >= 0 ? value.slice(0, cut) : value);
  return cut >= 0 ? escaped + '...' : escaped;
}

// Formfeed is a line break for the tab writer, so it truncates a cell too.
const CELL_BREAK = /[\f\n\r]/;

/** terminal.go's EscapeTerminal: the escape character and carriage returns made visible. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}
