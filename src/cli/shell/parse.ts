// The bash subset a learner types into the tutorial's terminal: quoting, parameter expansion,
// pipes, && || ;, the common redirections and here-documents. Everything else bash would accept
// (subshells, command substitution, compound commands, background jobs) is refused with a clear
// message instead of being half-run. Syntax errors use interactive bash's wording.

export interface Word {
  /** After quote removal (and expansion, where the caller asked for it). */
  text: string;
  raw: string;
  quoted: boolean;
}
export type RedirectOp = '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '&>';
export interface Redirect {
  op: RedirectOp;
  target: string;
}
export interface Heredoc {
  delimiter: string;
  /** Tabs already stripped (`<<-`) and parameters already expanded (unquoted delimiter). */
  body: string;
  expand: boolean;
  stripTabs: boolean;
}
export interface SimpleCommand {
  argv: string[];
  assignments: { name: string; value: string }[];
  redirects: Redirect[];
  heredoc?: Heredoc;
}
export interface Pipeline {
  commands: SimpleCommand[];
  negated: boolean;
}
export type Connector = '&&' | '||' | ';' | null;
export interface CommandList {
  items: { pipeline: Pipeline; next: Connector }[];
}
export type ParseResult =
  | { ok: true; list: CommandList; warnings?: string[] }
  | { ok: false; error: string }
  | { ok: false; incomplete: true };
export type Env = Readonly<Record<string, string>>;

/** A parsed pipeline whose words are expanded only when it runs, so `a; echo $?` sees a's status. */
export interface UnexpandedItem {
  next: Connector;
  expand(env?: Env): { ok: true; pipeline: Pipeline } | { ok: false; error: string };
}
/** A here-document whose delimiter line has not come yet. */
export interface AwaitedHeredoc {
  delimiter: string;
  stripTabs: boolean;
}
export type SyntaxResult =
  | { ok: true; items: UnexpandedItem[]; warnings: string[] }
  | { ok: false; error: string }
  /** `heredocs`: when only here-document bodies are missing, the delimiters still awaited. */
  | { ok: false; incomplete: true; heredocs?: AwaitedHeredoc[] };

export interface ParseOptions {
  /**
   * The input ends here (end of a script, Ctrl-D): instead of `incomplete`, answer as bash does
   * at end of file: an open quote or a trailing operator is an error, a here-document without its
   * delimiter line is run with a warning.
   */
  endOfInput?: boolean;
  /** Line number of the text's first line in the shell's input, for bash's here-document warning. */
  firstLine?: number;
}

type Part =
  | { t: 'lit'; s: string; q: boolean }
  | { t: 'param'; name: string; q: boolean; length: boolean; src: string }
  | { t: 'tilde'; src: string }
  | { t: 'fail'; message: string; src: string };
interface WordT {
  parts: Part[];
  raw: string;
  end: number;
}
interface HeredocT {
  delimiter: string;
  expand: boolean;
  stripTabs: boolean;
  body: Part[] | null;
}
type Tok =
  | { k: 'word'; w: WordT }
  | { k: 'op'; op: string }
  | { k: 'redir'; op: string; fd: string | null; heredoc?: HeredocT }
  | { k: 'nl' }
  | { k: 'end' }
  | { k: 'more'; awaiting?: AwaitedHeredoc[] }
  | { k: 'error'; message: string };
type Mode = 'normal' | 'end' | 'partial';

const SIMPLE_ONLY = 'it runs simple commands joined by |, &&, || and ;';
const unsupported = (what: string, why = SIMPLE_ONLY): string =>
  `bash: ${what}: not supported in this terminal (${why})`;
const nearToken = (tok: string): string => `bash: syntax error near unexpected token \`${tok}'`;
const eofMatching = (c: string): string =>
  `bash: unexpected EOF while looking for matching \`${c}'`;
const EOF_ERROR = 'bash: syntax error: unexpected end of file';

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
class Stop {
  constructor(readonly tok: Tok) {}
}
const stop = (message: string): Stop => new Stop({ k: 'error', message });

