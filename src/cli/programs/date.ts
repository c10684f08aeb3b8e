// GNU coreutils `date` (9.x), reading the simulated clock: the machine's time zone is UTC, so
// `date` and `date -u` agree. Formats: the default `+%a %b %e %H:%M:%S %Z %Y`, `+FORMAT` with the
// usual strftime conversions, -I/--iso-8601[=TIMESPEC] and -R/--rfc-email.
import type { Program } from '../program';
import { usageError } from './fsutil';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';
export const RFC_EMAIL = '%a, %d %b %Y %H:%M:%S %z';

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** strftime in UTC for the conversions people type; an unknown one is printed as it stands. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const hour12 = d.getUTCHours() % 12 || 12;
  const dayOfYear = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    a: () => (DAYS[d.getUTCDay()] as string).slice(0, 3),
    A: () => DAYS[d.getUTCDay()] as string,
    b: () => (MONTHS[d.getUTCMonth()] as string).slice(0, 3),
    h: () => (MONTHS[d.getUTCMonth()] as string).slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()] as string,
    C: () => pad(Math.floor(d.getUTCFullYear() / 100)),
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, ' '),
    H: () => pad(d.getUTCHours()),
    I: () => pad(hour12),
    j: () => pad(dayOfYear, 3),
    k: () => pad(d.getUTCHours(), 2, ' '),
    l: () => pad(hour12, 2, ' '),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    N: () => pad((((ms % 1000) + 1000) % 1000) * 1_000_000, 9),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    P: () => (d.getUTCHours() < 12 ? 'am' : 'pm'),
    s: () => String(Math.floor(ms / 1000)),
    S: () => pad(d.getUTCSeconds()),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => '+0000',
    Z: () => 'UTC',
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  const composite: Record<string, string> = {
    D: '%m/%d/%y',
    F: '%Y-%m-%d',
    T: '%H:%M:%S',
    R: '%H:%M',
    r: '%I:%M:%S %p',
    c: '%a %b %e %H:%M:%S %Y',
    x: '%m/%d/%y',
    X: '%H:%M:%S',
  };
  return format.replace(/%(:{0,3}z|.)/gs, (whole, c: string) => {
    if (c === ':z') return '+00:00';
    if (c === '::z') return '+00:00:00';
    if (c === ':::z') return '+00';
    const sub = composite[c];
    if (sub !== undefined) return strftime(sub, ms);
    return conv[c]?.() ?? whole;
  });
}

// In the order GNU lists them when the argument is not one of them.
const ISO: Record<string, string> = {
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  date: '%Y-%m-%d',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

/** GNU's argmatch: an exact name, or an unambiguous prefix of one. */
function isoFormat(spec: string): string | undefined {
  const names = Object.keys(ISO);
  const name = names.includes(spec) ? spec : names.filter((n) => n.startsWith(spec));
  const key = typeof name === 'string' ? name : name.length === 1 ? name[0] : undefined;
  return key === undefined || spec === '' ? undefined : ISO[key];
}

const invalidIso = (spec: string) =>
  `date: invalid argument ‘${spec}’ for ‘--iso-8601’\nValid arguments are:\n${Object.keys(ISO)
    .map((n) => `  - ‘${n}’\n`)
    .join('')}Try 'date --help' for more information.\n`;

export const date: Program = {
  name: 'date',
  summary: 'print the simulated date and time (date, date -u, date +%s)',
  run({ argv, session, out, err }) {
    let format: string | undefined;
    let fixed: string | undefined;
    let clash = false;
    const choose = (f: string) => {
      clash ||= fixed !== undefined;
      fixed = f;
    };
    const operands: string[] = [];
    let ended = false;
    for (const a of argv.slice(1)) {
      if (ended || a === '-' || !a.startsWith('-')) {
        operands.push(a);
        continue;
      }
      if (a === '--') {
        ended = true;
        continue;
      }
      if (a === '--utc' || a === '--universal') continue;
      if (a === '--rfc-email') {
        choose(RFC_EMAIL);
        continue;
      }
      const long = /^--iso-8601(?:=(.*))?$/.exec(a);
      if (long) {
        const f = long[1] === undefined ? ISO['date'] : isoFormat(long[1]);
        if (f === undefined) {
          err(invalidIso(long[1] ?? ''));
          return 1;
        }
        choose(f);
        continue;
      }
      if (a.startsWith('--')) {
        err(usageError('date', `unrecognized option '${a}'`));
        return 1;
      }
      for (let i = 1; i < a.length; i++) {
        const c = a[i] as string;
        if (c === 'u') continue;
        if (c === 'R') {
          choose(RFC_EMAIL);
          continue;
        }
        if (c === 'I') {
          const spec = a.slice(i + 1);
          const f = spec === '' ? ISO['date'] : isoFormat(spec);
          if (f === undefined) {
            err(invalidIso(spec));
            return 1;
          }
          choose(f);
          break;
        }
        if ('dfrs'.includes(c)) {
          err(`date: -${c}: not available in this simulation\n`);
          return 1;
        }
        err(usageError('date', `invalid option -- '${c}'`));
        return 1;
      }
    }
    if (operands.length > 1) {
      err(usageError('date', `extra operand ‘${operands[1] as string}’`));
      return 1;
    }
    const operand = operands[0];
    if (operand !== undefined) {
      // Setting the clock needs MMDDhhmm[[CC]YY][.ss], and root.
      if (!operand.startsWith('+')) {
        err(`date: invalid date ‘${operand}’\n`);
        return 1;
      }
      format = operand.slice(1);
    }
    if (clash || (format !== undefined && fixed !== undefined)) {
      err('date: multiple output formats specified\n');
      return 1;
    }
    out(`${strftime(format ?? fixed ?? DEFAULT_FORMAT, session.world.now)}\n`);
    return 0;
  },
};
