// The terminal's host while the simulator is still loading: it shows the saved screen and
// history at once and holds the first command typed until the live session arrives, so the
// terminal is usable before the engine's code has been fetched.
import type { DriverRecord } from '../cli/driver';
import { PS1 } from '../cli/shell/prompt';
import type { LiveSession } from './live';

type Listener = (record: DriverRecord) => void;

export class DeferredHost {
  private live: LiveSession | undefined;
  private pending: string | undefined;
  private echoes: string[] = [];
  private size: [number, number] | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly suggestionListeners = new Set<(text: string) => void>();
  private detach: (() => void)[] = [];

  constructor(
    readonly transcript: string,
    private readonly savedHistory: readonly string[],
  ) {}

  /** The live session this host stands for, once attached. */
  get target(): LiveSession | undefined {
    return this.live;
  }

  get history(): readonly string[] {
    return this.live?.history ?? this.savedHistory;
  }

  get busy(): boolean {
    return this.live ? this.live.busy : this.pending !== undefined;
  }

  attach(live: LiveSession): void {
    this.live = live;
    for (const text of this.echoes.splice(0)) live.echo(text);
    if (this.size) live.resize(...this.size);
    this.detach.push(live.subscribe((r) => this.listeners.forEach((l) => l(r))));
    this.detach.push(live.onSuggest((t) => this.suggestionListeners.forEach((l) => l(t))));
    const text = this.pending;
    this.pending = undefined;
    if (text !== undefined) live.submit(text);
  }

  submit(text: string): void {
    if (this.live) this.live.submit(text);
    else this.pending = text;
  }

  interrupt(): void {
    if (this.live) return this.live.interrupt();
    const text = this.pending;
    if (text === undefined) return;
    // What the live session would have kept of a command interrupted before it started.
    this.pending = undefined;
    this.echoes.push(`${PS1}${text}\n^C\n`);
    const end: DriverRecord = {
      type: 'end',
      command: -1,
      exitCode: 130,
      time: 0,
      interrupted: true,
    };
    this.listeners.forEach((l) => l(end));
  }

  echo(text: string): void {
    if (this.live) this.live.echo(text);
    else this.echoes.push(text);
  }

  completions(line: string, cursor: number): { start: number; candidates: string[] } {
    return this.live?.completions(line, cursor) ?? { start: cursor, candidates: [] };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSuggest(listener: (text: string) => void): () => void {
    this.suggestionListeners.add(listener);
    return () => this.suggestionListeners.delete(listener);
  }

  resize(columns: number, rows: number): void {
    this.size = [columns, rows];
    this.live?.resize(columns, rows);
  }

  dispose(): void {
    for (const d of this.detach.splice(0)) d();
  }
}
