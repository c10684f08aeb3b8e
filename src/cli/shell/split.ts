// Cuts a whole script into the commands bash would read one at a time (DESIGN.md §4.1): a line,
// or the lines joined by a trailing `\`, an open quote, a trailing | && ||, or a here-document's
// body up to its delimiter. A line bash rejects as a syntax error is a command too: the runner
// prints the error.
import { parseSyntax } from './parse';

export interface ScriptCommand {
  /** All its physical lines joined with `\n`, as typed. */
  text: string;
  /** 1-based line of its first physical line. */
  line: number;
}

/** False while bash would show the `> ` continuation prompt and wait for another line. */
export function isComplete(text: string): boolean {
  const r = parseSyntax(text);
  return r.ok || !('incomplete' in r);
}

export function splitCommands(input: string): ScriptCommand[] {
  const lines = input.split('\n');
  if (input.endsWith('\n')) lines.pop();
  const out: ScriptCommand[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let text = lines[i] ?? '';
    let r = parseSyntax(text);
    while (!r.ok && 'incomplete' in r && i + 1 < lines.length) {
      // A long here-document is only scanned for its delimiter lines, then parsed once.
      let awaited = r.heredocs ?? [];
      do {
        i++;
        const line = lines[i] ?? '';
        text += `\n${line}`;
        const h = awaited[0];
        if (h && (h.stripTabs ? line.replace(/^\t+/, '') : line) === h.delimiter) {
          awaited = awaited.slice(1);
        }
      } while (awaited.length > 0 && i + 1 < lines.length);
      r = parseSyntax(text);
    }
    i++;
    // Blank lines and comments produce nothing, as in bash.
    if (r.ok && r.items.length === 0) continue;
    out.push({ text, line: start + 1 });
  }
  return out;
}
