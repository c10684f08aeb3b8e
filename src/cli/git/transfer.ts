// Moving history between the learner's repositories and the Git host: the objects one side lacks
// are copied as the loose files they are (so the host stays readable by the cluster's controllers),
// then refs move. The progress lines are the ones git prints for the pack it would have sent; their
// numbers come from the objects themselves, so a transcript is the same on every run.
import { strFromU8, strToU8, zlibSync } from 'fflate';
import type { Files } from '../../engine/fs/files';
import { FsTx, readDir, statPath } from '../../engine/fs/files';
import { parseCommit, parseTree, readObject, repoPath } from '../../engine/git/host';
import type { GitContext } from './common';
import { FATAL, git } from './common';
import type { FileStore } from './fs';

/** One repository: whose files it is in, and its git directory. */
export interface Side {
  store: FileStore;
  gitdir: string;
}

/** The git directory of a work tree. */
export const gitDirOf = (dir: string) => (dir === '/' ? '/.git' : `${dir}/.git`);

const objectPath = (gitdir: string, sha: string) =>
  `${gitdir}/objects/${sha.slice(0, 2)}/${sha.slice(2)}`;

export function hasObject(side: Side, sha: string): boolean {
  return statPath(side.store.files, objectPath(side.gitdir, sha))?.type === 'file';
}

/** What git would put in the pack: the objects to send, and the figures its progress shows. */
export interface Pack {
  objects: string[];
  /** Objects pack-objects walks: those sent and the other side's versions of the same paths. */
  enumerated: number;
  /** Objects large enough (50 bytes) to try as deltas. */
  compressed: number;
  /** Whether git would start a delta search at all (two candidates or more). */
  searched: boolean;
  /** The pack's size in bytes. */
  bytes: number;
}

/** Bytes of one object in a pack: its size header, then its zlib-compressed body. */
function packedSize(body: Uint8Array): number {
  let header = 1;
  for (let size = body.length >> 4; size > 0; size >>= 7) header++;
  return header + zlibSync(body).length;
}

function treeEntryAt(files: Files, gitdir: string, tree: string, path: string): string | undefined {
  let at = tree;
  for (const part of path.split('/').filter(Boolean)) {
    const o = readObject(files, gitdir, at);
    if (o?.type !== 'tree') return undefined;
    const e = parseTree(o.body).find((x) => x.name === part);
    if (!e) return undefined;
    at = e.sha;
  }
  return at;
}

/**
 * The objects reachable from `tips` in `from` and not from `haves` (the commits the receiver's refs
 * point at, as git negotiates them): what `rev-list --objects tips --not haves` lists, with the
 * trees of the boundary commits standing for everything the receiver has.
 */
export function planPack(from: Side, tips: readonly string[], haves: readonly string[]): Pack {
  const files = from.store.files;
  const read = (sha: string) => readObject(files, from.gitdir, sha);
  const have = new Set<string>(haves);
  for (const h of haves) for (const c of reachable(from, h)) have.add(c);
  const sent: { sha: string; path: string | undefined; type: string; size: number }[] = [];
  const seen = new Set<string>();
  const edges = new Set<string>();
  const roots: { sha: string; path: string }[] = [];
  let bytes = 32;
  const send = (sha: string, path: string | undefined, o: { type: string; body: Uint8Array }) => {
    sent.push({ sha, path, type: o.type, size: o.body.length });
    bytes += packedSize(o.body);
  };
  // Commits (and tags) first, down to what the receiver has.
  const commits = [...tips];
  while (commits.length > 0) {
    const sha = commits.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const o = read(sha);
    if (!o) continue;
    if (have.has(sha)) {
      if (o.type === 'commit') edges.add(sha);
      continue;
    }
    if (o.type === 'commit') {
      send(sha, undefined, o);
      const c = parseCommit(sha, o.body);
      commits.push(...c.parents);
      roots.push({ sha: c.tree, path: '' });
    } else if (o.type === 'tag') {
      send(sha, undefined, o);
      const target = /^object ([0-9a-f]{40})/.exec(strFromU8(o.body))?.[1];
      if (target) commits.push(target);
    } else roots.push({ sha, path: '' });
  }
  // Everything in the boundary commits' trees is the receiver's already.
  const owned = new Set<string>();
  const own = (sha: string) => {
    if (owned.has(sha)) return;
    owned.add(sha);
    const o = read(sha);
    if (o?.type === 'tree') for (const e of parseTree(o.body)) if (e.mode !== '160000') own(e.sha);
  };
  for (const edge of edges) {
    const c = read(edge);
    if (c?.type === 'commit') own(parseCommit(edge, c.body).tree);
  }
  const stack = roots.reverse();
  while (stack.length > 0) {
    const { sha, path } = stack.pop() as { sha: string; path: string };
    if (seen.has(sha) || owned.has(sha)) continue;
    seen.add(sha);
    const o = read(sha);
    if (!o) continue;
    send(sha, path, o);
    if (o.type === 'tree') {
      for (const e of parseTree(o.body)) {
        if (e.mode === '160000') continue;
        stack.push({ sha: e.sha, path: path ? `${path}/${e.name}` : e.name });
      }
    }
  }
  // A thin pack also walks the receiver's version of each path, as delta bases.
  const sentShas = new Set(sent.map((s) => s.sha));
  const bases = new Map<string, number>();
  for (const edge of edges) {
    const c = readObject(files, from.gitdir, edge);
    if (c?.type !== 'commit') continue;
    const root = parseCommit(edge, c.body).tree;
    for (const s of sent) {
      if (s.path === undefined) continue;
      const base = treeEntryAt(files, from.gitdir, root, s.path);
      if (!base || sentShas.has(base) || bases.has(base)) continue;
      const b = readObject(files, from.gitdir, base);
      if (b) bases.set(base, b.body.length);
    }
  }
  const compressed = sent.filter((s) => s.size >= 50).length;
  const baseCandidates = [...bases.values()].filter((n) => n >= 50).length;
  return {
    objects: sent.map((s) => s.sha),
    enumerated: sent.length + bases.size,
    compressed,
    searched: compressed > 0 && compressed + baseCandidates > 1,
    bytes: sent.length === 0 ? 32 : bytes,
  };
}

