// The tokenizer for the terminal's bash subset: words with their quoting kept apart for
// expansion, operators, redirections, and here-document bodies read on the lines after their
// operator's line, as bash reads them. It also holds the refusal and syntax-error wording that
// the parser and the expansion share, so every message reads the same.
import type { HeredocT, Mode, Part, Tok, WordT } from './syntax';

const SIMPLE_ONLY = 'it runs simple commands joined by |, &&, || and ;';
export const unsupported = (what: string, why = SIMPLE_ONLY): string =>
  `bash: ${what}: not supported in this terminal (${why})`;
export const nearToken = (tok: string): string =>
  `bash: syntax error near unexpected token \`${tok}'`;
const eofMatching = (c: string): string =>
  `bash: unexpected EOF while looking for matching \`${c}'`;
export const EOF_ERROR = 'bash: syntax error: unexpected end of file';
/** Messages for what bash accepts but this terminal does not run, as opposed to syntax errors. */
export const isRefusal = (message: string): boolean =>
  message.includes(': not supported in this terminal (');

const META = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);
const OPS = [
  ...['&>>', ';;&', '<<<', '<<-', '&&', '&>', '||', '|&', ';;', ';&', '<<', '<&', '<>', '<('],
  ...['>>', '>&', '>|', '>(', '&', '|', ';', '<', '>', '(', ')'],
];
const REDIR_OPS = new Set([
  '<',
  '>',
  '>>',
  '>|',
  '<<',
  '<<-',
  '<<<',
  '<&',
  '>&',
  '<>',
  '&>',
  '&>>',
]);
const SPECIAL = '?$!#@*-';
const PARAM = /^(?:[A-Za-z_]\w*|[0-9]+|[?$!#@*-])$/;
const ANSI: Record<string, string> = {
  ...{ a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
  ...{ '\\': '\\', "'": "'", '"': '"', '?': '?' },
};

/** Ends lexing or parsing early: the input ran out ('more') or an error was found. */
export class Stop {
  constructor(readonly tok: Tok) {}
}
export const stop = (message: string): Stop => new Stop({ k: 'error', message });

export class Lexer {
  pos = 0;
  /** Where the last token began, for the line number of an error. */
  tokenStart = 0;
  readonly warnings: string[] = [];
  private pending: HeredocT[] = [];

  constructor(
    private readonly src: string,
    private readonly mode: Mode,
    private readonly firstLine = 1,
  ) {}

  private prev: Tok | undefined;

  /** The next token; an open construct at the end of the text throws (see Stop). */
  pull(): Tok {
    const prev = this.prev;
    const t = this.next(prev?.k === 'redir' && (prev.op === '>&' || prev.op === '<&'));
    if (t.k === 'word' && prev?.k === 'redir' && (prev.op === '<<' || prev.op === '<<-')) {
      prev.heredoc = this.heredocFor(t.w, prev.op === '<<-');
    }
    this.prev = t;
    return t;
  }

  run(): Tok[] {
    const toks: Tok[] = [];
    try {
      while (toks[toks.length - 1]?.k !== 'end') toks.push(this.pull());
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      toks.push(e.tok);
    }
    return toks;
  }

  /**
   * After a syntax error bash drops the rest of the line, but still reads the bodies of the
   * here-documents opened on it before the error, so those lines belong to the failed command.
   */
  finishLine(): void {
    if (this.pending.length === 0) return;
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.src.length : nl + 1;
    this.readHeredocs();
  }

  private more(c: string): never {
    throw new Stop(
      this.mode === 'normal' ? { k: 'more' } : { k: 'error', message: eofMatching(c) },
    );
  }

  private next(fdTarget: boolean): Tok {
    const { src } = this;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else break;
    }
    this.tokenStart = this.pos;
    const c = src[this.pos];
    if (c === undefined) {
      if (this.pending.length > 0 && this.mode !== 'partial') this.readHeredocs();
      return { k: 'end' };
    }
    if (c === '\n') {
      this.pos++;
      if (this.mode !== 'partial') this.readHeredocs();
      return { k: 'nl' };
    }
    const op = OPS.find((o) => src.startsWith(o, this.pos));
    if (op !== undefined) return this.operator(op, null);
    const w = this.word();
    const after = src[this.pos];
    // Digits right before < or > name a file descriptor, except as the target of >& or <&.
    if (!fdTarget && /^[0-9]+$/.test(w.raw) && (after === '<' || after === '>')) {
      const rop = OPS.find((o) => src.startsWith(o, this.pos) && (o[0] === '<' || o[0] === '>'));
      if (rop !== undefined) return this.operator(rop, w.raw);
    }
    return { k: 'word', w };
  }

  private operator(op: string, fd: string | null): Tok {
    this.pos += op.length;
    if (op === '<(' || op === '>(') {
      throw stop(unsupported(`process substitution ${op}...)`));
    }
    if (REDIR_OPS.has(op)) return { k: 'redir', op, fd };
    return { k: 'op', op };
  }

  private heredocFor(w: WordT, stripTabs: boolean): HeredocT {
    const delimiter = w.parts.map((p) => (p.t === 'lit' ? p.s : p.src)).join('');
    const expand = !w.parts.some((p) => p.t === 'lit' && p.q);
    const h: HeredocT = { delimiter, expand, stripTabs, body: null };
    if (this.mode !== 'partial') this.pending.push(h);
    return h;
  }

  /** Bodies start on the line after the operator's line, in the order of their operators. */
  private readHeredocs(): void {
    const { src } = this;
    const pending = this.pending;
    this.pending = [];
    // At the very end of a text without a final newline, the body would start on the next line.
    const unended = this.pos > 0 && src[this.pos - 1] !== '\n' ? 1 : 0;
    for (const [index, h] of pending.entries()) {
      const bodyLine = this.firstLine + countNewlines(src, this.pos) + unended;
      const lines: string[] = [];
      let found = false;
      while (this.pos < src.length) {
        const nl = src.indexOf('\n', this.pos);
        const end = nl < 0 ? src.length : nl;
        let line = src.slice(this.pos, end);
        this.pos = nl < 0 ? src.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) {
        if (this.mode === 'normal') {
          const awaiting = pending.slice(index);
          throw new Stop({
            k: 'more',
            awaiting: awaiting.map(({ delimiter, stripTabs }) => ({ delimiter, stripTabs })),
          });
        }
        this.warnings.push(
          `bash: warning: here-document at line ${bodyLine - 1} delimited by end-of-file (wanted \`${h.delimiter}')`,
        );
      }
      const text = lines.map((l) => `${l}\n`).join('');
      h.body = h.expand ? new Lexer(text, 'end').bodyParts() : [{ t: 'lit', s: text, q: true }];
    }
  }

  /** A here-document body: only \$ \` \\ and \newline are escapes; quotes are plain text. */
  bodyParts(): Part[] {
    const parts: Part[] = [];
    const { src } = this;
    while (this.pos < src.length) {
      const c = src[this.pos] ?? '';
      const n = src[this.pos + 1];
      if (c === '\\' && n === '\n') this.pos += 2;
      else if (c === '\\' && n !== undefined && '$`\\'.includes(n)) {
        push(parts, n, true);
        this.pos += 2;
      } else if (c === '$') this.dollar(parts, true, true);
      else if (c === '`') this.backquote(parts, true, false);
      else {
        push(parts, c, true);
        this.pos++;
      }
    }
    return parts;
  }

  private word(): WordT {
    const { src } = this;
    const start = this.pos;
    const parts: Part[] = [];
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || META.has(c)) break;
      const n = src[this.pos + 1];
      if (c === '\\') {
        if (n === '\n') this.pos += 2;
        else if (n === undefined) {
          if (this.mode === 'normal') throw new Stop({ k: 'more' });
          this.pos++;
        } else {
          push(parts, n, true);
          this.pos += 2;
        }
      } else if (c === "'") {
        const close = src.indexOf("'", this.pos + 1);
        if (close < 0 && this.mode !== 'partial') this.more("'");
        const end = close < 0 ? src.length : close;
        push(parts, src.slice(this.pos + 1, end), true);
        this.pos = Math.min(end + 1, src.length);
      } else if (c === '"') this.double(parts);
      else if (c === '$') this.dollar(parts, false, false);
      else if (c === '`') this.backquote(parts, false, false);
      else if (c === '~' && this.tildeAllowed(start, parts, n)) {
        parts.push({ t: 'tilde', src: '~' });
        this.pos++;
      } else {
        push(parts, c, false);
        this.pos++;
      }
    }
    return { parts, raw: src.slice(start, this.pos), end: this.pos };
  }

  /** `~` expands at the start of a word and after the `=` of an assignment-like word. */
  private tildeAllowed(start: number, parts: Part[], n: string | undefined): boolean {
    if (n !== undefined && n !== '/' && !META.has(n)) return false;
    if (this.pos === start) return true;
    const only = parts.length === 1 ? parts[0] : undefined;
    return only?.t === 'lit' && !only.q && /^[A-Za-z_]\w*\+?=$/.test(only.s);
  }

  private double(parts: Part[]): void {
    const { src } = this;
    this.pos++;
    push(parts, '', true);
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) {
        if (this.mode === 'partial') return;
        this.more('"');
      }
      const n = src[this.pos + 1];
      if (c === '"') {
        this.pos++;
        return;
      } else if (c === '\\' && n === '\n') this.pos += 2;
      else if (c === '\\' && n !== undefined && '$`"\\'.includes(n)) {
        push(parts, n, true);
        this.pos += 2;
      } else if (c === '$') this.dollar(parts, true, false);
      else if (c === '`') this.backquote(parts, true, true);
      else {
        push(parts, c, true);
        this.pos++;
      }
    }
  }

  private dollar(parts: Part[], q: boolean, body: boolean): void {
    const { src } = this;
    const start = this.pos;
    // Bash drops `\` + newline before it reads a name, so one may split `$NAME` or `${`.
    const skip = (i: number): number => {
      while (src[i] === '\\' && src[i + 1] === '\n') i += 2;
      return i;
    };
    let j = skip(this.pos + 1);
    const n = src[j];
    if (n === '{') {
      const close = src.indexOf('}', j + 1);
      if (close < 0 && !body && this.mode !== 'partial') this.more('}');
      const end = close < 0 ? src.length : close + 1;
      const inner = src.slice(j + 1, close < 0 ? src.length : close).replaceAll('\\\n', '');
      const s = src.slice(start, end);
      this.pos = end;
      if (PARAM.test(inner)) parts.push({ t: 'param', name: inner, q, length: false, src: s });
      else if (inner.startsWith('#') && PARAM.test(inner.slice(1))) {
        parts.push({ t: 'param', name: inner.slice(1), q, length: true, src: s });
      } else if (/^!?(?:[A-Za-z_]\w*|[0-9]+|[?$!#@*-])[-:=?+#%/^,@[]/.test(inner)) {
        parts.push({
          t: 'fail',
          message: unsupported(s, 'only $NAME and ${NAME} expansions are'),
          src: s,
        });
      } else parts.push({ t: 'fail', message: `bash: ${s}: bad substitution`, src: s });
    } else if (n === '(') {
      const k = skip(j + 1);
      if (src[k] === '(' && this.arith(parts, start, k + 1, q, body)) return;
      this.command(parts, start, j + 1, q, body);
    } else if (n === "'" && !q) {
      this.pos = j - 1;
      this.ansiC(parts);
    } else if (n === '"' && !q) this.pos = j;
    else if (n !== undefined && /[A-Za-z_]/.test(n)) {
      let name = '';
      for (let c = src[j]; c !== undefined && /\w/.test(c); c = src[j]) {
        name += c;
        j = skip(j + 1);
      }
      this.pos = j;
      parts.push({ t: 'param', name, q, length: false, src: src.slice(start, j) });
    } else if (n !== undefined && (/[0-9]/.test(n) || SPECIAL.includes(n))) {
      this.pos = j + 1;
      parts.push({ t: 'param', name: n, q, length: false, src: src.slice(start, this.pos) });
    } else {
      push(parts, '$', q);
      this.pos++;
    }
  }

  /**
   * `$((...))`: up to the `))` that closes it, parentheses inside kept in balance. When the `)`
   * matching the first `(` is not followed by another, bash reads a command substitution whose
   * command starts with a subshell instead, and so does this (answering false).
   */
  private arith(parts: Part[], start: number, open: number, q: boolean, late: boolean): boolean {
    const { src } = this;
    let depth = 0;
    for (let i = open; ; i++) {
      const c = src[i];
      if (c === undefined) {
        if (this.mode === 'partial') return false;
        this.more(')');
      }
      if (c === '\\') i++;
      else if (c === "'" || c === '"') {
        for (i++; i < src.length && src[i] !== c; i++) if (c === '"' && src[i] === '\\') i++;
      } else if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if (c === ')') {
        if (src[i + 1] !== ')') return false;
        const inner = new Lexer(src.slice(open, i), 'end', this.firstLine).arithBody(late);
        this.pos = i + 2;
        parts.push({ t: 'arith', parts: inner, q, src: src.slice(start, this.pos) });
        return true;
      }
    }
  }

  /**
   * The inside of `$((...))`: expansions as within double quotes (never split), and double
   * quotes removed, as bash 5.2 does; single quotes stay, for the evaluation to reject.
   */
  private arithBody(late: boolean): Part[] {
    const parts: Part[] = [];
    const { src } = this;
    while (this.pos < src.length) {
      const c = src[this.pos] ?? '';
      const n = src[this.pos + 1];
      if (c === '\\' && n === '\n') this.pos += 2;
      else if (c === '\\' && n !== undefined && '$`"\\'.includes(n)) {
        push(parts, n, true);
        this.pos += 2;
      } else if (c === '"') this.pos++;
      else if (c === '$') this.dollar(parts, true, late);
      else if (c === '`') this.backquote(parts, true, false);
      else {
        push(parts, c, true);
        this.pos++;
      }
    }
    return parts;
  }

  /**
   * `$(...)`: the closing `)` is the first one outside the substitution's own tokens, so quotes,
   * comments, escapes and nested substitutions inside it are read as in any command. The parser
   * checks the text inside as a command of its own.
   */
  private command(parts: Part[], start: number, open: number, q: boolean, late: boolean): void {
    const { src } = this;
    const inner = new Lexer(src, this.mode, this.firstLine);
    inner.pos = open;
    let depth = 0;
    for (;;) {
      const t = inner.pull();
      if (t.k === 'end') {
        if (this.mode !== 'partial') this.more(')');
        this.pos = src.length;
        const text = src.slice(open);
        parts.push({ t: 'cmd', text, src: src.slice(start), q, late, open: true });
        return;
      }
      if (t.k === 'op' && t.op === '(') depth++;
      else if (t.k === 'op' && t.op === ')' && depth-- === 0) break;
    }
    this.pos = inner.pos;
    const text = src.slice(open, inner.pos - 1);
    parts.push({ t: 'cmd', text, src: src.slice(start, inner.pos), q, late });
  }

  /**
   * `` `...` ``: up to the next unescaped backquote. A backslash quotes only `$`, `` ` `` and `\`
   * there (and `"` inside double quotes); bash parses the text only when it runs.
   */
  private backquote(parts: Part[], q: boolean, inDouble: boolean): void {
    const { src } = this;
    const start = this.pos;
    let text = '';
    let i = start + 1;
    for (let c = src[i]; c !== '`'; c = src[i]) {
      if (c === undefined) {
        if (this.mode !== 'partial') this.more('`');
        this.pos = i;
        parts.push({ t: 'cmd', text, src: src.slice(start), q, late: true, open: true });
        return;
      }
      const n = src[i + 1];
      if (c === '\\' && n !== undefined && ('$`\\'.includes(n) || (inDouble && n === '"'))) {
        text += n;
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    this.pos = i + 1;
    parts.push({ t: 'cmd', text, src: src.slice(start, this.pos), q, late: true });
  }

  /** `$'...'`: C-style escapes. */
  private ansiC(parts: Part[]): void {
    const { src } = this;
    this.pos += 2;
    let s = '';
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) {
        if (this.mode === 'partial') break;
        this.more("'");
      }
      if (c === "'") {
        this.pos++;
        break;
      }
      if (c !== '\\') {
        s += c;
        this.pos++;
        continue;
      }
      const rest = src.slice(this.pos + 1);
      const simple = rest[0] !== undefined ? ANSI[rest[0]] : undefined;
      const m = /^(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8})/.exec(rest);
      if (simple !== undefined) {
        s += simple;
        this.pos += 2;
      } else if (m) {
        const d = m[0];
        const code = /^[0-7]/.test(d) ? parseInt(d, 8) : parseInt(d.slice(1), 16);
        s += code <= 0x10ffff ? String.fromCodePoint(code) : `\\${d}`;
        this.pos += 1 + d.length;
      } else {
        s += '\\';
        this.pos++;
      }
    }
    push(parts, s, true);
  }
}

function push(parts: Part[], s: string, q: boolean): void {
  const last = parts[parts.length - 1];
  if (last?.t === 'lit' && last.q === q) last.s += s;
  else parts.push({ t: 'lit', s, q });
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
