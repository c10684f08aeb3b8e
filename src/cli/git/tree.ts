// Reading commits and trees for the summaries git prints after a command (the diffstat after
// `git commit`, a log's decorations).
import { diffLines } from 'diff';
import { strFromU8 } from 'fflate';
import type { GitContext } from './common';
import { git } from './common';

export interface TreeFile {
  oid: string;
  mode: string;
}

/** Every file of a commit's tree, by path. An absent commit has no files. */
export async function commitFiles(
  g: GitContext,
  dir: string,
  commit: string | undefined,
): Promise<Map<string, TreeFile>> {
  const out = new Map<string, TreeFile>();
  if (!commit) return out;
  const walk = async (oid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs: g.fs, dir, oid });
    for (const e of tree) {
      if (e.type === 'tree') await walk(e.oid, `${prefix}${e.path}/`);
      else out.set(`${prefix}${e.path}`, { oid: e.oid, mode: e.mode });
    }
  };
  const { commit: c } = await git.readCommit({ fs: g.fs, dir, oid: commit });
  await walk(c.tree, '');
  return out;
}

export async function blobText(g: GitContext, dir: string, oid: string): Promise<string> {
  const { blob } = await git.readBlob({ fs: g.fs, dir, oid });
  return strFromU8(blob);
}

export interface FileChange {
  path: string;
  before?: TreeFile;
  after?: TreeFile;
  insertions: number;
  deletions: number;
}

/** What changed between two trees, file by file, sorted by path, with line counts. */
export async function treeChanges(
  g: GitContext,
  dir: string,
  a: Map<string, TreeFile>,
  b: Map<string, TreeFile>,
): Promise<FileChange[]> {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: FileChange[] = [];
  for (const path of paths) {
    const before = a.get(path);
    const after = b.get(path);
    if (before && after && before.oid === after.oid && before.mode === after.mode) continue;
    const textA = before ? await blobText(g, dir, before.oid) : '';
    const textB = after ? await blobText(g, dir, after.oid) : '';
    let insertions = 0;
    let deletions = 0;
    for (const part of diffLines(textA, textB)) {
      if (part.added) insertions += part.count ?? 0;
      else if (part.removed) deletions += part.count ?? 0;
    }
    out.push({
      path,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      insertions,
      deletions,
    });
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** git's shortstat line: ` 2 files changed, 3 insertions(+), 1 deletion(-)`. */
export function shortStat(changes: readonly FileChange[]): string {
  const ins = changes.reduce((n, c) => n + c.insertions, 0);
  const del = changes.reduce((n, c) => n + c.deletions, 0);
  let line = ` ${plural(changes.length, 'file changed', 'files changed')}`;
  if (ins > 0 || del === 0) line += `, ${plural(ins, 'insertion(+)', 'insertions(+)')}`;
  if (del > 0 || ins === 0) line += `, ${plural(del, 'deletion(-)', 'deletions(-)')}`;
  return line;
}

/** The `create mode` / `delete mode` lines git prints after a commit's summary. */
export function modeLines(changes: readonly FileChange[]): string {
  let out = '';
  for (const c of changes) {
    if (!c.before && c.after) out += ` create mode ${c.after.mode} ${c.path}\n`;
    else if (c.before && !c.after) out += ` delete mode ${c.before.mode} ${c.path}\n`;
    else if (c.before && c.after && c.before.mode !== c.after.mode)
      out += ` mode change ${c.before.mode} => ${c.after.mode} ${c.path}\n`;
  }
  return out;
}

/**
 * The refs that point at each commit, as `git log` decorates it: `HEAD -> main` first, then the
 * other refs in reverse order of their full names (tags, remote branches, local branches).
 */
export async function decorations(g: GitContext, dir: string): Promise<Map<string, string[]>> {
  const refs: [string, string][] = [];
  const add = async (prefix: string, remote?: string) => {
    const names = await git
      .listBranches({ fs: g.fs, dir, ...(remote ? { remote } : {}) })
      .catch(() => [] as string[]);
    for (const name of names) {
      const full = `${prefix}${name}`;
      const oid = await git.resolveRef({ fs: g.fs, dir, ref: full }).catch(() => undefined);
      if (oid) refs.push([full, oid]);
    }
  };
  await add('refs/heads/');
  for (const r of await git.listRemotes({ fs: g.fs, dir }).catch(() => []))
    await add(`refs/remotes/${r.remote}/`, r.remote);
  for (const tag of await git.listTags({ fs: g.fs, dir }).catch(() => [] as string[])) {
    const oid = await git.resolveRef({ fs: g.fs, dir, ref: `refs/tags/${tag}` }).catch(() => '');
    if (oid) refs.push([`refs/tags/${tag}`, oid]);
  }
  refs.sort((x, y) => (x[0] < y[0] ? 1 : x[0] > y[0] ? -1 : 0));
  const head = await git.resolveRef({ fs: g.fs, dir, ref: 'HEAD' }).catch(() => undefined);
  const branch = await git.currentBranch({ fs: g.fs, dir, fullname: true }).catch(() => undefined);
  const out = new Map<string, string[]>();
  const push = (oid: string, label: string, first = false) => {
    const list = out.get(oid) ?? [];
    if (first) list.unshift(label);
    else list.push(label);
    out.set(oid, list);
  };
  for (const [full, oid] of refs) {
    if (full === branch) continue;
    if (full.startsWith('refs/tags/')) push(oid, `tag: ${full.slice(10)}`);
    else if (full.startsWith('refs/remotes/')) push(oid, full.slice(13));
    else push(oid, full.slice(11));
  }
  if (head) push(head, branch ? `HEAD -> ${branch.slice(11)}` : 'HEAD', true);
  return out;
}
