// What the lesson text needs from Markdown besides the tokens: which code blocks can go on the
// prompt, a `console` block read as commands and their output, and links and entities made safe to
// show. Pure, so that it is tested without a page.
import { marked, type Token } from 'marked';

/** The blocks and inline pieces of a Markdown text, as `marked` reads it (GitHub's dialect). */
export function lex(text: string): Token[] {
  return marked.lexer(text, { gfm: true });
}

/**
 * What a fenced block offers: shell lines can be pasted and copied; a `console` transcript has
 * each of its commands pasted on its own; anything else (YAML, JSON, output) is only copied.
 */
export type CodeKind = 'shell' | 'console' | 'copy';

const SHELL = new Set(['', 'bash', 'sh', 'shell', 'zsh']);

export function codeKind(info: string | undefined): CodeKind {
  // The info string may carry more than the language (`console after`).
  const lang = (info ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (lang === 'console') return 'console';
  return SHELL.has(lang) ? 'shell' : 'copy';
}

/** A line of a transcript: a command (as it would be typed) with what shows for it, or output. */
export type TranscriptPart =
  { kind: 'command'; command: string; shown: string } | { kind: 'output'; text: string };

/**
 * A `console` block as the lesson format reads it: `$ ` starts a command, a command ending in `\`
 * goes on with the `> ` lines after it, everything else is output (consecutive lines together).
 */
export function transcript(body: string): TranscriptPart[] {
  const parts: TranscriptPart[] = [];
  const lines = body.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('$ ')) {
      let command = line.slice(2);
      let shown = line;
      while (command.endsWith('\\') && lines[i + 1]?.startsWith('> ')) {
        const next = lines[++i] as string;
        command += `\n${next.slice(2)}`;
        shown += `\n${next}`;
      }
      parts.push({ kind: 'command', command, shown });
      continue;
    }
    const last = parts.at(-1);
    if (last?.kind === 'output') last.text += `\n${line}`;
    else parts.push({ kind: 'output', text: line });
  }
  return parts;
}

/** A shell block's text as it goes on the prompt: without the blank lines around it. */
export function pasteText(body: string): string {
  return body.replace(/^\s*\n/, '').trimEnd();
}

/**
 * A link's address when it is safe to follow from the page (web, mail, or a place in it);
 * undefined for anything else (`javascript:`, `data:`), which is shown as plain text.
 */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (h.startsWith('#')) return h;
  try {
    const url = new URL(h);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:'
      ? h
      : undefined;
  } catch {
    return undefined;
  }
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rarr: '→',
  larr: '←',
  copy: '©',
};

/**
 * Character references in text, as a browser would show them. `marked` leaves them for the HTML
 * it would write; the page writes text nodes, so they are resolved here.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A command on one line, cut to `max` characters: a check's label in the step's list. */
export function shortCommand(command: string, max = 60): string {
  const one = command
    .replace(/\\\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** The heading level a Markdown heading gets inside the panel (its own headings come first). */
export function headingLevel(depth: number, below = 3): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, depth + below)) as 1 | 2 | 3 | 4 | 5 | 6;
}
