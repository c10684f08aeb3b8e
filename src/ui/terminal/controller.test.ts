// What the tty adds around readline: input typed ahead while a command runs, echoed as canonical
// mode echoes it (ECHOCTL, ECHOE), flushed by Ctrl-C; commands started and lines put on the
// prompt from outside the terminal.
import { describe, expect, it } from 'vitest';
import { suggest } from './editor';
import { initialState, type EditorContext, type EditorState } from './state';
import { HOME, LEFT, Screen, ctrl, harness } from './testing';

describe('typing ahead and pasting', () => {
  it('interrupts a running command and drops what was typed ahead', () => {
    const h = harness();
    h.type('sleep 30\r', 'echo late', ctrl('c'));
    expect(h.live.busy).toBe(false);
    expect(h.screen.text()).toBe('$ sleep 30\necho late^C\n$');
    h.type('echo $?\r');
    expect(h.screen.text().split('\n').slice(-2)).toEqual(['130', '$']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('echoes what is typed while a command runs and runs it afterwards', () => {
    const h = harness();
    h.type('sleep 5\r', 'echo xy', '\x7f', 'z\r');
    expect(h.screen.text()).toBe('$ sleep 5\necho xz');
    h.live.tick(5000);
    expect(h.screen.text()).toBe('$ sleep 5\necho xz\n$ echo xz\nxz\n$');
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('runs pasted lines in order, the later ones waiting for the earlier', () => {
    const h = harness();
    h.type('echo a\recho b\rsleep 2\recho c\r');
    expect(h.screen.text()).toBe('$ echo a\na\n$ echo b\nb\n$ sleep 2');
    h.live.tick(2000);
    expect(h.screen.text()).toBe('$ echo a\na\n$ echo b\nb\n$ sleep 2\n$ echo c\nc\n$');
    expect(h.live.history).toEqual(['echo a', 'echo b', 'sleep 2', 'echo c']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('runs a pasted multi-line command as one', () => {
    const h = harness();
    h.type('echo a \\\n  b\n');
    expect(h.live.history).toEqual(['echo a \\\n  b']);
    expect(h.screen.text()).toBe('$ echo a \\\n>   b\na b\n$');
  });

  it('shows a command started from elsewhere, then gives back the line being typed', () => {
    const h = harness();
    h.type('kubectl ge');
    h.live.submit('echo from the lesson');
    expect(h.screen.text()).toBe('$ echo from the lesson\nfrom the lesson\n$ kubectl ge');
    expect(h.reloaded('$ kubectl ge')).toBe(h.screen.text());
  });
});

describe('a command put on the prompt', () => {
  const last = (h: ReturnType<typeof harness>) => h.screen.text().split('\n').at(-1);

  it('replaces the line being edited, cursor at its end, and does not run it', () => {
    const h = harness();
    h.type('kubectl ge', LEFT, LEFT);
    h.ctl.suggest('kubectl get pods');
    expect(h.screen.text()).toBe('$ kubectl get pods');
    expect(h.screen.cursor).toEqual([0, '$ kubectl get pods'.length]);
    expect(h.live.history).toEqual([]);
    h.type(' -A', '\r');
    expect(h.live.history).toEqual(['kubectl get pods -A']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('redraws over a wrapped line, and wraps a long one', () => {
    const h = harness(20);
    h.type(`echo ${'x'.repeat(30)}`, HOME);
    h.ctl.suggest('echo short');
    expect(h.screen.text()).toBe('$ echo short');
    expect(h.screen.cursor).toEqual([0, '$ echo short'.length]);
    h.ctl.suggest(`echo ${'y'.repeat(30)}`);
    expect(h.screen.text()).toBe(`$ echo ${'y'.repeat(13)}\n${'y'.repeat(17)}`);
    expect(h.screen.cursor).toEqual([1, 17]);
    h.ctl.suggest('echo 12345678901234');
    expect(h.screen.text()).toBe('$ echo 1234567890123\n4');
    // Ending at the margin, the cursor really is on the next row.
    h.ctl.suggest('echo 1234567890123');
    expect(h.screen.text()).toBe('$ echo 1234567890123');
    expect(h.screen.cursor).toEqual([1, 0]);
    h.type('\r');
    expect(h.screen.text()).toBe('$ echo 1234567890123\n1234567890123\n$');
  });

  it('waits for a running command, unechoed, and then appears at the prompt', () => {
    const h = harness();
    h.type('sleep 5\r');
    h.ctl.suggest('echo later');
    expect(h.screen.text()).toBe('$ sleep 5');
    h.live.tick(5000);
    expect(h.screen.text()).toBe('$ sleep 5\n$ echo later');
    expect(h.screen.cursor).toEqual([1, '$ echo later'.length]);
    expect(h.live.history).toEqual(['sleep 5']);
    expect(h.reloaded('$ echo later')).toBe(h.screen.text());
  });

  it('takes its place among keys typed ahead, and is kept when Ctrl-C flushes them', () => {
    const h = harness();
    h.type('sleep 5\r', 'ls');
    h.ctl.suggest('echo x');
    h.type('y');
    h.live.tick(5000);
    expect(last(h)).toBe('lsy$ echo xy');
    h.type(ctrl('u'), 'sleep 30\r', 'typed');
    h.ctl.suggest('echo kept');
    h.type(ctrl('c'));
    expect(h.screen.text().split('\n').slice(-2)).toEqual(['typed^C', '$ echo kept']);
    expect(h.live.history).toEqual(['sleep 5', 'sleep 30']);
  });

  it('leaves a reverse-i-search for the suggested line', () => {
    const h = harness();
    h.type('echo hello\r', ctrl('r'), 'hel');
    h.ctl.suggest('kubectl get pods');
    expect(last(h)).toBe('$ kubectl get pods');
    h.type('\r');
    expect(h.live.history).toEqual(['echo hello', 'kubectl get pods']);
  });

  it('abandons the lines of an unfinished command for a fresh prompt', () => {
    const h = harness();
    h.type('echo a \\\r', 'b');
    h.ctl.suggest('echo c');
    expect(h.screen.text()).toBe('$ echo a \\\n> b\n$ echo c');
    h.type('\r');
    expect(h.live.history).toEqual(['echo c']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('shows a command of several lines on one, as bash recalls it', () => {
    const h = harness();
    h.ctl.suggest('echo a \\\n  b\n');
    expect(h.screen.text()).toBe('$ echo a   b');
    h.type('\r');
    expect(h.screen.text()).toBe('$ echo a   b\na b\n$');
  });

  it('answers a pending "Display all N possibilities?" with a fresh prompt', () => {
    const ctx: EditorContext = { history: [], columns: 80 };
    const s: EditorState = { ...initialState(), buffer: 'p', cursor: 1, query: ['a', 'b'] };
    const r = suggest(s, 'echo x', ctx);
    const screen = new Screen(80);
    screen.write('$ p\r\nDisplay all 120 possibilities? (y or n)');
    for (const e of r.effects) if (e.type === 'write') screen.write(e.text);
    expect(screen.text()).toBe('$ p\nDisplay all 120 possibilities? (y or n)\n$ echo x');
    expect(r.state).toMatchObject({ buffer: 'echo x', cursor: 6, query: null });
    expect(r.effects).toContainEqual({ type: 'echo', text: '\n' });
  });
});
