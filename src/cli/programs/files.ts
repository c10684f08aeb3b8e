// The shell's file programs, as bash's builtins and GNU coreutils 9.x behave: pwd, cd, cat, ls,
// mkdir, rmdir, rm, touch. The files live in the world, so every write is one FsTx.
import {
  ERRNO_TEXT,
  readDir,
  readFile,
  sizeOf,
  statPath,
  type FsNode,
  type FsResult,
} from '../../engine/fs/files';
import type { Program, ProgramContext, Session } from '../program';
import { cwdOf, withFiles } from '../program';
import {
  absPath,
  parseOptions,
  quoteAlways,
  quoteIfNeeded,
  quoteLocale,
  usageError,
} from './fsutil';

export const pwd: Program = {
  name: 'pwd',
  summary: 'print the current directory',
  run({ session, out }) {
    out(`${cwdOf(session)}\n`);
    return 0;
  },
};

export const cd: Program = {
  name: 'cd',
  summary: 'change the current directory (cd, cd DIR, cd -)',
  run({ argv, session, out, err }) {
    const args = argv.slice(1);
    if (args[0] === '--' || args[0] === '-L' || args[0] === '-P') args.shift();
    if (args.length > 1) {
      err('bash: cd: too many arguments\n');
      return 1;
    }
    let target = args[0];
    if (target === undefined) {
      target = session.env.HOME;
      if (target === undefined) {
        err('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = session.env.OLDPWD;
      if (target === undefined) {
        err('bash: cd: OLDPWD not set\n');
        return 1;
      }
    }
    if (target === '') return 0;
    const path = absPath(session, target);
    const node = statPath(session.world.files, path);
    const reached = readDir(session.world.files, path);
    if (!node || !reached.ok) {
      const code = reached.ok ? 'ENOENT' : reached.code;
      err(`bash: cd: ${target}: ${ERRNO_TEXT[code]}\n`);
      return 1;
    }
    session.env.OLDPWD = cwdOf(session);
    session.env.PWD = path;
    if (args[0] === '-') out(`${path}\n`);
    return 0;
  },
};

export const cat: Program = {
  name: 'cat',
  summary: 'print files, or standard input, one after another',
  run({ argv, stdin, session, out, err }) {
    const parsed = parseOptions(argv.slice(1), '');
    if ('error' in parsed) {
      err(usageError('cat', parsed.error));
      return 1;
    }
    const names = parsed.operands.length > 0 ? parsed.operands : ['-'];
    let status = 0;
    for (const name of names) {
      if (name === '-') {
        out(stdin);
        continue;
      }
      const r = readFile(session.world.files, absPath(session, name));
      if (r.ok) out(r.value);
      else {
        err(`cat: ${quoteIfNeeded(name)}: ${ERRNO_TEXT[r.code]}\n`);
        status = 1;
      }
    }
    return status;
  },
};

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** ls shows the year instead of the time for files older than half a Gregorian year. */
const HALF_YEAR_MS = (31556952 / 2) * 1000;

/** `ls -l`'s time column (the simulated clock is UTC). */
export function lsTime(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
  const recent = mtime <= now && now - mtime < HALF_YEAR_MS;
  if (!recent) return `${day}  ${d.getUTCFullYear()}`;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${day} ${hh}:${mm}`;
}

export function modeString(node: FsNode): string {
  let s = node.type === 'dir' ? 'd' : '-';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (node.mode >> shift) & 7;
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return s;
}

interface Entry {
  name: string;
  path: string;
  node: FsNode;
}

const childPath = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

function lsLines(session: Session, entries: Entry[], long: boolean): string[] {
  if (!long) return entries.map((e) => e.name);
  const files = session.world.files;
  const rows = entries.map(({ name, path, node }) => {
    const listed = node.type === 'dir' ? readDir(files, path) : undefined;
    const subdirs = (listed?.ok ? listed.value : []).filter(
      (n) => statPath(files, childPath(path, n))?.type === 'dir',
    ).length;
    return {
      mode: modeString(node),
      links: String(node.type === 'dir' ? 2 + subdirs : 1),
      size: String(node.type === 'dir' ? 4096 : sizeOf(node.content)),
      time: lsTime(node.mtime, session.world.now),
      name,
    };
  });
  const lw = Math.max(...rows.map((r) => r.links.length));
  const sw = Math.max(...rows.map((r) => r.size.length));
  return rows.map(
    (r) =>
      `${r.mode} ${r.links.padStart(lw)} learner learner ${r.size.padStart(sw)} ${r.time} ${r.name}`,
  );
}

/** Disk usage in 1K blocks, as a 4K-block file system allots it. */
function blocks(node: FsNode): number {
  if (node.type === 'dir') return 4;
  return Math.ceil(sizeOf(node.content) / 4096) * 4;
}

// The output is one name per line, as GNU ls writes when its output is not a terminal (a pipe,
// or the headless runner); the column layout of an interactive terminal is not simulated.
// Names sort by code point, as under LC_ALL=C.
export const ls: Program = {
  name: 'ls',
  summary: 'list directory contents (-a -A -l -1 -d -R)',
  run({ argv, session, out, err }) {
    const parsed = parseOptions(argv.slice(1), 'aAl1dR', {
      all: 'a',
      'almost-all': 'A',
      directory: 'd',
      recursive: 'R',
    });
    if ('error' in parsed) {
      err(usageError('ls', parsed.error));
      return 2;
    }
    const { flags } = parsed;
    const long = flags.has('l');
    const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
    const files = session.world.files;
    let status = 0;
    const fileEntries: Entry[] = [];
    const dirs: Entry[] = [];
    for (const name of operands) {
      const path = absPath(session, name);
      const node = statPath(files, path);
      const reach: FsResult<string[]> = node ? { ok: true, value: [] } : readDir(files, path);
      if (!node || !reach.ok) {
        const code = reach.ok ? 'ENOENT' : reach.code;
        err(`ls: cannot access ${quoteAlways(name)}: ${ERRNO_TEXT[code]}\n`);
        status = 2;
      } else if (node.type === 'dir' && !flags.has('d')) dirs.push({ name, path, node });
      else fileEntries.push({ name, path, node });
    }
    const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    fileEntries.sort(byName);
    dirs.sort(byName);
    const sections: string[] = [];
    if (fileEntries.length > 0) sections.push(lsLines(session, fileEntries, long).join('\n'));
    const headers = operands.length > 1 || flags.has('R');
    const listDir = (dir: Entry): void => {
      const listed = readDir(files, dir.path);
      const names = (listed.ok ? listed.value : []).filter(
        (n) => !n.startsWith('.') || flags.has('a') || flags.has('A'),
      );
      const entries: Entry[] = names.flatMap((n) => {
        const node = statPath(files, childPath(dir.path, n));
        return node ? [{ name: n, path: childPath(dir.path, n), node }] : [];
      });
      if (flags.has('a')) {
        const up = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/')) || '/';
        const upNode = statPath(files, up) ?? dir.node;
        entries.unshift(
          { name: '.', path: dir.path, node: dir.node },
          { name: '..', path: up, node: upNode },
        );
      }
      const lines = lsLines(session, entries, long);
      if (long) lines.unshift(`total ${entries.reduce((n, e) => n + blocks(e.node), 0)}`);
      if (headers) lines.unshift(`${dir.name}:`);
      sections.push(lines.join('\n'));
      if (!flags.has('R')) return;
      for (const e of entries) {
        if (e.node.type !== 'dir' || e.name === '.' || e.name === '..') continue;
        const name = dir.name.endsWith('/') ? `${dir.name}${e.name}` : `${dir.name}/${e.name}`;
        listDir({ ...e, name });
      }
    };
    dirs.forEach(listDir);
    const text = sections.join('\n\n');
    if (text !== '') out(`${text}\n`);
    return status;
  },
};

function needOperands(ctx: ProgramContext, flags: string, missing = 'missing operand') {
  const parsed = parseOptions(ctx.argv.slice(1), flags);
  const name = ctx.argv[0] ?? '';
  if ('error' in parsed) {
    ctx.err(usageError(name, parsed.error));
    return undefined;
  }
  if (parsed.operands.length === 0 && !parsed.flags.has('f')) {
    ctx.err(usageError(name, missing));
    return undefined;
  }
  return parsed;
}

export const mkdir: Program = {
  name: 'mkdir',
  summary: 'make directories (-p: with their parents, no error if they exist)',
  run(ctx) {
    const parsed = needOperands(ctx, 'pv');
    if (!parsed) return 1;
    const { session, err } = ctx;
    let status = 0;
    withFiles(session, (tx) => {
      for (const name of parsed.operands) {
        const fail = (shown: string, code: keyof typeof ERRNO_TEXT) => {
          err(`mkdir: cannot create directory ${quoteLocale(shown)}: ${ERRNO_TEXT[code]}\n`);
          status = 1;
        };
        if (!parsed.flags.has('p')) {
          const r = tx.mkdir(absPath(session, name));
          if (!r.ok) fail(name, r.code);
          continue;
        }
        // Each ancestor in turn, so an error names the component as the learner typed it.
        const parts = name.split('/');
        for (let i = 1; i <= parts.length; i++) {
          const shown = parts.slice(0, i).join('/');
          if (shown === '' || parts[i - 1] === '') continue;
          const path = absPath(session, shown);
          const node = tx.stat(path);
          if (node?.type === 'dir') continue;
          if (node) {
            fail(shown, i === parts.length ? 'EEXIST' : 'ENOTDIR');
            break;
          }
          const r = tx.mkdir(path);
          if (!r.ok) {
            fail(shown, r.code);
            break;
          }
        }
      }
    });
    return status;
  },
};

export const rmdir: Program = {
  name: 'rmdir',
  summary: 'remove empty directories',
  run(ctx) {
    const parsed = needOperands(ctx, '');
    if (!parsed) return 1;
    let status = 0;
    withFiles(ctx.session, (tx) => {
      for (const name of parsed.operands) {
        const path = absPath(ctx.session, name);
        const node = tx.stat(path);
        const r: FsResult<void> =
          node?.type === 'file' ? { ok: false, code: 'ENOTDIR', path } : tx.remove(path);
        if (!r.ok) {
          ctx.err(`rmdir: failed to remove ${quoteAlways(name)}: ${ERRNO_TEXT[r.code]}\n`);
          status = 1;
        }
      }
    });
    return status;
  },
};

export const rm: Program = {
  name: 'rm',
  summary: 'remove files (-r: directories too, -f: no error when missing)',
  run(ctx) {
    const parsed = needOperands(ctx, 'rRfv');
    if (!parsed) return 1;
    const { flags } = parsed;
    const recursive = flags.has('r') || flags.has('R');
    let status = 0;
    withFiles(ctx.session, (tx) => {
      for (const name of parsed.operands) {
        const fail = (why: string) => {
          ctx.err(`rm: ${why}\n`);
          status = 1;
        };
        const base = name.replace(/\/+$/, '').split('/').pop();
        if (base === '.' || base === '..') {
          fail(`refusing to remove '.' or '..' directory: skipping ${quoteAlways(name)}`);
          continue;
        }
        const path = absPath(ctx.session, name);
        if (path === '/' && recursive) {
          fail(`it is dangerous to operate recursively on '/'`);
          fail('use --no-preserve-root to override this failsafe');
          continue;
        }
        const node = tx.stat(path);
        if (node?.type === 'dir' && !recursive) {
          fail(`cannot remove ${quoteAlways(name)}: Is a directory`);
          continue;
        }
        const r = tx.remove(path, { recursive });
        if (r.ok) continue;
        if (flags.has('f') && (r.code === 'ENOENT' || r.code === 'ENOTDIR')) continue;
        fail(`cannot remove ${quoteAlways(name)}: ${ERRNO_TEXT[r.code]}`);
      }
    });
    return status;
  },
};

export const touch: Program = {
  name: 'touch',
  summary: 'create empty files, or update their modification time',
  run(ctx) {
    const parsed = needOperands(ctx, 'c', 'missing file operand');
    if (!parsed) return 1;
    let status = 0;
    withFiles(ctx.session, (tx) => {
      for (const name of parsed.operands) {
        const path = absPath(ctx.session, name);
        if (parsed.flags.has('c') && !tx.stat(path)) continue;
        const r = tx.touch(path);
        if (!r.ok) {
          ctx.err(`touch: cannot touch ${quoteAlways(name)}: ${ERRNO_TEXT[r.code]}\n`);
          status = 1;
        }
      }
    });
    return status;
  },
};