class Lexer {
  pos = 0;
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
      else if (c === '`') throw stop(unsupported('command substitution `...`'));
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
      else if (c === '`') throw stop(unsupported('command substitution `...`'));
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
      else if (c === '`') throw stop(unsupported('command substitution `...`'));
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
      const what =
        src[skip(j + 1)] === '(' ? 'arithmetic expansion $((...))' : 'command substitution $(...)';
      throw stop(unsupported(what));
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

interface RawRedirect {
  op: string;
  fd: string | null;
  target: WordT;
}
interface RawCommand {
  words: WordT[];
  assigns: { name: string; append: boolean; value: Part[] }[];
  redirs: RawRedirect[];
  heredoc?: HeredocT;
}
interface RawPipeline {
  commands: RawCommand[];
  negated: boolean;
}
interface RawItem {
  pipeline: RawPipeline;
  next: Connector;
}

// Reserved words bash rejects where a command should start, and those that open compound commands.
const MISPLACED = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in', ']]']);
const COMPOUND = new Set([
  ...['if', 'while', 'until', 'for', 'case', 'select', 'function', '{', '[[', 'time', 'coproc'],
]);

const isBang = (t: Tok): boolean => t.k === 'word' && t.w.raw === '!';
const isOp = (t: Tok, ...ops: string[]): boolean => t.k === 'op' && ops.includes(t.op);
const emptyCommand = (): RawCommand => ({ words: [], assigns: [], redirs: [] });

class Parser {
  private i = 0;
  private readonly toks: Tok[] = [];
  background = false;
  /** Inside a construct that needs more: after |, && or ||, or before a redirection's target. */
  continuing = false;

  constructor(
    private readonly lexer: Lexer,
    private readonly mode: Mode,
  ) {}

  /** Tokens are read only as far as the parser looks, as bash does. */
  private peek(ahead = 0): Tok {
    while (this.toks.length <= this.i + ahead) {
      const last = this.toks[this.toks.length - 1];
      this.toks.push(last?.k === 'end' ? last : this.lexer.pull());
    }
    return this.toks[this.i + ahead] as Tok;
  }

  private unexpected(t: Tok): never {
    switch (t.k) {
      case 'more':
      case 'error':
        throw new Stop(t);
      case 'end':
      case 'nl':
        throw stop(nearToken('newline'));
      case 'op':
        throw stop(nearToken(t.op));
      case 'redir':
        throw stop(nearToken(t.fd ?? t.op));
      case 'word':
        throw stop(nearToken(t.w.raw));
    }
  }

  private skipNewlines(): void {
    while (this.peek().k === 'nl') this.i++;
  }

  /** After |, && and ||: bash reads on, past blank lines, until the command comes. */
  private needMore(): void {
    this.continuing = true;
    this.skipNewlines();
    if (this.peek().k !== 'end') return;
    throw this.mode === 'normal' ? new Stop({ k: 'more' }) : stop(EOF_ERROR);
  }

  list(): RawItem[] {
    const items: RawItem[] = [];
    this.skipNewlines();
    while (this.peek().k !== 'end') {
      const pipeline = this.pipeline();
      const t = this.peek();
      if (t.k === 'op' && (t.op === '&&' || t.op === '||')) {
        this.i++;
        this.needMore();
        items.push({ pipeline, next: t.op });
      } else if (t.k === 'nl' || isOp(t, ';', '&')) {
        if (isOp(t, '&')) this.background = true;
        this.i++;
        this.skipNewlines();
        items.push({ pipeline, next: ';' });
      } else if (t.k === 'end') items.push({ pipeline, next: null });
      else this.unexpected(t);
    }
    const last = items[items.length - 1];
    if (last) last.next = null;
    return items;
  }

  private pipeline(): RawPipeline {
    let negated = false;
    while (isBang(this.peek())) {
      negated = !negated;
      this.i++;
    }
    const t = this.peek();
    // `!` alone is a command of its own (it negates success), as in bash.
    if (negated && (t.k === 'end' || t.k === 'nl' || isOp(t, ';'))) {
      return { commands: [emptyCommand()], negated };
    }
    const commands = [this.simple()];
    for (let p = this.peek(); p.k === 'op' && (p.op === '|' || p.op === '|&'); p = this.peek()) {
      if (p.op === '|&') {
        const one: WordT = { parts: [{ t: 'lit', s: '1', q: false }], raw: '1', end: 0 };
        commands[commands.length - 1]?.redirs.push({ op: '>&', fd: '2', target: one });
      }
      this.i++;
      this.needMore();
      if (isBang(this.peek())) this.unexpected(this.peek());
      commands.push(this.simple());
    }
    return { commands, negated };
  }

