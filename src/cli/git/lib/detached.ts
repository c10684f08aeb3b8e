// A detached HEAD as checkout reports it: git's advice on detaching, the commits left behind
// when leaving one, and the reflog lines that `checkout -` and `git branch` read back.
// Formats: git 2.39 advice.c, builtin/checkout.c (orphaned_commit_warning), reflog format.
import type { GitContext } from '../common';
import { git, identity } from '../common';
import { readGitFile, writeGitFile } from './repo';
import { subjectOf } from './rev';

export const DETACHED_ADVICE = (name: string) => `Note: switching to '${name}'.

You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false

`;

/** Commits only a detached HEAD reaches, newest first. */
export async function orphans(g: GitContext, dir: string, head: string): Promise<string[]> {
  const reachable = new Set<string>();
  const walk = async (start: string, into: Set<string>, stop?: Set<string>) => {
    const todo = [start];
    while (todo.length > 0) {
      const oid = todo.pop()!;
      if (into.has(oid) || stop?.has(oid)) continue;
      into.add(oid);
      const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
      todo.push(...commit.parent);
    }
  };
  for (const ref of await git.listRefs({ fs: g.fs, dir, filepath: 'refs' })) {
    const oid = await git.resolveRef({ fs: g.fs, dir, ref: `refs/${ref}` }).catch(() => undefined);
    if (oid) await walk(oid, reachable).catch(() => undefined);
  }
  const lost = new Set<string>();
  await walk(head, lost, reachable);
  const out: { oid: string; time: number }[] = [];
  for (const oid of lost) {
    const { commit } = await git.readCommit({ fs: g.fs, dir, oid });
    out.push({ oid, time: commit.committer.timestamp });
  }
  // Newest first; the walk order breaks ties (a child before its parent).
  return out
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.time - a.time || a.i - b.i)
    .map((c) => c.oid);
}

export async function leavingBehind(g: GitContext, dir: string, lost: string[]): Promise<string> {
  const n = lost.length;
  let out = `Warning: you are leaving ${n} commit${n === 1 ? '' : 's'} behind, not connected to\nany of your branches:\n\n`;
  for (const oid of lost.slice(0, n > 5 ? 4 : 5))
    out += `  ${oid.slice(0, 7)} ${await subjectOf(g, dir, oid)}\n`;
  if (n > 5) out += ` ... and ${n - 4} more.\n`;
  out += `\nIf you want to keep ${n === 1 ? 'it' : 'them'} by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> ${lost[0]!.slice(0, 7)}\n\n`;
  return out;
}

/** Appends git's reflog line for the move, which `checkout -` reads back. */
export async function logCheckout(
  g: GitContext,
  dir: string,
  oldHead: string | undefined,
  to: string | undefined,
  fromName: string | undefined,
  toName: string,
) {
  const who = await identity(g, dir);
  if (!who || !oldHead) return;
  const line = `${oldHead} ${to ?? oldHead} ${who.name} <${who.email}> ${g.seconds} +0000\tcheckout: moving from ${fromName ?? oldHead} to ${toName}\n`;
  writeGitFile(g, dir, 'logs/HEAD', (readGitFile(g, dir, 'logs/HEAD') ?? '') + line);
}

/** `-`: where the last checkout came from. */
export function previous(g: GitContext, dir: string): string | undefined {
  const lines = (readGitFile(g, dir, 'logs/HEAD') ?? '').split('\n').reverse();
  for (const l of lines) {
    const m = /\tcheckout: moving from (\S+) to \S+$/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}
