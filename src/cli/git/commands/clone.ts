// git clone: a new repository holding a hosted repository's whole history, its branches as
// remote-tracking branches of `origin`, and its default branch checked out.
import { FsTx, readDir, resolvePath, statPath } from '../../../engine/fs/files';
import type { GitCommand } from '../common';
import { fatal, git } from '../common';
import { commitTree, switchTrees } from '../lib/repo';
import type { Side } from '../transfer';
import {
  copyObjects,
  gitDirOf,
  headBranch,
  hostSide,
  listRefs,
  notFound,
  packProgress,
  planPack,
  receiveProgress,
  repoExists,
  unreachable,
  writeRef,
  writeText,
} from '../transfer';

const USAGE = `usage: git clone [<options>] [--] <repo> [<dir>]

    -v, --verbose         be more verbose
    -q, --quiet           be more quiet
    --progress            force progress reporting
    --reject-shallow      don't clone shallow repository
    -n, --no-checkout     don't create a checkout
    --bare                create a bare repository
    --mirror              create a mirror repository (implies bare)
    -l, --local           to clone from a local repository
    --no-hardlinks        don't use local hardlinks, always copy
    -s, --shared          setup as shared repository
    --recurse-submodules[=<pathspec>]
                          initialize submodules in the clone
    --recursive ...       alias of --recurse-submodules
    -j, --jobs <n>        number of submodules cloned in parallel
    --template <template-directory>
                          directory from which templates will be used
    --reference <repo>    reference repository
    --reference-if-able <repo>
                          reference repository
    --dissociate          use --reference only while cloning
    -o, --origin <name>   use <name> instead of 'origin' to track upstream
    -b, --branch <branch>
                          checkout <branch> instead of the remote's HEAD
    -u, --upload-pack <path>
                          path to git-upload-pack on the remote
    --depth <depth>       create a shallow clone of that depth
    --shallow-since <time>
                          create a shallow clone since a specific time
    --shallow-exclude <revision>
                          deepen history of shallow clone, excluding rev
    --single-branch       clone only one branch, HEAD or --branch
    --no-tags             don't clone any tags, and make later fetches not to follow them
    --shallow-submodules  any cloned submodules will be shallow
    --separate-git-dir <gitdir>
                          separate git dir from working tree
    -c, --config <key=value>
                          set config inside the new repository
    --server-option <server-specific>
                          option to transmit
    -4, --ipv4            use IPv4 addresses only
    -6, --ipv6            use IPv6 addresses only
    --filter <args>       object filtering
    --also-filter-submodules
                          apply partial clone filters to submodules
    --remote-submodules   any cloned submodules will use their remote-tracking branch
    --sparse              initialize sparse-checkout file to include only files at root
    --bundle-uri <uri>    a URI for downloading bundles before fetching from origin remote

`;

/** The directory git names a clone after: the URL's last part without `.git`. */
export function cloneDirName(url: string): string {
  const path = url
    .replace(/[/\\]+$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
  return last === '' ? 'repo' : last;
}

export const clone: GitCommand = async (g) => {
  let quiet = false;
  let origin = 'origin';
  let wantBranch: string | undefined;
  let noCheckout = false;
  const pos: string[] = [];
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift() as string;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-n' || a === '--no-checkout') noCheckout = true;
    else if (a === '-b' || a === '--branch') wantBranch = args.shift();
    else if (a.startsWith('--branch=')) wantBranch = a.slice(9);
    else if (a === '-o' || a === '--origin') origin = args.shift() ?? origin;
    else if (a === '--progress' || a === '-v' || a === '--verbose' || a === '--single-branch')
      continue;
    else if (a.startsWith('-') && a !== '-') {
      g.err(`error: unknown option \`${a.replace(/^--?/, '')}'\n${USAGE}`);
      return 129;
    } else pos.push(a);
  }
  const [url, dirArg] = pos;
  if (url === undefined) {
    g.err(`fatal: You must specify a repository to clone.\n\n${USAGE}`);
    return 129;
  }
  if (pos.length > 2) {
    g.err(`fatal: Too many arguments.\n\n${USAGE}`);
    return 129;
  }
  const name = dirArg ?? cloneDirName(url);
  const dir = resolvePath(g.cwd, name);
  const existing = statPath(g.store.files, dir);
  if (existing) {
    const list = readDir(g.store.files, dir);
    if (existing.type !== 'dir' || (list.ok && list.value.length > 0))
      return fatal(g, `destination path '${name}' already exists and is not an empty directory.`);
  }
  const remote = hostSide(g, url);
  // A plain path names a repository on this machine, and there is none.
  if (!remote && !/^[a-z][a-z0-9+.-]*:\/\/|^[^/\s]+:/i.test(url))
    return fatal(g, `repository '${url}' does not exist`);
  if (!quiet) g.err(`Cloning into '${name}'...\n`);
  if (!remote) return unreachable(g, url);
  if (!repoExists(remote)) return notFound(g, url);

  const branches = listRefs(remote, 'refs/heads/');
  const defaultBranch = headBranch(remote) ?? 'main';
  const checkout = wantBranch ?? (branches.has(defaultBranch) ? defaultBranch : undefined);
  if (wantBranch !== undefined && !branches.has(wantBranch)) {
    return fatal(g, `Remote branch ${wantBranch} not found in upstream ${origin}`);
  }

  const tx = new FsTx(g.store.files, g.store.now);
  tx.mkdir(dir, { parents: true });
  g.store.files = tx.result();
  await git.init({ fs: g.fs, dir, defaultBranch: checkout ?? defaultBranch });
  await git.addRemote({ fs: g.fs, dir, remote: origin, url });
  const local: Side = { store: g.store, gitdir: gitDirOf(dir) };

  if (branches.size === 0) {
    g.err('warning: You appear to have cloned an empty repository.\n');
    await track(dir, defaultBranch);
    return 0;
  }
  const tags = listRefs(remote, 'refs/tags/');
  const pack = planPack(remote, [...branches.values(), ...tags.values()], []);
  if (!quiet) {
    g.err(packProgress(pack, 'remote: '));
    g.err(receiveProgress(pack, 'Receiving'));
  }
  copyObjects(remote, local, pack.objects);
  for (const [b, sha] of branches) writeRef(local, `refs/remotes/${origin}/${b}`, sha);
  for (const [t, sha] of tags) writeRef(local, `refs/tags/${t}`, sha);
  writeText(local, `refs/remotes/${origin}/HEAD`, `ref: refs/remotes/${origin}/${defaultBranch}\n`);
  if (checkout === undefined) {
    g.err('warning: remote HEAD refers to nonexistent ref, unable to checkout\n\n');
    return 0;
  }
  const sha = branches.get(checkout) as string;
  writeRef(local, `refs/heads/${checkout}`, sha);
  await track(dir, checkout);
  if (!noCheckout) await switchTrees(g, dir, new Map(), await commitTree(g, dir, sha));
  return 0;

  async function track(at: string, branch: string) {
    await git.setConfig({ fs: g.fs, dir: at, path: `branch.${branch}.remote`, value: origin });
    await git.setConfig({
      fs: g.fs,
      dir: at,
      path: `branch.${branch}.merge`,
      value: `refs/heads/${branch}`,
    });
  }
};
