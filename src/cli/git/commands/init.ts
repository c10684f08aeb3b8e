// git init [-q] [-b <branch>] [<directory>]
import { statPath, resolvePath } from '../../../engine/fs/files';
import type { GitCommand } from '../common';
import { git, globalConfig } from '../common';

export const init: GitCommand = async (g) => {
  let quiet = false;
  let branch: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < g.args.length; i++) {
    const a = g.args[i] as string;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-b' || a === '--initial-branch') {
      branch = g.args[++i];
      if (branch === undefined) {
        g.err(`error: option \`initial-branch' requires a value\n`);
        return 129;
      }
    } else if (a.startsWith('--initial-branch=')) branch = a.slice(17);
    else if (a.startsWith('-b') && a.length > 2) branch = a.slice(2);
    else if (a.startsWith('-') && a !== '-') {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else target = a;
  }
  const dir = target === undefined ? g.cwd : resolvePath(g.cwd, target);
  const existed = statPath(g.store.files, `${dir === '/' ? '' : dir}/.git`)?.type === 'dir';
  await git.init({
    fs: g.fs,
    dir,
    defaultBranch: branch ?? globalConfig(g, 'init.defaultBranch') ?? 'master',
  });
  if (!existed) {
    // git's own config for a new repository (isomorphic-git writes a different one).
    await g.fs.promises.writeFile(
      `${dir === '/' ? '' : dir}/.git/config`,
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n',
    );
  }
  if (existed && branch !== undefined)
    g.err(`warning: re-init: ignored --initial-branch=${branch}\n`);
  if (!quiet) {
    g.out(
      `${existed ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${dir === '/' ? '' : dir}/.git/\n`,
    );
  }
  return 0;
};
