// git diff: the work tree against the index, the index against a commit (--staged/--cached),
// a commit against the work tree, or two commits (A B, A..B, A...B); limited by paths; as a
// patch, --stat, --name-only or --name-status; --quiet/--exit-code. Formats: git 2.39 diff.c.
import type { GitCommand, GitContext } from '../common';
import { strFromU8 } from 'fflate';
import { statPath } from '../../../engine/fs/files';
import { combinedDiff } from '../lib/combined';
import type { IndexEntry } from '../lib/gitindex';
import { readIndex } from '../lib/gitindex';
import { fatal, git } from '../common';
import { AMBIGUOUS, resolveCommit, upstreamError } from '../lib/rev';
import type { TreeMap } from '../lib/repo';
import {
  commitTree,
  headOrEmpty,
  indexMap,
  join,
  readBlobBytes,
  repoOrFail,
  toRepoPath,
  underPath,
  workContent,
  workMap,
  ZERO_OID,
} from '../lib/repo';
import type { FileChange } from '../lib/unified';
import { changesBetween, nameOnly, patchText, statText } from '../lib/unified';

export interface DiffFormat {
  stat: boolean;
  nameOnly: boolean;
  nameStatus: boolean;
  patch: boolean;
  /** Lines of context around each hunk (-U). */
  context?: number;
}

/** Prints changes in the chosen format; `extra` holds work tree contents by blob id. */
export async function printChanges(
  g: GitContext,
  dir: string,
  changes: FileChange[],
  format: DiffFormat,
  extra: Map<string, Uint8Array> = new Map(),
) {
  const read = async (oid: string) => extra.get(oid) ?? readBlobBytes(g, dir, oid);
  if (format.nameOnly) g.out(nameOnly(changes));
  else if (format.nameStatus) {
    g.out(
      changes
        .map((c) =>
          c.from !== undefined
            ? `R100\t${c.from}\t${c.path}\n`
            : `${!c.old ? 'A' : !c.new ? 'D' : 'M'}\t${c.path}\n`,
        )
        .join(''),
    );
  } else {
    if (format.stat) g.out(await statText(changes, read));
    if (format.patch) {
      if (format.stat && changes.length > 0) g.out('\n');
      g.out(await patchText(changes, read, format.context));
    }
  }
}

/** The work tree's version of the index's files (deleted files are absent). */
async function workSide(
  g: GitContext,
  dir: string,
  index: TreeMap,
  extra: Map<string, Uint8Array>,
) {
  const map = await workMap(g, dir, [...index.keys()]);
  for (const [p, e] of map) extra.set(e.oid, workContent(g, dir, p)!);
  return map;
}

function limit(map: TreeMap, paths: string[]): TreeMap {
  if (paths.length === 0) return map;
  return new Map([...map].filter(([p]) => paths.some((s) => underPath(p, s))));
}

