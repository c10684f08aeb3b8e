// The keys xterm sends (xterm.js src/common/input/Keyboard.ts: evaluateKeyboardEvent).
import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys';

describe('parseKeys', () => {
  it('reads text runs, Enter, Backspace, Tab and control keys', () => {
    expect(parseKeys('ab\r\x7f\t\x01').map((k) => [k.t, 'text' in k ? k.text : k.raw])).toEqual([
      ['text', 'ab'],
      ['key', '\r'],
      ['key', '\x7f'],
      ['key', '\t'],
      ['ctrl', '\x01'],
    ]);
    // A pasted CRLF is one Enter.
    expect(parseKeys('a\r\nb')).toHaveLength(3);
  });

  it('names the escape sequences xterm sends', () => {
    const names = (d: string) => parseKeys(d).map((k) => (k.t === 'key' ? k.name : k.t));
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA')).toEqual(['up', 'down', 'right', 'left', 'up']);
    expect(names('\x1b[H\x1b[F\x1b[1~\x1b[4~\x1bOH\x1bOF\x1b[3~')).toEqual([
      'home',
      'end',
      'home',
      'end',
      'home',
      'end',
      'delete',
    ]);
    expect(names('\x1bb\x1bf\x1bd\x1b\x7f\x1b[1;5C')).toEqual([
      'wordLeft',
      'wordRight',
      'killWordRight',
      'killWordLeft',
      'wordRight',
    ]);
    expect(names('\x1b')).toEqual(['escape']);
    expect(names('\x1b[200~x\x1b[201~')).toEqual(['ignored', 'text', 'ignored']);
  });
});
