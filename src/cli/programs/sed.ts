// GNU sed 4.9, the part that edits text in pipelines: s/RE/REPL/FLAGS (any delimiter), p, d, and
// a, i, c with their text (classic `a\` + newline, and the one-line `a\text` and `a text`), an
// optional address (N, $ or /RE/), -n, -e, -E/-r, -i. Messages as GNU sed words them.
import { readFile } from '../../engine/fs/files';
import type { Program } from '../program';
import { withFiles } from '../program';
import { absPath } from './fsutil';

class ScriptError {
  constructor(readonly message: string) {}
}

/** POSIX bracket classes, as JavaScript classes inside a bracket expression. */
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/** A POSIX regular expression (basic, or extended with `ere`) as a JavaScript one. */
export function posixToJs(re: string, ere: boolean): string {
  let out = '';
  let depth = 0;
  // Where `*` is literal and `^` an anchor in a BRE: at the start, after `\(` or `\|`.
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    const start = atStart;
    atStart = false;
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (re[j] === '^') body += re[j++];
      if (re[j] === ']') body += '\\' + re[j++];
      for (; j < re.length && re[j] !== ']'; j++) {
        const class_ = /^\[:(\w+):\]/.exec(re.slice(j));
        if (class_) {
          body += CLASSES[class_[1] as string] ?? '';
          j += class_[0].length - 1;
        } else body += re[j] === '\\' || re[j] === '[' ? `\\${re[j]}` : re[j];
      }
      if (j >= re.length) throw new ScriptError('unterminated address regex');
      out += `[${body}]`;
      i = j;
    } else if (c === '\\' && i + 1 < re.length) {
      const n = re[++i] as string;
      if (!ere && n === '(') {
        depth++;
        out += '(';
        atStart = true;
      } else if (!ere && n === ')') {
        if (--depth < 0) throw new ScriptError('Unmatched ) or \\)');
        out += ')';
      } else if (!ere && n === '|') {
        out += '|';
        atStart = true;
      } else if (!ere && '{}+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if (/[1-9wWsSbB]/.test(n)) out += `\\${n}`;
      else out += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
    } else if (ere && c === '(') {
      depth++;
      out += c;
      atStart = true;
    } else if (ere && c === ')') {
      if (--depth < 0) throw new ScriptError('Unmatched ) or \\)');
      out += c;
    } else if (ere && c === '|') {
      out += c;
      atStart = true;
    } else if (c === '*' && start) out += '\\*';
    else if (c === '^') {
      if (ere || start) {
        out += c;
        atStart = true;
      } else out += '\\^';
    } else if (c === '$') {
      const end = i + 1 === re.length || re.startsWith('\\)', i + 1) || re.startsWith('\\|', i + 1);
      out += ere || end ? c : '\\$';
    } else if (!ere && '(){}+?|'.includes(c)) out += `\\${c}`;
    else if (c === '/') out += '\\/';
    else out += c;
  }
  if (depth > 0) throw new ScriptError('Unmatched ( or \\(');
  return out;
}

type Address = { line: number } | { last: true } | { re: RegExp } | undefined;

interface Command {
  address: Address;
  name: 's' | 'p' | 'd' | 'a' | 'i' | 'c';
  /** The text of a, i and c, each line ended by a newline ('' when there is none). */
  text?: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
}

/** The character a backslash escape in a, i or c text stands for (GNU sed convert_number). */
function textEscape(script: string, i: number): { text: string; length: number } {
  const c = script[i] as string;
  const simple: Record<string, string> = {
    a: '\x07',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
  };
  if (simple[c] !== undefined) return { text: simple[c], length: 1 };
  const numeric = { d: /^[0-9]{1,3}/, o: /^[0-7]{1,3}/, x: /^[0-9a-fA-F]{1,2}/ }[
    c as 'd' | 'o' | 'x'
  ];
  if (numeric) {
    const digits = numeric.exec(script.slice(i + 1))?.[0];
    if (digits === undefined) return { text: c, length: 1 };
    const radix = c === 'd' ? 10 : c === 'o' ? 8 : 16;
    return { text: String.fromCharCode(parseInt(digits, radix) & 0xff), length: 1 + digits.length };
  }
  if (c === 'c' && i + 1 < script.length) {
    const n = (script[i + 1] as string).toUpperCase();
    return { text: String.fromCharCode(n.charCodeAt(0) ^ 0x40), length: 2 };
  }
  return { text: c, length: 1 };
}

