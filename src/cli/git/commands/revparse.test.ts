// git rev-parse, step by step against the same steps run through the real git 2.39 (same
// identity, config and commit times, so the SHAs match). Formats: git 2.39 builtin/rev-parse.c,
// setup.c (verify_filename), sha1-name.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import type { CommandResult } from '../../shell/shell';
import { gitSession } from '../testing';

const HOSTED = 'https://github.com/team/app.git';

/** Both gits, step by step; `$URL` is the hosting service here and a bare repository on disk there. */
async function compare(script: readonly string[]) {
  const { session, run } = gitSession();
  const seconds = Math.floor(session.world.now / 1000);
  const ours: CommandResult[] = [];
  for (const c of script) ours.push(await run(c.replaceAll('$URL', HOSTED)));
  const real = runRealGit(
    [
      'git init -q --bare ../app.git',
      ...script.map((c) => c.replaceAll('$URL', 'file://$HOME/../app.git')),
    ],
    seconds,
  ).slice(1);
  script.forEach((c, i) => {
    const o = ours[i]!;
    // The hosting service says it created the repository; a bare repository on disk cannot.
    const stderr = o.stderr.replace(/^remote: Created repository .*\n/m, '');
    expect({ c, stdout: o.stdout, stderr, exitCode: o.exitCode }).toEqual({
      c,
      ...real[i],
    });
  });
}

describe('git rev-parse', () => {
  it('names commits, refs and places as git 2.39 does', async () => {
    await compare([
      'git rev-parse HEAD',
      'git rev-parse --is-inside-work-tree',
      'mkdir app && cd app && git init -q',
      'git rev-parse HEAD',
      'git rev-parse --short HEAD',
      'git rev-parse --abbrev-ref HEAD',
      'git rev-parse --show-toplevel',
      'git rev-parse --is-inside-work-tree',
      'echo a > f && git add f && git commit -q -m one',
      'echo b > f && git commit -q -am two',
      'mkdir -p d/e && echo x > d/e/x && git add d && git commit -q -m three',
      'git branch feat HEAD~1',
      'git rev-parse HEAD',
      'git rev-parse --short HEAD',
      'git rev-parse --short=10 HEAD',
      'git rev-parse --abbrev-ref HEAD',
      'git rev-parse --symbolic-full-name HEAD',
      'git rev-parse main',
      'git rev-parse HEAD~1',
      'git rev-parse HEAD^ HEAD~2',
      'git rev-parse HEAD main',
      'git rev-parse --verify HEAD',
      'git rev-parse --verify HEAD main',
      'git rev-parse feat refs/heads/feat',
      'git rev-parse --abbrev-ref feat refs/heads/feat',
      'git rev-parse --symbolic-full-name feat',
      'git rev-parse --abbrev-ref HEAD~1',
      'git rev-parse HEAD:f HEAD:d',
      'git rev-parse x',
      'git rev-parse HEAD~5',
      'git rev-parse HEAD^2',
      'git rev-parse --verify x',
      'git rev-parse -q --verify x',
      'git rev-parse --short',
      'git rev-parse f',
      'git rev-parse f x',
      'git rev-parse HEAD -- f',
      'git rev-parse @{u}',
      'cd d/e && git rev-parse --show-toplevel --show-prefix --show-cdup --git-dir',
      'git rev-parse HEAD:./x && cd ../..',
      'git rev-parse --show-prefix --show-cdup --git-dir --is-inside-git-dir',
      'git checkout -q HEAD~1 && git rev-parse --abbrev-ref HEAD',
      'git rev-parse --symbolic-full-name HEAD && git checkout -q main',
      'cd .git && git rev-parse --is-inside-work-tree --is-inside-git-dir',
      'git rev-parse --show-toplevel',
    ]);
  }, 30_000);

  it('names the upstream with @{u}', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      'git rev-parse --abbrev-ref @{u}',
      'git remote add origin $URL && git push -q -u origin main',
      'git rev-parse --abbrev-ref @{u} && git rev-parse --symbolic-full-name @{upstream}',
      'git rev-parse origin/main @{u}',
      'git rev-parse --abbrev-ref origin/main main@{u}',
      'echo b > f && git commit -q -am two && git rev-parse --short @{u} HEAD~1',
      'git rev-parse nosuch@{u}',
    ]);
  }, 30_000);
});
