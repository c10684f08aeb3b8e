// `git`: the learner's Git, over the workspace's files and the world's Git host. Each subcommand
// is asynchronous (isomorphic-git); the program waits for it with the clock held, then keeps the
// files it wrote in the world.
import type { Program, ProgramContext, Run } from '../program';
import { awaiting, cwdOf } from '../program';
import { add } from './commands/add';
import { branch } from './commands/branch';
import { checkout, restore, switchCmd } from './commands/checkout';
import { clone } from './commands/clone';
import { commit } from './commands/commit';
import { config } from './commands/config';
import { diff } from './commands/diff';
import { fetch, pull } from './commands/fetch';
import { init } from './commands/init';
import { log } from './commands/log';
import { lsTree } from './commands/lstree';
import { merge } from './commands/merge';
import { push } from './commands/push';
import { remote } from './commands/remote';
import { reset } from './commands/reset';
import { revert } from './commands/revert';
import { revParse } from './commands/revparse';
import { mv, rm } from './commands/rm';
import { show } from './commands/show';
import { status } from './commands/status';
import type { GitCommand, GitContext } from './common';
import { FATAL, configKey } from './common';
import { gitFs } from './fs';
import { USAGE, similarCommands } from './usage';

const COMMANDS: Record<string, GitCommand> = {
  add,
  branch,
  checkout,
  clone,
  commit,
  config,
  diff,
  fetch,
  init,
  log,
  'ls-tree': lsTree,
  merge,
  mv,
  pull,
  push,
  remote,
  reset,
  restore,
  revert,
  'rev-parse': revParse,
  rm,
  show,
  status,
  switch: switchCmd,
};

export const GIT_COMMANDS = Object.keys(COMMANDS).sort();

/** The version the shell's git answers for (its formats are this version's). */
export const GIT_VERSION = '2.39.5';

function* runGit(ctx: ProgramContext): Run {
  const argv = ctx.argv.slice(1);
  let cwd = cwdOf(ctx.session);
  const overrides = new Map<string, string>();
  // Global options before the subcommand.
  while (argv[0]?.startsWith('-')) {
    const a = argv.shift() as string;
    if (a === '--version' || a === '-v') {
      ctx.out(`git version ${GIT_VERSION}\n`);
      return 0;
    }
    if (a === '-C') {
      const dir = argv.shift();
      if (dir === undefined) {
        ctx.err('error: no directory given for -C\n\n');
        ctx.out(USAGE);
        return 129;
      }
      cwd = dir.startsWith('/') ? dir : `${cwd}/${dir}`;
      continue;
    }
    if (a === '-c') {
      const setting = argv.shift();
      if (setting === undefined) {
        ctx.err('-c expects a configuration string\n');
        ctx.err(USAGE.slice(0, USAGE.indexOf('\n\n') + 1));
        return 129;
      }
      // `-c key` alone sets the key to true.
      const eq = setting.indexOf('=');
      const key = eq < 0 ? setting : setting.slice(0, eq);
      if (!key.includes('.') || key.startsWith('.') || key.endsWith('.')) {
        ctx.err(
          `error: key does not ${key.endsWith('.') ? 'contain variable name' : 'contain a section'}: ${key}\n`,
        );
        ctx.err('fatal: unable to parse command-line config\n');
        return FATAL;
      }
      overrides.set(configKey(key), eq < 0 ? 'true' : setting.slice(eq + 1));
      continue;
    }
    if (a === '--no-pager' || a === '-P' || a === '--paginate' || a === '-p') continue;
    if (a === '-h' || a === '--help') {
      ctx.out(USAGE);
      return 0;
    }
    ctx.err(`unknown option: ${a}\n`);
    ctx.err(USAGE);
    return 129;
  }
  const name = argv.shift();
  if (name === undefined) {
    ctx.out(USAGE);
    return 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(`git: '${name}' is not a git command. See 'git --help'.\n`);
    const similar = similarCommands(name, GIT_COMMANDS);
    if (similar.length > 0) {
      ctx.err(
        `\nThe most similar command${similar.length > 1 ? 's are' : ' is'}\n${similar.map((s) => `\t${s}\n`).join('')}`,
      );
    }
    return 1;
  }
  const world = ctx.session.world;
  const store = { files: world.files, now: world.now };
  const host = { files: world.hosts, now: world.now };
  const g: GitContext = {
    ctx,
    args: argv,
    cwd: cwd.replace(/\/+$/, '') || '/',
    store,
    fs: gitFs(store),
    host,
    hostFs: gitFs(host),
    seconds: Math.floor(world.now / 1000),
    overrides,
    out: (t) => ctx.out(t),
    err: (t) => ctx.err(t),
  };
  let code: number;
  try {
    code = yield* awaiting(command(g));
  } catch (e) {
    ctx.err(`fatal: ${(e as Error).message}\n`);
    code = FATAL;
  }
  // What git wrote stays, even when it then failed part-way (as on a real disk).
  ctx.session.world = { ...ctx.session.world, files: store.files, hosts: host.files };
  return code;
}

export const gitProgram: Program = {
  name: 'git',
  summary: 'the stupid content tracker (a real Git: real objects and SHAs)',
  run: runGit,
};
