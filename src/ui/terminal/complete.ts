// Tab completion as readline's rl_complete does it: complete the word, ring the bell when that
// is ambiguous, list the candidates on the next Tab, ask first when there are very many.
import type { Key } from './keys';
import { formatColumns, newlineAfter } from './screen';
import {
  BELL,
  drawPrompt,
  screenText,
  splice,
  view,
  type EditorContext,
  type EditorState,
  type StepResult,
} from './state';

function commonPrefix(items: readonly string[]): string {
  let p = items[0] ?? '';
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** How many candidates readline lists without asking first (completion-query-items). */
export const QUERY_ITEMS = 100;

/**
 * Tab: completes the word, or lists the candidates when the Tab before it changed nothing
 * (readline's rl_complete: a Tab that completed part of a word does not count).
 */
export function tab(s: EditorState, ctx: EditorContext): StepResult {
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

export function answerQuery(s: EditorState, key: Key, ctx: EditorContext): StepResult {
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
