// Test support: runs a scenario (files written, commands typed) in a fresh session's `~/r`, for
// comparing with the same scenario recorded from real git.
import type { Registry } from '../../shell/exec';
import { createSession, runHeadlessAsync } from '../../shell/shell';
import { seedWorkspace } from '../../shell/workspace';

/** A command, or a file to write (path relative to the repository, content). `~` before a
 * command: only its exit code is compared (set-up steps whose output is another command's). */
export type Step = string | readonly [path: string, content: string];

export interface Outcome {
  cmd: string;
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

export async function runTranscript(
  steps: readonly Step[],
  registry: Registry,
): Promise<Outcome[]> {
  const s = createSession();
  await runHeadlessAsync(s, 'mkdir r && cd r', registry);
  const out: Outcome[] = [];
  for (const step of steps) {
    if (typeof step !== 'string') {
      seedWorkspace(s, [[`r/${step[0]}`, step[1]]]);
      continue;
    }
    const cmd = step.replace(/^~/, '');
    const r = await runHeadlessAsync(s, cmd, registry);
    out.push(
      step.startsWith('~')
        ? { cmd, exitCode: r.exitCode }
        : { cmd, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
    );
  }
  return out;
}
