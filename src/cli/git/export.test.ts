// The exported zip must be a repository real git reads: checked here by unzipping it on disk and
// running git 2.39's own `git log --oneline` and `git status --short` (builtin/log.c, wt-status.c).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../../engine/fs/files';
import type { Session } from '../program';
import { registry } from '../programs';
import { createSession, runHeadlessAsync } from '../shell/shell';
import { git } from './common';
import { exportName, exportRepository } from './export';
import { gitFs } from './fs';

const HOME = '/home/learner';
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function commitAll(s: Session, dir: string, message: string) {
  const store = { files: s.world.files, now: s.world.now };
  const fs = gitFs(store);
  const files = walkFiles(store.files, dir)
    .map((p) => p.slice(dir.length + 1))
    .filter((p) => !p.startsWith('.git/'));
  for (const filepath of files) await git.add({ fs, dir, filepath });
  const who = {
    name: 'Learner',
    email: 'learner@example.com',
    timestamp: 1_700_000_000,
    timezoneOffset: 0,
  };
  const sha = await git.commit({ fs, dir, message, author: who, committer: who });
  s.world = { ...s.world, files: store.files };
  return sha;
}

function unzipTo(zip: Uint8Array): string {
  const root = mkdtempSync(join(tmpdir(), 'export-'));
  temps.push(root);
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    const path = join(root, name);
    if (name.endsWith('/')) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  }
  return root;
}

const realGit = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
      GIT_CEILING_DIRECTORIES: dirname(cwd),
    },
  });

describe('exportRepository', () => {
  it('names the folder after the repository', () => {
    expect(exportName('/home/learner/app')).toBe('app');
    expect(exportName('/')).toBe('repository');
  });

  it('gives a zip that real git reads: log, and a clean status', async () => {
    const s = createSession();
    for (const line of [
      'mkdir -p app/my-app',
      'cd app',
      'git init -q',
      'echo "a: 1" > my-app/deployment.yaml',
    ])
      await runHeadlessAsync(s, line, registry);
    const first = await commitAll(s, `${HOME}/app`, 'Add the deployment');
    await runHeadlessAsync(s, 'echo "b: 2" > my-app/service.yaml', registry);
    const second = await commitAll(s, `${HOME}/app`, 'Add the service');
    await runHeadlessAsync(s, 'git remote add origin https://github.com/team/app.git', registry);
    await runHeadlessAsync(s, 'git push -q -u origin main', registry);

    const root = unzipTo(exportRepository(s.world.files, `${HOME}/app`));
    const repo = join(root, 'app');
    expect(realGit(repo, 'log', '--oneline', '--decorate')).toBe(
      `${second.slice(0, 7)} (HEAD -> main, origin/main) Add the service\n${first.slice(0, 7)} Add the deployment\n`,
    );
    expect(realGit(repo, 'status', '--short')).toBe('');
    expect(realGit(repo, 'fsck', '--strict')).toBe('');
  });

  it('shows uncommitted work as git status does', async () => {
    const s = createSession();
    for (const line of ['mkdir app', 'cd app', 'git init -q', 'echo one > a.txt'])
      await runHeadlessAsync(s, line, registry);
    await commitAll(s, `${HOME}/app`, 'one');
    await runHeadlessAsync(s, 'echo two >> a.txt', registry);
    await runHeadlessAsync(s, 'echo new > b.txt', registry);
    const repo = join(unzipTo(exportRepository(s.world.files, `${HOME}/app`)), 'app');
    expect(realGit(repo, 'status', '--short')).toBe(' M a.txt\n?? b.txt\n');
  });
});
