// git rm (--cached, -r, -f, -q) and git mv (-f): removing and renaming tracked files in the index
// and the work tree. Formats: git 2.39 builtin/rm.c, builtin/mv.c.
import type { GitCommand } from '../common';
import { fatal } from '../common';
import { readIndex, writeIndex } from '../lib/gitindex';
import {
  hashBytes,
  headOrEmpty,
  indexMap,
  join,
  mapToIndex,
  removeWork,
  repoOrFail,
  toRepoPath,
  underPath,
  workContent,
} from '../lib/repo';
import { FsTx, statPath } from '../../../engine/fs/files';

export const rm: GitCommand = async (g) => {
  let cached = false;
  let recursive = false;
  let force = false;
  let quiet = false;
  const paths: string[] = [];
  let dashdash = false;
  for (const a of g.args) {
    if (dashdash) paths.push(a);
    else if (a === '--') dashdash = true;
    else if (a === '--cached') cached = true;
    else if (a === '-r') recursive = true;
    else if (a === '-f' || a === '--force') force = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (/^-[rfq]+$/.test(a)) {
      recursive ||= a.includes('r');
      force ||= a.includes('f');
      quiet ||= a.includes('q');
    } else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else paths.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (paths.length === 0) {
    g.err('usage: git rm [<options>] [--] <file>...\n');
    return 129;
  }
  const index = await indexMap(g, dir);
  // An unmerged path may always go: removing it is one way to resolve the conflict.
  const unmerged = new Set((await readIndex(g, dir)).filter((e) => e.stage > 0).map((e) => e.path));
  const head = await headOrEmpty(g, dir);
  const chosen: string[] = [];
  for (const p of paths) {
    const spec = toRepoPath(g, dir, p) ?? p;
    const hits = [...index.keys()].filter((k) => underPath(k, spec === '.' ? '' : spec));
    if (hits.length === 0) return fatal(g, `pathspec '${p}' did not match any files`);
    if (!recursive && !hits.includes(spec))
      return fatal(g, `not removing '${p}' recursively without -r`);
    chosen.push(...hits);
  }
  const files = [...new Set(chosen)].sort();
  if (!force) {
    const staged: string[] = [];
    const local: string[] = [];
    const both: string[] = [];
    for (const p of files) {
      if (unmerged.has(p)) continue;
      const e = index.get(p)!;
      const work = workContent(g, dir, p);
      const workDiffers = work !== undefined && (await hashBytes(work)) !== e.oid;
      const indexDiffers = head.get(p)?.oid !== e.oid;
      if (cached) {
        if (workDiffers && indexDiffers) both.push(p);
      } else if (workDiffers && indexDiffers) both.push(p);
      else if (indexDiffers) staged.push(p);
      else if (workDiffers) local.push(p);
    }
    const report = (what: string, list: string[]) =>
      list.length === 0
        ? ''
        : `error: the following file${list.length > 1 ? 's have' : ' has'} ${what}:\n${list.map((p) => `    ${p}\n`).join('')}`;
    let text = report('staged content different from both the\nfile and the HEAD', both);
    text += report('changes staged in the index', staged);
    text += report('local modifications', local);
    if (text) {
      const hint =
        cached || both.length > 0
          ? '(use -f to force removal)\n'
          : '(use --cached to keep the file, or -f to force removal)\n';
      g.err(text + (cached ? '(use -f to force removal)\n' : hint));
      return 1;
    }
  }
  for (const p of files) {
    index.delete(p);
    if (!quiet) g.out(`rm '${p}'\n`);
    if (!cached && workContent(g, dir, p)) removeWork(g, dir, p);
  }
  await writeIndex(g, dir, mapToIndex(index));
  return 0;
};

export const mv: GitCommand = async (g) => {
  let force = false;
  const words: string[] = [];
  for (const a of g.args) {
    if (a === '-f' || a === '--force') force = true;
    else if (a === '--') continue;
    else if (a.startsWith('-')) {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else words.push(a);
  }
  const dir = repoOrFail(g);
  if (dir === undefined) return 128;
  if (words.length < 2) {
    g.err('usage: git mv [<options>] <source>... <destination>\n');
    return 129;
  }
  const dest = words.pop()!;
  const index = await indexMap(g, dir);
  const destRel = toRepoPath(g, dir, dest) ?? dest;
  const destIsDir = statPath(g.store.files, join(dir, destRel))?.type === 'dir';
  if (words.length > 1 && !destIsDir) return fatal(g, `destination '${dest}' is not a directory`);
  const moves: [string, string][] = [];
  const renames: [string, string][] = [];
  for (const src of words) {
    const srcRel = toRepoPath(g, dir, src) ?? src;
    const name = srcRel.slice(srcRel.lastIndexOf('/') + 1);
    const target = destIsDir ? (destRel === '' ? name : `${destRel}/${name}`) : destRel;
    const shown = destIsDir ? `${dest.replace(/\/$/, '')}/${name}` : dest;
    const node = statPath(g.store.files, join(dir, srcRel));
    if (!node) return fatal(g, `bad source, source=${src}, destination=${shown}`);
    const tracked = [...index.keys()].filter((k) => underPath(k, srcRel));
    if (tracked.length === 0)
      return fatal(g, `not under version control, source=${src}, destination=${shown}`);
    if (statPath(g.store.files, join(dir, target)) && !(force && node.type === 'file')) {
      return fatal(g, `destination exists, source=${src}, destination=${shown}`);
    }
    const parent = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : '';
    if (parent !== '' && statPath(g.store.files, join(dir, parent))?.type !== 'dir') {
      return fatal(g, `renaming '${srcRel}' failed: No such file or directory`);
    }
    for (const k of tracked) moves.push([k, target + k.slice(srcRel.length)]);
    renames.push([srcRel, target]);
  }
  for (const [from, to] of moves) {
    const e = index.get(from)!;
    index.delete(from);
    index.set(to, e);
  }
  // The files move as rename(2) moves them: a directory with everything in it.
  const tx = new FsTx(g.store.files, g.store.now);
  for (const [src, target] of renames) {
    tx.rename(join(dir, src), join(dir, target));
  }
  g.store.files = tx.result();
  await writeIndex(g, dir, mapToIndex(index));
  return 0;
};
