// git add [-A | -u] [--] <pathspec>...: stages new and changed files, and (as git 2.x does for
// a path that names them) removals.
import { resolvePath } from '../../../engine/fs/files';
import type { GitCommand, GitContext } from '../common';
import { NOT_A_REPO, fatal, findWorkTree, git, relativePath } from '../common';

type Row = [string, number, number, number];

/** Whether a repository-relative file path falls under a pathspec (a file or a directory). */
export function underSpec(path: string, spec: string): boolean {
  return spec === '' || spec === '.' || path === spec || path.startsWith(`${spec}/`);
}

/** Stages every change under the given repository-relative pathspecs; returns the ones that matched nothing. */
export async function stage(
  g: GitContext,
  dir: string,
  specs: readonly string[],
  options: { trackedOnly?: boolean } = {},
): Promise<string[]> {
  const rows = (await git.statusMatrix({ fs: g.fs, dir })) as Row[];
  const unmatched: string[] = [];
  const adds = new Set<string>();
  const removals = new Set<string>();
  for (const spec of specs) {
    const hits = rows.filter(([path]) => underSpec(path, spec));
    if (hits.length === 0) unmatched.push(spec);
    for (const [path, head, work, index] of hits) {
      if (options.trackedOnly && head === 0 && index === 0) continue;
      if (work === 0 && index !== 0) removals.add(path);
      else if ((work === 2 && index !== 2) || index === 3) adds.add(path);
    }
  }
  for (const path of removals) await git.remove({ fs: g.fs, dir, filepath: path });
  // One call for all the files: each call rewrites the whole index.
  if (adds.size > 0) await git.add({ fs: g.fs, dir, filepath: [...adds] });
  return unmatched;
}

export const add: GitCommand = async (g) => {
  const paths: string[] = [];
  let all = false;
  let update = false;
  let dashdash = false;
  for (const a of g.args) {
    if (!dashdash && a === '--') dashdash = true;
    else if (!dashdash && (a === '-A' || a === '--all')) all = true;
    else if (!dashdash && (a === '-u' || a === '--update')) update = true;
    else if (!dashdash && (a === '-v' || a === '--verbose' || a === '-f' || a === '--force'))
      continue;
    else if (!dashdash && a.startsWith('-') && a !== '-') {
      g.err(`error: unknown option \`${a.replace(/^-+/, '')}'\n`);
      return 129;
    } else paths.push(a);
  }
  const dir = findWorkTree(g);
  if (!dir) return fatal(g, NOT_A_REPO);
  if (paths.length === 0 && !all && !update) {
    g.err(
      'Nothing specified, nothing added.\nhint: Maybe you wanted to say \'git add .\'?\nhint: Turn this message off by running\nhint: "git config advice.addEmptyPathspec false"\n',
    );
    return 0;
  }
  const specs: string[] = [];
  for (const p of paths) {
    const abs = resolvePath(g.cwd, p);
    if (abs !== dir && !abs.startsWith(`${dir}/`))
      return fatal(g, `${p}: '${p}' is outside repository at '${dir}'`);
    specs.push(abs === dir ? '' : abs.slice(dir.length + 1));
  }
  if (specs.length === 0) specs.push(update && !all ? relativeSpec(g, dir) : '');
  const unmatched = await stage(g, dir, specs, { trackedOnly: update && !all });
  if (unmatched.length > 0) {
    const first = paths[specs.indexOf(unmatched[0] as string)] ?? unmatched[0];
    return fatal(g, `pathspec '${first}' did not match any files`);
  }
  return 0;
};

/** `git add -u` with no path works on the whole tree (git 2.x). */
function relativeSpec(_g: GitContext, _dir: string): string {
  return '';
}

export { relativePath };
