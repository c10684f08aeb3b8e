// git rm, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/rm.c, builtin/mv.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git rm', () => {
  it('removes files', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      ['d/b', 'b\n'],
      ['d/c', 'c\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      'git rm a',
      'git rm d',
      'git rm -r d',
      'ls',
      'git rm nope',
      'git diff --cached --name-status',
      'git reset -q --hard',
      'git rm --cached a',
      'git diff --cached --name-status',
      'git reset -q --hard',
      ['a', 'mod\n'],
      'git rm a',
      '~git add a',
      'git rm a',
      'git rm -f a',
      'git reset -q --hard',
      ['u', 'u\n'],
      'git rm u',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git rm a', stdout: "rm 'a'\n", stderr: '', exitCode: 0 },
      {
        cmd: 'git rm d',
        stdout: '',
        stderr: "fatal: not removing 'd' recursively without -r\n",
        exitCode: 128,
      },
      { cmd: 'git rm -r d', stdout: "rm 'd/b'\nrm 'd/c'\n", stderr: '', exitCode: 0 },
      { cmd: 'ls', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git rm nope',
        stdout: '',
        stderr: "fatal: pathspec 'nope' did not match any files\n",
        exitCode: 128,
      },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'D\ta\nD\td/b\nD\td/c\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git reset -q --hard', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git rm --cached a', stdout: "rm 'a'\n", stderr: '', exitCode: 0 },
      { cmd: 'git diff --cached --name-status', stdout: 'D\ta\n', stderr: '', exitCode: 0 },
      { cmd: 'git reset -q --hard', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git rm a',
        stdout: '',
        stderr:
          'error: the following file has local modifications:\n    a\n(use --cached to keep the file, or -f to force removal)\n',
        exitCode: 1,
      },
      { cmd: 'git add a', exitCode: 0 },
      {
        cmd: 'git rm a',
        stdout: '',
        stderr:
          'error: the following file has changes staged in the index:\n    a\n(use --cached to keep the file, or -f to force removal)\n',
        exitCode: 1,
      },
      { cmd: 'git rm -f a', stdout: "rm 'a'\n", stderr: '', exitCode: 0 },
      { cmd: 'git reset -q --hard', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git rm u',
        stdout: '',
        stderr: "fatal: pathspec 'u' did not match any files\n",
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('moves files', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      ['d/b', 'b\n'],
      ['d/c', 'c\n'],
      ['u', 'u\n'],
      '~git init -q',
      '~git add a d',
      '~git commit -q -m one',
      'git mv a b',
      'git diff --cached --name-status',
      'git mv b d',
      'git mv nope x',
      'git mv u x',
      'git mv d/c d/b',
      'git mv -f d/c d/b',
      'git diff --cached --name-status',
      'git mv d e',
      'git diff --cached --name-status',
      'ls e',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a d', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git mv a b', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git diff --cached --name-status', stdout: 'R100\ta\tb\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git mv b d',
        stdout: '',
        stderr: 'fatal: destination exists, source=b, destination=d/b\n',
        exitCode: 128,
      },
      {
        cmd: 'git mv nope x',
        stdout: '',
        stderr: 'fatal: bad source, source=nope, destination=x\n',
        exitCode: 128,
      },
      {
        cmd: 'git mv u x',
        stdout: '',
        stderr: 'fatal: not under version control, source=u, destination=x\n',
        exitCode: 128,
      },
      {
        cmd: 'git mv d/c d/b',
        stdout: '',
        stderr: 'fatal: destination exists, source=d/c, destination=d/b\n',
        exitCode: 128,
      },
      { cmd: 'git mv -f d/c d/b', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'R100\ta\tb\nM\td/b\nD\td/c\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git mv d e', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'R100\ta\tb\nD\td/b\nR100\td/c\te/b\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'ls e', stdout: 'b\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('moves into new and existing directories, from a subdirectory', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      ['d/b', 'b\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      'git mv a new/a',
      '~mkdir new',
      'git mv a new/',
      'git diff --cached --name-status',
      'git -C d mv b ../c',
      'git diff --cached --name-status',
      'git -C d rm -q ../c',
      'git diff --cached --name-status',
      'ls',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      {
        cmd: 'git mv a new/a',
        stdout: '',
        stderr: "fatal: renaming 'a' failed: No such file or directory\n",
        exitCode: 128,
      },
      { cmd: 'mkdir new', exitCode: 0 },
      { cmd: 'git mv a new/', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'R100\ta\tnew/a\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git -C d mv b ../c', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'R100\td/b\tc\nR100\ta\tnew/a\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git -C d rm -q ../c',
        stdout: '',
        stderr:
          'error: the following file has changes staged in the index:\n    c\n(use --cached to keep the file, or -f to force removal)\n',
        exitCode: 1,
      },
      {
        cmd: 'git diff --cached --name-status',
        stdout: 'R100\td/b\tc\nR100\ta\tnew/a\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'ls', stdout: 'c\nd\nnew\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
