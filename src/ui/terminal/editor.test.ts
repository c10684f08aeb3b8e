// The terminal's readline, checked on a small terminal emulator (cursor moves, pending wrap at
// the margin, erase below) driving a real session. Behaviour follows GNU readline as bash 5.2 uses
// it (lib/readline: emacs_keymap.c for the keys, kill.c for the kill ring, display.c for the wrap
// at the margin).
import { describe, expect, it } from 'vitest';
import { step } from './editor';
import { parseKeys } from './keys';
import { initialState, type EditorContext, type EditorState } from './state';
import { DOWN, END, HOME, LEFT, RIGHT, UP, ctrl, harness } from './testing';

describe('editing a line', () => {
  it('runs what is typed and shows a fresh prompt', () => {
    const h = harness();
    h.type('echo hi', '\r');
    expect(h.screen.text()).toBe('$ echo hi\nhi\n$');
    expect(h.screen.cursor).toEqual([2, 2]);
    expect(h.live.history).toEqual(['echo hi']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('moves with arrows, Home/End and Ctrl-A/E, and inserts and deletes anywhere', () => {
    const h = harness();
    h.type('echo world', HOME, RIGHT.repeat(5), 'hello ', END, '!', ctrl('a'), '\x1b[3~', 'E');
    expect(h.screen.text()).toBe('$ Echo hello world!');
    expect(h.screen.cursor).toEqual([0, 3]);
    h.type(ctrl('e'), LEFT, '\x7f', '\r');
    expect(h.live.history).toEqual(['Echo hello worl!']);
  });

  it('kills with Ctrl-U, Ctrl-K and Ctrl-W and yanks with Ctrl-Y', () => {
    const h = harness();
    h.type('echo one two three', ctrl('w'), ctrl('w'));
    expect(h.screen.text()).toBe('$ echo one');
    h.type(ctrl('y'), HOME, RIGHT.repeat(4), ctrl('k'));
    expect(h.screen.text()).toBe('$ echo');
    h.type(ctrl('y'), ' x', ctrl('u'), 'echo ', ctrl('y'), '\r');
    // Two Ctrl-W in a row made one kill; Ctrl-U took the whole line, which Ctrl-Y then gave back.
    expect(h.live.history).toEqual(['echo echo one two three x']);
  });

  it('moves and kills by words with Alt-B, Alt-F, Alt-D and Alt-Backspace', () => {
    const s0 = { ...initialState(), buffer: 'kubectl get pods', cursor: 16 };
    const ctx: EditorContext = { history: [], columns: 80 };
    const run = (s: EditorState, data: string) =>
      parseKeys(data).reduce((acc, k) => step(acc, k, ctx).state, s);
    expect(run(s0, '\x1bb').cursor).toBe(12);
    expect(run(s0, '\x1bb\x1bb\x1bf').cursor).toBe(11);
    expect(run(s0, '\x1b\x7f').buffer).toBe('kubectl get ');
    expect(run({ ...s0, cursor: 0 }, '\x1bd').buffer).toBe(' get pods');
  });
});

describe('history', () => {
  it('walks back with Up and forward with Down, the new line coming back last', () => {
    const h = harness();
    h.type('echo one\r', 'echo two\r', 'draft', UP);
    expect(h.screen.text().split('\n').at(-1)).toBe('$ echo two');
    h.type(UP, UP);
    expect(h.screen.text().split('\n').at(-1)).toBe('$ echo one');
    expect(h.screen.bells).toBe(1);
    h.type(DOWN, DOWN);
    expect(h.screen.text().split('\n').at(-1)).toBe('$ draft');
    h.type(UP, '\r');
    expect(h.live.history.at(-1)).toBe('echo two');
  });
});

describe('continuation lines', () => {
  it('asks for more with > after a trailing backslash and runs the joined lines', () => {
    const h = harness();
    h.type('echo a \\', '\r');
    expect(h.screen.text()).toBe('$ echo a \\\n>');
    h.type('b', '\r');
    expect(h.screen.text()).toBe('$ echo a \\\n> b\na b\n$');
    expect(h.live.history).toEqual(['echo a \\\nb']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('waits for the closing quote', () => {
    const h = harness();
    h.type("echo 'x", '\r', "y'", '\r');
    expect(h.screen.text()).toBe("$ echo 'x\n> y'\nx\ny\n$");
  });

  it('shows a new prompt for an empty line, and keeps it in the transcript', () => {
    const h = harness();
    h.type('\r', '   \r');
    expect(h.screen.text()).toBe('$\n$\n$');
    expect(h.live.history).toEqual([]);
    expect(h.reloaded()).toBe(h.screen.text());
  });
});

describe('Ctrl-C, Ctrl-L', () => {
  it('abandons the line at the prompt with ^C, and $? becomes 130', () => {
    const h = harness();
    h.type('echo a \\\r', 'b', ctrl('c'));
    expect(h.screen.text()).toBe('$ echo a \\\n> b^C\n$');
    h.type('echo $?\r');
    expect(h.screen.text().split('\n').slice(-2)).toEqual(['130', '$']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('writes ^C over the line where the cursor is, as bash does', () => {
    // bash 5.2 in 10 columns: `echo 123456789`, Ctrl-A, Ctrl-C.
    const h = harness(10);
    h.type('echo 123456789', ctrl('a'), ctrl('c'));
    expect(h.screen.text()).toBe('$ ^Cho 123\n456789\n$');
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('clears the screen with Ctrl-L and keeps the line being typed', () => {
    const h = harness();
    h.type('echo one\r', 'echo tw', ctrl('l'), 'o');
    expect(h.screen.text()).toBe('$ echo two');
    h.type('\r');
    expect(h.reloaded()).toBe(h.screen.text());
  });
});

describe('long lines', () => {
  it('wraps at the margin and moves the cursor across rows', () => {
    const h = harness(20);
    const line = `echo ${'x'.repeat(30)}`;
    h.type(line);
    expect(h.screen.text()).toBe(`$ echo ${'x'.repeat(13)}\n${'x'.repeat(17)}`);
    expect(h.screen.cursor).toEqual([1, 17]);
    h.type(HOME);
    expect(h.screen.cursor).toEqual([0, 2]);
    h.type('  ');
    expect(h.screen.text()).toBe(`$   echo ${'x'.repeat(11)}\n${'x'.repeat(19)}`);
    expect(h.screen.cursor).toEqual([0, 4]);
    h.type(END, '\x7f'.repeat(20));
    expect(h.screen.text()).toBe(`$   echo ${'x'.repeat(10)}`);
    h.type('\r');
    expect(h.screen.text()).toBe(`$   echo ${'x'.repeat(10)}\n${'x'.repeat(10)}\n$`);
  });

  it('puts the cursor on the next row when the line ends at the margin', () => {
    const h = harness(10);
    h.type('echo 1234');
    expect(h.screen.text()).toBe('$ echo 123\n4');
    h.type('\x7f');
    expect(h.screen.text()).toBe('$ echo 123');
    expect(h.screen.cursor).toEqual([1, 0]);
    h.type(LEFT);
    expect(h.screen.cursor).toEqual([0, 9]);
    h.type(END, '\r');
    // No blank row between the command and its output.
    expect(h.screen.text()).toBe('$ echo 123\n123\n$');
  });

  it('knows where the prompt starts after output without a newline', () => {
    const h = harness(20);
    h.type('echo -n hi\r', 'echo abcdefghijklmnop', HOME);
    expect(h.screen.text()).toBe('$ echo -n hi\nhi$ echo abcdefghijk\nlmnop');
    expect(h.screen.cursor).toEqual([1, 4]);
    h.type('x', '\r');
    expect(h.live.history.at(-1)).toBe('xecho abcdefghijklmnop');
  });
});
