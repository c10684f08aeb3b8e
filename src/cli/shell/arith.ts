// Bash's arithmetic evaluation, as `$(( expr ))` runs it once its parameters and command
// substitutions have expanded: 64-bit signed integers that wrap, C's operators with bash's
// precedence, variables named without `$` (whose values are expressions in turn), and the error
// messages bash 5.2 prints, each naming the expression and the text from the offending token on.

/** A failed evaluation; `message` is the whole line bash prints. */
export class ArithError {
  constructor(readonly message: string) {}
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

/** Bash gives up after this many levels of variables whose values name other variables. */
const MAX_DEPTH = 1024;

type Tok =
  | { k: 'end' }
  | { k: 'num'; v: bigint }
  | { k: 'var'; name: string; v: bigint }
  | { k: 'op'; op: string };

// Longest first, as bash's reader tries them.
const OPS2 = ['<<=', '>>=', '==', '!=', '<=', '>=', '<<', '>>', '&&', '||', '**'];
const OP_ASSIGN = new Set(['*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '<<=', '>>=']);
const SINGLE = new Set([...'=!~+-*/%<>&|^?:,()']);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';
const isStarter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);

class Evaluator {
  private readonly expr: string;
  /** Where the reader is. */
  private pos = 0;
  /** Where the last token (other than the end) began: bash's "error token" runs from there. */
  private lastAt = 0;
  private tok: Tok = { k: 'end' };
  /** The token before `tok`, for the left side of an assignment. */
  private prev: Tok = { k: 'end' };
  /** Inside the side of && || ?: that does not count: parsed, not evaluated. */
  private noeval = 0;

  constructor(
    text: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {
    this.expr = text.replace(/^[ \t\n]+/, '');
  }

  private fail(msg: string, at = this.lastAt, expr = this.expr): never {
    throw new ArithError(`bash: ${expr}: ${msg} (error token is "${expr.slice(at)}")`);
  }

  run(): bigint {
    this.next();
    if (this.tok.k === 'end') return 0n;
    const v = this.comma();
    if (!this.atEnd()) this.fail('syntax error in expression');
    return v;
  }

  /** A method, so the type checker does not carry what it knew of `tok` across next(). */
  private atEnd(): boolean {
    return this.tok.k === 'end';
  }

  private is(...ops: string[]): string | null {
    return this.tok.k === 'op' && ops.includes(this.tok.op) ? this.tok.op : null;
  }

  private next(): void {
    const { expr } = this;
    while (isSpace(expr[this.pos])) this.pos++;
    this.prev = this.tok;
    const start = this.pos;
    const c = expr[start];
    if (c === undefined) {
      this.tok = { k: 'end' };
      return;
    }
    this.lastAt = start;
    if (isStarter(c)) {
      const name = /^[A-Za-z_]\w*/.exec(expr.slice(start))?.[0] ?? c;
      this.pos += name.length;
      this.tok = { k: 'var', name, v: this.noeval ? 0n : this.valueOf(name) };
      return;
    }
    if (/[0-9]/.test(c)) {
      const text = /^[0-9A-Za-z_@#]+/.exec(expr.slice(start))?.[0] ?? c;
      this.pos += text.length;
      this.tok = { k: 'num', v: this.number(text, start) };
      return;
    }
    const rest = expr.slice(start);
    let op = OPS2.find((o) => rest.startsWith(o)) ?? c;
    const c1 = expr[start + 1];
    if ((c === '+' || c === '-') && c1 === c) {
      // `++`/`--` only next to a variable; otherwise two signs (`1+++2` is 3).
      if (this.tok.k === 'var') op = `${c}${c}post`;
      else {
        let i = start + 2;
        while (isSpace(expr[i])) i++;
        op = isStarter(expr[i]) ? `${c}${c}pre` : c;
      }
    } else if (op.length === 1 && c1 === '=' && '*/%+-&^|'.includes(c)) op = `${c}=`;
    this.pos += op.endsWith('post') || op.endsWith('pre') ? 2 : op.length;
    const known = SINGLE.has(op) || op.length > 1;
    // After a value an operator must come; where a value should, the parser says so.
    const prev = this.prev;
    if (!known && (prev.k === 'num' || prev.k === 'var' || (prev.k === 'op' && prev.op === ')'))) {
      this.fail('syntax error: invalid arithmetic operator');
    }
    this.tok = { k: 'op', op: known ? op : `?${op}` };
  }

  /** A literal: decimal, 0 octal, 0x hex or base#digits, wrapping at 64 bits as bash's does. */
  private number(text: string, start: number): bigint {
    // Bash reports a bad literal as if the expression ended with it.
    const bad = (msg: string): never =>
      this.fail(msg, start, this.expr.slice(0, start + text.length));
    let base = 10n;
    let i = 0;
    let foundBase = false;
    if (text[0] === '0') {
      if (text.length === 1) return 0n;
      if (text[1] === 'x' || text[1] === 'X') {
        base = 16n;
        i = 2;
      } else {
        base = 8n;
        i = 1;
      }
      foundBase = true;
    }
    let v = 0n;
    for (; i < text.length; i++) {
      const ch = text[i] as string;
      if (ch === '#') {
        if (foundBase) bad('invalid number');
        if (v < 2n || v > 64n) bad('invalid arithmetic base');
        base = v;
        v = 0n;
        foundBase = true;
        continue;
      }
      let d: number;
      if (/[0-9]/.test(ch)) d = ch.charCodeAt(0) - 48;
      else if (/[a-z]/.test(ch)) d = ch.charCodeAt(0) - 97 + 10;
      else if (/[A-Z]/.test(ch)) d = ch.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36);
      else d = ch === '@' ? 62 : 63;
      if (BigInt(d) >= base) bad('value too great for base');
      v = wrap(v * base + BigInt(d));
    }
    return v;
  }

  /** A variable's value: unset or empty is 0, anything else is an expression of its own. */
  private valueOf(name: string): bigint {
    const value = this.vars.get(name);
    if (value === undefined || value === '') return 0n;
    if (this.depth >= MAX_DEPTH) this.fail('expression recursion level exceeded');
    return new Evaluator(value, this.vars, this.depth + 1).run();
  }

  /** A computed value: what comes before an `=` must be a variable alone. */
  private result(v: bigint): bigint {
    this.prev = { k: 'num', v };
    return v;
  }

  private assign(name: string, v: bigint): bigint {
    if (!this.noeval) this.vars.set(name, String(v));
    return v;
  }

  private comma(): bigint {
    let v = this.assignment();
    while (this.is(',')) {
      this.next();
      v = this.assignment();
    }
    return v;
  }

  private assignment(): bigint {
    const v = this.cond();
    const op = this.is('=', ...OP_ASSIGN);
    if (op === null) return v;
    const target = this.prev;
    if (target.k !== 'var') this.fail('attempted assignment to non-variable');
    const at = this.pos;
    this.next();
    const rhs = this.assignment();
    if (op === '=') return this.assign(target.name, rhs);
    const lhs = this.noeval ? 0n : this.valueOf(target.name);
    return this.assign(target.name, this.binary(op.slice(0, -1), lhs, rhs, at));
  }

  private cond(): bigint {
    const c = this.or();
    if (!this.is('?')) return c;
    this.next();
    if (this.atEnd() || this.is(':')) this.fail('expression expected');
    if (c === 0n) this.noeval++;
    const a = this.comma();
    if (c === 0n) this.noeval--;
    if (!this.is(':')) this.fail("`:' expected for conditional expression");
    this.next();
    if (this.atEnd()) this.fail('expression expected');
    if (c !== 0n) this.noeval++;
    const b = this.cond();
    if (c !== 0n) this.noeval--;
    return this.result(c !== 0n ? a : b);
  }

  private or(): bigint {
    let v = this.and();
    while (this.is('||')) {
      this.next();
      if (v !== 0n) this.noeval++;
      const r = this.and();
      if (v !== 0n) this.noeval--;
      v = this.result(v !== 0n || r !== 0n ? 1n : 0n);
    }
    return v;
  }

  private and(): bigint {
    let v = this.level(0);
    while (this.is('&&')) {
      this.next();
      if (v === 0n) this.noeval++;
      const r = this.level(0);
      if (v === 0n) this.noeval--;
      v = this.result(v !== 0n && r !== 0n ? 1n : 0n);
    }
    return v;
  }

  /** The left-associative binary levels, loosest first. */
  private static readonly LEVELS = [
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private level(n: number): bigint {
    const ops = Evaluator.LEVELS[n];
    if (ops === undefined) return this.power();
    let v = this.level(n + 1);
    for (let op = this.is(...ops); op !== null; op = this.is(...ops)) {
      const at = this.pos;
      this.next();
      v = this.result(this.binary(op, v, this.level(n + 1), at));
    }
    return v;
  }

  /** `at`: just after the operator, where bash points at a zero divisor. */
  private binary(op: string, a: bigint, b: bigint, at: number): bigint {
    switch (op) {
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      // The shift count is taken modulo 64, as the processor does.
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
    }
    // Division and remainder.
    if (b === 0n) {
      if (this.noeval) return 0n;
      let i = at;
      while (isSpace(this.expr[i])) i++;
      this.fail('division by 0', i);
    }
    return wrap(op === '/' ? a / b : a % b);
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.is('**')) return base;
    this.next();
    const exp = this.result(this.power());
    if (this.noeval) return 0n;
    if (exp < 0n) this.fail('exponent less than 0');
    let result = 1n;
    let b = base;
    for (let e = exp; e > 0n; e >>= 1n) {
      if (e & 1n) result = wrap(result * b);
      b = wrap(b * b);
    }
    return result;
  }

  private unary(): bigint {
    const op = this.is('!', '~', '-', '+');
    if (op === null) return this.primary();
    this.next();
    const v = this.unary();
    // What follows a sign is a value, not a variable to assign to.
    this.prev = { k: 'num', v };
    if (op === '!') return v === 0n ? 1n : 0n;
    if (op === '~') return ~v;
    return op === '-' ? wrap(-v) : v;
  }

  private primary(): bigint {
    const t = this.tok;
    const pre = this.is('++pre', '--pre');
    if (pre !== null) {
      this.next();
      const target = this.tok;
      if (target.k !== 'var') this.fail('identifier expected after pre-increment or pre-decrement');
      const v = wrap(target.v + (pre === '++pre' ? 1n : -1n));
      this.next();
      return this.assign(target.name, v);
    }
    if (this.is('(')) {
      this.next();
      const v = this.comma();
      if (!this.is(')')) this.fail("missing `)'");
      this.next();
      this.prev = { k: 'num', v };
      return v;
    }
    if (t.k === 'num') {
      this.next();
      return t.v;
    }
    if (t.k === 'var') {
      this.next();
      const post = this.is('++post', '--post');
      if (post !== null) {
        this.assign(t.name, wrap(t.v + (post === '++post' ? 1n : -1n)));
        this.next();
        this.prev = { k: 'num', v: t.v };
      }
      return t.v;
    }
    return this.fail('syntax error: operand expected');
  }
}

/** Evaluates an expanded arithmetic expression; throws ArithError with bash's message. */
export function evaluateArith(text: string, vars: ArithVars): string {
  return String(new Evaluator(text, vars, 0).run());
}
