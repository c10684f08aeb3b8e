// A repository to take home: the work tree and its .git (objects as stored, refs, HEAD, config,
// index) in one zip, so that unzipping it gives a repository `git log` and `git status` read.
import type { Zippable } from 'fflate';
import { strToU8, zipSync } from 'fflate';
import type { Files } from '../../engine/fs/files';
import { readDir, statPath } from '../../engine/fs/files';

/** The folder the zip unpacks into: the repository's directory name. */
export function exportName(dir: string): string {
  const base = dir.replace(/\/+$/, '').split('/').pop();
  return base === undefined || base === '' ? 'repository' : base;
}

// Zip times are local DOS times; a fixed one keeps the archive the same for the same files.
const MTIME = new Date(Date.UTC(2020, 0, 1));

function add(files: Files, path: string, into: Zippable): void {
  const node = statPath(files, path);
  if (!node) return;
  if (node.type === 'file') {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const data = typeof node.content === 'string' ? strToU8(node.content) : node.content;
    // Git's objects are already compressed: store them as they are.
    const compressed = /\/\.git\/objects\//.test(path) || path.endsWith('.pack');
    into[name] = [data, { level: compressed ? 0 : 6, mtime: MTIME }];
    return;
  }
  const list = readDir(files, path);
  const dir: Zippable = {};
  for (const name of list.ok ? list.value : [])
    add(files, `${path === '/' ? '' : path}/${name}`, dir);
  into[path.slice(path.lastIndexOf('/') + 1)] = dir;
}

/**
 * Zips the repository whose work tree is `dir` (its files and its .git) under one folder named
 * after it. Empty directories are kept: git needs `.git/objects` and `.git/refs` to exist.
 */
export function exportRepository(files: Files, dir: string): Uint8Array {
  const top = dir.replace(/\/+$/, '') || '/';
  const root: Zippable = {};
  const list = readDir(files, top);
  const inner: Zippable = {};
  for (const name of list.ok ? list.value : [])
    add(files, `${top === '/' ? '' : top}/${name}`, inner);
  root[exportName(top)] = inner;
  return zipSync(root, { mtime: MTIME });
}
