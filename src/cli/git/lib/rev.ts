// Revisions as git names them: HEAD, @, branch and remote-tracking names, tags, full and short
// SHAs, with any number of ~n, ^ and ^n suffixes; and `rev:path` for a blob.
import { readFile } from '../../../engine/fs/files';
import type { GitContext } from '../common';
import { git } from '../common';

/** `origin/main` for `main@{u}` (or `@{u}`: the current branch), from the branch's config. */
export async function upstreamName(
  g: GitContext,
  dir: string,
  branch: string | undefined,
): Promise<string | undefined> {
  const name = branch || (await git.currentBranch({ fs: g.fs, dir })) || undefined;
  if (!name) return undefined;
  const get = (path: string) =>
    git.getConfig({ fs: g.fs, dir, path }).catch(() => undefined) as Promise<string | undefined>;
  const remote = await get(`branch.${name}.remote`);
  const merge = await get(`branch.${name}.merge`);
  if (!remote || !merge) return undefined;
  const short = merge.replace(/^refs\/heads\//, '');
  return remote === '.' ? short : `${remote}/${short}`;
}

async function resolveName(g: GitContext, dir: string, name: string): Promise<string | undefined> {
  if (name === '@') name = 'HEAD';
  const up = /^(.*)@\{(?:u|upstream)\}$/i.exec(name);
  if (up) {
    const target = await upstreamName(g, dir, up[1]);
    return target === undefined ? undefined : resolveName(g, dir, target);
  }
  const candidates = [
    ...(/^[A-Z_]+$/.test(name) || name.startsWith('refs/') ? [name] : []),
    `refs/${name}`,
    `refs/tags/${name}`,
    `refs/heads/${name}`,
    `refs/remotes/${name}`,
    `refs/remotes/${name}/HEAD`,
  ];
  for (const ref of candidates) {
    try {
      const oid = await git.resolveRef({ fs: g.fs, dir, ref });
      return await peel(g, dir, oid);
    } catch {
      // try the next place git looks
    }
  }
  if (/^[0-9a-f]{4,40}$/.test(name)) {
    try {
      const oid = await git.expandOid({ fs: g.fs, dir, oid: name });
      return await peel(g, dir, oid);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Annotated tags point at commits through a tag object. */
async function peel(g: GitContext, dir: string, oid: string): Promise<string> {
  const o = await git.readObject({ fs: g.fs, dir, oid, format: 'parsed' });
  if (o.type === 'tag') return peel(g, dir, (o.object as { object: string }).object);
  return oid;
}

/** The object a revision names (commits for ~ and ^), or undefined when there is none. */
export async function resolveRev(
  g: GitContext,
  dir: string,
  spec: string,
): Promise<string | undefined> {
  const m = /^(.*?)((?:[~^]\d*)*)$/.exec(spec);
  if (!m || m[1] === '') return undefined;
  let oid = await resolveName(g, dir, m[1]!);
  if (oid === undefined) return undefined;
  for (const step of m[2]!.match(/[~^]\d*/g) ?? []) {
    const n = step.length > 1 ? Number(step.slice(1)) : 1;
    try {
      if (step[0] === '~') {
        for (let i = 0; i < n; i++) {
          const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
          oid = commit.parent[0];
          if (oid === undefined) return undefined;
        }
      } else if (n > 0) {
        const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
        oid = commit.parent[n - 1];
        if (oid === undefined) return undefined;
      }
    } catch {
      return undefined;
    }
  }
  return oid;
}

/** A revision that must name a commit. */
export async function resolveCommit(
  g: GitContext,
  dir: string,
  spec: string,
): Promise<string | undefined> {
  const oid = await resolveRev(g, dir, spec);
  if (oid === undefined) return undefined;
  try {
    await git.readCommit({ fs: g.fs, dir, oid });
    return oid;
  } catch {
    return undefined;
  }
}

export const AMBIGUOUS = (arg: string) =>
  `ambiguous argument '${arg}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`;

/** A branch's commit, or undefined. */
export async function branchCommit(g: GitContext, dir: string, name: string) {
  return git.resolveRef({ fs: g.fs, dir, ref: `refs/heads/${name}` }).catch(() => undefined);
}

export async function subjectOf(g: GitContext, dir: string, oid: string) {
  const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
  return commit.message.split('\n')[0] ?? '';
}

/**
 * `at X` or `from X` for a detached HEAD, as `git branch` and `git status` name it: X is where
 * the last checkout detached HEAD (its name when that was a remote branch or tag still there),
 * `at` while HEAD has not moved since.
 */
export async function detachedLabel(g: GitContext, dir: string, head: string): Promise<string> {
  const log = readFile(g.store.files, `${dir === '/' ? '' : dir}/.git/logs/HEAD`);
  const lines = log.ok ? log.value.split('\n').reverse() : [];
  for (const l of lines) {
    const m = /^[0-9a-f]{40} ([0-9a-f]{40}) .*\tcheckout: moving from \S+ to (\S+)$/.exec(l);
    if (!m) continue;
    const [, oid, name] = m as unknown as [string, string, string];
    let label = oid.slice(0, 7);
    for (const ref of [`refs/remotes/${name}`, `refs/tags/${name}`]) {
      const at = await git.resolveRef({ fs: g.fs, dir, ref }).catch(() => undefined);
      if (at === oid) label = name;
    }
    return `${oid === head ? 'at' : 'from'} ${label}`;
  }
  return `at ${head.slice(0, 7)}`;
}

/** Why `x@{u}` names nothing, in git's words, or undefined when `spec` is no upstream form. */
export async function upstreamError(
  g: GitContext,
  dir: string,
  spec: string,
): Promise<string | undefined> {
  const up = /^(.*?)@\{(?:u|upstream)\}/i.exec(spec);
  if (!up) return undefined;
  const branch = up[1] || (await git.currentBranch({ fs: g.fs, dir })) || undefined;
  if (!branch) return 'HEAD does not point to a branch';
  if (!(await branchCommit(g, dir, branch))) return `no such branch: '${branch}'`;
  return `no upstream configured for branch '${branch}'`;
}

/**
 * The full ref a plain name stands for (`main` → `refs/heads/main`, `@{u}` → its remote-tracking
 * ref), `HEAD` for a detached HEAD, or undefined when `spec` is no ref (a SHA, or `HEAD~1`).
 */
export async function fullRefName(
  g: GitContext,
  dir: string,
  spec: string,
): Promise<string | undefined> {
  const name = spec === '@' ? 'HEAD' : spec;
  const up = /^(.*)@\{(?:u|upstream)\}$/i.exec(name);
  if (up) {
    const target = await upstreamName(g, dir, up[1]);
    return target === undefined ? undefined : fullRefName(g, dir, target);
  }
  if (name === 'HEAD') {
    const branch = await git.currentBranch({ fs: g.fs, dir, fullname: true });
    return branch ?? 'HEAD';
  }
  const candidates = [
    ...(/^[A-Z_]+$/.test(name) || name.startsWith('refs/') ? [name] : []),
    `refs/${name}`,
    `refs/tags/${name}`,
    `refs/heads/${name}`,
    `refs/remotes/${name}`,
  ];
  for (const ref of candidates) {
    const oid = await git.resolveRef({ fs: g.fs, dir, ref }).catch(() => undefined);
    if (oid !== undefined) return ref;
  }
  return undefined;
}

/** A ref's shortest unambiguous name, as `--abbrev-ref` prints it. */
export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

/**
 * The object `rev:path` names (a blob or a tree; `rev:./x` is relative to the current
 * directory), or undefined. `rev` defaults to HEAD when empty, as git's `:path` names the index
 * entry (close enough for a clean tree).
 */
export async function resolveRevPath(
  g: GitContext,
  dir: string,
  spec: string,
): Promise<string | undefined> {
  const colon = spec.indexOf(':');
  const commitOid = await resolveCommit(g, dir, spec.slice(0, colon) || 'HEAD');
  if (commitOid === undefined) return undefined;
  const pathArg = spec.slice(colon + 1);
  let rel = pathArg.replace(/\/+$/, '');
  if (/^\.\.?(\/|$)/.test(pathArg)) {
    const top = dir === '/' ? '' : dir;
    const here = g.cwd === dir ? '' : g.cwd.slice(top.length + 1);
    const parts: string[] = here ? here.split('/') : [];
    for (const p of pathArg.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    rel = parts.join('/');
  }
  const { commit } = await git.readCommit({ fs: g.fs, dir, oid: commitOid });
  let at = commit.tree;
  for (const part of rel.split('/').filter(Boolean)) {
    const o = await git.readObject({ fs: g.fs, dir, oid: at, format: 'parsed' });
    if (o.type !== 'tree') return undefined;
    const e = (o.object as { path: string; oid: string }[]).find((t) => t.path === part);
    if (!e) return undefined;
    at = e.oid;
  }
  return at;
}
