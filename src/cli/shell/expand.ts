// Parameter expansion, field splitting and redirection checks, run when a pipeline is about to
// run rather than when it is parsed, so `a; echo $?` sees a's status as bash's does.
import { unsupported } from './lex';
import type {
  Env,
  Part,
  RawPipeline,
  RawRedirect,
  Redirect,
  SimpleCommand,
  UnexpandedItem,
} from './syntax';

class ExpandError {
  constructor(readonly message: string) {}
}

export function partText(p: Part, env: Env, lenient = false): string {
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

export function expandPipeline(p: RawPipeline, env: Env): ReturnType<UnexpandedItem['expand']> {
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
