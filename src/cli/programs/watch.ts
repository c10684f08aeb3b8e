// procps-ng `watch` (4.0.2): runs a command through the shell every few seconds and shows its
// output full screen under a header, until interrupted. Header, options and messages follow
// procps-ng src/watch.c (output_header, main) and local/strutils.c (strtod_nol_or_err).
import type { Program, ProgramContext, Run, Session } from '../program';
import { completeWords } from '../complete';
import type { Registry } from '../shell/exec';
import { execute } from '../shell/exec';

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

const VERSION = 'watch from procps-ng 4.0.2\n';

/** What `clear` and curses send to start a fresh screen. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';

type Arg = 'none' | 'required' | 'optional';
const LONG: [name: string, short: string, arg: Arg][] = [
  ['color', 'c', 'none'],
  ['differences', 'd', 'optional'],
  ['help', 'h', 'none'],
  ['interval', 'n', 'required'],
  ['beep', 'b', 'none'],
  ['errexit', 'e', 'none'],
  ['chgexit', 'g', 'none'],
  ['equexit', 'q', 'required'],
  ['exec', 'x', 'none'],
  ['precise', 'p', 'none'],
  ['no-title', 't', 'none'],
  ['no-wrap', 'w', 'none'],
  ['version', 'v', 'none'],
];
// getopt's "+bced::ghq:n:pvtwx": `+` stops at the first word that is not an option.
const SHORT: Record<string, Arg> = Object.fromEntries(LONG.map(([, s, a]) => [s, a]));

interface Options {
  interval: number;
  title: boolean;
  exec: boolean;
  chgexit: boolean;
  equexit: number | undefined;
  command: string[];
}

type Parsed =
  | { ok: true; options: Options }
  | { ok: false; stream: 'out' | 'err'; text: string; exitCode: number };

/** strtod_nol_or_err: digits with `.` or `,` as the radix, an optional sign, nothing else. */
export function parseSeconds(text: string, what: string): number | string {
  const m = /^\s*([-+]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (text === '' || !m) {
    const why = text === '' ? 'No such file or directory' : 'Invalid argument';
    return `watch: ${what}: '${text}': ${why}\n`;
  }
  const value = Number(`${m[2] || '0'}.${m[3] || '0'}`);
  return m[1] === '-' ? -value : value;
}

function usageError(message: string): Parsed {
  return { ok: false, stream: 'err', text: `${message}\n${USAGE}`, exitCode: 1 };
}

function parseOptions(argv: readonly string[], env: Record<string, string>): Parsed {
  const o: Options = {
    interval: 2,
    title: true,
    exec: false,
    chgexit: false,
    equexit: undefined,
    command: [],
  };
  const fromEnv = env['WATCH_INTERVAL'];
  if (fromEnv !== undefined) {
    const v = parseSeconds(fromEnv, 'Could not parse interval from WATCH_INTERVAL');
    if (typeof v === 'string') return { ok: false, stream: 'err', text: v, exitCode: 1 };
    o.interval = v;
  }
  const apply = (short: string, value: string | undefined): Parsed | undefined => {
    switch (short) {
      case 'h':
        return { ok: false, stream: 'out', text: USAGE, exitCode: 0 };
      case 'v':
        return { ok: false, stream: 'out', text: VERSION, exitCode: 0 };
      case 't':
        o.title = false;
        break;
      case 'x':
        o.exec = true;
        break;
      case 'g':
        o.chgexit = true;
        break;
      case 'n':
      case 'q': {
        const v = parseSeconds(value ?? '', 'failed to parse argument');
        if (typeof v === 'string') return { ok: false, stream: 'err', text: v, exitCode: 1 };
        if (short === 'n') o.interval = v;
        else o.equexit = Math.trunc(v);
        break;
      }
    }
    return undefined;
  };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const exact = LONG.find(([n]) => n === name);
      const matches = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name));
      if (matches.length === 0) return usageError(`watch: unrecognized option '${a}'`);
      if (matches.length > 1) {
        const list = matches.map(([n]) => `'--${n}'`).join(' ');
        return usageError(`watch: option '${a}' is ambiguous; possibilities: ${list}`);
      }
      const [long, short, arg] = matches[0] as [string, string, Arg];
      let value = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (arg === 'none' && value !== undefined)
        return usageError(`watch: option '--${long}' doesn't allow an argument`);
      if (arg === 'required' && value === undefined) {
        value = argv[++i];
        if (value === undefined)
          return usageError(`watch: option '--${long}' requires an argument`);
      }
      const r = apply(short, value);
      if (r) return r;
      continue;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const arg = SHORT[c];
      if (arg === undefined) return usageError(`watch: invalid option -- '${c}'`);
      let value: string | undefined;
      if (arg !== 'none') {
        // An option's argument is the rest of the word, or (when required) the next word.
        value = a.slice(j + 1) || undefined;
        if (arg === 'required' && value === undefined) {
          value = argv[++i];
          if (value === undefined)
            return usageError(`watch: option requires an argument -- '${c}'`);
        }
        j = a.length;
      }
      const r = apply(c, value);
      if (r) return r;
    }
  }
  o.command = argv.slice(i);
  if (o.command.length === 0) return { ok: false, stream: 'err', text: USAGE, exitCode: 1 };
  o.interval = Math.min(Math.max(o.interval, 0.1), 4294967295);
  return { ok: true, options: o };
}

/**
 * C's `%.1f`. toFixed rounds by the exact binary value, as glibc does, except on an exact tie
 * (only x.25 and x.75 are held exactly), where glibc rounds to the even digit.
 */
