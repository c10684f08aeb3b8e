// Text filters for pipes: grep, head, tail, wc, with GNU coreutils' options and messages.
import { ERRNO_TEXT, readFile, statPath, walkFiles, type FsErrorCode } from '../../engine/fs/files';
import type { Program, Session } from '../program';
import { absPath, quoteAlways, quoteIfNeeded, utf8Length } from './fsutil';

function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** POSIX basic regular expressions to JavaScript: in BRE, \+ \? \| \( \) \{ \} are the operators. */
export function breToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i] as string;
      out += '+?|(){}'.includes(n) ? n : `\\${n}`;
    } else if ('+?|(){}'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One input of a program: its name as shown, and its text or why it could not be read. */
interface Input {
  name: string;
  text?: string;
  code?: FsErrorCode;
  /** Reached by descending into a directory operand (grep -r). */
  walked?: boolean;
}

/** Reads a FILE operand; `-` is standard input. */
function readInput(session: Session, name: string, stdin: string): Input {
  if (name === '-') return { name, text: stdin };
  const r = readFile(session.world.files, absPath(session, name));
  return r.ok ? { name, text: r.value } : { name, code: r.code };
}

const GREP_FLAGS = 'ivcnEFwxoqhHlLrRs';
const GREP_LONG: Record<string, string> = {
  '--ignore-case': 'i',
  '--invert-match': 'v',
  '--count': 'c',
  '--line-number': 'n',
  '--quiet': 'q',
  '--silent': 'q',
  '--no-filename': 'h',
  '--with-filename': 'H',
  '--files-with-matches': 'l',
  '--files-without-match': 'L',
  '--recursive': 'r',
  '--dereference-recursive': 'R',
  '--no-messages': 's',
  '--line-regexp': 'x',
  '--word-regexp': 'w',
};
const GREP_USAGE =
  "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** grep's inputs: operands in order, directories walked (sorted) under -r. */
function grepInputs(
  session: Session,
  operands: readonly string[],
  recursive: boolean,
  stdin: string,
): Input[] {
  if (operands.length === 0) {
    if (!recursive) return [{ name: '(standard input)', text: stdin }];
    // `grep -r P` searches the current directory and names files without a leading `./`.
    const base = absPath(session, '.');
    return walkFiles(session.world.files, base).map((p) => ({
      ...readInput(session, p.slice(base === '/' ? 1 : base.length + 1), stdin),
      walked: true,
    }));
  }
  const inputs: Input[] = [];
  for (const op of operands) {
    if (op === '-') {
      inputs.push({ name: '(standard input)', text: stdin });
      continue;
    }
    const path = absPath(session, op);
    if (recursive && statPath(session.world.files, path)?.type === 'dir') {
      for (const p of walkFiles(session.world.files, path)) {
        const rel = p.slice(path === '/' ? 1 : path.length + 1);
        const name = op.endsWith('/') ? `${op}${rel}` : `${op}/${rel}`;
        inputs.push({ ...readInput(session, p, stdin), name, walked: true });
      }
    } else inputs.push(readInput(session, op, stdin));
  }
  return inputs;
}

export const grep: Program = {
  name: 'grep',
  summary: 'print lines that match a pattern (-i -v -c -n -E -F -w -x -o -l -h -H -r -A -B -C)',
  run({ argv, stdin, session, out, err }) {
    const opts = new Set<string>();
    const patterns: string[] = [];
    const positional: string[] = [];
    const context: Partial<Record<'A' | 'B' | 'C', number>> = {};
    let separator: string | undefined = '--';
    const args = argv.slice(1);
    let ended = false;
    // A context length: a non-negative decimal; GNU grep caps a huge one rather than refusing it.
    const contextLength = (value: string): number | undefined => {
      if (!/^\d+$/.test(value)) {
        err(`grep: ${value}: invalid context length argument\n`);
        return undefined;
      }
      return Math.min(Number(value), Number.MAX_SAFE_INTEGER);
    };
    for (let k = 0; k < args.length; k++) {
      const a = args[k] as string;
      if (ended || a === '-' || !a.startsWith('-')) {
        positional.push(a);
        continue;
      }
      if (a === '--') {
        ended = true;
        continue;
      }
      if (a.startsWith('--')) {
        if (a.startsWith('--color') || a.startsWith('--colour')) continue;
        if (GREP_LONG[a] !== undefined) {
          opts.add(GREP_LONG[a]);
          continue;
        }
        if (a === '--no-group-separator') {
          separator = undefined;
          continue;
        }
        if (a.startsWith('--group-separator=')) {
          separator = a.slice('--group-separator='.length);
          continue;
        }
        const long = /^--(after-context|before-context|context)(=(.*))?$/.exec(a);
        if (long) {
          const name = long[1] as string;
          const value = long[2] !== undefined ? long[3] : args[++k];
          if (value === undefined) {
            err(`grep: option '--${name}' requires an argument\n${GREP_USAGE}`);
            return 2;
          }
          const n = contextLength(value);
          if (n === undefined) return 2;
          context[name === 'context' ? 'C' : name === 'after-context' ? 'A' : 'B'] = n;
          continue;
        }
        err(`grep: unrecognized option '${a}'\n${GREP_USAGE}`);
        return 2;
      }
      // A cluster of short options, as getopt reads it: -e, -A, -B and -C take the rest of the
      // cluster or the next argument; digits (-2) are a context length for both sides.
      let digits = '';
      for (let j = 1; j < a.length; j++) {
        const f = a[j] as string;
        if (/\d/.test(f)) {
          digits += f;
          continue;
        }
        if (digits !== '') {
          context.C = Number(digits);
          digits = '';
        }
        if (f === 'e' || f === 'A' || f === 'B' || f === 'C') {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++k];
          if (value === undefined) {
            err(`grep: option requires an argument -- '${f}'\n${GREP_USAGE}`);
            return 2;
          }
          if (f === 'e') patterns.push(value);
          else {
            const n = contextLength(value);
            if (n === undefined) return 2;
            context[f] = n;
          }
          break;
        }
        if (!GREP_FLAGS.includes(f)) {
          err(`grep: invalid option -- '${f}'\n${GREP_USAGE}`);
          return 2;
        }
        opts.add(f);
      }
      if (digits !== '') context.C = Number(digits);
    }
    // -A and -B win over -C and -NUM, whatever their order; -1 is "no context" (GNU grep.c).
    const before = context.B ?? context.C ?? -1;
    const after = context.A ?? context.C ?? -1;
    const withContext = before >= 0 || after >= 0;
    // Without -e the first operand is the pattern; with it, every operand is a file.
    if (patterns.length === 0 && positional.length > 0) patterns.push(positional.shift() as string);
    if (patterns.length === 0) {
      err(GREP_USAGE);
      return 2;
    }
    let re: RegExp;
    try {
      const sources = patterns
        .flatMap((p) => p.split('\n'))
        .map((p) => (opts.has('F') ? escapeRegExp(p) : opts.has('E') ? p : breToJs(p)));
      const body = sources
        .map((s) =>
          opts.has('x') ? `^(?:${s})$` : opts.has('w') ? `(?<![\\w])(?:${s})(?![\\w])` : `(?:${s})`,
        )
        .join('|');
      re = new RegExp(body, opts.has('i') ? 'gi' : 'g');
    } catch {
      err('grep: Unmatched ( or \\(\n');
      return 2;
    }
    const recursive = opts.has('r') || opts.has('R');
    const inputs = grepInputs(session, positional, recursive, stdin);
    let matched = false;
    let failed = false;
    // Whether any line has been printed yet: a group separator goes only between groups.
    let used = false;
    for (const input of inputs) {
      // With one operand, names are shown only for files found inside a directory (-r).
      const named = opts.has('H')
        ? true
        : opts.has('h')
          ? false
          : positional.length > 1 || input.walked === true;
      const prefix = named ? `${input.name}:` : '';
      if (input.text === undefined) {
        failed = true;
        // A directory is opened, then fails to read: -c and -L still report it.
        if (input.code === 'EISDIR') {
          if (opts.has('c') && !opts.has('l') && !opts.has('L') && !opts.has('q'))
            out(`${prefix}0\n`);
          if (opts.has('L') && !opts.has('q')) out(`${input.name}\n`);
        }
        if (!opts.has('s')) err(`grep: ${input.name}: ${ERRNO_TEXT[input.code ?? 'ENOENT']}\n`);
        continue;
      }
      let count = 0;
      const all = lines(input.text);
      // The last line printed (as a match or as context) in this file, and how many lines of
      // after-context are still owed. With -o, context lines are passed over silently.
      let last = -1;
      let owed = 0;
      const listing = opts.has('c') || opts.has('l') || opts.has('L');
      const show = (idx: number, line: string, sep: ':' | '-') => {
        if (withContext && used && (last < 0 || idx !== last + 1) && separator !== undefined)
          out(`${separator}\n`);
        used = true;
        last = idx;
        if (sep === '-' && opts.has('o')) return;
        const at = `${named ? `${input.name}${sep}` : ''}${opts.has('n') ? `${idx + 1}${sep}` : ''}`;
        if (opts.has('o') && !opts.has('v')) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0]) out(`${at}${m[0]}\n`);
        } else out(`${at}${line}\n`);
      };
      for (const [idx, line] of all.entries()) {
        re.lastIndex = 0;
        if (re.test(line) === opts.has('v')) {
          if (owed > 0 && !listing) {
            owed--;
            show(idx, line, '-');
          }
          continue;
        }
        count++;
        // -q stops at the first selected line, before opening any later file.
        if (opts.has('q')) return 0;
        if (opts.has('l') || opts.has('L')) break;
        if (opts.has('c')) continue;
        for (let b = Math.max(last + 1, idx - Math.max(before, 0)); b < idx; b++)
          show(b, all[b] as string, '-');
        show(idx, line, ':');
        owed = Math.max(after, 0);
      }
      if (count > 0) matched = true;
      if (opts.has('l')) {
        if (count > 0) out(`${input.name}\n`);
      } else if (opts.has('L')) {
        if (count === 0) out(`${input.name}\n`);
      } else if (opts.has('c')) out(`${prefix}${count}\n`);
    }
    return failed ? 2 : matched ? 0 : 1;
  },
};

