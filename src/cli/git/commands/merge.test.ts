// git merge, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/merge.c, merge-ort.c, fmt-merge-msg.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git merge', () => {
  it('fast-forwards, merges and is up to date', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n4\n5\n6\n7\n8\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['g', 'new\n'],
      '~git add g',
      "~git commit -q -m 'add g'",
      '~git switch -q main',
      'git merge feat',
      'git merge feat',
      '~git switch -q feat',
      ['f', '1\ntwo\n3\n4\n5\n6\n7\n8\n'],
      '~git commit -q -am feat2',
      '~git switch -q main',
      ['f', '1\n2\n3\n4\n5\n6\nseven\n8\n'],
      '~git commit -q -am main7',
      'git merge feat',
      'git show -s',
      'cat f',
      'git merge nope',
      'git merge --abort',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git add g', exitCode: 0 },
      { cmd: "git commit -q -m 'add g'", exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          'Updating 01f3d6a..e4a83ad\nFast-forward\n g | 1 +\n 1 file changed, 1 insertion(+)\n create mode 100644 g\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git merge feat', stdout: 'Already up to date.\n', stderr: '', exitCode: 0 },
      { cmd: 'git switch -q feat', exitCode: 0 },
      { cmd: 'git commit -q -am feat2', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git commit -q -am main7', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          "Auto-merging f\nMerge made by the 'ort' strategy.\n f | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show -s',
        stdout:
          "commit d5d063fad0383cafd39adc8246e48cbb0d103d48\nMerge: 9359c4a e54fcb7\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n",
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'cat f', stdout: '1\ntwo\n3\n4\n5\n6\nseven\n8\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git merge nope',
        stdout: '',
        stderr: 'merge: nope - not something we can merge\n',
        exitCode: 1,
      },
      {
        cmd: 'git merge --abort',
        stdout: '',
        stderr: 'fatal: There is no merge to abort (MERGE_HEAD missing).\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('stops at conflicts, which git add and git commit conclude', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['f', '1\nTWO\n3\n'],
      '~git commit -q -am feat2',
      '~git switch -q main',
      ['f', '1\ndeux\n3\n'],
      '~git commit -q -am deux',
      'git merge feat',
      'cat f',
      'git merge feat',
      'git merge --abort',
      'cat f',
      'git merge feat',
      ['f', '1\nboth\n3\n'],
      '~git add f',
      '~git commit -q -m "Merge branch \'feat\'"',
      'git show -s',
      'cat f',
      'git show',
      'git show --stat',
      'git show --name-only',
      '~git switch -q feat',
      ['g', 'g\n'],
      '~git add g',
      '~git commit -q -m g',
      '~git switch -q main',
      '~git merge -q feat',
      'git show',
      'git show --oneline --stat HEAD~1',
      'git show --oneline',
      'git merge --continue',
      '~git reset -q --hard HEAD~1',
      'git merge feat',
      'git merge --continue',
      ['f', '1\nboth\n3\n'],
      '~git add f',
      'git merge --continue',
      'git show -s',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git commit -q -am feat2', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git commit -q -am deux', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          'Auto-merging f\nCONFLICT (content): Merge conflict in f\nAutomatic merge failed; fix conflicts and then commit the result.\n',
        stderr: '',
        exitCode: 1,
      },
      {
        cmd: 'cat f',
        stdout: '1\n<<<<<<< HEAD\ndeux\n=======\nTWO\n>>>>>>> feat\n3\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git merge feat',
        stdout: '',
        stderr:
          "error: Merging is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.\n",
        exitCode: 128,
      },
      { cmd: 'git merge --abort', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'cat f', stdout: '1\ndeux\n3\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          'Auto-merging f\nCONFLICT (content): Merge conflict in f\nAutomatic merge failed; fix conflicts and then commit the result.\n',
        stderr: '',
        exitCode: 1,
      },
      { cmd: 'git add f', exitCode: 0 },
      { cmd: 'git commit -q -m "Merge branch \'feat\'"', exitCode: 0 },
      {
        cmd: 'git show -s',
        stdout:
          "commit e3c72bc53c5cc40358392702533230f612827394\nMerge: 3fdafa2 3af1f34\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n",
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'cat f', stdout: '1\nboth\n3\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git show',
        stdout:
          "commit e3c72bc53c5cc40358392702533230f612827394\nMerge: 3fdafa2 3af1f34\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n\ndiff --cc f\nindex fed33a5,230b143..4cd45a7\n--- a/f\n+++ b/f\n@@@ -1,3 -1,3 +1,3 @@@\n  1\n- deux\n -TWO\n++both\n  3\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --stat',
        stdout:
          "commit e3c72bc53c5cc40358392702533230f612827394\nMerge: 3fdafa2 3af1f34\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n\n f | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --name-only',
        stdout:
          "commit e3c72bc53c5cc40358392702533230f612827394\nMerge: 3fdafa2 3af1f34\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n\nf\n",
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git switch -q feat', exitCode: 0 },
      { cmd: 'git add g', exitCode: 0 },
      { cmd: 'git commit -q -m g', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git merge -q feat', exitCode: 0 },
      {
        cmd: 'git show',
        stdout:
          "commit 8dea86908df643fb65529466688365b4b8637e41\nMerge: e3c72bc 5d3db49\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --oneline --stat HEAD~1',
        stdout:
          "e3c72bc Merge branch 'feat'\n\n f | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --oneline',
        stdout: "8dea869 Merge branch 'feat'\n\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git merge --continue',
        stdout: '',
        stderr: 'fatal: There is no merge in progress (MERGE_HEAD missing).\n',
        exitCode: 128,
      },
      { cmd: 'git reset -q --hard HEAD~1', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          "Merge made by the 'ort' strategy.\n g | 1 +\n 1 file changed, 1 insertion(+)\n create mode 100644 g\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git merge --continue',
        stdout: '',
        stderr: 'fatal: There is no merge in progress (MERGE_HEAD missing).\n',
        exitCode: 128,
      },
      { cmd: 'git add f', exitCode: 0 },
      {
        cmd: 'git merge --continue',
        stdout: '',
        stderr: 'fatal: There is no merge in progress (MERGE_HEAD missing).\n',
        exitCode: 128,
      },
      {
        cmd: 'git show -s',
        stdout:
          "commit 8dea86908df643fb65529466688365b4b8637e41\nMerge: e3c72bc 5d3db49\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    Merge branch 'feat'\n",
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('refuses to lose local changes, and reports a modify/delete conflict', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c side',
      '~git rm -q f',
      '~git commit -q -m rmf',
      '~git switch -q main',
      ['f', '1\n2\n3\n4\n'],
      'git merge side',
      '~git commit -q -am four',
      'git merge side',
      '~git merge --abort',
      '~git switch -q -c other HEAD~1',
      ['g', 'g\n'],
      '~git add g',
      '~git commit -q -m g',
      '~git switch -q main',
      "git merge --no-ff -m 'custom msg' other",
      'git show -s',
      'git switch -q other',
      'git merge --ff-only main',
      'git merge main',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c side', exitCode: 0 },
      { cmd: 'git rm -q f', exitCode: 0 },
      { cmd: 'git commit -q -m rmf', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      {
        cmd: 'git merge side',
        stdout: 'Updating 0959673..1593ddd\n',
        stderr:
          'error: Your local changes to the following files would be overwritten by merge:\n\tf\nPlease commit your changes or stash them before you merge.\nAborting\n',
        exitCode: 1,
      },
      { cmd: 'git commit -q -am four', exitCode: 0 },
      {
        cmd: 'git merge side',
        stdout:
          'CONFLICT (modify/delete): f deleted in side and modified in HEAD.  Version HEAD of f left in tree.\nAutomatic merge failed; fix conflicts and then commit the result.\n',
        stderr: '',
        exitCode: 1,
      },
      { cmd: 'git merge --abort', exitCode: 0 },
      { cmd: 'git switch -q -c other HEAD~1', exitCode: 0 },
      { cmd: 'git add g', exitCode: 0 },
      { cmd: 'git commit -q -m g', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      {
        cmd: "git merge --no-ff -m 'custom msg' other",
        stdout:
          "Merge made by the 'ort' strategy.\n g | 1 +\n 1 file changed, 1 insertion(+)\n create mode 100644 g\n",
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show -s',
        stdout:
          'commit f0073751199546d6a4bfd17b4da9ab224dc2391c\nMerge: 0c041e9 e73e1d1\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    custom msg\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git switch -q other', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git merge --ff-only main',
        stdout:
          'Updating e73e1d1..f007375\nFast-forward\n f | 1 +\n 1 file changed, 1 insertion(+)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git merge main', stdout: 'Already up to date.\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('follows renames, and reports add/add conflicts', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      '~git mv f g',
      '~git commit -q -m mv',
      '~git switch -q main',
      ['f', '1\n2\n3\n4\n'],
      '~git commit -q -am four',
      'git merge --no-edit feat',
      'ls',
      'cat g',
      '~git switch -q feat',
      ['g', 'x\n'],
      '~git commit -q -am x',
      ['h', 'new\n'],
      '~git add h',
      '~git commit -q -m h',
      '~git switch -q main',
      ['h', 'other\n'],
      '~git add h',
      '~git commit -q -m h2',
      'git merge feat',
      'cat g h',
      'git diff --name-only',
      'git merge --abort',
      'git status --short',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git mv f g', exitCode: 0 },
      { cmd: 'git commit -q -m mv', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git commit -q -am four', exitCode: 0 },
      {
        cmd: 'git merge --no-edit feat',
        stdout:
          "Merge made by the 'ort' strategy.\n f => g | 0\n 1 file changed, 0 insertions(+), 0 deletions(-)\n rename f => g (100%)\n",
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'ls', stdout: 'g\n', stderr: '', exitCode: 0 },
      { cmd: 'cat g', stdout: '1\n2\n3\n4\n', stderr: '', exitCode: 0 },
      { cmd: 'git switch -q feat', exitCode: 0 },
      { cmd: 'git commit -q -am x', exitCode: 0 },
      { cmd: 'git add h', exitCode: 0 },
      { cmd: 'git commit -q -m h', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git add h', exitCode: 0 },
      { cmd: 'git commit -q -m h2', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          'Auto-merging g\nCONFLICT (content): Merge conflict in g\nAuto-merging h\nCONFLICT (add/add): Merge conflict in h\nAutomatic merge failed; fix conflicts and then commit the result.\n',
        stderr: '',
        exitCode: 1,
      },
      {
        cmd: 'cat g h',
        stdout:
          '<<<<<<< HEAD\n1\n2\n3\n4\n=======\nx\n>>>>>>> feat\n<<<<<<< HEAD\nother\n=======\nnew\n>>>>>>> feat\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff --name-only', stdout: 'g\ng\nh\nh\n', stderr: '', exitCode: 0 },
      { cmd: 'git merge --abort', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git status --short', stdout: '', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('reports every kind of conflict', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n'],
      ['gone', 'x\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['f', '1\nTWO\n3\n'],
      ['gone', 'xx\n'],
      ['new', 'theirs\n'],
      '~git add .',
      '~git commit -q -m feat',
      '~git switch -q main',
      '~git rm -q gone',
      ['f', '1\ndeux\n3\n'],
      ['new', 'ours!\n'],
      '~git add .',
      '~git commit -q -m main',
      'git merge feat',
      'ls',
      'cat new',
      'git diff --name-only',
      'git merge --abort',
      'ls',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m feat', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git rm -q gone', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m main', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout:
          'Auto-merging f\nCONFLICT (content): Merge conflict in f\nCONFLICT (modify/delete): gone deleted in HEAD and modified in feat.  Version feat of gone left in tree.\nAuto-merging new\nCONFLICT (add/add): Merge conflict in new\nAutomatic merge failed; fix conflicts and then commit the result.\n',
        stderr: '',
        exitCode: 1,
      },
      { cmd: 'ls', stdout: 'f\ngone\nnew\n', stderr: '', exitCode: 0 },
      {
        cmd: 'cat new',
        stdout: '<<<<<<< HEAD\nours!\n=======\ntheirs\n>>>>>>> feat\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff --name-only', stdout: 'f\nf\ngone\nnew\nnew\n', stderr: '', exitCode: 0 },
      { cmd: 'git merge --abort', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'ls', stdout: 'f\nnew\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('refuses to overwrite untracked files', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['g', 'g\n'],
      '~git add g',
      '~git commit -q -m g',
      '~git switch -q main',
      ['g', 'mine\n'],
      'git merge feat',
      ['b', 'b\n'],
      '~git add b',
      '~git commit -q -m b',
      'git merge feat',
      'cat g',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git add g', exitCode: 0 },
      { cmd: 'git commit -q -m g', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout: 'Updating a82bebc..f79e2ef\n',
        stderr:
          'error: The following untracked working tree files would be overwritten by merge:\n\tg\nPlease move or remove them before you merge.\nAborting\n',
        exitCode: 1,
      },
      { cmd: 'git add b', exitCode: 0 },
      { cmd: 'git commit -q -m b', exitCode: 0 },
      {
        cmd: 'git merge feat',
        stdout: '',
        stderr:
          'error: The following untracked working tree files would be overwritten by merge:\n\tg\nPlease move or remove them before you merge.\nAborting\nMerge with strategy ort failed.\n',
        exitCode: 2,
      },
      { cmd: 'cat g', stdout: 'mine\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
