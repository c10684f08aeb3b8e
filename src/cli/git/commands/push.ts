// git push: sends commits to a repository on the Git host and moves its branches, refusing to
// overwrite work it has not seen unless forced. The first push to an address creates the
// repository there, as the simulated hosting service does.
import type { GitCommand, GitContext } from '../common';
import { FATAL, NOT_A_REPO, currentBranch, fatal, findWorkTree, git, shortSha } from '../common';
import { resolveRev } from '../lib/rev';
import type { Side } from '../transfer';
import {
  copyObjects,
  createRepo,
  gitDirOf,
  haves,
  hasObject,
  hostSide,
  isAncestor,
  listRefs,
  packProgress,
  planPack,
  readRef,
  remoteUrl,
  removeRef,
  repoExists,
  repoName,
  unreachable,
  upstreamOf,
  writeRef,
} from '../transfer';

const NO_DESTINATION = `fatal: No configured push destination.
Either specify the URL from the command-line or configure a remote repository using

    git remote add <name> <url>

and then push using the remote name

    git push <name>

`;

const noUpstream = (
  branch: string,
  remote: string,
) => `fatal: The current branch ${branch} has no upstream branch.
To push the current branch and set the remote as upstream, use

    git push --set-upstream ${remote} ${branch}

To have this happen automatically for branches without a tracking
upstream, see 'push.autoSetupRemote' in 'git help config'.

`;

const mismatch = (
  remote: string,
  upstream: string,
) => `fatal: The upstream branch of your current branch does not match
the name of your current branch.  To push to the upstream branch
on the remote, use

    git push ${remote} HEAD:${upstream}

To push to the branch of the same name on the remote, use

    git push ${remote} HEAD

To choose either option permanently, see push.default in 'git help config'.

To avoid automatically configuring an upstream branch when its name
won't match the local branch, see option 'simple' of branch.autoSetupMerge
in 'git help config'.

`;

const DETACHED = `fatal: You are not currently on a branch.
To push the history leading to the current (detached HEAD)
state now, use

    git push origin HEAD:<name-of-remote-branch>

`;

const FAST_FORWARDS =
  "hint: See the 'Note about fast-forwards' in 'git push --help' for details.\n";

const HINT_FETCH_FIRST = `hint: Updates were rejected because the remote contains work that you do
hint: not have locally. This is usually caused by another repository pushing
hint: to the same ref. You may want to first integrate the remote changes
hint: (e.g., 'git pull ...') before pushing again.
${FAST_FORWARDS}`;

const HINT_CURRENT_BEHIND = `hint: Updates were rejected because the tip of your current branch is behind
hint: its remote counterpart. Integrate the remote changes (e.g.
hint: 'git pull ...') before pushing again.
${FAST_FORWARDS}`;

const HINT_OTHER_BEHIND = `hint: Updates were rejected because a pushed branch tip is behind its remote
hint: counterpart. Check out this branch and integrate the remote changes
hint: (e.g. 'git pull ...') before pushing again.
${FAST_FORWARDS}`;

type Outcome =
  'new' | 'uptodate' | 'ff' | 'forced' | 'deleted' | 'fetch-first' | 'non-ff' | 'exists';

interface Update {
  /** As the person named it: `main`, `HEAD`. */
  srcName: string;
  /** The local branch behind it, for `-u`. */
  srcBranch?: string;
  dst: string;
  sha?: string;
  old?: string;
  force: boolean;
  outcome?: Outcome;
}

const short = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

/** The summary git prints for each ref after `To <url>`. */
function statusLine(u: Update): string {
  const pad = (s: string) => s.padEnd(17);
  const names = `${u.srcName} -> ${short(u.dst)}`;
  const kind = u.dst.startsWith('refs/tags/') ? '[new tag]' : '[new branch]';
  switch (u.outcome) {
    case 'new':
      return ` * ${pad(kind)} ${names}\n`;
    case 'ff':
      return `   ${pad(`${shortSha(u.old ?? '')}..${shortSha(u.sha ?? '')}`)} ${names}\n`;
    case 'forced':
      return ` + ${pad(`${shortSha(u.old ?? '')}...${shortSha(u.sha ?? '')}`)} ${names} (forced update)\n`;
    case 'deleted':
      return ` - ${pad('[deleted]')} ${short(u.dst)}\n`;
    case 'fetch-first':
      return ` ! ${pad('[rejected]')} ${names} (fetch first)\n`;
    case 'non-ff':
      return ` ! ${pad('[rejected]')} ${names} (non-fast-forward)\n`;
    case 'exists':
      return ` ! ${pad('[rejected]')} ${names} (already exists)\n`;
    default:
      return ` = ${pad('[up to date]')} ${names}\n`;
  }
}

interface Options {
  setUpstream: boolean;
  force: boolean;
  quiet: boolean;
  verbose: boolean;
  remove: boolean;
  tags: boolean;
  all: boolean;
  positional: string[];
}

