// git config: get (global and local, the local value winning), set, --unset, --list, for the
// learner's $HOME/.gitconfig (--global) and the repository's .git/config (the default for
// writes). The files are edited as text the way git edits them: a key replaced in place, added at
// the end of its section, a section removed when its last key goes. Formats: git 2.39 config.c.
import { FsTx, readFile, resolvePath } from '../../../engine/fs/files';
import type { GitCommand } from '../common';
import { fatal, findWorkTree } from '../common';

interface Entry {
  key: string;
  value: string;
}

const HEADER = /^\s*\[\s*([^\]\s"]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*$/;
const LINE = /^\s*([A-Za-z][-A-Za-z0-9]*)\s*(?:=\s*(.*?))?\s*$/;

function sectionKey(name: string, sub: string | undefined) {
  return sub === undefined ? name.toLowerCase() : `${name.toLowerCase()}.${sub}`;
}

function unquote(raw: string): string {
  const noComment = raw.replace(/\s+[#;].*$/, '');
  return noComment.replace(/^"(.*)"$/, '$1').replace(/\\(["\\])/g, '$1');
}

/** Every `section[.sub].name=value` of a config file, in order, names as git lists them. */
export function parseConfig(text: string): Entry[] {
  const out: Entry[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const h = HEADER.exec(line);
    if (h) {
      section = sectionKey(h[1]!, h[2]);
      continue;
    }
    const l = LINE.exec(line);
    if (l && section)
      out.push({
        key: `${section}.${l[1]!.toLowerCase()}`,
        value: l[2] === undefined ? 'true' : unquote(l[2]),
      });
  }
  return out;
}

/** Splits `a.b.c` into section `a`, subsection `b` and name `c`. */
function splitKey(
  key: string,
): { section: string; sub: string | undefined; name: string } | undefined {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0 || last === key.length - 1 || first === 0) return undefined;
  return {
    section: key.slice(0, first),
    sub: first === last ? undefined : key.slice(first + 1, last),
    name: key.slice(last + 1),
  };
}

function quote(value: string): string {
  return /^\s|\s$|[#;"\\]/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

/** The text with `key` set to `value`, or (value undefined) removed; undefined when unchanged. */
export function editConfig(
  text: string,
  key: string,
  value: string | undefined,
): string | undefined {
  const k = splitKey(key)!;
  const want = sectionKey(k.section, k.sub);
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  let section = '';
  let lastHeader = -1;
  let lastInSection = -1;
  let found = -1;
  lines.forEach((line, i) => {
    const h = HEADER.exec(line);
    if (h) {
      section = sectionKey(h[1]!, h[2]);
      if (section === want) {
        lastHeader = i;
        lastInSection = i;
      }
      return;
    }
    if (section !== want) return;
    lastInSection = i;
    const l = LINE.exec(line);
    if (l && l[1]!.toLowerCase() === k.name.toLowerCase()) found = i;
  });
  const newLine = value === undefined ? '' : `\t${k.name} = ${quote(value)}`;
  if (value === undefined) {
    if (found < 0) return undefined;
    lines.splice(found, 1);
    // A section left with no keys goes too.
    let header = found - 1;
    while (header >= 0 && !HEADER.test(lines[header]!)) header--;
    let end = header + 1;
    while (end < lines.length && !HEADER.test(lines[end]!)) end++;
    const keys = lines.slice(header + 1, end).some((l) => LINE.test(l));
    if (header >= 0 && !keys) lines.splice(header, end - header);
  } else if (found >= 0) lines[found] = newLine;
  else if (lastHeader >= 0) lines.splice(lastInSection + 1, 0, newLine);
  else {
    const header = k.sub === undefined ? `[${k.section}]` : `[${k.section} "${k.sub}"]`;
    lines.push(header, newLine);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export const config: GitCommand = async (g) => {
  let scope: 'global' | 'local' | undefined;
  let action: 'get' | 'list' | 'unset' | 'set' | undefined;
  let showOrigin = false;
  const words: string[] = [];
  for (const a of g.args) {
    if (a === '--global') scope = 'global';
    else if (a === '--local') scope = 'local';
    else if (a === '-l' || a === '--list') action = 'list';
    else if (a === '--show-origin') showOrigin = true;
    else if (a === '--get') action = 'get';
    else if (a === '--unset') action = 'unset';
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else words.push(a);
  }
  action ??= words.length >= 2 ? 'set' : 'get';
  const home = g.ctx.session.env['HOME'] ?? '/home/learner';
  const globalPath = resolvePath(home, '.gitconfig');
  const repo = findWorkTree(g);
  const localPath = repo === undefined ? undefined : `${repo === '/' ? '' : repo}/.git/config`;
  const read = (path: string | undefined) => {
    if (path === undefined) return '';
    const r = readFile(g.store.files, path);
    return r.ok ? r.value : '';
  };
  if (scope === 'local' && localPath === undefined) {
    return fatal(g, '--local can only be used inside a git repository');
  }
  const reading =
    scope === 'global' ? [globalPath] : scope === 'local' ? [localPath] : [globalPath, localPath];
  // git names the repository's file relative to the top of the work tree.
  const origin = (path: string | undefined) => (path === localPath ? '.git/config' : (path ?? ''));
  if (action === 'list') {
    for (const path of reading)
      g.out(
        parseConfig(read(path))
          .map((e) => `${showOrigin ? `file:${origin(path)}\t` : ''}${e.key}=${e.value}\n`)
          .join(''),
      );
    return 0;
  }
  const key = words[0];
  if (key === undefined) {
    g.err('error: wrong number of arguments, should be 1\n');
    return 129;
  }
  if (!splitKey(key)) {
    g.err(`error: key does not contain a section: ${key}\n`);
    return action === 'get' ? 1 : 2;
  }
  const norm = (() => {
    const k = splitKey(key)!;
    return `${sectionKey(k.section, k.sub)}.${k.name.toLowerCase()}`;
  })();
  if (action === 'get') {
    let value: string | undefined;
    for (const path of reading) {
      for (const e of parseConfig(read(path))) if (e.key === norm) value = e.value;
    }
    if (value === undefined) return 1;
    g.out(`${value}\n`);
    return 0;
  }
  const target = scope === 'global' ? globalPath : localPath;
  if (target === undefined) return fatal(g, 'not in a git directory');
  const next = editConfig(read(target), key, action === 'unset' ? undefined : words[1]);
  if (next === undefined) return 5;
  const tx = new FsTx(g.store.files, g.store.now);
  tx.writeFile(target, next);
  g.store.files = tx.result();
  return 0;
};
