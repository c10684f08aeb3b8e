// git merge: "Already up to date.", fast-forwards, merge commits (ort's words), and conflicts
// left in the work tree with markers and in the index as stages 1-3, MERGE_HEAD and MERGE_MSG
// kept for `git commit` to conclude (or `git merge --abort`). Formats: git 2.39 builtin/merge.c,
// merge-ort.c, fmt-merge-msg.c.
import { strFromU8, strToU8 } from 'fflate';
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git, headCommit, identity, stamp } from '../common';
import type { IndexEntry } from '../lib/gitindex';
import { readIndex, writeIndex } from '../lib/gitindex';
import { merge3 } from '../lib/merge3';
import type { TreeEntry, TreeMap } from '../lib/repo';
import {
  commitTree,
  gitFile,
  hashBytes,
  indexMap,
  mapToIndex,
  readBlobBytes,
  readGitFile,
  removeWork,
  repoOrFail,
  workContent,
  writeGitFile,
  writeTreeMap,
  writeWork,
} from '../lib/repo';
import { resolveCommit, upstreamName } from '../lib/rev';
import { changesBetween, statText, summaryText } from '../lib/unified';
import { moveTo, refusal } from '../lib/worktree';
import { clearMergeState, hardReset, moveHead } from './reset';
import { statPath } from '../../../engine/fs/files';

/** The default message: fmt-merge-msg's, without " into main|master". */
async function mergeMessage(g: GitContext, dir: string, name: string): Promise<string> {
  const local = await git
    .resolveRef({ fs: g.fs, dir, ref: `refs/heads/${name}` })
    .catch(() => undefined);
  const remote = await git
    .resolveRef({ fs: g.fs, dir, ref: `refs/remotes/${name}` })
    .catch(() => undefined);
  const what = local
    ? `branch '${name}'`
    : remote
      ? `remote-tracking branch '${name}'`
      : `commit '${name}'`;
  const branch = await currentBranch(g, dir);
  const into = branch && branch !== 'main' && branch !== 'master' ? ` into ${branch}` : '';
  return `Merge ${what}${into}`;
}

export interface Merged {
  tree: TreeMap;
  /** Conflicted paths' index stages. */
  stages: IndexEntry[];
  /** Conflicted paths' work tree contents. */
  work: Map<string, Uint8Array>;
  messages: string;
  conflicted: string[];
}

const eq = (a?: TreeEntry, b?: TreeEntry) => a?.oid === b?.oid && a?.mode === b?.mode;

/**
 * A file one side renamed unchanged (an exact rename) is merged at its new path: the other side's
 * version moves there with it, as ort's rename detection does for the common case.
 */
function followRenames(base: TreeMap, ours: TreeMap, theirs: TreeMap): [TreeMap, TreeMap, TreeMap] {
  const b = new Map(base);
  const sides = [new Map(ours), new Map(theirs)];
  for (const [x, y] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const side = sides[x]!;
    const other = sides[y]!;
    for (const [from, e] of base) {
      if (side.has(from) || !b.has(from)) continue;
      const to = [...side.keys()].find(
        (p) => !base.has(p) && side.get(p)!.oid === e.oid && !other.has(p),
      );
      if (to === undefined) continue;
      b.delete(from);
      b.set(to, e);
      const moved = other.get(from);
      other.delete(from);
      if (moved) other.set(to, moved);
    }
  }
  return [b, sides[0]!, sides[1]!];
}

