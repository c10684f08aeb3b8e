// git status's short format with its branch header (`-sb`, `-s -b`, `--porcelain -b`) and
// combined short switches, against the same steps run through the real git 2.39, with a bare
// repository on disk standing for the hosting service. Formats: git 2.39 wt-status.c
// (wt_shortstatus_print_tracking), parse-options.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import { gitSession } from '../testing';

const HOSTED = 'https://github.com/team/app.git';

async function compare(script: readonly string[]) {
  const { session, run } = gitSession();
  const seconds = Math.floor(session.world.now / 1000);
  const real = runRealGit(
    [
      'git init -q --bare ../app.git',
      ...script.map((c) => c.replaceAll('$URL', 'file://$HOME/../app.git')),
    ],
    seconds,
  ).slice(1);
  for (const [i, c] of script.entries()) {
    const o = await run(c.replaceAll('$URL', HOSTED));
    // The hosting service says it created the repository; a bare repository on disk cannot.
    const stderr = o.stderr.replace(/^remote: Created repository .*\n/m, '');
    expect({ c, stdout: o.stdout, stderr, exitCode: o.exitCode }).toEqual({ c, ...real[i] });
  }
}

describe('git status -sb', () => {
  it('prints the branch header and how far apart the branch and its upstream are', async () => {
    await compare([
      'mkdir app && cd app && git init -q',
      'git status -sb',
      'echo a > f && git status -sb',
      'git add f && git commit -q -m one && git status -sb',
      'git status -bs',
      'git status -s -b',
      'git status --short --branch',
      'git status --porcelain -b',
      'git status -b',
      'git remote add origin $URL && git push -q -u origin main',
      'git status -sb',
      'echo b >> f && git commit -q -am two && git status -sb',
      'git push -q && git status -sb',
      'git reset -q --hard HEAD~1 && git status -sb',
      'echo c > g && git add g && git commit -q -m three && git status -sb',
      'echo d >> f && echo e > h && git status -sb',
      'git config branch.main.merge refs/heads/other && git status -sb',
      'git checkout -q --detach && git status -sb',
      'git status -sx',
      'git status --bogus',
    ]);
  }, 30_000);
});

describe('git status during a merge conflict', () => {
  it('lists the unmerged paths and says no changes are added yet', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && echo x > k && git add f k && git commit -q -m one',
      'git remote add origin $URL && git push -q -u origin main',
      'cd .. && git clone -q $URL other && cd other && echo b > f && git commit -q -am two && git push -q && cd ../app',
      'echo c > f && git commit -q -am three',
      'git pull -q --no-rebase 2>/dev/null',
      'git status',
      'git status -s',
      'echo d > g && git status',
      'echo y > k && git status',
      'git status -s',
      'git add f && git status',
      'git status -s',
    ]);
  }, 30_000);

  it('does the same for a conflict from git merge', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      'git switch -q -c feat && echo b > f && git commit -q -am two && git switch -q main',
      'echo c > f && git commit -q -am three',
      'git merge feat',
      'git status',
      'git status -sb',
      'git rm -q --cached f && git status',
    ]);
  }, 30_000);
});
