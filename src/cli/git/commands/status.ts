// git status [-s | --short] [-b] [--porcelain]: the long format's sections and hints, as git
// 2.39's wt-status.c prints them.
import { resolvePath, statPath } from '../../../engine/fs/files';
import type { GitContext, GitCommand } from '../common';
import type { Unmerged } from '../lib/state';
import { unmergedPaths } from '../lib/state';
import {
  NOT_A_REPO,
  currentBranch,
  fatal,
  findWorkTree,
  git,
  headCommit,
  relativePath,
  shortSha,
} from '../common';

type Row = [string, number, number, number];

export interface WorkTreeStatus {
  staged: { path: string; what: 'new file' | 'modified' | 'deleted' }[];
  unstaged: { path: string; what: 'modified' | 'deleted' }[];
  /** Untracked files, with wholly untracked directories collapsed to `dir/`. */
  untracked: string[];
}

export async function workTreeStatus(g: GitContext, dir: string): Promise<WorkTreeStatus> {
  const rows = (await git.statusMatrix({ fs: g.fs, dir })) as Row[];
  const tracked = new Set<string>();
  const s: WorkTreeStatus = { staged: [], unstaged: [], untracked: [] };
  const untrackedFiles: string[] = [];
  for (const [path, head, work, stage] of rows) {
    if (stage !== 0) tracked.add(path);
    if (head === 0 && stage !== 0) s.staged.push({ path, what: 'new file' });
    else if (head === 1 && stage === 0) s.staged.push({ path, what: 'deleted' });
    else if (head === 1 && (stage === 2 || stage === 3)) s.staged.push({ path, what: 'modified' });
    if (stage !== 0) {
      if (work === 0) s.unstaged.push({ path, what: 'deleted' });
      else if (stage === 3 || (stage === 1 && work === 2))
        s.unstaged.push({ path, what: 'modified' });
    } else if (work === 2) untrackedFiles.push(path);
  }
  const trackedDirs = new Set<string>();
  for (const p of tracked) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) trackedDirs.add(parts.slice(0, i).join('/'));
  }
  const seen = new Set<string>();
  for (const p of untrackedFiles) {
    const parts = p.split('/');
    let shown = p;
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (!trackedDirs.has(d)) {
        shown = `${d}/`;
        break;
      }
    }
    if (!seen.has(shown)) {
      seen.add(shown);
      s.untracked.push(shown);
    }
  }
  return s;
}

interface Tracking {
  /** The upstream's name, `origin/main`. */
  name: string;
  /** Whether the remote-tracking branch is there. */
  gone: boolean;
  ahead: number;
  behind: number;
}

/** The branch's upstream and how far apart they are, or undefined when it has none. */
async function tracking(g: GitContext, dir: string, branch: string): Promise<Tracking | undefined> {
  const remote = (await git.getConfig({ fs: g.fs, dir, path: `branch.${branch}.remote` })) as
    string | undefined;
  const merge = (await git.getConfig({ fs: g.fs, dir, path: `branch.${branch}.merge` })) as
    string | undefined;
  if (!remote || !merge) return undefined;
  const name = `${remote}/${merge.replace(/^refs\/heads\//, '')}`;
  const theirs = await git
    .resolveRef({ fs: g.fs, dir, ref: `refs/remotes/${name}` })
    .catch(() => undefined);
  if (!theirs) return { name, gone: true, ahead: 0, behind: 0 };
  const ours = await headCommit(g, dir);
  const count = async (from: string | undefined, exclude: string) => {
    if (!from) return 0;
    const excluded = new Set(
      (await git.log({ fs: g.fs, dir, ref: exclude }).catch(() => [])).map((c) => c.oid),
    );
    return (await git.log({ fs: g.fs, dir, ref: from })).filter((c) => !excluded.has(c.oid)).length;
  };
  const ahead = await count(ours, theirs);
  const behind = await count(theirs, ours ?? theirs);
  return { name, gone: false, ahead, behind };
}