export async function mergeTrees(
  g: GitContext,
  dir: string,
  base: TreeMap,
  ours: TreeMap,
  theirs: TreeMap,
  theirName: string,
): Promise<Merged> {
  const m: Merged = { tree: new Map(), stages: [], work: new Map(), messages: '', conflicted: [] };
  [base, ours, theirs] = followRenames(base, ours, theirs);
  const paths = [...new Set([...base.keys(), ...ours.keys(), ...theirs.keys()])].sort();
  const text = async (e?: TreeEntry) => (e ? strFromU8(await readBlobBytes(g, dir, e.oid)) : '');
  for (const p of paths) {
    const b = base.get(p);
    const o = ours.get(p);
    const t = theirs.get(p);
    const keep = (e?: TreeEntry) => void (e && m.tree.set(p, e));
    if (eq(o, t)) keep(o);
    else if (eq(b, o)) keep(t);
    else if (eq(b, t)) keep(o);
    else if (!o || !t) {
      const [gone, kept, keptName] = !o ? ['HEAD', t!, theirName] : [theirName, o, 'HEAD'];
      const changed = !o ? theirName : 'HEAD';
      m.messages += `CONFLICT (modify/delete): ${p} deleted in ${gone} and modified in ${changed}.  Version ${keptName} of ${p} left in tree.\n`;
      m.stages.push({ path: p, oid: b!.oid, mode: b!.mode, stage: 1 });
      m.stages.push({ path: p, oid: kept.oid, mode: kept.mode, stage: !o ? 3 : 2 });
      m.work.set(p, await readBlobBytes(g, dir, kept.oid));
      m.conflicted.push(p);
    } else {
      m.messages += `Auto-merging ${p}\n`;
      const r = merge3(await text(b), await text(o), await text(t), 'HEAD', theirName);
      const bytes = strToU8(r.text);
      if (r.conflicts === 0) {
        const oid = await git.writeBlob({ fs: g.fs, dir, blob: bytes });
        m.tree.set(p, { oid, mode: o.mode });
        continue;
      }
      m.messages += `CONFLICT (${b ? 'content' : 'add/add'}): Merge conflict in ${p}\n`;
      if (b) m.stages.push({ path: p, oid: b.oid, mode: b.mode, stage: 1 });
      m.stages.push({ path: p, oid: o.oid, mode: o.mode, stage: 2 });
      m.stages.push({ path: p, oid: t.oid, mode: t.mode, stage: 3 });
      m.work.set(p, bytes);
      m.conflicted.push(p);
    }
  }
  return m;
}

/**
 * What the merge would destroy: staged changes and work tree changes in the files it writes
 * (`overwritten`), and untracked files where it would create one (`untracked`).
 */
export async function wouldLose(g: GitContext, dir: string, headTree: TreeMap, m: Merged) {
  const index = await indexMap(g, dir);
  const dirty = [...new Set([...index.keys(), ...headTree.keys()])].filter(
    (p) => !eq(index.get(p), headTree.get(p)),
  );
  const untracked: string[] = [];
  for (const p of new Set([...m.tree.keys(), ...m.work.keys(), ...headTree.keys()])) {
    if (eq(m.tree.get(p), headTree.get(p)) && !m.work.has(p)) continue;
    const work = workContent(g, dir, p);
    const h = headTree.get(p);
    if (h && (!work || (await hashBytes(work)) !== h.oid)) dirty.push(p);
    const wanted = m.tree.get(p)?.oid;
    if (!h && !index.has(p) && work && (m.work.has(p) || (await hashBytes(work)) !== wanted)) {
      untracked.push(p);
    }
  }
  return {
    ok: dirty.length === 0 && untracked.length === 0,
    overwritten: [...new Set(dirty)].sort(),
    untracked: untracked.sort(),
    carried: [],
  };
}

/** Writes a stopped merge into the work tree (markers included) and the index (with stages). */
export async function leaveInTree(g: GitContext, dir: string, headTree: TreeMap, m: Merged) {
  for (const p of new Set([...headTree.keys(), ...m.tree.keys()])) {
    if (m.work.has(p)) continue;
    const e = m.tree.get(p);
    if (eq(e, headTree.get(p))) continue;
    if (e) writeWork(g, dir, p, await readBlobBytes(g, dir, e.oid), e.mode);
    else removeWork(g, dir, p);
  }
  for (const [p, bytes] of m.work) writeWork(g, dir, p, bytes);
  await writeIndex(g, dir, [...mapToIndex(m.tree).filter((e) => !m.work.has(e.path)), ...m.stages]);
}

