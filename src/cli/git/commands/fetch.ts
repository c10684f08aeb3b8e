// git fetch and git pull: bring a hosted repository's commits home, move the remote-tracking
// branches, and (pull) fast-forward or merge the current branch onto its upstream.
import type { GitCommand, GitContext } from '../common';
import {
  FATAL,
  NOT_A_REPO,
  currentBranch,
  fatal,
  findWorkTree,
  git,
  globalConfig,
  headCommit,
  shortSha,
} from '../common';
import type { Side } from '../transfer';
import {
  copyObjects,
  gitDirOf,
  hasObject,
  haves,
  hostSide,
  isAncestor,
  listRefs,
  notFound,
  packProgress,
  planPack,
  readRef,
  receiveProgress,
  remoteUrl,
  removeRef,
  repoExists,
  shortUrl,
  unreachable,
  upstreamOf,
  writeRef,
  writeText,
} from '../transfer';
import { commitTree } from '../lib/repo';
import { moveTo, refusal } from '../lib/worktree';
import { merge } from './merge';

interface Fetched {
  url: string;
  local: Side;
  /** The branch asked for by name, and its commit. */
  wanted?: { branch: string; sha: string };
}

interface FetchOptions {
  quiet: boolean;
  /** Drop remote-tracking branches the remote no longer has (`--prune`). */
  prune?: boolean;
  /** The branch named on the command line (`git pull origin main`). */
  branch?: string;
  /** The branch whose upstream this is, for FETCH_HEAD's merge mark. */
  mergeBranch?: string;
}

