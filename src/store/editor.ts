// The file editor's state: which workspace files are open, their unsaved buffers, which tab is
// shown. The files themselves live in the world (the shell's `cat` reads what the editor saved);
// this store only holds what is not saved yet, and keeps it in localStorage so that a reload
// loses no typing. Framework-free: the UI binds it to Monaco and the file tree.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const EDITOR_KEY = 'gitops-explained:editor';

export interface EditorTab {
  /** Absolute path in the workspace. */
  path: string;
  /** The file's content when it was last read or written by the editor. */
  saved: string;
  /** The buffer. */
  text: string;
}

export interface EditorState {
  tabs: EditorTab[];
  /** The shown file's path, or null for the declarative diff ("Changes"). */
  active: string | null;
  treeOpen: boolean;
}

export const EMPTY_EDITOR: EditorState = { tabs: [], active: null, treeOpen: false };

export const isDirty = (tab: EditorTab): boolean => tab.text !== tab.saved;

/** Reads a workspace file; undefined when there is none (or it is a directory). */
export type ReadFile = (path: string) => string | undefined;
/** Writes a workspace file; a message when it cannot (a missing directory). */
export type WriteFile = (
  path: string,
  text: string,
) => { ok: true } | { ok: false; message: string };

export function findTab(state: EditorState, path: string): EditorTab | undefined {
  return state.tabs.find((t) => t.path === path);
}

/** Shows `path`, opening a tab with `content` unless one is open already. */
export function openTab(state: EditorState, path: string, content: string): EditorState {
  if (findTab(state, path)) return { ...state, active: path };
  return { ...state, tabs: [...state.tabs, { path, saved: content, text: content }], active: path };
}

/** Closes a tab; the one to its right (or left, or Changes) is shown if it was. */
export function closeTab(state: EditorState, path: string): EditorState {
  const i = state.tabs.findIndex((t) => t.path === path);
  if (i < 0) return state;
  const tabs = state.tabs.filter((t) => t.path !== path);
  const active =
    state.active === path ? (tabs[i]?.path ?? tabs[i - 1]?.path ?? null) : state.active;
  return { ...state, tabs, active };
}

function mapTab(state: EditorState, path: string, f: (t: EditorTab) => EditorTab): EditorState {
  const i = state.tabs.findIndex((t) => t.path === path);
  const tab = state.tabs[i];
  if (!tab) return state;
  const next = f(tab);
  if (next.text === tab.text && next.saved === tab.saved) return state;
  return { ...state, tabs: state.tabs.with(i, next) };
}

export function editTab(state: EditorState, path: string, text: string): EditorState {
  return mapTab(state, path, (t) => ({ ...t, text }));
}

/** The buffer `text` was written to the file. */
export function markSaved(state: EditorState, path: string, text: string): EditorState {
  return mapTab(state, path, (t) => ({ ...t, saved: text }));
}

/**
 * Follows the files after the shell changed them (`sed -i`, `cat >`, `rm`): a tab without
 * unsaved edits shows the file as it is now, or closes when the file is gone; a tab with unsaved
 * edits keeps them (saving then overwrites, as any editor does). Returns `state` itself when
 * nothing changed.
 */
export function refreshTabs(state: EditorState, read: ReadFile): EditorState {
  let changed = false;
  const tabs: EditorTab[] = [];
  for (const t of state.tabs) {
    if (isDirty(t)) {
      tabs.push(t);
      continue;
    }
    const disk = read(t.path);
    if (disk === undefined) changed = true;
    else if (disk !== t.saved) {
      changed = true;
      tabs.push({ ...t, saved: disk, text: disk });
    } else tabs.push(t);
  }
  if (!changed) return state;
  const kept = new Set(tabs.map((t) => t.path));
  const next = { ...state, tabs };
  if (state.active !== null && !kept.has(state.active)) {
    return { ...next, active: closeTab(state, state.active).active };
  }
  return next;
}

interface PersistedTab {
  path: string;
  /** Only for a tab with unsaved edits: the rest is read from the workspace again. */
  text?: string;
  saved?: string;
}

interface Persisted {
  tabs: PersistedTab[];
  active: string | null;
  treeOpen: boolean;
}

export function serializeEditor(state: EditorState): string {
  const out: Persisted = {
    tabs: state.tabs.map((t) =>
      isDirty(t) ? { path: t.path, text: t.text, saved: t.saved } : { path: t.path },
    ),
    active: state.active,
    treeOpen: state.treeOpen,
  };
  return JSON.stringify(out);
}

