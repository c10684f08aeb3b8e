// git show, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/log.c, pretty.c, diff.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git show', () => {
  it('shows commits with their patches, and files at a revision', async () => {
    const steps: Step[] = [
      ['f', 'a\nb\nc\n'],
      ['g', 'x\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m first',
      ['f', 'a\nB\nc\nd\n'],
      '~git add f',
      '~git rm -q g',
      ['e', ''],
      '~git add e',
      '~git commit -q -m second',
      'git show',
      'git show HEAD~1',
      'git show --stat HEAD~1',
      'git show --name-only',
      'git show HEAD~1:f',
      'git show HEAD:',
      'git show HEAD~1:g',
      "~git commit -q --allow-empty -m subject -m 'a body line'",
      'git show',
      'git show -s HEAD~1',
      'git show --oneline HEAD~1',
      'git show --oneline --stat HEAD~1',
      'git show --oneline -s',
      'git show --pretty=oneline -s HEAD~1 HEAD',
      'git show HEAD~1 -- g',
      'git show --stat HEAD~1 -- f e',
      'git show HEAD~1 -- nothing',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      { cmd: 'git add f', exitCode: 0 },
      { cmd: 'git rm -q g', exitCode: 0 },
      { cmd: 'git add e', exitCode: 0 },
      { cmd: 'git commit -q -m second', exitCode: 0 },
      {
        cmd: 'git show',
        stdout:
          'commit fe93bc4c936601ef3893d1cfb9d625af71b2bede\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    second\n\ndiff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\ndiff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\ndiff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show HEAD~1',
        stdout:
          'commit 6bc3535146be418ba3b6f54b11d27d65f205fc0f\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    first\n\ndiff --git a/f b/f\nnew file mode 100644\nindex 0000000..de98044\n--- /dev/null\n+++ b/f\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\ndiff --git a/g b/g\nnew file mode 100644\nindex 0000000..587be6b\n--- /dev/null\n+++ b/g\n@@ -0,0 +1 @@\n+x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --stat HEAD~1',
        stdout:
          'commit 6bc3535146be418ba3b6f54b11d27d65f205fc0f\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    first\n\n f | 3 +++\n g | 1 +\n 2 files changed, 4 insertions(+)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --name-only',
        stdout:
          'commit fe93bc4c936601ef3893d1cfb9d625af71b2bede\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    second\n\ne\nf\ng\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git show HEAD~1:f', stdout: 'a\nb\nc\n', stderr: '', exitCode: 0 },
      { cmd: 'git show HEAD:', stdout: 'tree HEAD:\n\ne\nf\n', stderr: '', exitCode: 0 },
      { cmd: 'git show HEAD~1:g', stdout: 'x\n', stderr: '', exitCode: 0 },
      { cmd: "git commit -q --allow-empty -m subject -m 'a body line'", exitCode: 0 },
      {
        cmd: 'git show',
        stdout:
          'commit f63e654911f17868d88fb0f5973d68ae2572e488\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    subject\n    \n    a body line\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show -s HEAD~1',
        stdout:
          'commit fe93bc4c936601ef3893d1cfb9d625af71b2bede\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    second\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --oneline HEAD~1',
        stdout:
          'fe93bc4 second\ndiff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\ndiff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\ndiff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --oneline --stat HEAD~1',
        stdout:
          'fe93bc4 second\n e | 0\n f | 3 ++-\n g | 1 -\n 3 files changed, 2 insertions(+), 2 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git show --oneline -s', stdout: 'f63e654 subject\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git show --pretty=oneline -s HEAD~1 HEAD',
        stdout:
          'fe93bc4c936601ef3893d1cfb9d625af71b2bede second\nf63e654911f17868d88fb0f5973d68ae2572e488 subject\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show HEAD~1 -- g',
        stdout:
          'commit fe93bc4c936601ef3893d1cfb9d625af71b2bede\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    second\n\ndiff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --stat HEAD~1 -- f e',
        stdout:
          'commit fe93bc4c936601ef3893d1cfb9d625af71b2bede\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    second\n\n e | 0\n f | 3 ++-\n 2 files changed, 2 insertions(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git show HEAD~1 -- nothing', stdout: '', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('fails as git does', async () => {
    const steps: Step[] = [
      ['f', 'a\nb\nc\n'],
      ['g', 'x\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m first',
      'git show nope',
      'git show HEAD~5',
      'git show HEAD:nope',
      'git show HEAD~1:f',
      'cd / && git show',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      {
        cmd: 'git show nope',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      {
        cmd: 'git show HEAD~5',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'HEAD~5': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      {
        cmd: 'git show HEAD:nope',
        stdout: '',
        stderr: "fatal: path 'nope' does not exist in 'HEAD'\n",
        exitCode: 128,
      },
      {
        cmd: 'git show HEAD~1:f',
        stdout: '',
        stderr: "fatal: invalid object name 'HEAD~1'.\n",
        exitCode: 128,
      },
      {
        cmd: 'cd / && git show',
        stdout: '',
        stderr: 'fatal: not a git repository (or any of the parent directories): .git\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('in a repository with no commits', async () => {
    const steps: Step[] = ['~git init -q', 'git show'];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      {
        cmd: 'git show',
        stdout: '',
        stderr: "fatal: your current branch 'main' does not have any commits yet\n",
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
