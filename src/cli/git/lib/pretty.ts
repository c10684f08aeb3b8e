// How git log and git show print a commit: the built-in formats (`--pretty=oneline|short|medium|
// full|fuller|reference`), format strings (`--format=…`, `--pretty=format:…`, `tformat:`) with the
// common placeholders, and `--date=…`. Formats: git 2.39 pretty.c, date.c.
import { git } from '../common';

type Commit = Awaited<ReturnType<typeof git.readCommit>>;
type Person = Commit['commit']['author'];

export type DateMode =
  'default' | 'iso' | 'iso-strict' | 'rfc' | 'short' | 'raw' | 'unix' | 'relative';

const DATE_MODES: readonly DateMode[] = [
  'default',
  'iso',
  'iso-strict',
  'rfc',
  'short',
  'raw',
  'unix',
  'relative',
];

export type Pretty =
  | { kind: 'oneline' | 'short' | 'medium' | 'full' | 'fuller' | 'reference' }
  /** A format string; `terminator` (tformat) ends every commit with a newline, else separates. */
  | { kind: 'format'; template: string; terminator: boolean };

const BUILT_IN = ['oneline', 'short', 'medium', 'full', 'fuller', 'reference'] as const;

/**
 * The value of `--pretty=` or `--format=`: a built-in name, `format:`/`tformat:`, or a bare
 * string with a `%` (a tformat). Undefined for an unknown name.
 */
export function parsePretty(value: string, option: 'pretty' | 'format'): Pretty | undefined {
  const known = BUILT_IN.find((b) => b === value.toLowerCase());
  if (known) return { kind: known };
  if (value === '' && option === 'pretty') return { kind: 'medium' };
  if (value.startsWith('format:'))
    return { kind: 'format', template: value.slice(7), terminator: false };
  if (value.startsWith('tformat:'))
    return { kind: 'format', template: value.slice(8), terminator: true };
  if (value.includes('%') || option === 'format')
    return { kind: 'format', template: value, terminator: true };
  return undefined;
}

