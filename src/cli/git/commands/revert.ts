// git revert: a new commit undoing an earlier one (a three-way merge of the commit's parent onto
// HEAD, with the commit as base), message `Revert "<subject>"` + `This reverts commit <sha>.`;
// conflicts stop with REVERT_HEAD and MERGE_MSG for `git commit`, or `git revert --abort`.
// Formats: git 2.39 sequencer.c, merge-ort.c.
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git, gitDate, headCommit, identity, stamp } from '../common';
import { readIndex } from '../lib/gitindex';
import type { TreeMap } from '../lib/repo';
import {
  commitTree,
  gitFile,
  indexMap,
  readBlobBytes,
  readGitFile,
  removeGitFile,
  repoOrFail,
  writeGitFile,
  writeTreeMap,
} from '../lib/repo';
import { resolveCommit } from '../lib/rev';
import { changesBetween, statText, summaryText } from '../lib/unified';
import { moveTo, refusal } from '../lib/worktree';
import { cleanPrepared, leaveInTree, mergeTrees, refuseUnmerged, wouldLose } from './merge';
import { hardReset, moveHead } from './reset';
import { longStatus } from './status';
import { statPath } from '../../../engine/fs/files';

async function abort(g: GitContext, dir: string): Promise<number> {
  if (!statPath(g.store.files, gitFile(dir, 'REVERT_HEAD'))) {
    g.err('error: no cherry-pick or revert in progress\n');
    return fatal(g, 'revert failed');
  }
  const head = await headCommit(g, dir);
  const tree: TreeMap = head ? await commitTree(g, dir, head) : new Map();
  const index = await indexMap(g, dir);
  for (const e of await readIndex(g, dir)) if (!index.has(e.path)) index.set(e.path, e);
  await hardReset(g, dir, index, tree);
  for (const f of ['REVERT_HEAD', 'MERGE_MSG']) removeGitFile(g, dir, f);
  return 0;
}

/** `--continue`: commits the resolved revert with the message git prepared. */
async function resume(g: GitContext, dir: string): Promise<number> {
  if (!statPath(g.store.files, gitFile(dir, 'REVERT_HEAD'))) {
    g.err('error: no cherry-pick or revert in progress\n');
    return fatal(g, 'revert failed');
  }
  const refused = await refuseUnmerged(g, dir);
  if (refused !== undefined) return refused;
  const who = await identity(g, dir);
  if (!who) return fatal(g, 'unable to auto-detect email address');
  const head = await headCommit(g, dir);
  if (!head) return fatal(g, 'revert failed');
  const message = cleanPrepared(readGitFile(g, dir, 'MERGE_MSG') ?? '');
  const index = await indexMap(g, dir);
  const tree = await writeTreeMap(g, dir, index);
  const sha = await git.writeCommit({
    fs: g.fs,
    dir,
    commit: {
      message,
      tree,
      parent: [head],
      author: stamp(g, (await identity(g, dir, 'author')) ?? who),
      committer: stamp(g, who),
    },
  });
  await moveHead(g, dir, sha);
  for (const f of ['REVERT_HEAD', 'MERGE_MSG']) removeGitFile(g, dir, f);
  const branch = (await currentBranch(g, dir)) ?? 'detached HEAD';
  const changes = changesBetween(await commitTree(g, dir, head), index);
  const stat = await statText(changes, (o) => readBlobBytes(g, dir, o));
  const summaryLine = stat.split('\n').filter(Boolean).pop() ?? ' 0 files changed';
  g.out(
    `[${branch} ${sha.slice(0, 7)}] ${message.split('\n')[0]}\n${summaryLine}\n${summaryText(changes)}`,
  );
  return 0;
}

