// The learner's files: a directory tree kept in the world as plain data, copy-on-write like the
// cluster, so that snapshots, time travel and a reload keep it. Each directory is a group of the
// table holding its entries by name, so listing a directory never scans the rest.
import { strFromU8 } from 'fflate';
import { CowTable, forEachEntry, readEntry, type Table } from '../k8s/table';

export interface FileNode {
  readonly type: 'file';
  /** Text as written by the shell, or bytes (Git's compressed objects, its index). */
  readonly content: string | Uint8Array;
  /** Permission bits, as `ls -l` shows them (0o644). */
  readonly mode: number;
  /** Last modification, simulated ms. */
  readonly mtime: number;
}

export interface DirNode {
  readonly type: 'dir';
  readonly mode: number;
  readonly mtime: number;
}

export type FsNode = FileNode | DirNode;

/** Directory path → entry name → node. The root directory is implied. */
export type Files = Table<FsNode>;

/** The errno names the shell's programs turn into their own messages. */
export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL';

export interface FsError {
  ok: false;
  code: FsErrorCode;
  /** The path the error is about (not always the one asked for: a missing parent). */
  path: string;
}

export type FsResult<T> = { ok: true; value: T } | FsError;

/** strerror's words for each code, as programs print them after a file name. */
export const ERRNO_TEXT: Readonly<Record<FsErrorCode, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

export const FILE_MODE = 0o644;
export const DIR_MODE = 0o755;

const ROOT: DirNode = { type: 'dir', mode: DIR_MODE, mtime: 0 };

const fail = (code: FsErrorCode, path: string): FsError => ({ ok: false, code, path });

/** An absolute path with `.`, `..` and repeated slashes resolved, as the kernel walks it. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : cwd}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `/a/b` → [`/a`, `b`]; the root has no parent. */
export function splitPath(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return [i <= 0 ? '/' : path.slice(0, i), path.slice(i + 1)];
}

export function statPath(files: Files, path: string): FsNode | undefined {
  if (path === '/') return ROOT;
  const [dir, name] = splitPath(path);
  return readEntry(files, dir, name);
}

/** Why `path` cannot be reached: a missing or non-directory ancestor. */
function walkError(files: Files, path: string): FsError | undefined {
  let at = '';
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length - 1; i++) {
    at += `/${parts[i]}`;
    const node = statPath(files, at);
    if (!node) return fail('ENOENT', path);
    if (node.type !== 'dir') return fail('ENOTDIR', path);
  }
  return undefined;
}

export function readFile(files: Files, path: string): FsResult<string> {
  const node = statPath(files, path);
  if (!node) return walkError(files, path) ?? fail('ENOENT', path);
  if (node.type === 'dir') return fail('EISDIR', path);
  return { ok: true, value: textOf(node.content) };
}

/** A file's content as text: bytes are read as UTF-8, as a terminal shows them. */
export function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : strFromU8(content, false);
}

