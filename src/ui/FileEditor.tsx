// The manifests pane: a "Changes" tab with the declarative diff, then one tab per open workspace
// file, edited in Monaco. Saving writes the file into the world (the shell's `cat` reads it)
// through the page's store; the shell's own edits (`sed -i`) reach tabs that have nothing
// unsaved. The problems `kubectl apply` would report are shown as markers, on their lines, and
// listed below the editor for screen readers.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ManifestDiagnostic } from '../cli/declarative/manifestDiagnostics';
import { editFiles } from '../cli/kubectl/commands/edit';
import { ERRNO_TEXT, LEARNER_HOME, readFile } from '../engine/fs/files';
import type { App } from '../store/app';
import { createEditor, type Editor, type EditorTab, isDirty } from '../store/editor';
import { type CodeView, createCodeView, languageOf } from './adapters/monacoEditor';
import { useApp, useAppState } from './context';
import { FileTree } from './FileTree';
import { GitPanel } from './GitPanel';
import './FileEditor.css';

const editors = new WeakMap<App, Editor>();

/** One editor per page's store, made on first use. */
function editorFor(app: App): Editor {
  let editor = editors.get(app);
  if (!editor) {
    let storage: Storage | undefined;
    try {
      storage = window.localStorage;
    } catch {
      storage = undefined;
    }
    editor = createEditor({
      read: (path) => {
        const r = readFile(app.store.getState().live.session.world.files, path);
        return r.ok ? r.value : undefined;
      },
      write: (path, text) => {
        const r = app.writeFile(path, text);
        return r.ok ? { ok: true } : { ok: false, message: `${r.path}: ${ERRNO_TEXT[r.code]}` };
      },
      ...(storage ? { storage } : {}),
    });
    editors.set(app, editor);
  }
  return editor;
}