  private simple(): RawCommand {
    const c = emptyCommand();
    const fresh = (): boolean =>
      c.words.length + c.assigns.length + c.redirs.length === 0 && !c.heredoc;
    if (isOp(this.peek(), '(')) throw stop(unsupported('subshells ( ... )'));
    for (;;) {
      const t = this.peek();
      if (t.k === 'word') {
        if (fresh()) this.reserved(t.w);
        const a = c.words.length === 0 ? assignment(t.w) : null;
        if (a) c.assigns.push(a);
        else c.words.push(t.w);
        this.i++;
        this.continuing = false;
      } else if (t.k === 'redir') {
        this.continuing = true;
        const target = this.peek(1);
        if (target.k !== 'word') this.unexpected(target);
        this.i += 2;
        this.continuing = false;
        if (t.op === '<<' || t.op === '<<-') c.heredoc = t.heredoc;
        else if (t.op === '<<<') throw stop(unsupported('here-strings <<<'));
        else c.redirs.push({ op: t.op, fd: t.fd, target: target.w });
      } else if (isOp(t, '(')) {
        const prev = this.toks[this.i - 1];
        if (c.words.length === 0 && prev?.k === 'word' && prev.w.raw.endsWith('=')) {
          throw stop(unsupported('arrays'));
        }
        if (c.words.length !== 1 || c.assigns.length + c.redirs.length > 0) this.unexpected(t);
        const n = this.peek(1);
        if (isOp(n, ')')) throw stop(unsupported('function definitions'));
        this.unexpected(n);
      } else break;
    }
    if (fresh()) this.unexpected(this.peek());
    return c;
  }

  private reserved(w: WordT): void {
    const only = w.parts.length === 1 ? w.parts[0] : undefined;
    if (only?.t !== 'lit' || only.q) return;
    if (MISPLACED.has(only.s)) throw stop(nearToken(only.s));
    if (COMPOUND.has(only.s)) throw stop(unsupported(only.s));
  }
}

function assignment(w: WordT): RawCommand['assigns'][number] | null {
  const [first, ...rest] = w.parts;
  if (first?.t !== 'lit' || first.q) return null;
  const m = /^([A-Za-z_]\w*)(\+?)=/.exec(first.s);
  if (!m?.[1]) return null;
  const tail = first.s.slice(m[0].length);
  const value: Part[] = tail === '' ? rest : [{ t: 'lit', s: tail, q: false }, ...rest];
  return { name: m[1], append: m[2] === '+', value };
}

class ExpandError {
  constructor(readonly message: string) {}
}

function partText(p: Part, env: Env, lenient = false): string {
  switch (p.t) {
    case 'lit':
      return p.s;
    case 'tilde':
      return env.HOME ?? '~';
    case 'fail':
      if (lenient) return p.src;
      throw new ExpandError(p.message);
    case 'param': {
      const v =
        env[p.name] ?? (p.name === '0' ? 'bash' : p.name === '#' || p.name === '?' ? '0' : '');
      return p.length ? String([...v].length) : v;
    }
  }
}

const joined = (parts: Part[], env: Env): string => parts.map((p) => partText(p, env)).join('');

/** Unquoted expansions split into fields at blanks; an unquoted empty expansion vanishes. */
function fields(parts: Part[], env: Env): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (const p of parts) {
    const s = partText(p, env);
    if (p.t !== 'param' || p.q) {
      cur += s;
      has ||= s !== '' || (p.t === 'lit' && p.q);
      continue;
    }
    for (const ch of s) {
      if (ch !== ' ' && ch !== '\t' && ch !== '\n') {
        cur += ch;
        has = true;
      } else if (has) {
        out.push(cur);
        cur = '';
        has = false;
      }
    }
  }
  if (has) out.push(cur);
  return out;
}

function redirect(r: RawRedirect, env: Env): Redirect {
  const fs = fields(r.target.parts, env);
  const target = fs[0];
  if (fs.length !== 1 || target === undefined) {
    throw new ExpandError(`bash: ${r.target.raw}: ambiguous redirect`);
  }
  const out = r.fd === null || r.fd === '1';
  const err = r.fd === '2';
  switch (r.op) {
    case '>':
    case '>|':
      if (out || err) return { op: out ? '>' : '2>', target };
      break;
    case '>>':
      if (out || err) return { op: out ? '>>' : '2>>', target };
      break;
    case '<':
      if (r.fd === null || r.fd === '0') return { op: '<', target };
      break;
    case '&>':
      return { op: '&>', target };
    case '>&':
      if (err && target === '1') return { op: '2>&1', target };
      // `>&file` is the older spelling of `&>file`.
      if (out && !/^(?:[0-9]+|-)$/.test(target)) return { op: '&>', target };
      break;
  }
  throw new ExpandError(
    unsupported(
      `${r.fd ?? ''}${r.op}${r.target.raw}`,
      'only >, >>, <, 2>, 2>>, 2>&1, &> and here-documents are',
    ),
  );
}

