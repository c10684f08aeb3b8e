// Test helpers for the terminal: just enough of a VT100 to see what the user would see, and a
// TerminalController driving a real LiveSession on it.
import { LiveSession } from '../../store/live';
import { TerminalController } from './controller';

/** Just enough of a VT100 to see what the user would see. Its screen grows without limit. */
export class Screen {
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

export function harness(width = 80, live = new LiveSession({ seed: 1 })) {
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

export const UP = '\x1b[A';
export const DOWN = '\x1b[B';
export const LEFT = '\x1b[D';
export const RIGHT = '\x1b[C';
export const HOME = '\x1b[H';
export const END = '\x1b[F';
export const ctrl = (c: string) => String.fromCharCode(c.charCodeAt(0) - 96);
