// How bash keeps a command that took several lines in its history (cmdhist on, lithist off).
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
