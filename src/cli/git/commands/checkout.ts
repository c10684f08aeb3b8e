// git checkout, git switch and git restore: moving HEAD between branches (or detaching it at a
// commit), creating branches on the way (-b, -c, a remote branch's name), and restoring files
// from the index or a commit. Formats: git 2.39 builtin/checkout.c, advice.c.
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git, headCommit } from '../common';
import { writeIndex } from '../lib/gitindex';
import type { TreeMap } from '../lib/repo';
import {
  commitTree,
  hashBytes,
  headOrEmpty,
  indexMap,
  mapToIndex,
  readBlobBytes,
  removeWork,
  repoOrFail,
  toRepoPath,
  underPath,
  workContent,
  writeWork,
} from '../lib/repo';
import { branchCommit, resolveCommit, subjectOf } from '../lib/rev';
import { moveTo, refusal } from '../lib/worktree';
import { DETACHED_ADVICE, leavingBehind, logCheckout, orphans, previous } from '../lib/detached';
import { validBranchName } from './branch';

interface Target {
  /** The branch HEAD will be on, or undefined to detach. */
  branch?: string;
  /** A branch to create at `commit` first. */
  create?: boolean;
  /** Set up tracking of this remote branch (`origin/x`). */
  track?: string;
  commit: string | undefined;
  /** The name the user gave, for messages. */
  name: string;
  /** --detach: git gives no detached-HEAD advice when asked for it. */
  detach?: boolean;
}

async function switchTo(g: GitContext, dir: string, t: Target, quiet: boolean, force: boolean) {
  const oldBranch = await currentBranch(g, dir);
  const oldHead = await headCommit(g, dir);
  if (t.branch && !t.create && t.branch === oldBranch) {
    if (!quiet) g.err(`Already on '${t.branch}'\n`);
    return 0;
  }
  const head = oldHead ? await commitTree(g, dir, oldHead) : new Map<string, never>();
  const target: TreeMap = t.commit ? await commitTree(g, dir, t.commit) : new Map();
  const moved = await moveTo(g, dir, head, target, force);
  if (!moved.ok) {
    g.err(refusal(moved, 'checkout'));
    return 1;
  }
  if (t.create && t.commit) {
    await git.writeRef({
      fs: g.fs,
      dir,
      ref: `refs/heads/${t.branch}`,
      value: t.commit,
      force: true,
    });
  }
  if (t.branch) {
    await git.writeRef({
      fs: g.fs,
      dir,
      ref: 'HEAD',
      value: `refs/heads/${t.branch}`,
      symbolic: true,
      force: true,
    });
  } else if (t.commit) {
    await git.writeRef({ fs: g.fs, dir, ref: 'HEAD', value: t.commit, force: true });
  }
  if (t.track) {
    const [remote, ...rest] = t.track.split('/');
    await git.setConfig({ fs: g.fs, dir, path: `branch.${t.branch}.remote`, value: remote });
    await git.setConfig({
      fs: g.fs,
      dir,
      path: `branch.${t.branch}.merge`,
      value: `refs/heads/${rest.join('/')}`,
    });
  }
  await logCheckout(g, dir, oldHead, t.commit, oldBranch, t.branch ?? t.name);
  if (quiet) return 0;
  // A new branch at HEAD changes no files: git skips the work tree and its report.
  if (moved.carried.length > 0 && !(t.create && t.commit === oldHead))
    g.out(moved.carried.map((l) => `${l}\n`).join(''));
  if (oldBranch === undefined && oldHead && oldHead !== t.commit) {
    const lost = await orphans(g, dir, oldHead);
    if (lost.length === 0) {
      g.err(
        `Previous HEAD position was ${oldHead.slice(0, 7)} ${await subjectOf(g, dir, oldHead)}\n`,
      );
    } else g.err(await leavingBehind(g, dir, lost));
  }
  if (t.track) g.out(`branch '${t.branch}' set up to track '${t.track}'.\n`);
  if (t.branch) {
    g.err(
      t.create ? `Switched to a new branch '${t.branch}'\n` : `Switched to branch '${t.branch}'\n`,
    );
  } else if (t.commit) {
    if (oldBranch !== undefined && !t.detach) g.err(DETACHED_ADVICE(t.name));
    g.err(`HEAD is now at ${t.commit.slice(0, 7)} ${await subjectOf(g, dir, t.commit)}\n`);
  }
  return 0;
}

