// cp and mv, as GNU coreutils 9.x word their messages.
import { ERRNO_TEXT, readDir, statPath, type FsTx } from '../../engine/fs/files';
import type { Program, ProgramContext } from '../program';
import { withFiles } from '../program';
import { absPath, baseName, parseOptions, quoteAlways, usageError } from './fsutil';

interface Plan {
  flags: Set<string>;
  /** Each source with the target it goes to, both as the learner would see them. */
  moves: { src: string; dest: string }[];
}

/** The operand rules cp and mv share: the last operand is the target, a directory if several. */
function plan(ctx: ProgramContext, short: string, long: Record<string, string>): Plan | undefined {
  const name = ctx.argv[0] ?? '';
  const parsed = parseOptions(ctx.argv.slice(1), short, long);
  if ('error' in parsed) {
    ctx.err(usageError(name, parsed.error));
    return undefined;
  }
  const ops = parsed.operands;
  if (ops.length === 0) {
    ctx.err(usageError(name, 'missing file operand'));
    return undefined;
  }
  const target = ops[ops.length - 1] as string;
  if (ops.length === 1) {
    ctx.err(usageError(name, `missing destination file operand after ${quoteAlways(target)}`));
    return undefined;
  }
  const node = statPath(ctx.session.world.files, absPath(ctx.session, target));
  if (ops.length > 2 && node?.type !== 'dir') {
    const why = node ? 'Not a directory' : 'No such file or directory';
    ctx.err(`${name}: target ${quoteAlways(target)}: ${why}\n`);
    return undefined;
  }
  const into = node?.type === 'dir';
  const moves = ops.slice(0, -1).map((src) => ({
    src,
    dest: into ? `${target.replace(/\/+$/, '')}/${baseName(src)}` : target,
  }));
  return { flags: parsed.flags, moves };
}

const within = (inner: string, outer: string) => (inner + '/').startsWith(outer + '/');

function copyTree(
  tx: FsTx,
  from: string,
  to: string,
  src: string,
  dest: string,
): string | undefined {
  const node = tx.stat(from);
  if (!node) return `cannot stat ${quoteAlways(src)}: No such file or directory`;
  const there = tx.stat(to);
  if (node.type === 'file') {
    if (there?.type === 'dir')
      return `cannot overwrite directory ${quoteAlways(dest)} with non-directory`;
    const r = tx.writeFile(to, node.content);
    return r.ok
      ? undefined
      : `cannot create regular file ${quoteAlways(dest)}: ${ERRNO_TEXT[r.code]}`;
  }
  if (there && there.type !== 'dir')
    return `cannot overwrite non-directory ${quoteAlways(dest)} with directory ${quoteAlways(src)}`;
  if (!there) {
    const r = tx.mkdir(to);
    if (!r.ok) return `cannot create directory ${quoteAlways(dest)}: ${ERRNO_TEXT[r.code]}`;
  }
  const names = readDir(tx.result(), from);
  for (const n of names.ok ? names.value : []) {
    const why = copyTree(tx, `${from}/${n}`, `${to}/${n}`, `${src}/${n}`, `${dest}/${n}`);
    if (why) return why;
  }
  return undefined;
}

export const cp: Program = {
  name: 'cp',
  summary: 'copy files (-r: directories too)',
  run(ctx) {
    const p = plan(ctx, 'rRaf', { recursive: 'r', archive: 'a', force: 'f' });
    if (!p) return 1;
    const recursive = p.flags.has('r') || p.flags.has('R') || p.flags.has('a');
    let status = 0;
    withFiles(ctx.session, (tx) => {
      for (const { src, dest } of p.moves) {
        const from = absPath(ctx.session, src);
        const to = absPath(ctx.session, dest);
        const node = tx.stat(from);
        let why: string | undefined;
        if (!node) why = `cannot stat ${quoteAlways(src)}: No such file or directory`;
        else if (node.type === 'dir' && !recursive)
          why = `-r not specified; omitting directory ${quoteAlways(src)}`;
        else if (from === to)
          why = `${quoteAlways(src)} and ${quoteAlways(dest)} are the same file`;
        else if (node.type === 'dir' && within(to, from))
          why = `cannot copy a directory, ${quoteAlways(src)}, into itself, ${quoteAlways(dest)}`;
        else why = copyTree(tx, from, to, src, dest);
        if (why) {
          ctx.err(`cp: ${why}\n`);
          status = 1;
        }
      }
    });
    return status;
  },
};

export const mv: Program = {
  name: 'mv',
  summary: 'move or rename files and directories',
  run(ctx) {
    const p = plan(ctx, 'f', { force: 'f' });
    if (!p) return 1;
    let status = 0;
    withFiles(ctx.session, (tx) => {
      for (const { src, dest } of p.moves) {
        const from = absPath(ctx.session, src);
        const to = absPath(ctx.session, dest);
        const node = tx.stat(from);
        const there = tx.stat(to);
        let why: string | undefined;
        if (!node) why = `cannot stat ${quoteAlways(src)}: No such file or directory`;
        else if (from === to)
          why = `${quoteAlways(src)} and ${quoteAlways(dest)} are the same file`;
        else if (node.type === 'dir' && within(to, from))
          why = `cannot move ${quoteAlways(src)} to a subdirectory of itself, ${quoteAlways(dest)}`;
        else if (node.type === 'file' && there?.type === 'dir')
          why = `cannot overwrite directory ${quoteAlways(dest)} with non-directory`;
        else if (node.type === 'dir' && there && there.type !== 'dir')
          why = `cannot overwrite non-directory ${quoteAlways(dest)} with directory ${quoteAlways(src)}`;
        else {
          // rename(2) replaces an empty directory; a full one stays.
          const empty = there?.type === 'dir' && tx.remove(to).ok;
          if (there?.type === 'dir' && !empty)
            why = `cannot move ${quoteAlways(src)} to ${quoteAlways(dest)}: Directory not empty`;
          else {
            const r = tx.rename(from, to);
            if (!r.ok)
              why = `cannot move ${quoteAlways(src)} to ${quoteAlways(dest)}: ${ERRNO_TEXT[r.code]}`;
          }
        }
        if (why) {
          ctx.err(`mv: ${why}\n`);
          status = 1;
        }
      }
    });
    return status;
  },
};
