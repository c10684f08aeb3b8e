// Formats from git 2.39.5: builtin/fetch.c (format_display: `   a..b  main       -> origin/main`,
// ` * branch            main       -> FETCH_HEAD`, `From <url without .git>`), builtin/pull.c (the
// divergent-branches hint, "There is no tracking information"), builtin/merge.c ("Updating a..b",
// "Fast-forward", "Merge made by the 'ort' strategy."), diff.c (the diffstat), builtin/clone.c
// ("Cloning into", the empty-repository warning), and http.c's 404 answer (`repository '<url>/' not
// found`). Checked against git 2.39.5 on a local bare repository.
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../../../engine/fs/files';
import type { Session } from '../../program';
import { registry } from '../../programs';
import { createSession, runHeadlessAsync } from '../../shell/shell';
import { git } from '../common';
import { gitFs } from '../fs';
import { aheadBehind } from '../transfer';

const HOME = '/home/learner';
const URL = 'https://github.com/team/app.git';

/** Commits every file of the work tree (history set up directly, not through `git commit`). */
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
    timestamp: Math.floor(s.world.now / 1000),
    timezoneOffset: 0,
  };
  const sha = await git.commit({ fs, dir, message, author: who, committer: who });
  s.world = { ...s.world, files: store.files };
  return sha;
}

const sh = (s: Session, line: string) => runHeadlessAsync(s, line, registry);

/** ~/app pushed to URL, and a teammate's clone of it in ~/mate. */
async function twoClones() {
  const s = createSession();
  for (const line of [
    'mkdir -p app/my-app',
    'cd app',
    'git init -q',
    'echo "a: 1" > my-app/deployment.yaml',
    'echo "b: 2" > my-app/service.yaml',
  ])
    await sh(s, line);
  await commitAll(s, `${HOME}/app`, 'first');
  await sh(s, `git remote add origin ${URL}`);
  await sh(s, 'git push -q -u origin main');
  await sh(s, 'cd ~');
  await sh(s, `git clone -q ${URL} mate`);
  return s;
}

const ctxFor = (s: Session) => {
  const store = { files: s.world.files, now: s.world.now };
  return {
    ctx: { session: s } as never,
    args: [],
    cwd: HOME,
    store,
    fs: gitFs(store),
    host: { files: s.world.hosts, now: s.world.now },
    hostFs: gitFs({ files: s.world.hosts, now: s.world.now }),
    seconds: 0,
    out: () => {},
    err: () => {},
  };
};

describe('git clone', () => {
  it('refuses a destination that exists and is not empty', async () => {
    const s = await twoClones();
    const r = await sh(s, `git clone ${URL}`);
    expect(r.exitCode).toBe(128);
    expect(r.stderr).toBe(
      "fatal: destination path 'app' already exists and is not an empty directory.\n",
    );
  });

  it('prints the transfer and leaves a working repository', async () => {
    const s = await twoClones();
    await sh(s, 'cd ~');
    const r = await sh(s, `git clone ${URL} copy`);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(
      /^Cloning into 'copy'\.\.\.\nremote: Enumerating objects: 5, done\.\nremote: Counting objects: 100% \(5\/5\), done\.\nremote: Compressing objects: 100% \(2\/2\), done\.\nremote: Total 5 \(delta 0\), reused 0 \(delta 0\), pack-reused 0\nReceiving objects: 100% \(5\/5\), (\d+) bytes \| \1\.00 KiB\/s, done\.\n$/,
    );
    expect((await sh(s, 'cat copy/my-app/service.yaml')).stdout).toBe('b: 2\n');
    expect((await sh(s, 'git -C copy remote -v')).stdout).toBe(
      `origin\t${URL} (fetch)\norigin\t${URL} (push)\n`,
    );
    const g = ctxFor(s);
    expect(await aheadBehind(g, `${HOME}/copy`, 'main')).toEqual({
      upstream: 'origin/main',
      gone: false,
      ahead: 0,
      behind: 0,
    });
  });

  it('fails as git does over https for a missing repository, and warns for an empty one', async () => {
    const s = createSession();
    const r = await sh(s, 'git clone https://github.com/team/nope.git');
    expect([r.exitCode, r.stderr]).toEqual([
      128,
      "Cloning into 'nope'...\nremote: Repository not found.\nfatal: repository 'https://github.com/team/nope.git/' not found\n",
    ]);
    expect((await sh(s, 'ls')).stdout).toBe('');
    const none = await sh(s, 'git clone');
    expect([none.exitCode, none.stderr.split('\n')[0]]).toEqual([
      129,
      'fatal: You must specify a repository to clone.',
    ]);
  });
});

