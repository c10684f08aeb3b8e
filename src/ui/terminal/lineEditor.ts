// The terminal's readline, as pure functions: keys in (parsed from xterm's onData strings), a new
// state and effects out (what to write, what to keep in the transcript, a command to run, an
// interrupt). Behaviour follows GNU readline as bash uses it: emacs editing keys, history,
// reverse-i-search, completion listing, the `> ` continuation prompt. The TerminalController
// at the end adds what a tty adds: typed-ahead input queued and echoed while a command runs.
import type { DriverRecord } from '../../cli/driver';
import { isComplete } from '../../cli/shell/split';

// ---- keys ----

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'tab'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'wordLeft'
  | 'wordRight'
  | 'killWordLeft'
  | 'killWordRight'
  | 'escape'
  | 'ignored';

/** Printable text, a named key, or Ctrl with a letter (`ctrl: 'a'`). `raw` is what was sent. */
export type Key =
  | { t: 'text'; text: string; raw: string }
  | { t: 'key'; name: KeyName; raw: string }
  | { t: 'ctrl'; ctrl: string; raw: string };

const CSI_KEYS: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '1;5C': 'wordRight',
  '1;3C': 'wordRight',
  '1;5D': 'wordLeft',
  '1;3D': 'wordLeft',
};
const ALT_KEYS: Record<string, KeyName> = {
  b: 'wordLeft',
  f: 'wordRight',
  d: 'killWordRight',
  '\x7f': 'killWordLeft',
  '\b': 'killWordLeft',
};

/** Splits what xterm sends into keys; a run of printable characters is one key. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  const named = (name: KeyName, raw: string) => keys.push({ t: 'key', name, raw });
  while (i < data.length) {
    const c = data[i] as string;
    if (c === '\x1b') {
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        const m = /^[0-9;?]*[\x20-\x2f]*[\x40-\x7e]/.exec(data.slice(i + 2));
        const body = m ? m[0] : '';
        const raw = data.slice(i, i + 2 + body.length);
        named(CSI_KEYS[body] ?? 'ignored', raw);
        i += raw.length;
      } else if (next === undefined || next === '\x1b') {
        named('escape', c);
        i++;
      } else {
        named(ALT_KEYS[next] ?? 'ignored', data.slice(i, i + 2));
        i += 2;
      }
    } else if (c === '\r' || c === '\n') {
      const raw = c === '\r' && data[i + 1] === '\n' ? '\r\n' : c;
      named('enter', raw);
      i += raw.length;
    } else if (c === '\x7f' || c === '\b') {
      named('backspace', c);
      i++;
    } else if (c === '\t') {
      named('tab', c);
      i++;
    } else if (c < ' ') {
      keys.push({ t: 'ctrl', ctrl: String.fromCharCode(c.charCodeAt(0) + 96), raw: c });
      i++;
    } else {
      let j = i;
      while (j < data.length && (data[j] as string) >= ' ' && data[j] !== '\x7f') j++;
      keys.push({ t: 'text', text: data.slice(i, j), raw: data.slice(i, j) });
      i = j;
    }
  }
  return keys;
}

// ---- screen geometry ----

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

interface View {
  text: string;
  cursor: number;
}

/**
 * Redraws a prompt and line: back to where the prompt starts, erase below, write, then put the
 * cursor in place. A line that ends exactly at the right margin gets a CRLF, so that the cursor
 * really is on the next row (a terminal otherwise leaves it pending at the margin).
 */
