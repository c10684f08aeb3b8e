// What a program of the shell is: a name, a one-line summary for `help`, and a run function.
// A program that waits on the simulated clock is a generator: each value it yields is the
// simulated time (ms) at which it wants to run again; its return value is the exit code.
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

export type Run = Generator<number, number, void>;

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
