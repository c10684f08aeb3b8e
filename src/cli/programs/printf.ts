// bash's `printf` builtin: the format string's backslash escapes and % conversions (d i o u x X
// c s b q Q e E f F g G %), reused while arguments remain. Numbers are 64-bit as in bash
// (intmax_t); an argument that is not a number is reported and counts as what parsed of it.
import type { Program } from '../program';
import { utf8Length } from './fsutil';

const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';
const INT_MAX = (1n << 63n) - 1n;
const INT_MIN = -(1n << 63n);
const UINT_MASK = (1n << 64n) - 1n;

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

interface Escaped {
  text: string;
  length: number;
}

/**
 * The escape at `s[i]` (just after a backslash). In the format string an octal escape is up to
 * three digits (`\101`, `\012`); in a `%b` argument `\0` may take three more (`\0101`), and
 * `\'`, `\"` and `\?` are left as they are.
 */
function escapeAt(s: string, i: number, forB: boolean, warn: (m: string) => void): Escaped {
  const c = s[i];
  if (c === undefined) return { text: '\\', length: 0 };
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, length: 1 };
  if (!forB && (c === '"' || c === "'" || c === '?')) return { text: c, length: 1 };
  if (/[0-7]/.test(c)) {
    const max = forB && c === '0' ? 4 : 3;
    const digits = /^[0-7]+/.exec(s.slice(i, i + max))?.[0] ?? c;
    return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), length: digits.length };
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const digits = /^[0-9a-fA-F]+/.exec(s.slice(i + 1, i + 1 + max))?.[0];
    if (digits === undefined) {
      if (c === 'x') warn('missing hex digit for \\x');
      else warn(`missing unicode digit for \\${c}`);
      return { text: `\\${c}`, length: 1 };
    }
    const code = parseInt(digits, 16);
    const text =
      c === 'x' ? String.fromCharCode(code) : code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return { text, length: 1 + digits.length };
  }
  return { text: `\\${c}`, length: 1 };
}

/** A `%b` argument with its escapes expanded; `stopped` at `\\c`, which ends all output. */
function expandEscapes(s: string, warn: (m: string) => void): { text: string; stopped: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      text += s[i];
      continue;
    }
    if (s[i + 1] === 'c') return { text, stopped: true };
    const e = escapeAt(s, i + 1, true, warn);
    text += e.text;
    i += e.length;
  }
  return { text, stopped: false };
}

// Characters `printf %q` puts a backslash before (bash lib/sh/shquote.c sh_backslash_quote).
const SHELL_SPECIAL = new Set([...' \t\n\'"\\|&;()<>!{}*[?]^$`,']);

function ansiQuote(s: string): string {
  let out = "$'";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    const named: Record<string, string> = {
      '\x07': '\\a',
      '\b': '\\b',
      '\x1b': '\\E',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
      '\\': '\\\\',
      "'": "\\'",
    };
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** `printf %q`: the argument quoted so that the shell reads it back as it is. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if ([...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f')) return ansiQuote(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const prev = s[i - 1];
    const quote =
      SHELL_SPECIAL.has(c) ||
      (c === '#' && i === 0) ||
      (c === '~' && (i === 0 || prev === '=' || prev === ':'));
    out += quote ? `\\${c}` : c;
  }
  return out;
}

interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
}

function pad(body: string, spec: Spec, zeroOk: boolean): string {
  const width = spec.width ?? 0;
  // C's printf pads to a width in bytes.
  const len = utf8Length(body);
  if (len >= width) return body;
  const fill = width - len;
  if (spec.flags.includes('-')) return body + ' '.repeat(fill);
  if (zeroOk && spec.flags.includes('0')) {
    const sign = /^([+ -]|0[xX])?/.exec(body)?.[0] ?? '';
    return sign + '0'.repeat(fill) + body.slice(sign.length);
  }
  return ' '.repeat(fill) + body;
}

function formatInteger(value: bigint, conv: string, spec: Spec): string {
  const unsigned = conv !== 'd' && conv !== 'i';
  let v = unsigned ? value & UINT_MASK : value;
  const negative = v < 0n;
  if (negative) v = -v;
  const radix = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = v.toString(radix);
  if (conv === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && v === 0n) digits = '';
    digits = digits.padStart(spec.precision, '0');
  }
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((conv === 'x' || conv === 'X') && v !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  if (!unsigned) {
    if (negative) prefix = '-';
    else if (spec.flags.includes('+')) prefix = '+';
    else if (spec.flags.includes(' ')) prefix = ' ';
  }
  return pad(prefix + digits, spec, spec.precision === undefined);
}

function formatGeneral(v: number, precision: number, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return alt ? (0).toFixed(p - 1) : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toExponential(p - 1)))));
  let s = exp < -4 || exp >= p ? cExponential(v, p - 1) : v.toFixed(Math.max(0, p - 1 - exp));
  if (!alt) {
    s = s.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  }
  return s;
}

/** C's %e: at least two exponent digits. */
function cExponential(v: number, digits: number): string {
  return v.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
}

function formatFloat(v: number, conv: string, spec: Spec): string {
  const precision = spec.precision ?? 6;
  const lower = conv.toLowerCase();
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
  else if (lower === 'e') body = cExponential(v, precision);
  else if (lower === 'g') body = formatGeneral(v, precision, spec.flags.includes('#'));
  else body = v.toFixed(precision);
  if (conv === conv.toUpperCase()) body = body.toUpperCase();
  if (!body.startsWith('-')) {
    if (spec.flags.includes('+')) body = `+${body}`;
    else if (spec.flags.includes(' ')) body = ` ${body}`;
  }
  return pad(body, spec, Number.isFinite(v));
}

