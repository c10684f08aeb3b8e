// git ls-tree against the same steps run through the real git 2.39: trees of commits, `rev:path`
// and `^{tree}`, paths limiting the listing, -r/-t/-d/-l, names relative to the current directory.
// Formats: git 2.39 builtin/ls-tree.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import { gitSession } from '../testing';

async function compare(script: readonly string[]) {
  const { session, run } = gitSession();
  const real = runRealGit(script, Math.floor(session.world.now / 1000));
  for (const [i, c] of script.entries()) {
    const o = await run(c);
    expect({ c, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
      c,
      ...real[i],
    });
  }
}

describe('git ls-tree', () => {
  it('lists a tree as git does', async () => {
    await compare([
      'mkdir app && cd app && git init -q && mkdir -p a/b d && echo 1 > a/b/c && echo 2 > a/x && echo 3 > top && echo 4 > d/e && git add . && git commit -q -m m',
      'git ls-tree HEAD',
      'git ls-tree HEAD a',
      'git ls-tree HEAD a/',
      'git ls-tree HEAD a/b/c',
      'git ls-tree -r HEAD a',
      'git ls-tree -t HEAD a/b/c',
      'git ls-tree -d HEAD',
      'git ls-tree -r -t HEAD',
      'git ls-tree -l HEAD',
      'git ls-tree HEAD nope',
      'git ls-tree nope',
      'git ls-tree',
      'git ls-tree HEAD:a',
      'git ls-tree HEAD^{tree}',
      'cd a && git ls-tree HEAD && cd ..',
      'cd a && git ls-tree --full-tree HEAD && cd ..',
      'cd a && git ls-tree -r HEAD ../d && cd ..',
      'cd a && git ls-tree --full-name -r HEAD && git ls-tree -d HEAD && git ls-tree -r -d HEAD && git ls-tree -t HEAD b/c && cd ..',
      'git ls-tree -r --name-only HEAD',
      'git ls-tree HEAD top d',
      'git ls-tree -rl HEAD',
      'git ls-tree --abbrev -r HEAD',
      'git ls-tree -r -d HEAD',
      'git ls-tree --object-only HEAD',
      'git ls-tree -x HEAD',
      'git ls-tree --bogus HEAD',
      'git ls-tree main d/',
      'git ls-tree HEAD~1',
      'git ls-tree -d HEAD a/b/c',
      'git ls-tree -d -t HEAD a/b/c',
      'git ls-tree -d HEAD a/',
      'git ls-tree -r -d HEAD',
    ]);
  }, 30_000);
});
