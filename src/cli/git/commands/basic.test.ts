// The first steps every learner takes (init, status, add, commit, log), pinned to the real git
// 2.39 run on the same files at the same time: same words, same streams, same exit codes, and
// the same commit SHAs (git's formats: wt-status.c, builtin/commit.c, pretty.c, log-tree.c).
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import type { CommandResult } from '../../shell/shell';
import { gitSession } from '../testing';

const SCRIPT = [
  'mkdir my-app && cd my-app',
  'git init',
  'git status',
  'echo a > a.yaml',
  'mkdir -p d/e && echo x > d/e/x && echo y > d/y',
  'git status',
  'git add a.yaml',
  'git status',
  'git status --short',
  'git commit -m first',
  'echo b >> a.yaml',
  'git status',
  'git commit -m "nothing staged"',
  'git commit -am second -m "with a body"',
  'git add d/y && rm a.yaml',
  'git status',
  'git status -s',
  'git add .',
  'git commit -q -m third',
  'git log',
  'git log --oneline',
  'git log --oneline -2',
  'git log --stat -1',
  'git log -p -1 --oneline',
  'git init',
  'git add nothing-here',
  'git add',
  'cd d && git status && cd ..',
  'cd / && git status',
  'git statuss',
];

const CONFLICT = [
  'mkdir shop && cd shop && git init -q',
  'echo "image: nginx:1.26" > web.yaml && echo "replicas: 1" > values.yaml',
  'git add . && git commit -q -m "Web on 1.26"',
  'git switch -q -c upgrade && echo "image: nginx:1.27" > web.yaml && echo "replicas: 2" > values.yaml',
  'git commit -q -am "Upgrade to 1.27"',
  'git switch -q main && echo "image: nginx:1.26.2" > web.yaml && git commit -q -am "Patch 1.26"',
  'git merge upgrade',
  'git status',
  'git status -s',
  'git commit -m "try"',
  'echo "image: nginx:1.27" > web.yaml && git add web.yaml',
  'git status',
  'git commit -q --no-edit',
  'git log --oneline',
  'git log -n 2 --oneline',
  'sed -i "s/1.27/1.28/" web.yaml && git status --short',
  'git commit -q -am "Same size, same second" && git log -1 --oneline',
  'git cat-file -p HEAD^{tree} >/dev/null 2>&1; cat .git/config',
];

describe('git against the real git', () => {
  it('goes through a conflicted merge as git does', async () => {
    const { session, run } = gitSession();
    const seconds = Math.floor(session.world.now / 1000);
    const ours: CommandResult[] = [];
    for (const c of CONFLICT) ours.push(await run(c));
    const real = runRealGit(
      CONFLICT.map((c) => c.replace(/git log/g, 'git -c log.decorate=short log')),
      seconds,
    );
    CONFLICT.forEach((c, i) => {
      const o = ours[i]!;
      expect({ c, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
        c,
        ...real[i],
      });
    });
  });

  it('prints what git prints, step by step, with the same SHAs', async () => {
    const { session, run } = gitSession();
    const seconds = Math.floor(session.world.now / 1000);
    const ours: CommandResult[] = [];
    for (const c of SCRIPT) ours.push(await run(c));
    // In a terminal git decorates the log; the oracle is not a terminal, so ask it to.
    const real = runRealGit(
      SCRIPT.map((c) => c.replace(/^git log/, 'git -c log.decorate=short log')),
      seconds,
    );
    SCRIPT.forEach((c, i) => {
      const o = ours[i]!;
      expect({ c, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
        c,
        ...real[i],
      });
    });
  });
});