function parse(g: GitContext): Options | number {
  const o: Options = {
    setUpstream: false,
    force: false,
    quiet: false,
    verbose: false,
    remove: false,
    tags: false,
    all: false,
    positional: [],
  };
  let dashdash = false;
  for (const a of g.args) {
    if (dashdash || !a.startsWith('-') || a === '-') o.positional.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '-u' || a === '--set-upstream') o.setUpstream = true;
    else if (a === '-f' || a === '--force' || a.startsWith('--force-with-lease')) o.force = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-v' || a === '--verbose') o.verbose = true;
    else if (a === '-d' || a === '--delete') o.remove = true;
    else if (a === '--tags') o.tags = true;
    else if (a === '--all' || a === '--branches') o.all = true;
    else if (a === '--progress' || a === '--no-progress' || a === '--no-verify') continue;
    else {
      g.err(`error: unknown option \`${a.replace(/^--?/, '')}'\n`);
      g.err('usage: git push [<options>] [<repository> [<refspec>...]]\n');
      return 129;
    }
  }
  return o;
}

/** Reads `[+]<src>[:<dst>]` into an update, or prints git's error. */
async function refspec(
  g: GitContext,
  dir: string,
  spec: string,
  branch: string | undefined,
  o: Options,
): Promise<Update | string> {
  const force = o.force || spec.startsWith('+');
  const body = spec.replace(/^\+/, '');
  const colon = body.indexOf(':');
  const src = colon < 0 ? body : body.slice(0, colon);
  const dstName = colon < 0 ? undefined : body.slice(colon + 1);
  const full = (name: string) => (name.startsWith('refs/') ? name : `refs/heads/${name}`);
  if (o.remove) return { srcName: '', dst: full(body), force };
  if (src === '' && dstName) return { srcName: '', dst: full(dstName), force };
  const tagName = src.replace(/^refs\/tags\//, '');
  const isBranch = (await git.listBranches({ fs: g.fs, dir })).includes(src);
  const isTag = !isBranch && (await git.listTags({ fs: g.fs, dir })).includes(tagName);
  const local: Side = { store: g.store, gitdir: gitDirOf(dir) };
  // A tag is sent as it is (an annotated tag's object, not the commit it names).
  const sha = isTag ? readRef(local, `refs/tags/${tagName}`) : await resolveRev(g, dir, src);
  if (!sha) return `error: src refspec ${src} does not match any\n`;
  const srcBranch = isBranch ? src : src === 'HEAD' ? branch : undefined;
  let dst: string;
  if (dstName) dst = full(dstName);
  else if (isTag) dst = `refs/tags/${tagName}`;
  else if (srcBranch) dst = `refs/heads/${srcBranch}`;
  else if (src.startsWith('refs/')) dst = src;
  else
    return `error: The destination you provided is not a full refname (i.e.,\nstarting with "refs/"). We tried to guess what you meant by:\n\n- Looking for a ref that matches '${src}' on the remote side.\n- Checking if the <src> being pushed ('${src}')\n  is a ref in "refs/{heads,tags}/". If so we add a corresponding\n  refs/{heads,tags}/ prefix on the remote side.\n\nNeither worked, so we gave up. You must fully qualify the ref.\n`;
  return { srcName: isTag ? tagName : src, ...(srcBranch ? { srcBranch } : {}), dst, sha, force };
}

function classify(local: Side, remote: Side, u: Update): void {
  u.old = readRef(remote, u.dst);
  if (!u.sha) u.outcome = 'deleted';
  else if (!u.old) u.outcome = 'new';
  else if (u.old === u.sha) u.outcome = 'uptodate';
  else if (u.dst.startsWith('refs/tags/')) u.outcome = u.force ? 'forced' : 'exists';
  else if (isAncestor(local, u.old, u.sha)) u.outcome = 'ff';
  else if (u.force) u.outcome = 'forced';
  else u.outcome = hasObject(local, u.old) ? 'non-ff' : 'fetch-first';
}

export const push: GitCommand = async (g) => {
  const dir = findWorkTree(g);
  if (dir === undefined) return fatal(g, NOT_A_REPO);
  const o = parse(g);
  if (typeof o === 'number') return o;
  const branch = await currentBranch(g, dir);
  const upstream = branch ? await upstreamOf(g, dir, branch) : undefined;
  const remoteNames = (await git.listRemotes({ fs: g.fs, dir })).map((r) => r.remote);
  const [remoteArg, ...specs] = o.positional;
  const remoteName = remoteArg ?? upstream?.remote ?? 'origin';
  const named = remoteNames.includes(remoteName);
  if (!named && remoteArg === undefined) {
    g.err(NO_DESTINATION);
    return FATAL;
  }
  const url = named ? ((await remoteUrl(g, dir, remoteName)) ?? remoteName) : remoteName;

  const local: Side = { store: g.store, gitdir: gitDirOf(dir) };
  if (o.all) specs.push(...listRefs(local, 'refs/heads/').keys());
  if (o.tags) specs.push(...[...listRefs(local, 'refs/tags/').keys()].map((t) => `refs/tags/${t}`));
  if (specs.length === 0 && !o.tags) {
    if (o.remove) {
      g.err("fatal: --delete doesn't make sense without any refs\n");
      return FATAL;
    }
    if (!branch) {
      g.err(DETACHED);
      return FATAL;
    }
    // push.default=simple: the branch's upstream when pushing where it fetches from, else its own name.
    const fetchRemote = upstream?.remote ?? 'origin';
    if (remoteName === fetchRemote) {
      if (!upstream) {
        g.err(noUpstream(branch, remoteName));
        return FATAL;
      }
      if (upstream.merge !== `refs/heads/${branch}`) {
        g.err(mismatch(remoteName, upstream.merge.replace(/^refs\/heads\//, '')));
        return FATAL;
      }
      specs.push(`${branch}:${upstream.merge}`);
    } else specs.push(branch);
  }

  const updates: Update[] = [];
  for (const spec of specs) {
    const u = await refspec(g, dir, spec, branch, o);
    if (typeof u === 'string') {
      g.err(u);
      g.err(`error: failed to push some refs to '${url}'\n`);
      return 1;
    }
    updates.push(u);
  }

  const remote = hostSide(g, url);
  if (!remote) return unreachable(g, url);
  const exists = repoExists(remote);
  for (const u of updates) {
    if (exists) classify(local, remote, u);
    else u.outcome = u.sha ? 'new' : 'deleted';
  }

  const errors: string[] = [];
  const missing = updates.filter((u) => u.outcome === 'deleted' && !u.old);
  for (const u of missing)
    errors.push(`error: unable to delete '${short(u.dst)}': remote ref does not exist\n`);
  const accepted = updates.filter(
    (u) =>
      u.outcome === 'new' ||
      u.outcome === 'ff' ||
      u.outcome === 'forced' ||
      (u.outcome === 'deleted' && u.old),
  );
  const rejected = updates.filter(
    (u) => u.outcome === 'fetch-first' || u.outcome === 'non-ff' || u.outcome === 'exists',
  );

  if (accepted.length === 0 && rejected.length === 0 && missing.length === 0) {
    await trackUpstreams(g, dir, o, named, remoteName, updates);
    if (!o.quiet) g.err('Everything up-to-date\n');
    return 0;
  }

  let created = false;
  const sends = accepted.filter((u) => u.sha);
  if (sends.length > 0 && !exists) {
    createRepo(remote, short(sends[0]?.dst ?? 'main'));
    created = true;
  }
  if (sends.length > 0) {
    const pack = planPack(
      local,
      sends.map((u) => u.sha as string),
      haves(remote, local),
    );
    if (!o.quiet) g.err(packProgress(pack));
    copyObjects(local, remote, pack.objects);
  }
  for (const u of accepted) {
    if (u.sha) writeRef(remote, u.dst, u.sha);
    else removeRef(remote, u.dst);
    if (named && u.dst.startsWith('refs/heads/')) {
      const tracking = `refs/remotes/${remoteName}/${short(u.dst)}`;
      if (u.sha) writeRef(local, tracking, u.sha);
      else removeRef(local, tracking);
    }
  }
  if (created && !o.quiet) {
    const { host, name } = repoName(remote);
    g.err(`remote: Created repository ${name} on ${host}.\n`);
  }
  const shown = updates
    .filter((u) => u.outcome !== 'uptodate' || o.verbose)
    .filter((u) => !missing.includes(u));
  if (shown.length > 0 && (!o.quiet || rejected.length > 0)) {
    g.err(`To ${url}\n`);
    for (const u of shown) if (!o.quiet || rejected.includes(u)) g.err(statusLine(u));
  }
  await trackUpstreams(
    g,
    dir,
    o,
    named,
    remoteName,
    updates.filter((u) => !rejected.includes(u)),
  );
  for (const e of errors) g.err(e);
  if (rejected.length > 0 || missing.length > 0) {
    g.err(`error: failed to push some refs to '${url}'\n`);
    const first = rejected[0];
    if (first?.outcome === 'fetch-first') g.err(HINT_FETCH_FIRST);
    else if (first?.outcome === 'exists')
      g.err('hint: Updates were rejected because the tag already exists in the remote.\n');
    else if (first)
      g.err(
        first.srcBranch && first.srcBranch === branch ? HINT_CURRENT_BEHIND : HINT_OTHER_BEHIND,
      );
  }
  return rejected.length > 0 || missing.length > 0 ? 1 : 0;
};

/** `-u`: the pushed branches now track what they were pushed to. */
async function trackUpstreams(
  g: GitContext,
  dir: string,
  o: Options,
  named: boolean,
  remote: string,
  updates: Update[],
): Promise<void> {
  if (!o.setUpstream || !named) return;
  for (const u of updates) {
    if (!u.srcBranch || !u.sha || !u.dst.startsWith('refs/heads/')) continue;
    await git.setConfig({ fs: g.fs, dir, path: `branch.${u.srcBranch}.remote`, value: remote });
    await git.setConfig({ fs: g.fs, dir, path: `branch.${u.srcBranch}.merge`, value: u.dst });
    if (!o.quiet) g.out(`branch '${u.srcBranch}' set up to track '${remote}/${short(u.dst)}'.\n`);
  }
}
