// git log [--oneline] [-n <n> | -<n>] [--stat] [-p] [<revision>] [-- <path>]: commits newest
// first in git's medium format, decorated as in a terminal.
import type { GitCommand, GitContext } from '../common';
import {
  NOT_A_REPO,
  currentBranch,
  fatal,
  findWorkTree,
  git,
  gitDate,
  headCommit,
  shortSha,
} from '../common';
import { commitTree } from '../lib/repo';
import { AMBIGUOUS, resolveCommit } from '../lib/rev';
import { changesBetween, patchText } from '../lib/unified';
import { commitFiles, decorations, treeChanges, shortStat } from '../tree';

export const log: GitCommand = async (g) => {
  let oneline = false;
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
    else if (a === '--oneline') oneline = true;
    else if (a === '--stat') stat = true;
    else if (a === '-p' || a === '--patch' || a === '-u') patch = true;
    else if (a === '--decorate' || a === '--no-decorate' || a === '--graph' || a === '--all')
      continue;
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
  let shown = 0;
  let first = true;
  for await (const c of walk(g, dir, start)) {
    if (shown >= limit) break;
    const parent = c.commit.parent[0];
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
    const refs = decorated.get(c.oid);
    const deco = refs ? ` (${refs.join(', ')})` : '';
    const subject = c.commit.message.split('\n')[0] ?? '';
    if (oneline) {
      g.out(`${shortSha(c.oid)}${deco} ${subject}\n`);
    } else {
      if (!first) g.out('\n');
      g.out(`commit ${c.oid}${deco}\n`);
      if (c.commit.parent.length > 1) g.out(`Merge: ${c.commit.parent.map(shortSha).join(' ')}\n`);
      g.out(`Author: ${c.commit.author.name} <${c.commit.author.email}>\n`);
      g.out(`Date:   ${gitDate(c.commit.author.timestamp, c.commit.author.timezoneOffset)}\n\n`);
      const body = c.commit.message.replace(/\n+$/, '');
      for (const line of body.split('\n')) g.out(`    ${line}\n`);
    }
    first = false;
    if (stat && relevant.length > 0) {
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
    if (patch) {
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
  return 0;
};

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
