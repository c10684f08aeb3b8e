// The labels follow git 2.39 wt-status.c; the scenario's stages were checked with real git
// (`git ls-files -s` after the same merge).
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import { createSession, runHeadlessAsync } from '../../shell/shell';
import { seedWorkspace } from '../../shell/workspace';
import type { GitContext } from '../common';
import { gitFs } from '../fs';
import { inProgress, unmergedPaths } from './state';

describe('unmergedPaths', () => {
  it('names each conflict as git status does', async () => {
    const s = createSession();
    const sh = (t: string) => runHeadlessAsync(s, t, registry);
    seedWorkspace(s, [
      ['r/f', '1\n2\n3\n'],
      ['r/gone', 'x\n'],
    ]);
    await sh('cd r && git init -q && git add . && git commit -q -m one');
    await sh('git switch -q -c feat');
    seedWorkspace(s, [
      ['r/f', '1\nTWO\n3\n'],
      ['r/gone', 'xx\n'],
      ['r/new', 'theirs\n'],
    ]);
    await sh('git add . && git commit -q -m feat');
    await sh('git switch -q main && git rm -q gone');
    seedWorkspace(s, [
      ['r/f', '1\ndeux\n3\n'],
      ['r/new', 'ours!\n'],
    ]);
    await sh('git add . && git commit -q -m main');
    expect((await sh('git merge feat')).exitCode).toBe(1);
    const store = { files: s.world.files, now: s.world.now };
    const g = { store, fs: gitFs(store) } as unknown as GitContext;
    const dir = '/home/learner/r';
    expect(await unmergedPaths(g, dir)).toEqual([
      { path: 'f', label: 'both modified', code: 'UU' },
      { path: 'gone', label: 'deleted by us', code: 'DU' },
      { path: 'new', label: 'both added', code: 'AA' },
    ]);
    expect(inProgress(g, dir)).toBe('merge');
    await sh('git merge --abort');
    const after = { files: s.world.files, now: s.world.now };
    const g2 = { store: after, fs: gitFs(after) } as unknown as GitContext;
    expect(await unmergedPaths(g2, dir)).toEqual([]);
    expect(inProgress(g2, dir)).toBeUndefined();
  });
});
