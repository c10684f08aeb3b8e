// kubectl's JSONPath dialect: the template language of k8s.io/client-go/util/jsonpath (client-go
// v0.32, the version kubectl 1.32 is built with) and the way kubectl's JSONPathPrinter
// (k8s.io/cli-runtime/pkg/printers/jsonpath.go) reports its errors.
//
// The parser and the evaluator follow the Go code's algorithm closely on purpose: its odd corners
// (quoted keys re-parsed as paths, a range without {end}, an empty slice ending the whole step,
// the error messages) are what a learner sees, so they are reproduced rather than tidied.
//
// Values are JSON data as kubectl's unstructured objects hold it: an integral number is an int64
// and any other number a float64. Map iteration (`*`, `..`) is in sorted key order where Go's is
// random.

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

export type JsonPathResult = { ok: true; output: string } | { ok: false; error: string };
export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; error: string };
export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys; kubectl (and this module) default to true. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result set printed as an indented JSON array. */
  asJson?: boolean;
}

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

/** fmt's %#U: `U+0041 'A'`, or just `U+0009` for a character that does not print. */
function goSharpU(r: number): string {
  const code = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(r) ? `${code} '${String.fromCodePoint(r)}'` : code;
}

function isGoPrint(r: number): boolean {
  return r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r));
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

// ---- Evaluation -------------------------------------------------------------------------------

/** Go's zero reflect.Value: what a range body sees for a null item, or for no item at all. */
const INVALID: unique symbol = Symbol('invalid');
/** A float64 written in the template (`2.0`), which Go keeps apart from the int `2`. */
class GoFloat {
  constructor(readonly value: number) {}
}
/** A byte of a string, which `*` and `..` iterate as Go does. */
class GoByte {
  constructor(readonly value: number) {}
}

type GoKind = 'invalid' | 'nil' | 'map' | 'slice' | 'string' | 'bool' | 'int' | 'float' | 'uint8';
type GoMap = Record<string, unknown>;

function kindOf(v: unknown): GoKind {
  if (v === INVALID) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoByte) return 'uint8';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : 'nil';
}

const GO_TYPE_NAMES: Record<GoKind, string> = {
  invalid: '<invalid Value>',
  nil: 'interface {}',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
  string: 'string',
  bool: 'bool',
  int: 'int64',
  float: 'float64',
  uint8: 'uint8',
};

/** Compares as Go compares strings: by UTF-8 bytes, which is code point order. */
function goStringCompare(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function mapKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(goStringCompare);
}

function mapGet(m: GoMap, key: string): { found: boolean; value: unknown } {
  const value = Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
  return { found: value !== undefined, value };
}

function utf8Bytes(s: string): GoByte[] {
  const out: GoByte[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(new GoByte(c));
    else if (c < 0x800) out.push(new GoByte(0xc0 | (c >> 6)), new GoByte(0x80 | (c & 63)));
    else if (c < 0x10000)
      out.push(
        new GoByte(0xe0 | (c >> 12)),
        new GoByte(0x80 | ((c >> 6) & 63)),
        new GoByte(0x80 | (c & 63)),
      );
    else
      out.push(
        new GoByte(0xf0 | (c >> 18)),
        new GoByte(0x80 | ((c >> 12) & 63)),
        new GoByte(0x80 | ((c >> 6) & 63)),
        new GoByte(0x80 | (c & 63)),
      );
  }
  return out;
}

/** What `*` and `..` step into: a map's values, a slice's items, a string's bytes. */
function children(v: unknown): unknown[] {
  switch (kindOf(v)) {
    case 'map':
      return mapKeys(v as GoMap).map((k) => (v as GoMap)[k]);
    case 'slice':
      return (v as unknown[]).map((x) => (x === undefined ? null : x));
    case 'string':
      return utf8Bytes(v as string);
    default:
      return [];
  }
}

interface Step {
  values: unknown[];
  error?: string;
}

type ComparisonKind = 'bool' | 'int' | 'float' | 'string' | 'uint8';
const comparable = (k: GoKind): k is ComparisonKind =>
  k === 'bool' || k === 'int' || k === 'float' || k === 'string' || k === 'uint8';
const scalar = (v: unknown): number | string | boolean =>
  v instanceof GoFloat || v instanceof GoByte ? v.value : (v as number | string | boolean);
const BAD_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

