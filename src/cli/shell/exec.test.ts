import { describe, expect, it } from 'vitest';
import { readFile } from '../../engine/fs/files';
import { registry } from '../programs';
import { createSession, runHeadless } from './shell';

function run(lines: string[]) {
  const s = createSession();
  return lines.map((l) => runHeadless(s, l, registry));
}

describe('the shell', () => {
  it('answers an unknown command as bash does, with 127', () => {
    expect(run(['foo --bar'])[0]).toEqual({
      stdout: '',
      stderr: 'bash: foo: command not found\n',
      exitCode: 127,
      interrupted: false,
    });
  });

  it('gives `NAME=value command` the variable for that command only, as bash does', () => {
    const s = createSession();
    runHeadless(s, 'GREETING=outer', registry);
    expect(runHeadless(s, "GREETING=hi bash -c 'echo $GREETING'", registry).stdout).toBe('hi\n');
    // Expanded before the assignment, as in bash.
    expect(runHeadless(s, 'GREETING=hi echo $GREETING', registry).stdout).toBe('outer\n');
    expect(runHeadless(s, 'echo $GREETING', registry).stdout).toBe('outer\n');
    expect(runHeadless(s, "NEW=1 bash -c 'echo $NEW'", registry).stdout).toBe('1\n');
    expect(runHeadless(s, 'echo "[$NEW]"', registry).stdout).toBe('[]\n');
  });

  it('runs lists with && || and ; and keeps $?', () => {
    const [a, b, c, d] = run([
      'false && echo no; echo $?',
      'false || echo yes',
      'true && echo one && echo two',
      'nosuch; echo $?',
    ]);
    expect(a?.stdout).toBe('1\n');
    expect(b?.stdout).toBe('yes\n');
    expect(c?.stdout).toBe('one\ntwo\n');
    expect(d).toMatchObject({
      stdout: '127\n',
      stderr: 'bash: nosuch: command not found\n',
      exitCode: 0,
    });
  });

  it('pipes one program into the next, and reports the last one’s status', () => {
    const [a, b] = run(['printf_missing | wc -l', "echo 'a b c' | grep -c b"]);
    expect(a).toMatchObject({
      stdout: '0\n',
      stderr: 'bash: printf_missing: command not found\n',
      exitCode: 0,
    });
    expect(b).toMatchObject({ stdout: '1\n', exitCode: 0 });
  });

  it('quotes, escapes, comments and continues lines as bash does', () => {
    const [a, b] = run(['echo \'a  b\' "c $USER" d\\ e   # a comment', 'echo one \\\n  two']);
    expect(a?.stdout).toBe('a  b c learner d e\n');
    expect(b?.stdout).toBe('one two\n');
  });

  it('reports syntax errors in bash’s words, with status 2', () => {
    const [a, b] = run(['echo a ;; echo b', "echo 'open"]);
    expect(a).toMatchObject({ stdout: '', exitCode: 2 });
    expect(a?.stderr).toBe("bash: syntax error near unexpected token `;;'\n");
    expect(b?.exitCode).toBe(2);
    expect(b?.stderr).toContain('unexpected EOF');
  });

  it('sends output to /dev/null and stderr to stdout when asked', () => {
    const [a, b] = run(['nosuch 2>/dev/null; echo $?', 'nosuch 2>&1 | grep -c found']);
    expect(a).toMatchObject({ stdout: '127\n', stderr: '' });
    expect(b).toMatchObject({ stdout: '1\n', stderr: '' });
  });

  it('waits on the simulated clock only while a command sleeps', () => {
    const s = createSession();
    const start = s.world.now;
    runHeadless(s, 'echo hi', registry);
    expect(s.world.now).toBe(start);
    runHeadless(s, 'sleep 1m 30', registry);
    expect(s.world.now - start).toBe(90_000);
    expect(runHeadless(s, 'sleep abc', registry)).toMatchObject({
      exitCode: 1,
      stderr: "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n",
    });
    expect(runHeadless(s, 'sleep', registry)).toMatchObject({
      exitCode: 1,
      stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    });
  });

  it('keeps a history that `history` prints as bash does', () => {
    const s = createSession();
    runHeadless(s, 'echo a', registry);
    runHeadless(s, 'true', registry);
    expect(runHeadless(s, 'history', registry).stdout).toBe(
      '    1  echo a\n    2  true\n    3  history\n',
    );
    expect(runHeadless(s, 'history 2', registry).stdout).toBe('    3  history\n    4  history 2\n');
  });

  it('keeps a command continued with `\\` as one line, as bash 5.2 does', () => {
    // `printf 'echo a \\\nb\nhistory\n' | bash --norc -i` lists `1  echo a b`.
    const s = createSession();
    runHeadless(s, 'echo a \\\nb', registry);
    expect(runHeadless(s, 'history', registry).stdout).toBe('    1  echo a b\n    2  history\n');
  });

  it('clears the screen with the terminal’s escape sequence, and lists the programs in help', () => {
    const [a, b] = run(['clear', 'help']);
    expect(a?.stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(b?.stdout).toMatch(/^ {2}kubectl +run commands against/m);
    expect(b?.stdout).toMatch(/^ {2}sleep +/m);
  });
});

describe('text filters', () => {
  it('grep matches basic and extended expressions, inverts, counts and numbers', () => {
    const s = createSession();
    const input = 'echo -e "alpha\\nbeta\\ngamma\\nBETA"';
    expect(runHeadless(s, `${input} | grep beta`, registry).stdout).toBe('beta\n');
    expect(runHeadless(s, `${input} | grep -i beta`, registry).stdout).toBe('beta\nBETA\n');
    expect(runHeadless(s, `${input} | grep -v a`, registry).stdout).toBe('BETA\n');
    expect(runHeadless(s, `${input} | grep -n 'a$'`, registry).stdout).toBe(
      '1:alpha\n2:beta\n3:gamma\n',
    );
    expect(runHeadless(s, `${input} | grep -E 'al|ga'`, registry).stdout).toBe('alpha\ngamma\n');
    expect(runHeadless(s, `${input} | grep 'al|ga'`, registry)).toMatchObject({
      stdout: '',
      exitCode: 1,
    });
    expect(runHeadless(s, `${input} | grep 'al\\|ga'`, registry).stdout).toBe('alpha\ngamma\n');
    expect(runHeadless(s, `${input} | grep -c zzz`, registry)).toMatchObject({
      stdout: '0\n',
      exitCode: 1,
    });
  });

  it('head, tail and wc count lines as coreutils do', () => {
    const s = createSession();
    const input = 'echo -e "1\\n2\\n3\\n4\\n5"';
    expect(runHeadless(s, `${input} | head -n 2`, registry).stdout).toBe('1\n2\n');
    expect(runHeadless(s, `${input} | head -3`, registry).stdout).toBe('1\n2\n3\n');
    expect(runHeadless(s, `${input} | tail -n 2`, registry).stdout).toBe('4\n5\n');
    expect(runHeadless(s, `${input} | tail -n +4`, registry).stdout).toBe('4\n5\n');
    expect(runHeadless(s, `${input} | wc -l`, registry).stdout).toBe('5\n');
    expect(runHeadless(s, `${input} | wc`, registry).stdout).toBe('      5       5      10\n');
    expect(runHeadless(s, `${input} | head -n x`, registry)).toMatchObject({
      exitCode: 1,
      stderr: 'head: invalid number of lines: ‘x’\n',
    });
  });
});

// Expected results, including the wording of syntax errors in backquotes, were taken from GNU
// bash 5.2.15 run interactively (`bash --norc -i`).
describe('command substitution', () => {
  it('runs the commands learners type with kubectl against the same cluster', () => {
    const s = createSession();
    runHeadless(s, 'kubectl create deployment my-app --image=nginx', registry);
    runHeadless(s, 'kubectl expose deployment my-app --type=LoadBalancer --port=80', registry);
    runHeadless(s, 'sleep 30', registry);
    const lb = "kubectl get svc my-app -o jsonpath='{.status.loadBalancer.ingress[0].ip}'";
    const ip = runHeadless(s, lb, registry).stdout;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(runHeadless(s, `curl -s http://$(${lb})/ | grep title`, registry)).toMatchObject({
      stdout: '<title>Welcome to nginx!</title>\n',
      exitCode: 0,
    });
    expect(
      runHeadless(s, 'echo "pods: $(kubectl get pods --no-headers | wc -l)"', registry),
    ).toMatchObject({
      stdout: 'pods: 1\n',
      stderr: '',
    });
    const clusterIP = "IP=$(kubectl get svc my-app -o jsonpath='{.spec.clusterIP}'); echo $IP";
    expect(runHeadless(s, clusterIP, registry).stdout).toMatch(/^10\.\d+\.\d+\.\d+\n$/);
    expect(s.env.IP).toMatch(/^10\./);
  });

  it('reads what kubectl just created', () => {
    const s = createSession();
    runHeadless(s, 'kubectl create deployment web --image=nginx', registry);
    const get = "echo $(kubectl get deploy web -o jsonpath='{.spec.replicas}')";
    expect(runHeadless(s, get, registry)).toMatchObject({ stdout: '1\n', exitCode: 0 });
  });

  it('waits on the simulated clock inside a substitution', () => {
    const s = createSession();
    const start = s.world.now;
    expect(runHeadless(s, 'echo $(sleep 5; echo done)', registry)).toMatchObject({
      stdout: 'done\n',
      exitCode: 0,
    });
    expect(s.world.now - start).toBe(5000);
    // A sleep has an end of its own: headless, it is not cut short at 10 minutes (DESIGN.md §4.1).
    const before = s.world.now;
    expect(runHeadless(s, 'echo "$(sleep 20m)"', registry)).toMatchObject({
      stdout: '\n',
      exitCode: 0,
      interrupted: false,
    });
    expect(s.world.now - before).toBe(20 * 60_000);
    // A wait that may never end is.
    const watch = s.world.now;
    expect(runHeadless(s, 'kubectl get pods -w', registry)).toMatchObject({
      exitCode: 130,
      interrupted: true,
    });
    expect(s.world.now - watch).toBe(10 * 60_000);
  });

  it('runs in a subshell: its variables stay inside, what it does to the cluster stays done', () => {
    const s = createSession();
    const r = runHeadless(
      s,
      'echo $(X=5; kubectl create deployment api --image=nginx) "[$X]"',
      registry,
    );
    expect(r.stdout).toBe('deployment.apps/api created []\n');
    expect(s.env.X).toBeUndefined();
    expect(runHeadless(s, 'kubectl get deploy api -o name', registry).stdout).toBe(
      'deployment.apps/api\n',
    );
    expect(runHeadless(s, 'X=$(echo a; X=5; echo $X); echo $X', registry).stdout).toBe('a 5\n');
    // The substitution does not go into the history either.
    expect(s.history).toHaveLength(3);
  });

  it('drops trailing newlines, splits unquoted results, and nests', () => {
    const [a, b, c] = run([
      `echo "[$(echo -e 'a\\n\\nb\\n\\n')]" [$(echo -e ' x \\n y ')]`,
      'echo $(echo $(echo in)side)`echo \\`echo too\\``',
      'X=$(echo "a  b"); echo "$X" $X',
    ]);
    expect(a?.stdout).toBe('[a\n\nb] [ x y ]\n');
    expect(b?.stdout).toBe('insidetoo\n');
    expect(c?.stdout).toBe('a  b a b\n');
  });

  it('sends its stderr to the terminal, even past the command’s redirections', () => {
    const [a] = run(['X=$(nosuch) 2>/dev/null; echo $? "[$X]"']);
    expect(a).toMatchObject({ stdout: '127 []\n', stderr: 'bash: nosuch: command not found\n' });
  });

  it('sets $? as bash does', () => {
    const [a, b, c, d, e, f] = run([
      'X=$(false); echo $?',
      '$(false); echo $?',
      'echo $(false); echo $?',
      'X=$(false) true; echo $?',
      'false; echo $(echo $?) $(true) $(echo $?); false; X=$(); echo $?',
      'X=$(false) Y=$(true); echo $?; ! X=$(false); echo $?',
    ]);
    expect(a?.stdout).toBe('1\n');
    expect(b?.stdout).toBe('1\n');
    expect(c?.stdout).toBe('\n0\n');
    expect(d?.stdout).toBe('0\n');
    expect(e?.stdout).toBe('1 0\n0\n');
    expect(f?.stdout).toBe('0\n0\n');
  });

  it('expands substitutions in here-documents, pipelines and redirection targets', () => {
    const [a, b, c] = run([
      'grep . <<E\n$(echo hi) `echo there`\nE',
      'echo $(echo a b) | grep -c b',
      'echo hidden > $(echo /dev/null)',
    ]);
    expect(a?.stdout).toBe('hi there\n');
    expect(b?.stdout).toBe('1\n');
    expect(c).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('rejects the whole line for a syntax error in $(...)', () => {
    const [a, b] = run(['echo a $(;)', 'echo $(echo a |)']);
    expect(a).toMatchObject({
      stdout: '',
      stderr: "bash: syntax error near unexpected token `;'\n",
      exitCode: 2,
    });
    expect(b?.stderr).toBe("bash: syntax error near unexpected token `)'\n");
    expect(run(['echo $('])[0]?.stderr).toBe(
      "bash: unexpected EOF while looking for matching `)'\n",
    );
  });

  it('reports a syntax error in backquotes when they run, and runs the command around them', () => {
    const [a, b] = run(['echo a `;` b; echo $?', 'X=`echo a |`; echo $?']);
    expect(a).toMatchObject({
      stdout: 'a b\n0\n',
      stderr:
        "bash: command substitution: line 1: syntax error near unexpected token `;'\n" +
        "bash: command substitution: line 1: `;'\n",
    });
    expect(b).toMatchObject({
      stdout: '2\n',
      stderr: 'bash: command substitution: line 2: syntax error: unexpected end of file\n',
    });
  });

  it('runs arithmetic expansion, inside substitutions too (more in arith.test.ts)', () => {
    expect(run(['echo $((1+2)) $(echo $((2*3)))'])[0]).toMatchObject({
      stdout: '3 6\n',
      exitCode: 0,
    });
  });
});

describe('file redirections', () => {
  // Messages as bash 5.2 prints them (checked in a scratch directory: `echo > nodir/f`,
  // `echo > /tmp`, `wc < nope`).
  const file = (s: ReturnType<typeof createSession>, path: string) => {
    const r = readFile(s.world.files, path);
    return r.ok ? r.value : undefined;
  };

  it('writes, appends and reads files in the current directory', () => {
    const s = createSession();
    expect(runHeadless(s, 'echo hello > greeting.txt', registry)).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    runHeadless(s, 'echo again >> greeting.txt', registry);
    expect(file(s, '/home/learner/greeting.txt')).toBe('hello\nagain\n');
    expect(runHeadless(s, 'wc -l < greeting.txt', registry).stdout).toBe('2\n');
    runHeadless(s, 'echo new > /home/learner/greeting.txt', registry);
    expect(file(s, '/home/learner/greeting.txt')).toBe('new\n');
  });

  it('saves what kubectl prints as a manifest', () => {
    const s = createSession();
    runHeadless(
      s,
      'kubectl create deployment my-app --image=nginx:1.27.0 --dry-run=client -o yaml > /tmp/d.yaml',
      registry,
    );
    expect(file(s, '/tmp/d.yaml')).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(runHeadless(s, 'grep image: < /tmp/d.yaml', registry).stdout).toBe(
      '      - image: nginx:1.27.0\n',
    );
  });

  it('sends stderr where it is told, in order', () => {
    const s = createSession();
    runHeadless(s, 'kubectl get nope > out.txt 2>&1', registry);
    expect(file(s, '/home/learner/out.txt')).toMatch(/^error: the server doesn't have a resource/);
    const r = runHeadless(s, 'kubectl get nope 2>&1 > only-stdout.txt', registry);
    expect(r.stdout).toMatch(/^error: the server doesn't have a resource/);
    expect(file(s, '/home/learner/only-stdout.txt')).toBe('');
    runHeadless(s, 'kubectl get nope 2> err.txt', registry);
    expect(file(s, '/home/learner/err.txt')).toMatch(/^error: /);
    runHeadless(s, 'kubectl get nope &> both.txt', registry);
    expect(file(s, '/home/learner/both.txt')).toMatch(/^error: /);
  });

  it('fails the command, changing nothing, when the file cannot be opened', () => {
    const s = createSession();
    expect(runHeadless(s, 'echo hi > nodir/f', registry)).toMatchObject({
      stderr: 'bash: nodir/f: No such file or directory\n',
      exitCode: 1,
    });
    expect(runHeadless(s, 'echo hi > /tmp', registry)).toMatchObject({
      stderr: 'bash: /tmp: Is a directory\n',
      exitCode: 1,
    });
    expect(runHeadless(s, 'wc -l < nope', registry)).toMatchObject({
      stdout: '',
      stderr: 'bash: nope: No such file or directory\n',
      exitCode: 1,
    });
  });
});
