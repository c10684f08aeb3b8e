// git remote: the names a repository gives the places it pushes to and fetches from.
import type { GitCommand, GitContext } from '../common';
import { NOT_A_REPO, fatal, findWorkTree, git } from '../common';
import type { Side } from '../transfer';
import {
  gitDirOf,
  headBranch,
  hostSide,
  isAncestor,
  listRefs,
  notFound,
  remoteUrl,
  removeRef,
  repoExists,
  unreachable,
  upstreamOf,
} from '../transfer';
import { fetch } from './fetch';

const USAGE = `usage: git remote [-v | --verbose]
   or: git remote add [-t <branch>] [-m <master>] [-f] [--tags | --no-tags] [--mirror=<fetch|push>] <name> <url>
   or: git remote rename [--[no-]progress] <old> <new>
   or: git remote remove <name>
   or: git remote set-head <name> (-a | --auto | -d | --delete | <branch>)
   or: git remote [-v | --verbose] show [-n] <name>
   or: git remote prune [-n | --dry-run] <name>
   or: git remote [-v | --verbose] update [-p | --prune] [(<group> | <remote>)...]
   or: git remote set-branches [--add] <name> <branch>...
   or: git remote get-url [--push] [--all] <name>
   or: git remote set-url [--push] <name> <newurl> [<oldurl>]
   or: git remote set-url --add <name> <newurl>
   or: git remote set-url --delete <name> <url>

    -v, --verbose         be verbose; must be placed before a subcommand

`;

const ADD_USAGE = `usage: git remote add [<options>] <name> <url>

    -f, --fetch           fetch the remote branches
    --tags                import all tags and associated objects when fetching
                          or do not fetch any tag at all (--no-tags)
    -t, --track <branch>  branch(es) to track
    -m, --master <branch>
                          master branch
    --mirror[=(push|fetch)]
                          set up remote as a mirror to push to or fetch from

`;

const USAGES: Record<string, string> = {
  remove: 'usage: git remote remove <name>\n\n',
  rm: 'usage: git remote remove <name>\n\n',
  'get-url': `usage: git remote get-url [--push] [--all] <name>

    --push                query push URLs rather than fetch URLs
    --all                 return all URLs

`,
  'set-url': `usage: git remote set-url [--push] <name> <newurl> [<oldurl>]
   or: git remote set-url --add <name> <newurl>
   or: git remote set-url --delete <name> <url>

    --push                manipulate push URLs
    --add                 add URL
    --delete              delete URLs

`,
  rename: `usage: git remote rename [--[no-]progress] <old> <new>

    --[no-]progress       force progress reporting

`,
};

