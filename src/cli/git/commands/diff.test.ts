// git diff, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 diff.c, xdiff/xemit.c, builtin/diff.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git diff', () => {
  it('compares the work tree with the index', async () => {
    const steps: Step[] = [
      ['f', 'a\nb\nc\n'],
      ['g', 'x\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m first',
      ['f', 'a\nB\nc\nd\n'],
      'git diff',
      'git diff --stat',
      'git diff --name-only',
      'git diff --quiet',
      'git diff --exit-code --stat',
      'git diff -- g',
      'git diff f',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      {
        cmd: 'git diff',
        stdout:
          'diff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --stat',
        stdout: ' f | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff --name-only', stdout: 'f\n', stderr: '', exitCode: 0 },
      { cmd: 'git diff --quiet', stdout: '', stderr: '', exitCode: 1 },
      {
        cmd: 'git diff --exit-code --stat',
        stdout: ' f | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 1,
      },
      { cmd: 'git diff -- g', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff f',
        stdout:
          'diff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('compares the index with HEAD, and commits with each other', async () => {
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
      'git diff --staged',
      'git diff',
      'git diff --cached --stat',
      '~git commit -q -m second',
      'git diff HEAD~1 HEAD',
      'git diff --name-status HEAD~1..HEAD',
      'git diff --stat HEAD~1 HEAD',
      'git diff HEAD~1 HEAD -- g',
      'git diff HEAD~1 -- f',
      'git diff HEAD HEAD~1 --name-only',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      { cmd: 'git add f', exitCode: 0 },
      { cmd: 'git rm -q g', exitCode: 0 },
      { cmd: 'git add e', exitCode: 0 },
      {
        cmd: 'git diff --staged',
        stdout:
          'diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\ndiff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\ndiff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff --cached --stat',
        stdout: ' e | 0\n f | 3 ++-\n g | 1 -\n 3 files changed, 2 insertions(+), 2 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git commit -q -m second', exitCode: 0 },
      {
        cmd: 'git diff HEAD~1 HEAD',
        stdout:
          'diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\ndiff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\ndiff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --name-status HEAD~1..HEAD',
        stdout: 'A\te\nM\tf\nD\tg\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --stat HEAD~1 HEAD',
        stdout: ' e | 0\n f | 3 ++-\n g | 1 -\n 3 files changed, 2 insertions(+), 2 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff HEAD~1 HEAD -- g',
        stdout:
          'diff --git a/g b/g\ndeleted file mode 100644\nindex 587be6b..0000000\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff HEAD~1 -- f',
        stdout:
          'diff --git a/f b/f\nindex de98044..a7bc997 100644\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff HEAD HEAD~1 --name-only', stdout: 'e\nf\ng\n', stderr: '', exitCode: 0 },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('prints hunks with function context, and missing final newlines', async () => {
    const steps: Step[] = [
      [
        'deploy.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n',
      ],
      '~git init -q',
      '~git add .',
      '~git commit -q -m first',
      [
        'deploy.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.28\n          ports:\n            - containerPort: 80\n',
      ],
      'git diff',
      'git diff --stat',
      [
        'deploy.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.28\n          ports:\n            - containerPort: 80\n# end',
      ],
      'git diff',
      'git diff -U1',
      'git diff --unified=0',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      {
        cmd: 'git diff',
        stdout:
          'diff --git a/deploy.yaml b/deploy.yaml\nindex 37e4a3c..8f5040c 100644\n--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ -5,7 +5,7 @@ metadata:\n   labels:\n     app: web\n spec:\n-  replicas: 2\n+  replicas: 3\n   selector:\n     matchLabels:\n       app: web\n@@ -16,6 +16,6 @@ spec:\n     spec:\n       containers:\n         - name: web\n-          image: nginx:1.27\n+          image: nginx:1.28\n           ports:\n             - containerPort: 80\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --stat',
        stdout: ' deploy.yaml | 4 ++--\n 1 file changed, 2 insertions(+), 2 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff',
        stdout:
          'diff --git a/deploy.yaml b/deploy.yaml\nindex 37e4a3c..5693b3b 100644\n--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ -5,7 +5,7 @@ metadata:\n   labels:\n     app: web\n spec:\n-  replicas: 2\n+  replicas: 3\n   selector:\n     matchLabels:\n       app: web\n@@ -16,6 +16,7 @@ spec:\n     spec:\n       containers:\n         - name: web\n-          image: nginx:1.27\n+          image: nginx:1.28\n           ports:\n             - containerPort: 80\n+# end\n\\ No newline at end of file\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff -U1',
        stdout:
          'diff --git a/deploy.yaml b/deploy.yaml\nindex 37e4a3c..5693b3b 100644\n--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ -7,3 +7,3 @@ metadata:\n spec:\n-  replicas: 2\n+  replicas: 3\n   selector:\n@@ -18,4 +18,5 @@ spec:\n         - name: web\n-          image: nginx:1.27\n+          image: nginx:1.28\n           ports:\n             - containerPort: 80\n+# end\n\\ No newline at end of file\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --unified=0',
        stdout:
          'diff --git a/deploy.yaml b/deploy.yaml\nindex 37e4a3c..5693b3b 100644\n--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ -8 +8 @@ spec:\n-  replicas: 2\n+  replicas: 3\n@@ -19 +19 @@ spec:\n-          image: nginx:1.27\n+          image: nginx:1.28\n@@ -21,0 +22 @@ spec:\n+# end\n\\ No newline at end of file\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('shows a rename', async () => {
    const steps: Step[] = [
      ['f', 'a\nb\nc\n'],
      ['g', 'x\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m first',
      '~git mv f h',
      'git diff --staged',
      'git diff --cached --stat',
      'git diff --staged --name-status',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      { cmd: 'git mv f h', exitCode: 0 },
      {
        cmd: 'git diff --staged',
        stdout: 'diff --git a/f b/h\nsimilarity index 100%\nrename from f\nrename to h\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --cached --stat',
        stdout: ' f => h | 0\n 1 file changed, 0 insertions(+), 0 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff --staged --name-status', stdout: 'R100\tf\th\n', stderr: '', exitCode: 0 },
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
      'git diff nope',
      'git diff HEAD~3',
      'git diff --bogus',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m first', exitCode: 0 },
      {
        cmd: 'git diff nope',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      {
        cmd: 'git diff HEAD~3',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'HEAD~3': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
      {
        cmd: 'git diff --bogus',
        stdout: '',
        stderr: 'error: invalid option: --bogus\n',
        exitCode: 255,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('before the first commit', async () => {
    const steps: Step[] = [
      ['a', 'a\n'],
      '~git init -q',
      '~git add a',
      'git diff --cached',
      'git diff HEAD',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add a', exitCode: 0 },
      {
        cmd: 'git diff --cached',
        stdout:
          'diff --git a/a b/a\nnew file mode 100644\nindex 0000000..7898192\n--- /dev/null\n+++ b/a\n@@ -0,0 +1 @@\n+a\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff HEAD',
        stdout: '',
        stderr:
          "fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('shows a conflicted file as a combined diff', async () => {
    const steps: Step[] = [
      ['f', '1\n2\n3\n4\n5\n6\n7\n8\n9\n'],
      ['o', 'o\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      '~git switch -q -c feat',
      ['f', '1\nTWO\n3\n4\n5\n6\n7\neight\n9\n'],
      ['o', 'o\nt\n'],
      '~git commit -q -am feat',
      '~git switch -q main',
      ['f', '1\ndeux\n3\n4\n5\n6\n7\n8\n9\n'],
      '~git commit -q -am deux',
      '~git merge feat',
      'git diff',
      'git diff --staged',
      'git diff --name-only',
      'git diff HEAD --stat',
      ['f', '1\nboth\n3\n4\n5\n6\n7\neight\n9\n'],
      'git diff',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git switch -q -c feat', exitCode: 0 },
      { cmd: 'git commit -q -am feat', exitCode: 0 },
      { cmd: 'git switch -q main', exitCode: 0 },
      { cmd: 'git commit -q -am deux', exitCode: 0 },
      { cmd: 'git merge feat', exitCode: 1 },
      {
        cmd: 'git diff',
        stdout:
          'diff --cc f\nindex e62ef7a,093c2ca..0000000\n--- a/f\n+++ b/f\n@@@ -1,5 -1,5 +1,9 @@@\n  1\n++<<<<<<< HEAD\n +deux\n++=======\n+ TWO\n++>>>>>>> feat\n  3\n  4\n  5\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff --staged',
        stdout:
          '* Unmerged path f\ndiff --git a/o b/o\nindex 13e7564..d69b9cf 100644\n--- a/o\n+++ b/o\n@@ -1 +1,2 @@\n o\n+t\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git diff --name-only', stdout: 'f\nf\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git diff HEAD --stat',
        stdout: ' f | 6 +++++-\n o | 1 +\n 2 files changed, 6 insertions(+), 1 deletion(-)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git diff',
        stdout:
          'diff --cc f\nindex e62ef7a,093c2ca..0000000\n--- a/f\n+++ b/f\n@@@ -1,5 -1,5 +1,5 @@@\n  1\n- deux\n -TWO\n++both\n  3\n  4\n  5\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('scales --stat to 80 columns', async () => {
    const steps: Step[] = [
      [
        'very/long/directory/name/for/testing/the/stat/width/file-with-a-long-name.yaml',
        '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n31\n32\n33\n34\n35\n36\n37\n38\n39\n40\n41\n42\n43\n44\n45\n46\n47\n48\n49\n50\n51\n52\n53\n54\n55\n56\n57\n58\n59\n60\n61\n62\n63\n64\n65\n66\n67\n68\n69\n70\n71\n72\n73\n74\n75\n76\n77\n78\n79\n80\n81\n82\n83\n84\n85\n86\n87\n88\n89\n90\n91\n92\n93\n94\n95\n96\n97\n98\n99\n100\n101\n102\n103\n104\n105\n106\n107\n108\n109\n110\n111\n112\n113\n114\n115\n116\n117\n118\n119\n120\n121\n122\n123\n124\n125\n126\n127\n128\n129\n130\n131\n132\n133\n134\n135\n136\n137\n138\n139\n140\n141\n142\n143\n144\n145\n146\n147\n148\n149\n150\n151\n152\n153\n154\n155\n156\n157\n158\n159\n160\n161\n162\n163\n164\n165\n166\n167\n168\n169\n170\n171\n172\n173\n174\n175\n176\n177\n178\n179\n180\n181\n182\n183\n184\n185\n186\n187\n188\n189\n190\n191\n192\n193\n194\n195\n196\n197\n198\n199\n200\n',
      ],
      ['small', '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      [
        'very/long/directory/name/for/testing/the/stat/width/file-with-a-long-name.yaml',
        '1\n3\n5\n7\n9\n11\n13\n15\n17\n19\n21\n23\n25\n27\n29\n31\n33\n35\n37\n39\n41\n43\n45\n47\n49\n51\n53\n55\n57\n59\n61\n63\n65\n67\n69\n71\n73\n75\n77\n79\n81\n83\n85\n87\n89\n91\n93\n95\n97\n99\n101\n103\n105\n107\n109\n111\n113\n115\n117\n119\n121\n123\n125\n127\n129\n131\n133\n135\n137\n139\n141\n143\n145\n147\n149\n151\n153\n155\n157\n159\n161\n163\n165\n167\n169\n171\n173\n175\n177\n179\n181\n183\n185\n187\n189\n191\n193\n195\n197\n199\n',
      ],
      [
        'small',
        '5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n',
      ],
      ['added', 'new\n'],
      '~git add .',
      'git diff --cached --stat',
      '~git commit -q -m two',
      'git diff --stat HEAD~1',
      'git show --stat',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      {
        cmd: 'git diff --cached --stat',
        stdout:
          ' added                                              |   1 +\n small                                              |  24 ++++-\n .../the/stat/width/file-with-a-long-name.yaml      | 100 ---------------------\n 3 files changed, 21 insertions(+), 104 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git commit -q -m two', exitCode: 0 },
      {
        cmd: 'git diff --stat HEAD~1',
        stdout:
          ' added                                              |   1 +\n small                                              |  24 ++++-\n .../the/stat/width/file-with-a-long-name.yaml      | 100 ---------------------\n 3 files changed, 21 insertions(+), 104 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git show --stat',
        stdout:
          'commit b47a7e41e668de00e308fad982be2de947f996ec\nAuthor: Learner <learner@example.com>\nDate:   Thu Jan 15 09:00:00 2026 +0000\n\n    two\n\n added                                              |   1 +\n small                                              |  24 ++++-\n .../the/stat/width/file-with-a-long-name.yaml      | 100 ---------------------\n 3 files changed, 21 insertions(+), 104 deletions(-)\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it("places ambiguous hunks where git's heuristics do", async () => {
    const steps: Step[] = [
      [
        'k.yaml',
        'spec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: A\n          value: "1"\n        - name: B\n          value: "2"\n    - name: sidecar\n      image: busybox\n',
      ],
      ['p.py', 'def a():\n    return 1\n\n\ndef b():\n    return 2\n'],
      '~git init -q',
      '~git add .',
      '~git commit -q -m one',
      [
        'k.yaml',
        'spec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: A\n          value: "1"\n        - name: C\n          value: "3"\n        - name: B\n          value: "2"\n    - name: sidecar\n      image: busybox\n    - name: extra\n      image: busybox\n',
      ],
      ['p.py', 'def a():\n    return 1\n\n\ndef c():\n    return 3\n\n\ndef b():\n    return 2\n'],
      'git diff',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git add .', exitCode: 0 },
      { cmd: 'git commit -q -m one', exitCode: 0 },
      {
        cmd: 'git diff',
        stdout:
          'diff --git a/k.yaml b/k.yaml\nindex 8883935..272442c 100644\n--- a/k.yaml\n+++ b/k.yaml\n@@ -5,7 +5,11 @@ spec:\n       env:\n         - name: A\n           value: "1"\n+        - name: C\n+          value: "3"\n         - name: B\n           value: "2"\n     - name: sidecar\n       image: busybox\n+    - name: extra\n+      image: busybox\ndiff --git a/p.py b/p.py\nindex 025ec86..b1ef9c1 100644\n--- a/p.py\n+++ b/p.py\n@@ -2,5 +2,9 @@ def a():\n     return 1\n \n \n+def c():\n+    return 3\n+\n+\n def b():\n     return 2\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
