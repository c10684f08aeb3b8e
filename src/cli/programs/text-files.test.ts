// Outputs, messages and exit codes checked against GNU grep 3.8 and GNU coreutils 9.1 (head,
// tail, wc) in a scratch directory; sources: grep src/grep.c, coreutils src/head.c, src/tail.c,
// src/wc.c (compute_number_width).
import { describe, expect, it } from 'vitest';
import { createSession, runHeadless } from '../shell/shell';
import type { Session } from '../program';
import { registry } from '.';
import { withFiles } from '../program';

const run = (s: Session, line: string) => runHeadless(s, line, registry);

function fresh(): Session {
  const s = createSession();
  s.env.PWD ??= '/home/learner';
  withFiles(s, (tx) => {
    const home = '/home/learner';
    tx.writeFile(`${home}/a`, 'alpha\nbeta\ngamma\n');
    tx.writeFile(`${home}/b`, 'beta\ndelta\n');
    tx.mkdir(`${home}/d/e`, { parents: true });
    tx.writeFile(`${home}/d/f`, 'beta x\n');
    tx.writeFile(`${home}/d/e/g`, 'beta y\n');
    tx.writeFile(`${home}/n`, 'no newline');
  });
  return s;
}

describe('grep with files', () => {
  it('prefixes names when there are several files', () => {
    const s = fresh();
    expect(run(s, 'grep beta a')).toMatchObject({ stdout: 'beta\n', exitCode: 0 });
    expect(run(s, 'grep beta a b').stdout).toBe('a:beta\nb:beta\n');
    expect(run(s, 'grep -n beta a b').stdout).toBe('a:2:beta\nb:1:beta\n');
    expect(run(s, 'grep -c beta a b').stdout).toBe('a:1\nb:1\n');
    expect(run(s, 'grep -c beta a').stdout).toBe('1\n');
    expect(run(s, 'grep -l beta a b n').stdout).toBe('a\nb\n');
    expect(run(s, 'grep -L beta a b n')).toMatchObject({ stdout: 'n\n', exitCode: 0 });
    expect(run(s, 'grep -L zzz a')).toMatchObject({ stdout: 'a\n', exitCode: 1 });
    expect(run(s, 'grep -h beta a b').stdout).toBe('beta\nbeta\n');
    expect(run(s, 'grep -H beta a').stdout).toBe('a:beta\n');
    expect(run(s, 'grep -o e a b').stdout).toBe('a:e\nb:e\nb:e\n');
    expect(run(s, 'grep n n').stdout).toBe('no newline\n');
    expect(run(s, 'grep -e beta a -e gamma').stdout).toBe('beta\ngamma\n');
    expect(run(s, 'echo beta | grep beta - a').stdout).toBe('(standard input):beta\na:beta\n');
  });

  it('reports missing files and directories, exit 2 even after a match', () => {
    const s = fresh();
    expect(run(s, 'grep beta a nope')).toMatchObject({
      stdout: 'a:beta\n',
      stderr: 'grep: nope: No such file or directory\n',
      exitCode: 2,
    });
    expect(run(s, 'grep beta a d')).toMatchObject({
      stdout: 'a:beta\n',
      stderr: 'grep: d: Is a directory\n',
      exitCode: 2,
    });
    expect(run(s, 'grep -c beta a d')).toMatchObject({ stdout: 'a:1\nd:0\n', exitCode: 2 });
    expect(run(s, 'grep -s beta a nope')).toMatchObject({ stderr: '', exitCode: 2 });
    // -q stops at the first match: a later missing file is never opened.
    expect(run(s, 'grep -q beta a nope')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run(s, 'grep -q beta nope a')).toMatchObject({
      stderr: 'grep: nope: No such file or directory\n',
      exitCode: 0,
    });
    expect(run(s, 'grep -q zzz a nope').exitCode).toBe(2);
  });

  // GNU walks in directory (readdir) order, which depends on the file system; ours is by name.
  it('descends into directories with -r', () => {
    const s = fresh();
    expect(run(s, 'grep -r beta d').stdout).toBe('d/e/g:beta y\nd/f:beta x\n');
    expect(run(s, 'grep -r beta d/').stdout).toBe('d/e/g:beta y\nd/f:beta x\n');
    expect(run(s, 'grep -rh beta d').stdout).toBe('beta y\nbeta x\n');
    expect(run(s, 'grep -rl beta d').stdout).toBe('d/e/g\nd/f\n');
    expect(run(s, 'grep -r beta a').stdout).toBe('beta\n');
    expect(run(s, 'cd d && grep -r beta').stdout).toBe('e/g:beta y\nf:beta x\n');
  });
});