/** git's check_refname_format for `refs/remotes/<name>`, in the cases a person meets. */
const validName = (name: string) =>
  name !== '' &&
  ![...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f') &&
  !/[\s~^:?*[\\]/.test(name) &&
  !name.includes('..') &&
  !name.includes('@{') &&
  !name.startsWith('/') &&
  !name.endsWith('/') &&
  !name.endsWith('.') &&
  !name.endsWith('.lock') &&
  !name.split('/').some((p) => p === '' || p.startsWith('.'));

/** The configured remotes, sorted by name as `git remote` lists them. */
async function remotes(g: GitContext, dir: string) {
  const list = await git
    .listRemotes({ fs: g.fs, dir })
    .catch(() => [] as { remote: string; url: string }[]);
  return list.sort((a, b) => (a.remote < b.remote ? -1 : a.remote > b.remote ? 1 : 0));
}

function usage(g: GitContext, text: string): number {
  g.err(text);
  return 129;
}

/** Drops a remote's tracking refs and the branches' upstream settings that name it. */
async function forget(g: GitContext, dir: string, name: string) {
  const side = { store: g.store, gitdir: gitDirOf(dir) };
  for (const ref of listRefs(side, `refs/remotes/${name}/`).keys())
    removeRef(side, `refs/remotes/${name}/${ref}`);
  removeRef(side, `refs/remotes/${name}/HEAD`);
  for (const branch of await git.listBranches({ fs: g.fs, dir }).catch(() => [] as string[])) {
    const r = await git.getConfig({ fs: g.fs, dir, path: `branch.${branch}.remote` });
    if (r !== name) continue;
    await git.setConfig({ fs: g.fs, dir, path: `branch.${branch}.remote`, value: undefined });
    await git.setConfig({ fs: g.fs, dir, path: `branch.${branch}.merge`, value: undefined });
  }
}

/** `git remote show <name>`: the remote's URLs, HEAD and branches, and how local ones relate. */
async function show(g: GitContext, dir: string, name: string, noQuery: boolean): Promise<number> {
  const url = (await remoteUrl(g, dir, name)) ?? name;
  g.out(`* remote ${name}\n  Fetch URL: ${url}\n  Push  URL: ${url}\n`);
  const local: Side = { store: g.store, gitdir: gitDirOf(dir) };
  const tracking = listRefs(local, `refs/remotes/${name}/`);
  tracking.delete('HEAD');
  let remoteBranches = new Map<string, string>();
  if (noQuery) {
    g.out('  HEAD branch: (not queried)\n');
  } else {
    const side = hostSide(g, url);
    if (!side) return unreachable(g, url);
    if (!repoExists(side)) return notFound(g, url);
    remoteBranches = listRefs(side, 'refs/heads/');
    const head = headBranch(side);
    g.out(`  HEAD branch: ${head && remoteBranches.has(head) ? head : '(unknown)'}\n`);
  }
  const shown = noQuery ? tracking : remoteBranches;
  const state = (b: string) =>
    noQuery ? '' : tracking.has(b) ? ' tracked' : ` new (next fetch will store in remotes/${name})`;
  const stale = noQuery ? [] : [...tracking.keys()].filter((b) => !remoteBranches.has(b));
  const rows = [
    ...[...shown.keys()].map((b) => [b, state(b)]),
    ...stale.map((b) => [b, " stale (use 'git remote prune' to remove)"]),
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  if (rows.length > 0) {
    const width = Math.max(...rows.map((r) => r[0]!.length));
    g.out(
      `  Remote branch${rows.length === 1 ? '' : 'es'}:${noQuery ? ' (status not queried)' : ''}\n`,
    );
    for (const [b, s] of rows) g.out(`    ${noQuery ? b : b!.padEnd(width)}${s}\n`);
  }
  const pulls: [string, string][] = [];
  for (const b of (await git.listBranches({ fs: g.fs, dir }).catch(() => [] as string[])).sort()) {
    const up = await upstreamOf(g, dir, b);
    if (up?.remote === name) pulls.push([b, up.merge.replace(/^refs\/heads\//, '')]);
  }
  if (pulls.length > 0) {
    const width = Math.max(...pulls.map((p) => p[0].length));
    g.out(`  Local branch${pulls.length === 1 ? '' : 'es'} configured for 'git pull':\n`);
    for (const [b, m] of pulls) g.out(`    ${b.padEnd(width)} merges with remote ${m}\n`);
  }
  if (noQuery) {
    g.out(
      "  Local ref configured for 'git push' (status not queried):\n    (matching) pushes to (matching)\n",
    );
    return 0;
  }
  // push.default=simple shows the branches that have a namesake on the remote.
  const pushes: [string, string][] = [];
  for (const [b, sha] of listRefs(local, 'refs/heads/')) {
    const theirs = remoteBranches.get(b);
    if (!theirs) continue;
    const status =
      theirs === sha
        ? 'up to date'
        : isAncestor(local, theirs, sha)
          ? 'fast-forwardable'
          : 'local out of date';
    pushes.push([b, status]);
  }
  if (pushes.length > 0) {
    const width = Math.max(...pushes.map((p) => p[0].length));
    g.out(`  Local ref${pushes.length === 1 ? '' : 's'} configured for 'git push':\n`);
    for (const [b, s] of pushes)
      g.out(`    ${b.padEnd(width)} pushes to ${b.padEnd(width)} (${s})\n`);
  }
  return 0;
}

export const remote: GitCommand = async (g) => {
  const dir = findWorkTree(g);
  if (dir === undefined) return fatal(g, NOT_A_REPO);
  const args = [...g.args];
  let verbose = false;
  while (args[0] === '-v' || args[0] === '--verbose') {
    verbose = true;
    args.shift();
  }
  const sub = args.shift();
  const list = await remotes(g, dir);
  const find = (name: string | undefined) => list.find((r) => r.remote === name);
  if (sub === undefined) {
    for (const r of list) {
      g.out(
        verbose ? `${r.remote}\t${r.url} (fetch)\n${r.remote}\t${r.url} (push)\n` : `${r.remote}\n`,
      );
    }
    return 0;
  }
  switch (sub) {
    case 'add': {
      let fetchAfter = false;
      const pos: string[] = [];
      for (const a of args) {
        if (a === '-f' || a === '--fetch') fetchAfter = true;
        else if (a.startsWith('-'))
          return usage(g, `error: unknown option \`${a.replace(/^-+/, '')}'\n${ADD_USAGE}`);
        else pos.push(a);
      }
      const [name, url] = pos;
      if (name === undefined || url === undefined || pos.length > 2) return usage(g, ADD_USAGE);
      if (!validName(name)) return fatal(g, `'${name}' is not a valid remote name`);
      if (find(name)) {
        g.err(`error: remote ${name} already exists.\n`);
        return 3;
      }
      await git.addRemote({ fs: g.fs, dir, remote: name, url });
      if (fetchAfter) {
        g.out(`Updating ${name}\n`);
        return fetch({ ...g, args: [name] });
      }
      return 0;
    }
    case 'remove':
    case 'rm': {
      const [name] = args;
      if (name === undefined || args.length > 1) return usage(g, USAGES[sub] as string);
      if (!find(name)) {
        g.err(`error: No such remote: '${name}'\n`);
        return 2;
      }
      await forget(g, dir, name);
      await git.deleteRemote({ fs: g.fs, dir, remote: name });
      return 0;
    }
    case 'rename': {
      const [from, to] = args;
      if (from === undefined || to === undefined || args.length > 2)
        return usage(g, USAGES['rename'] as string);
      const r = find(from);
      if (!r) {
        g.err(`error: No such remote: '${from}'\n`);
        return 2;
      }
      if (!validName(to)) return fatal(g, `'${to}' is not a valid remote name`);
      if (find(to)) {
        g.err(`error: remote ${to} already exists.\n`);
        return 3;
      }
      const side = { store: g.store, gitdir: gitDirOf(dir) };
      const tracking = listRefs(side, `refs/remotes/${from}/`);
      const branches: string[] = [];
      for (const b of await git.listBranches({ fs: g.fs, dir }).catch(() => [] as string[])) {
        if ((await git.getConfig({ fs: g.fs, dir, path: `branch.${b}.remote` })) === from)
          branches.push(b);
      }
      await forget(g, dir, from);
      await git.deleteRemote({ fs: g.fs, dir, remote: from });
      await git.addRemote({ fs: g.fs, dir, remote: to, url: r.url });
      for (const [ref, sha] of tracking)
        await git.writeRef({
          fs: g.fs,
          dir,
          ref: `refs/remotes/${to}/${ref}`,
          value: sha,
          force: true,
        });
      for (const b of branches) {
        await git.setConfig({ fs: g.fs, dir, path: `branch.${b}.remote`, value: to });
        await git.setConfig({ fs: g.fs, dir, path: `branch.${b}.merge`, value: `refs/heads/${b}` });
      }
      return 0;
    }
    case 'get-url': {
      const pos = args.filter((a) => a !== '--push' && a !== '--all');
      const [name] = pos;
      if (name === undefined || pos.length > 1) return usage(g, USAGES['get-url'] as string);
      const url = await remoteUrl(g, dir, name);
      if (url === undefined) {
        g.err(`error: No such remote '${name}'\n`);
        return 2;
      }
      g.out(`${url}\n`);
      return 0;
    }
    case 'set-url': {
      const pos = args.filter((a) => a !== '--push');
      const [name, url] = pos;
      if (name === undefined || url === undefined || pos.length > 3)
        return usage(g, USAGES['set-url'] as string);
      if (!find(name)) {
        g.err(`error: No such remote '${name}'\n`);
        return 2;
      }
      await git.setConfig({ fs: g.fs, dir, path: `remote.${name}.url`, value: url });
      return 0;
    }
    case 'show': {
      const noQuery = args.includes('-n');
      const names = args.filter((a) => !a.startsWith('-'));
      if (names.length === 0) return remote({ ...g, args: verbose ? ['-v'] : [] });
      for (const name of names) {
        const code = await show(g, dir, name, noQuery);
        if (code !== 0) return code;
      }
      return 0;
    }
    default:
      g.err(`error: unknown subcommand: \`${sub}'\n`);
      return usage(g, USAGE);
  }
};
