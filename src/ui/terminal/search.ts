// Reverse-i-search (readline's isearch.c): Ctrl-R searches older history for what is typed,
// Ctrl-R again finds the next older match, Ctrl-G gives back the line, any other key accepts.
import { findBackward } from './history';
import type { Key } from './keys';
import {
  BELL,
  searchLine,
  type EditorContext,
  type EditorState,
  type SearchState,
  type StepResult,
} from './state';

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
export function acceptSearch(s: EditorState, ctx: EditorContext): EditorState {
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

export function searchKey(s: EditorState, key: Key, ctx: EditorContext): StepResult | null {
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
