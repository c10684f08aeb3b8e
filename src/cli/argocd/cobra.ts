// How the argocd CLI (spf13/cobra 1.7 + pflag, sirupsen/logrus) words its help, its usage errors
// and its fatal errors. The help texts are Argo CD v2.11's own (docs/user-guide/commands/*.md,
// generated from the same cobra commands), laid out with cobra's default help template.
import type { FlagSpec, FlagType } from '../kubectl/flags';
import helpData from './help.json';

interface HelpEntry {
  desc: string;
  usage: string;
  examples: string | null;
  flags: string;
  inherited: string;
  subcommands: [string, string][];
}

const HELP = helpData as unknown as Record<string, HelpEntry>;

export function hasCommand(path: string): boolean {
  return path in HELP;
}

/** The names of a command's subcommands as cobra lists them (sorted, `help` at the root). */
function subcommandsOf(path: string): [string, string][] {
  const entry = HELP[path];
  if (!entry) return [];
  const subs = [...entry.subcommands];
  if (path === 'argocd') subs.push(['help', 'Help about any command']);
  return subs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function subcommandNames(path: string): string[] {
  return subcommandsOf(path).map(([name]) => name);
}

/** `argocd app get --help`: cobra's default help template filled with the command's data. */
export function helpText(path: string): string {
  const entry = HELP[path];
  if (!entry) return '';
  let s = `${entry.desc.trimEnd()}\n\nUsage:\n  ${entry.usage}`;
  const subs = subcommandsOf(path);
  if (subs.length > 0) s += `\n  ${path} [command]`;
  if (entry.examples !== null) s += `\n\nExamples:\n${entry.examples}`;
  if (subs.length > 0) {
    const pad = Math.max(...subs.map(([n]) => n.length));
    s += '\n\nAvailable Commands:';
    for (const [name, short] of subs) s += `\n  ${name.padEnd(pad)} ${short}`;
  }
  if (entry.flags) s += `\n\nFlags:\n${entry.flags.trimEnd()}`;
  if (entry.inherited) s += `\n\nGlobal Flags:\n${entry.inherited.trimEnd()}`;
  if (subs.length > 0)
    s += `\n\nUse "${path} [command] --help" for more information about a command.`;
  return `${s}\n`;
}

function flagType(word: string | undefined): FlagType {
  switch (word) {
    case undefined:
      return 'bool';
    case 'string':
      return 'string';
    case 'int':
    case 'uint':
      return 'int';
    case 'duration':
      return 'duration';
    default:
      // stringArray, strings, int64Slice, and `Prune=false` (a backquoted name in the usage
      // text replaces the type word: --sync-option is a stringArray)
      return 'stringArray';
  }
}

function parseFlagLines(text: string): FlagSpec[] {
  const specs: FlagSpec[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s+(?:-(\w), )?--([\w-]+)(?: (\S+))?\s{2,}/.exec(line);
    if (!m) continue;
    const spec: FlagSpec = { name: m[2] as string, type: flagType(m[3]) };
    if (m[1]) spec.short = m[1];
    specs.push(spec);
  }
  return specs;
}

const specCache = new Map<string, FlagSpec[]>();

/** Every flag a command accepts: its own and those inherited from the root. */
export function flagSpecs(path: string): FlagSpec[] {
  let specs = specCache.get(path);
  if (!specs) {
    const entry = HELP[path];
    specs = entry ? [...parseFlagLines(entry.flags), ...parseFlagLines(entry.inherited)] : [];
    specCache.set(path, specs);
  }
  return specs;
}

/** The root's persistent flags (what every subcommand inherits). */
export function rootFlagSpecs(): FlagSpec[] {
  return flagSpecs('argocd');
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** The root's commands in the order root.go adds them, which is the order suggestions come in. */
const ROOT_ORDER = [
  'completion',
  'version',
  'cluster',
  'app',
  'appset',
  'login',
  'relogin',
  'repo',
  'repocreds',
  'context',
  'proj',
  'account',
  'logout',
  'cert',
  'gpg',
  'admin',
];

/**
 * cobra's "unknown command" error with its suggestions: available subcommands within a
 * Levenshtein distance of 2 or starting with what was typed (command.go findSuggestions).
 */
export function unknownCommand(typed: string, path: string): string {
  const suggestions = (
    path === 'argocd' ? ROOT_ORDER : (HELP[path]?.subcommands ?? []).map(([n]) => n)
  ).filter(
    (name) =>
      levenshtein(typed.toLowerCase(), name.toLowerCase()) <= 2 ||
      name.toLowerCase().startsWith(typed.toLowerCase()),
  );
  let msg = `unknown command ${JSON.stringify(typed)} for ${JSON.stringify(path)}`;
  if (suggestions.length > 0)
    msg += `\n\nDid you mean this?\n${suggestions.map((n) => `\t${n}\n`).join('')}`;
  return msg;
}

/** What cobra prints when a command line fails before the command runs (exit 1 from main). */
export function cobraError(message: string, commandPath?: string): string {
  const hint = commandPath ? `Run '${commandPath} --help' for usage.\n` : '';
  return `Error: ${message}\n${hint}`;
}

/**
 * logrus's text formatter writing to a terminal: a red, four-letter level, the seconds since the
 * process started, and the message padded to 44 columns followed by a space
 * (sirupsen/logrus text_formatter.go printColored).
 */
export function fatalLine(message: string, elapsedSeconds: number): string {
  return levelLine('FATA', message, elapsedSeconds);
}

/** Error and fatal levels are both red. */
export function levelLine(level: 'FATA' | 'ERRO', message: string, elapsedSeconds: number): string {
  const msg = message.replace(/\n$/, '');
  const secs = String(Math.max(0, Math.floor(elapsedSeconds))).padStart(4, '0');
  return `\x1b[31m${level}\x1b[0m[${secs}] ${msg.padEnd(44)} \n`;
}

/** A log line of a running command, timed from its start. */
export function logLine(
  level: 'FATA' | 'ERRO',
  message: string,
  cli: { started: number; ctx: { session: { world: { now: number } } } },
): string {
  return levelLine(level, message, (cli.ctx.session.world.now - cli.started) / 1000);
}

/** errors.CheckError exits with ErrorGeneric (util/errors/errors.go); a bare log.Fatal with 1. */
export const EXIT_CHECK_ERROR = 20;
export const EXIT_LOG_FATAL = 1;