export const diff: GitCommand = async (g) => {
  const format: DiffFormat = { stat: false, nameOnly: false, nameStatus: false, patch: true };
  let staged = false;
  let exitCode = false;
  let quiet = false;
  const revs: string[] = [];
  const paths: string[] = [];
  let dashdash = false;
  for (const a of g.args) {
    if (dashdash) paths.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '--staged' || a === '--cached') staged = true;
    else if (a === '--stat') {
      format.stat = true;
      format.patch = false;
    } else if (a === '--name-only') format.nameOnly = true;
    else if (a === '--name-status') format.nameStatus = true;
    else if (a === '-p' || a === '--patch') format.patch = true;
    else if (/^(-U|--unified=)\d+$/.test(a)) format.context = Number(a.replace(/^\D+/, ''));
    else if (a === '--exit-code') exitCode = true;
    else if (a === '--quiet') quiet = exitCode = true;
    else if (a === '--no-color' || a === '--no-ext-diff') continue;
    else if (a.startsWith('-')) {
      g.err(`error: invalid option: ${a}\n`);
      return 255;
    } else revs.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  // Without `--`, words that are not revisions must be paths that exist.
  const commits: string[] = [];
  for (const r of revs) {
    if (!dashdash && paths.length > 0) {
      paths.push(r);
      continue;
    }
    const range = /^(.*?)(\.\.\.?)(.*)$/.exec(r);
    if (range && commits.length === 0) {
      const left = await resolveCommit(g, dir, range[1] || 'HEAD');
      const right = await resolveCommit(g, dir, range[3] || 'HEAD');
      if (left && right) {
        if (range[2] === '...') {
          const [base] = await git.findMergeBase({ fs: g.fs, dir, oids: [left, right] });
          commits.push((base as string | undefined) ?? left, right);
        } else commits.push(left, right);
        continue;
      }
    }
    const oid = await resolveCommit(g, dir, r);
    if (oid) {
      commits.push(oid);
      continue;
    }
    const rel = toRepoPath(g, dir, r);
    if (dashdash || rel === undefined || !workContentExists(g, dir, rel)) {
      return fatal(g, (await upstreamError(g, dir, r)) ?? AMBIGUOUS(r));
    }
    paths.push(r);
  }
  const specs = paths.map((p) => toRepoPath(g, dir, p) ?? p);
  const extra = new Map<string, Uint8Array>();
  let from: TreeMap;
  let to: TreeMap;
  if (commits.length >= 2) {
    from = await commitTree(g, dir, commits[0]!);
    to = await commitTree(g, dir, commits[1]!);
  } else if (staged) {
    from = commits[0] ? await commitTree(g, dir, commits[0]) : await headOrEmpty(g, dir);
    to = await indexMap(g, dir);
  } else if (commits.length === 1) {
    from = await commitTree(g, dir, commits[0]!);
    const index = await indexMap(g, dir);
    const tracked = new Map([...from, ...index]);
    to = await workSide(g, dir, tracked, extra);
  } else {
    from = await indexMap(g, dir);
    to = await workSide(g, dir, from, extra);
  }
  // Paths with a merge conflict are compared as a combined diff (or named as unmerged).
  const unmerged = new Map<string, IndexEntry[]>();
  if (commits.length === 0) {
    for (const e of await readIndex(g, dir)) {
      if (e.stage === 0) continue;
      if (specs.length > 0 && !specs.some((s) => underPath(e.path, s))) continue;
      unmerged.set(e.path, [...(unmerged.get(e.path) ?? []), e]);
    }
  }
  for (const p of unmerged.keys()) {
    from.delete(p);
    to.delete(p);
  }
  const changes = changesBetween(
    limit(from, specs),
    limit(to, specs),
    commits.length >= 2 || staged,
  );
  if (quiet) return exitCode && changes.length + unmerged.size > 0 ? 1 : 0;
  if (unmerged.size === 0 || !format.patch || format.nameOnly || format.nameStatus) {
    if (format.nameOnly && unmerged.size > 0) {
      // git names an unmerged path as unmerged…
      // …and once more when "ours" has it, as the work tree is compared with that too.
      const ours = [...unmerged].filter(([, st]) => st.some((e) => e.stage === 2)).map(([p]) => p);
      const names = [...changes.map((c) => c.path), ...unmerged.keys(), ...ours].sort();
      g.out(names.map((n) => `${n}\n`).join(''));
    } else await printChanges(g, dir, changes, format, extra);
  } else {
    const items: [string, string][] = [];
    for (const [p, stages] of unmerged) {
      items.push([p, staged ? `* Unmerged path ${p}\n` : await combined(g, dir, p, stages)]);
    }
    for (const c of changes) {
      const read = async (oid: string) => extra.get(oid) ?? readBlobBytes(g, dir, oid);
      const text = await patchText([c], read, format.context);
      items.push([c.path, text]);
    }
    items.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    g.out(items.map(([, t]) => t).join(''));
  }
  return exitCode && changes.length + unmerged.size > 0 ? 1 : 0;
};

async function combined(g: GitContext, dir: string, path: string, stages: IndexEntry[]) {
  const text = async (stage: number) => {
    const e = stages.find((x) => x.stage === stage);
    return e ? strFromU8(await readBlobBytes(g, dir, e.oid)) : '';
  };
  const work = workContent(g, dir, path);
  const ours = stages.find((x) => x.stage === 2)?.oid ?? ZERO_OID;
  const theirs = stages.find((x) => x.stage === 3)?.oid ?? ZERO_OID;
  return combinedDiff(
    path,
    [ours, theirs],
    await text(2),
    await text(3),
    work ? strFromU8(work) : '',
  );
}

function workContentExists(g: GitContext, dir: string, rel: string): boolean {
  return rel === '' || statPath(g.store.files, join(dir, rel)) !== undefined;
}