/** `~/my-app/deployment.yaml` for a file under the home directory. */
export function displayPath(path: string): string {
  if (path === LEARNER_HOME) return '~';
  return path.startsWith(`${LEARNER_HOME}/`) ? `~${path.slice(LEARNER_HOME.length)}` : path;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export interface ManifestPaneProps {
  theme: 'light' | 'dark';
  fontSize: number;
  /** The declarative diff, shown under "Changes". */
  changes: ReactNode;
}

export function ManifestPane({ theme, fontSize, changes }: ManifestPaneProps) {
  const app = useApp();
  const editor = editorFor(app);
  const state = useStore(editor.store);
  const files = useAppState((s) => s.live.session.world.files);
  const ids = useId();
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** Bumped when a file is opened from the tree: the editor then takes the focus. */
  const [focusRequest, setFocusRequest] = useState(0);
  const [gitOpen, setGitOpen] = useState(false);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  // The shell changed the files: clean tabs follow.
  useEffect(() => editor.refresh(), [files, editor]);

  // `kubectl edit` in the terminal: its file opens in a tab as it appears (files there before
  // the page was not are left alone); closing that tab unsaved removes it, which cancels the edit.
  const editing = useRef<Set<string> | null>(null);
  useEffect(() => {
    const present = editFiles(files);
    if (editing.current === null) {
      editing.current = new Set(present);
      return;
    }
    for (const path of present) {
      if (editing.current.has(path)) continue;
      editing.current.add(path);
      if (editor.open(path)) setFocusRequest((n) => n + 1);
    }
    for (const path of editing.current) if (!present.includes(path)) editing.current.delete(path);
  }, [files, editor]);
  const closedUnsaved = (path: string) => {
    if (editing.current?.has(path)) app.removeFile(path);
  };

  const tabId = (path: string | null) => `${ids}-tab-${path ?? ''}`;
  const active = state.tabs.find((t) => t.path === state.active);

  const save = (path: string) => {
    const r = editor.save(path);
    setMessage(r.ok ? null : `Could not save: ${r.message}`);
  };

  // The focus goes to the tab shown next, not to the page, when a tab closes under it.
  const focusActive = () => tabRefs.current.get(editor.store.getState().active ?? '')?.focus();
  const requestClose = (path: string) => {
    if (editor.close(path)) {
      closedUnsaved(path);
      focusActive();
    } else setAsking(path);
  };

  const order: (string | null)[] = [null, ...state.tabs.map((t) => t.path)];
  const focusTab = (path: string | null) => {
    editor.activate(path);
    tabRefs.current.get(path ?? '')?.focus();
  };
  const onTabKey = (e: KeyboardEvent, path: string | null) => {
    const i = order.indexOf(path);
    const to =
      e.key === 'ArrowRight'
        ? order[(i + 1) % order.length]
        : e.key === 'ArrowLeft'
          ? order[(i - 1 + order.length) % order.length]
          : e.key === 'Home'
            ? null
            : e.key === 'End'
              ? order[order.length - 1]
              : undefined;
    if (to !== undefined) {
      e.preventDefault();
      focusTab(to ?? null);
    } else if (e.key === 'Delete' && path !== null) {
      e.preventDefault();
      requestClose(path);
    }
  };

  const onPaneKey = (e: KeyboardEvent) => {
    // Ctrl-S outside Monaco (on the tabs, in the tree) saves the shown file too, rather than
    // offering to save the page.
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !e.defaultPrevented) {
      e.preventDefault();
      if (active) save(active.path);
    }
  };

  return (
    <section
      className="pane manifest-pane"
      data-testid="manifest-diff"
      aria-label="Manifests and files"
      onKeyDown={onPaneKey}
    >
      <div className="manifest-pane__bar">
        <button
          type="button"
          className="manifest-pane__files"
          aria-expanded={state.treeOpen}
          aria-controls={state.treeOpen ? `${ids}-tree` : undefined}
          onClick={() => editor.toggleTree()}
        >
          Files
        </button>
        <button
          type="button"
          className="manifest-pane__files"
          aria-expanded={gitOpen}
          aria-controls={gitOpen ? `${ids}-git` : undefined}
          onClick={() => setGitOpen((o) => !o)}
        >
          Git
        </button>
        <div className="manifest-pane__tabs" role="tablist" aria-label="Changes and open files">
          <button
            type="button"
            role="tab"
            id={tabId(null)}
            ref={(el) => {
              if (el) tabRefs.current.set('', el);
            }}
            aria-selected={state.active === null}
            aria-controls={`${ids}-changes`}
            tabIndex={state.active === null ? 0 : -1}
            className="manifest-pane__tab"
            onClick={() => editor.activate(null)}
            onKeyDown={(e) => onTabKey(e, null)}
          >
            Changes
          </button>
          {state.tabs.map((t) => (
            <FileTabButton
              key={t.path}
              tab={t}
              id={tabId(t.path)}
              panel={`${ids}-editor`}
              selected={state.active === t.path}
              refs={tabRefs.current}
              onSelect={() => editor.activate(t.path)}
              onClose={() => requestClose(t.path)}
              onKeyDown={(e) => onTabKey(e, t.path)}
            />
          ))}
        </div>
      </div>
      <div className="manifest-pane__body">
        {state.treeOpen && (
          <div id={`${ids}-tree`} className="manifest-pane__tree">
            <FileTree
              files={files}
              root={LEARNER_HOME}
              active={state.active}
              onOpen={(path) => {
                if (editor.open(path)) setFocusRequest((n) => n + 1);
                else setMessage(`Could not open ${displayPath(path)}`);
              }}
            />
          </div>
        )}
        {gitOpen && (
          <div id={`${ids}-git`} className="manifest-pane__git">
            <GitPanel path={state.active} display={displayPath} />
          </div>
        )}
        <div
          role="tabpanel"
          id={`${ids}-changes`}
          aria-labelledby={tabId(null)}
          className="manifest-pane__panel"
          hidden={state.active !== null}
        >
          {changes}
        </div>
        <div
          role="tabpanel"
          id={`${ids}-editor`}
          aria-labelledby={state.active ? tabId(state.active) : undefined}
          className="manifest-pane__panel file-editor"
          data-testid="file-editor"
          hidden={!active}
        >
          {asking && (
            <CloseDialog
              name={baseName(asking)}
              onSave={() => {
                const r = editor.save(asking);
                if (r.ok) editor.close(asking);
                else setMessage(`Could not save: ${r.message}`);
                setAsking(null);
                focusActive();
              }}
              onDiscard={() => {
                editor.close(asking, { discard: true });
                closedUnsaved(asking);
                setAsking(null);
                focusActive();
              }}
              onCancel={() => {
                setAsking(null);
                tabRefs.current.get(asking)?.focus();
              }}
            />
          )}
          {active && isDirty(active) && editor.changedOutside(active.path) && (
            <p className="file-editor__message" role="status">
              <code>{baseName(active.path)}</code> was changed outside the editor since you opened
              it; saving replaces that change.{' '}
              <button type="button" onClick={() => editor.revert(active.path)}>
                Discard my edits
              </button>
            </p>
          )}
          {message && (
            <p className="file-editor__message" role="alert">
              {message}{' '}
              <button type="button" onClick={() => setMessage(null)}>
                Dismiss
              </button>
            </p>
          )}
          <CodePane
            editor={editor}
            tabs={state.tabs}
            active={active}
            theme={theme}
            fontSize={fontSize}
            focusRequest={focusRequest}
            onSave={save}
          />
        </div>
      </div>
    </section>
  );
}

