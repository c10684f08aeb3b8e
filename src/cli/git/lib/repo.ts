// The repository as the porcelain commands see it: trees as path maps, the work tree's files, and
// moving the work tree and index from one tree to another as checkout, reset and merge do.
import { strFromU8, strToU8 } from 'fflate';
import { FsTx, readFile, statPath, walkFiles } from '../../../engine/fs/files';
import type { GitContext } from '../common';
import { NOT_A_REPO, fatal, findWorkTree, git } from '../common';
import type { IndexEntry } from './gitindex';
import { readIndex, writeIndex } from './gitindex';

export interface TreeEntry {
  oid: string;
  mode: number;
}

/** Path (relative to the top of the work tree) → blob. */
export type TreeMap = Map<string, TreeEntry>;

export const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
export const ZERO_OID = '0000000000000000000000000000000000000000';

export const join = (dir: string, rel: string) => (dir === '/' ? `/${rel}` : `${dir}/${rel}`);
export const gitFile = (dir: string, name: string) => join(dir, `.git/${name}`);

/** The top of the work tree, or undefined after git's "not a git repository" error. */
export function repoOrFail(g: GitContext): string | undefined {
  const dir = findWorkTree(g);
  if (dir === undefined) fatal(g, NOT_A_REPO);
  return dir;
}

/** `cwd`-relative path → top-relative path ('' for the top itself), or undefined outside. */
export function toRepoPath(g: GitContext, dir: string, path: string): string | undefined {
  const parts: string[] = [];
  const full = `${path.startsWith('/') ? '' : g.cwd}/${path}`;
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const abs = `/${parts.join('/')}`;
  if (dir === '/') return abs.slice(1);
  if (abs === dir) return '';
  return abs.startsWith(`${dir}/`) ? abs.slice(dir.length + 1) : undefined;
}

/** Whether `path` is `spec` or below it (git's pathspec for plain paths). */
export const underPath = (path: string, spec: string) =>
  spec === '' || path === spec || path.startsWith(`${spec}/`);

export async function readTreeMap(g: GitContext, dir: string, treeOid: string): Promise<TreeMap> {
  const out: TreeMap = new Map();
  const visit = async (oid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs: g.fs, dir, oid });
    for (const e of tree) {
      const path = prefix + e.path;
      if (e.type === 'tree') await visit(e.oid, `${path}/`);
      else if (e.type === 'blob') out.set(path, { oid: e.oid, mode: parseInt(e.mode, 8) });
    }
  };
  await visit(treeOid, '');
  return out;
}

export async function commitTree(g: GitContext, dir: string, commit: string): Promise<TreeMap> {
  const { commit: c } = await git.readCommit({ fs: g.fs, dir, oid: commit });
  return readTreeMap(g, dir, c.tree);
}

/** HEAD's tree, or an empty one before the first commit. */
export async function headOrEmpty(g: GitContext, dir: string): Promise<TreeMap> {
  const head = await git.resolveRef({ fs: g.fs, dir, ref: 'HEAD' }).catch(() => undefined);
  return head ? commitTree(g, dir, head) : new Map();
}

/** The stage-0 entries of the index as a tree map. */
export async function indexMap(g: GitContext, dir: string): Promise<TreeMap> {
  const out: TreeMap = new Map();
  for (const e of await readIndex(g, dir)) {
    if (e.stage === 0 || !out.has(e.path)) out.set(e.path, { oid: e.oid, mode: e.mode });
  }
  return out;
}

export function mapToIndex(map: TreeMap): IndexEntry[] {
  return [...map].map(([path, e]) => ({ path, oid: e.oid, mode: e.mode, stage: 0 }));
}

/** Files of the work tree (not .git), top-relative, sorted. */
export function workFiles(g: GitContext, dir: string): string[] {
  const cut = dir === '/' ? 1 : dir.length + 1;
  return walkFiles(g.store.files, dir)
    .map((p) => p.slice(cut))
    .filter((p) => p !== '.git' && !p.startsWith('.git/'));
}

export function workContent(g: GitContext, dir: string, rel: string): Uint8Array | undefined {
  const node = statPath(g.store.files, join(dir, rel));
  if (!node || node.type !== 'file') return undefined;
  return typeof node.content === 'string' ? strToU8(node.content) : node.content;
}

export function workMode(g: GitContext, dir: string, rel: string): number {
  const node = statPath(g.store.files, join(dir, rel));
  return node && node.mode & 0o111 ? 0o100755 : 0o100644;
}

export async function hashBytes(bytes: Uint8Array): Promise<string> {
  return (await git.hashBlob({ object: bytes })).oid;
}

