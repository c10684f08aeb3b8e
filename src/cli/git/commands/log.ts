// git log [--oneline | --pretty=… | --format=…] [--date=…] [-n <n> | -<n>] [--stat] [-p]
// [--graph] [<revision>] [-- <path>]: commits newest first, in git's medium format unless asked for another,
// decorated as in a terminal.
import type { GitCommand, GitContext } from '../common';
import {
  NOT_A_REPO,
  configGet,
  currentBranch,
  fatal,
  findWorkTree,
  git,
  headCommit,
} from '../common';
import type { DateMode, Pretty, PrettyOptions } from '../lib/pretty';
import {
  builtInFormat,
  expandFormat,
  isMultiLine,
  parseDateMode,
  parsePretty,
} from '../lib/pretty';
import type { Shown } from '../lib/graph';
import { drawGraph } from '../lib/graph';
import { commitTree } from '../lib/repo';
import { AMBIGUOUS, resolveCommit } from '../lib/rev';
import { changesBetween, patchText } from '../lib/unified';
import { commitFiles, decorations, treeChanges, shortStat } from '../tree';

export const log: GitCommand = async (context) => {
  let g = context;
  let graph = false;
  let pretty: Pretty = { kind: 'medium' };
  let abbrev: boolean | undefined;
  let date: DateMode = 'default';
  let decorate: boolean | undefined;
  let limit = Infinity;
  let stat = false;
  let patch = false;
  let rev: string | undefined;
  const paths: string[] = [];
  let dashdash = false;
  for (let i = 0; i < g.args.length; i++) {
    const a = g.args[i] as string;
    if (dashdash) paths.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '--oneline') {
      pretty = { kind: 'oneline' };
      abbrev = true;
    } else if (a === '--pretty') pretty = { kind: 'medium' };
    else if (a.startsWith('--pretty=') || a.startsWith('--format=')) {
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
    } else if (a === '--no-decorate') decorate = false;
    else if (a === '--decorate' || a === '--decorate=short') decorate = true;
    else if (a === '--stat') stat = true;
    else if (a === '-p' || a === '--patch' || a === '-u') patch = true;
    else if (a === '--graph') graph = true;
    else if (a === '--all') continue;
    else if (a === '-n' || a === '--max-count') limit = Number(g.args[++i]);
    else if (/^-\d+$/.test(a)) limit = Number(a.slice(1));
    else if (/^(-n|--max-count=)\d+$/.test(a)) limit = Number(a.replace(/^(-n|--max-count=)/, ''));
    else if (a.startsWith('-')) return fatal(g, `unrecognized argument: ${a}`);
    else rev = a;
  }
  const dir = findWorkTree(g);
  if (!dir) return fatal(g, NOT_A_REPO);
  const head = await headCommit(g, dir);
  if (!head && rev === undefined) {
    const branch = (await currentBranch(g, dir)) ?? 'HEAD';
    return fatal(g, `your current branch '${branch}' does not have any commits yet`);
  }
  const start = rev === undefined ? head : await resolveCommit(g, dir, rev);
  if (start === undefined) return fatal(g, AMBIGUOUS(rev ?? ''));
  const decorated = await decorations(g, dir);
  // The terminal's default is to decorate; log.decorate can say otherwise.
  const setting = (await configGet(g, dir, 'log.decorate'))?.toLowerCase();
  decorate ??= !['no', 'false', 'off', '0'].includes(setting ?? '');
  // One-line formats (and an empty format) run straight into the diff, with no blank line.
  const oneline =
    pretty.kind === 'oneline' ||
    pretty.kind === 'reference' ||
    (pretty.kind === 'format' && pretty.template === '');
  const options: PrettyOptions = {
    pretty,
    date,
    now: g.seconds,
    abbrev: abbrev ?? false,
    refs: decorated,
    decorate: decorate ?? true,
  };
  let shown = 0;
  let first = true;
  // With --graph the output is kept, then drawn with the graph's column in front of each line.
  let buffer = '';
  const starts: { at: number; root: boolean }[] = [];
  const drawn: Shown[] = [];
  const parentsOf = new Map<string, string[]>();
  let merges = false;
  if (graph) g = { ...g, out: (t) => void (buffer += t) };
  // --graph shows the commits in graph order (children first, a branch's commits together).
  const commits = graph ? graphOrder(await collect(walk(g, dir, start))) : walk(g, dir, start);
  for await (const c of commits) {
    if (shown >= limit) break;
    const parent = c.commit.parent[0];
    // Without -m git log shows no diff for a merge.
    const merge = c.commit.parent.length > 1;
    const needChanges = stat || patch || paths.length > 0;
    const changes = needChanges
      ? await treeChanges(
          g,
          dir,
          await commitFiles(g, dir, parent),
          await commitFiles(g, dir, c.oid),
        )
      : [];
    const relevant =
      paths.length === 0
        ? changes
        : changes.filter((ch) =>
            paths.some((p) => ch.path === p || ch.path.startsWith(`${p.replace(/\/$/, '')}/`)),
          );
    if (paths.length > 0 && relevant.length === 0) continue;
    shown++;
    if (c.commit.parent.length > 1) merges = true;
    parentsOf.set(c.oid, c.commit.parent);
    const sep = buffer.length;
    if (pretty.kind === 'format') {
      // tformat ends each commit with a newline; format puts one between commits.
      if (!pretty.terminator && !first) g.out('\n');
      starts.push({ at: buffer.length, root: c.commit.parent.length === 0 });
      g.out(expandFormat(pretty.template, c, options));
      drawn.push({ oid: c.oid, sep, start: starts.at(-1)!.at, end: buffer.length });
      // An empty format prints nothing at all, not even the newline.
      if (pretty.terminator && pretty.template !== '') g.out('\n');
    } else {
      if (!first && isMultiLine(pretty)) g.out('\n');
      starts.push({ at: buffer.length, root: c.commit.parent.length === 0 });
      g.out(builtInFormat(c, options));
      drawn.push({ oid: c.oid, sep, start: starts.at(-1)!.at, end: buffer.length });
    }
    first = false;
    if (stat && !merge && relevant.length > 0) {
      if (!oneline) g.out('\n');
      const width = Math.max(...relevant.map((ch) => ch.path.length));
      const maxCount = Math.max(...relevant.map((ch) => ch.insertions + ch.deletions));
      const digits = String(maxCount).length;
      for (const ch of relevant) {
        const n = ch.insertions + ch.deletions;
        g.out(
          ` ${ch.path.padEnd(width)} | ${String(n).padStart(digits)} ${'+'.repeat(ch.insertions)}${'-'.repeat(ch.deletions)}\n`,
        );
      }
      g.out(`${shortStat(relevant)}\n`);
    }
    if (patch && !merge) {
      const before = parent ? await commitTree(g, dir, parent) : new Map();
      const shown = changesBetween(before, await commitTree(g, dir, c.oid)).filter(
        (ch) => paths.length === 0 || relevant.some((r) => r.path === ch.path),
      );
      const text = await patchText(
        shown,
        async (oid) => (await git.readBlob({ fs: g.fs, dir, oid })).blob,
      );
      if (text) g.out(`${oneline ? '' : '\n'}${text}`);
    }
  }
  if (graph) {
    // Path-limited histories would need git's parent rewriting: only a straight line is drawn.
    if (paths.length === 0)
      context.out(drawGraph(buffer, drawn, (oid) => parentsOf.get(oid) ?? []));
    else context.out(merges ? buffer : drawLine(buffer, starts));
  }
  return 0;
};

