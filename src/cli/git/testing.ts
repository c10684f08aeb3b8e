// A shell with git and the file programs, for git's tests (independent of the other programs).
import type { Program, Session } from '../program';
import { echo } from '../programs/builtins';
import { cat, cd, ls, mkdir, pwd, rm, touch } from '../programs/files';
import { cp, mv } from '../programs/copy';
import { sed } from '../programs/sed';
import type { CommandResult } from '../shell/shell';
import { createSession, runHeadlessAsync } from '../shell/shell';
import { gitProgram } from './git';

const programs: Program[] = [gitProgram, echo, cat, cd, ls, mkdir, pwd, rm, touch, cp, mv, sed];
export const gitRegistry: ReadonlyMap<string, Program> = new Map(programs.map((p) => [p.name, p]));

/** A learner's session (seed 1) with a run function that executes one command. */
export function gitSession(session: Session = createSession({ seed: 1 })) {
  return {
    session,
    run: (text: string): Promise<CommandResult> => runHeadlessAsync(session, text, gitRegistry),
  };
}
