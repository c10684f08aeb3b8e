// Runs one command as bash would: lists joined by && || ;, pipelines, command substitutions,
// the redirections the tutorial needs, `$?`. Programs come from the registry; what they print
// goes to `out`.
import { ERRNO_TEXT, readFile, resolvePath } from '../../engine/fs/files';
import type { Program, Run, Session, Wait } from '../program';
import { childSession, cwdOf, runProgram, withFiles } from '../program';
import type { Pipeline, SimpleCommand, Substitution, SubstitutionOutput } from './parse';
import { lateSubstitutionError, parseSyntax } from './parse';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export type Registry = ReadonlyMap<string, Program>;

/** Bash's exit status for a command that cannot be found. */
export const NOT_FOUND = 127;

/**
 * Executes `text` (one complete command, possibly several physical lines) against the session.
 * The session's world and variables are updated in place as the command runs.
 */
export function* execute(session: Session, text: string, registry: Registry, out: Output): Run {
  const parsed = parseSyntax(text, { endOfInput: true });
  if (!parsed.ok) {
    const message =
      'incomplete' in parsed ? 'bash: syntax error: unexpected end of file' : parsed.error;
    out.stderr(`${message}\n`);
    session.env['?'] = '2';
    return 2;
  }
  for (const w of parsed.warnings) out.stderr(`${w}\n`);
  let status = Number(session.env['?'] ?? '0');
  let skip: '&&' | '||' | null = null;
  for (const item of parsed.items) {
    if (!(skip === '&&' && status !== 0) && !(skip === '||' && status === 0)) {
      // Substitutions run first, in order, each seeing the `$?` the one before it left.
      const outputs: SubstitutionOutput[] = [];
      const lastStatus: number[] = [];
      for (const s of item.substitutions) {
        const o = yield* substitute(session, s, outputs.at(-1)?.status ?? status, registry, out);
        outputs.push(o);
        lastStatus[s.command] = o.status;
      }
      const expanded = item.expand(session.env, outputs);
      if (!expanded.ok) {
        out.stderr(`${expanded.error}\n`);
        status = 1;
      } else {
        Object.assign(session.env, expanded.assigned);
        status = yield* runPipeline(session, expanded.pipeline, registry, out, lastStatus);
      }
      session.env['?'] = String(status);
      // After an arithmetic error bash abandons the rest of the line.
      if (!expanded.ok && expanded.abort) return status;
    }
    skip = item.next === '&&' || item.next === '||' ? item.next : null;
  }
  return status;
}

/**
 * Runs a substitution in a subshell: the same world (what it does to the cluster stays done),
 * a copy of the variables (what it assigns does not), its standard output captured.
 */
function* substitute(
  session: Session,
  s: Substitution,
  status: number,
  registry: Registry,
  out: Output,
): Generator<Wait, SubstitutionOutput, void> {
  if (s.late) {
    const error = lateSubstitutionError(s.text);
    if (error !== null) {
      out.stderr(`${error}\n`);
      return { stdout: '', status: 2 };
    }
  }
  const parsed = parseSyntax(s.text, { endOfInput: true });
  // An empty substitution succeeds whatever `$?` was.
  if (parsed.ok && parsed.items.length === 0) return { stdout: '', status: 0 };
  const subshell = childSession(session, { ...session.env, '?': String(status) });
  let stdout = '';
  const code = yield* execute(subshell, s.text, registry, {
    stdout: (t) => (stdout += t),
    stderr: (t) => out.stderr(t),
  });
  return { stdout, status: code };
}

function* runPipeline(
  session: Session,
  pipeline: Pipeline,
  registry: Registry,
  out: Output,
  substituted: readonly (number | undefined)[],
): Run {
  let stdin = '';
  let status = 0;
  const last = pipeline.commands.length - 1;
  for (let i = 0; i <= last; i++) {
    const cmd = pipeline.commands[i] as SimpleCommand;
    // Every stage but the last writes into the next one's standard input.
    let captured = '';
    const sink: Output =
      i === last ? out : { stdout: (t) => (captured += t), stderr: (t) => out.stderr(t) };
    status = yield* runSimple(session, cmd, stdin, registry, sink, substituted[i]);
    stdin = captured;
  }
  if (pipeline.negated) status = status === 0 ? 1 : 0;
  return status;
}

/** Writes (or appends) to a file of the session's workspace, as the command's output arrives. */
function writeTo(session: Session, path: string, text: string, append: boolean) {
  return withFiles(session, (tx) => tx.writeFile(path, text, { append }));
}

function* runSimple(
  session: Session,
  cmd: SimpleCommand,
  stdin: string,
  registry: Registry,
  out: Output,
  /** The status of the command's last substitution, if it had any. */
  substituted: number | undefined,
): Run {
  if (cmd.argv.length === 0) {
    for (const a of cmd.assignments) session.env[a.name] = a.value;
    // Without a command name, bash keeps the status of the last substitution (`X=$(false)`).
    return substituted ?? 0;
  }
  let stdout = (t: string) => out.stdout(t);
  let stderr = (t: string) => out.stderr(t);
  let input = stdin;
  const cwd = cwdOf(session);
  // In order, as bash sets them up: `> f 2>&1` sends both to f, `2>&1 > f` only stdout.
  for (const r of cmd.redirects) {
    if (r.op === '2>&1') {
      stderr = stdout;
      continue;
    }
    if (r.target === '/dev/null') {
      if (r.op === '>' || r.op === '>>') stdout = () => {};
      else if (r.op === '2>' || r.op === '2>>') stderr = () => {};
      else if (r.op === '&>') stdout = stderr = () => {};
      continue;
    }
    const path = resolvePath(cwd, r.target);
    if (r.op === '<') {
      const read = readFile(session.world.files, path);
      if (!read.ok && read.code !== 'EISDIR') {
        out.stderr(`bash: ${r.target}: ${ERRNO_TEXT[read.code]}\n`);
        return 1;
      }
      input = read.ok ? read.value : '';
      continue;
    }
    // bash creates or empties the file before the command runs, and fails the command if it cannot.
    const append = r.op === '>>' || r.op === '2>>';
    const opened = writeTo(session, path, '', append);
    if (!opened.ok) {
      out.stderr(`bash: ${r.target}: ${ERRNO_TEXT[opened.code]}\n`);
      return 1;
    }
    const sink = (t: string) => void writeTo(session, path, t, true);
    if (r.op === '>' || r.op === '>>') stdout = sink;
    else if (r.op === '2>' || r.op === '2>>') stderr = sink;
    else stdout = stderr = sink;
  }
  const name = cmd.argv[0] as string;
  const program = registry.get(name);
  if (!program) {
    // bash reports this after setting up the command's redirections.
    stderr(`bash: ${name}: command not found\n`);
    return NOT_FOUND;
  }
  if (cmd.heredoc) input = cmd.heredoc.body;
  // `NAME=value command`: the variable is in the command's environment only, as in bash.
  const saved = cmd.assignments.map((a) => [a.name, session.env[a.name]] as const);
  for (const a of cmd.assignments) session.env[a.name] = a.value;
  try {
    return yield* runProgram(program, {
      argv: cmd.argv,
      stdin: input,
      session,
      out: (t) => stdout(t),
      err: (t) => stderr(t),
    });
  } finally {
    for (const [name, value] of saved.reverse()) {
      if (value === undefined) delete session.env[name];
      else session.env[name] = value;
    }
  }
}