/** A file's size in bytes, as `ls -l` and `stat` report it. */
export function sizeOf(content: string | Uint8Array): number {
  if (typeof content !== 'string') return content.length;
  let n = 0;
  for (const ch of content) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The names in a directory, sorted by code point. */
export function readDir(files: Files, path: string): FsResult<string[]> {
  const node = statPath(files, path);
  if (!node) return walkError(files, path) ?? fail('ENOENT', path);
  if (node.type !== 'dir') return fail('ENOTDIR', path);
  const names: string[] = [];
  forEachEntry(files[path], (name) => names.push(name));
  return { ok: true, value: names.sort() };
}

/** Every file below `path` (itself included when it is one), as absolute paths, sorted. */
export function walkFiles(files: Files, path: string): string[] {
  const node = statPath(files, path);
  if (!node) return [];
  if (node.type === 'file') return [path];
  const out: string[] = [];
  const list = readDir(files, path);
  for (const name of list.ok ? list.value : []) {
    out.push(...walkFiles(files, path === '/' ? `/${name}` : `${path}/${name}`));
  }
  return out;
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** Writes to the files within one command, at one simulated time. */
export class FsTx {
  private readonly table: CowTable<FsNode>;

  constructor(
    base: Files,
    private readonly now: number,
  ) {
    this.table = new CowTable(base);
  }

  result(): Files {
    return this.table.result();
  }

  stat(path: string): FsNode | undefined {
    if (path === '/') return ROOT;
    const [dir, name] = splitPath(path);
    return this.table.get(dir, name);
  }

  private files(): Files {
    return this.table.result();
  }

  private put(path: string, node: FsNode | undefined): void {
    const [dir, name] = splitPath(path);
    this.table.set(dir, name, node);
  }

  /** The parent of `path` must be an existing directory. */
  private parentError(path: string): FsError | undefined {
    const [dir] = splitPath(path);
    const parent = this.stat(dir);
    if (!parent) return walkError(this.files(), path) ?? fail('ENOENT', path);
    if (parent.type !== 'dir') return fail('ENOTDIR', path);
    return undefined;
  }

  mkdir(path: string, options: { parents?: boolean } = {}): FsResult<void> {
    const existing = this.stat(path);
    if (existing) {
      if (options.parents && existing.type === 'dir') return { ok: true, value: undefined };
      return fail(existing.type === 'dir' || !options.parents ? 'EEXIST' : 'ENOTDIR', path);
    }
    if (options.parents) {
      const [dir] = splitPath(path);
      const up = this.mkdir(dir, options);
      if (!up.ok) return up;
    } else {
      const error = this.parentError(path);
      if (error) return error;
    }
    this.put(path, { type: 'dir', mode: DIR_MODE, mtime: this.now });
    return { ok: true, value: undefined };
  }

  writeFile(
    path: string,
    content: string | Uint8Array,
    options: { append?: boolean } = {},
  ): FsResult<void> {
    const existing = this.stat(path);
    if (existing?.type === 'dir') return fail('EISDIR', path);
    if (!existing) {
      const error = this.parentError(path);
      if (error) return error;
    }
    const before = existing?.type === 'file' && options.append ? existing.content : '';
    this.put(path, {
      type: 'file',
      content: before === '' ? content : textOf(before) + textOf(content),
      mode: existing?.mode ?? FILE_MODE,
      mtime: this.now,
    });
    return { ok: true, value: undefined };
  }

  /** Updates the time of a file, creating it empty when missing (`touch`). */
  touch(path: string): FsResult<void> {
    const existing = this.stat(path);
    if (!existing) return this.writeFile(path, '');
    this.put(path, { ...existing, mtime: this.now });
    return { ok: true, value: undefined };
  }

  remove(path: string, options: { recursive?: boolean } = {}): FsResult<void> {
    if (path === '/') return fail('EINVAL', path);
    const node = this.stat(path);
    if (!node) return walkError(this.files(), path) ?? fail('ENOENT', path);
    if (node.type === 'dir') {
      const children = readDir(this.files(), path);
      const names = children.ok ? children.value : [];
      if (names.length > 0 && !options.recursive) return fail('ENOTEMPTY', path);
      for (const name of names) this.remove(join(path, name), options);
    }
    this.put(path, undefined);
    return { ok: true, value: undefined };
  }

  /** Moves `from` to `to` (a path that does not exist, or a file it replaces). */
  rename(from: string, to: string): FsResult<void> {
    const node = this.stat(from);
    if (!node) return walkError(this.files(), from) ?? fail('ENOENT', from);
    if (from === to) return { ok: true, value: undefined };
    if (node.type === 'dir' && (to + '/').startsWith(from + '/')) return fail('EINVAL', to);
    const target = this.stat(to);
    if (target?.type === 'dir') return fail(node.type === 'dir' ? 'EEXIST' : 'EISDIR', to);
    if (target && node.type === 'dir') return fail('ENOTDIR', to);
    const error = this.parentError(to);
    if (error) return error;
    this.copyNode(from, to, node);
    this.remove(from, { recursive: true });
    return { ok: true, value: undefined };
  }

  /** Copies a file, or with `recursive` a directory, to a path that is not a directory. */
  copy(from: string, to: string, options: { recursive?: boolean } = {}): FsResult<void> {
    const node = this.stat(from);
    if (!node) return walkError(this.files(), from) ?? fail('ENOENT', from);
    if (node.type === 'dir' && !options.recursive) return fail('EISDIR', from);
    if (node.type === 'dir' && (to + '/').startsWith(from + '/')) return fail('EINVAL', to);
    const target = this.stat(to);
    if (target?.type === 'dir') return fail('EISDIR', to);
    const error = this.parentError(to);
    if (error) return error;
    this.copyNode(from, to, node, this.now);
    return { ok: true, value: undefined };
  }

  private copyNode(from: string, to: string, node: FsNode, mtime?: number): void {
    this.put(to, mtime === undefined ? node : { ...node, mtime });
    if (node.type !== 'dir') return;
    const children = readDir(this.files(), from);
    for (const name of children.ok ? children.value : []) {
      const child = this.stat(join(from, name));
      if (child) this.copyNode(join(from, name), join(to, name), child, mtime);
    }
  }
}

/** The learner's home directory on the machine the terminal stands for. */
export const LEARNER_HOME = '/home/learner';

/** A learner's machine: a home directory and /tmp. */
export function initialFiles(home: string, now: number): Files {
  const tx = new FsTx({}, now);
  tx.mkdir(home, { parents: true });
  tx.mkdir('/tmp');
  return tx.result();
}
