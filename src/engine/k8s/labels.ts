// Label selectors: the `-l` string syntax and the LabelSelector objects Deployments and
// ReplicaSets carry, matched the way the API server matches them.
//
// kubectl does not parse `-l` itself: it sends the text as the labelSelector query parameter and
// the API server parses it (k8s.io/apimachinery/pkg/labels/selector.go, Parse), answering 400
// with the parser's error as the message. parseSelector reproduces that parser, token by token,
// so that what it accepts and the errors it words are the server's.
import type { LabelSelector } from './types';

export type Requirement =
  | { op: 'in' | 'notin' | 'gt' | 'lt'; key: string; values: string[] }
  | { op: 'exists' | '!'; key: string };

export type Selector = readonly Requirement[];

/** strconv.ParseInt(s, 10, 64), or undefined where Go reports an error. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

export function matches(
  selector: Selector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const value = l[r.key] as string;
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(value)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(value)) return false;
        break;
      case 'gt':
      case 'lt': {
        const have = has ? parseInt64(value) : undefined;
        const want = r.values.length === 1 ? parseInt64(r.values[0] as string) : undefined;
        if (have === undefined || want === undefined) return false;
        if (r.op === 'gt' ? !(have > want) : !(have < want)) return false;
        break;
      }
      default: {
        const never: never = r;
        throw new Error(`unknown requirement ${String(never)}`);
      }
    }
  }
  return true;
}

/** A LabelSelector object (matchLabels + matchExpressions) as requirements. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {}))
    out.push({ op: 'in', key, values: [value] });
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') out.push({ op: 'in', key: e.key, values: e.values ?? [] });
    else if (e.operator === 'NotIn') out.push({ op: 'notin', key: e.key, values: e.values ?? [] });
    else if (e.operator === 'Exists') out.push({ op: 'exists', key: e.key });
    else if (e.operator === 'DoesNotExist') out.push({ op: '!', key: e.key });
  }
  return out;
}

/** A map selector (a Service's spec.selector). An empty map selects nothing for Services. */
export function fromMap(map: Readonly<Record<string, string>>): Selector {
  return Object.entries(map).map(([key, value]) => ({ op: 'in', key, values: [value] }));
}

/**
 * `app=my-app,pod-template-hash=…` as kubectl prints a LabelSelector (metav1.FormatLabelSelector):
 * requirements sorted by key, set values sorted, `<none>` when empty, `<error>` when invalid.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    if (isQualifiedName(key).length > 0 || isValidLabelValue(value).length > 0) return '<error>';
    parts.push({ key, text: `${key}=${value}` });
  }
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    const set = e.operator === 'In' || e.operator === 'NotIn';
    if (!set && e.operator !== 'Exists' && e.operator !== 'DoesNotExist') return '<error>';
    if (set ? values.length === 0 : values.length > 0) return '<error>';
    if (isQualifiedName(e.key).length > 0 || values.some((v) => isValidLabelValue(v).length > 0))
      return '<error>';
    const sorted = [...values].sort(byBytes).join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${sorted})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${sorted})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  parts.sort((a, b) => byBytes(a.key, b.key));
  return parts.length === 0 ? '<none>' : parts.map((p) => p.text).join(',');
}

// ---- validation messages (k8s.io/apimachinery/pkg/util/validation, util/validation/field) ----

/** Go's len(): the UTF-8 byte count, which is what the length limits count. */
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Go's %q (strconv.Quote), which field errors use to show the bad value. */
function goQuote(s: string): string {
  const named: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const esc = named[ch];
    if (esc) out += esc;
    else if (c < 0x20 || c === 0x7f) out += `\\x${hex(c, 2)}`;
    else if (ch === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += c < 0x10000 ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`;
  }
  return `${out}"`;
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`);
const QNAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN_FMT}$`);

/** validation.IsQualifiedName: what a label key must be. */
function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (byteLength(prefix) > 253) errs.push('prefix part must be no more than 253 characters');
      if (!SUBDOMAIN_RE.test(prefix))
        errs.push(
          `prefix part ${regexError(
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
            SUBDOMAIN_FMT,
            'example.com',
          )}`,
        );
    }
  } else {
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push('name part must be no more than 63 characters');
  if (!QNAME_RE.test(name))
    errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue. */
function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE_RE.test(value))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  return errs;
}

/** field.Invalid(path, value, detail).Error(). */
const invalid = (path: string, value: string, detail: string) =>
  `${path}: Invalid value: ${goQuote(value)}: ${detail}`;

/** utilerrors.NewAggregate(errs).Error(): one error as is, several deduplicated in brackets. */
function aggregate(errs: readonly string[]): string {
  const seen = [...new Set(errs)];
  return seen.length === 1 ? (seen[0] as string) : `[${seen.join(', ')}]`;
}

// ---- the lexer and parser (labels.Lexer, labels.Parser) ----

type Token =
  | 'error'
  | 'eos'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

const LITERALS = new Map<string, Token>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
]);

interface Item {
  tok: Token;
  lit: string;
}

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch) && ch !== '';
// The lexer reads bytes and takes a NUL byte, like the end of the input, as a stop.
const NUL = '\0';

