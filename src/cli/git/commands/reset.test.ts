// git reset, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/reset.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git reset', () => {
  it('moves HEAD, the index and the work tree', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      ['b', 'b\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      ['a', 'a2\n'],
      '~git commit -q -am two',
      ['b', 'b2\n'],
      '~git add b',
      'git reset',
      'git status --short',
      'git reset --soft HEAD~1',
      'git status --short',
      'git reset --hard',
      'git status --short',
      'cat a b',
      'git reset --mixed HEAD',
      'git reset HEAD~5',
      'git reset nope',
      'git reset -- nope',
      ['a', 'staged\n'],
      '~git add a',
      'git reset a',
      'git status --short',
      'git reset --soft a',
      'git reset --hard HEAD~1',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git commit -q -am two', exitCode: 0 },
      { cmd: 'git add b', exitCode: 0 },
      {
        cmd: 'git reset',
        stdout: 'Unstaged changes after reset:\nM\tb\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git status --short', stdout: ' M b\n', stderr: '', exitCode: 0 },
      { cmd: 'git reset --soft HEAD~1', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: 'M  a\n M b\n', stderr: '', exitCode: 0 },
      { cmd: 'git reset --hard', stdout: 'HEAD is now at d0ca2d6 one\n', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat a b', stdout: 'a\nb\n', stderr: '', exitCode: 0 },
      { cmd: 'git reset --mixed HEAD', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git reset HEAD~5',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'HEAD~5': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      {
        cmd: 'git reset nope',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      { cmd: 'git reset -- nope', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      {
        cmd: 'git reset a',
        stdout: 'Unstaged changes after reset:\nM\ta\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git status --short', stdout: ' M a\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git reset --soft a',
        stdout: '',
        stderr: 'fatal: Cannot do soft reset with paths.\n',
        exitCode: 128,
      },
      {
        cmd: 'git reset --hard HEAD~1',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'HEAD~1': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('unstages new files and keeps untracked ones', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      ['n', 'n\n'],
      '~git add n',
      'git reset --hard',
      'ls',
      '~git add n',
      'git reset -q',
      'git status --short',
      ['a', 'changed\n'],
      'git reset --hard HEAD',
      'cat a',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git add n', exitCode: 0 },
      { cmd: 'git reset --hard', stdout: 'HEAD is now at a82bebc one\n', stderr: '', exitCode: 0 },
      { cmd: 'ls', stdout: 'a\n', stderr: '', exitCode: 0 },
      { cmd: 'git add n', exitCode: 128 },
      { cmd: 'git reset -q', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git reset --hard HEAD',
        stdout: 'HEAD is now at a82bebc one\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'cat a', stdout: 'a\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
