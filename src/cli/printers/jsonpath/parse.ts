// The template parser of k8s.io/client-go/util/jsonpath (client-go v0.32, the version kubectl 1.32
// is built with). It follows the Go code's algorithm closely on purpose: its odd corners (quoted
// keys re-parsed as paths, the error messages) are what a learner sees, so they are reproduced
// rather than tidied.
import { goSharpU } from './goformat';

const EOF = -1;

export interface ArrayParam {
  readonly known: boolean;
  readonly value: number;
  readonly derived: boolean;
}

export interface ListNode {
  readonly type: 'list';
  readonly nodes: readonly JsonPathNode[];
}

export type JsonPathNode =
  | ListNode
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'identifier'; readonly name: string }
  | { readonly type: 'array'; readonly params: readonly [ArrayParam, ArrayParam, ArrayParam] }
  | {
      readonly type: 'filter';
      readonly left: ListNode;
      readonly right: ListNode;
      readonly op: string;
    }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'wildcard' }
  | { readonly type: 'recursive' }
  | { readonly type: 'union'; readonly nodes: readonly ListNode[] };

export interface ParsedTemplate {
  /** The template as the user wrote it; kubectl quotes it in execution errors. */
  readonly source: string;
  readonly root: ListNode;
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; error: string };

type MutableList = { type: 'list'; nodes: JsonPathNode[] };
const newList = (): MutableList => ({ type: 'list', nodes: [] });

const isSpace = (r: number) => r === 0x20 || r === 0x09;
const isEndOfLine = (r: number) => r === 0x0d || r === 0x0a;
const isDigit = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number) =>
  r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
const isTerminator = (r: number) =>
  r === EOF || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(String.fromCodePoint(r));

const INT_RE = /^[+-]?[0-9]+$/;
const FLOAT_RE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
const SLICE_RE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY_RE = /^'([^']*)'$/;
const FILTER_RE = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;

/** Go's strconv.Atoi: decimal, optional sign, within int64. */
function atoi(s: string): number | undefined {
  if (!INT_RE.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? Number(n) : undefined;
}

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  readonly root: MutableList = newList();

  constructor(private readonly input: string) {}

  /** Returns the error text, or undefined when the whole input parsed. */
  parse(): string | undefined {
    for (;;) {
      while (!this.input.startsWith('{', this.pos)) {
        if (this.next() === EOF) {
          if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
          return undefined;
        }
      }
      if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
      this.pos += 1;
      this.consume();
      const action = newList();
      this.root.nodes.push(action);
      const err = this.parseInsideAction(action);
      if (err !== undefined) return err;
    }
  }

  private consume(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    const r = this.input.codePointAt(this.pos);
    if (r === undefined) {
      this.width = 0;
      return EOF;
    }
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private parseInsideAction(cur: MutableList): string | undefined {
    for (;;) {
      let err: string | undefined;
      if (this.input.startsWith('}', this.pos)) {
        this.pos += 1;
        this.consume();
        return undefined;
      } else if (this.input.startsWith('[?(', this.pos)) {
        err = this.parseFilter(cur);
      } else if (this.input.startsWith('..', this.pos)) {
        err = this.parseRecursive(cur);
      } else {
        const r = this.next();
        const ch = r === EOF ? '' : String.fromCodePoint(r);
        if (r === EOF || isEndOfLine(r)) return 'unclosed action';
        if (ch === ' ' || ch === '@' || ch === '$') this.consume();
        else if (ch === '[') err = this.parseArray(cur);
        else if (ch === '"' || ch === "'") err = this.parseQuote(cur, r);
        else if (ch === '.') err = this.parseField(cur);
        else if (ch === '+' || ch === '-' || isDigit(r)) {
          this.backup();
          err = this.parseNumber(cur);
        } else if (isAlphaNumeric(r)) {
          this.backup();
          this.parseIdentifier(cur);
        } else return `unrecognized character in action: ${goSharpU(r)}`;
      }
      if (err !== undefined) return err;
    }
  }

  private parseIdentifier(cur: MutableList): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consume();
    if (value === 'true' || value === 'false')
      cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: MutableList): string | undefined {
    if (cur.nodes.at(-1)?.type === 'recursive') return 'invalid multiple recursive descent';
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    return isAlphaNumeric(this.peek()) ? this.parseField(cur) : undefined;
  }

  private parseNumber(cur: MutableList): string | undefined {
    const sign = this.peek();
    if (sign === 0x2b || sign === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigit(r)) break;
    }
    this.backup();
    const value = this.consume();
    const i = atoi(value);
    if (i !== undefined) cur.nodes.push({ type: 'int', value: i });
    else if (FLOAT_RE.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else return `cannot parse number ${value}`;
    return undefined;
  }

  private parseArray(cur: MutableList): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) return 'unterminated array';
      if (r === 0x5d) break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const union: ListNode[] = [];
      for (const part of parts) {
        const sub = parseAction(`[${trimSpaces(part)}]`);
        if (!sub.ok) return sub.error;
        union.push(sub.list);
      }
      cur.nodes.push({ type: 'union', nodes: union });
      return undefined;
    }

    // A quoted key is re-read as a path, so ['a.b'] means .a.b, as in Go.
    const key = DICT_KEY_RE.exec(text);
    if (key) {
      const sub = parseAction(`.${key[1] ?? ''}`);
      if (!sub.ok) return sub.error;
      cur.nodes.push(...sub.list.nodes);
      return undefined;
    }

    const m = SLICE_RE.exec(text);
    if (!m) return `invalid array index ${text}`;
    const params: ArrayParam[] = [];
    for (let i = 0; i < 3; i++) {
      let s = m[i + 1] ?? '';
      if (s !== '') {
        if (i > 0) s = s.slice(1);
        if (i > 0 && s === '') params.push({ known: false, value: 0, derived: false });
        else {
          const n = atoi(s);
          if (n === undefined) return `array index ${s} is not a number`;
          params.push({ known: true, value: n, derived: false });
        }
      } else if (i === 1) {
        params.push({ known: true, value: (params[0]?.value ?? 0) + 1, derived: true });
      } else params.push({ known: false, value: 0, derived: false });
    }
    const [p0, p1, p2] = params as [ArrayParam, ArrayParam, ArrayParam];
    cur.nodes.push({ type: 'array', params: [p0, p1, p2] });
    return undefined;
  }

  private parseFilter(cur: MutableList): string | undefined {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) return 'unterminated filter';
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) return 'unclosed array expect ]';
    const text = this.consume().slice(0, -2);
    const m = FILTER_RE.exec(text);
    if (!m) {
      const sub = parseAction(text);
      if (!sub.ok) return sub.error;
      cur.nodes.push({ type: 'filter', left: sub.list, right: newList(), op: 'exists' });
      return undefined;
    }
    const left = parseAction(m[1] ?? '');
    if (!left.ok) return left.error;
    const right = parseAction(m[3] ?? '');
    if (!right.ok) return right.error;
    cur.nodes.push({ type: 'filter', left: left.list, right: right.list, op: m[2] ?? '' });
    return undefined;
  }

  private parseQuote(cur: MutableList, quote: number): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) return 'unterminated quoted string';
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    const s = unquoteExtend(value);
    if (s === undefined) return `unquote string ${value} error invalid syntax`;
    cur.nodes.push({ type: 'text', text: s });
    return undefined;
  }

  private parseField(cur: MutableList): undefined {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === 0x5c) this.next();
      else if (isTerminator(r)) break;
    }
    this.backup();
    const value = this.consume();
    cur.nodes.push(
      value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') },
    );
    return undefined;
  }
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

