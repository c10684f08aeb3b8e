// The editor's Git panel: the changes of the repository holding the shown file (or the shell's
// current directory) as `git status` sorts them, a message box and a Commit button. Committing
// types the equivalent `git add … && git commit -m …` into the terminal, so the learner sees the
// commands and the timeline records them like any other.
import { useEffect, useId, useMemo, useState } from 'react';
import { cwdOf } from '../cli/program';
import { exportName, exportRepository } from '../cli/git/export';
import {
  type Change,
  commitCommand,
  commitsSomething,
  defaultSelection,
  findRepository,
  loadStatus,
  type PanelStatus,
  planCommit,
} from '../store/gitPanel';
import { useAppState } from './context';
import './GitPanel.css';

export interface GitPanelProps {
  /** The file shown in the editor, if any: its repository is the one shown. */
  path: string | null;
  /** Shows a workspace path as the learner knows it (`~/my-app`). */
  display(path: string): string;
}

/** Hands the learner a file made in the page, without any network. */
function download(name: string, data: Uint8Array): void {
  const blob = new Blob([new Uint8Array(data)], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function GitPanel({ path, display }: GitPanelProps) {
  const live = useAppState((s) => s.live);
  const files = useAppState((s) => s.live.session.world.files);
  const cwd = useAppState((s) => cwdOf(s.live.session));
  const busy = useAppState((s) => s.busy);
  const ids = useId();
  // The shown file's repository; the shell's when the file is in none (a `kubectl edit` file).
  const dir = useMemo(
    () => (path === null ? undefined : findRepository(files, path)) ?? findRepository(files, cwd),
    [files, path, cwd],
  );
  const [status, setStatus] = useState<PanelStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The learner's own ticks, over the default (what is staged). */
  const [ticks, setTicks] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [message, setMessage] = useState('');

  // The status follows the files: a save, a command in the terminal, the panel's own commit.
  useEffect(() => {
    if (dir === undefined) {
      setStatus(null);
      return;
    }
    let cancelled = false;
    loadStatus(files, live.now, dir)
      .then((s) => {
        if (cancelled) return;
        setStatus(s);
        setFailure(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailure((e as Error).message);
      });
    return () => {
      cancelled = true;
    };
  }, [files, dir, live]);

  const checked = useMemo(() => {
    const set = status ? defaultSelection(status) : new Set<string>();
    for (const [p, on] of ticks) {
      if (on) set.add(p);
      else set.delete(p);
    }
    return set;
  }, [status, ticks]);

  if (dir === undefined) {
    return (
      <section className="git-panel" aria-label="Git" data-testid="git-panel">
        <p className="git-panel__empty">
          Not in a Git repository. <code>git init</code> in the terminal makes one.
        </p>
      </section>
    );
  }

  const plan = status ? planCommit(status, checked, message) : undefined;
  const canCommit =
    !busy && status !== null && plan !== undefined && commitsSomething(status, plan);
  const commit = () => {
    if (!status || !plan || !canCommit) return;
    live.submit(commitCommand(status, plan, cwd));
    setMessage('');
    setTicks(new Map());
  };
  const toggle = (p: string, on: boolean) => setTicks((t) => new Map(t).set(p, on));

  const section = (title: string, list: Change[], key: string) =>
    list.length > 0 && (
      <fieldset className="git-panel__section" data-testid={`git-${key}`}>
        <legend>{title}</legend>
        <ul>
          {list.map((c) => (
            <li key={c.path}>
              <label>
                <input
                  type="checkbox"
                  checked={checked.has(c.path)}
                  onChange={(e) => toggle(c.path, e.target.checked)}
                />{' '}
                <span className="git-panel__what">{c.what}:</span> <code>{c.path}</code>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );

  const clean =
    status !== null &&
    status.staged.length + status.unstaged.length + status.untracked.length === 0;

  return (
    <section className="git-panel" aria-labelledby={`${ids}-title`} data-testid="git-panel">
      <h2 id={`${ids}-title`} className="git-panel__title">
        Git: <code>{display(dir)}</code>
      </h2>
      {failure && (
        <p className="git-panel__empty" role="alert">
          Could not read the repository: {failure}
        </p>
      )}
      {status === null && !failure && <p className="git-panel__empty">Reading the status…</p>}
      {clean && <p className="git-panel__empty">Nothing to commit, working tree clean.</p>}
      {status && (
        <>
          {section('Changes to be committed', status.staged, 'staged')}
          {section('Changes not staged for commit', status.unstaged, 'unstaged')}
          {section('Untracked files', status.untracked, 'untracked')}
        </>
      )}
      {status && !clean && (
        <form
          className="git-panel__commit"
          onSubmit={(e) => {
            e.preventDefault();
            commit();
          }}
        >
          <label htmlFor={`${ids}-message`}>Commit message</label>
          <textarea
            id={`${ids}-message`}
            rows={3}
            value={message}
            spellCheck
            onChange={(e) => setMessage(e.target.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
            }}
          />
          <button type="submit" disabled={!canCommit}>
            Commit
          </button>
          {busy && <span className="git-panel__note"> A command is running.</span>}
        </form>
      )}
      <button
        type="button"
        className="git-panel__download"
        onClick={() => download(`${exportName(dir)}.zip`, exportRepository(files, dir))}
      >
        Download repository
      </button>
    </section>
  );
}
