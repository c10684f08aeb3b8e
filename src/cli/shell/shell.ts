// A shell session and the headless way of running commands in it: time moves only while a
// command waits, jumping from one due event to the next.
import { FsTx, LEARNER_HOME } from '../../engine/fs/files';
import { advance, createWorld, type WorldOptions } from '../../engine/world';
import { MINUTE } from '../../engine/time';
import type { Run, Session } from '../program';
import type { Output, Registry } from './exec';
import { execute } from './exec';
import { teammateSession } from '../teammates';

export const HOME = LEARNER_HOME;

/** The learner's Git configuration, as on a person's set-up machine. */
export const GITCONFIG = `[user]
\tname = Learner
\temail = learner@example.com
[init]
\tdefaultBranch = main
`;

export function createSession(options: WorldOptions = {}): Session {
  const world = createWorld(options);
  const home = new FsTx(world.files, world.now);
  home.writeFile(`${HOME}/.gitconfig`, GITCONFIG);
  return {
    world: { ...world, files: home.result() },
    env: {
      HOME,
      PWD: HOME,
      USER: 'learner',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      SHELL: '/bin/bash',
      '?': '0',
    },
    history: [],
  };
}

/** Starts a command: records it in history (as bash does, before running it) and executes it. */
export function startCommand(session: Session, text: string, registry: Registry, out: Output): Run {
  session.history.push(text);
  return execute(session, text, registry, out);
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Ended by the 10-minute cap, as if by Ctrl-C. */
  interrupted: boolean;
}

/** How long a headless command may wait before it is interrupted as if by Ctrl-C. */
export const HEADLESS_WAIT_LIMIT = 10 * MINUTE;

/** The exit status of a command killed by SIGINT (128 + 2). */
export const INTERRUPTED = 130;

/**
 * Runs a command to its end without a terminal: every wait advances the world straight to the
 * time the command asked for, letting due teammates act on the way. It yields only the
 * asynchronous work the command waits for (Git), for the caller to await.
 */
function* headless(
  session: Session,
  text: string,
  registry: Registry,
  onOutput: Output | undefined,
  waitLimit = HEADLESS_WAIT_LIMIT,
): Generator<Promise<unknown>, CommandResult, void> {
  let stdout = '';
  let stderr = '';
  const out: Output = {
    stdout: (t) => {
      stdout += t;
      onOutput?.stdout(t);
    },
    stderr: (t) => {
      stderr += t;
      onOutput?.stderr(t);
    },
  };
  const cap = session.world.now + waitLimit;
  delete session.waitEndsAt;
  const run = startCommand(session, text, registry, out);
  let step = run.next();
  while (!step.done) {
    if (typeof step.value !== 'number') {
      yield step.value;
      step = run.next();
      continue;
    }
    // A wait with an end of its own (a sleep) runs to it; one that may never end stops at the cap.
    const limit = Math.max(cap, session.waitEndsAt ?? 0);
    const until = Math.max(step.value, session.world.now + 1);
    yield* teammates(session, registry, Math.min(until, limit));
    if (until > limit) {
      session.world = advance(session.world, limit).world;
      run.return(INTERRUPTED);
      session.env['?'] = String(INTERRUPTED);
      delete session.waitEndsAt;
      return { stdout, stderr, exitCode: INTERRUPTED, interrupted: true };
    }
    session.world = advance(session.world, until).world;
    step = run.next();
  }
  delete session.waitEndsAt;
  return { stdout, stderr, exitCode: step.value, interrupted: false };
}

/** Lets the teammates whose time comes by `upTo` act, in order, moving the clock to each. */
function* teammates(
  session: Session,
  registry: Registry,
  upTo: number,
): Generator<Promise<unknown>, void, void> {
  for (;;) {
    const next = session.scheduled?.[0];
    if (!next || next.at > upTo) return;
    session.scheduled = session.scheduled?.slice(1) ?? [];
    if (next.at > session.world.now) session.world = advance(session.world, next.at).world;
    const mate = teammateSession(session, next);
    const run = execute(mate, next.command, registry, { stdout: () => {}, stderr: () => {} });
    for (let step = run.next(); !step.done; step = run.next()) {
      if (typeof step.value !== 'number') yield step.value;
      else
        session.world = advance(session.world, Math.max(step.value, session.world.now + 1)).world;
    }
  }
}

/** Runs a command headless, synchronously: for commands that never wait for Git. */
export function runHeadless(
  session: Session,
  text: string,
  registry: Registry,
  onOutput?: Output,
): CommandResult {
  const run = headless(session, text, registry, onOutput);
  const step = run.next();
  if (!step.done) {
    run.return({ stdout: '', stderr: '', exitCode: 1, interrupted: false });
    throw new Error(`${text}: waits for asynchronous work; run it with runHeadlessAsync`);
  }
  return step.value;
}

/** Runs a command headless, waiting for its asynchronous work (Git) as it goes. */
export async function runHeadlessAsync(
  session: Session,
  text: string,
  registry: Registry,
  onOutput?: Output,
  /** How long the command may wait before it is interrupted (simulated ms). */
  waitLimit = HEADLESS_WAIT_LIMIT,
): Promise<CommandResult> {
  const run = headless(session, text, registry, onOutput, waitLimit);
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return step.value;
    await step.value;
  }
}
