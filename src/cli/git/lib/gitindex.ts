// The index (.git/index, version 2) read and written directly, so commands can set whole trees,
// conflict stages (1 base, 2 ours, 3 theirs) and single entries in one write. isomorphic-git reads
// the same file for add, status and commit.
import { strFromU8, strToU8 } from 'fflate';
import type { GitContext } from '../common';
import { sha1, toHex } from './sha1';

export interface IndexEntry {
  path: string;
  oid: string;
  /** 0o100644, 0o100755, 0o120000. */
  mode: number;
  /** 0 when merged; 1, 2, 3 for a conflict's base, ours and theirs. */
  stage: number;
}

const indexPath = (dir: string) => `${dir === '/' ? '' : dir}/.git/index`;

const comparePaths = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortEntries(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => comparePaths(a.path, b.path) || a.stage - b.stage);
}

export async function readIndex(g: GitContext, dir: string): Promise<IndexEntry[]> {
  let bytes: Uint8Array;
  try {
    bytes = (await g.fs.promises.readFile(indexPath(dir))) as Uint8Array;
  } catch {
    return [];
  }
  if (bytes.length < 12) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4);
  const count = view.getUint32(8);
  const entries: IndexEntry[] = [];
  let at = 12;
  for (let i = 0; i < count; i++) {
    const mode = view.getUint32(at + 24);
    const oid = toHex(bytes.subarray(at + 40, at + 60));
    const flags = view.getUint16(at + 60);
    let nameAt = at + 62;
    if (version >= 3 && flags & 0x4000) nameAt += 2;
    let end = nameAt;
    while (bytes[end] !== 0) end++;
    const path = strFromU8(bytes.subarray(nameAt, end));
    entries.push({ path, oid, mode, stage: (flags >> 12) & 3 });
    const length = end - at;
    at += length + (8 - (length % 8));
  }
  return entries;
}

export async function writeIndex(g: GitContext, dir: string, entries: IndexEntry[]) {
  const parts: Uint8Array[] = [];
  const sorted = sortEntries(entries);
  const header = new Uint8Array(12);
  const hv = new DataView(header.buffer);
  header.set(strToU8('DIRC'));
  hv.setUint32(4, 2);
  hv.setUint32(8, sorted.length);
  parts.push(header);
  for (const e of sorted) {
    const name = strToU8(e.path);
    const length = 62 + name.length;
    const entry = new Uint8Array(length + (8 - (length % 8)));
    const v = new DataView(entry.buffer);
    // Zero stat data: git and isomorphic-git then compare contents, never trusting a stale stat.
    v.setUint32(24, e.mode);
    for (let i = 0; i < 20; i++) entry[40 + i] = parseInt(e.oid.slice(i * 2, i * 2 + 2), 16);
    v.setUint16(60, (e.stage << 12) | Math.min(name.length, 0xfff));
    entry.set(name, 62);
    parts.push(entry);
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const body = new Uint8Array(total + 20);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  body.set(sha1(body.subarray(0, total)), total);
  await g.fs.promises.writeFile(indexPath(dir), body);
}