export const printf: Program = {
  name: 'printf',
  summary: 'print its arguments under a format (printf "%s\\n" a b)',
  run({ argv, out, err }) {
    let args = argv.slice(1);
    if (args[0] === '--') args = args.slice(1);
    else if (args[0] !== undefined && /^-./.test(args[0])) {
      err(`bash: printf: ${args[0]}: invalid option\n${USAGE}`);
      return 2;
    }
    const format = args[0];
    if (format === undefined) {
      err(USAGE);
      return 2;
    }
    const rest = args.slice(1);
    let status = 0;
    let next = 0;
    let output = '';
    const warn = (m: string) => err(`bash: printf: ${m}\n`);
    const flush = () => {
      if (output !== '') out(output);
      output = '';
    };
    const nextArg = (): string | undefined => rest[next++];

    // strtoimax with base 0 (decimal, 0 octal, 0x hex); what follows the number is an error
    // that keeps the value read so far (bash builtins/printf.def getintmax, sh_invalidnum).
    const integerArg = (unsigned: boolean): bigint => {
      const a = nextArg();
      if (a === undefined || a === '') return 0n;
      if (a[0] === "'" || a[0] === '"') return BigInt(a.codePointAt(1) ?? 0);
      const m = /^\s*([+-]?)(?:0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9]\d*))/.exec(a);
      let value = 0n;
      if (m) {
        const [, sign, hex, octal, decimal] = m;
        if (hex !== undefined) value = BigInt(`0x${hex}`);
        else if (octal !== undefined) value = octal === '' ? 0n : BigInt(`0o${octal}`);
        else value = BigInt(decimal ?? '0');
        if (sign === '-') value = -value;
      }
      if (!m || m[0].length !== a.length) {
        const kind = /^0\d/.test(a) ? 'octal ' : a.startsWith('0x') ? 'hex ' : '';
        warn(`${a}: invalid ${kind}number`);
        status = 1;
        return value;
      }
      const max = unsigned ? UINT_MASK : INT_MAX;
      const min = unsigned ? -UINT_MASK : INT_MIN;
      if (value > max || value < min) {
        warn(`warning: ${a}: Numerical result out of range`);
        value = unsigned ? UINT_MASK : value > max ? max : min;
      }
      return value;
    };

    const floatArg = (): number => {
      const a = nextArg();
      if (a === undefined || a === '') return 0;
      if (a[0] === "'" || a[0] === '"') return a.codePointAt(1) ?? 0;
      const m = /^\s*[+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(a);
      if (!m || m[0].length !== a.length) {
        warn(`${a}: invalid number`);
        status = 1;
      }
      return m ? Number(m[0].trim().replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) : 0;
    };

    const starArg = (): number => Number(integerArg(false));

    for (;;) {
      const before = next;
      for (let i = 0; i < format.length; i++) {
        const c = format[i] ?? '';
        if (c === '\\') {
          const e = escapeAt(format, i + 1, false, warn);
          output += e.text;
          i += e.length;
          continue;
        }
        if (c !== '%') {
          output += c;
          continue;
        }
        const start = i;
        i++;
        const flags = /^[-+ #0']*/.exec(format.slice(i))?.[0] ?? '';
        i += flags.length;
        const spec: Spec = { flags, width: undefined, precision: undefined };
        if (format[i] === '*') {
          const w = starArg();
          spec.width = Math.abs(w);
          if (w < 0) spec.flags += '-';
          i++;
        } else {
          const w = /^\d*/.exec(format.slice(i))?.[0] ?? '';
          if (w !== '') spec.width = Number(w);
          i += w.length;
        }
        if (format[i] === '.') {
          i++;
          if (format[i] === '*') {
            const p = starArg();
            spec.precision = p < 0 ? undefined : p;
            i++;
          } else {
            const p = /^\d*/.exec(format.slice(i))?.[0] ?? '';
            spec.precision = Number(p || '0');
            i += p.length;
          }
        }
        i += (/^[hlLjzt]*/.exec(format.slice(i))?.[0] ?? '').length;
        const conv = format[i];
        if (conv === undefined) {
          flush();
          warn(`\`${format.slice(start)}': missing format character`);
          return 1;
        }
        switch (conv) {
          case '%':
            if (i === start + 1) {
              output += '%';
              break;
            }
            flush();
            warn("`%': invalid format character");
            return 1;
          case 'd':
          case 'i':
          case 'o':
          case 'u':
          case 'x':
          case 'X':
            output += formatInteger(integerArg(conv !== 'd' && conv !== 'i'), conv, spec);
            break;
          case 'e':
          case 'E':
          case 'f':
          case 'F':
          case 'g':
          case 'G':
            output += formatFloat(floatArg(), conv, spec);
            break;
          case 'c': {
            const a = nextArg();
            output += pad(a === undefined || a === '' ? '\0' : ([...a][0] ?? ''), spec, false);
            break;
          }
          case 's':
          case 'b':
          case 'q':
          case 'Q': {
            let a = nextArg() ?? '';
            if (conv === 'b') {
              const expanded = expandEscapes(a, warn);
              a = expanded.text;
              if (expanded.stopped) {
                if (spec.precision !== undefined) a = a.slice(0, spec.precision);
                output += pad(a, spec, false);
                flush();
                return status;
              }
            }
            if (conv === 'Q' && spec.precision !== undefined) a = a.slice(0, spec.precision);
            if (conv === 'q' || conv === 'Q') a = shellQuote(a);
            if (conv !== 'Q' && spec.precision !== undefined) a = a.slice(0, spec.precision);
            output += pad(a, spec, false);
            break;
          }
          default:
            flush();
            warn(`\`${conv}': invalid format character`);
            return 1;
        }
      }
      if (next >= rest.length || next === before) break;
    }
    flush();
    return status;
  },
};
