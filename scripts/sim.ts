// The headless simulator: runs a script (a file or standard input) through the same shell the
// terminal uses and prints what the terminal would show, or one JSON object per command.
//
//   npm run -s sim -- [--seed N] [--json] [--workspace DIR] [FILE]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { WORLD_START } from '../src/engine/time';
import { registry } from '../src/cli/programs';
import { splitCommands } from '../src/cli/shell/split';
import { createSession, runHeadlessAsync } from '../src/cli/shell/shell';
import { seedWorkspace } from '../src/cli/shell/workspace';

/** Every file below `dir`, as [path relative to dir with `/`, content]. */
function readTree(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push([relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}

interface Options {
  seed: number;
  json: boolean;
  workspace?: string;
  file?: string;
}

const USAGE = 'usage: npm run -s sim -- [--seed N] [--json] [--workspace DIR] [FILE]';

function parseArgs(argv: string[]): Options | string {
  const options: Options = { seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      return argv[++i];
    };
    if (a === '--json') options.json = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return `sim: --seed needs a whole number\n${USAGE}`;
      options.seed = Number(v);
    } else if (a === '--workspace' || a.startsWith('--workspace=')) {
      const v = value();
      if (v === undefined) return `sim: --workspace needs a directory\n${USAGE}`;
      options.workspace = v;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-') && a !== '-') return `sim: unknown option ${a}\n${USAGE}`;
    else if (options.file === undefined) options.file = a;
    else return `sim: only one input file\n${USAGE}`;
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    const isHelp = options === USAGE;
    (isHelp ? process.stdout : process.stderr).write(`${options}\n`);
    return isHelp ? 0 : 2;
  }
  let workspace: [string, string][] = [];
  if (options.workspace !== undefined) {
    try {
      if (!statSync(options.workspace).isDirectory()) throw new Error('not a directory');
      workspace = readTree(options.workspace);
    } catch (e) {
      process.stderr.write(
        `sim: cannot read workspace ${options.workspace}: ${(e as Error).message}\n`,
      );
      return 2;
    }
  }
  let input: string;
  try {
    input = readFileSync(
      options.file === undefined || options.file === '-' ? 0 : options.file,
      'utf8',
    );
  } catch (e) {
    process.stderr.write(
      `sim: cannot read ${options.file ?? 'standard input'}: ${(e as Error).message}\n`,
    );
    return 2;
  }
  const session = createSession({ seed: options.seed });
  const seeded = seedWorkspace(session, workspace);
  if (!seeded.ok) {
    process.stderr.write(`sim: cannot place ${seeded.path} in the workspace (${seeded.code})\n`);
    return 2;
  }
  for (const command of splitCommands(input)) {
    if (options.json) {
      const r = await runHeadlessAsync(session, command.text, registry);
      const time = Math.floor((session.world.now - WORLD_START) / 1000);
      process.stdout.write(
        `${JSON.stringify({ line: command.text, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, time })}\n`,
      );
    } else {
      process.stdout.write(`$ ${command.text.replace(/\n/g, '\n> ')}\n`);
      const r = await runHeadlessAsync(session, command.text, registry, {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stdout.write(t),
      });
      if (r.interrupted) process.stdout.write('^C\n');
    }
  }
  return 0;
}

// A reader that stops early (`npm run -s sim | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main();