/** Restores `specs` in the work tree and/or index from `source` (undefined: the index). */
async function restorePaths(
  g: GitContext,
  dir: string,
  specs: string[],
  source: TreeMap | undefined,
  staged: boolean,
  worktree: boolean,
  /** `checkout` without `--` says how many files it changed, and from where. */
  report?: string,
): Promise<number> {
  const index = await indexMap(g, dir);
  const from = source ?? index;
  const rels = specs.map((s) => toRepoPath(g, dir, s) ?? s);
  let code = 0;
  for (let i = 0; i < rels.length; i++) {
    const rel = rels[i]!;
    const known = [...from.keys(), ...(staged ? index.keys() : [])].some((p) => underPath(p, rel));
    if (!known) {
      g.err(`error: pathspec '${specs[i]}' did not match any file(s) known to git\n`);
      code = 1;
    }
  }
  if (code !== 0) return code;
  const matches = (p: string) => rels.some((r) => underPath(p, r));
  if (staged) {
    for (const p of new Set([...index.keys(), ...from.keys()])) {
      if (!matches(p)) continue;
      const e = from.get(p);
      if (e) index.set(p, e);
      else index.delete(p);
    }
    await writeIndex(g, dir, mapToIndex(index));
  }
  let updated = 0;
  if (worktree) {
    for (const p of new Set([...from.keys(), ...(source ? index.keys() : [])])) {
      if (!matches(p)) continue;
      const e = from.get(p);
      const work = workContent(g, dir, p);
      if (e) {
        if (!work || (await hashBytes(work)) !== e.oid) updated++;
        writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
      } else if (work && !staged) removeWork(g, dir, p);
    }
  }
  if (report !== undefined) {
    g.err(`Updated ${updated} path${updated === 1 ? '' : 's'} from ${report}\n`);
  }
  return 0;
}

/** A name that is no local branch but one remote's branch: git's checkout/switch DWIM. */
async function remoteBranch(g: GitContext, dir: string, name: string): Promise<string | undefined> {
  const found: string[] = [];
  for (const { remote } of await git.listRemotes({ fs: g.fs, dir })) {
    const ref = `refs/remotes/${remote}/${name}`;
    if (await git.resolveRef({ fs: g.fs, dir, ref }).catch(() => undefined))
      found.push(`${remote}/${name}`);
  }
  return found.length === 1 ? found[0] : undefined;
}

interface Parsed {
  create?: string;
  forceCreate: boolean;
  detach: boolean;
  quiet: boolean;
  force: boolean;
  words: string[];
  paths: string[];
  dashdash: boolean;
  track?: boolean;
}

/** `checkout -t origin/x` / `switch --track origin/x`: create `x` from it. */
function implicitCreate(p: Parsed) {
  if (!p.track || p.create !== undefined || p.words[0] === undefined) return;
  const start = p.words[0];
  p.create = start.slice(start.indexOf('/') + 1);
}

function parse(g: GitContext, createFlags: string[]): Parsed | number {
  const p: Parsed = {
    forceCreate: false,
    detach: false,
    quiet: false,
    force: false,
    words: [],
    paths: [],
    dashdash: false,
  };
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (p.dashdash) p.paths.push(a);
    else if (a === '--') p.dashdash = true;
    else if (createFlags.includes(a) || createFlags.map((f) => f.toUpperCase()).includes(a)) {
      p.forceCreate = a === a.toUpperCase() && a.length === 2;
      const name = args.shift();
      if (name === undefined) {
        g.err(`error: switch \`${a.slice(1)}' requires a value\n`);
        return 129;
      }
      p.create = name;
    } else if (a === '--detach' || a === '-d') p.detach = true;
    else if (a === '-t' || a === '--track') {
      // `-t origin/x` alone names the new branch after the remote one.
      p.track = true;
    } else if (a === '-q' || a === '--quiet') p.quiet = true;
    else if (a === '-f' || a === '--force' || a === '--discard-changes') p.force = true;
    else if (a.startsWith('-') && a !== '-') {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else p.words.push(a);
  }
  return p;
}

async function createTarget(g: GitContext, dir: string, p: Parsed): Promise<Target | number> {
  const name = p.create!;
  if (!validBranchName(name)) return fatal(g, `'${name}' is not a valid branch name`);
  if ((await branchCommit(g, dir, name)) && !p.forceCreate) {
    return fatal(g, `a branch named '${name}' already exists`);
  }
  const start = p.words[0];
  const commit = start ? await resolveCommit(g, dir, start) : await headCommit(g, dir);
  if (start && !commit)
    return fatal(g, `'${start}' is not a commit and a branch '${name}' cannot be created from it`);
  const track =
    start &&
    (await git.resolveRef({ fs: g.fs, dir, ref: `refs/remotes/${start}` }).catch(() => undefined))
      ? start
      : undefined;
  return { branch: name, create: true, commit, name, ...(track ? { track } : {}) };
}

