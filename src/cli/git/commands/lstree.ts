// git ls-tree [-r] [-t] [-d] [-l] [--name-only] [--object-only] [--full-name | --full-tree]
// [--abbrev] <tree-ish> [<path>...]: a tree's entries as `<mode> <type> <object>\t<name>`,
// limited to the current directory and the paths given. Formats: git 2.39 builtin/ls-tree.c.
import type { GitCommand } from '../common';
import { fatal, git, relativePath } from '../common';
import { repoOrFail, toRepoPath } from '../lib/repo';
import { resolveRev, resolveRevPath } from '../lib/rev';

const LS_TREE_USAGE = `usage: git ls-tree [<options>] <tree-ish> [<path>...]

    -d                    only show trees
    -r                    recurse into subtrees
    -t                    show trees when recursing
    -z                    terminate entries with NUL byte
    -l, --long            include object size
    --name-only           list only filenames
    --name-status         list only filenames
    --object-only         list only objects
    --full-name           use full path names
    --full-tree           list entire tree; not just current directory (implies --full-name)
    --format <format>     format to use for the output
    --abbrev[=<n>]        use <n> digits to display object names

`;

interface Entry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

export const lsTree: GitCommand = async (g) => {
  let recursive = false;
  let showTrees = false;
  let onlyTrees = false;
  let long = false;
  let nameOnly = false;
  let objectOnly = false;
  let fullName = false;
  let fullTree = false;
  let abbrev = 40;
  const rest: string[] = [];
  let dashdash = false;
  for (const a of g.args) {
    if (dashdash || !a.startsWith('-') || a === '-') rest.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '--long') long = true;
    else if (a === '--name-only' || a === '--name-status') nameOnly = true;
    else if (a === '--object-only') objectOnly = true;
    else if (a === '--full-name') fullName = true;
    else if (a === '--full-tree') fullTree = fullName = true;
    else if (a === '--abbrev') abbrev = 7;
    else if (/^--abbrev=\d+$/.test(a)) abbrev = Math.min(40, Math.max(4, Number(a.slice(9))));
    else if (/^-[rtdl]+$/.test(a)) {
      recursive ||= a.includes('r');
      showTrees ||= a.includes('t');
      onlyTrees ||= a.includes('d');
      long ||= a.includes('l');
    } else {
      const what = a.startsWith('--')
        ? `unknown option \`${a.slice(2)}'`
        : `unknown switch \`${a.replace(/^-[rtdl]*/, '')[0]}'`;
      g.err(`error: ${what}\n${LS_TREE_USAGE}`);
      return 129;
    }
  }
  if (rest.length === 0) {
    g.err(LS_TREE_USAGE);
    return 129;
  }
  // -d with -r shows the trees it recurses into, as -t does.
  if (onlyTrees && recursive) showTrees = true;
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  const treeish = rest[0]!;
  const named = treeish.includes(':')
    ? await resolveRevPath(g, dir, treeish)
    : await resolveRev(g, dir, treeish.replace(/\^\{tree\}$/, ''));
  if (!named) return fatal(g, `Not a valid object name ${treeish}`);
  // A commit stands for its tree.
  let root: string;
  try {
    const o = await git.readObject({ fs: g.fs, dir, oid: named, format: 'parsed' });
    if (o.type === 'commit') root = (o.object as { tree: string }).tree;
    else if (o.type === 'tree') root = named;
    else return fatal(g, 'not a tree object');
  } catch {
    return fatal(g, `Not a valid object name ${treeish}`);
  }
  // Paths are relative to the current directory, and so is the listing unless --full-tree.
  const here = toRepoPath(g, dir, '.') ?? '';
  const prefix = fullTree || here === '' ? '' : `${here}/`;
  const specs = rest.slice(1).map((p) => {
    const top = toRepoPath(g, dir, p) ?? p;
    return p.endsWith('/') && top !== '' ? `${top}/` : top;
  });
  if (specs.length === 0 && prefix) specs.push(prefix);
  const top = dir === '/' ? '' : dir;
  // The current directory's own tree is `./`.
  const shown = (path: string) => {
    if (fullName) return path;
    const rel = relativePath(g.cwd, `${top}/${path}`);
    return rel === '.' ? './' : rel;
  };

  const out: string[] = [];
  const visit = async (oid: string, base: string) => {
    const { tree } = await git.readTree({ fs: g.fs, dir, oid });
    for (const e of tree) {
      const path = base + e.path;
      const isTree = e.type === 'tree';
      let show = true;
      let descend = false;
      if (specs.length > 0) {
        let matched = false;
        for (const s of specs) {
          const bare = s.replace(/\/$/, '');
          if (bare === '' || path === bare || path.startsWith(`${bare}/`)) {
            matched = true;
            // `dir/` lists what is in dir; plain `dir` names the tree itself.
            if (isTree && (recursive || (path === bare && s.endsWith('/')))) descend = true;
            if (isTree && path === bare && s.endsWith('/')) show = showTrees;
          } else if (isTree && bare.startsWith(`${path}/`)) {
            matched = true;
            descend = true;
            show = showTrees;
          }
        }
        if (!matched) continue;
      } else if (isTree && recursive) descend = true;
      if (isTree && descend && !showTrees && !onlyTrees) show = false;
      if (!isTree && onlyTrees) show = false;
      if (show) out.push(line({ mode: e.mode, type: e.type, oid: e.oid, path }));
      if (descend) await visit(e.oid, `${path}/`);
    }
  };
  const sizes = new Map<string, number>();
  const line = (e: Entry) => {
    const id = e.oid.slice(0, abbrev);
    if (nameOnly) return `${shown(e.path)}\n`;
    if (objectOnly) return `${id}\n`;
    const size = long ? ` ${(e.type === 'blob' ? String(sizes.get(e.oid)) : '-').padStart(7)}` : '';
    return `${e.mode} ${e.type} ${id}${size}\t${shown(e.path)}\n`;
  };
  if (long) {
    // Sizes first (reading blobs is asynchronous; the line builder is not).
    const collect = async (oid: string) => {
      const { tree } = await git.readTree({ fs: g.fs, dir, oid });
      for (const e of tree) {
        if (e.type === 'tree') await collect(e.oid);
        else if (e.type === 'blob' && !sizes.has(e.oid))
          sizes.set(e.oid, (await git.readBlob({ fs: g.fs, dir, oid: e.oid })).blob.length);
      }
    };
    await collect(root);
  }
  await visit(root, '');
  g.out(out.join(''));
  return 0;
};
