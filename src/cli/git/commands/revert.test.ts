// git revert, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 sequencer.c, merge-ort.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import { registry } from '../../programs';
import type { CommandResult } from '../../shell/shell';
import { gitSession } from '../testing';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git revert', () => {
  it('reverts a commit', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      ['f', '1\ntwo\n3\n'],
      "~git commit -q -am 'two it'",
      ['n', 'n\n'],
      '~git add n',
      "~git commit -q -m 'add n'",
      'git revert --no-edit HEAD',
      'ls',
      'git revert --no-edit HEAD~2',
      'cat f',
      'git show -s',
      'git show -s HEAD~1',
      'git revert nope',
      'git revert --abort',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: "git commit -q -am 'two it'", exitCode: 0 },
      { cmd: 'git add n', exitCode: 0 },
      { cmd: "git commit -q -m 'add n'", exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD',
        stdout:
          '[main 9c5d26a] Revert "add n"\n Date: Thu Jan 15 09:00:00 2026 +0000\n 1 file changed, 1 deletion(-)\n delete mode 100644 n\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'ls', stdout: 'f\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD~2',
        stdout:
          '[main b4f9174] Revert "two it"\n Date: Thu Jan 15 09:00:00 2026 +0000\n 1 file changed, 1 insertion(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'cat f', stdout: '1\n2\n3\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git show -s',
        stdout:
          'commit b4f9174dbe212b6b3bc8fdfec29026384697737a\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Revert "two it"\n    \n    This reverts commit d350635545dfac81c5bcbd0675efc59b9b97aad6.\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show -s HEAD~1',
        stdout:
          'commit 9c5d26a677a4cd3fe19dc0ecedf55852219c5509\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Revert "add n"\n    \n    This reverts commit 2dd0c3ed2d47fb13ad34dc4782f8329748472238.\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git revert nope', stdout: '', stderr: "fatal: bad revision 'nope'\n", exitCode: 128 },
      {
        cmd: 'git revert --abort',
        stdout: '',
        stderr: 'error: no cherry-pick or revert in progress\nfatal: revert failed\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('stops at a conflict', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      ['f', '1\ntwo\n3\n'],
      "~git commit -q -am 'two it'",
      ['f', '1\nBIG TWO\n3\n'],
      '~git commit -q -am big',
      'git revert --no-edit HEAD~1',
      'cat f',
      'cat .git/MERGE_MSG',
      'git revert --abort',
      'git status --short',
      'cat f',
      ['f', 'dirty\n'],
      'git revert --no-edit HEAD',
      '~git reset -q --hard',
      'git revert --no-edit HEAD~1',
      'git revert --continue',
      ['f', '1\nfixed\n3\n'],
      '~git add f',
      'git revert --continue',
      'git show -s',
      'git revert --continue',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: "git commit -q -am 'two it'", exitCode: 0 },
      { cmd: 'git commit -q -am big', exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD~1',
        stdout: 'Auto-merging f\nCONFLICT (content): Merge conflict in f\n',
        stderr:
          'error: could not revert d350635... two it\nhint: After resolving the conflicts, mark them with\nhint: "git add/rm <pathspec>", then run\nhint: "git revert --continue".\nhint: You can instead skip this commit with "git revert --skip".\nhint: To abort and get back to the state before "git revert",\nhint: run "git revert --abort".\n',
        exitCode: 1,
      },
      {
        cmd: 'cat f',
        stdout: '1\n<<<<<<< HEAD\nBIG TWO\n=======\n2\n>>>>>>> parent of d350635 (two it)\n3\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'cat .git/MERGE_MSG',
        stdout:
          'Revert "two it"\n\nThis reverts commit d350635545dfac81c5bcbd0675efc59b9b97aad6.\n\n# Conflicts:\n#\tf\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git revert --abort', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat f', stdout: '1\nBIG TWO\n3\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD',
        stdout: '',
        stderr:
          'error: Your local changes to the following files would be overwritten by merge:\n\tf\nPlease commit your changes or stash them before you merge.\nAborting\nfatal: revert failed\n',
        exitCode: 128,
      },
      { cmd: 'git reset -q --hard', exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD~1',
        stdout: 'Auto-merging f\nCONFLICT (content): Merge conflict in f\n',
        stderr:
          'error: could not revert d350635... two it\nhint: After resolving the conflicts, mark them with\nhint: "git add/rm <pathspec>", then run\nhint: "git revert --continue".\nhint: You can instead skip this commit with "git revert --skip".\nhint: To abort and get back to the state before "git revert",\nhint: run "git revert --abort".\n',
        exitCode: 1,
      },
      {
        cmd: 'git revert --continue',
        stdout: 'U\tf\n',
        stderr:
          "error: Committing is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.\n",
        exitCode: 128,
      },
      { cmd: 'git add f', exitCode: 0 },
      {
        cmd: 'git revert --continue',
        stdout: '[main 3b30532] Revert "two it"\n 1 file changed, 1 insertion(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show -s',
        stdout:
          'commit 3b30532bbbb3b8371a4f737753bd13247203275a\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Revert "two it"\n    \n    This reverts commit d350635545dfac81c5bcbd0675efc59b9b97aad6.\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git revert --continue',
        stdout: '',
        stderr: 'error: no cherry-pick or revert in progress\nfatal: revert failed\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('reverts a merge with -m', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['g', 'g\n'],
      '~git add g',
      "~git commit -q -m 'add g'",
      '~git switch -q main',
      ['f', '1\n2\n3\n4\n'],
      '~git commit -q -am four',
      '~git merge -q --no-edit feat',
      'git revert --no-edit HEAD',
      'git revert -m 1 --no-edit HEAD',
      'ls',
      'git show -s',
      'git revert -m 1 --no-edit HEAD~2',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git add g', exitCode: 0 },
      { cmd: "git commit -q -m 'add g'", exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git commit -q -am four', exitCode: 0 },
      { cmd: 'git merge -q --no-edit feat', exitCode: 0 },
      {
        cmd: 'git revert --no-edit HEAD',
        stdout: '',
        stderr:
          'error: commit 6ca87f2c817a77949cd9731824f15ee709a64db8 is a merge but no -m option was given.\nfatal: revert failed\n',
        exitCode: 128,
      },
      {
        cmd: 'git revert -m 1 --no-edit HEAD',
        stdout:
          '[main 5d36ee5] Revert "Merge branch \'feat\'"\n Date: Thu Jan 15 09:00:00 2026 +0000\n 1 file changed, 1 deletion(-)\n delete mode 100644 g\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'ls', stdout: 'f\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git show -s',
        stdout:
          'commit 5d36ee53a2d44f0ced73b8d560001c196efd93d2\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Revert "Merge branch \'feat\'"\n    \n    This reverts commit 6ca87f2c817a77949cd9731824f15ee709a64db8, reversing\n    changes made to 0c041e93d84e38490506c3ba08485494f1102857.\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git revert -m 1 --no-edit HEAD~2',
        stdout:
          '[main 1a985e4] Revert "four"\n Date: Thu Jan 15 09:00:00 2026 +0000\n 1 file changed, 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('stops as git does when the change is already undone', async () => {
    const script = [
      'mkdir app && cd app && git init -q',
      'echo 1 > f && git add f && git commit -q -m one',
      'echo 2 > f && git commit -q -am two',
      'echo 1 > f && git commit -q -am back',
      'git revert --no-edit HEAD~1',
      'git status',
      'cat .git/MERGE_MSG',
      'git log --oneline',
      'echo u > u && git revert HEAD~1',
      'git revert --continue',
      'git revert --abort',
    ];
    const { session, run } = gitSession();
    const seconds = Math.floor(session.world.now / 1000);
    const ours: CommandResult[] = [];
    for (const c of script) ours.push(await run(c));
    const real = runRealGit(
      script.map((c) => c.replace(/^git log/, 'git -c log.decorate=short log')),
      seconds,
    );
    script.forEach((c, i) => {
      const o = ours[i]!;
      expect({ c, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
        c,
        ...real[i],
      });
    });
  }, 30_000);
});