function redraw(prev: View | null, next: View, origin: number, width: number): string {
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
function newlineAfter(view: View, origin: number, width: number): string {
  const c = locate(view.text, view.cursor, origin, width);
  const end = locate(view.text, view.text.length, origin, width);
  const down = end.row > c.row ? `\x1b[${end.row - c.row}B` : '';
  const filled = end.col === 0 && end.row > 0 && !view.text.endsWith('\n');
  return `${down}${filled ? '\r' : '\r\n'}`;
}

// ---- completion listing (readline's rl_display_match_list) ----

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

function commonPrefix(items: readonly string[]): string {
  let p = items[0] ?? '';
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** How many candidates readline lists without asking first (completion-query-items). */
export const QUERY_ITEMS = 100;

// ---- history ----

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

// ---- the editor ----

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

const ps1 = (ctx: EditorContext) => ctx.ps1 ?? '$ ';
const ps2 = (ctx: EditorContext) => ctx.ps2 ?? '> ';

function searchLine(s: EditorState, ctx: EditorContext): string {
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
function screenText(s: EditorState, ctx: EditorContext): string {
  const earlier = s.lines.map((l, i) => `${i === 0 ? ps1(ctx) : ps2(ctx)}${l}\n`).join('');
  return earlier + view(s, ctx).text;
}

/** The first prompt: nothing to erase, the cursor already where the prompt goes. */
export function drawPrompt(s: EditorState, ctx: EditorContext): string {
  return redraw(null, view(s, ctx), s.origin, ctx.columns);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

function wordLeft(b: string, i: number, word = isWordChar): number {
  while (i > 0 && !word(b[i - 1])) i--;
  while (i > 0 && word(b[i - 1])) i--;
  return i;
}
function wordRight(b: string, i: number): number {
  while (i < b.length && !isWordChar(b[i])) i++;
  while (i < b.length && isWordChar(b[i])) i++;
  return i;
}
const charLeft = (b: string, i: number) =>
  i >= 2 && /[\uDC00-\uDFFF]/.test(b[i - 1] ?? '') ? i - 2 : Math.max(0, i - 1);
const charRight = (b: string, i: number) =>
  /[\uD800-\uDBFF]/.test(b[i] ?? '') ? Math.min(b.length, i + 2) : Math.min(b.length, i + 1);

const BELL: EditorEffect = { type: 'write', text: '\x07' };

/** Replaces [from, to) of the line with `text`, cursor after it. */
function splice(s: EditorState, from: number, to: number, text: string): EditorState {
  return {
    ...s,
    buffer: s.buffer.slice(0, from) + text + s.buffer.slice(to),
    cursor: from + text.length,
  };
}

/** Kills [from, to); consecutive kills collect into one piece of text, as readline's do. */
function kill(s: EditorState, from: number, to: number, backward: boolean): EditorState {
  const piece = s.buffer.slice(from, to);
  const joined = s.lastKey !== 'kill' ? piece : backward ? piece + s.killed : s.killed + piece;
  return { ...splice(s, from, to, ''), killed: joined, lastKey: 'kill' };
}

function moveHistory(s: EditorState, ctx: EditorContext, delta: -1 | 1): StepResult | EditorState {
  const at = s.historyIndex ?? ctx.history.length;
  const to = at + delta;
  if (to < 0 || (s.historyIndex === null && delta > 0)) return { state: s, effects: [BELL] };
  if (to >= ctx.history.length)
    return { ...s, buffer: s.draft, cursor: s.draft.length, historyIndex: null };
  const line = historyLine(ctx.history[to] as string);
  return {
    ...s,
    buffer: line,
    cursor: line.length,
    historyIndex: to,
    draft: s.historyIndex === null ? s.buffer : s.draft,
  };
}

/** Finds `query` at or before (index, pos), then in older entries; skips a line just found. */
function findBackward(
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

function search(s: EditorState, ctx: EditorContext, query: string, again: boolean): StepResult {
  const q = s.search as SearchState;
  if (query === '') return { state: { ...s, search: { ...q, query, failed: false } }, effects: [] };
  if (q.failed && !again) return { state: { ...s, search: { ...q, query } }, effects: [BELL] };
  const found =
    q.index < 0
      ? findBackward(ctx.history, query, ctx.history.length - 1, Infinity, undefined)
      : again
        ? findBackward(ctx.history, query, q.index, q.pos - 1, searchLine(s, ctx))
        : findBackward(ctx.history, query, q.index, q.pos, undefined);
  if (!found) return { state: { ...s, search: { ...q, query, failed: true } }, effects: [BELL] };
  return { state: { ...s, search: { ...q, query, failed: false, ...found } }, effects: [] };
}

/** Leaves the search with the line found (Esc, or any key that is not a search key). */
function acceptSearch(s: EditorState, ctx: EditorContext): EditorState {
  const q = s.search as SearchState;
  const line = searchLine(s, ctx);
  const found = q.index >= 0;
  return {
    ...s,
    search: null,
    buffer: line,
    cursor: found ? q.pos : q.original.cursor,
    historyIndex: found ? q.index : q.original.historyIndex,
    draft: q.original.historyIndex === null ? q.original.buffer : s.draft,
    lastSearch: q.query || s.lastSearch,
  };
}

function searchKey(s: EditorState, key: Key, ctx: EditorContext): StepResult | null {
  const q = s.search as SearchState;
  if (key.t === 'text') return search(s, ctx, q.query + key.text, false);
  if (key.t === 'key' && key.name === 'backspace') {
    const query = q.query.slice(0, -1);
    return search({ ...s, search: { ...q, index: -1 } }, ctx, query, false);
  }
  if (key.t === 'ctrl' && key.ctrl === 'r') {
    if (q.query === '') return search(s, ctx, s.lastSearch, false);
    return search(s, ctx, q.query, true);
  }
  if (key.t === 'ctrl' && key.ctrl === 'g') {
    const o = q.original;
    return {
      state: {
        ...s,
        search: null,
        buffer: o.buffer,
        cursor: o.cursor,
        historyIndex: o.historyIndex,
      },
      effects: [],
    };
  }
  return null;
}

/**
 * Tab: completes the word, or lists the candidates when the Tab before it changed nothing
 * (readline's rl_complete: a Tab that completed part of a word does not count).
 */
function tab(s: EditorState, ctx: EditorContext): StepResult {
  const state = { ...s, lastKey: 'tab' as const };
  if (!ctx.complete) return { state, effects: [BELL] };
  const before = s.lines.length > 0 ? `${s.lines.join('\n')}\n` : '';
  const r = ctx.complete(before + s.buffer, before.length + s.cursor);
  const start = Math.min(s.cursor, Math.max(0, r.start - before.length));
  const word = s.buffer.slice(start, s.cursor);
  const list = r.candidates;
  if (s.lastKey === 'tab') {
    if (list.length === 0) return { state, effects: [BELL] };
    if (list.length >= QUERY_ITEMS) return askToList(state, ctx, list);
    return listCandidates(state, ctx, list);
  }
  if (list.length === 0) return { state, effects: [BELL] };
  if (list.length === 1) {
    const only = list[0] as string;
    const suffix = /[/=]$/.test(only) ? '' : ' ';
    return {
      state: { ...splice(s, start, s.cursor, only + suffix), lastKey: 'other' },
      effects: [],
    };
  }
  const lcd = commonPrefix(list);
  const grows = lcd.length > word.length && lcd.startsWith(word);
  const next = grows ? { ...splice(s, start, s.cursor, lcd), lastKey: 'other' as const } : state;
  return { state: next, effects: [BELL] };
}

function listCandidates(s: EditorState, ctx: EditorContext, list: readonly string[]): StepResult {
  const rows = formatColumns(list, ctx.columns);
  const v = view(s, ctx);
  const next = { ...s, origin: 0, query: null };
  return {
    state: next,
    effects: [
      { type: 'echo', text: `${screenText(s, ctx)}\n${rows.join('\n')}\n` },
      {
        type: 'write',
        text: `${newlineAfter(v, s.origin, ctx.columns)}${rows.join('\r\n')}\r\n${drawPrompt(next, ctx)}`,
      },
    ],
  };
}

function askToList(s: EditorState, ctx: EditorContext, list: readonly string[]): StepResult {
  const question = `Display all ${list.length} possibilities? (y or n)`;
  return {
    state: { ...s, query: list },
    effects: [
      { type: 'echo', text: `${screenText(s, ctx)}\n${question}` },
      { type: 'write', text: `${newlineAfter(view(s, ctx), s.origin, ctx.columns)}${question}` },
    ],
  };
}

function answerQuery(s: EditorState, key: Key, ctx: EditorContext): StepResult {
  const list = s.query as readonly string[];
  const yes = key.t === 'text' && /^[yY ]/.test(key.text);
  const no =
    (key.t === 'text' && /^[nN]/.test(key.text)) ||
    (key.t === 'key' && key.name === 'backspace') ||
    (key.t === 'ctrl' && (key.ctrl === 'g' || key.ctrl === 'c'));
  if (!yes && !no) return { state: s, effects: [BELL] };
  const next = { ...s, query: null, origin: 0, lastKey: 'other' as const };
  if (no) {
    return {
      state: next,
      effects: [
        { type: 'echo', text: '\n' },
        { type: 'write', text: `\r\n${drawPrompt(next, ctx)}` },
      ],
    };
  }
  const rows = formatColumns(list, ctx.columns);
  return {
    state: next,
    effects: [
      { type: 'echo', text: `\n${rows.join('\n')}\n` },
      { type: 'write', text: `\r\n${rows.join('\r\n')}\r\n${drawPrompt(next, ctx)}` },
    ],
  };
}

/** Enter: runs a complete command, or asks for the next line of one that continues. */
function enter(s: EditorState, ctx: EditorContext): StepResult {
  const v = view(s, ctx);
  const down = newlineAfter(v, s.origin, ctx.columns);
  const text = [...s.lines, s.buffer].join('\n');
  const fresh = freshPrompt(s, 0);
  if (s.lines.length === 0 && s.buffer.trim() === '') {
    return {
      state: fresh,
      effects: [
        { type: 'echo', text: `${screenText(s, ctx)}\n` },
        { type: 'write', text: down + drawPrompt(fresh, ctx) },
      ],
    };
  }
  if (isComplete(text)) {
    return {
      state: { ...fresh, active: false },
      effects: [
        { type: 'write', text: down },
        { type: 'submit', text },
      ],
    };
  }
  const more: EditorState = { ...fresh, lines: [...s.lines, s.buffer] };
  return { state: more, effects: [{ type: 'write', text: down + drawPrompt(more, ctx) }] };
}

/**
 * Ctrl-C at the prompt: `^C` where the cursor is (over what was there, as bash's tty echo does),
 * the line abandoned, a fresh prompt below it; the shell's `$?` becomes 130.
 */
function abandon(s: EditorState, ctx: EditorContext): StepResult {
  const v = view(s, ctx);
  const text = `${v.text.slice(0, v.cursor)}^C${v.text.slice(v.cursor + 2)}`;
  const shown = screenText(s, ctx);
  const before = shown.slice(0, shown.length - v.text.length);
  const fresh = freshPrompt(s, 0);
  const down = newlineAfter({ text, cursor: v.cursor + 2 }, s.origin, ctx.columns);
  return {
    state: fresh,
    effects: [
      { type: 'echo', text: `${before}${text}\n` },
      { type: 'write', text: `^C${down}${drawPrompt(fresh, ctx)}` },
      { type: 'interrupt' },
    ],
  };
}

function clearScreen(s: EditorState, ctx: EditorContext): StepResult {
  const next = { ...s, origin: 0 };
  return {
    state: next,
    effects: [
      { type: 'echo', text: '\x1b[H\x1b[2J' },
      { type: 'write', text: `\x1b[H\x1b[2J${drawPrompt(next, ctx)}` },
    ],
  };
}

/** One key at the prompt. */
export function step(state: EditorState, key: Key, ctx: EditorContext): StepResult {
  if (!state.active) return { state, effects: [] };
  if (state.query) return answerQuery(state, key, ctx);
  let s = state;
  const effects: EditorEffect[] = [];
  if (s.search) {
    const r = searchKey(s, key, ctx);
    if (r) return withRedraw(state, r, ctx);
    if (key.t === 'ctrl' && key.ctrl === 'c') return abandon(s, ctx);
    s = acceptSearch(s, ctx);
    effects.push({
      type: 'write',
      text: redraw(view(state, ctx), view(s, ctx), s.origin, ctx.columns),
    });
    if (key.t === 'key' && key.name === 'escape') return { state: s, effects };
  }
  const r = edit(s, key, ctx);
  const done = withRedraw(s, 'effects' in r ? r : { state: r, effects: [] }, ctx);
  return { state: done.state, effects: [...effects, ...done.effects] };
}

/** Adds the redraw from `before` to the result's state, unless the handler drew it itself. */
function withRedraw(before: EditorState, r: StepResult, ctx: EditorContext): StepResult {
  if (r.effects.some((e) => e.type !== 'write' || e.text !== '\x07') || !r.state.active) return r;
  const text = redraw(view(before, ctx), view(r.state, ctx), r.state.origin, ctx.columns);
  return { state: r.state, effects: text ? [{ type: 'write', text }, ...r.effects] : r.effects };
}

function edit(s: EditorState, key: Key, ctx: EditorContext): StepResult | EditorState {
  const b = s.buffer;
  const i = s.cursor;
  const plain = { ...s, lastKey: 'other' as const };
  if (key.t === 'text') return splice(plain, i, i, key.text);
  const name = key.t === 'key' ? key.name : `C-${key.ctrl}`;
  switch (name) {
    case 'enter':
    case 'C-j':
    case 'C-m':
      return enter(s, ctx);
    case 'tab':
      return tab(s, ctx);
    case 'backspace':
    case 'C-h':
      return i > 0 ? splice(plain, charLeft(b, i), i, '') : { state: plain, effects: [BELL] };
    case 'delete':
      return i < b.length ? { ...splice(plain, i, charRight(b, i), ''), cursor: i } : plain;
    case 'C-d':
      return i < b.length ? { ...splice(plain, i, charRight(b, i), ''), cursor: i } : plain;
    case 'left':
    case 'C-b':
      return { ...plain, cursor: charLeft(b, i) };
    case 'right':
    case 'C-f':
      return { ...plain, cursor: charRight(b, i) };
    case 'home':
    case 'C-a':
      return { ...plain, cursor: 0 };
    case 'end':
    case 'C-e':
      return { ...plain, cursor: b.length };
    case 'wordLeft':
      return { ...plain, cursor: wordLeft(b, i) };
    case 'wordRight':
      return { ...plain, cursor: wordRight(b, i) };
    case 'C-u':
      return kill(s, 0, i, true);
    case 'C-k':
      return kill(s, i, b.length, false);
    case 'C-w':
      return kill(
        s,
        wordLeft(b, i, (c) => c !== undefined && !isSpace(c)),
        i,
        true,
      );
    case 'killWordLeft':
      return kill(s, wordLeft(b, i), i, true);
    case 'killWordRight':
      return kill(s, i, wordRight(b, i), false);
    case 'C-y':
      return splice(plain, i, i, s.killed);
    case 'up':
    case 'C-p':
      return moveHistory(plain, ctx, -1);
    case 'down':
    case 'C-n':
      return moveHistory(plain, ctx, 1);
    case 'C-c':
      return abandon(s, ctx);
    case 'C-l':
      return clearScreen(plain, ctx);
    case 'C-r':
      return {
        ...plain,
        search: {
          query: '',
          index: -1,
          pos: 0,
          failed: false,
          original: { buffer: b, cursor: i, historyIndex: s.historyIndex },
        },
      };
    case 'C-g':
      return { state: plain, effects: [BELL] };
    default:
      return plain;
  }
}

// ---- the terminal around it ----

/** What the terminal needs of a session (LiveSession has all of it). */
export interface EditorHost {
  readonly history: readonly string[];
  readonly busy: boolean;
  submit(text: string): void;
  interrupt(): void;
  echo(text: string): void;
  completions(line: string, cursor: number): { start: number; candidates: string[] };
}

/** What a tty in canonical mode echoes for a key typed while a command runs (ECHOCTL). */
function ttyEcho(key: Key): string {
  if (key.t === 'text') return key.text;
  if (key.t === 'key' && key.name === 'enter') return '\n';
  if (key.t === 'key' && key.name === 'tab') return '\t';
  if (key.t === 'ctrl') return `^${key.ctrl.toUpperCase()}`;
  return key.raw.split('\x1b').join('^[');
}

/**
 * Joins the editor to a session and a screen, as bash and the tty do between them. At the prompt
 * keys go to the editor. While a command runs, what is typed waits and is echoed as the tty
 * echoes it (Backspace erasing on the line being typed); Ctrl-C interrupts the command and throws
 * that input away. Lines pasted in one go wait silently, and run one after another.
 */
export class TerminalController {
  private state: EditorState = { ...initialState(), active: false };
  private queue: Key[] = [];
  private draining = false;
  /** The screen cursor's column, for where the next prompt starts. */
  private column = 0;
  /** The line the user was typing when a command was started from elsewhere. */
  private saved: { buffer: string; cursor: number } | null = null;

  constructor(
    private readonly host: EditorHost,
    private readonly write: (text: string) => void,
    private columns: number,
    private readonly prompts: { ps1: string; ps2: string } = { ps1: '$ ', ps2: '> ' },
  ) {}

  /** Shows the saved transcript, then a prompt unless a command is still running. */
  start(transcript: string): void {
    this.out(transcript);
    if (!this.host.busy) this.prompt();
  }

  resize(columns: number): void {
    this.columns = Math.max(1, columns);
  }

  /** What xterm's onData gave. */
  input(data: string): void {
    const keys = parseKeys(data);
    if (this.state.active && !this.host.busy) {
      this.queue.push(...keys);
      this.drain();
      return;
    }
    for (const key of keys) this.typeAhead(key);
  }

  /** A record of the session's driver. */
  record(r: DriverRecord): void {
    switch (r.type) {
      case 'start':
        if (this.state.active) this.startedElsewhere(r.text);
        break;
      case 'output':
        this.out(r.text);
        break;
      case 'end':
        if (r.interrupted) this.out('^C\r\n');
        this.prompt();
        this.drain();
        break;
      case 'changes':
        break;
    }
  }

  private get context(): EditorContext {
    return {
      history: this.host.history,
      columns: this.columns,
      complete: (line, cursor) => this.host.completions(line, cursor),
      ...this.prompts,
    };
  }

  private out(text: string): void {
    if (text === '') return;
    this.column = advanceColumn(this.column, text, this.columns);
    this.write(text);
  }

  private prompt(): void {
    const origin = this.column >= this.columns ? 0 : this.column;
    let next = freshPrompt(this.state, origin);
    if (this.saved) next = { ...next, ...this.saved };
    this.saved = null;
    this.state = next;
    this.out(drawPrompt(next, this.context));
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0 && this.state.active && !this.host.busy) {
        const r = step(this.state, this.queue.shift() as Key, this.context);
        this.state = r.state;
        for (const e of r.effects) {
          if (e.type === 'write') this.out(e.text);
          else if (e.type === 'echo') this.host.echo(e.text);
          else if (e.type === 'submit') this.host.submit(e.text);
          else this.host.interrupt();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private typeAhead(key: Key): void {
    if (key.t === 'ctrl' && key.ctrl === 'c') {
      // SIGINT: the tty flushes what was typed ahead; the shell prints ^C when the command ends.
      this.queue = [];
      if (this.host.busy) this.host.interrupt();
      return;
    }
    const last = this.queue[this.queue.length - 1];
    if (key.t === 'key' && key.name === 'backspace') {
      // The tty's own line editing: erase the last character typed on this line, if any.
      if (last?.t !== 'text') return;
      const text = last.text.slice(0, charLeft(last.text, last.text.length));
      if (text === '') this.queue.pop();
      else this.queue[this.queue.length - 1] = { t: 'text', text, raw: text };
      this.echoTyped('\b \b');
      return;
    }
    if (key.t === 'text' && last?.t === 'text') {
      const text = last.text + key.text;
      this.queue[this.queue.length - 1] = { t: 'text', text, raw: text };
    } else this.queue.push(key);
    this.echoTyped(ttyEcho(key));
  }

  private echoTyped(text: string): void {
    this.out(text.replace(/\n/g, '\r\n'));
    this.host.echo(text);
  }

  /** A command started from outside the terminal shows as if typed at the prompt. */
  private startedElsewhere(text: string): void {
    const s = this.state;
    const ctx = this.context;
    if (s.lines.length === 0 && s.buffer !== '' && !s.search)
      this.saved = { buffer: s.buffer, cursor: s.cursor };
    const shown = `${this.prompts.ps1}${text.replace(/\n/g, `\n${this.prompts.ps2}`)}`;
    const target = { text: shown, cursor: shown.length };
    this.out(redraw(view(s, ctx), target, s.origin, this.columns));
    this.out(newlineAfter(target, s.origin, this.columns));
    this.state = { ...s, active: false, search: null, query: null };
  }
}