/** text/template's eq and lt, which client-go's filters use: no conversion between kinds. */
function goCompare(a: unknown, b: unknown, less: boolean): { value: boolean; error?: string } {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (!comparable(ka) || !comparable(kb)) return { value: false, error: BAD_TYPE };
  const intLike = (k: GoKind) => k === 'int' || k === 'uint8';
  if (ka !== kb && !(intLike(ka) && intLike(kb))) return { value: false, error: BAD_COMPARISON };
  const x = scalar(a);
  const y = scalar(b);
  if (!less) return { value: x === y };
  if (ka === 'bool') return { value: false, error: BAD_TYPE };
  if (typeof x === 'string' && typeof y === 'string') return { value: goStringCompare(x, y) < 0 };
  return { value: x < y };
}

function applyOperator(op: string, a: unknown, b: unknown): { value: boolean; error?: string } {
  const lt = () => goCompare(a, b, true);
  const eq = () => goCompare(a, b, false);
  const le = () => {
    const r = lt();
    return r.value || r.error !== undefined ? r : eq();
  };
  const not = (r: { value: boolean; error?: string }) =>
    r.error !== undefined ? { value: false, error: r.error } : { value: !r.value };
  switch (op) {
    case '<':
      return lt();
    case '>':
      return not(le());
    case '==':
      return eq();
    case '!=':
      return not(eq());
    case '<=':
      return le();
    case '>=':
      return not(lt());
    default:
      return { value: false, error: `unrecognized filter operator ${op}` };
  }
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  // The range/end bookkeeping is client-go's: a range re-runs the rest of the template for each
  // item and an {end} stops that run; a range without {end} runs to the template's end and the
  // nodes after it then run once more on the enclosing value.
  findResults(data: unknown, start: number): { sets: unknown[][] } | { error: string } {
    const cur = [data === null || data === undefined ? INVALID : data];
    const sets: unknown[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      if (node === undefined) break;
      const step = this.walk(cur, node);
      if (step.error !== undefined) return { error: step.error };
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const items = step.values.length > 0 ? step.values : [INVALID];
        for (const item of items) {
          const r = this.findResults(item, i + 1);
          if ('error' in r) return r;
          if (step.values.length > 0) sets.push(...r.sets);
        }
        this.inRange--;
        if (this.lastEndNode > i) i = this.lastEndNode;
        continue;
      }
      sets.push(step.values);
    }
    return { sets };
  }

  private walk(input: unknown[], node: JsonPathNode): Step {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return { values: [node.text] };
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'bool':
        return { values: input.map(() => node.value) };
      case 'float':
        return { values: input.map(() => new GoFloat(node.value)) };
      case 'wildcard':
        return { values: input.flatMap(children) };
      case 'recursive':
        return { values: this.evalRecursive(input) };
      case 'union':
        return this.evalUnion(input, node.nodes);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): Step {
    let cur = input;
    for (const node of list.nodes) {
      const step = this.walk(cur, node);
      if (step.error !== undefined) return step;
      cur = step.values;
    }
    return { values: cur };
  }

  private evalIdentifier(input: unknown[], name: string): Step {
    if (name === 'range') {
      this.beginRange++;
      return { values: input };
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return { values: [] };
      }
      return { values: [], error: 'not in range, nothing to end' };
    }
    return { values: input, error: `unrecognized identifier ${name}` };
  }

  private evalField(input: unknown[], name: string): Step {
    const results: unknown[] = [];
    if (input.length === 0) return { values: results };
    for (const v of input) {
      if (kindOf(v) !== 'map') continue;
      const r = mapGet(v as GoMap, name);
      if (r.found) results.push(r.value);
    }
    if (results.length === 0 && !this.allowMissingKeys)
      return { values: results, error: `${name} is not found` };
    return { values: results };
  }

  private evalArray(input: unknown[], params: readonly [ArrayParam, ArrayParam, ArrayParam]): Step {
    const result: unknown[] = [];
    for (const v of input) {
      const kind = kindOf(v);
      if (kind === 'nil') continue;
      if (kind === 'invalid')
        return { values: input, error: 'reflect: call of reflect.Value.Type on zero Value' };
      if (kind !== 'slice')
        return { values: input, error: `${GO_TYPE_NAMES[kind]} is not array or slice` };
      const items = v as unknown[];
      const len = items.length;
      let from = params[0].known ? params[0].value : 0;
      if (from < 0) from += len;
      let to = params[1].known ? params[1].value : len;
      if (to < 0 || (to === 0 && params[1].derived)) to += len;
      // Go returns here, so an empty selection drops the inputs that follow it too.
      if (to === from) return { values: result };
      if (from >= len || from < 0)
        return { values: input, error: `array index out of bounds: index ${from}, length ${len}` };
      if (to > len || to < 0)
        return {
          values: input,
          error: `array index out of bounds: index ${to - 1}, length ${len}`,
        };
      if (from > to)
        return {
          values: input,
          error: `starting index ${from} is greater than ending index ${to}`,
        };
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) return { values: input, error: 'step must be > 0' };
        step = params[2].value;
      }
      for (let i = from; i < to; i += step) result.push(items[i] ?? null);
    }
    return { values: result };
  }

  private evalUnion(input: unknown[], lists: readonly ListNode[]): Step {
    const result: unknown[] = [];
    for (const list of lists) {
      const step = this.evalList(input, list);
      if (step.error !== undefined) return { values: input, error: step.error };
      result.push(...step.values);
    }
    return { values: result };
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      const kids = children(v);
      if (kids.length === 0) continue;
      result.push(v, ...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(
    input: unknown[],
    node: { left: ListNode; right: ListNode; op: string },
  ): Step {
    const results: unknown[] = [];
    for (const v of input) {
      if (kindOf(v) !== 'slice')
        return {
          values: input,
          error: `${formatGoValue(v)} is not array or slice and cannot be filtered`,
        };
      for (const raw of v as unknown[]) {
        const item = raw === undefined ? null : raw;
        const lefts = this.evalList([item], node.left);
        if (node.op === 'exists') {
          if (lefts.values.length > 0) results.push(item);
          continue;
        }
        if (lefts.error !== undefined) return { values: input, error: lefts.error };
        if (lefts.values.length === 0) continue;
        if (lefts.values.length > 1)
          return { values: input, error: 'can only compare one element at a time' };
        const rights = this.evalList([item], node.right);
        if (rights.error !== undefined) return { values: input, error: rights.error };
        if (rights.values.length === 0) continue;
        if (rights.values.length > 1)
          return { values: input, error: 'can only compare one element at a time' };
        const r = applyOperator(node.op, lefts.values[0], rights.values[0]);
        if (r.error !== undefined) return { values: results, error: r.error };
        if (r.value) results.push(item);
      }
    }
    return { values: results };
  }
}

/**
 * Runs a template and returns its result sets (one per action and range iteration), with
 * client-go's bare error messages. Custom columns use this; `-o jsonpath` uses executeJsonPath.
 */
export function findJsonPathResults(
  template: ParsedTemplate,
  data: unknown,
  allowMissingKeys: boolean,
): { ok: true; sets: unknown[][] } | { ok: false; error: string } {
  const r = new Evaluator(template.root.nodes, allowMissingKeys).findResults(data, 0);
  return 'error' in r ? { ok: false, error: r.error } : { ok: true, sets: r.sets };
}

/**
 * Runs a template as `kubectl get -o jsonpath=` does. An error is kubectl's whole message after
 * `error: `, including the dump of the object; kubectl's message itself ends in a newline, so
 * printing `error: ${error}\n` reproduces its output exactly.
 */
export function executeJsonPath(
  template: ParsedTemplate,
  data: unknown,
  opts: JsonPathOptions = {},
): JsonPathResult {
  const found = findJsonPathResults(template, data, opts.allowMissingKeys ?? true);
  if (!found.ok) {
    const t = template.source;
    return {
      ok: false,
      error:
        `error executing jsonpath ${goQuote(t)}: Error executing template: ${found.error}. ` +
        `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${t}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data, true)}\n\n`,
    };
  }
  let output = '';
  for (const set of found.sets) {
    if (opts.asJson) {
      output += goJson(set, '') + '\n';
      continue;
    }
    output += set
      .map((v) => {
        const kind = kindOf(v);
        if (kind === 'map' || kind === 'slice') return goJson(v);
        if (kind === 'invalid') return '<no value>';
        return kind === 'nil' ? 'null' : formatGoValue(v);
      })
      .join(' ');
  }
  return { ok: true, output };
}

/** Parses and runs a `-o jsonpath=` template in one go. */
export function jsonPath(template: string, data: unknown, opts?: JsonPathOptions): JsonPathResult {
  const parsed = parseJsonPath(template);
  return parsed.ok ? executeJsonPath(parsed.template, data, opts) : parsed;
}

// ---- Go's formatting of the values ------------------------------------------------------------

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
function goJson(v: unknown, indent?: string): string {
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