interface FileTabButtonProps {
  tab: EditorTab;
  id: string;
  panel: string;
  selected: boolean;
  refs: Map<string, HTMLButtonElement>;
  onSelect(): void;
  onClose(): void;
  onKeyDown(e: KeyboardEvent): void;
}

function FileTabButton(props: FileTabButtonProps) {
  const { tab, id, panel, selected, refs } = props;
  const dirty = isDirty(tab);
  const name = baseName(tab.path);
  return (
    <span
      className={`manifest-pane__file-tab${selected ? ' selected' : ''}`}
      role="presentation"
      data-testid="editor-tab"
      data-path={tab.path}
      data-dirty={dirty}
    >
      <button
        type="button"
        role="tab"
        id={id}
        ref={(el) => {
          if (el) refs.set(tab.path, el);
          else refs.delete(tab.path);
        }}
        aria-selected={selected}
        aria-controls={panel}
        aria-keyshortcuts="Delete"
        tabIndex={selected ? 0 : -1}
        title={displayPath(tab.path)}
        className="manifest-pane__tab"
        onClick={props.onSelect}
        onKeyDown={props.onKeyDown}
      >
        {name}
        {dirty && (
          <>
            <span className="manifest-pane__dirty" aria-hidden="true">
              {' ●'}
            </span>
            <span className="visually-hidden"> (unsaved)</span>
          </>
        )}
      </button>
      <button
        type="button"
        className="manifest-pane__close"
        aria-label={`Close ${name}`}
        title={`Close ${name}`}
        onClick={props.onClose}
      >
        ×
      </button>
    </span>
  );
}

