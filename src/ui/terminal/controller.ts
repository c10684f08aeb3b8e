// The terminal around the editor: what a tty adds to readline (typed-ahead input queued and
// echoed while a command runs, Ctrl-C flushing it) and the link to a session and a screen.
import type { DriverRecord } from '../../cli/driver';
import { step, suggest } from './editor';
import { parseKeys, type Key } from './keys';
import { charLeft } from './motion';
import { advanceColumn, newlineAfter, redraw } from './screen';
import {
  drawPrompt,
  freshPrompt,
  initialState,
  view,
  type EditorContext,
  type EditorState,
} from './state';

/** What the terminal needs of a session (LiveSession has all of it). */
export interface EditorHost {
  readonly history: readonly string[];
  readonly busy: boolean;
  submit(text: string): void;
  interrupt(): void;
  echo(text: string): void;
  completions(line: string, cursor: number): { start: number; candidates: string[] };
}

/** What a tty in canonical mode echoes for a key typed while a command runs (ECHOCTL). */
function ttyEcho(key: Key): string {
  if (key.t === 'text') return key.text;
  if (key.t === 'key' && key.name === 'enter') return '\n';
  if (key.t === 'key' && key.name === 'tab') return '\t';
  if (key.t === 'ctrl') return `^${key.ctrl.toUpperCase()}`;
  return key.raw.split('\x1b').join('^[');
}

/** A key, or a command put on the prompt from outside, waiting for the prompt. */
type Queued = Key | { t: 'suggest'; text: string };

/**
 * Joins the editor to a session and a screen, as bash and the tty do between them. At the prompt
 * keys go to the editor. While a command runs, what is typed waits and is echoed as the tty
 * echoes it (Backspace erasing on the line being typed); Ctrl-C interrupts the command and throws
 * that input away. Lines pasted in one go wait silently, and run one after another. A command
 * put on the prompt waits in line with the keys, unechoed, and survives Ctrl-C.
 */
export class TerminalController {
  private state: EditorState = { ...initialState(), active: false };
  private queue: Queued[] = [];
  private draining = false;
  /** The screen cursor's column, for where the next prompt starts. */
  private column = 0;
  /** The line the user was typing when a command was started from elsewhere. */
  private saved: { buffer: string; cursor: number } | null = null;

  constructor(
    private readonly host: EditorHost,
    private readonly write: (text: string) => void,
    private columns: number,
    private readonly prompts: { ps1: string; ps2: string } = { ps1: '$ ', ps2: '> ' },
  ) {}

  /** Shows the saved transcript, then a prompt unless a command is still running. */
  start(transcript: string): void {
    this.out(transcript);
    if (!this.host.busy) this.prompt();
  }

  resize(columns: number): void {
    this.columns = Math.max(1, columns);
  }

  /** What xterm's onData gave. */
  input(data: string): void {
    const keys = parseKeys(data);
    if (this.state.active && !this.host.busy) {
      this.queue.push(...keys);
      this.drain();
      return;
    }
    for (const key of keys) this.typeAhead(key);
  }

  /**
   * Puts `text` on the prompt in place of the line being edited, without running it; while a
   * command runs, at the next prompt.
   */
  suggest(text: string): void {
    this.queue.push({ t: 'suggest', text });
    this.drain();
  }

  /** A record of the session's driver. */
  record(r: DriverRecord): void {
    switch (r.type) {
      case 'start':
        if (this.state.active) this.startedElsewhere(r.text);
        break;
      case 'output':
        this.out(r.text);
        break;
      case 'end':
        if (r.interrupted) this.out('^C\r\n');
        this.prompt();
        this.drain();
        break;
      case 'changes':
        break;
    }
  }

  private get context(): EditorContext {
    return {
      history: this.host.history,
      columns: this.columns,
      complete: (line, cursor) => this.host.completions(line, cursor),
      ...this.prompts,
    };
  }

  private out(text: string): void {
    if (text === '') return;
    this.column = advanceColumn(this.column, text, this.columns);
    this.write(text);
  }

  private prompt(): void {
    const origin = this.column >= this.columns ? 0 : this.column;
    let next = freshPrompt(this.state, origin);
    if (this.saved) next = { ...next, ...this.saved };
    this.saved = null;
    this.state = next;
    this.out(drawPrompt(next, this.context));
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0 && this.state.active && !this.host.busy) {
        const next = this.queue.shift() as Queued;
        const r =
          next.t === 'suggest'
            ? suggest(this.state, next.text, this.context)
            : step(this.state, next, this.context);
        this.state = r.state;
        for (const e of r.effects) {
          if (e.type === 'write') this.out(e.text);
          else if (e.type === 'echo') this.host.echo(e.text);
          else if (e.type === 'submit') this.host.submit(e.text);
          else this.host.interrupt();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private typeAhead(key: Key): void {
    if (key.t === 'ctrl' && key.ctrl === 'c') {
      // SIGINT: the tty flushes what was typed ahead; the shell prints ^C when the command ends.
      // A suggestion was not typed, so the tty has nothing of it to flush.
      this.queue = this.queue.filter((k) => k.t === 'suggest').slice(-1);
      if (this.host.busy) this.host.interrupt();
      return;
    }
    const last = this.queue[this.queue.length - 1];
    if (key.t === 'key' && key.name === 'backspace') {
      // The tty's own line editing: erase the last character typed on this line, if any.
      if (last?.t !== 'text') return;
      const text = last.text.slice(0, charLeft(last.text, last.text.length));
      if (text === '') this.queue.pop();
      else this.queue[this.queue.length - 1] = { t: 'text', text, raw: text };
      this.echoTyped('\b \b');
      return;
    }
    if (key.t === 'text' && last?.t === 'text') {
      const text = last.text + key.text;
      this.queue[this.queue.length - 1] = { t: 'text', text, raw: text };
    } else this.queue.push(key);
    this.echoTyped(ttyEcho(key));
  }

  private echoTyped(text: string): void {
    this.out(text.replace(/\n/g, '\r\n'));
    this.host.echo(text);
  }

  /** A command started from outside the terminal shows as if typed at the prompt. */
  private startedElsewhere(text: string): void {
    const s = this.state;
    const ctx = this.context;
    if (s.lines.length === 0 && s.buffer !== '' && !s.search)
      this.saved = { buffer: s.buffer, cursor: s.cursor };
    const shown = `${this.prompts.ps1}${text.replace(/\n/g, `\n${this.prompts.ps2}`)}`;
    const target = { text: shown, cursor: shown.length };
    this.out(redraw(view(s, ctx), target, s.origin, this.columns));
    this.out(newlineAfter(target, s.origin, this.columns));
    this.state = { ...s, active: false, search: null, query: null };
  }
}
