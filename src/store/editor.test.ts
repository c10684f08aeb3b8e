import { describe, expect, it } from 'vitest';
import { LEARNER_HOME, readFile } from '../engine/fs/files';
import { createApp, DEFAULT_SETTINGS } from './app';
import {
  closeTab,
  createEditor,
  EDITOR_KEY,
  EMPTY_EDITOR,
  type EditorState,
  isDirty,
  type KeyValue,
  openTab,
  refreshTabs,
  restoreEditor,
  serializeEditor,
} from './editor';
import { LiveSession } from './live';
import { decode, type Storage } from './persist';

function workspace(initial: Record<string, string>) {
  const files = new Map(Object.entries(initial));
  return {
    files,
    read: (p: string) => files.get(p),
    write: (p: string, text: string) => {
      if (!p.startsWith('/home/'))
        return { ok: false as const, message: 'No such file or directory' };
      files.set(p, text);
      return { ok: true as const };
    },
  };
}

function memoryStorage(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const A = '/home/learner/a.yaml';
const B = '/home/learner/b.yaml';
const C = '/home/learner/c.yaml';

describe('tabs', () => {
  it('opens a file once and shows it', () => {
    let s = openTab(EMPTY_EDITOR, A, 'a');
    s = openTab(s, B, 'b');
    s = openTab(s, A, 'ignored');
    expect(s.tabs.map((t) => [t.path, t.text])).toEqual([
      [A, 'a'],
      [B, 'b'],
    ]);
    expect(s.active).toBe(A);
  });

  it('closing the shown tab shows its right neighbour, then the left, then Changes', () => {
    let s: EditorState = [A, B, C].reduce((acc, p) => openTab(acc, p, ''), EMPTY_EDITOR);
    s = { ...s, active: B };
    s = closeTab(s, B);
    expect(s.active).toBe(C);
    s = closeTab(s, C);
    expect(s.active).toBe(A);
    s = closeTab(s, A);
    expect(s.active).toBeNull();
  });

  it('closing another tab keeps the shown one', () => {
    const s = closeTab(openTab(openTab(EMPTY_EDITOR, A, ''), B, ''), A);
    expect(s.active).toBe(B);
  });
});

describe('refreshTabs', () => {
  it('follows the shell on clean tabs and keeps unsaved edits', () => {
    let s = openTab(openTab(EMPTY_EDITOR, A, 'a1'), B, 'b1');
    s = { ...s, tabs: s.tabs.map((t) => (t.path === B ? { ...t, text: 'mine' } : t)) };
    const disk = new Map([
      [A, 'a2'],
      [B, 'b2'],
    ]);
    const next = refreshTabs(s, (p) => disk.get(p));
    expect(next.tabs).toEqual([
      { path: A, saved: 'a2', text: 'a2' },
      { path: B, saved: 'b1', text: 'mine' },
    ]);
  });

  it('returns the same state when nothing changed', () => {
    const s = openTab(EMPTY_EDITOR, A, 'a');
    expect(refreshTabs(s, () => 'a')).toBe(s);
  });

  it('closes a clean tab whose file is gone, and shows another', () => {
    const s = openTab(openTab(EMPTY_EDITOR, B, 'b'), A, 'a');
    const next = refreshTabs(s, (p) => (p === B ? 'b' : undefined));
    expect(next.tabs.map((t) => t.path)).toEqual([B]);
    expect(next.active).toBe(B);
  });
});

describe('serialize and restore', () => {
  it('keeps unsaved buffers and reads clean tabs from the workspace again', () => {
    let s = openTab(openTab(EMPTY_EDITOR, A, 'a'), B, 'b');
    s = { ...s, tabs: s.tabs.map((t) => (t.path === A ? { ...t, text: 'typed' } : t)) };
    const json = serializeEditor(s);
    expect(JSON.parse(json)).toEqual({
      tabs: [{ path: A, text: 'typed', saved: 'a' }, { path: B }],
      active: B,
      treeOpen: false,
    });
    const back = restoreEditor(json, (p) => (p === B ? 'b changed' : undefined));
    expect(back.tabs).toEqual([
      { path: A, text: 'typed', saved: 'a' },
      { path: B, text: 'b changed', saved: 'b changed' },
    ]);
    expect(back.active).toBe(B);
    expect(isDirty(back.tabs[0]!)).toBe(true);
  });

  it('drops clean tabs of missing files and anything malformed', () => {
    expect(restoreEditor('{"tabs":[{"path":"/x"}],"active":"/x"}', () => undefined)).toEqual({
      tabs: [],
      active: null,
      treeOpen: false,
    });
    expect(restoreEditor('not json', () => '')).toEqual(EMPTY_EDITOR);
    expect(restoreEditor('{"tabs":[1,{"path":2},{"path":"/y"}]}', () => 'y').tabs).toEqual([
      { path: '/y', text: 'y', saved: 'y' },
    ]);
  });
});

describe('createEditor', () => {
  it('saves through the workspace and clears the unsaved marker', () => {
    const ws = workspace({ [A]: 'old' });
    const editor = createEditor(ws);
    expect(editor.open(A)).toBe(true);
    editor.edit(A, 'new');
    expect(isDirty(editor.store.getState().tabs[0]!)).toBe(true);
    expect(editor.save(A)).toEqual({ ok: true });
    expect(ws.files.get(A)).toBe('new');
    expect(isDirty(editor.store.getState().tabs[0]!)).toBe(false);
  });

  it('reports a failed save and keeps the buffer unsaved', () => {
    const ws = workspace({});
    const editor = createEditor(ws);
    editor.store.setState(openTab(EMPTY_EDITOR, '/nowhere/x', ''));
    editor.edit('/nowhere/x', 'x');
    expect(editor.save('/nowhere/x')).toEqual({
      ok: false,
      message: 'No such file or directory',
    });
    expect(isDirty(editor.store.getState().tabs[0]!)).toBe(true);
  });

  it('will not open what is not a file', () => {
    const editor = createEditor(workspace({}));
    expect(editor.open(A)).toBe(false);
    expect(editor.store.getState().tabs).toEqual([]);
  });

  it('asks before closing unsaved edits', () => {
    const editor = createEditor(workspace({ [A]: 'a' }));
    editor.open(A);
    editor.edit(A, 'b');
    expect(editor.close(A)).toBe(false);
    expect(editor.store.getState().tabs).toHaveLength(1);
    expect(editor.close(A, { discard: true })).toBe(true);
    expect(editor.store.getState().tabs).toHaveLength(0);
  });

  it('refreshes clean tabs after the shell edits the file', () => {
    const ws = workspace({ [A]: 'image: nginx:1.27.0' });
    const editor = createEditor(ws);
    editor.open(A);
    ws.files.set(A, 'image: nginx:1.28.0');
    editor.refresh();
    expect(editor.store.getState().tabs[0]?.text).toBe('image: nginx:1.28.0');
  });

  it('tells when the shell changed a file with unsaved edits, and can take its version', () => {
    const ws = workspace({ [A]: 'v1' });
    const editor = createEditor(ws);
    editor.open(A);
    editor.edit(A, 'mine');
    expect(editor.changedOutside(A)).toBe(false);
    ws.files.set(A, 'v2');
    editor.refresh();
    expect(editor.store.getState().tabs[0]?.text).toBe('mine');
    expect(editor.changedOutside(A)).toBe(true);
    editor.revert(A);
    expect(editor.store.getState().tabs[0]).toEqual({ path: A, saved: 'v2', text: 'v2' });
    expect(editor.changedOutside(A)).toBe(false);
    ws.files.delete(A);
    editor.revert(A);
    expect(editor.store.getState().tabs).toEqual([]);
  });

  it('keeps tabs and unsaved buffers across a reload', () => {
    const ws = workspace({ [A]: 'a', [B]: 'b' });
    const storage = memoryStorage();
    const first = createEditor({ ...ws, storage });
    first.open(A);
    first.open(B);
    first.edit(A, 'typed');
    first.activate(A);
    first.dispose();
    expect(storage.data.has(EDITOR_KEY)).toBe(true);

    const second = createEditor({ ...ws, storage });
    const s = second.store.getState();
    expect(s.tabs.map((t) => [t.path, t.text, isDirty(t)])).toEqual([
      [A, 'typed', true],
      [B, 'b', false],
    ]);
    expect(s.active).toBe(A);
  });

  it('activates only open tabs', () => {
    const editor = createEditor(workspace({ [A]: 'a' }));
    editor.open(A);
    editor.activate(null);
    expect(editor.store.getState().active).toBeNull();
    editor.activate(B);
    expect(editor.store.getState().active).toBeNull();
    editor.activate(A);
    expect(editor.store.getState().active).toBe(A);
  });
});

describe('saving from the editor', () => {
  it('writes the file for the shell and saves the session as after a command', async () => {
    const saves: string[] = [];
    const storage: Storage = {
      read: async () => undefined,
      write: async (t) => void saves.push(t),
      clear: async () => {},
    };
    const live = new LiveSession({ seed: 1 });
    const app = createApp({ live, settings: DEFAULT_SETTINGS, storage });
    const path = `${LEARNER_HOME}/my.yaml`;
    const revision = app.store.getState().revision;

    expect(app.writeFile(path, 'replicas: 3\n')).toEqual({ ok: true, value: undefined });
    expect(app.store.getState().saved).toBe(false);
    expect(app.store.getState().revision).toBeGreaterThan(revision);
    let out = '';
    live.subscribe((r) => {
      if (r.type === 'output') out += r.text;
    });
    live.submit('cat my.yaml');
    expect(out).toBe('replicas: 3\n');

    await new Promise((r) => setTimeout(r, 400));
    expect(app.store.getState().saved).toBe(true);
    const last = saves.at(-1);
    expect(last).toBeDefined();
    const files = decode(last!).live.session.world.files;
    expect(readFile(files, path)).toEqual({ ok: true, value: 'replicas: 3\n' });

    expect(app.writeFile('/nowhere/x', '')).toMatchObject({ ok: false, code: 'ENOENT' });
    app.dispose();
  });
});
