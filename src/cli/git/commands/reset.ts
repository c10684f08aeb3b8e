// git reset: moves the branch (--soft), and the index (--mixed, the default), and the work tree
// (--hard) to a commit; `git reset [<commit>] [--] <paths>` sets just those index entries.
// Formats: git 2.39 builtin/reset.c ("HEAD is now at", "Unstaged changes after reset:").
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git, headCommit } from '../common';
import { writeIndex } from '../lib/gitindex';
import type { TreeMap } from '../lib/repo';
import {
  commitTree,
  hashBytes,
  indexMap,
  join,
  mapToIndex,
  readBlobBytes,
  removeGitFile,
  removeWork,
  repoOrFail,
  toRepoPath,
  underPath,
  workContent,
  writeGitFile,
  writeWork,
} from '../lib/repo';
import { AMBIGUOUS, resolveCommit, subjectOf } from '../lib/rev';
import { statPath } from '../../../engine/fs/files';

/** `M\tpath` / `D\tpath` for every tracked file whose work tree copy differs from the index. */
export async function unstagedLines(g: GitContext, dir: string, index: TreeMap): Promise<string> {
  let out = '';
  for (const [p, e] of [...index].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const work = workContent(g, dir, p);
    if (!work) out += `D\t${p}\n`;
    else if ((await hashBytes(work)) !== e.oid) out += `M\t${p}\n`;
  }
  return out;
}

/** Points the current branch (or a detached HEAD) at `oid`, keeping the old tip in ORIG_HEAD. */
export async function moveHead(g: GitContext, dir: string, oid: string) {
  const old = await headCommit(g, dir);
  if (old) writeGitFile(g, dir, 'ORIG_HEAD', `${old}\n`);
  const branch = await currentBranch(g, dir);
  const ref = branch ? `refs/heads/${branch}` : 'HEAD';
  await git.writeRef({ fs: g.fs, dir, ref, value: oid, force: true });
}

export function clearMergeState(g: GitContext, dir: string) {
  for (const f of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE']) removeGitFile(g, dir, f);
}

/** Makes the work tree match `target` for every path the old index or `target` tracks. */
export async function hardReset(g: GitContext, dir: string, oldIndex: TreeMap, target: TreeMap) {
  for (const p of oldIndex.keys())
    if (!target.has(p) && workContent(g, dir, p)) removeWork(g, dir, p);
  for (const [p, e] of target) {
    const work = workContent(g, dir, p);
    if (work && (await hashBytes(work)) === e.oid) continue;
    writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
  }
  await writeIndex(g, dir, mapToIndex(target));
}

export const reset: GitCommand = async (g) => {
  let mode: 'soft' | 'mixed' | 'hard' | undefined;
  let quiet = false;
  const words: string[] = [];
  const paths: string[] = [];
  let dashdash = false;
  for (const a of g.args) {
    if (dashdash) paths.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '--soft' || a === '--mixed' || a === '--hard') mode = a.slice(2) as typeof mode;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else words.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  let target: string | undefined;
  let rev = 'HEAD';
  if (words.length > 0) {
    const oid = await resolveCommit(g, dir, words[0]!);
    if (oid) {
      target = oid;
      rev = words[0]!;
      paths.unshift(...words.slice(1));
    } else if (dashdash || words.every((w) => isPath(g, dir, w))) {
      paths.unshift(...words);
    } else {
      return fatal(g, AMBIGUOUS(words[0]!));
    }
  }
  const head = await headCommit(g, dir);
  target ??= head;
  if (target === undefined && rev !== 'HEAD') return fatal(g, AMBIGUOUS(rev));
  const targetTree: TreeMap = target ? await commitTree(g, dir, target) : new Map();
  const index = await indexMap(g, dir);

  if (paths.length > 0) {
    if (mode === 'soft') return fatal(g, 'Cannot do soft reset with paths.');
    if (mode === 'hard') return fatal(g, 'Cannot do hard reset with paths.');
    const specs = paths.map((p) => toRepoPath(g, dir, p) ?? p);
    for (const p of new Set([...index.keys(), ...targetTree.keys()])) {
      if (!specs.some((s) => underPath(p, s))) continue;
      const e = targetTree.get(p);
      if (e) index.set(p, e);
      else index.delete(p);
    }
    await writeIndex(g, dir, mapToIndex(index));
    const lines = await unstagedLines(g, dir, index);
    if (lines && !quiet) g.out(`Unstaged changes after reset:\n${lines}`);
    return 0;
  }

  if (target && target !== head) await moveHead(g, dir, target);
  else if (target && mode !== 'soft') writeGitFile(g, dir, 'ORIG_HEAD', `${target}\n`);
  if (mode === 'soft') return 0;
  clearMergeState(g, dir);
  if (mode === 'hard') {
    await hardReset(g, dir, index, targetTree);
    if (!quiet && target)
      g.out(`HEAD is now at ${target.slice(0, 7)} ${await subjectOf(g, dir, target)}\n`);
    return 0;
  }
  // Entries that already match keep their place; the rest come from the target.
  await writeIndex(g, dir, mapToIndex(targetTree));
  const lines = await unstagedLines(g, dir, targetTree);
  if (lines && !quiet) g.out(`Unstaged changes after reset:\n${lines}`);
  return 0;
};

function isPath(g: GitContext, dir: string, word: string): boolean {
  const rel = toRepoPath(g, dir, word);
  return rel !== undefined && statPath(g.store.files, join(dir, rel)) !== undefined;
}
