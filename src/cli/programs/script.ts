// `bash FILE [ARGS]`, `sh FILE [ARGS]` and `bash -c 'COMMANDS'`: a script read from the workspace
// and run one command at a time, as bash reads it (DESIGN.md §4.1), in the same world as the
// caller. The script gets its own copy of the variables, so what it assigns, and where it `cd`s,
// stays inside it. `set -e` stops at the first command that fails where bash's errexit would;
// `set -x` traces commands; `-u` and `-o pipefail` are accepted but change nothing here.
// Messages: bash 5.2 and dash 0.5.12, as they print them (see script.test.ts).
import { ERRNO_TEXT, readFile, resolvePath, statPath } from '../../engine/fs/files';
import type { Program, ProgramContext, Run, Session } from '../program';
import { childSession, cwdOf, runProgram } from '../program';
import type { Registry } from '../shell/exec';
import { execute } from '../shell/exec';
import { parseSyntax } from '../shell/parse';
import { splitCommands } from '../shell/split';
import type { UnexpandedItem } from '../shell/syntax';

type Flavour = 'bash' | 'sh';

interface Options {
  errexit: boolean;
  xtrace: boolean;
}

/** Thrown out of the running command when the script must stop: `exit`, or errexit. */
class Stop {
  constructor(readonly status: number) {}
}

/** The `set` options bash and dash accept here; the letters that change nothing are allowed too. */
const SET_LETTERS = 'eux';
const SET_LONG: Record<string, keyof Options | null> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: null,
  pipefail: null,
};

const SET_USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n';

/** Applies `set -e`, `+e`, `-euo pipefail`, … to `o`; returns bash's message on a bad option. */
export function applySet(o: Options, args: readonly string[], shell: Flavour): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--' || a === '-') break;
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = args[++i];
        if (name === undefined) return undefined;
        const key = SET_LONG[name];
        if (key === undefined)
          return shell === 'bash'
            ? `set: ${name}: invalid option name`
            : `set: Illegal option -o ${name}`;
        if (key) o[key] = on;
        continue;
      }
      if (!SET_LETTERS.includes(c)) {
        return shell === 'bash' ? `set: ${a[0]}${c}: invalid option` : `set: Illegal option -${c}`;
      }
      if (c === 'e') o.errexit = on;
      if (c === 'x') o.xtrace = on;
    }
  }
  return undefined;
}

/** How bash's xtrace shows a word: bare when safe, else single-quoted. */
function traceWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface Script {
  /** What the script's messages start with: `bash`, `s.sh` … */
  name: string;
  text: string;
  args: string[];
  flavour: Flavour;
  options: Options;
}

/**
 * A session for the script: the caller's world, a copy of the variables. Each time the shell
 * records a command's status in `$?`, `onStatus` sees it first: that is where `set -e` and `exit`
 * stop the script.
 */
function scriptSession(
  session: Session,
  env: Record<string, string>,
  onStatus: (status: number) => void,
): Session {
  const watched = new Proxy(env, {
    set(target, key, value: string) {
      target[key as string] = value;
      if (key === '?') onStatus(Number(value));
      return true;
    },
  });
  return childSession(session, watched);
}

function* runScript(ctx: ProgramContext, script: Script, base: Registry): Run {
  const { options, flavour } = script;
  const env: Record<string, string> = { ...ctx.session.env, '?': '0', '0': script.name };
  for (const key of Object.keys(env)) if (/^[1-9]\d*$/.test(key)) delete env[key];
  script.args.forEach((a, i) => (env[String(i + 1)] = a));
  env['#'] = String(script.args.length);
  env['@'] = env['*'] = script.args.join(' ');

  // Which command of the current line each `$?` belongs to, replaying exec's && / || skipping.
  let items: { next: string | null; negated: boolean }[] = [];
  let index = -1;
  let last = 0;
  let skip: string | null = null;
  let exitWith: number | undefined;
  const onStatus = (status: number) => {
    if (exitWith !== undefined) throw new Stop(exitWith);
    for (;;) {
      index++;
      const item = items[index];
      if (!item) return;
      const runs = !(skip === '&&' && last !== 0) && !(skip === '||' && last === 0);
      skip = item.next === '&&' || item.next === '||' ? item.next : null;
      if (!runs) continue;
      last = status;
      // errexit spares a command followed by && or ||, and a negated one (`! cmd`).
      if (options.errexit && status !== 0 && skip === null && !item.negated) throw new Stop(status);
      return;
    }
  };
  const session = scriptSession(ctx.session, env, onStatus);

  let running = '';
  let line = 1;
  const prefix = () =>
    flavour === 'bash' ? `${script.name}: line ${line}: ` : `${script.name}: ${line}: `;
  const err = (t: string) => {
    // The shell's own messages name the script and line; a program's messages are its own.
    const own = running === '' || !base.has(running) || running === 'cd' || running === 'set';
    if (own && t.startsWith('bash: ')) {
      let rest = t.slice('bash: '.length);
      if (flavour === 'sh')
        rest = rest
          .replace(/: command not found\n$/, ': not found\n')
          .replace(/^cd: (.*): No such file or directory\n$/, "cd: can't cd to $1\n");
      ctx.err(`${prefix()}${rest}`);
    } else ctx.err(t);
  };

  const registry = new Map(base);
  const wrap = (p: Program): Program => ({
    ...p,
    run: (pctx) =>
      (function* (): Run {
        if (options.xtrace) {
          const depth = pctx.session.env === session.env ? '+' : '++';
          ctx.err(`${depth} ${pctx.argv.map(traceWord).join(' ')}\n`);
        }
        const outer = running;
        running = p.name;
        try {
          return yield* runProgram(p, pctx);
        } finally {
          running = outer;
        }
      })(),
  });
  for (const [name, p] of base) registry.set(name, wrap(p));
  registry.set(
    'set',
    wrap({
      name: 'set',
      summary: 'set shell options',
      run: (pctx) => {
        const message = applySet(options, pctx.argv.slice(1), flavour);
        if (message === undefined) return 0;
        if (flavour === 'bash') {
          pctx.err(`bash: ${message}\n${message.endsWith('name') ? '' : SET_USAGE}`);
          return 2;
        }
        // In dash `set` is a special built-in: its error ends the script.
        pctx.err(`bash: ${message}\n`);
        if (pctx.session.env === session.env) exitWith = 2;
        return 2;
      },
    }),
  );
  registry.set(
    'exit',
    wrap({
      name: 'exit',
      summary: 'leave the script',
      run: (pctx) => {
        const arg = pctx.argv[1];
        let code = Number(arg ?? pctx.session.env['?'] ?? '0') & 255;
        if (arg !== undefined && !/^[-+]?\d+$/.test(arg)) {
          pctx.err(`bash: exit: ${arg}: numeric argument required\n`);
          code = 2;
        }
        // In a substitution's subshell, exit ends only the subshell.
        if (pctx.session.env === session.env) exitWith = code;
        return code;
      },
    }),
  );

  let status = 0;
  try {
    for (const cmd of splitCommands(script.text)) {
      line = cmd.line;
      const parsed = parseSyntax(cmd.text, { endOfInput: true });
      items = parsed.ok ? parsed.items.map((i) => ({ next: i.next, negated: negatedOf(i) })) : [];
      index = -1;
      skip = null;
      status = yield* execute(session, cmd.text, registry, {
        stdout: (t) => ctx.out(t),
        stderr: err,
      });
      last = status;
      // A syntax error ends the script: bash shows the line it could not read, and stops.
      if (!parsed.ok && !('incomplete' in parsed)) {
        if (flavour === 'bash' && !cmd.text.includes('\n')) ctx.err(`${prefix()}\`${cmd.text}'\n`);
        return status;
      }
    }
  } catch (e) {
    if (e instanceof Stop) return e.status;
    throw e;
  }
  return status;
}

