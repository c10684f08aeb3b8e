// git commit [-a] [-m <msg>]... [--allow-empty] [--amend] [--author=<who>]: records the index as a commit and
// prints git's summary (`[main (root-commit) 3ab7ff3] first`, the shortstat, create/delete modes).
import { statPath, FsTx } from '../../../engine/fs/files';
import type { GitCommand, GitContext } from '../common';
import {
  NOT_A_REPO,
  currentBranch,
  fatal,
  findWorkTree,
  git,
  headCommit,
  identity,
  shortSha,
  stamp,
} from '../common';
import { commitFiles, modeLines, shortStat, treeChanges } from '../tree';
import { indexMap, writeTreeMap } from '../lib/repo';
import { stage } from './add';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
import { refuseUnmerged } from './merge';
import { longStatus } from './status';

/** git's cleanup of a message: trailing spaces and blank lines at the ends go; a newline ends it. */
export function cleanMessage(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (const l of lines) if (!(l === '' && out[out.length - 1] === '')) out.push(l);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * `--author`'s person: `Name <email>` as written, or else the latest commit (on any branch) whose
 * author matches the text as a pattern, case-insensitively, as git looks one up.
 */
async function authorFrom(g: GitContext, dir: string, text: string) {
  const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(text);
  if (m) return { name: m[1]!.trim(), email: m[2]!.trim() };
  let pattern: RegExp;
  try {
    pattern = new RegExp(text, 'i');
  } catch {
    return undefined;
  }
  const tips = new Set<string>();
  const head = await headCommit(g, dir);
  if (head) tips.add(head);
  for (const b of await git.listBranches({ fs: g.fs, dir }).catch(() => [] as string[])) {
    const oid = await git.resolveRef({ fs: g.fs, dir, ref: `refs/heads/${b}` }).catch(() => '');
    if (oid) tips.add(oid);
  }
  let best: { name: string; email: string; timestamp: number } | undefined;
  for (const tip of tips) {
    for (const c of await git.log({ fs: g.fs, dir, ref: tip }).catch(() => [])) {
      const a = c.commit.author;
      if (!pattern.test(`${a.name} <${a.email}>`)) continue;
      if (!best || c.commit.committer.timestamp > best.timestamp)
        best = { name: a.name, email: a.email, timestamp: c.commit.committer.timestamp };
      break;
    }
  }
  return best && { name: best.name, email: best.email };
}

export const commit: GitCommand = async (g) => {
  const messages: string[] = [];
  let all = false;
  let allowEmpty = false;
  let amend = false;
  let noEdit = false;
  let quiet = false;
  let authorArg: string | undefined;
  for (let i = 0; i < g.args.length; i++) {
    const a = g.args[i] as string;
    const needValue = (flag: string) => {
      const v = g.args[++i];
      if (v === undefined) g.err(`error: switch \`${flag}' requires a value\n`);
      return v;
    };
    if (a === '-m' || a === '--message') {
      const v = needValue('m');
      if (v === undefined) return 129;
      messages.push(v);
    } else if (a.startsWith('--message=')) messages.push(a.slice(10));
    else if (a === '--author') {
      authorArg = needValue('author');
      if (authorArg === undefined) return 129;
    } else if (a.startsWith('--author=')) authorArg = a.slice(9);
    else if (/^-[a-z]+$/.test(a) && a.length > 2 && !a.startsWith('--')) {
      // Bundled short options: `-am "msg"`.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'a') all = true;
        else if (c === 'm') {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : needValue('m');
          if (v === undefined) return 129;
          messages.push(v);
          break;
        } else if (c === 'q') quiet = true;
        else if (c === 'v') continue;
        else {
          g.err(`error: unknown switch \`${c}'\n`);
          return 129;
        }
      }
    } else if (a === '-a' || a === '--all') all = true;
    else if (a === '--allow-empty') allowEmpty = true;
    else if (a === '--amend') amend = true;
    else if (a === '--no-edit') noEdit = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-v' || a === '--verbose') continue;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    }
  }
  const dir = findWorkTree(g);
  if (!dir) return fatal(g, NOT_A_REPO);
  const who = await identity(g, dir);
  if (!who) {
    g.err(
      '\n*** Please tell me who you are.\n\nRun\n\n  git config --global user.email "you@example.com"\n  git config --global user.name "Your Name"\n\nto set your account\'s default identity.\nOmit --global to set the identity only in this repository.\n\n',
    );
    return fatal(g, 'unable to auto-detect email address');
  }
  let author = (await identity(g, dir, 'author')) ?? who;
  if (authorArg !== undefined) {
    const given = await authorFrom(g, dir, authorArg);
    if (!given) {
      return fatal(
        g,
        `--author '${authorArg}' is not 'Name <email>' and matches no existing author`,
      );
    }
    author = given;
  }
  if (all) await stage(g, dir, [''], { trackedOnly: true });
  const refused = await refuseUnmerged(g, dir);
  if (refused !== undefined) return refused;
  const reverting = statPath(g.store.files, `${dir}/.git/REVERT_HEAD`)?.type === 'file';
  const parent = await headCommit(g, dir);
  const mergeHead = statPath(g.store.files, `${dir}/.git/MERGE_HEAD`);
  const mergeParent =
    mergeHead?.type === 'file'
      ? String(await g.fs.promises.readFile(`${dir}/.git/MERGE_HEAD`, 'utf8')).trim()
      : undefined;
  let message = cleanMessage(messages.join('\n\n'));
  if (amend && parent && messages.length === 0) {
    message = (await git.readCommit({ fs: g.fs, dir, oid: parent })).commit.message;
  } else if ((mergeParent || reverting) && messages.length === 0) {
    const mergeMsg = statPath(g.store.files, `${dir}/.git/MERGE_MSG`);
    // Without an editor the prepared message is taken as it is, as with --no-edit: git then
    // only tidies whitespace and keeps its `# Conflicts:` lines.
    if (mergeMsg?.type === 'file')
      message = cleanMessage(String(await g.fs.promises.readFile(`${dir}/.git/MERGE_MSG`, 'utf8')));
  }
  void noEdit;
  const status = await longStatus(g, dir);
  if (status.clean && !allowEmpty && !amend && !mergeParent && !reverting) {
    g.out(status.text);
    return 1;
  }
  if (amend && parent && !allowEmpty && !mergeParent) {
    // Amending must leave a commit that changes something against the one before it.
    const { commit: amended } = await git.readCommit({ fs: g.fs, dir, oid: parent });
    const before = amended.parent[0]
      ? (await git.readCommit({ fs: g.fs, dir, oid: amended.parent[0] })).commit.tree
      : EMPTY_TREE;
    if ((await writeTreeMap(g, dir, await indexMap(g, dir))) === before) {
      g.out(status.text.replace(/[^\n]*\n$/, 'No changes\n'));
      g.err(
        'You asked to amend the most recent commit, but doing so would make\nit empty. You can repeat your command with --allow-empty, or you can\nremove the commit entirely with "git reset HEAD^".\n',
      );
      return 1;
    }
  }
  if (message === '') {
    g.err('Aborting commit due to empty commit message.\n');
    return 1;
  }
  const base =
    amend && parent
      ? (await git.readCommit({ fs: g.fs, dir, oid: parent })).commit.parent[0]
      : parent;
  const parents =
    amend && parent
      ? (await git.readCommit({ fs: g.fs, dir, oid: parent })).commit.parent
      : [...(parent ? [parent] : []), ...(mergeParent ? [mergeParent] : [])];
  // An amended commit keeps its author and date (a new name from --author, but the same date).
  const original =
    amend && parent
      ? (await git.readCommit({ fs: g.fs, dir, oid: parent })).commit.author
      : undefined;
  const authorStamp = original
    ? { ...original, ...(authorArg !== undefined ? author : {}) }
    : stamp(g, author);
  if (original && authorArg === undefined) author = { name: original.name, email: original.email };
  const sha = await git.commit({
    fs: g.fs,
    dir,
    message,
    author: authorStamp,
    committer: stamp(g, who),
    parent: parents,
  });
  if (mergeParent || reverting) {
    const tx = new FsTx(g.store.files, g.store.now);
    for (const f of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'REVERT_HEAD'])
      tx.remove(`${dir}/.git/${f}`);
    g.store.files = tx.result();
  }
  if (quiet) return 0;
  const branch = await currentBranch(g, dir);
  const changes = await treeChanges(
    g,
    dir,
    await commitFiles(g, dir, base),
    await commitFiles(g, dir, sha),
  );
  const root = parents.length === 0 ? ' (root-commit)' : '';
  const where = branch ?? 'detached HEAD';
  const subject = message.split('\n')[0];
  g.out(`[${where}${root} ${shortSha(sha)}] ${subject}\n`);
  // git names the author when it is not the committer.
  if (author.name !== who.name || author.email !== who.email)
    g.out(` Author: ${author.name} <${author.email}>\n`);
  if (amend) {
    const { commit: c } = await git.readCommit({ fs: g.fs, dir, oid: sha });
    const { gitDate } = await import('../common');
    g.out(` Date: ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n`);
  }
  if (!mergeParent && changes.length > 0) g.out(`${shortStat(changes)}\n${modeLines(changes)}`);
  return 0;
};
