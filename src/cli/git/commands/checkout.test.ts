// git checkout, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/checkout.c, advice.c, unpack-trees.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git checkout', () => {
  it('switches branches and detaches HEAD', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      ['a', 'a2\n'],
      '~git commit -q -am two',
      'git checkout -b feat',
      'git checkout main',
      'git checkout main',
      'git switch feat',
      'git switch -c f2',
      'git switch nope',
      'git checkout nope',
      'git checkout -b main',
      'git switch -c main',
      'git checkout HEAD~1',
      'git branch',
      'git checkout main',
      'git switch HEAD~1',
      'git switch --detach HEAD~1',
      'git switch main',
      'cat a',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git commit -q -am two', exitCode: 0 },
      {
        cmd: 'git checkout -b feat',
        stdout: '',
        stderr: "Switched to a new branch 'feat'\n",
        exitCode: 0,
      },
      { cmd: 'git checkout main', stdout: '', stderr: "Switched to branch 'main'\n", exitCode: 0 },
      { cmd: 'git checkout main', stdout: '', stderr: "Already on 'main'\n", exitCode: 0 },
      { cmd: 'git switch feat', stdout: '', stderr: "Switched to branch 'feat'\n", exitCode: 0 },
      {
        cmd: 'git switch -c f2',
        stdout: '',
        stderr: "Switched to a new branch 'f2'\n",
        exitCode: 0,
      },
      {
        cmd: 'git switch nope',
        stdout: '',
        stderr: 'fatal: invalid reference: nope\n',
        exitCode: 128,
      },
      {
        cmd: 'git checkout nope',
        stdout: '',
        stderr: "error: pathspec 'nope' did not match any file(s) known to git\n",
        exitCode: 1,
      },
      {
        cmd: 'git checkout -b main',
        stdout: '',
        stderr: "fatal: a branch named 'main' already exists\n",
        exitCode: 128,
      },
      {
        cmd: 'git switch -c main',
        stdout: '',
        stderr: "fatal: a branch named 'main' already exists\n",
        exitCode: 128,
      },
      {
        cmd: 'git checkout HEAD~1',
        stdout: '',
        stderr:
          "Note: switching to 'HEAD~1'.\n\nYou are in 'detached HEAD' state. You can look around, make experimental\nchanges and commit them, and you can discard any commits you make in this\nstate without impacting any branches by switching back to a branch.\n\nIf you want to create a new branch to retain commits you create, you may\ndo so (now or later) by using -c with the switch command. Example:\n\n  git switch -c <new-branch-name>\n\nOr undo this operation with:\n\n  git switch -\n\nTurn off this advice by setting config variable advice.detachedHead to false\n\nHEAD is now at a82bebc one\n",
        exitCode: 0,
      },
      {
        cmd: 'git branch',
        stdout: '* (HEAD detached at a82bebc)\n  f2\n  feat\n  main\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git checkout main',
        stdout: '',
        stderr: "Previous HEAD position was a82bebc one\nSwitched to branch 'main'\n",
        exitCode: 0,
      },
      {
        cmd: 'git switch HEAD~1',
        stdout: '',
        stderr:
          "fatal: a branch is expected, got commit 'HEAD~1'\nhint: If you want to detach HEAD at the commit, try again with the --detach option.\n",
        exitCode: 128,
      },
      {
        cmd: 'git switch --detach HEAD~1',
        stdout: '',
        stderr: 'HEAD is now at a82bebc one\n',
        exitCode: 0,
      },
      {
        cmd: 'git switch main',
        stdout: '',
        stderr: "Previous HEAD position was a82bebc one\nSwitched to branch 'main'\n",
        exitCode: 0,
      },
      { cmd: 'cat a', stdout: 'a2\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('carries local changes, refuses to lose them', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      ['a', 'a2\n'],
      '~git commit -q -am two',
      '~git branch feat',
      ['a', 'local\n'],
      'git checkout feat',
      'git switch main',
      'git checkout -- a',
      'cat a',
      ['b', 'b\n'],
      '~git add b',
      '~git commit -q -m three',
      '~git switch -q feat',
      ['b', 'mine\n'],
      'git checkout main',
      'git status --short',
      'cat b',
      ['b', 'bb\nlocal\n'],
      'git checkout -b newb',
      'git switch -c newc',
      'git switch newb',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git commit -q -am two', exitCode: 0 },
      { cmd: 'git branch feat', exitCode: 0 },
      {
        cmd: 'git checkout feat',
        stdout: 'M\ta\n',
        stderr: "Switched to branch 'feat'\n",
        exitCode: 0,
      },
      {
        cmd: 'git switch main',
        stdout: 'M\ta\n',
        stderr: "Switched to branch 'main'\n",
        exitCode: 0,
      },
      { cmd: 'git checkout -- a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat a', stdout: 'a2\n', stderr: '', exitCode: 0 },
      { cmd: 'git add b', exitCode: 0 },
      { cmd: 'git commit -q -m three', exitCode: 0 },
      { cmd: 'git switch -q feat', exitCode: 0 },
      {
        cmd: 'git checkout main',
        stdout: '',
        stderr:
          'error: The following untracked working tree files would be overwritten by checkout:\n\tb\nPlease move or remove them before you switch branches.\nAborting\n',
        exitCode: 1,
      },
      { cmd: 'git status --short', stdout: '?? b\n', stderr: '', exitCode: 0 },
      { cmd: 'cat b', stdout: 'mine\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git checkout -b newb',
        stdout: '',
        stderr: "Switched to a new branch 'newb'\n",
        exitCode: 0,
      },
      {
        cmd: 'git switch -c newc',
        stdout: '',
        stderr: "Switched to a new branch 'newc'\n",
        exitCode: 0,
      },
      { cmd: 'git switch newb', stdout: '', stderr: "Switched to branch 'newb'\n", exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('restores files from the index and commits', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      ['a', 'a2\n'],
      '~git commit -q -am two',
      ['a', 'x\n'],
      '~git add a',
      ['a', 'y\n'],
      'git restore a',
      'cat a',
      'git restore --staged a',
      'git status --short',
      'git restore --source HEAD~1 a',
      'cat a',
      'git status --short',
      'git restore nope',
      'git checkout HEAD~1 -- a',
      'git status --short',
      'git checkout HEAD -- a',
      'git status --short',
      'git checkout -- nope',
      'git restore --source=nope a',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git commit -q -am two', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git restore a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat a', stdout: 'x\n', stderr: '', exitCode: 0 },
      { cmd: 'git restore --staged a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: ' M a\n', stderr: '', exitCode: 0 },
      { cmd: 'git restore --source HEAD~1 a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat a', stdout: 'a\n', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: ' M a\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git restore nope',
        stdout: '',
        stderr: "error: pathspec 'nope' did not match any file(s) known to git\n",
        exitCode: 1,
      },
      { cmd: 'git checkout HEAD~1 -- a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: 'M  a\n', stderr: '', exitCode: 0 },
      { cmd: 'git checkout HEAD -- a', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git checkout -- nope',
        stdout: '',
        stderr: "error: pathspec 'nope' did not match any file(s) known to git\n",
        exitCode: 1,
      },
      {
        cmd: 'git restore --source=nope a',
        stdout: '',
        stderr: 'fatal: could not resolve nope\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it("checks out a new file's branch and back", async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      ['a', 'a2\n'],
      '~git commit -q -am two',
      '~git switch -q -c side',
      ['d/n', 'n\n'],
      '~git add d',
      '~git commit -q -m n',
      'git switch main',
      'ls',
      'git switch side',
      'cat d/n',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git commit -q -am two', exitCode: 0 },
      { cmd: 'git switch -q -c side', exitCode: 0 },
      { cmd: 'git add d', exitCode: 0 },
      { cmd: 'git commit -q -m n', exitCode: 0 },
      { cmd: 'git switch main', stdout: '', stderr: "Switched to branch 'main'\n", exitCode: 0 },
      { cmd: 'ls', stdout: 'a\n', stderr: '', exitCode: 0 },
      { cmd: 'git switch side', stdout: '', stderr: "Switched to branch 'side'\n", exitCode: 0 },
      { cmd: 'cat d/n', stdout: 'n\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('goes back to the previous branch with -', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      'git checkout -',
      'git switch -c feat',
      'git checkout -',
      'git switch -',
      'git checkout -q main',
      'git checkout --detach',
      'git checkout -',
      'git branch',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      {
        cmd: 'git checkout -',
        stdout: '',
        stderr: "error: pathspec '-' did not match any file(s) known to git\n",
        exitCode: 1,
      },
      {
        cmd: 'git switch -c feat',
        stdout: '',
        stderr: "Switched to a new branch 'feat'\n",
        exitCode: 0,
      },
      { cmd: 'git checkout -', stdout: '', stderr: "Switched to branch 'main'\n", exitCode: 0 },
      { cmd: 'git switch -', stdout: '', stderr: "Switched to branch 'feat'\n", exitCode: 0 },
      { cmd: 'git checkout -q main', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git checkout --detach',
        stdout: '',
        stderr: 'HEAD is now at a82bebc one\n',
        exitCode: 0,
      },
      { cmd: 'git checkout -', stdout: '', stderr: "Switched to branch 'main'\n", exitCode: 0 },
      { cmd: 'git branch', stdout: '  feat\n* main\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('warns about commits a detached HEAD leaves behind', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      '~git commit -q -m one',
      '~git checkout -q --detach',
      ['a', 'bb\n'],
      "~git commit -q -am 'lost work'",
      'git branch',
      'git switch main',
      '~git checkout -q --detach',
      ['a', 'x\n'],
      "~git commit -q -am 'lost 1'",
      ['a', 'xx\n'],
      "~git commit -q -am 'lost 2'",
      ['a', 'xxx\n'],
      "~git commit -q -am 'lost 3'",
      ['a', 'xxxx\n'],
      "~git commit -q -am 'lost 4'",
      ['a', 'xxxxx\n'],
      "~git commit -q -am 'lost 5'",
      ['a', 'xxxxxx\n'],
      "~git commit -q -am 'lost 6'",
      'git checkout main',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git checkout -q --detach', exitCode: 0 },
      { cmd: "git commit -q -am 'lost work'", exitCode: 0 },
      {
        cmd: 'git branch',
        stdout: '* (HEAD detached from a82bebc)\n  main\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git switch main',
        stdout: '',
        stderr:
          "Warning: you are leaving 1 commit behind, not connected to\nany of your branches:\n\n  694f3e8 lost work\n\nIf you want to keep it by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> 694f3e8\n\nSwitched to branch 'main'\n",
        exitCode: 0,
      },
      { cmd: 'git checkout -q --detach', exitCode: 0 },
      { cmd: "git commit -q -am 'lost 1'", exitCode: 0 },
      { cmd: "git commit -q -am 'lost 2'", exitCode: 0 },
      { cmd: "git commit -q -am 'lost 3'", exitCode: 0 },
      { cmd: "git commit -q -am 'lost 4'", exitCode: 0 },
      { cmd: "git commit -q -am 'lost 5'", exitCode: 0 },
      { cmd: "git commit -q -am 'lost 6'", exitCode: 0 },
      {
        cmd: 'git checkout main',
        stdout: '',
        stderr:
          "Warning: you are leaving 6 commits behind, not connected to\nany of your branches:\n\n  a5f2123 lost 6\n  f48a9e4 lost 5\n  09dd15c lost 4\n  5ce63ff lost 3\n ... and 2 more.\n\nIf you want to keep them by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> a5f2123\n\nSwitched to branch 'main'\n",
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('restores every file under a directory', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      ['d/b', 'b\n'],
      ['d/e/c', 'c\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      ['a', 'A!\n'],
      ['d/b', 'B!\n'],
      ['d/e/c', 'C!\n'],
      ['d/u', 'untracked\n'],
      'git checkout -- d/e',
      'git status --short',
      'git restore .',
      'git status --short',
      'cat a d/b d/e/c',
      ['a', 'A!\n'],
      '~git add a',
      'git restore --staged .',
      'git status --short',
      'git checkout .',
      'git status --short',
      'git -C d restore --source HEAD b',
      ['a', 'zz\n'],
      ['d/b', 'zz\n'],
      'git checkout a d',
      'git checkout HEAD~0 a',
      'git checkout -q .',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git checkout -- d/e', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: ' M a\n M d/b\n?? d/u\n', stderr: '', exitCode: 0 },
      { cmd: 'git restore .', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '?? d/u\n', stderr: '', exitCode: 0 },
      { cmd: 'cat a d/b d/e/c', stdout: 'a\nb\nc\n', stderr: '', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      { cmd: 'git restore --staged .', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: ' M a\n?? d/u\n', stderr: '', exitCode: 0 },
      { cmd: 'git checkout .', stdout: '', stderr: 'Updated 1 path from the index\n', exitCode: 0 },
      { cmd: 'git status --short', stdout: '?? d/u\n', stderr: '', exitCode: 0 },
      { cmd: 'git -C d restore --source HEAD b', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git checkout a d',
        stdout: '',
        stderr: 'Updated 2 paths from the index\n',
        exitCode: 0,
      },
      {
        cmd: 'git checkout HEAD~0 a',
        stdout: '',
        stderr: 'Updated 0 paths from 65a7b0e\n',
        exitCode: 0,
      },
      { cmd: 'git checkout -q .', stdout: '', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