describe('head and tail with files', () => {
  it('puts headers between several files', () => {
    const s = fresh();
    expect(run(s, 'head -n 1 a b').stdout).toBe('==> a <==\nalpha\n\n==> b <==\nbeta\n');
    expect(run(s, 'tail -n 1 a b').stdout).toBe('==> a <==\ngamma\n\n==> b <==\ndelta\n');
    expect(run(s, 'tail -n +2 a b').stdout).toBe('==> a <==\nbeta\ngamma\n\n==> b <==\ndelta\n');
    expect(run(s, 'head -q -n1 a b').stdout).toBe('alpha\nbeta\n');
    expect(run(s, 'head -v -n1 a').stdout).toBe('==> a <==\nalpha\n');
    expect(run(s, 'head -n 0 a b').stdout).toBe('==> a <==\n\n==> b <==\n');
    expect(run(s, 'head n a').stdout).toBe(
      '==> n <==\nno newline\n==> a <==\nalpha\nbeta\ngamma\n',
    );
    expect(run(s, 'echo x | tail -n1 - a').stdout).toBe(
      '==> standard input <==\nx\n\n==> a <==\ngamma\n',
    );
    expect(run(s, 'head -n 2 a').stdout).toBe('alpha\nbeta\n');
  });

  it('reports a file it cannot read and goes on', () => {
    const s = fresh();
    expect(run(s, 'head -n 1 nope a')).toMatchObject({
      stdout: '==> a <==\nalpha\n',
      stderr: "head: cannot open 'nope' for reading: No such file or directory\n",
      exitCode: 1,
    });
    expect(run(s, 'tail -n 1 a nope b')).toMatchObject({
      stdout: '==> a <==\ngamma\n\n==> b <==\ndelta\n',
      stderr: "tail: cannot open 'nope' for reading: No such file or directory\n",
      exitCode: 1,
    });
    expect(run(s, 'head -n 1 a d')).toMatchObject({
      stdout: '==> a <==\nalpha\n\n==> d <==\n',
      stderr: "head: error reading 'd': Is a directory\n",
      exitCode: 1,
    });
  });
});

describe('wc with files', () => {
  it('aligns columns to the total size and adds a total line', () => {
    const s = fresh();
    expect(run(s, 'wc a').stdout).toBe(' 3  3 17 a\n');
    expect(run(s, 'wc a b').stdout).toBe(' 3  3 17 a\n 2  2 11 b\n 5  5 28 total\n');
    expect(run(s, 'wc -l a').stdout).toBe('3 a\n');
    expect(run(s, 'wc -l a b').stdout).toBe(' 3 a\n 2 b\n 5 total\n');
    expect(run(s, 'wc -w a n').stdout).toBe(' 3 a\n 2 n\n 5 total\n');
    expect(run(s, 'echo x y | wc - a').stdout).toBe(
      '      1       2       4 -\n      3       3      17 a\n      4       5      21 total\n',
    );
  });

  it('reports what it cannot count', () => {
    const s = fresh();
    expect(run(s, 'wc a nope')).toMatchObject({
      stdout: ' 3  3 17 a\n 3  3 17 total\n',
      stderr: 'wc: nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(run(s, 'wc -l d a')).toMatchObject({
      stdout: '      0 d\n      3 a\n      3 total\n',
      stderr: 'wc: d: Is a directory\n',
      exitCode: 1,
    });
    expect(run(s, "wc 'no pe'").stderr).toBe("wc: 'no pe': No such file or directory\n");
  });
});
