// The patch text `git log -p` prints for a commit's changes: git's `diff --git` headers and
// unified hunks with three lines of context.
import { structuredPatch } from 'diff';
import type { GitContext } from '../common';
import type { FileChange } from '../tree';
import { blobText } from '../tree';

export async function formatPatch(
  g: GitContext,
  dir: string,
  changes: readonly FileChange[],
): Promise<string> {
  let out = '';
  for (const c of changes) {
    const a = c.before ? await blobText(g, dir, c.before.oid) : '';
    const b = c.after ? await blobText(g, dir, c.after.oid) : '';
    out += `diff --git a/${c.path} b/${c.path}\n`;
    if (!c.before && c.after) out += `new file mode ${c.after.mode}\n`;
    if (c.before && !c.after) out += `deleted file mode ${c.before.mode}\n`;
    const short = (oid?: string) => (oid ?? '0000000').slice(0, 7);
    out += `index ${short(c.before?.oid)}..${short(c.after?.oid)}${c.before && c.after ? ` ${c.after.mode}` : ''}\n`;
    out += `--- ${c.before ? `a/${c.path}` : '/dev/null'}\n+++ ${c.after ? `b/${c.path}` : '/dev/null'}\n`;
    const p = structuredPatch('', '', a, b, '', '', { context: 3 });
    for (const h of p.hunks) {
      const range = (start: number, lines: number) =>
        lines === 1 ? `${start}` : `${lines === 0 ? start : start},${lines}`;
      out += `@@ -${range(h.oldLines === 0 ? h.oldStart - 1 : h.oldStart, h.oldLines)} +${range(h.newLines === 0 ? h.newStart - 1 : h.newStart, h.newLines)} @@\n`;
      for (const line of h.lines) out += line.startsWith('\\') ? `${line}\n` : `${line}\n`;
    }
  }
  return out;
}
