// Reverse-i-search as bash 5.2 shows it (lib/readline/isearch.c: the `(reverse-i-search)` and
// `(failed reverse-i-search)` prompts, Esc and other keys accepting, Ctrl-G giving the line back).
import { describe, expect, it } from 'vitest';
import { RIGHT, ctrl, harness } from './testing';

describe('reverse-i-search', () => {
  function searching() {
    const h = harness();
    h.type('kubectl get pods\r', 'echo hello\r', 'kubectl get deploy\r');
    return h;
  }
  const last = (h: ReturnType<typeof harness>) => h.screen.text().split('\n').at(-1);

  it('shows bash’s prompt and finds older matches with each Ctrl-R', () => {
    const h = searching();
    h.type(ctrl('r'));
    expect(last(h)).toBe("(reverse-i-search)`':");
    expect(h.screen.cursor[1]).toBe("(reverse-i-search)`': ".length);
    h.type('get');
    expect(last(h)).toBe("(reverse-i-search)`get': kubectl get deploy");
    // The cursor is on the match.
    expect(h.screen.cursor[1]).toBe("(reverse-i-search)`get': kubectl ".length);
    h.type(ctrl('r'));
    expect(last(h)).toBe("(reverse-i-search)`get': kubectl get pods");
    h.type('\r');
    expect(h.live.history.at(-1)).toBe('kubectl get pods');
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('says when nothing matches', () => {
    const h = searching();
    h.type(ctrl('r'), 'nope');
    expect(last(h)).toBe("(failed reverse-i-search)`nope':");
    expect(h.screen.bells).toBeGreaterThan(0);
  });

  it('puts the match in the line on Esc or an arrow, and restores the line on Ctrl-G', () => {
    const h = searching();
    h.type('draft', ctrl('r'), 'hel', '\x1b');
    expect(last(h)).toBe('$ echo hello');
    expect(h.screen.cursor[1]).toBe('$ echo '.length);
    h.type(ctrl('a'), ctrl('k'), 'x', ctrl('r'), 'pods', RIGHT);
    expect(last(h)).toBe('$ kubectl get pods');
    expect(h.screen.cursor[1]).toBe('$ kubectl get p'.length);
    h.type(ctrl('r'), 'deploy', ctrl('g'));
    expect(last(h)).toBe('$ kubectl get pods');
    h.type(ctrl('r'), 'echo', ctrl('c'));
    expect(h.screen.text().split('\n').slice(-2)).toEqual([
      // bash 5.2 too writes ^C at the cursor, which a search keeps on the match.
      "(reverse-i-search)`echo': ^Cho hello",
      '$',
    ]);
  });
});
