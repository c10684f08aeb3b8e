// Running a lesson against a session: the world it starts with, a step's hidden set-up, its checks
// (run against a copy of the world, so a check never changes what the learner sees), and a step's
// world prepared by replaying the solutions of the steps before it.
import { advance, nextEventTime, replaceCluster } from '../engine/world';
import { MINUTE } from '../engine/time';
import type { Session } from '../cli/program';
import type { Registry } from '../cli/shell/exec';
import { createSession, runHeadlessAsync, type CommandResult } from '../cli/shell/shell';
import { seedWorkspace } from '../cli/shell/workspace';
import type { Check, Example, Lesson, Step, Teammate } from './lesson';

/** A set-up line that replaces the current cluster with an empty one (disaster recovery). */
export const LOSE_CLUSTER = 'lose-cluster';

/** How long one hidden set-up line may wait (simulated): two days. */
export const SETUP_WAIT_LIMIT = 48 * 60 * MINUTE;

/** How long a step's solution may take to show its effect (simulated). */
export const SETTLE_LIMIT = 10 * MINUTE;

export interface CheckResult {
  check: Check;
  pass: boolean;
  /** What the command printed, both streams in the order printed (as a terminal shows it). */
  output: string;
  exitCode: number;
}

/** A copy of the session whose commands change nothing the learner has. */
export function fork(session: Session): Session {
  return { world: session.world, env: { ...session.env }, history: [] };
}

/** Runs hidden lines (a lesson's or a step's set-up): they change the world, not the history. */
export async function runHidden(
  session: Session,
  lines: readonly string[],
  registry: Registry,
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  const history = session.history;
  const status = session.env['?'];
  try {
    for (const line of lines) {
      if (line.trim() === LOSE_CLUSTER) {
        session.world = replaceCluster(session.world);
        continue;
      }
      session.history = [];
      // Set-up may let a night pass (`sleep 8h`): it is not cut short as a learner's wait is.
      results.push(await runHeadlessAsync(session, line, registry, undefined, SETUP_WAIT_LIMIT));
    }
  } finally {
    session.history = history;
    if (status === undefined) delete session.env['?'];
    else session.env['?'] = status;
  }
  return results;
}

/** The session a lesson starts with: its seed, clusters, files, set-up and teammates. */
export async function startLesson(lesson: Lesson, registry: Registry): Promise<Session> {
  const session = createSession({
    seed: lesson.seed,
    ...(lesson.contexts.length > 0 ? { contexts: lesson.contexts } : {}),
  });
  const files = Object.entries(lesson.files);
  if (files.length > 0) {
    const seeded = seedWorkspace(session, files);
    if (!seeded.ok) throw new Error(`${lesson.id}: ${seeded.code} ${seeded.path}`);
  }
  await runHidden(session, lesson.setup, registry);
  schedule(
    session,
    lesson.teammates.filter((t) => t.step === undefined),
  );
  return session;
}

/** Puts teammates' commands on the session's schedule, `at` seconds from now. */
function schedule(session: Session, mates: readonly Teammate[]): void {
  if (mates.length === 0) return;
  const now = session.world.now;
  session.scheduled = [
    ...(session.scheduled ?? []),
    ...mates.map(({ user, name, email, command, at }) => ({
      user,
      name,
      email,
      command,
      at: now + at * 1000,
    })),
  ].sort((a, b) => a.at - b.at);
}

/** Step `index` (0-based) begins: its hidden set-up runs and its teammates are scheduled. */
export async function enterStep(
  session: Session,
  lesson: Lesson,
  index: number,
  registry: Registry,
): Promise<void> {
  const step = lesson.steps[index];
  if (!step) return;
  await runHidden(session, step.setup, registry);
  schedule(
    session,
    lesson.teammates.filter((t) => t.step === index + 1),
  );
}

/** Runs a command headless, keeping what it printed on either stream in the order printed. */
async function capture(
  session: Session,
  command: string,
  registry: Registry,
): Promise<{ result: CommandResult; output: string }> {
  let output = '';
  const both = { stdout: (t: string) => (output += t), stderr: (t: string) => (output += t) };
  const result = await runHeadlessAsync(session, command, registry, both);
  return { result, output };
}