/** How the branch stands against its upstream, as the second line of `git status`. */
export async function upstreamLine(g: GitContext, dir: string, branch: string): Promise<string> {
  const t = await tracking(g, dir, branch);
  if (!t) return '';
  const { name, ahead, behind } = t;
  if (t.gone) {
    return `Your branch is based on '${name}', but the upstream is gone.\n  (use "git branch --unset-upstream" to fixup)\n`;
  }
  const commits = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
  if (ahead === 0 && behind === 0) return `Your branch is up to date with '${name}'.\n`;
  if (behind === 0)
    return `Your branch is ahead of '${name}' by ${commits(ahead)}.\n  (use "git push" to publish your local commits)\n`;
  if (ahead === 0)
    return `Your branch is behind '${name}' by ${commits(behind)}, and can be fast-forwarded.\n  (use "git pull" to update your local branch)\n`;
  return `Your branch and '${name}' have diverged,\nand have ${ahead} and ${behind} different commits each, respectively.\n  (use "git pull" to merge the remote branch into yours)\n`;
}

/** The short format's branch header (`-b`): `## main...origin/main [ahead 1, behind 2]`. */
async function shortBranchLine(g: GitContext, dir: string): Promise<string> {
  const branch = await currentBranch(g, dir);
  if (!branch) return '## HEAD (no branch)\n';
  const head = await headCommit(g, dir);
  if (!head) return `## No commits yet on ${branch}\n`;
  const t = await tracking(g, dir, branch);
  if (!t) return `## ${branch}\n`;
  const apart = [
    ...(t.ahead > 0 ? [`ahead ${t.ahead}`] : []),
    ...(t.behind > 0 ? [`behind ${t.behind}`] : []),
  ];
  const state = t.gone ? ' [gone]' : apart.length > 0 ? ` [${apart.join(', ')}]` : '';
  return `## ${branch}...${t.name}${state}\n`;
}

const pad = (what: string) => `${what}:`.padEnd(12);

/** The long format's body (after the branch lines); shared with `git commit` when there is nothing to commit. */
export function longSections(
  s: WorkTreeStatus,
  rel: (p: string) => string,
  initial: boolean,
  conflict: { merging: boolean; unmerged: readonly Unmerged[] } = { merging: false, unmerged: [] },
): string {
  let out = '';
  if (s.staged.length > 0) {
    out += 'Changes to be committed:\n';
    // While a merge is under way git gives no hint here: unstaging is not the way out.
    if (!conflict.merging)
      out += `  (use "${initial ? 'git rm --cached <file>...' : 'git restore --staged <file>...'}" to unstage)\n`;
    for (const c of s.staged) out += `\t${pad(c.what)}${rel(c.path)}\n`;
    out += '\n';
  }
  if (conflict.unmerged.length > 0) {
    out += 'Unmerged paths:\n  (use "git add <file>..." to mark resolution)\n';
    for (const u of conflict.unmerged) out += `\t${`${u.label}:`.padEnd(17)}${rel(u.path)}\n`;
    out += '\n';
  }
  if (s.unstaged.length > 0) {
    const deleted = s.unstaged.some((c) => c.what === 'deleted');
    out += `Changes not staged for commit:\n  (use "git ${deleted ? 'add/rm' : 'add'} <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n`;
    for (const c of s.unstaged) out += `\t${pad(c.what)}${rel(c.path)}\n`;
    out += '\n';
  }
  if (s.untracked.length > 0) {
    out += 'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    for (const p of s.untracked) out += `\t${rel(p)}\n`;
    out += '\n';
  }
  if (s.staged.length === 0) {
    // Conflicted paths count as changes in the work tree, as git counts them.
    if (s.unstaged.length > 0 || conflict.unmerged.length > 0)
      out += 'no changes added to commit (use "git add" and/or "git commit -a")\n';
    else if (s.untracked.length > 0)
      out += 'nothing added to commit but untracked files present (use "git add" to track)\n';
    else if (initial) out += 'nothing to commit (create/copy files and use "git add" to track)\n';
    else out += 'nothing to commit, working tree clean\n';
  }
  return out;
}

