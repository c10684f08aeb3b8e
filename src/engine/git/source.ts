// What the cluster's controllers may read from the simulated Git host: commits and the files in
// them. The host itself keeps real Git objects; this is the synchronous, read-only view of them.

export interface GitCommitInfo {
  sha: string;
  parents: readonly string[];
  author: { name: string; email: string; timestamp: number; timezoneOffset: number };
  message: string;
}

export type Resolved =
  | { ok: true; commit: GitCommitInfo }
  | { ok: false; error: 'repository-not-found' | 'revision-not-found' };

export interface GitSource {
  /** Resolves a branch, tag, `HEAD` or (abbreviated) SHA of the repository at `url`. */
  resolve(url: string, revision: string): Resolved;
  /**
   * The files under `path` ('' or '.' for the root) at commit `sha`, keyed by their path relative
   * to `path`, with their text; undefined when the path does not exist in that commit.
   */
  files(url: string, sha: string, path: string): ReadonlyMap<string, string> | undefined;
}

/** A host with no repositories. */
export const NO_GIT: GitSource = {
  resolve: () => ({ ok: false, error: 'repository-not-found' }),
  files: () => undefined,
};
