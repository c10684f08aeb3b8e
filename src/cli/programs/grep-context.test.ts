// grep's context lines (-A, -B, -C, -NUM, their long forms and the group separator), checked byte
// for byte against GNU grep 3.8 on the same files; source: grep src/grep.c (prtext, prline,
// context_length_arg).
import { describe, expect, it } from 'vitest';
import { createSession, runHeadless } from '../shell/shell';
import type { Session } from '../program';
import { registry } from '.';
import { withFiles } from '../program';

function fresh(): Session {
  const s = createSession({ seed: 1 });
  s.env.PWD ??= '/home/learner';
  withFiles(s, (tx) => {
    tx.writeFile('/home/learner/f1', '1\na\n3\n4\n5\n6\na\n8\na\n10\n11\n12\n13\na\n');
    tx.writeFile('/home/learner/f2', 'x\na\ny\n');
  });
  return s;
}

describe('grep context lines', () => {
  const cases: [string, string, string, number][] = [
    ['grep -A1 a f1', 'a\n3\n--\na\n8\na\n10\n--\na\n', '', 0],
    ['grep -B2 -n a f1', '1-1\n2:a\n--\n5-5\n6-6\n7:a\n8-8\n9:a\n--\n12-12\n13-13\n14:a\n', '', 0],
    [
      'grep -C1 a f1 f2',
      'f1-1\nf1:a\nf1-3\n--\nf1-6\nf1:a\nf1-8\nf1:a\nf1-10\n--\nf1-13\nf1:a\n--\nf2-x\nf2:a\nf2-y\n',
      '',
      0,
    ],
    ['grep -2 a f1', '1\na\n3\n4\n5\n6\na\n8\na\n10\n11\n12\n13\na\n', '', 0],
    ['grep -nA1 a f2', '2:a\n3-y\n', '', 0],
    ['grep -A x a f1', '', 'grep: x: invalid context length argument\n', 2],
    ['grep -A -1 a f1', '', 'grep: -1: invalid context length argument\n', 2],
    ['grep -o -C1 a f1 f2', 'f1:a\n--\nf1:a\nf1:a\n--\nf1:a\n--\nf2:a\n', '', 0],
    ['grep -vA1 a f2', 'x\na\ny\n', '', 0],
    ['grep -cA1 a f1', '4\n', '', 0],
    ['grep -A1 -B0 --no-group-separator a f1', 'a\n3\na\n8\na\n10\na\n', '', 0],
    ['grep -A1 --group-separator=XX a f1', 'a\n3\nXX\na\n8\na\n10\nXX\na\n', '', 0],
    ['grep --context=1 a f2', 'x\na\ny\n', '', 0],
    ['grep --after-context 1 a f2', 'a\ny\n', '', 0],
    [
      'grep -A',
      '',
      "grep: option requires an argument -- 'A'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    ],
    ['grep -Ab a f2', '', 'grep: b: invalid context length argument\n', 2],
    ['grep -A 1x a f2', '', 'grep: 1x: invalid context length argument\n', 2],
    ['grep -1A2 a f2', 'x\na\ny\n', '', 0],
    ['grep -C 1 -A 0 a f1', '1\na\n--\n6\na\n8\na\n--\n13\na\n', '', 0],
    ['grep -A0 a f1', 'a\n--\na\n--\na\n--\na\n', '', 0],
    ['grep -c -A1 a f1 f2', 'f1:4\nf2:1\n', '', 0],
    [
      'grep -A1 a f1 f2 -n -h',
      '2:a\n3-3\n--\n7:a\n8-8\n9:a\n10-10\n--\n14:a\n--\n2:a\n3-y\n',
      '',
      0,
    ],
    ['grep -A1e a f2', '', 'grep: 1e: invalid context length argument\n', 2],
    ['grep -A 1 -e a f2 f1 -l', 'f2\nf1\n', '', 0],
    ['grep -B1 -A2 -n 1 f1', '1:1\n2-a\n3-3\n--\n9-a\n10:10\n11:11\n12:12\n13:13\n14-a\n', '', 0],
    ['grep -C2 -v a f1', '1\na\n3\n4\n5\n6\na\n8\na\n10\n11\n12\n13\na\n', '', 0],
    ["printf 'a\\nb\\n' | grep -A1 a", 'a\nb\n', '', 0],
    ["printf 'a\\nb\\nc\\nd\\na\\n' | grep -B1 -n a", '1:a\n--\n4-d\n5:a\n', '', 0],
    ['grep -A1 -x a f1', 'a\n3\n--\na\n8\na\n10\n--\na\n', '', 0],
    ['grep --before-context=1 -H a f2', 'f2-x\nf2:a\n', '', 0],
    [
      'grep -A1 -B1 a f1 nosuch',
      'f1-1\nf1:a\nf1-3\n--\nf1-6\nf1:a\nf1-8\nf1:a\nf1-10\n--\nf1-13\nf1:a\n',
      'grep: nosuch: No such file or directory\n',
      2,
    ],
    ['grep -iC1 A f2', 'x\na\ny\n', '', 0],
  ];
  it.each(cases)('%s', (line, stdout, stderr, exitCode) => {
    expect(runHeadless(fresh(), line, registry)).toMatchObject({ stdout, stderr, exitCode });
  });
});
