// What `git status` says about a stopped merge or revert: the conflicted paths with git's labels
// for each combination of index stages, and which operation is in progress. Formats: git 2.39
// wt-status.c (wt_status_unmerged_status_string, short-format codes).
import { statPath } from '../../../engine/fs/files';
import type { GitContext } from '../common';
import { readIndex } from './gitindex';
import { gitFile } from './repo';

export interface Unmerged {
  path: string;
  /** `both modified`, `deleted by them` … as the long format prints them. */
  label: string;
  /** `UU`, `UD` … as `git status --short` prints them. */
  code: string;
}

// Keyed by which stages are present: 1 base, 2 ours, 3 theirs.
const KINDS: Record<string, [string, string]> = {
  '1': ['both deleted', 'DD'],
  '2': ['added by us', 'AU'],
  '12': ['deleted by them', 'UD'],
  '3': ['added by them', 'UA'],
  '13': ['deleted by us', 'DU'],
  '23': ['both added', 'AA'],
  '123': ['both modified', 'UU'],
};

export async function unmergedPaths(g: GitContext, dir: string): Promise<Unmerged[]> {
  const stages = new Map<string, Set<number>>();
  for (const e of await readIndex(g, dir)) {
    if (e.stage === 0) continue;
    stages.set(e.path, (stages.get(e.path) ?? new Set()).add(e.stage));
  }
  return [...stages]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, s]) => {
      const [label, code] = KINDS[[...s].sort().join('')] ?? ['both modified', 'UU'];
      return { path, label, code };
    });
}

/** The operation a conflict stopped, if any: `merge` (MERGE_HEAD) or `revert` (REVERT_HEAD). */
export function inProgress(g: GitContext, dir: string): 'merge' | 'revert' | undefined {
  if (statPath(g.store.files, gitFile(dir, 'MERGE_HEAD'))) return 'merge';
  if (statPath(g.store.files, gitFile(dir, 'REVERT_HEAD'))) return 'revert';
  return undefined;
}