export const revert: GitCommand = async (g) => {
  let noCommit = false;
  let doAbort = false;
  let doContinue = false;
  let mainline: number | undefined;
  const revs: string[] = [];
  const args = [...g.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--abort') doAbort = true;
    else if (a === '--continue') doContinue = true;
    else if (a === '-m' || a === '--mainline') mainline = Number(args.shift());
    else if (/^-m\d+$/.test(a)) mainline = Number(a.slice(2));
    // There is no editor behind the shell's git: the message is always the default one.
    else if (a === '--no-edit' || a === '--edit' || a === '-e') continue;
    else if (a === '-n' || a === '--no-commit') noCommit = true;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else revs.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (doAbort) return abort(g, dir);
  if (doContinue) return resume(g, dir);
  if (revs.length === 0) {
    g.err(
      'usage: git revert [--[no-]edit] [-n] [-m <parent-number>] [-s] [-S[<keyid>]] <commit>...\n',
    );
    return 129;
  }
  const oid = await resolveCommit(g, dir, revs[0]!);
  if (!oid) return fatal(g, `bad revision '${revs[0]}'`);
  const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
  const subject = commit.message.split('\n')[0] ?? '';
  const short = oid.slice(0, 7);
  if (commit.parent.length > 1 && mainline === undefined) {
    g.err(`error: commit ${oid} is a merge but no -m option was given.\n`);
    return fatal(g, 'revert failed');
  }
  // git 2.39 accepts -m for an ordinary commit and reverts it as usual.
  if (commit.parent.length < 2) mainline = undefined;
  const parentOid = commit.parent[(mainline ?? 1) - 1];
  if (mainline !== undefined && parentOid === undefined) {
    g.err(`error: commit ${oid} does not have parent ${mainline}\n`);
    return fatal(g, 'revert failed');
  }
  const head = await headCommit(g, dir);
  if (!head) return fatal(g, 'revert failed');
  const headTree = await commitTree(g, dir, head);
  const base = await commitTree(g, dir, oid);
  const parent: TreeMap = parentOid ? await commitTree(g, dir, parentOid) : new Map();
  const m = await mergeTrees(g, dir, base, headTree, parent, `parent of ${short} (${subject})`);
  const lose = await wouldLose(g, dir, headTree, m);
  if (!lose.ok) {
    g.err(refusal(lose, 'merge'));
    return fatal(g, 'revert failed');
  }
  const message =
    mainline === undefined
      ? `Revert "${subject}"\n\nThis reverts commit ${oid}.\n`
      : `Revert "${subject}"\n\nThis reverts commit ${oid}, reversing\nchanges made to ${parentOid}.\n`;
  if (m.conflicted.length > 0 || noCommit) {
    await leaveInTree(g, dir, headTree, m);
    const conflicts =
      m.conflicted.length > 0
        ? `\n# Conflicts:\n${m.conflicted.map((p) => `#\t${p}\n`).join('')}`
        : '';
    writeGitFile(g, dir, 'MERGE_MSG', `${message}${conflicts}`);
    g.out(m.messages);
    if (m.conflicted.length === 0) return 0;
    writeGitFile(g, dir, 'REVERT_HEAD', `${oid}\n`);
    g.err(
      `error: could not revert ${short}... ${subject}\nhint: After resolving the conflicts, mark them with\nhint: "git add/rm <pathspec>", then run\nhint: "git revert --continue".\nhint: You can instead skip this commit with "git revert --skip".\nhint: To abort and get back to the state before "git revert",\nhint: run "git revert --abort".\n`,
    );
    return 1;
  }
  const changes = changesBetween(headTree, m.tree);
  if (changes.length === 0) {
    // The change is already undone: the commit git would make is empty, so it stops where
    // `git commit` does, with the message kept for a later commit and the status shown.
    writeGitFile(g, dir, 'MERGE_MSG', message);
    g.out(m.messages);
    g.out((await longStatus(g, dir)).text);
    return 1;
  }
  const who = await identity(g, dir);
  if (!who) return fatal(g, 'unable to auto-detect email address');
  g.out(m.messages);
  const tree = await writeTreeMap(g, dir, m.tree);
  const sha = await git.writeCommit({
    fs: g.fs,
    dir,
    commit: {
      message,
      tree,
      parent: [head],
      author: stamp(g, (await identity(g, dir, 'author')) ?? who),
      committer: stamp(g, who),
    },
  });
  await moveTo(g, dir, headTree, m.tree);
  await moveHead(g, dir, sha);
  const branch = (await currentBranch(g, dir)) ?? 'detached HEAD';
  const stat = await statText(changes, (o) => readBlobBytes(g, dir, o));
  // The stat's lines without the per-file rows: git prints only the summary after a commit.
  const summaryLine = stat.split('\n').filter(Boolean).pop() ?? ' 0 files changed';
  // The sequencer's summary always names the author date.
  const date = gitDate(g.seconds);
  g.out(
    `[${branch} ${sha.slice(0, 7)}] Revert "${subject}"\n Date: ${date}\n${summaryLine}\n${summaryText(changes)}`,
  );
  return 0;
};
