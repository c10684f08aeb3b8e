// What reached the Git host between two states of it: which branches moved, and the commits that
// came with them. This is the audit trail a change through Git leaves, where a kubectl change
// leaves none.
import type { Files } from '../fs/files';
import { groupKeys, readEntry } from '../k8s/table';
import { hasObject, parseCommit, readObject } from './host';
import type { GitCommitInfo } from './source';

export interface Push {
  /** The repository's address, `https://<host>/<path>.git`. */
  url: string;
  /** The branch (or tag) name, without `refs/heads/`. */
  ref: string;
  /** The SHA it pointed at before, undefined for a new branch. */
  before: string | undefined;
  /** The SHA it points at now, undefined when deleted. */
  after: string | undefined;
  /** Commits that were not on the host before, newest first. */
  commits: GitCommitInfo[];
}

function text(files: Files, dir: string, name: string): string | undefined {
  const node = readEntry(files, dir, name);
  if (node?.type !== 'file') return undefined;
  return typeof node.content === 'string'
    ? node.content
    : new TextDecoderLite().decode(node.content);
}

/** ASCII is all a ref file holds. */
class TextDecoderLite {
  decode(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
  }
}

/** Every branch and tag of every repository on the host: `repo path` → `ref` → SHA. */
function refsOf(files: Files): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const dir of Object.keys(files)) {
    for (const [prefix, kind] of [
      ['/refs/heads', 'heads'],
      ['/refs/tags', 'tags'],
    ] as const) {
      if (!dir.endsWith(prefix) && !dir.includes(`${prefix}/`)) continue;
      const at = dir.indexOf(prefix);
      const repo = dir.slice(0, at);
      if (!repo.endsWith('.git')) continue;
      const sub = dir.slice(at + prefix.length);
      for (const name of groupKeys(files[dir])) {
        const sha = text(files, dir, name)?.trim();
        if (!sha) continue;
        const refs = out.get(repo) ?? new Map<string, string>();
        const short = `${sub ? `${sub.slice(1)}/` : ''}${name}`;
        refs.set(kind === 'heads' ? short : `tags/${short}`, sha);
        out.set(repo, refs);
      }
    }
  }
  return out;
}

/** The pushes that turn `before` into `after`, in repository and ref order. */
export function hostPushes(before: Files, after: Files): Push[] {
  if (before === after) return [];
  const old = refsOf(before);
  const now = refsOf(after);
  const out: Push[] = [];
  for (const repo of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(repo) ?? new Map<string, string>();
    const b = now.get(repo) ?? new Map<string, string>();
    for (const ref of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const from = a.get(ref);
      const to = b.get(ref);
      if (from === to) continue;
      const commits: GitCommitInfo[] = [];
      const seen = new Set<string>();
      const queue = to ? [to] : [];
      while (queue.length > 0 && commits.length < 1000) {
        const sha = queue.shift() as string;
        if (seen.has(sha) || sha === from) continue;
        seen.add(sha);
        // A commit the host already had was pushed before (or is on another branch).
        if (hasObject(before, repo, sha)) continue;
        const o = readObject(after, repo, sha);
        if (o?.type !== 'commit') continue;
        const { tree: _tree, ...info } = parseCommit(sha, o.body);
        commits.push(info);
        queue.push(...info.parents);
      }
      out.push({ url: `https:/${repo}`, ref, before: from, after: to, commits });
    }
  }
  return out;
}
