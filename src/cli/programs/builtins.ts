// Shell built-ins and the small utilities a person reaches for: echo, sleep, clear, help,
// history, true, false.
import type { Program, ProgramContext, Run } from '../program';
import { historyLine } from '../shell/historyLine';
import { MINUTE, SECOND, HOUR } from '../../engine/time';

export const echo: Program = {
  name: 'echo',
  summary: 'print its arguments',
  run({ argv, out }) {
    let args = argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args[0] && /^-[neE]+$/.test(args[0])) {
      for (const f of args[0].slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) {
      text = text.replace(
        /\\([nt\\e])/g,
        (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', e: '\x1b' })[c] ?? c,
      );
    }
    out(newline ? `${text}\n` : text);
    return 0;
  },
};

/** GNU sleep's intervals: a number with an optional s, m, h or d suffix; several are added. */
export function parseSleep(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': SECOND, s: SECOND, m: MINUTE, h: HOUR, d: 24 * HOUR }[
    m[2] as '' | 's' | 'm' | 'h' | 'd'
  ];
  return Math.round(Number(m[1]) * unit);
}

export const sleep: Program = {
  name: 'sleep',
  summary: 'wait a while on the simulated clock (sleep 30, sleep 2m)',
  run(ctx: ProgramContext): number | Run {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const ms = parseSleep(a);
      if (ms === undefined) {
        ctx.err(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += ms;
    }
    return (function* () {
      const until = ctx.session.world.now + total;
      ctx.session.waitEndsAt = Math.max(ctx.session.waitEndsAt ?? 0, until);
      while (ctx.session.world.now < until) yield until;
      return 0;
    })();
  },
};

export const clear: Program = {
  name: 'clear',
  summary: 'clear the terminal screen',
  run({ out }) {
    out('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const history: Program = {
  name: 'history',
  summary: 'list the commands typed so far',
  run({ argv, session, out, err }) {
    const arg = argv[1];
    let entries = session.history.map((line, i) => [i + 1, line] as const);
    if (arg !== undefined) {
      if (!/^\d+$/.test(arg)) {
        err(`bash: history: ${arg}: numeric argument required\n`);
        return 1;
      }
      entries = entries.slice(Math.max(0, entries.length - Number(arg)));
    }
    for (const [n, line] of entries) out(`${String(n).padStart(5)}  ${historyLine(line)}\n`);
    return 0;
  },
};

export const trueProgram: Program = {
  name: 'true',
  summary: 'do nothing, successfully',
  run: () => 0,
};
export const falseProgram: Program = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  run: () => 1,
};

export function helpProgram(programs: () => readonly Program[]): Program {
  return {
    name: 'help',
    summary: 'list the commands this terminal knows',
    run({ out }) {
      const list = [...programs()].sort((a, b) => a.name.localeCompare(b.name));
      const width = Math.max(...list.map((p) => p.name.length));
      out('This terminal runs a simulated Kubernetes cluster. Commands it knows:\n\n');
      for (const p of list) out(`  ${p.name.padEnd(width)}  ${p.summary}\n`);
      out("\nMost commands take --help. Try 'kubectl get pods' or 'kubectl --help'.\n");
      return 0;
    },
  };
}
