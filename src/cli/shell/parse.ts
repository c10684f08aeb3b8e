// The bash subset a learner types into the tutorial's terminal: quoting, parameter expansion,
// command substitution, pipes, && || ;, the common redirections and here-documents. Everything
// else bash would accept (subshells, compound commands, background jobs) is refused with a clear
// message instead of being half-run. Syntax errors use interactive bash's wording.
//
// The pieces live in ./syntax (shapes), ./lex (tokens and wording) and ./expand (expansion);
// this module is the parser and the API the shell and kubectl use.
import { expandPipeline, partText, substitutionsOf } from './expand';
import { EOF_ERROR, isRefusal, Lexer, nearToken, Stop, stop, unsupported } from './lex';
import type {
  CommandList,
  CommandPart,
  Env,
  Mode,
  ParseOptions,
  ParseResult,
  Part,
  RawCommand,
  RawItem,
  RawPipeline,
  SubstitutionOutput,
  SyntaxResult,
  Tok,
  Word,
  WordT,
} from './syntax';

export type {
  AwaitedHeredoc,
  CommandList,
  Connector,
  Env,
  Heredoc,
  ParseOptions,
  ParseResult,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
  Substitution,
  SubstitutionOutput,
  SyntaxResult,
  UnexpandedItem,
  Word,
} from './syntax';

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
    /** Parsing the inside of `$(...)`: the end of the text is where bash sees the `)`. */
    private readonly closed = false,
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
        throw stop(nearToken(this.closed ? ')' : 'newline'));
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
    if (this.closed) this.unexpected(this.peek());
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
    // Bash parses substitutions in here-documents only when they run, but refusals come now.
    for (const { pipeline } of items) {
      for (const c of pipeline.commands) this.check(c.heredoc?.body ?? []);
    }
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
        this.check(t.w.parts);
        this.continuing = false;
      } else if (t.k === 'redir') {
        this.continuing = true;
        const target = this.peek(1);
        if (target.k !== 'word') this.unexpected(target);
        this.i += 2;
        this.continuing = false;
        this.check(target.w.parts);
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

  /**
   * Bash parses `$(...)` as it reads it, so a syntax error inside fails the whole line; it
   * parses backquotes only when they run (see lateSubstitutionError), but refusals come now.
   */
  private check(parts: Part[]): void {
    for (const p of parts) {
      if (p.t === 'arith') this.check(p.parts);
      if (p.t !== 'cmd') continue;
      const error = parseInner(p);
      if (error && (!p.late || (error.tok.k === 'error' && isRefusal(error.tok.message)))) {
        throw error;
      }
    }
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

/** The first error in a substitution's text, or null; `lexer` says where it was found. */
function parseInner(p: CommandPart, lexer = new Lexer(p.text, 'end')): Stop | null {
  const parser = new Parser(lexer, 'end', !p.late);
  try {
    parser.list();
    return parser.background ? stop(unsupported('background jobs &')) : null;
  } catch (e) {
    if (e instanceof Stop) return e;
    throw e;
  }
}

/**
 * The syntax error of a substitution bash parses only when it runs (backquotes, here-document
 * bodies), worded as bash prints it then; null when it parses, or when it is refused (running
 * it reports that).
 */
export function lateSubstitutionError(text: string): string | null {
  const lexer = new Lexer(text, 'end');
  const error = parseInner({ t: 'cmd', text, src: text, q: false, late: true }, lexer);
  if (!error) return null;
  const message = error.tok.k === 'error' ? error.tok.message : EOF_ERROR;
  if (isRefusal(message)) return null;
  const lines = text.split('\n');
  const at = (line: number): string => `bash: command substitution: line ${line}: `;
  // Bash reads the text with a newline added, so the end of it is one line further down.
  if (message === EOF_ERROR) return `${at(lines.length + 1)}${message.slice('bash: '.length)}`;
  const line = text.slice(0, lexer.tokenStart).split('\n').length;
  const first = `${at(line)}${message.slice('bash: '.length)}`;
  return message.startsWith('bash: syntax error near')
    ? `${first}\n${at(line)}\`${lines[line - 1] ?? ''}'`
    : first;
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
        substitutions: substitutionsOf(pipeline),
        expand: (env: Env = {}, outputs: readonly SubstitutionOutput[] = []) =>
          expandPipeline(pipeline, env, outputs),
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

/**
 * Parses and expands every pipeline with the same `env` (`$?` is `env['?']`). Command
 * substitutions are not run: they expand to nothing.
 */
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
      // Inside an unclosed `$(` or backquote, a command of its own is being typed.
      const last = t.w.parts[t.w.parts.length - 1];
      if (last?.t === 'cmd' && last.open) return completionWords(last.text, env);
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