/** Parses `text` as the inside of one action, as Go's parseAction does for sub-expressions. */
function parseAction(text: string): { ok: true; list: ListNode } | { ok: false; error: string } {
  const p = new Parser(`{${text}}`);
  const err = p.parse();
  if (err !== undefined) return { ok: false, error: err };
  const first = p.root.nodes[0];
  return first?.type === 'list' ? { ok: true, list: first } : { ok: true, list: newList() };
}

/** Go's strconv.Unquote, extended (as client-go does) to single-quoted strings. */
function unquoteExtend(s: string): string | undefined {
  const quote = s[0];
  if (s.length < 2 || (quote !== '"' && quote !== "'") || s.at(-1) !== quote) return undefined;
  let body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  while (body.length > 0) {
    const c = body[0] ?? '';
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(0) ?? 0;
      const ch = String.fromCodePoint(cp);
      out += ch;
      body = body.slice(ch.length);
      continue;
    }
    if (body.length < 2) return undefined;
    const e = body[1] ?? '';
    body = body.slice(2);
    const known = simple[e];
    if (known !== undefined) out += known;
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      out += e;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(0, n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      body = body.slice(n);
      const v = parseInt(hex, 16);
      if (e === 'x') out += byteChar(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      else out += String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const oct = e + body.slice(0, 2);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      body = body.slice(2);
      const v = parseInt(oct, 8);
      if (v > 255) return undefined;
      out += byteChar(v);
    } else return undefined;
  }
  return out;
}

/** A raw byte from \x or octal: bytes above 0x7f are not valid UTF-8 on their own. */
function byteChar(v: number): string {
  return v < 0x80 ? String.fromCharCode(v) : '\ufffd';
}

/** Parses a template; errors are client-go's bare messages (custom-columns prints these). */
export function compileJsonPath(source: string): ParseResult {
  const p = new Parser(source);
  const err = p.parse();
  return err === undefined
    ? { ok: true, template: { source, root: p.root } }
    : { ok: false, error: err };
}

/** Parses a `-o jsonpath=` template; errors are worded as kubectl prints them after `error: `. */
export function parseJsonPath(template: string): ParseResult {
  if (template.length === 0)
    return { ok: false, error: 'template format specified but no template given' };
  const r = compileJsonPath(template);
  return r.ok ? r : { ok: false, error: `error parsing jsonpath ${template}, ${r.error}` };
}