const negatedOf = (item: UnexpandedItem): boolean => {
  const e = item.expand();
  return e.ok && e.pipeline.negated;
};

const BASH_USAGE = `Usage:\tbash [GNU long option] [option] ...
\tbash [GNU long option] [option] script-file ...
GNU long options:
${['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'].map((o) => `\t--${o}\n`).join('')}Shell options:
\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)
\t-abefhkmnptuvxBCEHPT or -o option
`;

/**
 * The shell's own options before the file or `-c` text (-e, -x, -u, -o NAME, -c), then the file
 * read from the workspace. Gives the script, or the exit status after an error.
 */
function parseInvocation(ctx: ProgramContext, flavour: Flavour): Script | number {
  const argv = ctx.argv.slice(1);
  const options: Options = { errexit: false, xtrace: false };
  let command = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^[-+]./.test(a)) break;
    if (a.includes('c')) command = true;
    const letters = a.replace(/c/g, '');
    if (letters.length < 2) continue;
    const set = letters.includes('o') ? [letters, argv[++i] ?? ''] : [letters];
    const message = applySet(options, set, flavour);
    if (message !== undefined) {
      const what = message.replace(/^set: /, '');
      ctx.err(
        flavour === 'sh'
          ? `sh: 0: ${what}\n`
          : what.endsWith('name')
            ? `bash: bash: ${what}\n`
            : `bash: ${what}\n${BASH_USAGE}`,
      );
      return 2;
    }
  }
  const operands = argv.slice(i);
  if (command) {
    const text = operands[0];
    if (text === undefined) {
      ctx.err(
        flavour === 'bash'
          ? 'bash: -c: option requires an argument\n'
          : 'sh: 0: -c requires an argument\n',
      );
      return 2;
    }
    const name = operands[1] ?? flavour;
    return { name, text, args: operands.slice(2), flavour, options };
  }
  const file = operands[0];
  if (file === undefined) {
    ctx.err(`${flavour}: reading commands from the terminal is not available here\n`);
    return 1;
  }
  const path = resolvePath(cwdOf(ctx.session), file);
  const read = readFile(ctx.session.world.files, path);
  if (!read.ok) {
    if (read.code === 'EISDIR' || statPath(ctx.session.world.files, path)?.type === 'dir') {
      // dash reads a directory as an empty script; bash refuses it.
      if (flavour === 'sh') return 0;
      ctx.err(`${file}: ${file}: Is a directory\n`);
      return 126;
    }
    if (flavour === 'sh') {
      ctx.err(`sh: 0: cannot open ${file}: No such file\n`);
      return 2;
    }
    ctx.err(`bash: ${file}: ${ERRNO_TEXT[read.code]}\n`);
    return 127;
  }
  return { name: file, text: read.value, args: operands.slice(1), flavour, options };
}

function shellProgram(flavour: Flavour, registry: () => Registry): Program {
  return {
    name: flavour,
    summary:
      flavour === 'bash'
        ? 'run a script file (bash deploy.sh, bash -c "commands")'
        : 'run a script file with the POSIX shell (sh deploy.sh)',
    run(ctx) {
      const script = parseInvocation(ctx, flavour);
      return typeof script === 'number' ? script : runScript(ctx, script, registry());
    },
  };
}

export const bashProgram = (registry: () => Registry): Program => shellProgram('bash', registry);
export const shProgram = (registry: () => Registry): Program => shellProgram('sh', registry);
