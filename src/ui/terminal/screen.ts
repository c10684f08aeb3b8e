// Screen geometry: where text drawn from a column lands on a terminal that wraps at its margin,
// how to redraw a line in place, and readline's column layout for a completion listing.

/** Row and column (from the prompt's row) of `offset` in `text` drawn from column `origin`. */
export function locate(
  text: string,
  offset: number,
  origin: number,
  width: number,
): { row: number; col: number } {
  let row = 0;
  let col = origin;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      row++;
      col = 0;
      continue;
    }
    if (col >= width) {
      row++;
      col = 0;
    }
    col++;
  }
  // A cursor after a full row sits at the start of the next one.
  if (col >= width) return { row: row + 1, col: 0 };
  return { row, col };
}

/** The cursor's column after `text` is written from `col` (escape sequences understood). */
export function advanceColumn(col: number, text: string, width: number): number {
  let c = col;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\x1b') {
      const csi = /^\[([0-9;?]*)[\x20-\x2f]*([\x40-\x7e])/.exec(text.slice(i + 1));
      if (csi) {
        const n = Number((csi[1] ?? '').split(';')[0]) || 1;
        const f = csi[2];
        if (f === 'C') c = Math.min(width - 1, Math.min(c, width - 1) + n);
        else if (f === 'D') c = Math.max(0, Math.min(c, width - 1) - n);
        else if (f === 'G') c = Math.min(width - 1, n - 1);
        else if (f === 'H' || f === 'f')
          c = Math.min(width - 1, (Number(csi[1]?.split(';')[1]) || 1) - 1);
        i += csi[0].length;
      } else if (text[i + 1] === ']') {
        // An operating system command (a window title) runs to BEL or ST and shows nothing.
        const bel = text.indexOf('\x07', i);
        const st = text.indexOf('\x1b\\', i + 1);
        const ends = [bel, st >= 0 ? st + 1 : -1].filter((n) => n >= 0);
        i = ends.length > 0 ? Math.min(...ends) : text.length;
      } else i++;
    } else if (ch === '\r' || ch === '\n') c = 0;
    else if (ch === '\b') c = Math.max(0, Math.min(c, width - 1) - 1);
    else if (ch === '\t') c = Math.min(width - 1, (Math.floor(c / 8) + 1) * 8);
    else if (ch >= ' ') c = (c >= width ? 0 : c) + 1;
  }
  return c;
}

export interface View {
  text: string;
  cursor: number;
}

/**
 * Redraws a prompt and line: back to where the prompt starts, erase below, write, then put the
 * cursor in place. A line that ends exactly at the right margin gets a CRLF, so that the cursor
 * really is on the next row (a terminal otherwise leaves it pending at the margin).
 */
export function redraw(prev: View | null, next: View, origin: number, width: number): string {
  let out = '';
  const end = locate(next.text, next.text.length, origin, width);
  const wrapFix = end.col === 0 && end.row > 0 && !next.text.endsWith('\n') ? '\r\n' : '';
  if (
    prev &&
    next.text.startsWith(prev.text) &&
    prev.cursor === prev.text.length &&
    next.cursor === next.text.length &&
    !next.text.slice(prev.text.length).includes('\n')
  ) {
    const added = next.text.slice(prev.text.length);
    return added ? `${added}${wrapFix}` : '';
  }
  if (prev) {
    const p = locate(prev.text, prev.cursor, origin, width);
    if (p.row > 0) out += `\x1b[${p.row}A`;
    out += '\r';
    if (origin > 0) out += `\x1b[${origin}C`;
    out += '\x1b[J';
  }
  out += next.text.replace(/\n/g, '\r\n') + wrapFix;
  const c = locate(next.text, next.cursor, origin, width);
  if (end.row > c.row) out += `\x1b[${end.row - c.row}A`;
  if (end.col !== c.col) out += c.col > 0 ? `\r\x1b[${c.col}C` : '\r';
  return out;
}

/** From the cursor to a fresh row below the line (no blank row after a line that filled its last). */
export function newlineAfter(view: View, origin: number, width: number): string {
  const c = locate(view.text, view.cursor, origin, width);
  const end = locate(view.text, view.text.length, origin, width);
  const down = end.row > c.row ? `\x1b[${end.row - c.row}B` : '';
  const filled = end.col === 0 && end.row > 0 && !view.text.endsWith('\n');
  return `${down}${filled ? '\r' : '\r\n'}`;
}

/** Candidates in columns, top to bottom, as readline's rl_display_match_list lays them out. */
export function formatColumns(items: readonly string[], width: number): string[] {
  const max = Math.max(...items.map((i) => i.length)) + 2;
  let limit = Math.floor(width / max);
  if (limit !== 1 && limit * max === width) limit--;
  if (limit === 0) limit = 1;
  const count = Math.ceil(items.length / limit);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    let row = '';
    for (let j = 0; j < limit; j++) {
      const item = items[i + j * count];
      if (item === undefined) break;
      row += item;
      if (j + 1 < limit) row += ' '.repeat(Math.max(1, max - item.length));
    }
    rows.push(row);
  }
  return rows;
}
