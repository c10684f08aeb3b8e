// git commit [-a] [-m <msg>]... [--allow-empty] [--amend]: records the index as a commit and
// prints git's summary (`[main (root-commit) 3ab7ff3] first`, the shortstat, create/delete modes).
import { statPath, FsTx } from '../../../engine/fs/files';
import type { GitCommand } from '../common';
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
import { stage } from './add';
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

export const commit: GitCommand = async (g) => {
  const messages: string[] = [];
  let all = false;
  let allowEmpty = false;
  let amend = false;
  let noEdit = false;
  let quiet = false;
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
  const sha = await git.commit({
    fs: g.fs,
    dir,
    message,
    author: stamp(g, who),
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
  if (amend) {
    const { commit: c } = await git.readCommit({ fs: g.fs, dir, oid: sha });
    const { gitDate } = await import('../common');
    g.out(` Date: ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n`);
  }
  if (!mergeParent) g.out(`${shortStat(changes)}\n${modeLines(changes)}`);
  return 0;
};
