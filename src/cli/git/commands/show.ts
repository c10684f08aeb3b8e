// git show: a commit's header and message with its patch against its first parent (none for a
// merge), `--stat`, `--name-only`; `rev:path` prints a blob, `rev:dir` lists a tree. Formats:
// git 2.39 builtin/log.c (show_blob_object, show_tree_object), pretty.c (medium format).
import { strFromU8 } from 'fflate';
import type { GitCommand, GitContext } from '../common';
import { currentBranch, fatal, git } from '../common';
import { AMBIGUOUS, resolveRev } from '../lib/rev';
import { commitTree, readBlobBytes, repoOrFail, toRepoPath, underPath } from '../lib/repo';
import type { DateMode, Pretty, PrettyOptions } from '../lib/pretty';
import {
  builtInFormat,
  expandFormat,
  isMultiLine,
  parseDateMode,
  parsePretty,
} from '../lib/pretty';
import { changesBetween } from '../lib/unified';
import { decorations } from '../tree';
import { combinedDiff } from '../lib/combined';
import type { DiffFormat } from './diff';
import { printChanges } from './diff';

async function showPath(g: GitContext, dir: string, arg: string): Promise<number> {
  const colon = arg.indexOf(':');
  const revName = arg.slice(0, colon) || 'HEAD';
  const pathArg = arg.slice(colon + 1);
  const oid = await resolveRev(g, dir, revName);
  if (!oid) return fatal(g, `invalid object name '${revName}'.`);
  // `rev:./x` is relative to the current directory; `rev:x` to the top.
  const rel = /^\.\.?(\/|$)/.test(pathArg)
    ? (toRepoPath(g, dir, pathArg) ?? '')
    : pathArg.replace(/\/+$/, '');
  const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
  let at = commit.tree;
  let type = 'tree';
  for (const part of rel.split('/').filter(Boolean)) {
    if (type !== 'tree') {
      at = '';
      break;
    }
    const { tree } = await git.readTree({ fs: g.fs, dir, oid: at });
    const e = tree.find((t) => t.path === part);
    if (!e) {
      at = '';
      break;
    }
    at = e.oid;
    type = e.type;
  }
  if (!at) return fatal(g, `path '${rel}' does not exist in '${revName}'`);
  if (type === 'blob') {
    const bytes = await readBlobBytes(g, dir, at);
    g.out(strFromU8(bytes));
    return 0;
  }
  const { tree } = await git.readTree({ fs: g.fs, dir, oid: at });
  g.out(`tree ${arg}\n\n${tree.map((e) => `${e.path}${e.type === 'tree' ? '/' : ''}\n`).join('')}`);
  return 0;
}

/** A merge: --stat against the first parent; the patch and names only where it differs from all. */
async function showMerge(
  g: GitContext,
  dir: string,
  oid: string,
  parents: string[],
  format: DiffFormat,
) {
  const after = await commitTree(g, dir, oid);
  if (format.stat) {
    const changes = changesBetween(await commitTree(g, dir, parents[0]!), after);
    if (changes.length > 0) {
      g.out('\n');
      await printChanges(g, dir, changes, format);
    }
    return;
  }
  const sides = await Promise.all(parents.slice(0, 2).map((p) => commitTree(g, dir, p)));
  const paths = [...new Set([...after.keys(), ...sides.flatMap((s) => [...s.keys()])])]
    .filter((p) => sides.every((s) => s.get(p)?.oid !== after.get(p)?.oid))
    .sort();
  if (!(format.patch || format.nameOnly || format.nameStatus)) return;
  // git separates the message from the (possibly empty) combined diff all the same.
  if (paths.length === 0 && !format.patch) return;
  g.out('\n');
  if (format.nameOnly || format.nameStatus) {
    g.out(paths.map((p) => `${p}\n`).join(''));
    return;
  }
  const text = async (e?: { oid: string }) =>
    e ? strFromU8(await readBlobBytes(g, dir, e.oid)) : '';
  for (const p of paths) {
    const [ours, theirs] = [sides[0]!.get(p), sides[1]!.get(p)];
    const oids: [string, string] = [ours?.oid ?? '0'.repeat(40), theirs?.oid ?? '0'.repeat(40)];
    const result = after.get(p);
    g.out(
      combinedDiff(p, oids, await text(ours), await text(theirs), await text(result), result?.oid),
    );
  }
}