export const checkout: GitCommand = async (g) => {
  const p = parse(g, ['-b']);
  if (typeof p === 'number') return p;
  implicitCreate(p);
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (p.create !== undefined) {
    const t = await createTarget(g, dir, p);
    return typeof t === 'number' ? t : switchTo(g, dir, t, p.quiet, p.force);
  }
  if (p.words[0] === '-') {
    const prev = previous(g, dir);
    if (prev === undefined) {
      g.err("error: pathspec '-' did not match any file(s) known to git\n");
      return 1;
    }
    p.words[0] = prev;
  }
  const [first, ...rest] = p.words;
  // `checkout [<tree-ish>] -- <paths>` and `checkout <paths>`.
  if (p.dashdash || rest.length > 0) {
    const specs = p.dashdash ? [...rest, ...p.paths] : rest;
    const treeish = p.dashdash && p.words.length === 0 ? undefined : first;
    const counted = p.quiet || p.dashdash ? undefined : 'the index';
    if (treeish === undefined) return restorePaths(g, dir, p.paths, undefined, false, true);
    const oid = await resolveCommit(g, dir, treeish);
    if (!oid) {
      if (!p.dashdash) return restorePaths(g, dir, p.words, undefined, false, true, counted);
      return fatal(g, `invalid reference: ${treeish}`);
    }
    const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
    const from = p.quiet || p.dashdash ? undefined : commit.tree.slice(0, 7);
    return restorePaths(g, dir, specs, await commitTree(g, dir, oid), true, true, from);
  }
  if (first === undefined) {
    if (!p.detach) return 0;
    const head = await headCommit(g, dir);
    return switchTo(g, dir, { commit: head, name: 'HEAD', detach: true }, p.quiet, p.force);
  }
  if (await branchCommit(g, dir, first)) {
    if (p.detach) {
      const commit = await branchCommit(g, dir, first);
      return switchTo(g, dir, { commit, name: first, detach: true }, p.quiet, p.force);
    }
    return switchTo(
      g,
      dir,
      { branch: first, commit: await branchCommit(g, dir, first), name: first },
      p.quiet,
      p.force,
    );
  }
  const commit = await resolveCommit(g, dir, first);
  if (commit) return switchTo(g, dir, { commit, name: first, detach: p.detach }, p.quiet, p.force);
  const remote = await remoteBranch(g, dir, first);
  if (remote) {
    const oid = await resolveCommit(g, dir, remote);
    return switchTo(
      g,
      dir,
      { branch: first, create: true, commit: oid, name: first, track: remote },
      p.quiet,
      p.force,
    );
  }
  return restorePaths(g, dir, [first], undefined, false, true, p.quiet ? undefined : 'the index');
};

export const switchCmd: GitCommand = async (g) => {
  const p = parse(g, ['-c', '--create']);
  if (typeof p === 'number') return p;
  implicitCreate(p);
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (p.create !== undefined) {
    const t = await createTarget(g, dir, p);
    return typeof t === 'number' ? t : switchTo(g, dir, t, p.quiet, p.force);
  }
  if (p.words[0] === '-') {
    const prev = previous(g, dir);
    if (prev === undefined) return fatal(g, 'invalid reference: @{-1}');
    p.words[0] = prev;
  }
  const [first] = p.words;
  if (first === undefined && p.detach) {
    const head = await headCommit(g, dir);
    return switchTo(g, dir, { commit: head, name: 'HEAD', detach: true }, p.quiet, p.force);
  }
  if (first === undefined) return fatal(g, 'missing branch or commit argument');
  const branchOid = await branchCommit(g, dir, first);
  if (branchOid && !p.detach)
    return switchTo(g, dir, { branch: first, commit: branchOid, name: first }, p.quiet, p.force);
  const commit = await resolveCommit(g, dir, first);
  if (commit && p.detach)
    return switchTo(g, dir, { commit, name: first, detach: true }, p.quiet, p.force);
  if (commit) {
    g.err(
      `fatal: a branch is expected, got commit '${first}'\nhint: If you want to detach HEAD at the commit, try again with the --detach option.\n`,
    );
    return 128;
  }
  const remote = await remoteBranch(g, dir, first);
  if (remote) {
    const oid = await resolveCommit(g, dir, remote);
    return switchTo(
      g,
      dir,
      { branch: first, create: true, commit: oid, name: first, track: remote },
      p.quiet,
      p.force,
    );
  }
  return fatal(g, `invalid reference: ${first}`);
};

export const restore: GitCommand = async (g) => {
  let staged = false;
  let worktree = false;
  let source: string | undefined;
  const paths: string[] = [];
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--staged' || a === '-S') staged = true;
    else if (a === '--worktree' || a === '-W') worktree = true;
    else if (a === '--source' || a === '-s') source = args.shift();
    else if (a.startsWith('--source=')) source = a.slice('--source='.length);
    else if (a === '--') paths.push(...args.splice(0));
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else paths.push(a);
  }
  if (!staged) worktree = true;
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (paths.length === 0) return fatal(g, 'you must specify path(s) to restore');
  let from: TreeMap | undefined;
  if (source !== undefined) {
    const oid = await resolveCommit(g, dir, source);
    if (!oid) return fatal(g, `could not resolve ${source}`);
    from = await commitTree(g, dir, oid);
  } else if (staged) from = await headOrEmpty(g, dir);
  // `--staged` alone resets the index from HEAD; with --worktree both take the source.
  if (staged && !worktree) return restorePaths(g, dir, paths, from, true, false);
  if (staged && worktree) return restorePaths(g, dir, paths, from, true, true);
  return restorePaths(g, dir, paths, from, false, true);
};
