// The Git host's repositories as the cluster's controllers see them: read synchronously from the
// bare repositories' loose objects and refs (the CLI writes them through isomorphic-git).
import { strFromU8, unzlibSync } from 'fflate';
import type { Files } from '../fs/files';
import { groupKeys, readEntry } from '../k8s/table';
import type { GitCommitInfo, GitSource, Resolved } from './source';

/**
 * Where the repository a URL names lives on the host: `https://github.com/team/app.git` →
 * `/github.com/team/app.git`. Hosting services answer with or without the `.git` suffix.
 * Undefined for a URL that is not an http(s) repository address.
 */
export function repoPath(url: string): string | undefined {
  const m = /^https?:\/\/([^/@\s]+@)?([^/\s]+)\/([^\s?#]+?)\/*$/.exec(url.trim());
  if (!m) return undefined;
  const host = (m[2] as string).toLowerCase();
  const path = (m[3] as string).replace(/\.git$/, '');
  if (path.split('/').some((p) => p === '' || p === '.' || p === '..')) return undefined;
  return `/${host}/${path}.git`;
}

function fileBytes(files: Files, path: string): Uint8Array | string | undefined {
  const i = path.lastIndexOf('/');
  const node = readEntry(files, i <= 0 ? '/' : path.slice(0, i), path.slice(i + 1));
  return node?.type === 'file' ? node.content : undefined;
}

function fileText(files: Files, path: string): string | undefined {
  const c = fileBytes(files, path);
  return c === undefined ? undefined : typeof c === 'string' ? c : strFromU8(c);
}

interface RawObject {
  type: string;
  body: Uint8Array;
}

/** Whether the repository holds the object (read from the files, not the shared cache). */
export function hasObject(files: Files, repo: string, sha: string): boolean {
  return fileBytes(files, `${repo}/objects/${sha.slice(0, 2)}/${sha.slice(2)}`) !== undefined;
}

// Objects are named by their content, so one cache serves every repository and every world.
const objectCache = new Map<string, RawObject>();
const CACHE_LIMIT = 20_000;

export function readObject(files: Files, repo: string, sha: string): RawObject | undefined {
  const cached = objectCache.get(sha);
  if (cached) return cached;
  const stored = fileBytes(files, `${repo}/objects/${sha.slice(0, 2)}/${sha.slice(2)}`);
  if (stored === undefined || typeof stored === 'string') return undefined;
  const raw = unzlibSync(stored);
  const nul = raw.indexOf(0);
  const header = strFromU8(raw.subarray(0, nul));
  const object = { type: header.split(' ')[0] as string, body: raw.subarray(nul + 1) };
  if (objectCache.size >= CACHE_LIMIT) objectCache.clear();
  objectCache.set(sha, object);
  return object;
}

export function parseCommit(sha: string, body: Uint8Array): GitCommitInfo & { tree: string } {
  const text = strFromU8(body);
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text : text.slice(0, blank);
  const message = blank < 0 ? '' : text.slice(blank + 2);
  let tree = '';
  const parents: string[] = [];
  let author: GitCommitInfo['author'] = { name: '', email: '', timestamp: 0, timezoneOffset: 0 };
  for (const line of head.split('\n')) {
    if (line.startsWith('tree ')) tree = line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
    else if (line.startsWith('author ')) {
      const m = /^author (.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
      if (m) {
        const minutes = Number(m[5]) * 60 + Number(m[6]);
        author = {
          name: m[1] as string,
          email: m[2] as string,
          timestamp: Number(m[3]),
          // isomorphic-git's convention: minutes *behind* UTC, so +0100 is -60.
          timezoneOffset: m[4] === '-' ? minutes : -minutes,
        };
      }
    }
  }
  return { sha, tree, parents, author, message };
}

export interface TreeEntry {
  mode: string;
  name: string;
  sha: string;
}

export function parseTree(body: Uint8Array): TreeEntry[] {
  const out: TreeEntry[] = [];
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    const nul = body.indexOf(0, space);
    const mode = strFromU8(body.subarray(i, space));
    const name = strFromU8(body.subarray(space + 1, nul));
    let sha = '';
    for (let j = nul + 1; j < nul + 21; j++)
      sha += (body[j] as number).toString(16).padStart(2, '0');
    out.push({ mode, name, sha });
    i = nul + 21;
  }
  return out;
}

/** The SHA a ref name points at in a bare repository (following `ref:` links and packed-refs). */
function readRef(files: Files, repo: string, ref: string, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  const text = fileText(files, `${repo}/${ref}`);
  if (text !== undefined) {
    const t = text.trim();
    return t.startsWith('ref: ') ? readRef(files, repo, t.slice(5), depth + 1) : t;
  }
  const packed = fileText(files, `${repo}/packed-refs`);
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha) return sha;
  }
  return undefined;
}

