// git branch: list (with `*`, -v/-vv, -a, -r), create (at HEAD or a start point), delete
// (-d refuses unmerged work, -D forces), rename (-m/-M). Formats: git 2.39 builtin/branch.c,
// ref-filter.c.
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git, headCommit } from '../common';
import { branchCommit, detachedLabel, resolveCommit, subjectOf, upstreamName } from '../lib/rev';
import { repoOrFail } from '../lib/repo';

/** Whether git accepts `name` as a branch name (refs.c check_refname_format, the common cases). */
export function validBranchName(name: string): boolean {
  return (
    name !== '' &&
    name !== 'HEAD' &&
    !name.startsWith('-') &&
    !/(^|\/)\.|\.\.|[\s~^:?*[\\]|\/\/|\/$|\.lock(\/|$)|@\{|\.$/.test(name)
  );
}

async function isAncestor(g: GitContext, dir: string, ancestor: string, of: string) {
  if (ancestor === of) return true;
  return git.isDescendent({ fs: g.fs, dir, oid: of, ancestor, depth: -1 });
}

/** Commits reachable from `from` and not from `not`. */
async function countOnly(g: GitContext, dir: string, from: string, not: string): Promise<number> {
  const excluded = new Set<string>();
  const walk = async (start: string, into: Set<string>, stop?: Set<string>) => {
    const todo = [start];
    while (todo.length > 0) {
      const oid = todo.pop()!;
      if (into.has(oid) || stop?.has(oid)) continue;
      into.add(oid);
      todo.push(...(await git.readCommit({ fs: g.fs, dir, oid })).commit.parent);
    }
  };
  await walk(not, excluded);
  const only = new Set<string>();
  await walk(from, only, excluded);
  return only.size;
}

/** `[origin/main: ahead 1]` (-vv) or `[ahead 1]` (-v) for a branch with an upstream. */
export async function trackingText(
  g: GitContext,
  dir: string,
  name: string,
  oid: string,
  full: boolean,
) {
  const get = (path: string) =>
    git.getConfig({ fs: g.fs, dir, path }).catch(() => undefined) as Promise<string | undefined>;
  const remote = await get(`branch.${name}.remote`);
  const merge = await get(`branch.${name}.merge`);
  if (!remote || !merge) return '';
  const upstream =
    remote === '.'
      ? merge.replace(/^refs\/heads\//, '')
      : `${remote}/${merge.replace(/^refs\/heads\//, '')}`;
  const ref = remote === '.' ? merge : `refs/remotes/${upstream}`;
  const up = await git.resolveRef({ fs: g.fs, dir, ref }).catch(() => undefined);
  if (!up) return full ? `[${upstream}: gone] ` : '';
  const ahead = await countOnly(g, dir, oid, up);
  const behind = await countOnly(g, dir, up, oid);
  const parts = [...(ahead ? [`ahead ${ahead}`] : []), ...(behind ? [`behind ${behind}`] : [])];
  if (full) return `[${upstream}${parts.length ? `: ${parts.join(', ')}` : ''}] `;
  return parts.length ? `[${parts.join(', ')}] ` : '';
}

async function list(
  g: GitContext,
  dir: string,
  verbose: number,
  local: boolean,
  remote: boolean,
  merged?: { into: string; want: boolean },
) {
  const current = await currentBranch(g, dir);
  const head = await headCommit(g, dir);
  let rows: { mark: string; name: string; oid: string; local?: boolean }[] = [];
  if (current === undefined && head && local) {
    rows.push({
      mark: '*',
      name: `(HEAD detached ${await detachedLabel(g, dir, head)})`,
      oid: head,
    });
  }
  if (local) {
    for (const b of (await git.listBranches({ fs: g.fs, dir })).sort()) {
      const oid = await branchCommit(g, dir, b);
      if (oid) rows.push({ mark: b === current ? '*' : ' ', name: b, oid, local: true });
    }
  }
  if (remote) {
    for (const r of (await git.listRemotes({ fs: g.fs, dir })).map((x) => x.remote).sort()) {
      for (const b of (await git.listBranches({ fs: g.fs, dir, remote: r })).sort()) {
        if (b === 'HEAD') continue;
        const oid = await git.resolveRef({ fs: g.fs, dir, ref: `refs/remotes/${r}/${b}` });
        rows.push({ mark: ' ', name: local ? `remotes/${r}/${b}` : `${r}/${b}`, oid });
      }
    }
  }
  if (merged) {
    const keep: typeof rows = [];
    for (const r of rows) {
      if ((await isAncestor(g, dir, r.oid, merged.into)) === merged.want) keep.push(r);
    }
    rows = keep;
  }
  const width = Math.max(0, ...rows.map((r) => r.name.length));
  for (const r of rows) {
    if (!verbose) g.out(`${r.mark} ${r.name}\n`);
    else {
      const track = r.local ? await trackingText(g, dir, r.name, r.oid, verbose > 1) : '';
      const subject = await subjectOf(g, dir, r.oid);
      g.out(`${r.mark} ${r.name.padEnd(width)} ${r.oid.slice(0, 7)} ${track}${subject}\n`);
    }
  }
  return 0;
}

/**
 * Whether `branch -d` may delete: merged into the branch's upstream when it has one (warning
 * when HEAD lacks it), else into HEAD (branch.c branch_merged).
 */
async function mergedEnough(
  g: GitContext,
  dir: string,
  name: string,
  oid: string,
  head: string | undefined,
): Promise<boolean> {
  const inHead = head !== undefined && (await isAncestor(g, dir, oid, head));
  const up = await upstreamName(g, dir, name);
  const upRef =
    up === undefined ? undefined : up.includes('/') ? `refs/remotes/${up}` : `refs/heads/${up}`;
  const upOid =
    upRef && (await git.resolveRef({ fs: g.fs, dir, ref: upRef }).catch(() => undefined));
  if (!upRef || !upOid) return inHead;
  const merged = await isAncestor(g, dir, oid, upOid);
  if (merged && !inHead) {
    g.err(
      `warning: deleting branch '${name}' that has been merged to\n         '${upRef}', but not yet merged to HEAD.\n`,
    );
  } else if (!merged && inHead) {
    g.err(
      `warning: not deleting branch '${name}' that is not yet merged to\n         '${upRef}', even though it is merged to HEAD.\n`,
    );
  }
  return merged;
}

/** `branch -u <upstream> [<branch>]` and `--unset-upstream`. */
async function setUpstream(
  g: GitContext,
  dir: string,
  name: string | undefined,
  upstream: string | undefined,
  quiet = false,
): Promise<number> {
  if (name === undefined)
    return fatal(g, 'could not set upstream of HEAD when it does not point to any branch.');
  if (!(await branchCommit(g, dir, name))) return fatal(g, `branch '${name}' does not exist`);
  if (upstream === undefined) {
    const remote = await git
      .getConfig({ fs: g.fs, dir, path: `branch.${name}.remote` })
      .catch(() => undefined);
    if (!remote) return fatal(g, `Branch '${name}' has no upstream information`);
    await git.setConfig({ fs: g.fs, dir, path: `branch.${name}.remote`, value: undefined });
    await git.setConfig({ fs: g.fs, dir, path: `branch.${name}.merge`, value: undefined });
    return 0;
  }
  const slash = upstream.indexOf('/');
  const remoteRef = await git
    .resolveRef({ fs: g.fs, dir, ref: `refs/remotes/${upstream}` })
    .catch(() => undefined);
  if (remoteRef && slash > 0) {
    await git.setConfig({
      fs: g.fs,
      dir,
      path: `branch.${name}.remote`,
      value: upstream.slice(0, slash),
    });
    await git.setConfig({
      fs: g.fs,
      dir,
      path: `branch.${name}.merge`,
      value: `refs/heads/${upstream.slice(slash + 1)}`,
    });
  } else if (await branchCommit(g, dir, upstream)) {
    await git.setConfig({ fs: g.fs, dir, path: `branch.${name}.remote`, value: '.' });
    await git.setConfig({
      fs: g.fs,
      dir,
      path: `branch.${name}.merge`,
      value: `refs/heads/${upstream}`,
    });
  } else {
    g.err(
      `fatal: the requested upstream branch '${upstream}' does not exist\nhint: \nhint: If you are planning on basing your work on an upstream\nhint: branch that already exists at the remote, you may need to\nhint: run "git fetch" to retrieve it.\nhint: \nhint: If you are planning to push out a new local branch that\nhint: will track its remote counterpart, you may want to use\nhint: "git push -u" to set the upstream config as you push.\nhint: Disable this message with "git config advice.setUpstreamFailure false"\n`,
    );
    return 128;
  }
  if (!quiet) g.out(`branch '${name}' set up to track '${upstream}'.\n`);
  return 0;
}

export const branch: GitCommand = async (g) => {
  let mode: 'list' | 'delete' | 'move' = 'list';
  let force = false;
  let verbose = 0;
  let all = false;
  let remotes = false;
  let upstream: string | undefined;
  let unsetUpstream = false;
  let quiet = false;
  let mergedInto: { rev: string; want: boolean } | undefined;
  const names: string[] = [];
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '-d' || a === '--delete') mode = 'delete';
    else if (a === '-D') {
      mode = 'delete';
      force = true;
    } else if (a === '-m' || a === '--move') mode = 'move';
    else if (a === '-M') {
      mode = 'move';
      force = true;
    } else if (a === '-f' || a === '--force') force = true;
    else if (a === '-v' || a === '--verbose') verbose++;
    else if (a === '-vv') verbose += 2;
    else if (a === '-a' || a === '--all') all = true;
    else if (a === '-r' || a === '--remotes') remotes = true;
    else if (a === '--list' || a === '-l') continue;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-u' || a === '--set-upstream-to') upstream = args.shift() ?? '';
    else if (a.startsWith('--set-upstream-to=')) upstream = a.slice('--set-upstream-to='.length);
    else if (a === '--unset-upstream') unsetUpstream = true;
    else if (a === '--merged' || a === '--no-merged') {
      // An optional commit follows; a word that is no option is taken as it, as git does.
      const next = args[0] !== undefined && !args[0].startsWith('-') ? args.shift()! : 'HEAD';
      mergedInto = { rev: next, want: a === '--merged' };
    } else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else names.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  const current = await currentBranch(g, dir);
  if (upstream !== undefined || unsetUpstream)
    return setUpstream(g, dir, names[0] ?? current, upstream, quiet);
  if (mode === 'list' && names.length === 0) {
    let merged: { into: string; want: boolean } | undefined;
    if (mergedInto !== undefined) {
      const into = await resolveCommit(g, dir, mergedInto.rev);
      if (!into) return fatal(g, `malformed object name ${mergedInto.rev}`);
      merged = { into, want: mergedInto.want };
    }
    return list(g, dir, verbose, !remotes || all, remotes || all, merged);
  }

  if (mode === 'delete') {
    if (names.length === 0) return fatal(g, 'branch name required');
    let code = 0;
    const head = await headCommit(g, dir);
    for (const name of names) {
      const oid = await branchCommit(g, dir, name);
      if (!oid) {
        g.err(`error: branch '${name}' not found.\n`);
        code = 1;
      } else if (name === current) {
        g.err(`error: Cannot delete branch '${name}' checked out at '${dir}'\n`);
        code = 1;
      } else if (!force && !(await mergedEnough(g, dir, name, oid, head))) {
        g.err(
          `error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`,
        );
        code = 1;
      } else {
        await git.deleteBranch({ fs: g.fs, dir, ref: name });
        if (!quiet) g.out(`Deleted branch ${name} (was ${oid.slice(0, 7)}).\n`);
      }
    }
    return code;
  }

  if (mode === 'move') {
    const [from, to] = names.length >= 2 ? [names[0]!, names[1]!] : [current ?? 'HEAD', names[0]];
    if (to === undefined) return fatal(g, 'branch name required');
    if (from === to) return 0;
    if (!(await branchCommit(g, dir, from))) {
      return fatal(g, `no branch named '${from}'`);
    }
    if (!validBranchName(to)) return fatal(g, `'${to}' is not a valid branch name`);
    if ((await branchCommit(g, dir, to)) && !force) {
      return fatal(g, `a branch named '${to}' already exists`);
    }
    await git.renameBranch({ fs: g.fs, dir, oldref: from, ref: to, checkout: from === current });
    return 0;
  }

  const [name, start] = names;
  if (!validBranchName(name!)) return fatal(g, `'${name}' is not a valid branch name`);
  const oid = await resolveCommit(g, dir, start ?? 'HEAD');
  if (!oid) return fatal(g, `not a valid object name: '${start ?? current ?? 'HEAD'}'`);
  if ((await branchCommit(g, dir, name!)) && !force) {
    return fatal(g, `a branch named '${name}' already exists`);
  }
  await git.writeRef({ fs: g.fs, dir, ref: `refs/heads/${name}`, value: oid, force: true });
  return 0;
};