/** The editor's clean-up of a prepared message: comment lines and trailing blank lines go. */
export function cleanPrepared(text: string): string {
  const kept = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .replace(/\s+$/, '');
  return `${kept}\n`;
}

/** Refuses to commit while the index holds conflicts, as `git commit` words it. */
export async function refuseUnmerged(g: GitContext, dir: string): Promise<number | undefined> {
  const entries = await readIndex(g, dir);
  const unmerged = [...new Set(entries.filter((e) => e.stage > 0).map((e) => e.path))];
  if (unmerged.length === 0) return undefined;
  g.out(unmerged.map((p) => `U\t${p}\n`).join(''));
  g.err(
    "error: Committing is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\n",
  );
  return fatal(g, 'Exiting because of an unresolved conflict.');
}

/** `--continue`: the merge commit, once every conflict is resolved. */
async function resume(g: GitContext, dir: string): Promise<number> {
  const mergeHead = readGitFile(g, dir, 'MERGE_HEAD')?.trim();
  if (!mergeHead) return fatal(g, 'There is no merge in progress (MERGE_HEAD missing).');
  const refused = await refuseUnmerged(g, dir);
  if (refused !== undefined) return refused;
  const who = await identity(g, dir);
  if (!who) return fatal(g, 'unable to auto-detect email address');
  const head = await headCommit(g, dir);
  const message = cleanPrepared(readGitFile(g, dir, 'MERGE_MSG') ?? '');
  const tree = await writeTreeMap(g, dir, await indexMap(g, dir));
  const sha = await git.writeCommit({
    fs: g.fs,
    dir,
    commit: {
      message,
      tree,
      parent: [...(head ? [head] : []), mergeHead],
      author: stamp(g, (await identity(g, dir, 'author')) ?? who),
      committer: stamp(g, who),
    },
  });
  await moveHead(g, dir, sha);
  clearMergeState(g, dir);
  const branch = (await currentBranch(g, dir)) ?? 'detached HEAD';
  g.out(`[${branch} ${sha.slice(0, 7)}] ${message.split('\n')[0]}\n`);
  return 0;
}

async function abort(g: GitContext, dir: string): Promise<number> {
  if (!statPath(g.store.files, gitFile(dir, 'MERGE_HEAD'))) {
    return fatal(g, 'There is no merge to abort (MERGE_HEAD missing).');
  }
  const head = await headCommit(g, dir);
  const tree: TreeMap = head ? await commitTree(g, dir, head) : new Map();
  const index = await indexMap(g, dir);
  for (const e of await readIndex(g, dir)) if (!index.has(e.path)) index.set(e.path, e);
  await hardReset(g, dir, index, tree);
  clearMergeState(g, dir);
  return 0;
}