describe('git fetch and git pull', () => {
  it('fetches a teammate’s commit, then fast-forwards with pull', async () => {
    const s = await twoClones();
    await sh(s, 'echo z > mate/z.txt');
    await commitAll(s, `${HOME}/mate`, 'from a teammate');
    await sh(s, 'cd mate');
    await sh(s, 'git push -q');
    await sh(s, 'cd ../app');
    const f = await sh(s, 'git fetch');
    expect(f.stderr).toMatch(
      /^remote: Enumerating objects: 4, done\.\nremote: Counting objects: 100% \(4\/4\), done\.\nremote: Compressing objects: 100% \(2\/2\), done\.\nremote: Total 3 \(delta 0\), reused 0 \(delta 0\), pack-reused 0\nUnpacking objects: 100% \(3\/3\), \d+ bytes \| [\d.]+ KiB\/s, done\.\nFrom https:\/\/github\.com\/team\/app\n {3}([0-9a-f]{7})\.\.([0-9a-f]{7}) {2}main {7}-> origin\/main\n$/,
    );
    expect(await aheadBehind(ctxFor(s), `${HOME}/app`, 'main')).toMatchObject({
      ahead: 0,
      behind: 1,
    });
    expect((await sh(s, 'git fetch')).stderr).toBe('');
    const p = await sh(s, 'git pull');
    expect(p.exitCode).toBe(0);
    expect(p.stdout).toMatch(
      /^Updating [0-9a-f]{7}\.\.[0-9a-f]{7}\nFast-forward\n z\.txt \| 1 \+\n 1 file changed, 1 insertion\(\+\)\n create mode 100644 z\.txt\n$/,
    );
    expect((await sh(s, 'cat z.txt')).stdout).toBe('z\n');
    expect((await sh(s, 'git pull')).stdout).toBe('Already up to date.\n');
    const named = await sh(s, 'git pull origin main');
    expect(named.stderr).toBe(
      'From https://github.com/team/app\n * branch            main       -> FETCH_HEAD\n',
    );
  });

  it('refuses divergent branches without a choice, merges with --no-rebase', async () => {
    const s = await twoClones();
    await sh(s, 'echo z > mate/z.txt');
    await commitAll(s, `${HOME}/mate`, 'from a teammate');
    await sh(s, 'cd mate');
    await sh(s, 'git push -q');
    await sh(s, 'cd ../app');
    await sh(s, 'echo w > w.txt');
    await commitAll(s, `${HOME}/app`, 'mine');
    const p = await sh(s, 'git pull -q');
    expect(p.exitCode).toBe(128);
    expect(p.stderr).toMatch(
      /^hint: You have divergent branches and need to specify how to reconcile them\.\n[^]*\nfatal: Need to specify how to reconcile divergent branches\.\n$/,
    );
    expect(await aheadBehind(ctxFor(s), `${HOME}/app`, 'main')).toMatchObject({
      ahead: 1,
      behind: 1,
    });
    const ffOnly = await sh(s, 'git pull --ff-only');
    expect([ffOnly.exitCode, ffOnly.stderr]).toEqual([
      128,
      'fatal: Not possible to fast-forward, aborting.\n',
    ]);
    const m = await sh(s, 'git pull --no-rebase');
    expect(m.exitCode).toBe(0);
    expect(m.stdout).toBe(
      "Merge made by the 'ort' strategy.\n z.txt | 1 +\n 1 file changed, 1 insertion(+)\n create mode 100644 z.txt\n",
    );
    expect(await aheadBehind(ctxFor(s), `${HOME}/app`, 'main')).toMatchObject({
      ahead: 2,
      behind: 0,
    });
    const store = { files: s.world.files, now: 0 };
    const [merge] = await git.log({ fs: gitFs(store), dir: `${HOME}/app`, depth: 1 });
    expect(merge?.commit.message).toBe("Merge branch 'main' of https://github.com/team/app\n");
    expect(merge?.commit.parent).toHaveLength(2);
    expect((await sh(s, 'git push')).exitCode).toBe(0);
  });

  it('leaves a conflicting pull to be resolved, markers naming the fetched commit', async () => {
    const s = await twoClones();
    await sh(s, 'echo "b: 3" > mate/my-app/service.yaml');
    const theirs = await commitAll(s, `${HOME}/mate`, 'theirs');
    await sh(s, 'cd mate');
    await sh(s, 'git push -q');
    await sh(s, 'cd ../app');
    await sh(s, 'git config pull.rebase false');
    await sh(s, 'echo "b: 4" > my-app/service.yaml');
    await commitAll(s, `${HOME}/app`, 'ours');
    const r = await sh(s, 'git pull');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      'Auto-merging my-app/service.yaml\nCONFLICT (content): Merge conflict in my-app/service.yaml\nAutomatic merge failed; fix conflicts and then commit the result.\n',
    );
    expect((await sh(s, 'cat my-app/service.yaml')).stdout).toBe(
      `<<<<<<< HEAD\nb: 4\n=======\nb: 3\n>>>>>>> ${theirs}\n`,
    );
  });

  it('asks for a branch without tracking information', async () => {
    const s = createSession();
    await sh(s, 'mkdir a && cd a && git init -q');
    const r = await sh(s, 'git pull');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`There is no tracking information for the current branch.
Please specify which branch you want to merge with.
See git-pull(1) for details.

    git pull <remote> <branch>

If you wish to set tracking information for this branch you can do so with:

    git branch --set-upstream-to=<remote>/<branch> main

`);
  });
});
