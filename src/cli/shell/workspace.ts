// Files a session starts with, placed in the learner's home directory (the shell starts there),
// so that `kubectl apply -f my-app/` finds them: `npm run sim -- --workspace DIR`, lessons.
import { resolvePath, splitPath, type FsResult } from '../../engine/fs/files';
import type { Session } from '../program';
import { withFiles } from '../program';

/** Copies `files` (paths relative to the home directory, `/`-separated) into the session. */
export function seedWorkspace(
  session: Session,
  files: readonly (readonly [path: string, content: string])[],
): FsResult<void> {
  const home = session.env['HOME'] ?? '/';
  return withFiles(session, (tx): FsResult<void> => {
    for (const [relative, content] of files) {
      const path = resolvePath(home, relative);
      const made = tx.mkdir(splitPath(path)[0], { parents: true });
      if (!made.ok) return made;
      const written = tx.writeFile(path, content);
      if (!written.ok) return written;
    }
    return { ok: true, value: undefined };
  });
}
