// `kubectl`: finds the command the words name (as cobra does, skipping flags), parses flags,
// answers --help from the real help texts, and runs the command.
import type { Program, ProgramContext, Run } from '../program';
import type { KubectlCommand } from './command';
import { GLOBAL_FLAGS, KubectlContext } from './command';
import { commands } from './commands';
import { useContext } from '../../engine/world';
import { Flags, parseFlags, type FlagSpec } from './flags';
import helpTexts from './help.json';

const HELP = helpTexts as Record<string, string>;

/** Group commands that only hold subcommands, and what kubectl does when given none. */
const GROUPS: Record<string, { stream: 'stdout' | 'stderr'; exitCode: number }> = {
  rollout: { stream: 'stdout', exitCode: 1 },
  set: { stream: 'stderr', exitCode: 1 },
  config: { stream: 'stderr', exitCode: 1 },
};

const byPath = new Map<string, KubectlCommand>();
for (const c of commands) {
  byPath.set(c.path, c);
  const parent = c.path.split(' ').slice(0, -1).join(' ');
  for (const alias of c.aliases ?? []) byPath.set(parent ? `${parent} ${alias}` : alias, c);
}

function childrenOf(path: string): string[] {
  const names = new Set<string>();
  const depth = path ? path.split(' ').length : 0;
  for (const p of [...byPath.keys(), ...Object.keys(GROUPS)]) {
    const words = p.split(' ');
    if (words.length === depth + 1 && (depth === 0 || p.startsWith(`${path} `)))
      names.add(words[depth] as string);
  }
  return [...names];
}

export function kubectlCommandNames(path = ''): string[] {
  return childrenOf(path).sort();
}

/**
 * kubectl's shared flag helpers give these flags a value when they are given bare
 * (cmdutil.AddDryRunFlag: `--dry-run` means "unchanged"; `--cascade` means "background").
 */
const BARE_VALUES: Record<string, string> = { 'dry-run': 'unchanged', cascade: 'background' };

function withBareValues(specs: readonly FlagSpec[]): FlagSpec[] {
  return specs.map((s) =>
    BARE_VALUES[s.name] !== undefined && s.type === 'string'
      ? { ...s, noOptDefVal: BARE_VALUES[s.name] }
      : s,
  );
}

function flagsFor(path: string): readonly FlagSpec[] {
  const c = byPath.get(path);
  return c ? withBareValues([...GLOBAL_FLAGS, ...c.flags]) : GLOBAL_FLAGS;
}

/** Levenshtein distance, for cobra's "Did you mean this?" suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  return (d[a.length] as number[])[b.length] as number;
}

/** Splits argv into the command path and the rest, skipping flags (and their values) on the way. */
function findCommand(argv: readonly string[]): { path: string; rest: string[] } {
  let path = '';
  const rest: string[] = [];
  let sawArgument = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      rest.push(a);
      const specs = flagsFor(path);
      const long = a.startsWith('--') ? a.slice(2) : undefined;
      const spec =
        long !== undefined
          ? specs.find((s) => s.name === long)
          : a.length === 2
            ? specs.find((s) => s.short === a[1])
            : undefined;
      if (spec && spec.type !== 'bool' && !a.includes('=') && i + 1 < argv.length)
        rest.push(argv[++i] as string);
      continue;
    }
    const candidate = path ? `${path} ${a}` : a;
    if (!sawArgument && (byPath.has(candidate) || candidate in GROUPS)) {
      path = byPath.get(candidate)?.path ?? candidate;
      continue;
    }
    sawArgument = true;
    rest.push(a);
  }
  return { path, rest };
}

function positionalArgs(rest: readonly string[], specs: readonly FlagSpec[]): string[] {
  const parsed = parseFlags(rest, specs);
  return parsed.ok ? parsed.parsed.args : rest.filter((r) => !r.startsWith('-'));
}

function* runKubectl(ctx: ProgramContext): Run {
  const argv = ctx.argv.slice(1);
  const { path, rest } = findCommand(argv);
  const command = byPath.get(path);
  const positional = positionalArgs(rest, flagsFor(path));
  const wantsHelp = rest.some((r) => r === '--help' || r === '-h');

  if (!command) {
    if (wantsHelp || (path === '' && positional.length === 0)) {
      const text = HELP[path] ?? HELP[''] ?? '';
      if (path === '' && rest.length > 0 && !wantsHelp) {
        const parsed = parseFlags(rest, GLOBAL_FLAGS);
        if (!parsed.ok) {
          ctx.err(`error: ${parsed.error}\nSee 'kubectl --help' for usage.\n`);
          return 1;
        }
      }
      ctx.out(text);
      return 0;
    }
    if (path === '') {
      const word = positional[0] as string;
      const suggestions = childrenOf('')
        .filter((n) => distance(n, word) <= 2 || n.startsWith(word))
        .sort();
      const hint = suggestions.length
        ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
        : '\n';
      ctx.err(`error: unknown command "${word}" for "kubectl"${hint}`);
      return 1;
    }
    const group = GROUPS[path];
    if (positional.length > 0) {
      ctx.err(
        `error: unknown command "${positional.join(' ')}"\nSee 'kubectl ${path} -h' for help and examples\n`,
      );
      return 1;
    }
    const text = HELP[path] ?? '';
    if (group?.stream === 'stdout') ctx.out(text);
    else ctx.err(text);
    return group?.exitCode ?? 1;
  }

  if (wantsHelp) {
    ctx.out(HELP[command.path] ?? '');
    return 0;
  }
  const parsed = parseFlags(rest, flagsFor(command.path));
  if (!parsed.ok) {
    ctx.err(`error: ${parsed.error}\nSee 'kubectl ${command.path} --help' for usage.\n`);
    return 1;
  }
  const missing = (command.required ?? []).filter((f) => !parsed.parsed.values.has(f));
  if (missing.length > 0) {
    ctx.err(`error: required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set\n`);
    return 1;
  }
  const flags = new Flags(parsed.parsed);
  // --context talks to another context's cluster for this one command.
  const other = flags.str('context');
  const home = ctx.session.world.context;
  const visiting = other !== '' && other !== home;
  if (visiting) {
    const there = useContext(ctx.session.world, other);
    if (!there) {
      ctx.err(`Error in configuration: context was not found for specified context: ${other}\n`);
      return 1;
    }
    ctx.session.world = there;
  }
  try {
    const kctx = new KubectlContext(command, flags, ctx.session, ctx.out, ctx.err, ctx.stdin);
    const result = command.run(kctx);
    if (typeof result === 'number') return result;
    return yield* result;
  } finally {
    if (visiting && ctx.session.world.context !== home)
      ctx.session.world = useContext(ctx.session.world, home) ?? ctx.session.world;
  }
}

export const kubectl: Program = {
  name: 'kubectl',
  summary: 'run commands against the (simulated) Kubernetes cluster',
  run: (ctx) => runKubectl(ctx),
};
