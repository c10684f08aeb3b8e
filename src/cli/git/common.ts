// What every git subcommand shares: where the repository is, who the learner is, the files
// isomorphic-git works on, and git's ways of saying things.
import './buffer';
import git from 'isomorphic-git';
import { readFile, resolvePath, statPath } from '../../engine/fs/files';
import type { ProgramContext } from '../program';

import type { FileStore } from './fs';
import { gitFs } from './fs';

export { git };

export interface Identity {
  name: string;
  email: string;
}

export interface GitContext {
  ctx: ProgramContext;
  /** The subcommand's own arguments (after its name). */
  args: string[];
  cwd: string;
  /** The learner's files, as isomorphic-git sees them. */
  store: FileStore;
  fs: ReturnType<typeof gitFs>;
  /** The hosting service's repositories. */
  host: FileStore;
  hostFs: ReturnType<typeof gitFs>;
  /** Seconds since the epoch, for commits. */
  seconds: number;
  /** `git -c name=value` settings, by lower-case section and key (`user.name`). */
  overrides?: Map<string, string>;
  out(text: string): void;
  err(text: string): void;
}

export type GitCommand = (g: GitContext) => Promise<number>;

/** git's exit status for fatal errors. */
export const FATAL = 128;

export function fatal(g: GitContext, message: string): number {
  g.err(`fatal: ${message}\n`);
  return FATAL;
}

export const NOT_A_REPO = 'not a git repository (or any of the parent directories): .git';

/** The top of the work tree containing `cwd`, as git discovers it, or undefined. */
export function findWorkTree(g: GitContext, from = g.cwd): string | undefined {
  let at = from;
  for (;;) {
    const dotgit = statPath(g.store.files, at === '/' ? '/.git' : `${at}/.git`);
    if (dotgit?.type === 'dir') return at;
    if (at === '/') return undefined;
    at = at.slice(0, at.lastIndexOf('/')) || '/';
  }
}

/** `$HOME/.gitconfig`'s value for `section.key` (the learner's global configuration). */
export function globalConfig(g: GitContext, key: string): string | undefined {
  const home = g.ctx.session.env['HOME'] ?? '/home/learner';
  const text = readFile(g.store.files, resolvePath(home, '.gitconfig'));
  if (!text.ok) return undefined;
  return configValue(text.value, key);
}

/** Reads a value from git-config text (the last one wins, as git does). */
export function configValue(text: string, key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  const section = key.slice(0, dot).toLowerCase();
  const name = key.slice(dot + 1).toLowerCase();
  let current = '';
  let value: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^\[\s*([^\]\s"]+)(?:\s+"([^"]*)")?\s*\]$/.exec(line);
    if (header) {
      current =
        header[2] === undefined
          ? header[1]!.toLowerCase()
          : `${header[1]!.toLowerCase()}.${header[2]}`;
      continue;
    }
    const kv = /^([A-Za-z][-A-Za-z0-9]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (kv && current === section && kv[1]!.toLowerCase() === name) {
      value = (kv[2] ?? 'true').replace(/^"(.*)"$/, '$1');
    }
  }
  return value;
}

/** The canonical form of a config key: section and key in lower case, a subsection as written. */
export function configKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  const section = key.slice(0, first).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  return first === last ? `${section}.${name}` : `${section}.${key.slice(first + 1, last)}.${name}`;
}

/** A setting as git resolves it: `git -c` first, then the repository's config, then the global. */
export async function configGet(g: GitContext, dir: string, key: string) {
  const override = g.overrides?.get(configKey(key));
  if (override !== undefined) return override;
  const local = (await git.getConfig({ fs: g.fs, dir, path: key }).catch(() => undefined)) as
    string | undefined;
  return local ?? globalConfig(g, key);
}

/**
 * Who the author or the committer of a new commit is: GIT_AUTHOR_NAME / GIT_COMMITTER_NAME (and
 * _EMAIL) from the environment, else `author.name` / `committer.name`, else `user.name` (each
 * from `git -c`, the repository's config or the global config); EMAIL is the last resort.
 */
export async function identity(
  g: GitContext,
  dir: string,
  role: 'author' | 'committer' = 'committer',
): Promise<Identity | undefined> {
  const env = g.ctx.session.env;
  const upper = role.toUpperCase();
  const name =
    env[`GIT_${upper}_NAME`] ??
    (await configGet(g, dir, `${role}.name`)) ??
    (await configGet(g, dir, 'user.name'));
  const email =
    env[`GIT_${upper}_EMAIL`] ??
    (await configGet(g, dir, `${role}.email`)) ??
    (await configGet(g, dir, 'user.email')) ??
    env['EMAIL'];
  return name && email ? { name, email } : undefined;
}

/** A commit's author or committer stamp at the world's time (the machine runs on UTC). */
export function stamp(g: GitContext, who: Identity) {
  return { ...who, timestamp: g.seconds, timezoneOffset: 0 };
}

/** Path of `abs` relative to `from`, as git prints paths relative to the current directory. */
export function relativePath(from: string, abs: string): string {
  const a = from.split('/').filter(Boolean);
  const b = abs.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** git's default date format: `Sat Nov 28 08:04:42 2026 +0000`. */
export function gitDate(seconds: number, timezoneOffset = 0): string {
  const d = new Date((seconds - timezoneOffset * 60) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -timezoneOffset;
  const sign = off < 0 ? '-' : '+';
  const tz = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${tz}`;
}

export const shortSha = (sha: string) => sha.slice(0, 7);

/** The branch HEAD is on, or undefined when detached. */
export async function currentBranch(g: GitContext, dir: string): Promise<string | undefined> {
  return (await git.currentBranch({ fs: g.fs, dir, fullname: false })) ?? undefined;
}

/** The commit HEAD points at, or undefined before the first commit. */
export async function headCommit(g: GitContext, dir: string): Promise<string | undefined> {
  return git.resolveRef({ fs: g.fs, dir, ref: 'HEAD' }).catch(() => undefined);
}