export const show: GitCommand = async (g) => {
  const format: DiffFormat = { stat: false, nameOnly: false, nameStatus: false, patch: true };
  const revs: string[] = [];
  let pretty: Pretty = { kind: 'medium' };
  let abbrev: boolean | undefined;
  let date: DateMode = 'default';
  let dashdash = false;
  const paths: string[] = [];
  for (const a of g.args) {
    if (dashdash) {
      paths.push(a);
      continue;
    }
    if (a === '--stat') {
      format.stat = true;
      format.patch = false;
    } else if (a === '--name-only') format.nameOnly = true;
    else if (a === '--name-status') format.nameStatus = true;
    else if (a === '-s' || a === '--no-patch') format.patch = false;
    else if (a === '--oneline') {
      pretty = { kind: 'oneline' };
      abbrev = true;
    } else if (a.startsWith('--pretty=') || a.startsWith('--format=')) {
      const option = a.startsWith('--pretty=') ? 'pretty' : 'format';
      const value = a.slice(option.length + 3);
      const p = parsePretty(value, option);
      if (!p) return fatal(g, `invalid --pretty format: ${value}`);
      pretty = p;
    } else if (a === '--abbrev-commit') abbrev = true;
    else if (a === '--no-abbrev-commit') abbrev = false;
    else if (a.startsWith('--date=')) {
      const mode = parseDateMode(a.slice(7));
      if (!mode) return fatal(g, `unknown date format ${a.slice(7)}`);
      date = mode;
    } else if (a === '--') dashdash = true;
    else if (a.startsWith('-')) {
      return fatal(g, `unrecognized argument: ${a}`);
    } else revs.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (revs.length === 0) revs.push('HEAD');
  const options: PrettyOptions = {
    pretty,
    date,
    now: g.seconds,
    abbrev: abbrev ?? false,
    refs: pretty.kind === 'format' ? await decorations(g, dir) : new Map(),
    decorate: false,
  };
  // One-line formats (and an empty format) run straight into the diff, with no blank line.
  const oneline =
    pretty.kind === 'oneline' ||
    pretty.kind === 'reference' ||
    (pretty.kind === 'format' && pretty.template === '');
  let first = true;
  for (const r of revs) {
    if (r.includes(':')) {
      const code = await showPath(g, dir, r);
      if (code !== 0) return code;
      continue;
    }
    const oid = await resolveRev(g, dir, r);
    if (!oid) {
      const branch = await currentBranch(g, dir);
      if (r === 'HEAD' && branch) {
        return fatal(g, `your current branch '${branch}' does not have any commits yet`);
      }
      return fatal(g, AMBIGUOUS(r));
    }
    const obj = await git.readObject({ fs: g.fs, dir, oid, format: 'parsed' });
    if (obj.type === 'blob') {
      g.out(strFromU8(await readBlobBytes(g, dir, oid)));
      continue;
    }
    const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
    const before = commit.parent[0] ? await commitTree(g, dir, commit.parent[0]) : new Map();
    const after = await commitTree(g, dir, oid);
    const specs = paths.map((p) => toRepoPath(g, dir, p) ?? p);
    const changes = changesBetween(before, after).filter(
      (c) =>
        specs.length === 0 ||
        specs.some((sp) => underPath(c.path, sp) || underPath(c.from ?? '', sp)),
    );
    // Limited to paths, a commit that touches none of them is not shown at all.
    if (specs.length > 0 && changes.length === 0) continue;
    const read = await git.readCommit({ fs: g.fs, dir, oid });
    if (pretty.kind === 'format') {
      if (!pretty.terminator && !first) g.out('\n');
      g.out(expandFormat(pretty.template, read, options));
      if (pretty.terminator && pretty.template !== '') g.out('\n');
    } else {
      if (!first && isMultiLine(pretty)) g.out('\n');
      g.out(builtInFormat(read, options));
    }
    first = false;
    if (commit.parent.length > 1) {
      await showMerge(g, dir, oid, commit.parent, format);
      continue;
    }
    const listing = format.patch || format.stat || format.nameOnly || format.nameStatus;
    if (listing && changes.length > 0) {
      // The one-line form runs straight into the diff.
      if (!oneline) g.out('\n');
      await printChanges(g, dir, changes, format);
    }
  }
  return 0;
};