export const merge: GitCommand = async (g) => {
  let noFf = false;
  let ffOnly = false;
  let commitIt = true;
  let message: string | undefined;
  let doAbort = false;
  let doContinue = false;
  let quiet = false;
  const names: string[] = [];
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--abort') doAbort = true;
    else if (a === '--continue') doContinue = true;
    else if (a === '--no-ff') noFf = true;
    else if (a === '--ff-only') ffOnly = true;
    else if (a === '--ff' || a === '--no-edit' || a === '--edit' || a === '--commit') continue;
    else if (a === '--no-commit') commitIt = false;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-m' || a === '--message') message = args.shift();
    else if (a.startsWith('-m') && a.length > 2) message = a.slice(2);
    else if (a.startsWith('--message=')) message = a.slice(10);
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else names.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (doAbort) return abort(g, dir);
  if (doContinue) return resume(g, dir);
  if (statPath(g.store.files, gitFile(dir, 'MERGE_HEAD'))) {
    if ((await readIndex(g, dir)).some((e) => e.stage > 0)) {
      g.err(
        "error: Merging is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\n",
      );
      return fatal(g, 'Exiting because of an unresolved conflict.');
    }
    return fatal(
      g,
      'You have not concluded your merge (MERGE_HEAD exists).\nPlease, commit your changes before you merge.',
    );
  }
  // With no argument, git merges the branch's upstream.
  if (names.length === 0 && !(await currentBranch(g, dir))) return fatal(g, 'No current branch.');
  const name = names[0] ?? (await upstreamName(g, dir, undefined));
  if (name === undefined) return fatal(g, 'No remote for the current branch.');
  const theirs = await resolveCommit(g, dir, name);
  if (!theirs) {
    g.err(`merge: ${name} - not something we can merge\n`);
    return 1;
  }
  const head = await headCommit(g, dir);
  const headTree: TreeMap = head ? await commitTree(g, dir, head) : new Map();
  const theirTree = await commitTree(g, dir, theirs);
  const read = (oid: string) => readBlobBytes(g, dir, oid);
  if (
    head &&
    (head === theirs ||
      (await git.isDescendent({ fs: g.fs, dir, oid: head, ancestor: theirs, depth: -1 })))
  ) {
    g.out('Already up to date.\n');
    return 0;
  }
  const canFf =
    !head || (await git.isDescendent({ fs: g.fs, dir, oid: theirs, ancestor: head, depth: -1 }));
  if (canFf && !noFf) {
    if (head) g.out(`Updating ${head.slice(0, 7)}..${theirs.slice(0, 7)}\n`);
    const moved = await moveTo(g, dir, headTree, theirTree);
    if (!moved.ok) {
      g.err(refusal(moved, 'merge'));
      return 1;
    }
    await moveHead(g, dir, theirs);
    if (!quiet) {
      g.out('Fast-forward\n');
      const changes = changesBetween(headTree, theirTree);
      g.out((await statText(changes, read)) + summaryText(changes));
    }
    return 0;
  }
  if (ffOnly) return fatal(g, 'Not possible to fast-forward, aborting.');
  const [base] = (await git.findMergeBase({ fs: g.fs, dir, oids: [head!, theirs] })) as string[];
  if (!base) return fatal(g, 'refusing to merge unrelated histories');
  const baseTree = await commitTree(g, dir, base);
  const m = await mergeTrees(g, dir, baseTree, headTree, theirTree, name);
  const lose = await wouldLose(g, dir, headTree, m);
  if (!lose.ok) {
    g.err(refusal(lose, 'merge'));
    g.err('Merge with strategy ort failed.\n');
    return 2;
  }
  const msg = message ?? (await mergeMessage(g, dir, name));
  if (m.conflicted.length === 0 && commitIt) {
    const who = await identity(g, dir);
    if (!who) return fatal(g, 'unable to auto-detect email address');
    if (!quiet) g.out(m.messages);
    const treeOid = await writeTreeMap(g, dir, m.tree);
    const oid = await git.writeCommit({
      fs: g.fs,
      dir,
      commit: {
        message: `${msg}\n`,
        tree: treeOid,
        parent: [head!, theirs],
        author: stamp(g, (await identity(g, dir, 'author')) ?? who),
        committer: stamp(g, who),
      },
    });
    await moveTo(g, dir, headTree, m.tree);
    await moveHead(g, dir, oid);
    if (!quiet) {
      g.out("Merge made by the 'ort' strategy.\n");
      const changes = changesBetween(headTree, m.tree);
      g.out((await statText(changes, read)) + summaryText(changes));
    }
    return 0;
  }
  await leaveInTree(g, dir, headTree, m);
  if (head) writeGitFile(g, dir, 'ORIG_HEAD', `${head}\n`);
  writeGitFile(g, dir, 'MERGE_HEAD', `${theirs}\n`);
  writeGitFile(g, dir, 'MERGE_MODE', noFf ? 'no-ff' : '');
  const conflicts =
    m.conflicted.length > 0
      ? `\n# Conflicts:\n${m.conflicted.map((p) => `#\t${p}\n`).join('')}`
      : '';
  writeGitFile(g, dir, 'MERGE_MSG', `${msg}\n${conflicts}`);
  g.out(m.messages);
  if (m.conflicted.length > 0) {
    g.out('Automatic merge failed; fix conflicts and then commit the result.\n');
    return 1;
  }
  g.out('Automatic merge went well; stopped before committing as requested\n');
  return 0;
};
