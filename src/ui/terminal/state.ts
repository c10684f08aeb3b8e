// The editor's state and what it shows: the prompt, the line, and the search prompt over it.
import { historyLine } from './history';
import { redraw, type View } from './screen';

export interface SearchState {
  query: string;
  /** History index of the line shown, -1 before anything matched. */
  index: number;
  /** Where in that line the match starts. */
  pos: number;
  failed: boolean;
  original: { buffer: string; cursor: number; historyIndex: number | null };
}

export interface EditorState {
  buffer: string;
  cursor: number;
  /** Lines already entered of a command that continues (`\`, an open quote, a trailing |). */
  lines: readonly string[];
  /** Which history entry is shown; null while editing a new line. */
  historyIndex: number | null;
  /** The new line, kept while browsing history. */
  draft: string;
  search: SearchState | null;
  lastSearch: string;
  /** Candidates waiting for the answer to "Display all N possibilities?". */
  query: readonly string[] | null;
  killed: string;
  lastKey: 'tab' | 'kill' | 'other';
  /** The column the prompt starts at (output that did not end with a newline pushes it right). */
  origin: number;
  /** False from a submitted command until its prompt comes back. */
  active: boolean;
}

export type EditorEffect =
  | { type: 'write'; text: string }
  /** Text shown that is neither a command's output nor its echo, for the saved transcript. */
  | { type: 'echo'; text: string }
  | { type: 'submit'; text: string }
  | { type: 'interrupt' };

export interface EditorContext {
  history: readonly string[];
  columns: number;
  complete?: (line: string, cursor: number) => { start: number; candidates: string[] };
  ps1?: string;
  ps2?: string;
}

export interface StepResult {
  state: EditorState;
  effects: EditorEffect[];
}

export function initialState(origin = 0): EditorState {
  return {
    buffer: '',
    cursor: 0,
    lines: [],
    historyIndex: null,
    draft: '',
    search: null,
    lastSearch: '',
    query: null,
    killed: '',
    lastKey: 'other',
    origin,
    active: true,
  };
}

/** A fresh prompt after a command (history browsing and search reset; the kill ring kept). */
export function freshPrompt(state: EditorState, origin: number): EditorState {
  return { ...initialState(origin), killed: state.killed, lastSearch: state.lastSearch };
}

export const ps1 = (ctx: EditorContext) => ctx.ps1 ?? '$ ';
export const ps2 = (ctx: EditorContext) => ctx.ps2 ?? '> ';

export function searchLine(s: EditorState, ctx: EditorContext): string {
  const q = s.search;
  if (!q) return s.buffer;
  const entry = ctx.history[q.index];
  return entry === undefined ? q.original.buffer : historyLine(entry);
}

/** What the current row shows: the prompt (or the search prompt) and the line. */
export function view(s: EditorState, ctx: EditorContext): View {
  const q = s.search;
  if (q) {
    const prefix = `(${q.failed ? 'failed ' : ''}reverse-i-search)\`${q.query}': `;
    const pos = q.index < 0 ? q.original.cursor : q.pos;
    return { text: prefix + searchLine(s, ctx), cursor: prefix.length + pos };
  }
  const prompt = s.lines.length > 0 ? ps2(ctx) : ps1(ctx);
  return { text: prompt + s.buffer, cursor: prompt.length + s.cursor };
}

/** Everything of the command being typed that is on screen, continuation lines included. */
export function screenText(s: EditorState, ctx: EditorContext): string {
  const earlier = s.lines.map((l, i) => `${i === 0 ? ps1(ctx) : ps2(ctx)}${l}\n`).join('');
  return earlier + view(s, ctx).text;
}

/** The first prompt: nothing to erase, the cursor already where the prompt goes. */
export function drawPrompt(s: EditorState, ctx: EditorContext): string {
  return redraw(null, view(s, ctx), s.origin, ctx.columns);
}

export const BELL: EditorEffect = { type: 'write', text: '\x07' };

/** Replaces [from, to) of the line with `text`, cursor after it. */
export function splice(s: EditorState, from: number, to: number, text: string): EditorState {
  return {
    ...s,
    buffer: s.buffer.slice(0, from) + text + s.buffer.slice(to),
    cursor: from + text.length,
  };
}
