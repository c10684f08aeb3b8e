// A session as the page lives it: the shell driver, the timeline it feeds, the terminal's
// transcript, and the clock moved by real time. Framework-free; the React store subscribes.
import { replaceCluster } from '../engine/world';
import { Driver, type DriverRecord } from '../cli/driver';
import { withFiles, type Session } from '../cli/program';
import type { FsResult } from '../engine/fs/files';
import { registry } from '../cli/programs';
import type { Registry } from '../cli/shell/exec';
import { createSession } from '../cli/shell/shell';
import { emptyTimeline, recordTimeline, type Timeline } from '../cli/timeline';
import { complete, type Completion } from '../cli/complete';
import { PAGE_EDITOR } from '../cli/kubectl/commands/edit';

import { PS1, PS2 } from '../cli/shell/prompt';

/** The most of the terminal's transcript kept for a reload (characters). */
const TRANSCRIPT_LIMIT = 200_000;

export interface SavedLive {
  session: Session;
  timeline: Timeline;
  transcript: string;
  nextId: number;
}

export type LiveListener = (record: DriverRecord) => void;

export class LiveSession {
  readonly session: Session;
  readonly driver: Driver;
  timeline: Timeline;
  /** Everything the terminal showed, prompts and typed commands included, for a reload. */
  transcript: string;
  /** Bumped on every change a view may want to redraw for. */
  revision = 0;
  private nextId: number;
  private readonly listeners = new Set<LiveListener>();
  private readonly suggestionListeners = new Set<(text: string) => void>();

  /**
   * A saved session, a fresh world with `seed`, or a session made elsewhere (a lesson's world,
   * prepared headless) with an empty timeline and terminal.
   */
  constructor(saved: SavedLive | { seed: number } | { fresh: Session }, reg: Registry = registry) {
    if ('fresh' in saved) {
      this.session = saved.fresh;
      this.timeline = emptyTimeline();
      this.transcript = '';
      this.nextId = 0;
    } else if ('session' in saved) {
      this.session = saved.session;
      this.timeline = saved.timeline;
      this.transcript = saved.transcript;
      this.nextId = saved.nextId;
    } else {
      this.session = createSession({ seed: saved.seed });
      this.timeline = emptyTimeline();
      this.transcript = '';
      this.nextId = 0;
    }
    this.timeline.pending = undefined;
    // `kubectl edit` opens its file in the page's editor (unless the learner chose another).
    this.session.env['KUBE_EDITOR'] ??= PAGE_EDITOR;
    this.driver = new Driver(this.session, reg, (r) => this.onRecord(r), this.nextId);
  }

  get busy(): boolean {
    return this.driver.busy;
  }

  get now(): number {
    return this.session.world.now;
  }

  get history(): readonly string[] {
    return this.session.history;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Puts a command on the terminal's prompt for the person to read, edit and run (never runs it). */
  suggest(text: string): void {
    for (const l of this.suggestionListeners) l(text);
  }

  onSuggest(listener: (text: string) => void): () => void {
    this.suggestionListeners.add(listener);
    return () => this.suggestionListeners.delete(listener);
  }

  /** Runs a complete command typed at the prompt. */
  submit(text: string): void {
    this.driver.submit(text);
  }

  interrupt(): void {
    this.driver.interrupt();
  }

  completions(line: string, cursor: number): Completion {
    return complete(line, cursor, this.session, registry);
  }

  /** The terminal's size, for programs that fit their output to it (`watch`). */
  resize(columns: number, rows: number): void {
    this.session.env.COLUMNS = String(columns);
    this.session.env.LINES = String(rows);
  }

  /** Real time passed: moves the simulated clock by `ms × speed`. */
  tick(simulatedMs: number): void {
    if (simulatedMs <= 0) return;
    this.driver.advanceTo(this.now + Math.round(simulatedMs));
  }

  settle(): void {
    this.driver.settle();
  }

  /**
   * Disaster: the cluster is gone and an empty one of the same name takes its place. Files and
   * the Git host stay. Refused while a command runs.
   */
  loseCluster(): boolean {
    if (this.driver.busy) return false;
    this.session.world = replaceCluster(this.session.world);
    this.revision++;
    return true;
  }

  /**
   * Runs `fn` on the session while no command runs (a lesson step's hidden set-up), then lets the
   * views redraw. False, and nothing done, while a command runs.
   */
  async between(fn: (session: Session) => Promise<void>): Promise<boolean> {
    if (this.driver.busy) return false;
    await fn(this.session);
    this.revision++;
    for (const l of this.listeners)
      l({ type: 'changes', command: null, changes: [], time: this.now, world: this.session.world });
    return true;
  }

  /** Writes a workspace file from outside the shell (the editor's save), at the current time. */
  writeFile(path: string, text: string): FsResult<void> {
    const result = withFiles(this.session, (tx) => tx.writeFile(path, text));
    if (result.ok) this.revision++;
    return result;
  }

  /** Removes a workspace file from outside the shell (a `kubectl edit` tab closed unsaved). */
  removeFile(path: string): FsResult<void> {
    const result = withFiles(this.session, (tx) => tx.remove(path));
    if (result.ok) this.revision++;
    return result;
  }

  /** What a reload needs. */
  save(): SavedLive {
    return {
      session: {
        world: this.session.world,
        env: this.session.env,
        history: this.session.history,
        ...(this.session.scheduled ? { scheduled: this.session.scheduled } : {}),
      },
      timeline: this.timeline,
      transcript: this.transcript,
      nextId: this.nextId,
    };
  }

  /** Appends what the terminal showed that did not come from a command (a `^C`, a prompt). */
  echo(text: string): void {
    this.appendTranscript(text);
  }

  private onRecord(record: DriverRecord): void {
    const before = record.type === 'start' ? this.session.world : undefined;
    this.timeline = recordTimeline(this.timeline, record, before);
    switch (record.type) {
      case 'start':
        this.nextId = record.command + 1;
        this.appendTranscript(`${PS1}${record.text.replace(/\n/g, `\n${PS2}`)}\n`);
        break;
      case 'output':
        this.appendTranscript(record.text);
        break;
      case 'end':
        if (record.interrupted) this.appendTranscript('^C\n');
        break;
      case 'changes':
        break;
    }
    this.revision++;
    for (const l of this.listeners) l(record);
  }

  private appendTranscript(text: string): void {
    // What came before a clear-screen can never be seen again.
    const clear = text.lastIndexOf('\x1b[2J');
    this.transcript = clear >= 0 ? `\x1b[H${text.slice(clear)}` : this.transcript + text;
    if (this.transcript.length > TRANSCRIPT_LIMIT) {
      const cut = this.transcript.indexOf('\n', this.transcript.length - TRANSCRIPT_LIMIT);
      this.transcript = this.transcript.slice(cut + 1);
    }
  }
}