/** Parses one expression (`-e`), whose number `index` the messages cite. */
function parse(script: string, ere: boolean, commands: Command[], index: number): void {
  let i = 0;
  const fail = (what: string, at = i): never => {
    throw new ScriptError(`sed: -e expression #${index}, char ${at}: ${what}`);
  };
  const compile = (src: string, flags: string, at: number): RegExp => {
    try {
      return new RegExp(posixToJs(src, ere), flags);
    } catch (e) {
      return fail(e instanceof ScriptError ? e.message : 'Invalid regular expression', at);
    }
  };
  /** Reads up to the unescaped delimiter; undefined when the script ends first. */
  const until = (delim: string): string | undefined => {
    let s = '';
    for (; i < script.length; i++) {
      const c = script[i] as string;
      if (c === delim) {
        i++;
        return s;
      }
      if (c === '\\' && i + 1 < script.length) {
        const n = script[++i] as string;
        s += n === delim ? (/[.*[\]^$/]/.test(n) && n !== '/' ? `\\${n}` : n) : `\\${n}`;
      } else if (c === '\n') return undefined;
      else s += c;
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    let address: Address;
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      address = { line: Number(num[0]) };
      i += num[0].length;
    } else if (script[i] === '$') {
      address = { last: true };
      i++;
    } else if (script[i] === '/') {
      i++;
      const src = until('/');
      if (src === undefined) fail('unterminated address regex');
      address = { re: compile(src as string, '', i) };
    }
    const name = script[i++];
    if (name === 'p' || name === 'd') commands.push({ address, name });
    else if (name === 'a' || name === 'i' || name === 'c') {
      // Blanks after the command are skipped; a backslash then marks where the text begins (and
      // a newline right after it is the classic form). The text runs to an unescaped newline.
      while (script[i] === ' ' || script[i] === '\t') i++;
      if (i >= script.length || script[i] === '\n') fail("expected \\ after `a', `c' or `i'");
      if (script[i] === '\\') {
        i++;
        if (script[i] === '\n') i++;
      }
      let text = '';
      for (; i < script.length; i++) {
        const c = script[i] as string;
        if (c === '\n') {
          i++;
          break;
        }
        if (c !== '\\') text += c;
        else if (i + 1 < script.length) {
          const e = script[i + 1] === '\n' ? { text: '\n', length: 1 } : textEscape(script, i + 1);
          text += e.text;
          i += e.length;
        }
      }
      commands.push({ address, name, text: text === '' ? '' : `${text}\n` });
    } else if (name === 's') {
      const delim = script[i++];
      if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
      const src = until(delim as string);
      const replacement = src === undefined ? undefined : until(delim as string);
      if (src === undefined || replacement === undefined) fail("unterminated `s' command");
      const cmd: Command = { address, name, replacement: replacement as string };
      let flags = '';
      for (; i < script.length && !/[\s;}]/.test(script[i] as string); i++) {
        const f = script[i] as string;
        if (f === 'g') cmd.global = true;
        else if (f === 'p') cmd.print = true;
        else if (f === 'i' || f === 'I') flags = 'i';
        else if (/\d/.test(f)) cmd.nth = (cmd.nth ?? 0) * 10 + Number(f);
        else fail("unknown option to `s'", i + 1);
      }
      cmd.re = compile(src as string, `g${flags}`, i);
      const groups = (new RegExp(`${cmd.re.source}|`).exec('')?.length ?? 1) - 1;
      const refs = [...(replacement as string).matchAll(/\\(\d)/g)].map((m) => Number(m[1]));
      const bad = refs.find((r) => r > groups);
      if (bad !== undefined) fail(`invalid reference \\${bad} on \`s' command's RHS`);
      commands.push(cmd);
    } else if (name === undefined) fail('missing command');
    else fail(`unknown command: \`${name}'`, i);
  }
}

/** `&`, `\1`…`\9`, `\n` and escaped characters in a replacement. */
function expand(replacement: string, m: RegExpExecArray): string {
  return replacement.replace(/\\(.)|&/gs, (all, c?: string) => {
    if (c === undefined) return m[0];
    if (/\d/.test(c)) return m[Number(c)] ?? '';
    return c === 'n' ? '\n' : c === 't' ? '\t' : c;
  });
}

function substitute(cmd: Command, line: string): string | undefined {
  const re = cmd.re as RegExp;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let count = 0;
  let changed = false;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    count++;
    if (count >= (cmd.nth ?? 1) && (cmd.global || count === (cmd.nth ?? 1))) {
      out += line.slice(last, m.index) + expand(cmd.replacement ?? '', m);
      last = m.index + m[0].length;
      changed = true;
      if (!cmd.global) break;
    }
    if (m[0] === '') re.lastIndex++;
  }
  return changed ? out + line.slice(last) : undefined;
}