function countArg(
  args: string[],
  program: string,
  err: (t: string) => void,
): { n: number; fromStart: boolean; rest: string[] } | undefined {
  let n = 10;
  let fromStart = false;
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    let value: string | undefined;
    if (a === '-n' || a === '--lines') value = args[++k];
    else if (a.startsWith('-n')) value = a.slice(2);
    else if (a.startsWith('--lines=')) value = a.slice(8);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else {
      rest.push(a);
      continue;
    }
    if (value === undefined) {
      err(
        `${program}: option requires an argument -- 'n'\nTry '${program} --help' for more information.\n`,
      );
      return undefined;
    }
    fromStart = value.startsWith('+');
    const num = value.replace(/^[+-]/, '');
    if (!/^\d+$/.test(num)) {
      err(`${program}: invalid number of lines: ‘${value}’\n`);
      return undefined;
    }
    n = Number(num);
  }
  return { n, fromStart, rest };
}

/**
 * head and tail over their FILE operands: `==> f <==` headers when there are several (or -v,
 * unless -q), a blank line before each header but the first, and a failed file skipped.
 */
function eachFile(
  program: 'head' | 'tail',
  names: readonly string[],
  flags: ReadonlySet<string>,
  ctx: { stdin: string; session: Session; out: (t: string) => void; err: (t: string) => void },
  /** The lines to print, [from, to), of a file of `count` lines. */
  range: (count: number) => [number, number],
): number {
  const list = names.length > 0 ? names : ['-'];
  const headers = flags.has('v') || (list.length > 1 && !flags.has('q'));
  let first = true;
  let status = 0;
  for (const name of list) {
    const input = readInput(ctx.session, name, ctx.stdin);
    // A directory opens, so it gets its header; the error comes on reading it.
    if (input.code !== undefined && input.code !== 'EISDIR') {
      ctx.err(
        `${program}: cannot open ${quoteAlways(name)} for reading: ${ERRNO_TEXT[input.code]}\n`,
      );
      status = 1;
      continue;
    }
    if (headers) ctx.out(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    if (input.text === undefined) {
      ctx.err(`${program}: error reading ${quoteAlways(name)}: Is a directory\n`);
      status = 1;
      continue;
    }
    const all = lines(input.text);
    const [from, to] = range(all.length);
    // The file's last line keeps its missing newline when it is printed.
    const bare = to === all.length && !input.text.endsWith('\n');
    for (let i = from; i < to; i++) ctx.out(bare && i === to - 1 ? (all[i] ?? '') : `${all[i]}\n`);
  }
  return status;
}

function splitFlags(rest: string[], program: string, err: (t: string) => void) {
  const flags = new Set<string>();
  const names: string[] = [];
  let ended = false;
  for (const a of rest) {
    if (ended || a === '-' || !a.startsWith('-')) names.push(a);
    else if (a === '--') ended = true;
    else if (a === '--quiet' || a === '--silent') flags.add('q');
    else if (a === '--verbose') flags.add('v');
    else if (/^-[qv]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else {
      const bad = a.startsWith('--')
        ? `unrecognized option '${a}'`
        : `invalid option -- '${[...a.slice(1)].find((c) => !'qv'.includes(c))}'`;
      err(`${program}: ${bad}\nTry '${program} --help' for more information.\n`);
      return undefined;
    }
  }
  return { flags, names };
}
export const head: Program = {
  name: 'head',
  summary: 'print the first lines (-n N)',
  run({ argv, stdin, session, out, err }) {
    const parsed = countArg(argv.slice(1), 'head', err);
    if (!parsed) return 1;
    const split = splitFlags(parsed.rest, 'head', err);
    if (!split) return 1;
    return eachFile('head', split.names, split.flags, { stdin, session, out, err }, (count) => [
      0,
      Math.min(count, parsed.n),
    ]);
  },
};

export const tail: Program = {
  name: 'tail',
  summary: 'print the last lines (-n N, -n +N)',
  run({ argv, stdin, session, out, err }) {
    const parsed = countArg(argv.slice(1), 'tail', err);
    if (!parsed) return 1;
    const split = splitFlags(parsed.rest, 'tail', err);
    if (!split) return 1;
    const { n, fromStart } = parsed;
    return eachFile('tail', split.names, split.flags, { stdin, session, out, err }, (count) => [
      fromStart ? Math.min(count, Math.max(0, n - 1)) : Math.max(0, count - n),
      count,
    ]);
  },
};

type Count = 'l' | 'w' | 'c';

function countText(text: string): Record<Count, number> {
  return {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: utf8Length(text),
  };
}

export const wc: Program = {
  name: 'wc',
  summary: 'count lines, words and bytes (-l -w -c)',
  run({ argv, stdin, session, out, err }) {
    const flags = new Set<Count>();
    const names: string[] = [];
    let ended = false;
    for (const a of argv.slice(1)) {
      if (ended || a === '-' || !a.startsWith('-')) names.push(a);
      else if (a === '--') ended = true;
      else if (/^-[lwcm]+$/.test(a))
        for (const f of a.slice(1)) flags.add(f === 'm' ? 'c' : (f as Count));
      else if (a === '--lines') flags.add('l');
      else if (a === '--words') flags.add('w');
      else if (a === '--bytes' || a === '--chars') flags.add('c');
      else {
        err(
          a.startsWith('--')
            ? `wc: unrecognized option '${a}'\nTry 'wc --help' for more information.\n`
            : `wc: invalid option -- '${[...a.slice(1)].find((c) => !'lwcm'.includes(c))}'\nTry 'wc --help' for more information.\n`,
        );
        return 1;
      }
    }
    const order = (['l', 'w', 'c'] as const).filter((f) => flags.size === 0 || flags.has(f));
    if (names.length === 0) {
      const counts = countText(stdin);
      // Standard input is a pipe here: one count prints bare, several are 7 wide.
      out(
        order.length === 1
          ? `${counts[order[0] as Count]}\n`
          : `${order.map((f) => String(counts[f]).padStart(7)).join(' ')}\n`,
      );
      return 0;
    }
    const inputs = names.map((name) => readInput(session, name, stdin));
    // GNU sizes the columns from the stat'ed sizes of the regular files, at least 7 wide when
    // any input is not one (stdin, a directory); one count of one file is not padded.
    let width = 1;
    if (!(names.length === 1 && order.length === 1)) {
      let bytes = 0;
      let minimum = 1;
      for (const input of inputs) {
        if (input.name === '-' || input.code === 'EISDIR') minimum = 7;
        else if (input.text !== undefined) bytes += utf8Length(input.text);
      }
      width = Math.max(String(bytes).length, minimum);
    }
    const row = (counts: Record<Count, number>, label: string) =>
      `${order.map((f) => String(counts[f]).padStart(width)).join(' ')} ${label}\n`;
    const total: Record<Count, number> = { l: 0, w: 0, c: 0 };
    let status = 0;
    for (const input of inputs) {
      if (input.text === undefined) {
        err(`wc: ${quoteIfNeeded(input.name)}: ${ERRNO_TEXT[input.code ?? 'ENOENT']}\n`);
        status = 1;
        // A directory opens and reads as nothing, so it still gets its row of zeros.
        if (input.code === 'EISDIR') out(row({ l: 0, w: 0, c: 0 }, input.name));
        continue;
      }
      const counts = countText(input.text);
      for (const f of ['l', 'w', 'c'] as const) total[f] += counts[f];
      out(row(counts, input.name));
    }
    if (names.length > 1) out(row(total, 'total'));
    return status;
  },
};
