// What a program of the shell is: a name, a one-line summary for `help`, and a run function.
// A program that waits on the simulated clock is a generator: each value it yields is the
// simulated time (ms) at which it wants to run again, or a promise for work that finishes outside
// the clock (Git's object store is asynchronous); its return value is the exit code.
import { FsTx, LEARNER_HOME } from '../engine/fs/files';
import type { Change } from '../engine/k8s/store';
import type { TxResult, World } from '../engine/world';

export interface Session {
  world: World;
  /** Shell variables (HOME, USER, `?` …). */
  env: Record<string, string>;
  /** Every command as typed, oldest first, as bash's history keeps it. */
  history: string[];
  /**
   * When present, every change the session's own commands make is appended here (the timeline
   * drains it); the controllers' reactions come from whoever moves the clock.
   */
  journal?: Change[];
  /** What other people will do at given simulated times (a lesson's teammates), soonest first. */
  scheduled?: ScheduledAction[];
  /**
   * Set by a program whose wait has an end of its own (`sleep 700`): the headless runner, which
   * stops a wait that could go on forever after 10 minutes, lets it run to that time.
   */
  waitEndsAt?: number;
}

/**
 * Someone else's command at a simulated time: a teammate pushing a commit from their own clone,
 * or running kubectl against the same cluster. Each has their own home and Git identity.
 */
export interface ScheduledAction {
  at: number;
  /** Their login name: their home is /home/<user>. */
  user: string;
  name: string;
  email: string;
  command: string;
}

/**
 * A session that acts in `parent`'s world (what it does to the cluster, the files and the host is
 * done) with variables and a history of its own: a subshell, a script, a teammate. A sleep in it
 * tells the runner of the parent's command how long it may wait.
 */
export function childSession(
  parent: Session,
  env: Record<string, string>,
  history: string[] = parent.history,
): Session {
  return {
    get world() {
      return parent.world;
    },
    set world(world) {
      parent.world = world;
    },
    get waitEndsAt() {
      return parent.waitEndsAt;
    },
    set waitEndsAt(at) {
      parent.waitEndsAt = at;
    },
    env,
    history,
    ...(parent.journal ? { journal: parent.journal } : {}),
  };
}

/** The shell's current directory. */
export const cwdOf = (session: Session): string =>
  session.env['PWD'] ?? session.env['HOME'] ?? LEARNER_HOME;

/** Runs `body` against the session's files at the current time and keeps what it wrote. */
export function withFiles<T>(session: Session, body: (tx: FsTx) => T): T {
  const tx = new FsTx(session.world.files, session.world.now);
  const result = body(tx);
  session.world = { ...session.world, files: tx.result() };
  return result;
}

/** Keeps what a transaction did: its world, and its changes in the journal. */
export function keep<T>(session: Session, r: TxResult<T>): T {
  session.world = r.world;
  session.journal?.push(...r.changes);
  return r.result;
}

/** What a running program waits for: a simulated time (ms), or asynchronous work. */
export type Wait = number | Promise<unknown>;

export type Run = Generator<Wait, number, void>;

/**
 * Waits for `work` inside a program's generator and gives back its value (or throws its error).
 * The clock stands still meanwhile: the work happens between two instants of the world.
 */
export function* awaiting<T>(work: Promise<T>): Generator<Wait, T, void> {
  let settled: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  yield work.then(
    (value) => void (settled = { ok: true, value }),
    (error: unknown) => void (settled = { ok: false, error }),
  );
  const s = settled as typeof settled | undefined;
  if (!s) throw new Error('resumed before the awaited work settled');
  if (!s.ok) throw s.error;
  return s.value;
}

export interface ProgramContext {
  argv: readonly string[];
  stdin: string;
  session: Session;
  out(text: string): void;
  err(text: string): void;
}

export interface Program {
  readonly name: string;
  readonly summary: string;
  run(ctx: ProgramContext): number | Run;
  /** Candidates for the word being completed (`args` excludes the program name). */
  complete?(args: readonly string[], session: Session): string[];
}

export function isRun(value: number | Run): value is Run {
  return typeof value !== 'number';
}

/** Runs a program to completion, passing its waits on to the caller. */
export function* runProgram(program: Program, ctx: ProgramContext): Run {
  const result = program.run(ctx);
  if (!isRun(result)) return result;
  return yield* result;
}