/** Fetches from a named remote or a URL; a number is the exit code of a failure. */
async function fetchFrom(
  g: GitContext,
  dir: string,
  remoteName: string,
  o: FetchOptions,
): Promise<Fetched | number> {
  const named = (await git.listRemotes({ fs: g.fs, dir })).some((r) => r.remote === remoteName);
  const url = named ? ((await remoteUrl(g, dir, remoteName)) ?? remoteName) : remoteName;
  const remote = hostSide(g, url);
  if (!remote) return unreachable(g, url);
  if (!repoExists(remote)) return notFound(g, url);
  const local: Side = { store: g.store, gitdir: gitDirOf(dir) };
  const branches = listRefs(remote, 'refs/heads/');
  let wanted: Fetched['wanted'];
  if (o.branch !== undefined) {
    const name = o.branch.replace(/^refs\/heads\//, '');
    const sha = branches.get(name);
    if (!sha) return fatal(g, `couldn't find remote ref ${o.branch}`);
    wanted = { branch: name, sha };
  }
  // Tags come along (git's auto-following), unless the clone already has them.
  const tags = [...listRefs(remote, 'refs/tags/')].filter(
    ([t]) => readRef(local, `refs/tags/${t}`) === undefined,
  );
  // As git's quickfetch: what is already here (a deleted branch's commits) is not asked for.
  const tips = [...(wanted ? [wanted.sha] : branches.values()), ...tags.map(([, sha]) => sha)];
  const pack = planPack(
    remote,
    tips.filter((sha) => !hasObject(local, sha)),
    haves(local, remote),
  );
  if (pack.objects.length > 0) {
    if (!o.quiet) {
      g.err(packProgress(pack, 'remote: '));
      g.err(receiveProgress(pack, 'Unpacking'));
    }
    copyObjects(remote, local, pack.objects);
  }
  const lines: [string, string, string][] = [];
  if (o.prune && named) {
    for (const name of listRefs(local, `refs/remotes/${remoteName}/`).keys()) {
      if (name === 'HEAD' || branches.has(name)) continue;
      lines.push([' - [deleted]        ', '(none)', `${remoteName}/${name}`]);
      removeRef(local, `refs/remotes/${remoteName}/${name}`);
    }
  }
  if (wanted) lines.push([' * branch           ', wanted.branch, 'FETCH_HEAD']);
  if (named) {
    const update = wanted ? new Map([[wanted.branch, wanted.sha]]) : branches;
    for (const [name, sha] of update) {
      const ref = `refs/remotes/${remoteName}/${name}`;
      const old = readRef(local, ref);
      if (old === sha) continue;
      const target = `${remoteName}/${name}`;
      if (!old) lines.push([' * [new branch]     ', name, target]);
      else if (isAncestor(local, old, sha))
        lines.push([`   ${`${shortSha(old)}..${shortSha(sha)}`.padEnd(17)}`, name, target]);
      else
        lines.push([
          ` + ${`${shortSha(old)}...${shortSha(sha)}`.padEnd(17)}`,
          name,
          `${target}  (forced update)`,
        ]);
      writeRef(local, ref, sha);
    }
  }
  for (const [t, sha] of tags) {
    lines.push([' * [new tag]        ', t, t]);
    writeRef(local, `refs/tags/${t}`, sha);
  }
  const from = shortUrl(url);
  const head = [...(wanted ? [[wanted.branch, wanted.sha] as const] : branches)]
    .map(([name, sha]) => {
      const merge = wanted ? '' : name === o.mergeBranch ? '' : 'not-for-merge';
      return `${sha}\t${merge}\tbranch '${name}' of ${from}\n`;
    })
    .join('');
  writeText(local, 'FETCH_HEAD', head);
  if (lines.length > 0 && !o.quiet) {
    const width = Math.max(10, ...lines.map((l) => l[1].length));
    g.err(`From ${from}\n`);
    for (const [summary, name, target] of lines)
      g.err(`${summary} ${name.padEnd(width)} -> ${target}\n`);
  }
  return { url, local, ...(wanted ? { wanted } : {}) };
}

export const fetch: GitCommand = async (g) => {
  const dir = findWorkTree(g);
  if (dir === undefined) return fatal(g, NOT_A_REPO);
  let quiet = false;
  let prune = false;
  const pos: string[] = [];
  for (const a of g.args) {
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-p' || a === '--prune') prune = true;
    else if (a === '--progress' || a === '-v' || a === '--verbose' || a === '--all') continue;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^--?/, '')}'\n`);
      g.err('usage: git fetch [<options>] [<repository> [<refspec>...]]\n');
      return 129;
    } else pos.push(a);
  }
  const branch = await currentBranch(g, dir);
  const upstream = branch ? await upstreamOf(g, dir, branch) : undefined;
  const remotes = (await git.listRemotes({ fs: g.fs, dir })).map((r) => r.remote);
  const remoteName =
    pos[0] ?? upstream?.remote ?? (remotes.includes('origin') ? 'origin' : remotes[0]);
  // With no remote at all, git fetch has nothing to do and says nothing.
  if (remoteName === undefined) return 0;
  const r = await fetchFrom(g, dir, remoteName, {
    quiet,
    prune,
    ...(pos[1] !== undefined ? { branch: pos[1] } : {}),
    ...(upstream && upstream.remote === remoteName
      ? { mergeBranch: upstream.merge.replace(/^refs\/heads\//, '') }
      : {}),
  });
  return typeof r === 'number' ? r : 0;
};

const NO_TRACKING = (
  branch: string,
  remote: string,
) => `There is no tracking information for the current branch.
Please specify which branch you want to merge with.
See git-pull(1) for details.

    git pull <remote> <branch>

If you wish to set tracking information for this branch you can do so with:

    git branch --set-upstream-to=${remote}/<branch> ${branch}

`;

const RECONCILE = `hint: You have divergent branches and need to specify how to reconcile them.
hint: You can do so by running one of the following commands sometime before
hint: your next pull:
hint: 
hint:   git config pull.rebase false  # merge
hint:   git config pull.rebase true   # rebase
hint:   git config pull.ff only       # fast-forward only
hint: 
hint: You can replace "git config" with "git config --global" to set a default
hint: preference for all repositories. You can also pass --rebase, --no-rebase,
hint: or --ff-only on the command line to override the configured default per
hint: invocation.
fatal: Need to specify how to reconcile divergent branches.
`;

async function configValue(g: GitContext, dir: string, key: string): Promise<string | undefined> {
  const local = (await git.getConfig({ fs: g.fs, dir, path: key }).catch(() => undefined)) as
    string | undefined;
  return local ?? globalConfig(g, key);
}

export const pull: GitCommand = async (g) => {
  const dir = findWorkTree(g);
  if (dir === undefined) return fatal(g, NOT_A_REPO);
  let quiet = false;
  let mode: 'merge' | 'ff-only' | 'rebase' | undefined;
  let noFf = false;
  const pos: string[] = [];
  for (const a of g.args) {
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '--no-rebase') mode = 'merge';
    else if (a === '--ff-only') mode = 'ff-only';
    else if (a === '-r' || a === '--rebase' || a.startsWith('--rebase=')) mode = 'rebase';
    else if (a === '--no-ff') noFf = true;
    else if (a === '--ff' || a === '--progress' || a === '-v' || a === '--no-edit') continue;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^--?/, '')}'\n`);
      g.err('usage: git pull [<options>] [<repository> [<refspec>...]]\n');
      return 129;
    } else pos.push(a);
  }
  const branch = await currentBranch(g, dir);
  if (!branch) return fatal(g, 'You are not currently on a branch.');
  const upstream = await upstreamOf(g, dir, branch);
  if (pos.length === 0 && !upstream) {
    // git fetches first (from origin, if there is one), then finds nothing to merge.
    const fetched = await fetch({ ...g, args: quiet ? ['-q'] : [] });
    if (fetched !== 0) return fetched;
    // git names the remote when there is only one.
    const remotes = await git.listRemotes({ fs: g.fs, dir });
    g.err(NO_TRACKING(branch, remotes.length === 1 ? (remotes[0]?.remote ?? '') : '<remote>'));
    return 1;
  }
  const remoteName = pos[0] ?? upstream?.remote ?? 'origin';
  const wantedBranch =
    pos[1] ?? (upstream && upstream.remote === remoteName ? upstream.merge : undefined);
  if (wantedBranch === undefined) {
    g.err(
      `You asked to pull from the remote '${remoteName}', but did not specify\na branch. Because this is not the default configured remote\nfor your current branch, you must specify a branch on the command line.\n`,
    );
    return 1;
  }
  const explicit = pos[1] !== undefined;
  const fetched = await fetchFrom(g, dir, remoteName, {
    quiet,
    ...(explicit
      ? { branch: wantedBranch }
      : { mergeBranch: wantedBranch.replace(/^refs\/heads\//, '') }),
  });
  if (typeof fetched === 'number') return fetched;
  const theirs =
    fetched.wanted?.sha ??
    readRef(
      fetched.local,
      `refs/remotes/${remoteName}/${wantedBranch.replace(/^refs\/heads\//, '')}`,
    );
  if (!theirs) return fatal(g, `couldn't find remote ref ${wantedBranch}`);
  const ours = await headCommit(g, dir);
  const local = fetched.local;
  const name = wantedBranch.replace(/^refs\/heads\//, '');
  // The merge itself is git merge's, given the fetched commit and the message pull writes.
  const mergeArgs = [theirs, '-m', `Merge branch '${name}' of ${shortUrl(fetched.url)}`];
  if (quiet) mergeArgs.push('-q');
  if (noFf) mergeArgs.push('--no-ff');
  if (!ours) {
    // An unborn branch just takes the fetched commit, without a word.
    const moved = await moveTo(g, dir, new Map(), await commitTree(g, dir, theirs));
    if (!moved.ok) {
      g.err(refusal(moved, 'merge'));
      return 1;
    }
    writeRef(local, `refs/heads/${branch}`, theirs);
    return 0;
  }
  if (isAncestor(local, theirs, ours) || isAncestor(local, ours, theirs))
    return merge({ ...g, args: mode === 'ff-only' ? [...mergeArgs, '--ff-only'] : mergeArgs });
  const configured = (await configValue(g, dir, 'pull.rebase'))?.toLowerCase();
  const ff = (await configValue(g, dir, 'pull.ff'))?.toLowerCase();
  if (mode === undefined) {
    if (configured === 'false') mode = 'merge';
    else if (configured === 'true' || configured === 'merges') mode = 'rebase';
    else if (ff === 'only') mode = 'ff-only';
    else if (ff === 'false' || ff === 'true') mode = 'merge';
  }
  if (mode === 'ff-only') return fatal(g, 'Not possible to fast-forward, aborting.');
  if (mode === undefined) {
    g.err(RECONCILE);
    return FATAL;
  }
  if (mode === 'rebase')
    return fatal(g, 'pull --rebase is not supported here; use git pull --no-rebase');
  return merge({ ...g, args: mergeArgs });
};