/** Runs the script over `text`; a last line without a newline keeps none. */
function edit(commands: Command[], text: string, quiet: boolean): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  let out = '';
  lines.forEach((original, k) => {
    let line = original;
    const nl = k < lines.length - 1 || trailing ? '\n' : '';
    let deleted = false;
    // Text from `a`, written once the cycle ends (even when the line was deleted).
    let appended = '';
    for (const cmd of commands) {
      const a = cmd.address;
      if (a && 'line' in a && a.line !== k + 1) continue;
      if (a && 'last' in a && k !== lines.length - 1) continue;
      if (a && 're' in a && !a.re.test(line)) continue;
      if (cmd.name === 'd') {
        deleted = true;
        break;
      }
      if (cmd.name === 'a') appended += cmd.text ?? '';
      else if (cmd.name === 'i') out += cmd.text ?? '';
      else if (cmd.name === 'c') {
        out += cmd.text ?? '';
        deleted = true;
        break;
      } else if (cmd.name === 'p') out += `${line}\n`;
      else {
        const next = substitute(cmd, line);
        if (next !== undefined) {
          line = next;
          if (cmd.print) out += `${line}\n`;
        }
      }
    }
    if (!deleted && !quiet) out += line + nl;
    if (appended !== '') {
      // A last line printed without its newline gets one before the appended text.
      if (out !== '' && !out.endsWith('\n')) out += '\n';
      out += appended;
    }
  });
  return out;
}

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`;

export const sed: Program = {
  name: 'sed',
  summary: "stream editor: 's/RE/REPL/g', p, d, a, i, c (-n -e -E -i)",
  run({ argv, stdin, session, out, err }) {
    const scripts: string[] = [];
    const files: string[] = [];
    let quiet = false;
    let ere = false;
    let inPlace = false;
    const args = argv.slice(1);
    for (let k = 0; k < args.length; k++) {
      const a = args[k] as string;
      if (a === '-e' || a === '--expression') {
        const s = args[++k];
        if (s === undefined) {
          err(`sed: option requires an argument -- 'e'\n${USAGE}`);
          return 1;
        }
        scripts.push(s);
      } else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
      else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
      else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true;
      else if (a === '-i' || a === '--in-place') inPlace = true;
      else if (/^-[nEri]+$/.test(a)) {
        quiet ||= a.includes('n');
        ere ||= /[Er]/.test(a);
        inPlace ||= a.includes('i');
      } else if (a.startsWith('-') && a !== '-') {
        err(`sed: invalid option -- '${a[1]}'\n${USAGE}`);
        return 1;
      } else files.push(a);
    }
    if (scripts.length === 0) {
      const first = files.shift();
      if (first === undefined) {
        err(USAGE);
        return 1;
      }
      scripts.push(first);
    }
    // The -e pieces are lines of one script: an `a\` ending one takes its text from the next.
    for (let n = 0; n + 1 < scripts.length; n++) {
      if (/(^|[^\\])(\\\\)*\\$/.test(scripts[n] as string)) {
        scripts.splice(n, 2, `${scripts[n]}\n${scripts[n + 1]}`);
        n--;
      }
    }
    const commands: Command[] = [];
    try {
      scripts.forEach((s, n) => parse(s, ere, commands, n + 1));
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      err(`${e.message}\n`);
      return 1;
    }
    if (inPlace && files.length === 0) {
      err('sed: no input files\n');
      return 4;
    }
    let status = 0;
    if (inPlace) {
      for (const name of files) {
        const path = absPath(session, name);
        const r = readFile(session.world.files, path);
        if (!r.ok && r.code === 'EISDIR') {
          err(`sed: couldn't edit ${name}: not a regular file\n`);
          return 4;
        }
        if (!r.ok) {
          err(`sed: can't read ${name}: No such file or directory\n`);
          status = 2;
          continue;
        }
        const text = edit(commands, r.value, quiet);
        withFiles(session, (tx) => tx.writeFile(path, text));
      }
      return status;
    }
    let input = '';
    for (const name of files.length > 0 ? files : ['-']) {
      if (name === '-') {
        input += stdin;
        continue;
      }
      const r = readFile(session.world.files, absPath(session, name));
      if (r.ok) input += r.value;
      else if (r.code === 'EISDIR') {
        out(edit(commands, input, quiet));
        err(`sed: read error on ${name}: Is a directory\n`);
        return 4;
      } else {
        err(
          `sed: can't read ${name}: ${r.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`,
        );
        status = 2;
      }
    }
    out(edit(commands, input, quiet));
    return status;
  },
};
