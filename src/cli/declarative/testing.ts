// Test support: real changes, made by typing commands into a fresh session, as the timeline
// sees them (the command's own writes, one per object).
import type { Session } from '../program';
import { registry } from '../programs';
import { createSession, runHeadless } from '../shell/shell';
import type { ObjectChange } from '../timeline';
import { foldChanges, isDirect } from '../timeline';

export function freshSession(): Session {
  return createSession({ seed: 1 });
}

/** Runs `line` and returns what it changed itself; throws when it fails. */
export function changesOf(s: Session, line: string): ObjectChange[] {
  s.journal = [];
  const r = runHeadless(s, line, registry);
  const changes = foldChanges(s.journal.filter(isDirect));
  delete s.journal;
  if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr}`);
  return changes;
}

/** The one object `line` changed. */
export function changeOf(s: Session, line: string): ObjectChange {
  const changes = changesOf(s, line);
  if (changes.length !== 1 || !changes[0])
    throw new Error(`${line}: expected one changed object, got ${changes.length}`);
  return changes[0];
}

/** Runs each line in turn (setup), failing on the first error. */
export function runAll(s: Session, ...lines: string[]): Session {
  for (const line of lines) changesOf(s, line);
  return s;
}

export function stdoutOf(s: Session, line: string): string {
  return runHeadless(s, line, registry).stdout;
}
