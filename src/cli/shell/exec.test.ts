import { describe, expect, it } from 'vitest';
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