function CloseDialog(props: { name: string; onSave(): void; onDiscard(): void; onCancel(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="file-editor__ask"
      role="alertdialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <p id={titleId}>
        <code>{props.name}</code> has changes that are not saved. Save them before closing?
      </p>
      <button type="button" ref={first} onClick={props.onSave}>
        Save
      </button>
      <button type="button" onClick={props.onDiscard}>
        Don’t save
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}

interface CodePaneProps {
  editor: Editor;
  tabs: EditorTab[];
  active: EditorTab | undefined;
  theme: 'light' | 'dark';
  fontSize: number;
  focusRequest: number;
  onSave(path: string): void;
}

/** Monaco for the open files, and the problems found in the shown one. */
function CodePane(props: CodePaneProps) {
  const { editor, tabs, active, theme, fontSize, focusRequest, onSave } = props;
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<CodeView | null>(null);
  const [failed, setFailed] = useState(false);
  const initial = useRef({ theme, fontSize });
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);
  const wanted = tabs.length > 0;
  // Once made, the editor stays (hidden) when the last tab closes: disposing Monaco while it is
  // still starting its worker (a tab closed right after typing, as a kubectl edit save does)
  // leaves an uncaught worker error behind.
  const [keep, setKeep] = useState(wanted);
  if (wanted && !keep) setKeep(true);

  // Monaco loads when a file is first opened, never before.
  useEffect(() => {
    const element = host.current;
    if (!keep || !element) return;
    let cancelled = false;
    let created: CodeView | null = null;
    createCodeView(element, {
      ...initial.current,
      onChange: (path, text) => editor.edit(path, text),
      onSave: (path) => saveRef.current(path),
    })
      .then((v) => {
        if (cancelled) v.destroy();
        else setView((created = v));
      })
      .catch((e: unknown) => {
        console.warn('The code editor could not be loaded; editing as plain text.', e);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      created?.destroy();
      setView(null);
    };
  }, [keep, editor]);

  useEffect(() => {
    view?.updateOptions({ theme, fontSize });
  }, [view, theme, fontSize]);

  // Models follow the store: the shell's edits come in, closed tabs' models go.
  const known = useRef(new Set<string>());
  useEffect(() => {
    if (!view) return;
    const open = new Set(tabs.map((t) => t.path));
    for (const path of known.current) if (!open.has(path)) view.close(path);
    for (const t of tabs) if (known.current.has(t.path)) view.setText(t.path, t.text);
    known.current = new Set([...known.current].filter((p) => open.has(p)));
  }, [view, tabs]);

  useEffect(() => {
    if (!view || !active) return;
    view.show(active.path, active.text, `Editing ${displayPath(active.path)}`);
    known.current.add(active.path);
    // Only a change of file shows another model; the text follows through setText.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, active?.path]);

  // After the file is shown (Monaco may still have been loading when it was opened).
  const focused = useRef(0);
  useEffect(() => {
    if (!view || !active || focused.current === focusRequest) return;
    focused.current = focusRequest;
    view.focus();
  }, [view, active, focusRequest]);

  const diagnostics = useDiagnostics(active);
  useEffect(() => {
    if (view && active) view.setDiagnostics(active.path, diagnostics);
  }, [view, active, diagnostics]);

  return (
    <>
      {!view && !failed && wanted && <p className="file-editor__loading">Loading the editor…</p>}
      {failed && active && (
        <textarea
          className="file-editor__plain"
          aria-label={`Editing ${displayPath(active.path)}`}
          value={active.text}
          spellCheck={false}
          onChange={(e) => editor.edit(active.path, e.target.value)}
        />
      )}
      <div ref={host} className="file-editor__monaco" hidden={!view || !active} />
      <Problems diagnostics={diagnostics} />
    </>
  );
}

/** The shown file's problems, recomputed a moment after typing stops. */
function useDiagnostics(tab: EditorTab | undefined): readonly ManifestDiagnostic[] {
  const path = tab?.path;
  const text = tab?.text;
  const [found, setFound] = useState<{ path: string; list: ManifestDiagnostic[] } | null>(null);
  useEffect(() => {
    if (path === undefined || text === undefined || languageOf(path) !== 'yaml') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // The YAML parser comes with the first file opened, not with the page.
      void import('../cli/declarative/manifestDiagnostics').then(({ manifestDiagnostics }) => {
        if (!cancelled) setFound({ path, list: manifestDiagnostics(text) });
      });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [path, text]);
  return useMemo(() => (found && found.path === path ? found.list : []), [found, path]);
}

function Problems({ diagnostics }: { diagnostics: readonly ManifestDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <details className="file-editor__problems" data-testid="editor-problems">
      <summary>
        {diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`} that{' '}
        <code>kubectl apply</code> would report
      </summary>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i}>
            Line {d.line}: {d.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
