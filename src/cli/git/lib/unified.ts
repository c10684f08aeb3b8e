// git's patch and stat output for a set of file changes: `diff --git` headers, abbreviated index
// lines, hunks with three lines of context and git's default function-name context after `@@`,
// `--stat` bars scaled to 80 columns and `--name-only`. Formats: git 2.39 diff.c, xdiff/xemit.c.
import { strFromU8 } from 'fflate';
import { structuredPatch } from 'diff';
import type { TreeEntry, TreeMap } from './repo';

export interface FileChange {
  path: string;
  /** Set for an exact rename (same blob, new path). */
  from?: string;
  old?: TreeEntry;
  new?: TreeEntry;
}

/** Reads a blob's bytes (by id) for the patch. */
export type BlobReader = (oid: string) => Promise<Uint8Array>;

const abbrev = (oid: string) => oid.slice(0, 7);
const modeText = (mode: number) => mode.toString(8).padStart(6, '0');

/** The changes from tree `a` to tree `b`, sorted by path, with exact renames paired. */
export function changesBetween(a: TreeMap, b: TreeMap, renames = true): FileChange[] {
  const out: FileChange[] = [];
  const paths = new Set([...a.keys(), ...b.keys()]);
  for (const path of paths) {
    const o = a.get(path);
    const n = b.get(path);
    if (o && n && o.oid === n.oid && o.mode === n.mode) continue;
    out.push({ path, ...(o ? { old: o } : {}), ...(n ? { new: n } : {}) });
  }
  if (renames) {
    const deleted = out.filter((c) => c.old && !c.new);
    for (const added of out.filter((c) => c.new && !c.old)) {
      const i = deleted.findIndex((d) => d.old!.oid === added.new!.oid);
      if (i < 0) continue;
      const [d] = deleted.splice(i, 1);
      added.from = d!.path;
      added.old = d!.old;
      out.splice(out.indexOf(d!), 1);
    }
  }
  // diffcore queues a rename at its new path.
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

interface Counted {
  change: FileChange;
  added: number;
  deleted: number;
  binary: boolean;
  body: string;
}

/** git's default funcname rule: a line starting with a letter, `_` or `$`. */
function funcLine(lines: string[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (/^[A-Za-z_$]/.test(l)) {
      const cut = l.replace(/\s+$/, '');
      return ` ${cut.length > 80 ? cut.slice(0, 80) : cut}`;
    }
  }
  return '';
}

async function render(change: FileChange, read: BlobReader, context = 3): Promise<Counted> {
  const oldBytes = change.old ? await read(change.old.oid) : new Uint8Array();
  const newBytes = change.new ? await read(change.new.oid) : new Uint8Array();
  const binary = isBinary(oldBytes) || isBinary(newBytes);
  const a = change.from ?? change.path;
  const b = change.path;
  let head = `diff --git a/${a} b/${b}\n`;
  const o = change.old;
  const n = change.new;
  if (!o && n) head += `new file mode ${modeText(n.mode)}\n`;
  else if (o && !n) head += `deleted file mode ${modeText(o.mode)}\n`;
  else if (o && n && o.mode !== n.mode) {
    head += `old mode ${modeText(o.mode)}\nnew mode ${modeText(n.mode)}\n`;
  }
  if (change.from !== undefined) {
    if (o?.oid === n?.oid) head += 'similarity index 100%\n';
    head += `rename from ${change.from}\nrename to ${change.path}\n`;
  }
  if (o?.oid === n?.oid) return { change, added: 0, deleted: 0, binary, body: head };
  const modeSuffix = o && n && o.mode === n.mode ? ` ${modeText(o.mode)}` : '';
  head += `index ${abbrev(o?.oid ?? '0'.repeat(40))}..${abbrev(n?.oid ?? '0'.repeat(40))}${modeSuffix}\n`;
  const oldName = o ? `a/${a}` : '/dev/null';
  const newName = n ? `b/${b}` : '/dev/null';
  if (binary) {
    return {
      change,
      added: 0,
      deleted: 0,
      binary,
      body: `${head}Binary files ${oldName} and ${newName} differ\n`,
    };
  }
  const oldText = strFromU8(oldBytes);
  const newText = strFromU8(newBytes);
  if (oldText === '' && newText === '') return { change, added: 0, deleted: 0, binary, body: head };
  const patch = structuredPatch(oldName, newName, oldText, newText, '', '', { context });
  const oldLines = oldText.split('\n');
  let body = `${head}--- ${oldName}\n+++ ${newName}\n`;
  let added = 0;
  let deleted = 0;
  for (const h of patch.hunks) {
    const range = (start: number, count: number) =>
      `${count === 0 ? start - 1 : start}${count === 1 ? '' : `,${count}`}`;
    body += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@${funcLine(oldLines, h.oldStart - 1)}\n`;
    for (const line of h.lines) {
      if (line[0] === '+') added++;
      else if (line[0] === '-') deleted++;
      body += `${line}\n`;
    }
  }
  return { change, added, deleted, binary, body };
}

export async function patchText(
  changes: FileChange[],
  read: BlobReader,
  context = 3,
): Promise<string> {
  let out = '';
  for (const c of changes) out += (await render(c, read, context)).body;
  return out;
}

export function nameOnly(changes: FileChange[]): string {
  return changes.map((c) => `${c.path}\n`).join('');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The ` N files changed, …` line. */
export function statSummary(files: number, insertions: number, deletions: number): string {
  if (files === 0) return ' 0 files changed\n';
  let s = ` ${plural(files, 'file changed', 'files changed')}`;
  if (insertions || !deletions) s += `, ${plural(insertions, 'insertion(+)', 'insertions(+)')}`;
  if (deletions || !insertions) s += `, ${plural(deletions, 'deletion(-)', 'deletions(-)')}`;
  return `${s}\n`;
}

const width = (n: number) => String(n).length;

/** `--stat`: one line per file and the summary, for an 80-column terminal. */
export async function statText(
  changes: FileChange[],
  read: BlobReader,
  columns = 80,
): Promise<string> {
  if (changes.length === 0) return '';
  const counted: Counted[] = [];
  for (const c of changes) counted.push(await render(c, read));
  const names = counted.map(({ change }) =>
    change.from !== undefined ? renameName(change.from, change.path) : change.path,
  );
  const maxLen = Math.max(0, ...names.map((n) => n.length));
  const maxChange = Math.max(0, ...counted.map((c) => (c.binary ? 0 : c.added + c.deleted)));
  const binWidth = counted.some((c) => c.binary) ? 3 : 0;
  const numberWidth = Math.max(width(maxChange), binWidth);
  let total = columns;
  if (total < 16 + 6 + numberWidth) total = 16 + 6 + numberWidth;
  let graphWidth = maxChange;
  let nameWidth = maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > total) {
    if (graphWidth > Math.floor((total * 3) / 8) - numberWidth - 6) {
      graphWidth = Math.max(6, Math.floor((total * 3) / 8) - numberWidth - 6);
    }
    if (nameWidth > total - numberWidth - 6 - graphWidth)
      nameWidth = total - numberWidth - 6 - graphWidth;
    else graphWidth = total - numberWidth - 6 - nameWidth;
  }
  // diff.c scale_linear, with the total scaled first so the bar keeps its length.
  const scale = (n: number) => (n === 0 ? 0 : 1 + Math.floor((n * (graphWidth - 1)) / maxChange));
  const bar = (add: number, del: number) => {
    if (graphWidth > maxChange) return [add, del] as const;
    let total = scale(add + del);
    if (total < 2 && add && del) total = 2;
    if (add < del) {
      const a = scale(add);
      return [a, total - a] as const;
    }
    const d = scale(del);
    return [total - d, d] as const;
  };
  let out = '';
  let ins = 0;
  let del = 0;
  counted.forEach((c, i) => {
    let name = names[i]!;
    if (name.length > nameWidth) {
      name = `...${name.slice(name.length - nameWidth + 3)}`;
      const slash = name.indexOf('/');
      if (slash >= 0) name = `...${name.slice(slash)}`;
    }
    if (c.binary) {
      out += ` ${name.padEnd(nameWidth)} | ${'Bin'.padStart(numberWidth)}\n`;
      return;
    }
    const n = c.added + c.deleted;
    ins += c.added;
    del += c.deleted;
    const [plus, minus] = bar(c.added, c.deleted);
    const graph = '+'.repeat(plus) + '-'.repeat(minus);
    out += ` ${name.padEnd(nameWidth)} | ${String(n).padStart(numberWidth)}${n ? ' ' : ''}${graph}\n`;
  });
  return out + statSummary(counted.length, ins, del);
}

/** `a => b`, or `dir/{a => b}` sharing the common prefix and suffix. */
function renameName(a: string, b: string): string {
  let pre = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === '/') pre = i + 1;
  let suf = 0;
  for (let i = 1; i <= a.length - pre && i <= b.length - pre; i++) {
    const ch = a[a.length - i];
    if (ch !== b[b.length - i]) break;
    if (ch === '/') suf = i;
  }
  if (pre === 0 && suf === 0) return `${a} => ${b}`;
  const mid = (s: string) => s.slice(pre, s.length - suf);
  return `${a.slice(0, pre)}{${mid(a)} => ${mid(b)}}${a.slice(a.length - suf)}`;
}

/** The ` create mode …` / ` delete mode …` / ` rename …` lines of `--summary` (merge, commit). */
export function summaryText(changes: FileChange[]): string {
  let out = '';
  for (const c of changes) {
    if (c.from !== undefined) {
      out += ` rename ${renameName(c.from, c.path)} (100%)\n`;
    } else if (!c.old && c.new) out += ` create mode ${modeText(c.new.mode)} ${c.path}\n`;
    else if (c.old && !c.new) out += ` delete mode ${modeText(c.old.mode)} ${c.path}\n`;
    else if (c.old && c.new && c.old.mode !== c.new.mode) {
      out += ` mode change ${modeText(c.old.mode)} => ${modeText(c.new.mode)} ${c.path}\n`;
    }
  }
  return out;
}