function scan(s: string): Item[] {
  let pos = 0;
  const read = (): string => (pos < s.length ? (s[pos++] as string) : NUL);
  const unread = () => {
    pos--;
  };
  const lex = (): Item => {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === NUL) return { tok: 'eos', lit: '' };
    unread();
    let buffer = '';
    if (isSpecial(ch)) {
      // The longest run of symbols that is still an operator: `!=` rather than `!`.
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === NUL) break;
        if (!isSpecial(c)) {
          unread();
          break;
        }
        buffer += c;
        const tok = LITERALS.get(buffer);
        if (tok) last = { tok, lit: buffer };
        else if (last) {
          unread();
          break;
        }
      }
      return last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` };
    }
    for (;;) {
      const c = read();
      if (c === NUL) break;
      if (isSpecial(c) || isWhitespace(c)) {
        unread();
        break;
      }
      buffer += c;
    }
    return { tok: LITERALS.get(buffer) ?? 'identifier', lit: buffer };
  };
  const items: Item[] = [];
  for (;;) {
    const item = lex();
    items.push(item);
    if (item.tok === 'eos') return items;
  }
}

class SelectorError extends Error {}

/** Go's sort.Strings order (bytewise UTF-8), which fixes the indices in value errors. */
function byBytes(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0) as number);
  const cb = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++)
    if (ca[i] !== cb[i]) return (ca[i] as number) - (cb[i] as number);
  return ca.length - cb.length;
}

class Parser {
  private position = 0;
  constructor(private readonly items: readonly Item[]) {}

  /** In the Values context `in` and `notin` are plain identifiers (`x in (in)`). */
  private lookahead(values: boolean): Item {
    const item = this.items[this.position] ?? { tok: 'eos', lit: '' };
    return values && (item.tok === 'in' || item.tok === 'notin')
      ? { tok: 'identifier', lit: item.lit }
      : item;
  }

  private consume(values: boolean): Item {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const out: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === 'eos') return out;
      if (tok !== 'identifier' && tok !== '!')
        throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        out.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof SelectorError)
          throw new SelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const next = this.consume(true);
      if (next.tok === 'eos') return out;
      if (next.tok !== ',')
        throw new SelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead(true);
      if (after.tok !== 'identifier' && after.tok !== '!')
        throw new SelectorError(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  private parseRequirement(): Requirement {
    let { tok, lit } = this.consume(true);
    let negated = false;
    if (tok === '!') {
      negated = true;
      ({ tok, lit } = this.consume(true));
    }
    if (tok !== 'identifier') throw new SelectorError(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length > 0) throw new SelectorError(invalid('<nil>', key, keyErrs.join('; ')));
    const ahead = this.lookahead(true).tok;
    // `!key` stays a lone requirement even when an operator follows: the parser then stops at it.
    if (negated) return { op: '!', key };
    if (ahead === 'eos' || ahead === ',') return { op: 'exists', key };

    const opItem = this.consume(false);
    const ops: Partial<Record<Token, 'in' | 'notin' | 'gt' | 'lt'>> = {
      in: 'in',
      '=': 'in',
      '==': 'in',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': 'notin',
    };
    const op = ops[opItem.tok];
    if (!op)
      throw new SelectorError(`found '${opItem.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values =
      opItem.tok === 'in' || opItem.tok === 'notin' ? this.parseValues() : this.parseExactValue();
    const errs: string[] = [];
    if (op === 'gt' || op === 'lt')
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined)
          errs.push(
            invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
      });
    values.forEach((v, i) => {
      const valueErrs = isValidLabelValue(v);
      if (valueErrs.length > 0) errs.push(invalid(`values[${i}][${key}]`, v, valueErrs.join('; ')));
    });
    if (errs.length > 0) throw new SelectorError(aggregate(errs));
    return { op, key, values };
  }

  /** `(a,b,c)`: a set, so duplicates collapse and the values come out sorted. */
  private parseValues(): string[] {
    const open = this.consume(true);
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`);
    const first = this.lookahead(true);
    if (first.tok === ')') {
      this.consume(true);
      return [''];
    }
    if (first.tok !== 'identifier' && first.tok !== ',')
      throw new SelectorError(`found '${first.lit}', expected: ',', ')' or identifier`);
    const set = this.parseIdentifiersList();
    if (this.consume(true).tok !== ')')
      throw new SelectorError(`found '${first.lit}', expected: ')'`);
    return [...set].sort(byBytes);
  }

  private parseIdentifiersList(): Set<string> {
    const set = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'identifier') {
        set.add(lit);
        const next = this.lookahead(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return set;
        throw new SelectorError(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
      // Empty entries (`(,a)`, `(a,,b)`, `(a,)`) stand for the empty value.
      if (set.size === 0) set.add('');
      const next = this.lookahead(true).tok;
      if (next === ')') {
        set.add('');
        return set;
      }
      if (next === ',') {
        this.consume(true);
        set.add('');
      }
    }
  }

  private parseExactValue(): string[] {
    const ahead = this.lookahead(true).tok;
    if (ahead === 'eos' || ahead === ',') return [''];
    const { tok, lit } = this.consume(true);
    if (tok === 'identifier') return [lit];
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

/**
 * Parses the `-l` syntax: `app=my-app`, `tier!=db`, `env==prod`, `env in (a,b)`, `env notin (a)`,
 * `key`, `!key`, `replicas>1`, comma-separated. The error is the message the API server puts in
 * its BadRequest; kubectl wraps it ("Unable to find … that match label selector …: <error>").
 */
export function parseSelector(
  text: string,
): { ok: true; selector: Selector } | { ok: false; error: string } {
  try {
    return { ok: true, selector: new Parser(scan(text)).parse() };
  } catch (e) {
    if (e instanceof SelectorError) return { ok: false, error: e.message };
    throw e;
  }
}
