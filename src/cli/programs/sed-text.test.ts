// sed's a, i and c commands in their classic and one-line GNU forms, checked byte for byte against
// GNU sed 4.9; source: sed/compile.c (read_text, convert_number) and sed/execute.c (output of the
// append queue at the end of a cycle).
import { describe, expect, it } from 'vitest';
import { createSession, runHeadless } from '../shell/shell';
import { registry } from '.';

describe('sed a, i and c', () => {
  const cases: [string, string, string, number][] = [
    ["printf 'one\\ntwo\\nthree\\n' | sed '/two/a\\text'", 'one\ntwo\ntext\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '/two/a text'", 'one\ntwo\ntext\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2i text'", 'one\ntext\ntwo\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2c\\  changed'", 'one\n  changed\nthree\n', '', 0],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed 'a\\  lead'",
      'one\n  lead\ntwo\n  lead\nthree\n  lead\n',
      '',
      0,
    ],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed '2a foo\\tbar\\\\baz\\qz'",
      'one\ntwo\nfoo\tbar\\bazqz\nthree\n',
      '',
      0,
    ],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2a one; p'", 'one\ntwo\none; p\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed -n '2a x'", 'x\n', '', 0],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed '2a'",
      '',
      "sed: -e expression #1, char 2: expected \\ after `a', `c' or `i'\n",
      1,
    ],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed '2a   '",
      '',
      "sed: -e expression #1, char 5: expected \\ after `a', `c' or `i'\n",
      1,
    ],
    ["printf 'one\\ntwo\\nthree\\n' | sed '$a\\'", 'one\ntwo\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2a\\'", 'one\ntwo\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '1d;a x'", 'two\nx\nthree\nx\n', '', 0],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed $'2a x\\np'",
      'one\none\ntwo\ntwo\nx\nthree\nthree\n',
      '',
      0,
    ],
    [
      "printf 'one\\ntwo\\nthree\\n' | sed $'2i\\\\\\nmulti\\\\\\nline'",
      'one\nmulti\nline\ntwo\nthree\n',
      '',
      0,
    ],
    ["printf 'one\\ntwo\\nthree\\n' | sed -e '2c\\' -e 'new'", 'one\nnew\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2a x}'", 'one\ntwo\nx}\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '1a\\ta'", 'one\nta\ntwo\nthree\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '/t/c X'", 'one\nX\nX\n', '', 0],
    ["printf 'one\\ntwo\\nthree\\n' | sed '2a\\\\x'", 'one\ntwo\nx\nthree\n', '', 0],
    ["printf 'x' | sed 'a y'", 'x\ny\n', '', 0],
    ["printf 'x' | sed 'i y'", 'y\nx', '', 0],
    ["printf 'x' | sed 'c y'", 'y\n', '', 0],
    ["printf 'x' | sed -n 'a y'", 'y\n', '', 0],
    ["printf 'x\\ny\\n' | sed -e 'a z' -e d", 'z\nz\n', '', 0],
    ["printf 'x\\n' | sed 'a a\\nb\\rc\\x41\\o101\\d65\\cA'", 'x\na\nb\rcAAA\u0001\n', '', 0],
    ["printf 'x\\n' | sed 'a \\   sp'", 'x\n   sp\n', '', 0],
    ["printf 'x\\n' | sed $'1a\\\\\\n  two\\\\\\nthree'", 'x\n  two\nthree\n', '', 0],
    ["printf 'x\\n' | sed $'1a one\\\\\\ntwo'", 'x\none\ntwo\n', '', 0],
    ["printf 'a\\nb\\n' | sed -e '1i\\' -e 'top' -e '$a bottom'", 'top\na\nb\nbottom\n', '', 0],
    ["printf 'a\\nb\\n' | sed -n -e '/b/i before' -e p", 'a\nbefore\nb\n', '', 0],
    ["printf 'a\\nb\\n' | sed 's/a/A/;1a after'", 'A\nafter\nb\n', '', 0],
    ["printf 'k: v\\n' > f; sed -i '1i # head' f; cat f", '# head\nk: v\n', '', 0],
  ];
  it.each(cases)('%s', (line, stdout, stderr, exitCode) => {
    const s = createSession({ seed: 1 });
    s.env.PWD ??= '/home/learner';
    expect(runHeadless(s, line, registry)).toMatchObject({ stdout, stderr, exitCode });
  });
});
