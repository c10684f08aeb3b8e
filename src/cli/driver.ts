// Drives a shell session from outside, as the browser does: Enter starts a command, the clock
// (moved by real time, or by "settle now") lets waiting commands go on and controllers react.
// Everything that happens is reported as records, in order, for the terminal and the timeline.
import type { Files } from '../engine/fs/files';
import type { Push } from '../engine/git/pushes';
import { hostPushes } from '../engine/git/pushes';
import type { Change } from '../engine/k8s/store';
import { MINUTE, SECOND } from '../engine/time';
import { advance, nextEventTime, type World } from '../engine/world';
import type { Run, ScheduledAction, Session } from './program';
import { execute } from './shell/exec';
import { teammateSession } from './teammates';
import type { Registry } from './shell/exec';
import { startCommand } from './shell/shell';
import { INTERRUPTED } from './shell/shell';

export type DriverRecord =
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'start'; command: number; text: string; time: number }
  /** `command` is the running command whose transaction made them; null for the controllers. */
  | { type: 'changes'; command: number | null; changes: Change[]; time: number; world: World }
  | { type: 'end'; command: number; exitCode: number; time: number; interrupted: boolean }
  /** Someone else's command started (a teammate's): nothing of it shows in the terminal. */
  | { type: 'actor'; command: number; text: string; actor: string; time: number; world: World }
  /** Branches that moved on the Git host, and the commits that came with them. */
  | { type: 'git'; command: number | null; pushes: Push[]; time: number; world: World };

interface Running {
  id: number;
  run: Run;
  /** A teammate's command: its output goes nowhere and it ends without a prompt. */
  actor?: string;
  /** When the command wants to run again (simulated ms). */
  wakeAt: number;
  /** Waiting for asynchronous work: the clock stands still until it is done. */
  pending: boolean;
}

export class Driver {
  private running: Running | undefined;
  private nextId: number;
  /** The Git host as last reported, to tell what a command pushed. */
  private hosts: Files;

  constructor(
    readonly session: Session,
    private readonly registry: Registry,
    private readonly emit: (record: DriverRecord) => void,
    /** The id the next command gets (continues a restored session's numbering). */
    firstId = 0,
  ) {
    this.nextId = firstId;
    this.hosts = session.world.hosts;
    session.journal ??= [];
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** True while the running command waits for asynchronous work (the clock is held). */
  get holding(): boolean {
    return this.running?.pending === true;
  }

  get now(): number {
    return this.session.world.now;
  }

  /** The next simulated time at which anything happens: a timer, the running command, a teammate. */
  get nextDue(): number | undefined {
    const times = [nextEventTime(this.session.world), this.running?.wakeAt];
    if (!this.running) times.push(this.session.scheduled?.[0]?.at);
    const known = times.filter((t): t is number => t !== undefined);
    return known.length === 0 ? undefined : Math.min(...known);
  }

  /** Plans someone else's command for a simulated time (kept with the session). */
  schedule(action: ScheduledAction): void {
    const list = [...(this.session.scheduled ?? []), action];
    list.sort((a, b) => a.at - b.at);
    this.session.scheduled = list;
  }

  /** Starts a complete command. Refused while another runs (the terminal queues typed input). */
  submit(text: string): boolean {
    if (this.running) return false;
    this.startDueActions();
    if (this.running) return false;
    const id = this.nextId++;
    this.emit({ type: 'start', command: id, text, time: this.now });
    const run = startCommand(this.session, text, this.registry, {
      stdout: (t) => this.emit({ type: 'output', stream: 'stdout', text: t }),
      stderr: (t) => this.emit({ type: 'output', stream: 'stderr', text: t }),
    });
    this.step({ id, run, wakeAt: this.now, pending: false });
    return true;
  }

  /** Ctrl-C: ends the running command with bash's 130; at an idle prompt, only sets `$?`. */
  interrupt(): void {
    const r = this.running;
    this.session.env['?'] = String(INTERRUPTED);
    if (!r) return;
    this.running = undefined;
    r.run.return(INTERRUPTED);
    this.flushJournal(r.id);
    this.emit({
      type: 'end',
      command: r.id,
      exitCode: INTERRUPTED,
      time: this.now,
      interrupted: true,
    });
  }

  /** Moves the clock to `to`, resuming the running command whenever it is due. */
  advanceTo(to: number): void {
    for (;;) {
      if (this.holding) return;
      const due = this.nextDue;
      if (due === undefined || due > to) break;
      this.moveClock(Math.max(due, this.now));
      const r = this.running;
      if (r && r.wakeAt <= this.now) this.step(r);
      else if (!r) this.startDueActions();
    }
    if (to > this.now && !this.holding) this.moveClock(to);
  }

  /**
   * "Settle now": advances until nothing has changed for `quiet` (60 simulated seconds) or
   * `limit` (10 minutes) has passed, since back-offs never end. A still world keeps its clock.
   */
  settle(quiet = 60 * SECOND, limit = 10 * MINUTE): void {
    const end = this.now + limit;
    let lastChange = this.now;
    for (;;) {
      const due = this.nextDue;
      if (this.holding || due === undefined || due > end || due > lastChange + quiet) break;
      const before = this.session.world.cluster;
      const wasBusy = this.busy;
      this.advanceTo(due);
      if (this.session.world.cluster !== before || wasBusy !== this.busy) lastChange = this.now;
    }
  }

  /** Starts the first teammate's command that is due, when nothing else runs. */
  private startDueActions(): void {
    const next = this.session.scheduled?.[0];
    if (this.running || !next || next.at > this.now) return;
    this.session.scheduled = this.session.scheduled?.slice(1) ?? [];
    const id = this.nextId++;
    const actor = `${next.name} <${next.email}>`;
    this.emit({
      type: 'actor',
      command: id,
      text: next.command,
      actor: next.name,
      time: this.now,
      world: this.session.world,
    });
    const session = teammateSession(this.session, next);
    const quiet = { stdout: () => {}, stderr: () => {} };
    const run = execute(session, next.command, this.registry, quiet);
    this.step({ id, run, wakeAt: this.now, pending: false, actor });
  }

  private moveClock(to: number): void {
    const step = advance(this.session.world, to);
    this.session.world = step.world;
    if (step.changes.length > 0) {
      this.emit({
        type: 'changes',
        command: null,
        changes: step.changes,
        time: this.now,
        world: this.session.world,
      });
    }
  }

  private step(r: Running): void {
    this.running = r;
    const next = r.run.next();
    this.flushJournal(r.id);
    if (this.running !== r) return;
    if (next.done) {
      this.running = undefined;
      if (r.actor !== undefined) return;
      this.emit({
        type: 'end',
        command: r.id,
        exitCode: next.value,
        time: this.now,
        interrupted: false,
      });
      return;
    }
    if (typeof next.value !== 'number') {
      r.pending = true;
      void next.value.then(() => {
        r.pending = false;
        if (this.running === r) this.step(r);
      });
      return;
    }
    // A command never waits for less than a tick, as headless.
    r.wakeAt = Math.max(next.value, this.now + 1);
  }

  private flushJournal(id: number): void {
    const hosts = this.session.world.hosts;
    if (hosts !== this.hosts) {
      const pushes = hostPushes(this.hosts, hosts);
      this.hosts = hosts;
      if (pushes.length > 0)
        this.emit({ type: 'git', command: id, pushes, time: this.now, world: this.session.world });
    }
    const journal = this.session.journal;
    if (!journal || journal.length === 0) return;
    const changes = journal.splice(0);
    this.emit({
      type: 'changes',
      command: id,
      changes,
      time: this.now,
      world: this.session.world,
    });
  }
}
