// Tab completion as bash 5.2's readline does it (lib/readline/complete.c: rl_complete's second
// Tab, rl_display_match_list, completion-query-items).
import { describe, expect, it } from 'vitest';
import { step } from './editor';
import { parseKeys } from './keys';
import { initialState, type EditorContext, type EditorState } from './state';
import { Screen, harness } from './testing';

describe('Tab completion', () => {
  it('completes a single candidate with a space, and not after / or =', () => {
    const h = harness();
    h.type('kubectl sc', '\t');
    expect(h.screen.text()).toBe('$ kubectl scale');
    expect(h.screen.cursor).toEqual([0, '$ kubectl scale '.length]);
    h.type('--rep\t');
    expect(h.screen.text()).toBe('$ kubectl scale --replicas=');
  });

  it('completes to the common prefix, then lists the candidates when a Tab changed nothing', () => {
    const h = harness();
    h.type('kubectl rollout re', '\t');
    expect(h.screen.text()).toBe('$ kubectl rollout res');
    expect(h.screen.bells).toBe(1);
    // As bash 5.2 does (`ls r` Tab Tab Tab with files restart and resume): bell and `es`, bell,
    // then the list.
    h.type('\t');
    expect(h.screen.text()).toBe('$ kubectl rollout res');
    expect(h.screen.bells).toBe(2);
    h.type('\t');
    expect(h.screen.text()).toBe('$ kubectl rollout res\nrestart  resume\n$ kubectl rollout res');
    h.type('t\t\r');
    expect(h.live.history).toEqual(['kubectl rollout restart ']);
    expect(h.reloaded()).toBe(h.screen.text());
  });

  it('asks before listing a hundred candidates or more', () => {
    const names = Array.from({ length: 120 }, (_, i) => `pod-${String(i).padStart(3, '0')}`);
    const ctx: EditorContext = {
      history: [],
      columns: 80,
      complete: (line, cursor) => ({ start: line.lastIndexOf(' ', cursor) + 1, candidates: names }),
    };
    let s: EditorState = { ...initialState(), buffer: 'p', cursor: 1 };
    const writes: string[] = [];
    // As bash 5.2 answers `ls p` Tab Tab Tab y among 120 files pod-000 … pod-119.
    for (const data of ['\t', '\t', '\t', 'y']) {
      const r = step(s, parseKeys(data)[0] as never, ctx);
      s = r.state;
      for (const e of r.effects) if (e.type === 'write') writes.push(e.text);
    }
    const screen = new Screen(80);
    screen.write(`$ p${writes.join('')}`);
    const lines = screen.text().split('\n');
    expect(lines[0]).toBe('$ pod-');
    expect(lines[1]).toBe('Display all 120 possibilities? (y or n)');
    // Eight columns of 9 fit in 80: 15 rows.
    expect(lines[2]).toBe('pod-000  pod-015  pod-030  pod-045  pod-060  pod-075  pod-090  pod-105');
    expect(lines).toHaveLength(2 + 15 + 1);
    expect(lines.at(-1)).toBe('$ pod-');
  });
});
