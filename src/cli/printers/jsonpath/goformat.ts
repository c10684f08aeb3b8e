// Go's printing of values, as kubectl's JSONPath output and error messages show them (fmt's %v,
// %#v, %q and %#U, encoding/json): the learner sees Go's spelling, not JavaScript's.
import type { GoMap } from './govalue';
import { kindOf, mapKeys, scalar } from './govalue';

/** A float64 as fmt's %v prints it: shortest digits, exponent form below 1e-4 and from 1e6. */
export function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  const sign = n < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  // strconv's 'g' with the shortest precision switches to an exponent at 1e6.
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0] ?? ''}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** fmt.Sprint of a value (%v): `map[a:1 b:x]`, `[1 2]`, `<nil>`. */
export function formatGoValue(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'nil':
      return '<nil>';
    case 'map': {
      const m = v as GoMap;
      return `map[${mapKeys(m)
        .map((k) => `${k}:${formatGoValue(m[k])}`)
        .join(' ')}]`;
    }
    case 'slice':
      return `[${(v as unknown[]).map(formatGoValue).join(' ')}]`;
    case 'float':
      return formatGoFloat(Number(scalar(v)));
    default:
      return String(scalar(v));
  }
}

/** fmt's %#v of unstructured data, as kubectl dumps the object in an execution error. */
export function goSharpV(v: unknown, top = false): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return top ? '<nil>' : 'interface {}(nil)';
    case 'map': {
      const m = v as GoMap;
      const entries = mapKeys(m).map((k) => `${goQuote(k)}:${goSharpV(m[k])}`);
      return `map[string]interface {}{${entries.join(', ')}}`;
    }
    case 'slice':
      return `[]interface {}{${(v as unknown[]).map((x) => goSharpV(x)).join(', ')}}`;
    case 'string':
      return goQuote(v as string);
    default:
      return formatGoValue(v);
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Go's strconv.Quote (fmt's %q). */
export function goQuote(s: string): string {
  const named: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
  };
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (isGoPrint(cp)) out += ch;
    else if (named[ch] !== undefined) out += named[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** encoding/json's string encoding, HTML-safe as json.Marshal makes it. */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029)
      out += `\\u${hex(cp, 4)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** json.Marshal (indent undefined) or json.MarshalIndent with four spaces (indent = prefix). */
export function goJson(v: unknown, indent?: string): string {
  const inner = indent === undefined ? undefined : indent + '    ';
  const open = inner === undefined ? '' : `\n${inner}`;
  const close = indent === undefined ? '' : `\n${indent}`;
  const sep = inner === undefined ? ',' : `,\n${inner}`;
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'string':
      return goJsonString(v as string);
    case 'map': {
      const m = v as GoMap;
      const keys = mapKeys(m);
      if (keys.length === 0) return '{}';
      const colon = inner === undefined ? ':' : ': ';
      return `{${open}${keys.map((k) => goJsonString(k) + colon + goJson(m[k], inner)).join(sep)}${close}}`;
    }
    case 'slice': {
      const items = v as unknown[];
      if (items.length === 0) return '[]';
      return `[${open}${items.map((x) => goJson(x, inner)).join(sep)}${close}]`;
    }
    default: {
      const n = scalar(v);
      return typeof n === 'number' && Object.is(n, -0) ? '-0' : String(n);
    }
  }
}

/** fmt's %#U: `U+0041 'A'`, or just `U+0009` for a character that does not print. */
export function goSharpU(r: number): string {
  const code = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(r) ? `${code} '${String.fromCodePoint(r)}'` : code;
}

function isGoPrint(r: number): boolean {
  return r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r));
}