/** What `serializeEditor` wrote, against the files as they are now; anything unreadable is dropped. */
export function restoreEditor(json: string | null | undefined, read: ReadFile): EditorState {
  let value: unknown;
  try {
    value = JSON.parse(json ?? 'null');
  } catch {
    return EMPTY_EDITOR;
  }
  if (!value || typeof value !== 'object') return EMPTY_EDITOR;
  const v = value as Partial<Record<keyof Persisted, unknown>>;
  const tabs: EditorTab[] = [];
  for (const item of Array.isArray(v.tabs) ? (v.tabs as unknown[]) : []) {
    if (!item || typeof item !== 'object') continue;
    const { path, text, saved } = item as Record<string, unknown>;
    if (typeof path !== 'string' || tabs.some((t) => t.path === path)) continue;
    if (typeof text === 'string' && typeof saved === 'string') {
      tabs.push({ path, text, saved });
      continue;
    }
    const disk = read(path);
    if (disk !== undefined) tabs.push({ path, text: disk, saved: disk });
  }
  const active =
    typeof v.active === 'string' && tabs.some((t) => t.path === v.active) ? v.active : null;
  const treeOpen = typeof v.treeOpen === 'boolean' ? v.treeOpen : EMPTY_EDITOR.treeOpen;
  return { tabs, active, treeOpen };
}

/** localStorage, or what stands for it in tests. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface EditorOptions {
  read: ReadFile;
  write: WriteFile;
  /** Where open tabs and unsaved buffers are kept across reloads; none in tests. */
  storage?: KeyValue;
}

export type SaveResult = { ok: true } | { ok: false; message: string };

export interface Editor {
  store: StoreApi<EditorState>;
  /** Opens a workspace file (false when it cannot be read). */
  open(path: string): boolean;
  /** Shows a tab, or the diff (null). */
  activate(path: string | null): void;
  edit(path: string, text: string): void;
  save(path: string): SaveResult;
  /** Closes a tab; with unsaved edits only when `discard` says so (returns false otherwise). */
  close(path: string, options?: { discard?: boolean }): boolean;
  /** Drops a tab's unsaved edits for the file as it is now (closes it if the file is gone). */
  revert(path: string): void;
  /** Whether the file changed outside the editor since the tab last read or wrote it. */
  changedOutside(path: string): boolean;
  toggleTree(): void;
  /** The workspace may have changed: clean tabs follow it. */
  refresh(): void;
  dispose(): void;
}

export function createEditor(options: EditorOptions): Editor {
  const { read, write, storage } = options;
  let initial = EMPTY_EDITOR;
  try {
    initial = restoreEditor(storage?.getItem(EDITOR_KEY), read);
  } catch {
    // Storage may be forbidden (a sandboxed frame): start with no tabs.
  }
  const store = createStore<EditorState>()(() => initial);
  const unsubscribe = store.subscribe((s) => {
    try {
      storage?.setItem(EDITOR_KEY, serializeEditor(s));
    } catch {
      // Full or forbidden: the buffers are then not kept across a reload.
    }
  });
  const set = (f: (s: EditorState) => EditorState) => {
    const s = store.getState();
    const next = f(s);
    if (next !== s) store.setState(next, true);
  };

  return {
    store,
    open(path) {
      const open = findTab(store.getState(), path);
      const content = open ? open.saved : read(path);
      if (content === undefined) return false;
      set((s) => openTab(s, path, content));
      return true;
    },
    activate(path) {
      set((s) =>
        s.active === path || (path !== null && !findTab(s, path)) ? s : { ...s, active: path },
      );
    },
    edit(path, text) {
      set((s) => editTab(s, path, text));
    },
    save(path) {
      const tab = findTab(store.getState(), path);
      if (!tab) return { ok: false, message: `${path} is not open` };
      const result = write(path, tab.text);
      if (result.ok) set((s) => markSaved(s, path, tab.text));
      return result;
    },
    close(path, o = {}) {
      const tab = findTab(store.getState(), path);
      if (!tab) return true;
      if (isDirty(tab) && !o.discard) return false;
      set((s) => closeTab(s, path));
      return true;
    },
    revert(path) {
      const disk = read(path);
      set((s) =>
        disk === undefined
          ? closeTab(s, path)
          : mapTab(s, path, (t) => ({ ...t, saved: disk, text: disk })),
      );
    },
    changedOutside(path) {
      const tab = findTab(store.getState(), path);
      return tab !== undefined && read(path) !== tab.saved;
    },
    toggleTree() {
      set((s) => ({ ...s, treeOpen: !s.treeOpen }));
    },
    refresh() {
      set((s) => refreshTabs(s, read));
    },
    dispose() {
      unsubscribe();
    },
  };
}
