// The editor's Git panel, without React: which repository it shows, what `git status` says about
// it, and the shell command a commit from the panel runs. The panel never changes the repository
// itself: it types the equivalent command into the session, so the terminal and the timeline show
// it as if the learner had typed it.
import type { Files } from '../engine/fs/files';
import { LEARNER_HOME, statPath } from '../engine/fs/files';
import { headCommit, relativePath } from '../cli/git/common';
import type { GitContext } from '../cli/git/common';
import { gitFs } from '../cli/git/fs';
import { workTreeStatus } from '../cli/git/commands/status';

export type ChangeKind = 'new file' | 'modified' | 'deleted' | 'untracked';

/** One line of `git status`: a path (relative to the top of the work tree) in one section. */
export interface Change {
  path: string;
  what: ChangeKind;
}

export interface PanelStatus {
  /** The top of the work tree (absolute). */
  dir: string;
  /** No commit yet: unstaging is `git rm --cached`, as git's own hint says. */
  initial: boolean;
  staged: Change[];
  unstaged: Change[];
  untracked: Change[];
}

/** The work tree containing `path` (a file or a directory), as git discovers it. */
export function findRepository(files: Files, path: string): string | undefined {
  let at = path.replace(/\/+$/, '') || '/';
  for (;;) {
    const dotgit = statPath(files, at === '/' ? '/.git' : `${at}/.git`);
    if (dotgit?.type === 'dir') return at;
    if (at === '/') return undefined;
    at = at.slice(0, at.lastIndexOf('/')) || '/';
  }
}

/** What `git status` would list for the repository at `dir`. */
export async function loadStatus(files: Files, now: number, dir: string): Promise<PanelStatus> {
  const store = { files, now };
  // Reading the status needs only the file system; the rest of a command's context is unused.
  const g = { store, fs: gitFs(store) } as unknown as GitContext;
  const s = await workTreeStatus(g, dir);
  const head = await headCommit(g, dir).catch(() => undefined);
  return {
    dir,
    initial: head === undefined,
    staged: s.staged.map((c) => ({ path: c.path, what: c.what })),
    unstaged: s.unstaged.map((c) => ({ path: c.path, what: c.what })),
    untracked: s.untracked.map((path) => ({ path, what: 'untracked' })),
  };
}

/** Quotes a word for the shell only when it needs it, as a person would type it. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Which files the commit takes. A checked path that has changes not staged (or is untracked) is
 * added; a staged path left unchecked is unstaged first; everything else stays as it is.
 */
export interface CommitPlan {
  add: string[];
  unstage: string[];
  message: string;
}

/** The paths ticked by default: what is staged already, as `git commit` would take. */
export function defaultSelection(status: PanelStatus): Set<string> {
  return new Set(status.staged.map((c) => c.path));
}

export function planCommit(status: PanelStatus, checked: ReadonlySet<string>, message: string) {
  const add: string[] = [];
  const unstage: string[] = [];
  const seen = new Set<string>();
  for (const c of [...status.unstaged, ...status.untracked]) {
    if (checked.has(c.path) && !seen.has(c.path)) add.push(c.path);
    seen.add(c.path);
  }
  for (const c of status.staged) if (!checked.has(c.path)) unstage.push(c.path);
  return { add, unstage, message } satisfies CommitPlan;
}

/** Whether the commit would take anything: a path staged and kept, or one to add. */
export function commitsSomething(status: PanelStatus, plan: CommitPlan): boolean {
  if (plan.message.trim() === '') return false;
  return plan.add.length > 0 || status.staged.some((c) => !plan.unstage.includes(c.path));
}

/** `~/my-app` for a directory under the learner's home, else the absolute path. */
function shellPath(abs: string): string {
  if (abs === LEARNER_HOME) return '~';
  if (abs.startsWith(`${LEARNER_HOME}/`))
    return `~/${shellQuote(abs.slice(LEARNER_HOME.length + 1))}`;
  return shellQuote(abs);
}

/**
 * The command line for a commit from the panel, run from `cwd`. Inside the work tree the paths
 * are relative to `cwd`, as a person would type them; from elsewhere git is pointed at the
 * repository with `-C`.
 */
export function commitCommand(status: PanelStatus, plan: CommitPlan, cwd: string): string {
  const inside = cwd === status.dir || cwd.startsWith(`${status.dir === '/' ? '' : status.dir}/`);
  const git = inside ? 'git' : `git -C ${shellPath(status.dir)}`;
  const path = (p: string) => {
    const abs = `${status.dir === '/' ? '' : status.dir}/${p.replace(/\/$/, '')}`;
    const rel = inside ? relativePath(cwd, abs) : p.replace(/\/$/, '');
    return shellQuote(p.endsWith('/') ? `${rel}/` : rel);
  };
  const parts: string[] = [];
  if (plan.unstage.length > 0) {
    const paths = plan.unstage.map(path).join(' ');
    parts.push(
      status.initial ? `${git} rm --cached -q -- ${paths}` : `${git} restore --staged -- ${paths}`,
    );
  }
  if (plan.add.length > 0) parts.push(`${git} add -- ${plan.add.map(path).join(' ')}`);
  parts.push(`${git} commit -m ${shellQuote(plan.message)}`);
  return parts.join(' && ');
}