/**
 * A path-limited history's graph, drawn only when it is a straight line: `* ` before each
 * commit's first line, `| ` before the lines that follow it (`  ` after a root commit). With
 * merges it is printed without a graph.
 */
function drawLine(text: string, starts: readonly { at: number; root: boolean }[]): string {
  let out = '';
  let at = 0;
  let k = -1;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = end < 0 ? text.slice(at) : text.slice(at, end + 1);
    while (k + 1 < starts.length && starts[k + 1]!.at <= at) k++;
    const commitLine = k >= 0 && starts[k]!.at === at;
    const prefix = commitLine ? '* ' : k >= 0 && starts[k]!.root ? '  ' : '| ';
    out += prefix + line;
    at += line.length;
  }
  return out;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

/**
 * git's graph order (revision.c sort_in_topological_order, REV_SORT_IN_GRAPH_ORDER): a commit
 * once all its children are out, the last parent made ready first, so a merged branch's commits
 * come together before the first parent's line resumes.
 */
function graphOrder(commits: Commit[]): Commit[] {
  const byOid = new Map(commits.map((c) => [c.oid, c]));
  const children = new Map<string, number>();
  for (const c of commits)
    for (const p of c.commit.parent) if (byOid.has(p)) children.set(p, (children.get(p) ?? 0) + 1);
  const stack = commits.filter((c) => !children.get(c.oid)).reverse();
  const out: Commit[] = [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    out.push(c);
    for (const p of c.commit.parent) {
      const left = children.get(p);
      if (left === undefined) continue;
      children.set(p, left - 1);
      if (left - 1 === 0) stack.push(byOid.get(p)!);
    }
  }
  return out;
}

type Commit = Awaited<ReturnType<typeof git.readCommit>>;

/**
 * Commits reachable from `start`, newest commit date first, each once (git's default order:
 * a queue by date, ties in the order commits were found). Read lazily, so `-n` stops early.
 */
async function* walk(g: GitContext, dir: string, start: string): AsyncGenerator<Commit> {
  const seen = new Set<string>([start]);
  let order = 0;
  const queue: { c: Commit; order: number }[] = [
    { c: await git.readCommit({ fs: g.fs, dir, oid: start }), order: order++ },
  ];
  while (queue.length > 0) {
    let best = 0;
    for (let i = 1; i < queue.length; i++) {
      const a = queue[i]!;
      const b = queue[best]!;
      const ta = a.c.commit.committer.timestamp;
      const tb = b.c.commit.committer.timestamp;
      if (ta > tb || (ta === tb && a.order < b.order)) best = i;
    }
    const [{ c }] = queue.splice(best, 1) as [{ c: Commit; order: number }];
    yield c;
    for (const p of c.commit.parent) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push({ c: await git.readCommit({ fs: g.fs, dir, oid: p }), order: order++ });
    }
  }
}
