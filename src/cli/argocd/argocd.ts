// The `argocd` CLI of Argo CD v2.11, always in core mode (`argocd --core`): it talks to the
// current cluster's API server directly, with an in-process Argo CD API server of its own.
// Command dispatch and usage errors follow cobra (cmd/argocd/commands/root.go, app.go).
import { reader } from '../../engine/world';
import type { Program, ProgramContext, Run, Session } from '../program';
import { Flags, parseFlags } from '../kubectl/flags';
import { appCommands } from './app';
import {
  cobraError,
  flagSpecs,
  hasCommand,
  helpText,
  rootFlagSpecs,
  subcommandNames,
  unknownCommand,
} from './cobra';
import { ARGOCD_NAMESPACE, type Cli, type CommandRun } from './context';
import { versionCommand } from './version';

const COMMANDS: Record<string, CommandRun> = {
  ...appCommands,
  'argocd version': versionCommand,
};

/** The command path named by the arguments, skipping the root's flags as cobra's Find does. */
function findCommand(argv: readonly string[]): { path: string; rest: string[] } {
  const specs = rootFlagSpecs();
  let path = 'argocd';
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a.startsWith('-')) {
      rest.push(a);
      const long = a.startsWith('--') ? a.slice(2) : undefined;
      const spec = specs.find((s) =>
        long !== undefined ? s.name === long : a.length === 2 && s.short === a[1],
      );
      if (spec && spec.type !== 'bool' && !a.includes('=') && i + 1 < argv.length) {
        rest.push(argv[i + 1] as string);
        i++;
      }
      continue;
    }
    if (hasCommand(`${path} ${a}`)) {
      path = `${path} ${a}`;
      continue;
    }
    break;
  }
  rest.push(...argv.slice(i));
  return { path, rest };
}

function run(ctx: ProgramContext): number | Run {
  const { path, rest } = findCommand(ctx.argv.slice(1));
  const parsed = parseFlags(rest, flagSpecs(path));
  const runner = COMMANDS[path];
  if (!parsed.ok) {
    ctx.err(cobraError(parsed.error));
    return 1;
  }
  const flags = new Flags(parsed.parsed);
  if (flags.bool('help')) {
    ctx.out(helpText(path));
    return 0;
  }
  const sub = flags.args[0];
  if (path === 'argocd' && sub === 'help') {
    ctx.out(helpText(findCommand(flags.args.slice(1)).path));
    return 0;
  }
  if (sub !== undefined && subcommandNames(path).includes(sub)) {
    // A real argocd command this simulation does not model: say so rather than pretend.
    ctx.err(`${path} ${sub}: not available in this simulation\n`);
    return 1;
  }
  if (path === 'argocd' && flags.args.length > 0) {
    ctx.err(cobraError(unknownCommand(flags.args[0] as string, 'argocd'), 'argocd'));
    return 1;
  }
  if (!runner) {
    // `argocd` and `argocd app` print their help; `app` then exits 1.
    ctx.out(helpText(path));
    return path === 'argocd' ? 0 : 1;
  }
  const cli: Cli = { ctx, path, flags, args: flags.args, started: ctx.session.world.now };
  return runner(cli);
}

/** Subcommands, flags, and for commands that take an app, the apps' names. */
function complete(args: readonly string[], session: Session): string[] {
  const current = args[args.length - 1] ?? '';
  const { path, rest } = findCommand(args.slice(0, -1));
  if (current.startsWith('-'))
    return flagSpecs(path)
      .map((f) => `--${f.name}`)
      .filter((f) => f.startsWith(current));
  const positional = rest.filter((a) => !a.startsWith('-'));
  if (positional.length === 0 && subcommandNames(path).length > 0)
    return subcommandNames(path).filter((n) => n !== 'help' && n.startsWith(current));
  if (path in COMMANDS && path !== 'argocd app create' && path !== 'argocd app list')
    return reader(session.world)
      .list('Application', ARGOCD_NAMESPACE)
      .map((a) => a.metadata?.name ?? '')
      .filter((n) => n.startsWith(current));
  return [];
}

export const argocd: Program = {
  name: 'argocd',
  summary: 'Argo CD command line (against the current kubectl context, as --core)',
  run,
  complete,
};
