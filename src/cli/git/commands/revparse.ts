// git rev-parse: names to object IDs (HEAD, branches, tags, SHAs, ~n and ^n, @{u}, rev:path),
// `--short`, `--abbrev-ref` and `--symbolic-full-name`, `--verify [-q]`, and the questions about
// where the repository is (`--show-toplevel`, `--show-prefix`, `--show-cdup`, `--git-dir`,
// `--is-inside-work-tree`). Arguments that name no revision are taken for paths, as git 2.39's
// builtin/rev-parse.c does: printed back, or refused when no such path exists.
import { resolvePath, statPath } from '../../../engine/fs/files';
import type { GitCommand, GitContext } from '../common';
import { NOT_A_REPO, fatal, findWorkTree, git } from '../common';
import { join } from '../lib/repo';
import {
  AMBIGUOUS,
  fullRefName,
  resolveRev,
  resolveRevPath,
  shortRefName,
  upstreamError,
} from '../lib/rev';

type Style = 'oid' | 'abbrev-ref' | 'full-name';

const NEED_ONE = 'Needed a single revision';

const exists = (g: GitContext, path: string) =>
  statPath(g.store.files, resolvePath(g.cwd, path)) !== undefined;

/** The object a revision argument names, without peeling a tag a plain name points at. */
async function objectOf(g: GitContext, dir: string, spec: string): Promise<string | undefined> {
  if (spec.includes(':')) return resolveRevPath(g, dir, spec);
  if (!/[~^]/.test(spec)) {
    const ref = await fullRefName(g, dir, spec);
    if (ref !== undefined && ref !== 'HEAD' && !ref.startsWith('refs/heads/')) {
      const oid = await git.resolveRef({ fs: g.fs, dir, ref }).catch(() => undefined);
      if (oid !== undefined) return oid;
    }
  }
  return resolveRev(g, dir, spec);
}

export const revParse: GitCommand = async (g) => {
  const top = findWorkTree(g);
  if (top === undefined) return fatal(g, NOT_A_REPO);
  const gitDir = join(top, '.git');
  const inGitDir = g.cwd === gitDir || g.cwd.startsWith(`${gitDir}/`);
  const prefix = inGitDir || g.cwd === top ? '' : g.cwd.slice(top === '/' ? 1 : top.length + 1);

  let verify = false;
  let quiet = false;
  let short: number | undefined;
  let style: Style = 'oid';
  let asIs = false;
  let dashdash = false;
  const out: string[] = [];
  const revs: string[] = [];
  const flush = () => g.out(out.splice(0).join(''));
  const fail = (message: string) => {
    flush();
    return fatal(g, message);
  };

  for (const a of g.args) {
    if (dashdash) {
      out.push(`${a}\n`);
      continue;
    }
    if (a === '--') {
      dashdash = true;
      out.push('--\n');
      continue;
    }
    if (asIs) {
      out.push(`${a}\n`);
      if (!exists(g, a)) {
        return fail(
          `${a}: no such path in the working tree.\nUse 'git <command> -- <path>...' to specify paths that do not exist locally.`,
        );
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a === '--verify') verify = true;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '--short') {
        short = 7;
        verify = true;
      } else if (/^--short=\d+$/.test(a)) {
        short = Math.max(4, Math.min(40, Number(a.slice(8))));
        verify = true;
      } else if (a === '--abbrev-ref') style = 'abbrev-ref';
      else if (a === '--symbolic-full-name') style = 'full-name';
      else if (a === '--show-toplevel') {
        if (inGitDir) return fail('this operation must be run in a work tree');
        out.push(`${top}\n`);
      } else if (a === '--show-prefix') out.push(prefix ? `${prefix}/\n` : '\n');
      else if (a === '--show-cdup')
        out.push(`${'../'.repeat(prefix.split('/').filter(Boolean).length)}\n`);
      else if (a === '--git-dir') {
        out.push(g.cwd === top ? '.git\n' : g.cwd === gitDir ? '.\n' : `${gitDir}\n`);
      } else if (a === '--absolute-git-dir') out.push(`${gitDir}\n`);
      else if (a === '--is-inside-work-tree') out.push(`${!inGitDir}\n`);
      else if (a === '--is-inside-git-dir') out.push(`${inGitDir}\n`);
      else if (a === '--is-bare-repository') out.push('false\n');
      // git passes options it does not know through, as they are.
      else out.push(`${a}\n`);
      continue;
    }
    const oid = await objectOf(g, top, a);
    if (oid !== undefined) {
      if (verify) revs.push(a);
      else out.push(await shown(g, top, a, oid, style, short));
      continue;
    }
    const upstream = await upstreamError(g, top, a);
    if (upstream !== undefined) return fail(upstream);
    if (verify) {
      flush();
      if (quiet) return 1;
      return fatal(g, NEED_ONE);
    }
    // Not a revision: a path, when there is one.
    asIs = true;
    out.push(`${a}\n`);
    if (!exists(g, a)) {
      return fail(AMBIGUOUS(a));
    }
  }
  if (verify) {
    if (revs.length !== 1) {
      flush();
      if (quiet) return 1;
      return fatal(g, NEED_ONE);
    }
    const spec = revs[0]!;
    const oid = (await objectOf(g, top, spec)) as string;
    out.push(await shown(g, top, spec, oid, style, short));
  }
  flush();
  return 0;
};

/** One revision as the options ask for it: its ID (perhaps shortened) or its ref's name. */
async function shown(
  g: GitContext,
  dir: string,
  spec: string,
  oid: string,
  style: Style,
  short: number | undefined,
): Promise<string> {
  if (style === 'oid') return `${short === undefined ? oid : oid.slice(0, short)}\n`;
  const ref = /[~^:]/.test(spec) ? undefined : await fullRefName(g, dir, spec);
  if (ref === undefined) return '';
  return `${style === 'abbrev-ref' ? shortRefName(ref) : ref}\n`;
}
