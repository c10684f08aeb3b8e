// `bash FILE`, `sh FILE` and `bash -c`: every expected output below is what bash 5.2.15 and dash
// (Debian's /bin/sh) printed for the same script on a real machine.
import { describe, expect, it } from 'vitest';
import { reader } from '../../engine/world';
import type { Session } from '../program';
import { withFiles } from '../program';
import { createSession, HOME, runHeadless } from '../shell/shell';
import { registry } from '.';

const sh = (s: Session, cmd: string) => runHeadless(s, cmd, registry);

function withScript(name: string, text: string): Session {
  const s = createSession();
  withFiles(s, (tx) => tx.writeFile(`${HOME}/${name}`, text));
  return s;
}

const MIXED = `#!/bin/bash
# a comment
echo "one $1 $# $@ $0"
foo
cd nosuch
false && echo no
echo st=$?
set -e
false || true
true && false
echo never
`;

describe('bash FILE', () => {
  it('runs each command, names the script and line in its messages, stops at set -e', () => {
    const s = withScript('s.sh', MIXED);
    expect(sh(s, 'bash s.sh a b')).toMatchObject({
      stdout: 'one a 2 a b s.sh\nst=1\n',
      stderr:
        's.sh: line 4: foo: command not found\ns.sh: line 5: cd: nosuch: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('speaks as dash when run with sh', () => {
    const s = withScript('s.sh', MIXED);
    expect(sh(s, 'sh s.sh a b')).toMatchObject({
      stdout: 'one a 2 a b s.sh\nst=1\n',
      stderr: "s.sh: 4: foo: not found\ns.sh: 5: cd: can't cd to nosuch\n",
      exitCode: 1,
    });
  });

  it('keeps its variables and directory to itself; exit ends it with a status', () => {
    const s = withScript('e.sh', 'echo hi\ncd /tmp\nX=5\nexit 300\necho no\n');
    expect(sh(s, 'bash e.sh; echo rc=$? X=$X; pwd')).toMatchObject({
      stdout: `hi\nrc=44 X=\n${HOME}\n`,
      stderr: '',
    });
  });

  it('without set -e goes on and exits with the last status', () => {
    const s = withScript('l.sh', 'false\necho still\nfalse\n');
    expect(sh(s, 'bash l.sh')).toMatchObject({ stdout: 'still\n', exitCode: 1 });
  });

  it('spares negated commands and non-final pipeline stages under -e, not X=$(false)', () => {
    const s = withScript(
      'n.sh',
      'echo a\n! false\n! true\necho b\nfalse | true\necho c\nX=$(false)\necho d\n',
    );
    expect(sh(s, 'bash -e n.sh')).toMatchObject({ stdout: 'a\nb\nc\n', exitCode: 1 });
  });

  it('waits for kubectl inside the script, and stops at the first failure under -euo pipefail', () => {
    const s = withScript(
      't.sh',
      'set -euo pipefail\nkubectl create deployment web --image=nginx\nkubectl rollout status deployment/web\nkubectl get deploy nosuch\necho never\n',
    );
    const started = s.world.now;
    const r = sh(s, 'bash t.sh');
    expect(r.stdout).toBe(
      'deployment.apps/web created\nWaiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\ndeployment "web" successfully rolled out\n',
    );
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nosuch" not found\n');
    expect(r.exitCode).toBe(1);
    expect(s.world.now).toBeGreaterThan(started);
    expect(reader(s.world).get('Deployment', 'default', 'web')).toBeDefined();
  });

  it('reports a bad set option: bash goes on, dash stops', () => {
    const s = withScript('o.sh', 'set -q\necho after $?\n');
    expect(sh(s, 'bash o.sh')).toMatchObject({
      stdout: 'after 2\n',
      stderr:
        'o.sh: line 1: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n',
      exitCode: 0,
    });
    expect(sh(s, 'sh o.sh')).toMatchObject({
      stdout: '',
      stderr: 'o.sh: 1: set: Illegal option -q\n',
      exitCode: 2,
    });
  });

  it('stops at a syntax error, showing the line', () => {
    const s = withScript('g.sh', 'echo (\necho no\n');
    expect(sh(s, 'bash g.sh')).toMatchObject({
      stdout: '',
      stderr:
        "g.sh: line 1: syntax error near unexpected token `newline'\ng.sh: line 1: `echo ('\n",
      exitCode: 2,
    });
  });

  it('cannot open a missing file or a directory', () => {
    const s = createSession();
    expect(sh(s, 'bash nosuch.sh')).toMatchObject({
      stderr: 'bash: nosuch.sh: No such file or directory\n',
      exitCode: 127,
    });
    expect(sh(s, 'sh nosuch.sh')).toMatchObject({
      stderr: 'sh: 0: cannot open nosuch.sh: No such file\n',
      exitCode: 2,
    });
    expect(sh(s, 'bash .')).toMatchObject({ stderr: '.: .: Is a directory\n', exitCode: 126 });
    expect(sh(s, 'sh .')).toMatchObject({ stderr: '', exitCode: 0 });
  });
});

describe('bash -c', () => {
  it('takes $0 and the arguments after the text', () => {
    const s = createSession();
    expect(sh(s, "bash -c 'foo; echo $0 $1' x y")).toMatchObject({
      stdout: 'x y\n',
      stderr: 'x: line 1: foo: command not found\n',
      exitCode: 0,
    });
    expect(sh(s, "bash -c 'echo $0 $#'")).toMatchObject({ stdout: 'bash 0\n' });
    expect(sh(s, 'sh -c foo')).toMatchObject({ stderr: 'sh: 1: foo: not found\n', exitCode: 127 });
  });

  it('traces with -x, a substitution one level deeper', () => {
    const s = createSession();
    expect(sh(s, `bash -xc 'echo "a b" c; echo $(echo hi)'`)).toMatchObject({
      stdout: 'a b c\nhi\n',
      stderr: "+ echo 'a b' c\n++ echo hi\n+ echo hi\n",
    });
  });

  it('needs its argument', () => {
    const s = createSession();
    expect(sh(s, 'bash -c')).toMatchObject({
      stderr: 'bash: -c: option requires an argument\n',
      exitCode: 2,
    });
    expect(sh(s, 'sh -c')).toMatchObject({
      stderr: 'sh: 0: -c requires an argument\n',
      exitCode: 2,
    });
    expect(sh(s, 'bash -o nosuch x')).toMatchObject({
      stderr: 'bash: bash: nosuch: invalid option name\n',
      exitCode: 2,
    });
  });
});