export function formatInterval(seconds: number): string {
  if (Number.isInteger(seconds * 4) && !Number.isInteger(seconds * 2)) {
    const tenths = Math.floor(seconds * 10);
    return ((tenths % 2 === 0 ? tenths : tenths + 1) / 10).toFixed(1);
  }
  return seconds.toFixed(1);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) without its newline, in UTC: `Sat Nov 28 05:40:32 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * The title row: interval and command on the left, `host: time` flush right, the command cut
 * short with `... ` when the row is too narrow (output_header's rules; `rhlen` counts ctime's
 * newline, which is why the right part starts one column later than its length suggests).
 */
export function headerLine(
  interval: number,
  command: string,
  host: string,
  now: number,
  width: number,
): string {
  const left = `Every ${formatInterval(interval)}s: `;
  const right = `${host}: ${ctime(now)}`;
  const hlen = left.length;
  const rhlen = right.length + 1;
  if (width < rhlen) return '';
  const row: string[] = Array<string>(width).fill(' ');
  const put = (at: number, text: string) => {
    for (let k = 0; k < text.length && at + k < width; k++)
      if (at + k >= 0) row[at + k] = text[k] as string;
  };
  if (rhlen + hlen + 1 <= width) {
    put(0, left);
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ');
      else if (width < rhlen + hlen + command.length) {
        put(hlen, command.slice(0, width - rhlen - hlen - 4));
        put(width - rhlen - 4, '... ');
      } else put(hlen, command.slice(0, width - rhlen - hlen));
    }
  }
  put(width - rhlen + 1, right);
  return row.join('');
}

/**
 * The command's output as curses shows it: escape sequences and other unprintable characters
 * dropped, tabs expanded, and no more rows than the screen has below the title.
 */
export function screenText(output: string, width: number, rows: number | undefined): string {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g, '');
  const lines: string[] = [];
  let used = 0;
  const all = plain.split('\n');
  for (let n = 0; n < all.length; n++) {
    const raw = all[n] as string;
    let line = '';
    for (const ch of raw) {
      if (ch === '\t') line += ' '.repeat(8 - (line.length % 8));
      else if (ch >= ' ' && ch !== '\x7f') line += ch;
    }
    const last = n === all.length - 1;
    if (last && line === '') break;
    const height = Math.max(1, Math.ceil(line.length / width));
    if (rows !== undefined && used + height > rows) {
      const room = rows - used;
      if (room > 0) lines.push(line.slice(0, room * width));
      break;
    }
    used += height;
    lines.push(last ? line : `${line}\n`);
  }
  return lines.join('');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `sh -c`: the same world (what it changes stays changed), its own copy of the variables. */
function subshell(session: Session, env: Record<string, string>): Session {
  return {
    get world() {
      return session.world;
    },
    set world(world) {
      session.world = world;
    },
    env,
    history: session.history,
    ...(session.journal ? { journal: session.journal } : {}),
  };
}

function positiveInt(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && /^\d+$/.test(text) && n > 0 ? n : undefined;
}

function* watchLoop(ctx: ProgramContext, o: Options, registry: Registry): Run {
  const env = ctx.session.env;
  const host = env['HOSTNAME'] || 'gitops';
  const shown = o.command.join(' ');
  const text = o.exec ? o.command.map(shellQuote).join(' ') : shown;
  const intervalMs = Math.round(o.interval * 1000);
  let previous: string | undefined;
  let unchanged = 0;
  for (;;) {
    // Each screen is drawn for the terminal's size at the time: it may have been resized.
    const width = positiveInt(env['COLUMNS']) ?? 80;
    const lines = positiveInt(env['LINES']);
    const started = ctx.session.world.now;
    let captured = '';
    // The command writes into a pipe: standard output and standard error both.
    const sink = { stdout: (t: string) => (captured += t), stderr: (t: string) => (captured += t) };
    const childEnv = { ...env, COLUMNS: String(width), ...(lines ? { LINES: String(lines) } : {}) };
    yield* execute(subshell(ctx.session, childEnv), text, registry, sink);
    const rows = lines === undefined ? undefined : Math.max(0, lines - (o.title ? 2 : 0));
    const body = screenText(captured, width, rows);
    const title = o.title ? `${headerLine(o.interval, shown, host, started, width)}\n\n` : '';
    ctx.out(`${CLEAR_SCREEN}${title}${body}`);
    if (previous !== undefined) {
      if (o.chgexit && body !== previous) return 0;
      unchanged = body === previous ? unchanged + 1 : 0;
      if (o.equexit !== undefined && unchanged >= o.equexit) return 0;
    }
    previous = body;
    const next = ctx.session.world.now + intervalMs;
    while (ctx.session.world.now < next) yield next;
  }
}

export function watchProgram(registry: () => Registry): Program {
  return {
    name: 'watch',
    summary: 'run a command every 2 seconds, full screen (watch kubectl get pods)',
    run(ctx) {
      const parsed = parseOptions(ctx.argv, ctx.session.env);
      if (!parsed.ok) {
        (parsed.stream === 'out' ? ctx.out : ctx.err)(parsed.text);
        return parsed.exitCode;
      }
      return watchLoop(ctx, parsed.options, registry());
    },
    complete(args, session) {
      // Past watch's own options, the words are a command of their own.
      let i = 0;
      while (i < args.length - 1) {
        const a = args[i] as string;
        if (!a.startsWith('-') || a === '-') break;
        if (a === '--') {
          i++;
          break;
        }
        const takesValue = /^-[^-]*[nq]$/.test(a) || a === '--interval' || a === '--equexit';
        i += takesValue ? 2 : 1;
      }
      const rest = args.slice(i);
      if (rest.length === 1 && (rest[0] as string).startsWith('-')) return [];
      return completeWords(rest, session, registry());
    },
  };
}
