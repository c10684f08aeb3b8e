// Parameter expansion, command substitution results, field splitting and redirection checks,
// run when a pipeline is about to run rather than when it is parsed, so `a; echo $?` sees a's
// status as bash's does. The substitutions themselves are run by the caller (they may wait on
// the clock); this module only places what they printed.
import { ArithError, evaluateArith } from './arith';
import { unsupported } from './lex';
import type {
  CommandPart,
  Env,
  Part,
  RawPipeline,
  RawRedirect,
  Redirect,
  SimpleCommand,
  Substitution,
  SubstitutionOutput,
  UnexpandedItem,
} from './syntax';

class ExpandError {
  constructor(
    readonly message: string,
    /** Bash abandons the rest of the command line, as after an arithmetic error. */
    readonly abort = false,
  ) {}
}

/** A part's text; a substitution is its source when `lenient` (completion), else nothing. */
export function partText(p: Part, env: Env, lenient = false): string {
  switch (p.t) {
    case 'lit':
      return p.s;
    case 'tilde':
      return env.HOME ?? '~';
    case 'cmd':
    case 'arith':
      return lenient ? p.src : '';
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

/**
 * The substitutions of a pipeline in the order bash runs them: for each command its words, then
 * its assignments, its redirections and its here-document (as bash 5.2 does).
 */
function commandParts(p: RawPipeline): { part: CommandPart; command: number }[] {
  const found: { part: CommandPart; command: number }[] = [];
  p.commands.forEach((c, command) => {
    const parts = [
      ...c.words.flatMap((w) => w.parts),
      ...c.assigns.flatMap((a) => a.value),
      ...c.redirs.flatMap((r) => r.target.parts),
      ...(c.heredoc?.body ?? []),
    ];
    const visit = (ps: Part[]): void => {
      for (const part of ps) {
        if (part.t === 'cmd') found.push({ part, command });
        else if (part.t === 'arith') visit(part.parts);
      }
    };
    visit(parts);
  });
  return found;
}

export function substitutionsOf(p: RawPipeline): Substitution[] {
  return commandParts(p).map(({ part, command }) => ({
    text: part.text,
    command,
    late: part.late,
  }));
}

/** One command's expansion, left to right in the order of commandParts. */
class Expansion {
  /** `$?` after the latest substitution expanded so far, as bash sets it. */
  private status: string | undefined;

  private env: Env;

  constructor(
    private readonly base: Env,
    private readonly outputs: ReadonlyMap<Part, SubstitutionOutput>,
    /** What `$((...))` assigned so far; they stay set in the shell, as in bash. */
    readonly assigned: Record<string, string> = {},
  ) {
    this.env = base;
  }

  private arith(p: Part & { t: 'arith' }): string {
    const text = this.joined(p.parts);
    try {
      return evaluateArith(text, {
        get: (name) => this.assigned[name] ?? this.env[name],
        set: (name, value) => {
          this.assigned[name] = value;
        },
      });
    } catch (e) {
      if (e instanceof ArithError) throw new ExpandError(e.message, true);
      throw e;
    }
  }

  private text(p: Part): string {
    if (p.t === 'cmd') {
      const o = this.outputs.get(p);
      if (o === undefined) return '';
      this.status = String(o.status);
      return o.stdout.replace(/\n+$/, '');
    }
    if (p.t === 'param' && p.name === '?' && this.status !== undefined) {
      return p.length ? String(this.status.length) : this.status;
    }
    if (p.t === 'arith') return this.arith(p);
    if (p.t === 'param' && !p.length && this.assigned[p.name] !== undefined) {
      return this.assigned[p.name] ?? '';
    }
    return partText(p, this.env);
  }

  joined(parts: Part[]): string {
    return parts.map((p) => this.text(p)).join('');
  }

  /** Unquoted expansions split into fields at blanks; an unquoted empty expansion vanishes. */
  fields(parts: Part[]): string[] {
    const out: string[] = [];
    let cur = '';
    let has = false;
    for (const p of parts) {
      const s = this.text(p);
      if ((p.t !== 'param' && p.t !== 'cmd' && p.t !== 'arith') || p.q) {
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

  /**
   * Each assignment sees the ones before it (`A=1 B=$A`), as in bash; so do the redirections of
   * a bare assignment, but a command's redirections and here-document see the shell's variables.
   */
  assign(name: string, append: boolean, value: Part[]): { name: string; value: string } {
    const v = (append ? (this.env[name] ?? '') : '') + this.joined(value);
    this.env = { ...this.env, [name]: v };
    return { name, value: v };
  }

  forgetAssignments(): void {
    this.env = this.base;
  }

  redirect(r: RawRedirect): Redirect {
    const fs = this.fields(r.target.parts);
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
}

/** `outputs`: what the pipeline's substitutions printed, in the order of substitutionsOf. */
export function expandPipeline(
  p: RawPipeline,
  env: Env,
  outputs: readonly SubstitutionOutput[] = [],
): ReturnType<UnexpandedItem['expand']> {
  const placed = new Map<Part, SubstitutionOutput>();
  commandParts(p).forEach(({ part }, i) => {
    const o = outputs[i];
    if (o) placed.set(part, o);
  });
  // Variables `$((...))` assigns: kept by the shell only when the pipeline is one command (the
  // commands of a longer one run in subshells).
  const assigned: Record<string, string> = {};
  try {
    const commands = p.commands.map((c): SimpleCommand => {
      const x = new Expansion(env, placed, p.commands.length === 1 ? assigned : {});
      const argv = c.words.flatMap((w) => x.fields(w.parts));
      const assignments = c.assigns.map((a) => x.assign(a.name, a.append, a.value));
      if (argv.length > 0) x.forgetAssignments();
      const cmd: SimpleCommand = {
        argv,
        assignments,
        redirects: c.redirs.map((r) => x.redirect(r)),
      };
      if (c.heredoc) {
        const { delimiter, expand, stripTabs } = c.heredoc;
        cmd.heredoc = { delimiter, body: x.joined(c.heredoc.body ?? []), expand, stripTabs };
      }
      return cmd;
    });
    const pipeline = { commands, negated: p.negated };
    return Object.keys(assigned).length > 0
      ? { ok: true, pipeline, assigned }
      : { ok: true, pipeline };
  } catch (e) {
    if (e instanceof ExpandError) {
      return e.abort
        ? { ok: false, error: e.message, abort: true }
        : { ok: false, error: e.message };
    }
    throw e;
  }
}
