// What the file programs share: the current directory, GNU's ways of quoting a name in a
// message, and the words for each errno.
import { resolvePath } from '../../engine/fs/files';
import type { Session } from '../program';
import { cwdOf } from '../program';

export const absPath = (session: Session, arg: string): string => resolvePath(cwdOf(session), arg);

/** coreutils' quoteaf: always quoted, in the shell's style. */
export function quoteAlways(name: string): string {
  if (name.includes("'") && !/["$`\\]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** coreutils' quotef: quoted only when the shell would need it. */
export function quoteIfNeeded(name: string): string {
  return /^[A-Za-z0-9._/+,:@%=^-]+$/.test(name) ? name : quoteAlways(name);
}

/** The locale quotes of quote() under a UTF-8 locale (mkdir's messages). */
export const quoteLocale = (name: string): string => `‘${name}’`;

export interface Parsed {
  flags: Set<string>;
  operands: string[];
}

/**
 * Short options (bundled, anywhere on the line as GNU permutes them) and long ones mapped to a
 * short letter; `--` ends the options. Returns the offending option's message on failure.
 */
export function parseOptions(
  args: readonly string[],
  short: string,
  long: Record<string, string> = {},
): Parsed | { error: string } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const a of args) {
    if (ended || a === '-' || !a.startsWith('-')) operands.push(a);
    else if (a === '--') ended = true;
    else if (a.startsWith('--')) {
      const letter = long[a.slice(2)];
      if (letter === undefined) return { error: `unrecognized option '${a}'` };
      flags.add(letter);
    } else {
      for (const c of a.slice(1)) {
        if (!short.includes(c)) return { error: `invalid option -- '${c}'` };
        flags.add(c);
      }
    }
  }
  return { flags, operands };
}

/** The message GNU tools print for a bad option, and then how to get help. */
export const usageError = (program: string, what: string): string =>
  `${program}: ${what}\nTry '${program} --help' for more information.\n`;

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const baseName = (arg: string): string => {
  const trimmed = arg.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
};
