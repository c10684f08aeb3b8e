// The terminal's readline, as pure functions: a key in, a new state and effects out (what to
// write, what to keep in the transcript, a command to run, an interrupt). Behaviour follows GNU
// readline as bash uses it: emacs editing keys, history, reverse-i-search, completion listing,
// the `> ` continuation prompt.
import { isComplete } from '../../cli/shell/split';
import { answerQuery, tab } from './complete';
import { historyLine } from './history';
import type { Key } from './keys';
import { charLeft, charRight, isSpace, wordLeft, wordRight } from './motion';
import { newlineAfter, redraw } from './screen';
import { acceptSearch, searchKey } from './search';
import {
  BELL,
  drawPrompt,
  freshPrompt,
  screenText,
  splice,
  view,
  type EditorEffect,
  type EditorContext,
  type EditorState,
  type StepResult,
} from './state';

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

/**
 * A command put on the prompt from outside the terminal (a lesson's "put on the prompt"): it
 * replaces the line being edited, the cursor at its end, and does not run. A command of several
 * lines shows as bash shows it recalled from history. It is a whole command, not the next line of
 * an unfinished one: lines already entered stay on the screen above, abandoned, and it gets a
 * fresh prompt below them (as it does below a pending "Display all N possibilities?").
 */
export function suggest(s: EditorState, text: string, ctx: EditorContext): StepResult {
  if (!s.active) return { state: s, effects: [] };
  const line = historyLine(text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''));
  const next: EditorState = {
    ...s,
    buffer: line,
    cursor: line.length,
    historyIndex: null,
    draft: '',
    search: null,
    query: null,
    lastKey: 'other',
  };
  if (s.query) {
    const fresh = { ...next, lines: [], origin: 0 };
    return {
      state: fresh,
      effects: [
        { type: 'echo', text: '\n' },
        { type: 'write', text: `\r\n${drawPrompt(fresh, ctx)}` },
      ],
    };
  }
  if (s.lines.length > 0) {
    const fresh = { ...next, lines: [], origin: 0 };
    const down = newlineAfter(view(s, ctx), s.origin, ctx.columns);
    return {
      state: fresh,
      effects: [
        { type: 'echo', text: `${screenText(s, ctx)}\n` },
        { type: 'write', text: down + drawPrompt(fresh, ctx) },
      ],
    };
  }
  const drawn = redraw(view(s, ctx), view(next, ctx), s.origin, ctx.columns);
  return { state: next, effects: drawn ? [{ type: 'write', text: drawn }] : [] };
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