function listLooseObjects(files: Files, repo: string, prefix: string): string[] {
  const out: string[] = [];
  for (const name of groupKeys(files[`${repo}/objects/${prefix.slice(0, 2)}`])) {
    const sha = prefix.slice(0, 2) + name;
    if (sha.startsWith(prefix)) out.push(sha);
  }
  return out;
}

/** Resolves a revision the way `git rev-parse` does for the names Argo CD accepts. */
export function resolveRevision(files: Files, repo: string, revision: string): string | undefined {
  const rev = revision === '' ? 'HEAD' : revision;
  const candidates =
    rev === 'HEAD'
      ? ['HEAD']
      : rev.startsWith('refs/')
        ? [rev]
        : [`refs/heads/${rev}`, `refs/tags/${rev}`];
  for (const ref of candidates) {
    let sha = readRef(files, repo, ref);
    // An annotated tag points at a tag object; peel it to its commit.
    for (let i = 0; sha && i < 5; i++) {
      const o = readObject(files, repo, sha);
      if (o?.type !== 'tag') break;
      sha = /^object ([0-9a-f]{40})/.exec(strFromU8(o.body))?.[1];
    }
    if (sha) return sha;
  }
  if (/^[0-9a-f]{4,40}$/.test(rev)) {
    const matches = listLooseObjects(files, repo, rev).filter(
      (sha) => readObject(files, repo, sha)?.type === 'commit',
    );
    if (matches.length === 1) return matches[0];
  }
  return undefined;
}

function treeAt(files: Files, repo: string, tree: string, path: string): string | undefined {
  let at = tree;
  for (const part of path.split('/').filter((p) => p !== '' && p !== '.')) {
    const o = readObject(files, repo, at);
    if (o?.type !== 'tree') return undefined;
    const entry = parseTree(o.body).find((e) => e.name === part);
    if (!entry) return undefined;
    at = entry.sha;
  }
  return readObject(files, repo, at)?.type === 'tree' ? at : undefined;
}

function collect(
  files: Files,
  repo: string,
  tree: string,
  prefix: string,
  out: Map<string, string>,
): void {
  const o = readObject(files, repo, tree);
  if (o?.type !== 'tree') return;
  for (const e of parseTree(o.body)) {
    const path = prefix + e.name;
    if (e.mode === '40000') collect(files, repo, e.sha, `${path}/`, out);
    else if (e.mode !== '160000') {
      const blob = readObject(files, repo, e.sha);
      if (blob?.type === 'blob') out.set(path, strFromU8(blob.body));
    }
  }
}

export function hostSource(hosts: Files): GitSource {
  const exists = (repo: string) => fileText(hosts, `${repo}/HEAD`) !== undefined;
  return {
    resolve(url, revision): Resolved {
      const repo = repoPath(url);
      if (!repo || !exists(repo)) return { ok: false, error: 'repository-not-found' };
      const sha = resolveRevision(hosts, repo, revision);
      const o = sha ? readObject(hosts, repo, sha) : undefined;
      if (!sha || o?.type !== 'commit') return { ok: false, error: 'revision-not-found' };
      const { tree: _tree, ...commit } = parseCommit(sha, o.body);
      return { ok: true, commit };
    },
    files(url, sha, path) {
      const repo = repoPath(url);
      if (!repo) return undefined;
      const o = readObject(hosts, repo, sha);
      if (o?.type !== 'commit') return undefined;
      const tree = treeAt(hosts, repo, parseCommit(sha, o.body).tree, path);
      if (!tree) return undefined;
      const out = new Map<string, string>();
      collect(hosts, repo, tree, '', out);
      return out;
    },
  };
}
