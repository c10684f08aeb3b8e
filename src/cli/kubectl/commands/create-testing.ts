// Test support for create, expose and delete: running kubectl in a fresh session and comparing
// with what the real kubectl v1.32 printed (src/cli/kubectl/__fixtures__/oracle.json, recorded
// without a reachable API server).
import oracleCases from '../__fixtures__/oracle.json';
import { registry } from '../../programs';
import type { World } from '../../../engine/world';
import type { Session } from '../../program';
import type { CommandResult } from '../../shell/shell';
import { createSession, runHeadless } from '../../shell/shell';

export interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const ORACLE = oracleCases as Recorded[];

/** The shell line that passes `args` to kubectl unchanged. */
export function kubectlLine(args: readonly string[]): string {
  return ['kubectl', ...args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`)].join(' ');
}

export function run(s: Session, line: string): CommandResult {
  return runHeadless(s, line, registry);
}

/** Runs a recorded invocation in a fresh world (seed 1); `before` is that world as it started. */
export function replay(c: Recorded): CommandResult & { session: Session; before: World } {
  const session = createSession({ seed: 1 });
  const before = session.world;
  return { ...run(session, kubectlLine(c.args)), session, before };
}

const NAME_ALPHABET = '[bcdfghjklmnpqrstvwxz2456789]';

/** The fixture writes the random suffix of sanitized container names as `-<random>`. */
export function expectedPattern(text: string): RegExp {
  const escaped = text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/<random>/g, `${NAME_ALPHABET}{5}`);
  return new RegExp(`^${escaped}$`);
}

const DISCOVERY_ERROR = /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ memcache\.go:\d+\] .*\n/gm;

/**
 * What the recording tells about kubectl before it talks to a server: the stderr without the
 * discovery errors, or undefined when the recorded run ended on the unreachable server (then
 * the simulator, which has a server, must answer differently).
 */
export function clientSide(c: Recorded): Recorded | undefined {
  const stderr = c.stderr.replace(DISCOVERY_ERROR, '');
  if (`${c.stdout}${stderr}`.includes('127.0.0.1:6443')) return undefined;
  return { ...c, stderr };
}

export function oracleFor(command: string): Recorded[] {
  return ORACLE.filter((c) => c.args[0] === command);
}
