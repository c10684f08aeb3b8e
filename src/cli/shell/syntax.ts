// The shapes shell input takes on its way to being run: the commands the parser hands to exec
// (public), and the lexer's tokens and the parser's unexpanded commands (internal). They live
// apart from the code so the lexer, the parser and the expansion can share them without
// importing one another.

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

/** A command substitution, `$(...)` or `` `...` ``, which runs before its pipeline expands. */
export interface Substitution {
  /** The command inside; in backquotes, the backslashes quoting `$`, `` ` `` and `\` are removed. */
  text: string;
  /** Index of the command of the pipeline it belongs to. */
  command: number;
  /**
   * Parsed only when it runs (backquotes, here-document bodies), as bash parses them: a syntax
   * error there is reported then, and the command around it still runs.
   */
  late: boolean;
}
/** What a substitution printed on its standard output (trailing newlines not yet removed). */
export interface SubstitutionOutput {
  stdout: string;
  status: number;
}
/** A parsed pipeline whose words are expanded only when it runs, so `a; echo $?` sees a's status. */
export interface UnexpandedItem {
  next: Connector;
  /** In the order bash runs them; their outputs are passed to `expand` in the same order. */
  substitutions: readonly Substitution[];
  /**
   * A substitution without an output (none given) expands to nothing. `assigned`: variables set
   * by `$((...))`, for the shell to keep; `abort`: bash drops the rest of the line (arithmetic
   * errors).
   */
  expand(
    env?: Env,
    outputs?: readonly SubstitutionOutput[],
  ):
    | { ok: true; pipeline: Pipeline; assigned?: Readonly<Record<string, string>> }
    | { ok: false; error: string; abort?: true };
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

// What the lexer produces: words keep their quoting apart until expansion.
export type Part =
  | { t: 'lit'; s: string; q: boolean }
  | { t: 'param'; name: string; q: boolean; length: boolean; src: string }
  | { t: 'tilde'; src: string }
  | CommandPart
  | ArithPart
  | { t: 'fail'; message: string; src: string };
/** `$((...))`: the expression's text, with its own expansions, evaluated after they expand. */
export interface ArithPart {
  t: 'arith';
  parts: Part[];
  q: boolean;
  src: string;
}
/** `$(...)` or `` `...` ``: `open` when the line ends inside it (only while completing). */
export interface CommandPart {
  t: 'cmd';
  text: string;
  src: string;
  q: boolean;
  late: boolean;
  open?: boolean;
}
export interface WordT {
  parts: Part[];
  raw: string;
  end: number;
}
export interface HeredocT {
  delimiter: string;
  expand: boolean;
  stripTabs: boolean;
  body: Part[] | null;
}
export type Tok =
  | { k: 'word'; w: WordT }
  | { k: 'op'; op: string }
  | { k: 'redir'; op: string; fd: string | null; heredoc?: HeredocT }
  | { k: 'nl' }
  | { k: 'end' }
  | { k: 'more'; awaiting?: AwaitedHeredoc[] }
  | { k: 'error'; message: string };
export type Mode = 'normal' | 'end' | 'partial';

// What the parser produces: commands whose words are expanded only when they run.
export interface RawRedirect {
  op: string;
  fd: string | null;
  target: WordT;
}
export interface RawCommand {
  words: WordT[];
  assigns: { name: string; append: boolean; value: Part[] }[];
  redirs: RawRedirect[];
  heredoc?: HeredocT;
}
export interface RawPipeline {
  commands: RawCommand[];
  negated: boolean;
}
export interface RawItem {
  pipeline: RawPipeline;
  next: Connector;
}