/** The work tree's files as a tree map (hashing each, never trusting timestamps). */
export async function workMap(g: GitContext, dir: string, paths = workFiles(g, dir)) {
  const out: TreeMap = new Map();
  for (const p of paths) {
    const bytes = workContent(g, dir, p);
    if (bytes) out.set(p, { oid: await hashBytes(bytes), mode: workMode(g, dir, p) });
  }
  return out;
}

export async function readBlobBytes(g: GitContext, dir: string, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs: g.fs, dir, oid })).blob;
}

export function writeWork(
  g: GitContext,
  dir: string,
  rel: string,
  bytes: Uint8Array,
  mode = 0o100644,
) {
  const path = join(dir, rel);
  const tx = new FsTx(g.store.files, g.store.now);
  tx.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
  const text = strFromU8(bytes);
  const roundTrips = strToU8(text).length === bytes.length && !text.includes('\uFFFD');
  tx.writeFile(path, roundTrips ? text : bytes);
  void mode;
  g.store.files = tx.result();
}

/** Removes a work tree file and the directories it leaves empty, as git does. */
export function removeWork(g: GitContext, dir: string, rel: string) {
  const tx = new FsTx(g.store.files, g.store.now);
  tx.remove(join(dir, rel));
  const parts = rel.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const sub = join(dir, parts.slice(0, i).join('/'));
    const list = walkFiles(tx.result(), sub);
    const node = statPath(tx.result(), sub);
    if (node?.type !== 'dir' || list.length > 0) break;
    tx.remove(sub);
  }
  g.store.files = tx.result();
}

/** Writes the tree objects for a map and returns the root tree's id. */
export async function writeTreeMap(g: GitContext, dir: string, map: TreeMap): Promise<string> {
  interface Node {
    files: Map<string, TreeEntry>;
    dirs: Map<string, Node>;
  }
  const root: Node = { files: new Map(), dirs: new Map() };
  for (const [path, e] of map) {
    const parts = path.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let next = node.dirs.get(part);
      if (!next) node.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
      node = next;
    }
    node.files.set(parts[parts.length - 1]!, e);
  }
  const write = async (node: Node): Promise<string> => {
    const tree: { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[] = [];
    for (const [name, sub] of node.dirs) {
      tree.push({ mode: '040000', path: name, oid: await write(sub), type: 'tree' });
    }
    for (const [name, e] of node.files) {
      tree.push({ mode: e.mode.toString(8), path: name, oid: e.oid, type: 'blob' });
    }
    return git.writeTree({ fs: g.fs, dir, tree });
  };
  return write(root);
}

export function readGitFile(g: GitContext, dir: string, name: string): string | undefined {
  const r = readFile(g.store.files, gitFile(dir, name));
  return r.ok ? r.value : undefined;
}

export function writeGitFile(g: GitContext, dir: string, name: string, text: string) {
  const tx = new FsTx(g.store.files, g.store.now);
  const path = gitFile(dir, name);
  tx.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
  tx.writeFile(path, text);
  g.store.files = tx.result();
}

export function removeGitFile(g: GitContext, dir: string, name: string) {
  if (!statPath(g.store.files, gitFile(dir, name))) return;
  const tx = new FsTx(g.store.files, g.store.now);
  tx.remove(gitFile(dir, name));
  g.store.files = tx.result();
}

/** Paths whose index or work tree content differs from `head` (what a checkout could lose). */
export async function localChanges(g: GitContext, dir: string, head: TreeMap) {
  const index = await indexMap(g, dir);
  const changed = new Set<string>();
  for (const [p, e] of index) if (head.get(p)?.oid !== e.oid) changed.add(p);
  for (const p of head.keys()) if (!index.has(p)) changed.add(p);
  for (const [p, e] of index) {
    const bytes = workContent(g, dir, p);
    if (!bytes || (await hashBytes(bytes)) !== e.oid) changed.add(p);
  }
  return { index, changed };
}

/**
 * Moves the work tree and index from `from` to `to` (both tree maps): files only in `from` go,
 * files that differ are written. `keep` paths are left as they are in the work tree.
 */
export async function switchTrees(g: GitContext, dir: string, from: TreeMap, to: TreeMap) {
  for (const [p, e] of from) {
    if (!to.has(p) && workContent(g, dir, p)) removeWork(g, dir, p);
    void e;
  }
  for (const [p, e] of to) {
    const current = workContent(g, dir, p);
    if (current && from.get(p)?.oid === e.oid && (await hashBytes(current)) === e.oid) continue;
    writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
  }
  await writeIndex(g, dir, mapToIndex(to));
}
