// Moving HEAD's work tree and index to another commit's tree the way `git checkout` does: files
// that differ between the two trees are updated, local changes to other files are carried over,
// and a change that would be lost stops everything (unpack-trees.c's "would be overwritten").
import type { GitContext } from '../common';
import { writeIndex } from './gitindex';
import type { TreeMap } from './repo';
import {
  hashBytes,
  localChanges,
  mapToIndex,
  readBlobBytes,
  removeWork,
  workContent,
  writeWork,
} from './repo';

export interface MoveResult {
  ok: boolean;
  /** Tracked files with local changes the move would overwrite. */
  overwritten: string[];
  /** Untracked files in the way of the target's files. */
  untracked: string[];
  /** Local changes carried over: `M\tpath` lines as checkout prints them. */
  carried: string[];
}

const same = (a: TreeMap, b: TreeMap, p: string) => {
  const x = a.get(p);
  const y = b.get(p);
  return x?.oid === y?.oid && x?.mode === y?.mode;
};

export async function moveTo(
  g: GitContext,
  dir: string,
  head: TreeMap,
  target: TreeMap,
  force = false,
): Promise<MoveResult> {
  const { index, changed } = await localChanges(g, dir, head);
  const differing = [...new Set([...head.keys(), ...target.keys()])].filter(
    (p) => !same(head, target, p),
  );
  const overwritten: string[] = [];
  const untracked: string[] = [];
  if (!force) {
    for (const p of differing) {
      if (changed.has(p)) {
        // A change that already matches the target loses nothing.
        const work = workContent(g, dir, p);
        const wanted = target.get(p);
        const workOid = work ? await hashBytes(work) : undefined;
        if (workOid === wanted?.oid && index.get(p)?.oid === wanted?.oid) continue;
        overwritten.push(p);
      } else if (!head.has(p) && !index.has(p) && target.has(p)) {
        const work = workContent(g, dir, p);
        if (work && (await hashBytes(work)) !== target.get(p)!.oid) untracked.push(p);
      }
    }
  }
  if (overwritten.length > 0 || untracked.length > 0) {
    return { ok: false, overwritten: overwritten.sort(), untracked: untracked.sort(), carried: [] };
  }
  const next: TreeMap = new Map(target);
  const carried: string[] = [];
  for (const p of differing) {
    const e = target.get(p);
    if (e) writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
    else if (workContent(g, dir, p)) removeWork(g, dir, p);
  }
  if (force) {
    for (const p of changed) {
      const e = target.get(p);
      if (e) writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
      else if (workContent(g, dir, p) && head.has(p)) removeWork(g, dir, p);
    }
  } else {
    for (const p of changed) {
      if (differing.includes(p)) continue;
      const e = index.get(p);
      if (e) next.set(p, e);
      else next.delete(p);
    }
  }
  await writeIndex(g, dir, mapToIndex(next));
  if (!force) {
    for (const p of [...changed].sort()) {
      const work = workContent(g, dir, p);
      const t = target.get(p);
      if (!work && t) carried.push(`D\t${p}`);
      else if (work && !t) carried.push(`A\t${p}`);
      else if (work && t && (await hashBytes(work)) !== t.oid) carried.push(`M\t${p}`);
    }
  }
  return { ok: true, overwritten: [], untracked: [], carried };
}

/** git's refusal, as checkout, switch, merge and reset --keep print it. */
export function refusal(r: MoveResult, verb: 'checkout' | 'merge'): string {
  let out = '';
  if (r.overwritten.length > 0) {
    out += `error: Your local changes to the following files would be overwritten by ${verb}:\n`;
    out += r.overwritten.map((p) => `\t${p}\n`).join('');
    out +=
      verb === 'checkout'
        ? 'Please commit your changes or stash them before you switch branches.\n'
        : 'Please commit your changes or stash them before you merge.\n';
  }
  if (r.untracked.length > 0) {
    out += `error: The following untracked working tree files would be overwritten by ${verb}:\n`;
    out += r.untracked.map((p) => `\t${p}\n`).join('');
    out +=
      verb === 'checkout'
        ? 'Please move or remove them before you switch branches.\n'
        : 'Please move or remove them before you merge.\n';
  }
  return `${out}Aborting\n`;
}