/** `--date=<mode>`'s mode, or undefined for one the simulator does not know. */
export function parseDateMode(value: string): DateMode | undefined {
  const v = value === 'iso8601' ? 'iso' : value === 'iso8601-strict' ? 'iso-strict' : value;
  return DATE_MODES.find((m) => m === v);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** git's relative dates (date.c show_date_relative), `now` and `then` in seconds. */
export function relativeDate(then: number, now: number): string {
  if (then > now) return 'in the future';
  let diff = now - then;
  const ago = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (diff < 90) return ago(diff, 'second');
  diff = Math.floor((diff + 30) / 60);
  if (diff < 90) return ago(diff, 'minute');
  diff = Math.floor((diff + 30) / 60);
  if (diff < 36) return ago(diff, 'hour');
  diff = Math.floor((diff + 12) / 24);
  if (diff < 14) return ago(diff, 'day');
  if (diff < 70) return ago(Math.floor((diff + 3) / 7), 'week');
  if (diff < 365) return ago(Math.floor((diff + 15) / 30), 'month');
  if (diff < 1825) {
    const totalMonths = Math.floor((diff * 12 * 2 + 365) / (365 * 2));
    const years = Math.floor(totalMonths / 12);
    const months = totalMonths % 12;
    if (months) {
      const y = `${years} year${years === 1 ? '' : 's'}`;
      return `${y}, ${ago(months, 'month')}`;
    }
    return ago(years, 'year');
  }
  return ago(Math.floor((diff + 183) / 365), 'year');
}

/** A person's date in a `--date` mode; `now` (seconds) is for relative dates. */
export function formatDate(p: Person, mode: DateMode, now: number): string {
  const off = -p.timezoneOffset;
  const sign = off < 0 ? '-' : '+';
  const hh = pad2(Math.floor(Math.abs(off) / 60));
  const mm = pad2(Math.abs(off) % 60);
  const d = new Date((p.timestamp + off * 60) * 1000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  switch (mode) {
    case 'iso':
      return `${date} ${time} ${sign}${hh}${mm}`;
    case 'iso-strict':
      return `${date}T${time}${sign}${hh}:${mm}`;
    case 'rfc':
      return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${sign}${hh}${mm}`;
    case 'short':
      return date;
    case 'raw':
      return `${p.timestamp} ${sign}${hh}${mm}`;
    case 'unix':
      return String(p.timestamp);
    case 'relative':
      return relativeDate(p.timestamp, now);
    default:
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${time} ${d.getUTCFullYear()} ${sign}${hh}${mm}`;
  }
}

/** The subject (first paragraph, lines joined) and the body (the rest) of a message. */
function splitMessage(message: string): { subject: string; body: string } {
  const lines = message.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const subject: string[] = [];
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) subject.push(lines[i]!.trim());
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const body = lines.slice(i).join('\n').replace(/\n*$/, '');
  return { subject: subject.join(' '), body: body ? `${body}\n` : '' };
}

export interface PrettyOptions {
  pretty: Pretty;
  date: DateMode;
  /** Seconds since the epoch: what relative dates count back from. */
  now: number;
  /** `--abbrev-commit` (implied by `--oneline`). */
  abbrev: boolean;
  /** Ref names by commit, for `%d`, `%D` and decorated built-in formats. */
  refs: Map<string, string[]>;
  /** Whether built-in formats show the ref names (as git log in a terminal does). */
  decorate: boolean;
}

const short = (oid: string) => oid.slice(0, 7);

/** Expands a format string's placeholders for one commit. Unknown ones are left as written. */
export function expandFormat(template: string, c: Commit, o: PrettyOptions): string {
  const { commit } = c;
  const { subject, body } = splitMessage(commit.message);
  const refs = o.refs.get(c.oid) ?? [];
  const person = (p: Person, what: string): string | undefined => {
    switch (what) {
      case 'n':
      case 'N':
        return p.name;
      case 'e':
      case 'E':
        return p.email;
      case 'l':
      case 'L':
        return p.email.replace(/@.*$/, '');
      case 'd':
        return formatDate(p, o.date, o.now);
      case 'D':
        return formatDate(p, 'rfc', o.now);
      case 'r':
        return formatDate(p, 'relative', o.now);
      case 't':
        return String(p.timestamp);
      case 'i':
        return formatDate(p, 'iso', o.now);
      case 'I':
        return formatDate(p, 'iso-strict', o.now);
      case 's':
        return formatDate(p, 'short', o.now);
      default:
        return undefined;
    }
  };
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const next = template[i + 1];
    const simple: Record<string, () => string> = {
      '%': () => '%',
      n: () => '\n',
      H: () => c.oid,
      h: () => short(c.oid),
      T: () => commit.tree,
      t: () => short(commit.tree),
      P: () => commit.parent.join(' '),
      p: () => commit.parent.map(short).join(' '),
      s: () => subject,
      f: () =>
        subject
          .replace(/[^A-Za-z0-9._]+/g, '-')
          .replace(/^[-.]+|[-.]+$/g, '')
          .replace(/\.+/g, '.'),
      b: () => body,
      B: () => commit.message,
      d: () => (refs.length > 0 ? ` (${refs.join(', ')})` : ''),
      D: () => refs.join(', '),
    };
    if (next !== undefined && next in simple) {
      out += simple[next]!();
      i++;
      continue;
    }
    if ((next === 'a' || next === 'c') && template[i + 2] !== undefined) {
      const value = person(next === 'a' ? commit.author : commit.committer, template[i + 2]!);
      if (value !== undefined) {
        out += value;
        i += 2;
        continue;
      }
    }
    // Colours: `%Cred`, `%Creset`, `%C(...)`; none when the output is not a terminal's colours.
    if (next === 'C') {
      const named = /^C(red|green|blue|reset)/.exec(template.slice(i + 1));
      const paren = /^C\([^)]*\)/.exec(template.slice(i + 1));
      const m = paren ?? named;
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(template.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(template.slice(i + 2, i + 4), 16));
      i += 3;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * One commit as a built-in format prints it (ending with a newline); the message block of
 * multi-line formats is indented four spaces.
 */
export function builtInFormat(c: Commit, o: PrettyOptions): string {
  const { commit } = c;
  const kind = o.pretty.kind;
  const id = o.abbrev ? short(c.oid) : c.oid;
  const refs = o.refs.get(c.oid);
  const deco = o.decorate && refs ? ` (${refs.join(', ')})` : '';
  const { subject } = splitMessage(commit.message);
  if (kind === 'oneline') return `${id}${deco} ${subject}\n`;
  if (kind === 'reference')
    return `${short(c.oid)} (${subject}, ${formatDate(commit.author, 'short', o.now)})\n`;
  const who = (p: Person) => `${p.name} <${p.email}>`;
  let out = `commit ${id}${deco}\n`;
  if (commit.parent.length > 1) out += `Merge: ${commit.parent.map(short).join(' ')}\n`;
  if (kind === 'fuller') {
    out += `Author:     ${who(commit.author)}\n`;
    out += `AuthorDate: ${formatDate(commit.author, o.date, o.now)}\n`;
    out += `Commit:     ${who(commit.committer)}\n`;
    out += `CommitDate: ${formatDate(commit.committer, o.date, o.now)}\n`;
  } else {
    out += `Author: ${who(commit.author)}\n`;
    if (kind === 'medium') out += `Date:   ${formatDate(commit.author, o.date, o.now)}\n`;
    if (kind === 'full') out += `Commit: ${who(commit.committer)}\n`;
  }
  const text = kind === 'short' ? subject : commit.message.replace(/\n+$/, '');
  out += '\n';
  out += text
    .split('\n')
    .map((l) => `    ${l}\n`)
    .join('');
  return out;
}

/** Whether the format prints a multi-line header (so commits are separated by a blank line). */
export const isMultiLine = (p: Pretty) =>
  p.kind !== 'oneline' && p.kind !== 'reference' && p.kind !== 'format';
