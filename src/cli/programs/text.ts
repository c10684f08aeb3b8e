// Text filters for pipes: grep, head, tail, wc, with GNU coreutils' options and messages.
import type { Program } from '../program';

function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** POSIX basic regular expressions to JavaScript: in BRE, \+ \? \| \( \) \{ \} are the operators. */
export function breToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i] as string;
      out += '+?|(){}'.includes(n) ? n : `\\${n}`;
    } else if ('+?|(){}'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export const grep: Program = {
  name: 'grep',
  summary: 'print lines that match a pattern (-i -v -c -n -E -F -w -o)',
  run({ argv, stdin, out, err }) {
    const opts = {
      i: false,
      v: false,
      c: false,
      n: false,
      E: false,
      F: false,
      w: false,
      o: false,
      q: false,
    };
    const patterns: string[] = [];
    const files: string[] = [];
    const args = argv.slice(1);
    for (let k = 0; k < args.length; k++) {
      const a = args[k] as string;
      if (a === '-e') {
        const p = args[++k];
        if (p === undefined) {
          err(
            "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
          );
          return 2;
        }
        patterns.push(p);
      } else if (a === '--ignore-case') opts.i = true;
      else if (a === '--invert-match') opts.v = true;
      else if (a === '--count') opts.c = true;
      else if (a === '--color=auto' || a === '--color=never' || a === '--colour=auto') continue;
      else if (/^-[ivcnEFwoq]+$/.test(a))
        for (const f of a.slice(1)) opts[f as keyof typeof opts] = true;
      else if (a.startsWith('-') && a !== '-') {
        const bad = a.startsWith('--')
          ? `unrecognized option '${a}'`
          : `invalid option -- '${a.slice(1).replace(/[ivcnEFwoq]/g, '')[0]}'`;
        err(
          `grep: ${bad}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
        );
        return 2;
      } else if (patterns.length === 0) patterns.push(a);
      else files.push(a);
    }
    if (patterns.length === 0) {
      err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    if (files.length > 0 && files[0] !== '-') {
      for (const f of files) err(`grep: ${f}: No such file or directory\n`);
      return 2;
    }
    let re: RegExp;
    try {
      const sources = patterns
        .flatMap((p) => p.split('\n'))
        .map((p) => (opts.F ? escapeRegExp(p) : opts.E ? p : breToJs(p)));
      const body = sources
        .map((s) => (opts.w ? `(?<![\\w])(?:${s})(?![\\w])` : `(?:${s})`))
        .join('|');
      re = new RegExp(body, opts.i ? 'gi' : 'g');
    } catch {
      err('grep: Unmatched ( or \\(\n');
      return 2;
    }
    let count = 0;
    lines(stdin).forEach((line, idx) => {
      re.lastIndex = 0;
      const hit = re.test(line) !== opts.v;
      if (!hit) return;
      count++;
      if (opts.c || opts.q) return;
      const prefix = opts.n ? `${idx + 1}:` : '';
      if (opts.o && !opts.v) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0]) out(`${prefix}${m[0]}\n`);
      } else out(`${prefix}${line}\n`);
    });
    if (opts.c) out(`${count}\n`);
    return count > 0 ? 0 : 1;
  },
};

function countArg(
  args: string[],
  program: string,
  err: (t: string) => void,
): { n: number; fromStart: boolean; rest: string[] } | undefined {
  let n = 10;
  let fromStart = false;
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    let value: string | undefined;
    if (a === '-n' || a === '--lines') value = args[++k];
    else if (a.startsWith('-n')) value = a.slice(2);
    else if (a.startsWith('--lines=')) value = a.slice(8);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else {
      rest.push(a);
      continue;
    }
    if (value === undefined) {
      err(
        `${program}: option requires an argument -- 'n'\nTry '${program} --help' for more information.\n`,
      );
      return undefined;
    }
    fromStart = value.startsWith('+');
    const num = value.replace(/^[+-]/, '');
    if (!/^\d+$/.test(num)) {
      err(`${program}: invalid number of lines: ‘${value}’\n`);
      return undefined;
    }
    n = Number(num);
  }
  return { n, fromStart, rest };
}

export const head: Program = {
  name: 'head',
  summary: 'print the first lines (-n N)',
  run({ argv, stdin, out, err }) {
    const parsed = countArg(argv.slice(1), 'head', err);
    if (!parsed) return 1;
    if (parsed.rest.length) {
      err(`head: cannot open '${parsed.rest[0]}' for reading: No such file or directory\n`);
      return 1;
    }
    for (const l of lines(stdin).slice(0, parsed.n)) out(`${l}\n`);
    return 0;
  },
};

export const tail: Program = {
  name: 'tail',
  summary: 'print the last lines (-n N, -n +N)',
  run({ argv, stdin, out, err }) {
    const parsed = countArg(argv.slice(1), 'tail', err);
    if (!parsed) return 1;
    if (parsed.rest.length) {
      err(`tail: cannot open '${parsed.rest[0]}' for reading: No such file or directory\n`);
      return 1;
    }
    const all = lines(stdin);
    const shown = parsed.fromStart
      ? all.slice(Math.max(0, parsed.n - 1))
      : parsed.n === 0
        ? []
        : all.slice(-parsed.n);
    for (const l of shown) out(`${l}\n`);
    return 0;
  },
};

export const wc: Program = {
  name: 'wc',
  summary: 'count lines, words and bytes (-l -w -c)',
  run({ argv, stdin, out, err }) {
    const flags = new Set<string>();
    for (const a of argv.slice(1)) {
      if (/^-[lwcm]+$/.test(a)) for (const f of a.slice(1)) flags.add(f === 'm' ? 'c' : f);
      else if (a === '--lines') flags.add('l');
      else {
        err(
          a.startsWith('-')
            ? `wc: invalid option -- '${a.slice(1)}'\nTry 'wc --help' for more information.\n`
            : `wc: ${a}: No such file or directory\n`,
        );
        return 1;
      }
    }
    const counts = {
      l: (stdin.match(/\n/g) ?? []).length,
      w: stdin.split(/\s+/).filter(Boolean).length,
      c: utf8Length(stdin),
    };
    const order = (['l', 'w', 'c'] as const).filter((f) => flags.size === 0 || flags.has(f));
    // With one count GNU wc prints it bare; with several, each right-aligned to 7 columns.
    out(
      order.length === 1
        ? `${counts[order[0] as 'l']}\n`
        : `${order.map((f) => String(counts[f]).padStart(7)).join(' ')}\n`,
    );
    return 0;
  },
};

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
