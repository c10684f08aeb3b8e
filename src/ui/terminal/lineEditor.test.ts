// The terminal's readline, checked on a small terminal emulator (cursor moves, pending wrap at
// the margin, erase below) driving a real session. Behaviour follows GNU readline as bash 5.2 uses
// it (lib/readline: isearch.c for the `(reverse-i-search)` prompt, complete.c's
// rl_display_match_list for the columns, display.c for the wrap at the margin).
import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../store/live';
import {
  TerminalController,
  advanceColumn,
  formatColumns,
  historyLine,
  initialState,
  locate,
  parseKeys,
  step,
  type EditorContext,
  type EditorState,
} from './lineEditor';

/** Just enough of a VT100 to see what the user would see. Its screen grows without limit. */
class Screen {
  rows: string[][] = [[]];
  x = 0;
  y = 0;
  /** The cursor sits past the last column until the next character wraps it. */
  pending = false;
  bells = 0;
  constructor(readonly width: number) {}

  write(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (c === '\x1b') {
        const m = /^\[([0-9;?]*)([@-~])/.exec(s.slice(i + 1));
        if (!m) {
          i++;
          continue;
        }
        i += m[0].length;
        this.csi(m[2] as string, m[1] ?? '');
      } else if (c === '\r') this.move(this.y, 0);
      else if (c === '\n') this.move(this.y + 1, 0);
      else if (c === '\b') this.move(this.y, Math.max(0, this.x - 1));
      else if (c === '\x07') this.bells++;
      else if (c === '\t')
        this.move(this.y, Math.min(this.width - 1, (Math.floor(this.x / 8) + 1) * 8));
      else {
        if (this.pending) this.move(this.y + 1, 0);
        this.row(this.y)[this.x] = c;
        if (this.x === this.width - 1) this.pending = true;
        else this.x++;
      }
    }
  }

  private csi(f: string, params: string): void {
    const n = Number(params.split(';')[0]) || 1;
    if (f === 'A') this.move(Math.max(0, this.y - n), this.x);
    else if (f === 'B') this.move(this.y + n, this.x);
    else if (f === 'C') this.move(this.y, Math.min(this.width - 1, this.x + n));
    else if (f === 'D') this.move(this.y, Math.max(0, this.x - n));
    else if (f === 'H') this.move(0, 0);
    else if (f === 'J') {
      if (params === '2') this.rows = this.rows.map(() => []);
      else {
        this.row(this.y).length = Math.min(this.row(this.y).length, this.x);
        this.rows.length = this.y + 1;
      }
    }
  }

  private move(y: number, x: number): void {
    this.y = y;
    this.x = x;
    this.pending = false;
    this.row(y);
  }

  private row(y: number): string[] {
    while (this.rows.length <= y) this.rows.push([]);
    return this.rows[y] as string[];
  }

  /** The rows as text, trailing blanks dropped. */
  text(): string {
    const lines = this.rows.map((r) =>
      Array.from(r, (c) => c ?? ' ')
        .join('')
        .trimEnd(),
    );
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  get cursor(): [number, number] {
    return [this.y, this.x];
  }
}

function harness(width = 80, live = new LiveSession({ seed: 1 })) {
  const screen = new Screen(width);
  const ctl = new TerminalController(live, (t) => screen.write(t), width);
  live.subscribe((r) => ctl.record(r));
  ctl.start(live.transcript);
  return {
    live,
    screen,
    ctl,
    type: (...data: string[]) => data.forEach((d) => ctl.input(d)),
    /** What a reload would show: the transcript, then the prompt. */
    reloaded: (prompt = '$ ') => {
      const s = new Screen(width);
      s.write(live.transcript.replace(/\n/g, '\r\n') + prompt);
      return s.text();
    },
  };
}

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const ctrl = (c: string) => String.fromCharCode(c.charCodeAt(0) - 96);

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

  it('recalls a continued command as bash does, on one line', () => {
    expect(historyLine('kubectl scale \\\n  deployment my-app')).toBe(
      'kubectl scale   deployment my-app',
    );
    expect(historyLine("echo 'a\nb'")).toBe("echo 'a\nb'");
    expect(historyLine('echo a |\nwc -l')).toBe('echo a | wc -l');
    expect(historyLine('cat <<EOF\nx\nEOF')).toBe('cat <<EOF\nx\nEOF');
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

  it('interrupts a running command and drops what was typed ahead', () => {
    const h = harness();
    h.type('sleep 30\r', 'echo late', ctrl('c'));
    expect(h.live.busy).toBe(false);
    expect(h.screen.text()).toBe('$ sleep 30\necho late^C\n$');
    h.type('echo $?\r');
    expect(h.screen.text().split('\n').slice(-2)).toEqual(['130', '$']);
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

describe('typing ahead and pasting', () => {
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

  it('lays candidates out in columns, top to bottom, as readline does', () => {
    // Columns 4 wide (the longest and two spaces): two fit in 10, so three rows; a row of
    // exactly the width (3 × 4 in 12) loses a column, as in readline.
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 10)).toEqual(['a   d', 'bb  e', 'c   ']);
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 12)).toHaveLength(3);
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 13)).toEqual(['a   c   e', 'bb  d   ']);
    expect(formatColumns(['alpha', 'beta'], 7)).toEqual(['alpha', 'beta']);
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

  it('computes rows and columns as the terminal wraps', () => {
    expect(locate('$ abc', 5, 0, 5)).toEqual({ row: 1, col: 0 });
    expect(locate('$ abcd', 6, 0, 5)).toEqual({ row: 1, col: 1 });
    expect(locate('$ a\nbc', 6, 0, 5)).toEqual({ row: 1, col: 2 });
    expect(advanceColumn(0, 'ab\x1b[1mcd\x1b[0m', 80)).toBe(4);
    expect(advanceColumn(3, 'x\ry', 80)).toBe(1);
    expect(advanceColumn(0, '\x1b[H\x1b[2Jab', 80)).toBe(2);
  });
});