function passes(check: Check, r: CommandResult, out: string): boolean {
  switch (check.expect.kind) {
    case 'exit':
      return r.exitCode === 0;
    case 'contains':
      return out.includes(check.expect.text);
    case 'matches':
      check.expect.pattern.lastIndex = 0;
      return check.expect.pattern.test(out);
    case 'equals':
      return r.stdout.replace(/\n$/, '') === check.expect.text;
  }
}

/** Runs one check against a copy of the session. */
export async function runCheck(
  session: Session,
  check: Check,
  registry: Registry,
): Promise<CheckResult> {
  const { result, output } = await capture(fork(session), check.command, registry);
  return { check, pass: passes(check, result, output), output, exitCode: result.exitCode };
}

/** Runs every check of a step, in order, against the same moment of the world. */
export async function runChecks(
  session: Session,
  step: Step,
  registry: Registry,
): Promise<CheckResult[]> {
  const at = { ...session, world: session.world };
  const results: CheckResult[] = [];
  for (const check of step.checks) results.push(await runCheck(at, check, registry));
  return results;
}

/** Whether every check passes (a step without checks never completes by itself). */
export function allPass(results: readonly CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.pass);
}

/**
 * Lets simulated time pass, event by event, until the step's checks pass or SETTLE_LIMIT has
 * gone by (a rollout finishing, a controller syncing). Returns the last results.
 */
export async function waitForChecks(
  session: Session,
  step: Step,
  registry: Registry,
  limit = SETTLE_LIMIT,
): Promise<CheckResult[]> {
  const until = session.world.now + limit;
  for (;;) {
    const results = await runChecks(session, step, registry);
    if (allPass(results)) return results;
    const due = nextEventTime(session.world);
    const mate = session.scheduled?.[0]?.at;
    const next = Math.min(due ?? Infinity, mate ?? Infinity);
    if (!Number.isFinite(next) || next > until) return results;
    if (mate !== undefined && mate <= next) {
      // A teammate's turn: a headless sleep lets them act as they would in the browser.
      await runHidden(
        session,
        [`sleep ${Math.max(1, Math.ceil((mate - session.world.now) / 1000))}`],
        registry,
      );
    } else {
      session.world = advance(session.world, Math.max(next, session.world.now + 1)).world;
    }
  }
}

/** Runs a step's solution as the learner would type it, line by line. */
export async function runSolution(
  session: Session,
  step: Step,
  registry: Registry,
): Promise<{ line: string; result: CommandResult }[]> {
  const out: { line: string; result: CommandResult }[] = [];
  for (const line of step.solution)
    out.push({ line, result: await runHeadlessAsync(session, line, registry) });
  return out;
}

/**
 * The session at the start of step `index` (0-based): the lesson's world, each step before it
 * set up, solved and given time to take effect, then this step's own set-up.
 */
export async function prepareStep(
  lesson: Lesson,
  index: number,
  registry: Registry,
): Promise<Session> {
  const session = await startLesson(lesson, registry);
  for (let i = 0; i < index && i < lesson.steps.length; i++) {
    const step = lesson.steps[i] as Step;
    await enterStep(session, lesson, i, registry);
    if (step.kind !== 'task') continue;
    await runSolution(session, step, registry);
    await waitForChecks(session, step, registry);
  }
  await enterStep(session, lesson, index, registry);
  return session;
}

/** An example's expected output against what was printed: `...` lines stand for any lines. */
export function matchesExample(expected: string, actual: string): boolean {
  const trim = (s: string) =>
    s
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => l.trimEnd());
  const want = trim(expected);
  const got = trim(actual);
  const match = (w: number, g: number): boolean => {
    if (w === want.length) return g === got.length;
    if (want[w] === '...') {
      for (let k = g; k <= got.length; k++) if (match(w + 1, k)) return true;
      return false;
    }
    return g < got.length && want[w] === got[g] && match(w + 1, g + 1);
  };
  return match(0, 0);
}

/** Runs an example's commands against a copy of the session; what each printed. */
export async function runExample(
  session: Session,
  example: Example,
  registry: Registry,
): Promise<{ command: string; expected: string; actual: string }[]> {
  const copy = fork(session);
  const out: { command: string; expected: string; actual: string }[] = [];
  for (const { command, output } of example.commands) {
    const { output: actual } = await capture(copy, command, registry);
    out.push({ command, expected: output, actual });
  }
  return out;
}