/** Copies loose object files from one repository to another. */
export function copyObjects(from: Side, to: Side, shas: readonly string[]): void {
  if (shas.length === 0) return;
  const tx = new FsTx(to.store.files, to.store.now);
  for (const sha of shas) {
    const node = statPath(from.store.files, objectPath(from.gitdir, sha));
    if (node?.type !== 'file') continue;
    const path = objectPath(to.gitdir, sha);
    tx.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
    tx.writeFile(path, typeof node.content === 'string' ? strToU8(node.content) : node.content);
  }
  to.store.files = tx.result();
}

function textAt(side: Side, path: string): string | undefined {
  const node = statPath(side.store.files, path);
  if (node?.type !== 'file') return undefined;
  return typeof node.content === 'string' ? node.content : strFromU8(node.content);
}

/**
 * The object a full ref name points at, following symbolic refs and packed-refs; a tag ref gives
 * its tag object (not peeled), as a transfer must copy it.
 */
export function readRef(side: Side, ref: string, depth = 0): string | undefined {
  const text = textAt(side, `${side.gitdir}/${ref}`)?.trim();
  if (text !== undefined) {
    if (!text.startsWith('ref: ')) return /^[0-9a-f]{40}$/.test(text) ? text : undefined;
    return depth < 5 ? readRef(side, text.slice(5), depth + 1) : undefined;
  }
  for (const line of textAt(side, `${side.gitdir}/packed-refs`)?.split('\n') ?? []) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
  }
  return undefined;
}

export function writeRef(side: Side, ref: string, sha: string): void {
  writeText(side, ref, `${sha}\n`);
}

export function writeText(side: Side, name: string, text: string): void {
  const path = `${side.gitdir}/${name}`;
  const tx = new FsTx(side.store.files, side.store.now);
  tx.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
  tx.writeFile(path, strToU8(text));
  side.store.files = tx.result();
}

export function removeRef(side: Side, ref: string): void {
  const path = `${side.gitdir}/${ref}`;
  if (!statPath(side.store.files, path)) return;
  const tx = new FsTx(side.store.files, side.store.now);
  tx.remove(path);
  side.store.files = tx.result();
}

/** Every ref under `prefix` (`refs/heads/`), by its name below the prefix, sorted. */
export function listRefs(side: Side, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const packed = statPath(side.store.files, `${side.gitdir}/packed-refs`);
  if (packed?.type === 'file') {
    const text = typeof packed.content === 'string' ? packed.content : strFromU8(packed.content);
    for (const line of text.split('\n')) {
      const [sha, name] = line.split(' ');
      if (sha && name?.startsWith(prefix) && /^[0-9a-f]{40}$/.test(sha))
        out.set(name.slice(prefix.length), sha);
    }
  }
  const walk = (rel: string) => {
    const list = readDir(side.store.files, `${side.gitdir}/${prefix}${rel}`.replace(/\/$/, ''));
    if (!list.ok) return;
    for (const name of list.value) {
      const sub = rel ? `${rel}/${name}` : name;
      const node = statPath(side.store.files, `${side.gitdir}/${prefix}${sub}`);
      if (node?.type === 'dir') walk(sub);
      else if (name !== 'HEAD' || rel !== '') {
        const sha = readRef(side, `${prefix}${sub}`);
        if (sha) out.set(sub, sha);
      }
    }
  };
  walk('');
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** What one side can say it has to the other: its ref tips that the other side knows too. */
export function haves(side: Side, other: Side): string[] {
  const tips = new Set<string>();
  for (const prefix of ['refs/heads/', 'refs/remotes/', 'refs/tags/'])
    for (const sha of listRefs(side, prefix).values()) if (hasObject(other, sha)) tips.add(sha);
  return [...tips];
}

/** Commits reachable from `tip`, newest first as far as order matters here. */
function reachable(side: Side, tip: string, stopAt?: Set<string>): Set<string> {
  const out = new Set<string>();
  const stack = [tip];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (out.has(sha) || stopAt?.has(sha)) continue;
    out.add(sha);
    const o = readObject(side.store.files, side.gitdir, sha);
    if (o?.type === 'commit') stack.push(...parseCommit(sha, o.body).parents);
  }
  return out;
}