function expandPipeline(p: RawPipeline, env: Env): ReturnType<UnexpandedItem['expand']> {
  try {
    const commands = p.commands.map((c): SimpleCommand => {
      const cmd: SimpleCommand = {
        argv: c.words.flatMap((w) => fields(w.parts, env)),
        assignments: c.assigns.map((a) => ({
          name: a.name,
          value: (a.append ? (env[a.name] ?? '') : '') + joined(a.value, env),
        })),
        redirects: c.redirs.map((r) => redirect(r, env)),
      };
      if (c.heredoc) {
        const { delimiter, expand, stripTabs } = c.heredoc;
        cmd.heredoc = { delimiter, body: joined(c.heredoc.body ?? [], env), expand, stripTabs };
      }
      return cmd;
    });
    return { ok: true, pipeline: { commands, negated: p.negated } };
  } catch (e) {
    if (e instanceof ExpandError) return { ok: false, error: e.message };
    throw e;
  }
}

function incomplete(t: Tok): SyntaxResult {
  return t.k === 'more' && t.awaiting
    ? { ok: false, incomplete: true, heredocs: t.awaiting }
    : { ok: false, incomplete: true };
}

/** Parses without expanding: each pipeline expands when the caller runs it. */
export function parseSyntax(text: string, options: ParseOptions = {}): SyntaxResult {
  const mode: Mode = options.endOfInput ? 'end' : 'normal';
  const lexer = new Lexer(text, mode, options.firstLine ?? 1);
  const parser = new Parser(lexer, mode);
  try {
    const items = parser.list();
    if (parser.background) return { ok: false, error: unsupported('background jobs &') };
    return {
      ok: true,
      warnings: lexer.warnings,
      items: items.map(({ pipeline, next }) => ({
        next,
        expand: (env: Env = {}) => expandPipeline(pipeline, env),
      })),
    };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.tok.k !== 'error') return incomplete(e.tok);
    try {
      // As bash does, but only when the error came where a command could have ended.
      if (!parser.continuing) lexer.finishLine();
    } catch (more) {
      if (more instanceof Stop) return incomplete(more.tok);
      throw more;
    }
    return { ok: false, error: [...lexer.warnings, e.tok.message].join('\n') };
  }
}

/** Parses and expands every pipeline with the same `env` (`$?` is `env['?']`). */
export function parseCommand(text: string, env: Env = {}, options: ParseOptions = {}): ParseResult {
  const r = parseSyntax(text, options);
  if (!r.ok) return r;
  const items: CommandList['items'] = [];
  for (const item of r.items) {
    const e = item.expand(env);
    if (!e.ok) return e;
    items.push({ pipeline: e.pipeline, next: item.next });
  }
  return r.warnings.length > 0
    ? { ok: true, list: { items }, warnings: r.warnings }
    : { ok: true, list: { items } };
}

export interface CompletionWords {
  /** The words of the command being typed, before the one at the cursor (redirect targets left out). */
  words: Word[];
  /** The word at the end of the line ('' after a blank); an unclosed quote still counts. */
  current: Word;
  afterRedirect: boolean;
}

/** For tab completion: reads the line up to the cursor leniently (open quotes are fine). */
export function completionWords(line: string, env: Env = {}): CompletionWords {
  let words: Word[] = [];
  let current: Word = { text: '', raw: '', quoted: false };
  let redirected = false;
  let afterRedirect = false;
  for (const t of new Lexer(line, 'partial').run()) {
    if (t.k === 'word') {
      const word: Word = {
        text: t.w.parts.map((p) => partText(p, env, true)).join(''),
        raw: t.w.raw,
        quoted: t.w.parts.some((p) => p.t === 'lit' && p.q),
      };
      if (t.w.end === line.length) {
        current = word;
        afterRedirect = redirected;
      } else if (!redirected) words.push(word);
      redirected = false;
    } else if (t.k === 'redir') redirected = true;
    else if (t.k === 'op' || t.k === 'nl') {
      words = [];
      redirected = false;
    } else if (t.k === 'end') afterRedirect ||= redirected;
  }
  return { words, current, afterRedirect };
}
