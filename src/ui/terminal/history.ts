// History as bash shows it: a multi-line entry on one line, and the backward search through it.

/**
 * A history entry as bash shows it on Up: backslash-newlines dropped, other newlines outside
 * quotes joined with `; ` (or a space after | && ||); here-documents keep their lines.
 */
export function historyLine(entry: string): string {
  if (!entry.includes('\n') || /<<-?\s*['"]?[\w-]/.test(entry)) return entry;
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i] as string;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < entry.length) out += entry[++i];
    } else if (c === '\\') {
      if (entry[i + 1] !== '\n') out += c + (entry[i + 1] ?? '');
      i++;
    } else if (c === '\n') {
      const t = out.trimEnd();
      out = /(\||&&|;)$/.test(t) ? `${t} ` : `${t}; `;
    } else {
      if (c === "'" || c === '"') quote = c;
      out += c;
    }
  }
  return out;
}

/** Finds `query` at or before (index, pos), then in older entries; skips a line just found. */
export function findBackward(
  history: readonly string[],
  query: string,
  index: number,
  pos: number,
  skip: string | undefined,
): { index: number; pos: number } | null {
  for (let i = Math.min(index, history.length - 1); i >= 0; i--) {
    const line = historyLine(history[i] as string);
    if (i !== index && line === skip) continue;
    const p = i === index ? (pos < 0 ? -1 : line.lastIndexOf(query, pos)) : line.lastIndexOf(query);
    if (p >= 0) return { index: i, pos: p };
  }
  return null;
}