export function isAncestor(side: Side, ancestor: string, descendant: string): boolean {
  if (ancestor === descendant) return true;
  if (!hasObject(side, ancestor)) return false;
  return reachable(side, descendant).has(ancestor);
}

/** Commits in `a` not in `b`, and in `b` not in `a`. */
export function countDivergence(side: Side, a: string, b: string): [number, number] {
  const fromA = reachable(side, a);
  const fromB = reachable(side, b);
  let ahead = 0;
  let behind = 0;
  for (const sha of fromA) if (!fromB.has(sha)) ahead++;
  for (const sha of fromB) if (!fromA.has(sha)) behind++;
  return [ahead, behind];
}

/** A branch's upstream, as `branch.<name>.remote` and `.merge` configure it. */
export async function upstreamOf(
  g: GitContext,
  dir: string,
  branch: string,
): Promise<{ remote: string; merge: string; tracking: string } | undefined> {
  const get = async (path: string) =>
    (await git.getConfig({ fs: g.fs, dir, path }).catch(() => undefined)) as string | undefined;
  const remote = await get(`branch.${branch}.remote`);
  const merge = await get(`branch.${branch}.merge`);
  if (!remote || !merge) return undefined;
  const name = merge.replace(/^refs\/heads\//, '');
  const tracking = remote === '.' ? name : `${remote}/${name}`;
  return { remote, merge, tracking };
}

export interface AheadBehind {
  /** How `git status` names it: `origin/main`. */
  upstream: string;
  /** The upstream's ref no longer exists ("the upstream is gone"). */
  gone: boolean;
  ahead: number;
  behind: number;
}

/** Where `branch` stands against its upstream, for `git status`; undefined without one. */
export async function aheadBehind(
  g: GitContext,
  dir: string,
  branch: string,
): Promise<AheadBehind | undefined> {
  const up = await upstreamOf(g, dir, branch);
  if (!up) return undefined;
  const side: Side = { store: g.store, gitdir: gitDirOf(dir) };
  const ref =
    up.remote === '.'
      ? up.merge
      : `refs/remotes/${up.remote}/${up.merge.replace(/^refs\/heads\//, '')}`;
  const theirs = readRef(side, ref);
  const ours = readRef(side, `refs/heads/${branch}`);
  if (!theirs) return { upstream: up.tracking, gone: true, ahead: 0, behind: 0 };
  if (!ours) return { upstream: up.tracking, gone: false, ahead: 0, behind: 0 };
  const [ahead, behind] = countDivergence(side, ours, theirs);
  return { upstream: up.tracking, gone: false, ahead, behind };
}

/** git's humanised sizes (strbuf_humanise): `612 bytes`, `1.28 KiB`, `3.05 MiB`; `/s` for rates. */
export function humanBytes(n: number, rate = false): string {
  const unit = rate ? '/s' : '';
  const frac = (x: number, shift: number) => {
    const whole = Math.floor(x / 2 ** shift);
    const rest = Math.floor(((x % 2 ** shift) * 100) / 2 ** shift);
    return `${whole}.${String(rest).padStart(2, '0')}`;
  };
  if (n > 2 ** 30) {
    const rest = Math.floor((n % 2 ** 30) / 10737419);
    return `${Math.floor(n / 2 ** 30)}.${String(rest).padStart(2, '0')} GiB${unit}`;
  }
  if (n > 2 ** 20) return `${frac(n + 5243, 20)} MiB${unit}`;
  if (n > 2 ** 10) return `${frac(n + 5, 10)} KiB${unit}`;
  return `${n} ${n === 1 ? 'byte' : 'bytes'}${unit}`;
}

/**
 * The throughput after a transfer. git measures it over wall-clock time; here every transfer takes
 * one millisecond (git's 1/1024 s tick), so the rate is the size per tick.
 */
export const rateText = (bytes: number) => humanBytes(bytes * 1024, true);

/** The sending side's progress lines for a pack (push: ours; fetch and clone: `remote: `). */
export function packProgress(pack: Pack, prefix = ''): string {
  if (pack.objects.length === 0)
    return `${prefix}Total 0 (delta 0), reused 0 (delta 0), pack-reused 0\n`;
  const n = pack.enumerated;
  let out = `${prefix}Enumerating objects: ${n}, done.\n`;
  out += `${prefix}Counting objects: 100% (${n}/${n}), done.\n`;
  if (pack.searched) {
    if (!prefix) out += 'Delta compression using up to 2 threads\n';
    out += `${prefix}Compressing objects: 100% (${pack.compressed}/${pack.compressed}), done.\n`;
  }
  if (!prefix) {
    const k = pack.objects.length;
    out += `Writing objects: 100% (${k}/${k}), ${humanBytes(pack.bytes)} | ${rateText(pack.bytes)}, done.\n`;
  }
  out += `${prefix}Total ${pack.objects.length} (delta 0), reused 0 (delta 0), pack-reused 0\n`;
  return out;
}

/** The receiving side's line: `Unpacking objects` for a fetch, `Receiving objects` for a clone. */
export function receiveProgress(pack: Pack, verb: 'Unpacking' | 'Receiving'): string {
  const k = pack.objects.length;
  return `${verb} objects: 100% (${k}/${k}), ${humanBytes(pack.bytes)} | ${rateText(pack.bytes)}, done.\n`;
}

/** The host's repository a URL names, or undefined for an address the host does not serve. */
export function hostSide(g: GitContext, url: string): Side | undefined {
  const gitdir = repoPath(url);
  return gitdir ? { store: g.host, gitdir } : undefined;
}

export const repoExists = (side: Side) =>
  statPath(side.store.files, `${side.gitdir}/HEAD`)?.type === 'file';

/** A fresh bare repository, as a hosting service makes one: HEAD names the default branch. */
export function createRepo(side: Side, branch: string): void {
  writeText(side, 'HEAD', `ref: refs/heads/${branch}\n`);
  writeText(
    side,
    'config',
    '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n',
  );
  writeText(side, 'description', 'Unnamed repository; edit this file to name it for gitweb.\n');
  const tx = new FsTx(side.store.files, side.store.now);
  for (const d of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
    tx.mkdir(`${side.gitdir}/${d}`, { parents: true });
  side.store.files = tx.result();
}

/** The branch a bare repository's HEAD names. */
export function headBranch(side: Side): string | undefined {
  const node = statPath(side.store.files, `${side.gitdir}/HEAD`);
  if (node?.type !== 'file') return undefined;
  const text = typeof node.content === 'string' ? node.content : strFromU8(node.content);
  return /^ref: refs\/heads\/(.+)$/m.exec(text)?.[1];
}

/** `owner/name` and host of a hosted repository, for the host's own messages. */
export function repoName(side: Side): { host: string; name: string } {
  const parts = side.gitdir.split('/').filter(Boolean);
  return {
    host: parts[0] ?? '',
    name: parts
      .slice(1)
      .join('/')
      .replace(/\.git$/, ''),
  };
}

/** How fetch names a URL after `From`: without trailing slashes and `.git`. */
export function shortUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** git's answer for a hosted URL with no repository behind it (an HTTP 404). */
export function notFound(g: GitContext, url: string): number {
  g.err('remote: Repository not found.\n');
  g.err(`fatal: repository '${url.endsWith('/') ? url : `${url}/`}' not found\n`);
  return FATAL;
}

const NO_ACCESS =
  'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n';

/** git's answer for a URL the host does not serve: SSH without a key, or a missing path. */
export function unreachable(g: GitContext, url: string): number {
  const ssh =
    /^ssh:\/\/(?:([^@/\s]+)@)?([^/:\s]+)/.exec(url) ??
    /^(?:([^@/\s]+)@)?([^/:\s]+):(?!\/\/)/.exec(url);
  const user = ssh?.[1] ?? g.ctx.session.env['USER'] ?? 'learner';
  if (ssh) g.err(`${user}@${ssh[2]}: Permission denied (publickey).\n`);
  else g.err(`fatal: '${url}' does not appear to be a git repository\n`);
  g.err(NO_ACCESS);
  return FATAL;
}

/** A remote's URL from the repository's config. */
export async function remoteUrl(g: GitContext, dir: string, remote: string) {
  return (await git
    .getConfig({ fs: g.fs, dir, path: `remote.${remote}.url` })
    .catch(() => undefined)) as string | undefined;
}