/** The whole long format, as `git status` (and `git commit` with nothing to commit) prints it. */
export async function longStatus(
  g: GitContext,
  dir: string,
): Promise<{ text: string; clean: boolean }> {
  const s = await workTreeStatus(g, dir);
  const branch = await currentBranch(g, dir);
  const head = await headCommit(g, dir);
  let text = branch ? `On branch ${branch}\n` : `HEAD detached at ${shortSha(head ?? '')}\n`;
  const upstream = branch && head ? await upstreamLine(g, dir, branch) : '';
  if (upstream) text += `${upstream}\n`;
  const merging = statPath(g.store.files, `${dir}/.git/MERGE_HEAD`) !== undefined;
  const unmerged = await unmergedPaths(g, dir);
  if (unmerged.length > 0) {
    const conflicted = new Set(unmerged.map((u) => u.path));
    s.staged = s.staged.filter((c) => !conflicted.has(c.path));
    s.unstaged = s.unstaged.filter((c) => !conflicted.has(c.path));
  }
  if (merging) {
    text +=
      unmerged.length === 0
        ? 'All conflicts fixed but you are still merging.\n  (use "git commit" to conclude merge)\n\n'
        : 'You have unmerged paths.\n  (fix conflicts and run "git commit")\n  (use "git merge --abort" to abort the merge)\n\n';
  }
  if (!head) text += '\nNo commits yet\n\n';
  const body = longSections(
    s,
    (p) => relativePath(g.cwd, `${dir}/${p}`) + (p.endsWith('/') ? '/' : ''),
    !head,
    { merging, unmerged },
  );
  text += body;
  return { text, clean: s.staged.length === 0 };
}

/** `git status -h`'s text, which git prints after a mistaken option. */
const STATUS_USAGE = `usage: git status [<options>] [--] [<pathspec>...]

    -v, --verbose         be verbose
    -s, --short           show status concisely
    -b, --branch          show branch information
    --show-stash          show stash information
    --ahead-behind        compute full ahead/behind values
    --porcelain[=<version>]
                          machine-readable output
    --long                show status in long format (default)
    -z, --null            terminate entries with NUL
    -u, --untracked-files[=<mode>]
                          show untracked files, optional modes: all, normal, no. (Default: all)
    --ignored[=<mode>]    show ignored files, optional modes: traditional, matching, no. (Default: traditional)
    --ignore-submodules[=<when>]
                          ignore changes to submodules, optional when: all, dirty, untracked. (Default: all)
    --column[=<style>]    list untracked files in columns
    --no-renames          do not detect renames
    -M, --find-renames[=<n>]
                          detect renames, optionally set similarity index

`;

export const status: GitCommand = async (g) => {
  let short = false;
  let showBranch = false;
  const unknown = (what: string) => {
    g.err(`error: ${what}\n${STATUS_USAGE}`);
    return 129;
  };
  for (const a of g.args) {
    if (a === '--short' || a === '--porcelain' || a === '--porcelain=v1') short = true;
    else if (a === '--branch') showBranch = true;
    else if (a === '--long') short = false;
    else if (a === '--') break;
    else if (a.startsWith('--')) return unknown(`unknown option \`${a.slice(2)}'`);
    else if (a.startsWith('-') && a.length > 1) {
      // Short switches combine: `-sb` is `-s -b`.
      for (const c of a.slice(1)) {
        if (c === 's') short = true;
        else if (c === 'b') showBranch = true;
        else return unknown(`unknown switch \`${c}'`);
      }
    }
  }
  const dir = findWorkTree(g);
  if (!dir) return fatal(g, NOT_A_REPO);
  if (!short) {
    g.out((await longStatus(g, dir)).text);
    return 0;
  }
  if (showBranch) g.out(await shortBranchLine(g, dir));
  const s = await workTreeStatus(g, dir);
  const codes = new Map<string, [string, string]>();
  const unmerged = await unmergedPaths(g, dir);
  const conflicted = new Set(unmerged.map((u) => u.path));
  s.staged = s.staged.filter((c) => !conflicted.has(c.path));
  s.unstaged = s.unstaged.filter((c) => !conflicted.has(c.path));
  for (const u of unmerged) codes.set(u.path, [u.code[0] as string, u.code[1] as string]);
  const code = { 'new file': 'A', modified: 'M', deleted: 'D' } as const;
  for (const c of s.staged) codes.set(c.path, [code[c.what], ' ']);
  for (const c of s.unstaged) {
    const x = codes.get(c.path)?.[0] ?? ' ';
    codes.set(c.path, [x, code[c.what]]);
  }
  const rel = (p: string) =>
    relativePath(g.cwd, resolvePath(dir, p)) + (p.endsWith('/') ? '/' : '');
  for (const path of [...codes.keys()].sort()) {
    const [x, y] = codes.get(path) as [string, string];
    g.out(`${x}${y} ${rel(path)}\n`);
  }
  for (const p of s.untracked) g.out(`?? ${rel(p)}\n`);
  return 0;
};
