// The file system isomorphic-git works on: a view over files that live in the world (the
// learner's workspace, or the Git host's repositories), so that Git's objects are part of every
// snapshot, reload and time travel. Every write makes a new immutable table; the caller keeps
// the last one when the command ends.
import { strFromU8, strToU8 } from 'fflate';
import type { FsErrorCode, FsNode, FsResult, Files } from '../../engine/fs/files';
import { FsTx, readDir, resolvePath, statPath } from '../../engine/fs/files';

export interface FileStore {
  files: Files;
  /** The simulated time writes are stamped with. */
  readonly now: number;
}

function fsError(code: FsErrorCode | 'ENOTSUP', path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

function orThrow<T>(r: FsResult<T>): T {
  if (!r.ok) throw fsError(r.code, r.path);
  return r.value;
}

/** Keeps Git's own files as bytes and the working tree's as text, as the shell and editor read them. */
function stored(path: string, data: string | Uint8Array): string | Uint8Array {
  const inGitDir = /(^|\/)\.git(\/|$)/.test(path) || /\.git\//.test(path);
  if (typeof data === 'string') return inGitDir ? strToU8(data) : data;
  const bytes = new Uint8Array(data);
  if (inGitDir) return bytes;
  const text = strFromU8(bytes);
  return strToU8(text).length === bytes.length ? text : bytes;
}

/**
 * A number that changes with the content (FNV-1a), reported as the inode: the simulated clock
 * can stand still between two edits of the same size, and git's stat check (racy-git.txt) would
 * then call the file unchanged. A real disk's clock never stands still.
 */
function contentStamp(content: string | Uint8Array): number {
  let h = 0x811c9dc5;
  if (typeof content === 'string') {
    for (let i = 0; i < content.length; i++) h = Math.imul(h ^ content.charCodeAt(i), 0x01000193);
  } else {
    for (const b of content) h = Math.imul(h ^ b, 0x01000193);
  }
  return h >>> 0;
}

function stats(node: FsNode) {
  const isDir = node.type === 'dir';
  const size = isDir
    ? 4096
    : typeof node.content === 'string'
      ? strToU8(node.content).length
      : node.content.length;
  const mode = isDir ? 0o40000 | node.mode : 0o100000 | node.mode;
  return {
    type: isDir ? 'dir' : 'file',
    mode,
    size,
    ino: isDir ? 0 : contentStamp(node.content),
    dev: 0,
    uid: 1000,
    gid: 1000,
    mtimeMs: node.mtime,
    ctimeMs: node.mtime,
    mtime: new Date(node.mtime),
    ctime: new Date(node.mtime),
    isFile: () => !isDir,
    isDirectory: () => isDir,
    isSymbolicLink: () => false,
  };
}

export function gitFs(store: FileStore) {
  const write = <T>(body: (tx: FsTx) => FsResult<T>): T => {
    const tx = new FsTx(store.files, store.now);
    const value = orThrow(body(tx));
    store.files = tx.result();
    return value;
  };
  const node = (path: string): FsNode => {
    const n = statPath(store.files, path);
    if (!n) throw fsError('ENOENT', path);
    return n;
  };
  const at = (raw: string) => resolvePath('/', raw);
  const promises = {
    async readFile(raw: string, options?: string | { encoding?: string }) {
      const path = at(raw);
      const n = node(path);
      if (n.type === 'dir') throw fsError('EISDIR', path);
      const encoding = typeof options === 'string' ? options : options?.encoding;
      if (encoding === 'utf8')
        return typeof n.content === 'string' ? n.content : strFromU8(n.content);
      return typeof n.content === 'string' ? strToU8(n.content) : n.content;
    },
    async writeFile(raw: string, data: string | Uint8Array) {
      const path = at(raw);
      write((tx) => tx.writeFile(path, stored(path, data)));
    },
    async unlink(raw: string) {
      const path = at(raw);
      if (node(path).type === 'dir') throw fsError('EISDIR', path);
      write((tx) => tx.remove(path));
    },
    async readdir(raw: string) {
      return orThrow(readDir(store.files, at(raw)));
    },
    async mkdir(raw: string) {
      const path = at(raw);
      write((tx) => tx.mkdir(path));
    },
    async rmdir(raw: string) {
      const path = at(raw);
      if (node(path).type !== 'dir') throw fsError('ENOTDIR', path);
      write((tx) => tx.remove(path));
    },
    async stat(raw: string) {
      return stats(node(at(raw)));
    },
    async lstat(raw: string) {
      return stats(node(at(raw)));
    },
    async readlink(raw: string) {
      throw fsError('EINVAL', at(raw));
    },
    async symlink(_target: string, raw: string) {
      throw fsError('ENOTSUP', at(raw));
    },
    async chmod() {},
  };
  // isomorphic-git uses `promises` only when it is an enumerable own property.
  return { promises };
}
