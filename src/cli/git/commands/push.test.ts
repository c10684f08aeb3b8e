// Formats from git 2.39.5: builtin/push.c (errors and hints), transport.c (print_ref_status:
// ` * [new branch]      main -> main`), builtin/pack-objects.c (the progress lines), strbuf.c
// (strbuf_humanise) and builtin/remote.c; each transcript was checked against git 2.39.5 pushing to
// a local bare repository (the same client code as over https).
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../../../engine/fs/files';
import { hostSource } from '../../../engine/git/host';
import type { Session } from '../../program';
import { registry } from '../../programs';
import { createSession, runHeadlessAsync } from '../../shell/shell';
import { git } from '../common';
import { gitFs } from '../fs';
import { humanBytes } from '../transfer';

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

async function sh(s: Session, line: string) {
  return runHeadlessAsync(s, line, registry);
}

/** A session with ~/app holding one commit of two manifests and `origin` set to URL. */
async function repo() {
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
  return s;
}

describe('git remote', () => {
  it('adds, lists, renames and removes remotes as git does', async () => {
    const s = await repo();
    expect((await sh(s, 'git remote')).stdout).toBe('origin\n');
    expect((await sh(s, 'git remote -v')).stdout).toBe(
      `origin\t${URL} (fetch)\norigin\t${URL} (push)\n`,
    );
    expect((await sh(s, 'git remote get-url origin')).stdout).toBe(`${URL}\n`);
    await sh(s, 'git remote add backup https://gitlab.com/team/app.git');
    expect((await sh(s, 'git remote')).stdout).toBe('backup\norigin\n');
    await sh(s, 'git remote remove backup');
    const again = await sh(s, 'git remote add origin https://x.test/a.git');
    expect([again.stderr, again.exitCode]).toEqual(['error: remote origin already exists.\n', 3]);
    await sh(s, 'git remote set-url origin https://gitlab.com/team/app.git');
    expect((await sh(s, 'git remote get-url origin')).stdout).toBe(
      'https://gitlab.com/team/app.git\n',
    );
    await sh(s, 'git remote rename origin upstream');
    expect((await sh(s, 'git remote')).stdout).toBe('upstream\n');
    expect((await sh(s, 'git remote remove upstream')).exitCode).toBe(0);
    expect((await sh(s, 'git remote')).stdout).toBe('');
    const gone = await sh(s, 'git remote remove origin');
    expect([gone.stderr, gone.exitCode]).toEqual(["error: No such remote: 'origin'\n", 2]);
    const url = await sh(s, 'git remote get-url origin');
    expect([url.stderr, url.exitCode]).toEqual(["error: No such remote 'origin'\n", 2]);
  });

  it('answers a bad subcommand with usage and exit 129', async () => {
    const s = await repo();
    const r = await sh(s, 'git remote bogus');
    expect(r.exitCode).toBe(129);
    expect(r.stderr).toMatch(
      /^error: unknown subcommand: `bogus'\nusage: git remote \[-v \| --verbose\]\n/,
    );
    expect((await sh(s, 'git remote add')).stderr).toMatch(
      /^usage: git remote add \[<options>\] <name> <url>\n/,
    );
  });
});

describe('git push', () => {
  it('creates the repository on the first push and sets the upstream with -u', async () => {
    const s = await repo();
    const r = await sh(s, 'git push -u origin main');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("branch 'main' set up to track 'origin/main'.\n");
    expect(r.stderr).toMatch(
      new RegExp(
        `^Enumerating objects: 5, done\\.
Counting objects: 100% \\(5/5\\), done\\.
Delta compression using up to 2 threads
Compressing objects: 100% \\(2/2\\), done\\.
Writing objects: 100% \\(5/5\\), (\\d+) bytes \\| \\1\\.00 KiB/s, done\\.
Total 5 \\(delta 0\\), reused 0 \\(delta 0\\), pack-reused 0
remote: Created repository team/app on github\\.com\\.
To ${URL.replace(/\./g, '\\.')}
 \\* \\[new branch\\]      main -> main
$`,
      ),
    );
    expect((await sh(s, 'git push')).stderr).toBe('Everything up-to-date\n');
  });

  it('is what the GitOps controller reads: hostSource resolves main and lists the files', async () => {
    const s = await repo();
    await sh(s, 'git push -u origin main');
    const source = hostSource(s.world.hosts);
    const head = await git.resolveRef({
      fs: gitFs({ files: s.world.files, now: 0 }),
      dir: `${HOME}/app`,
      ref: 'main',
    });
    const resolved = source.resolve(URL, 'main');
    expect(resolved).toMatchObject({ ok: true, commit: { sha: head, message: 'first\n' } });
    const files = source.files(URL, head, 'my-app');
    expect(files && Object.fromEntries(files)).toEqual({
      'deployment.yaml': 'a: 1\n',
      'service.yaml': 'b: 2\n',
    });
    // The host answers with or without `.git`, and knows nothing of other addresses.
    expect(source.resolve('https://github.com/team/app', 'HEAD')).toMatchObject({ ok: true });
    expect(source.resolve('https://github.com/team/other.git', 'main')).toEqual({
      ok: false,
      error: 'repository-not-found',
    });
  });

  it('counts objects as git does: new objects plus the receiver’s versions of their paths', async () => {
    const s = await repo();
    await sh(s, 'git push -u origin main');
    await sh(s, 'echo hello >> my-app/service.yaml');
    await commitAll(s, `${HOME}/app`, 'second');
    const second = await sh(s, 'git push');
    expect(second.stderr).toContain(
      'Enumerating objects: 7, done.\nCounting objects: 100% (7/7), done.\n',
    );
    expect(second.stderr).toContain(
      'Compressing objects: 100% (2/2), done.\nWriting objects: 100% (4/4), ',
    );
    expect(second.stderr).toMatch(/\n {3}[0-9a-f]{7}\.\.[0-9a-f]{7} {2}main -> main\n$/);
    await sh(s, 'echo top > README');
    await commitAll(s, `${HOME}/app`, 'third');
    const third = await sh(s, 'git push');
    expect(third.stderr).toContain('Enumerating objects: 4, done.\n');
    expect(third.stderr).toContain(
      'Compressing objects: 100% (2/2), done.\nWriting objects: 100% (3/3), ',
    );
  });

  it('rejects a push over work it has not seen (fetch first), and forces with --force', async () => {
    const s = await repo();
    await sh(s, 'git push -u origin main');
    // A teammate's clone pushes first.
    await sh(s, `cd ${HOME}`);
    await sh(s, `git clone -q ${URL} mate`);
    await sh(s, 'echo z > mate/z.txt');
    await commitAll(s, `${HOME}/mate`, 'from a teammate');
    await sh(s, 'cd mate');
    expect((await sh(s, 'git push -q')).exitCode).toBe(0);
    await sh(s, 'cd ../app');
    await sh(s, 'echo w > w.txt');
    await commitAll(s, `${HOME}/app`, 'mine');
    const r = await sh(s, 'git push');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`To ${URL}
 ! [rejected]        main -> main (fetch first)
error: failed to push some refs to '${URL}'
hint: Updates were rejected because the remote contains work that you do
hint: not have locally. This is usually caused by another repository pushing
hint: to the same ref. You may want to first integrate the remote changes
hint: (e.g., 'git pull ...') before pushing again.
hint: See the 'Note about fast-forwards' in 'git push --help' for details.
`);
    // Once fetched, the same refusal is a non-fast-forward.
    await sh(s, 'git fetch -q');
    const again = await sh(s, 'git push');
    expect(again.stderr).toContain(' ! [rejected]        main -> main (non-fast-forward)\n');
    expect(again.stderr).toContain(
      'hint: Updates were rejected because the tip of your current branch is behind\nhint: its remote counterpart.',
    );
    const forced = await sh(s, 'git push --force');
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toMatch(
      /\n \+ [0-9a-f]{7}\.\.\.[0-9a-f]{7} main -> main \(forced update\)\n$/,
    );
  });

  it('says what git says without a destination or an upstream', async () => {
    const s = createSession();
    await sh(s, 'mkdir a && cd a && git init -q');
    await commitAll(s, `${HOME}/a`, 'x');
    const none = await sh(s, 'git push');
    expect([none.exitCode, none.stderr.split('\n')[0]]).toEqual([
      128,
      'fatal: No configured push destination.',
    ]);
    await sh(s, `git remote add origin ${URL}`);
    const noUp = await sh(s, 'git push');
    expect(noUp.stderr).toBe(`fatal: The current branch main has no upstream branch.
To push the current branch and set the remote as upstream, use

    git push --set-upstream origin main

To have this happen automatically for branches without a tracking
upstream, see 'push.autoSetupRemote' in 'git help config'.

`);
    const missing = await sh(s, 'git push origin nosuch');
    expect(missing.stderr).toBe(
      `error: src refspec nosuch does not match any\nerror: failed to push some refs to '${URL}'\n`,
    );
    const ssh = await sh(s, 'git push git@github.com:team/app.git main');
    expect(ssh.stderr).toBe(
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
    );
  });

  it('pushes other branches and deletes them', async () => {
    const s = await repo();
    await sh(s, 'git push -q -u origin main');
    const r = await sh(s, 'git push origin main:feature');
    expect(r.stderr).toBe(
      `Total 0 (delta 0), reused 0 (delta 0), pack-reused 0\nTo ${URL}\n * [new branch]      main -> feature\n`,
    );
    const d = await sh(s, 'git push origin --delete feature');
    expect(d.stderr).toBe(`To ${URL}\n - [deleted]         feature\n`);
    const d2 = await sh(s, 'git push origin --delete feature');
    expect([d2.exitCode, d2.stderr]).toEqual([
      1,
      `error: unable to delete 'feature': remote ref does not exist\nerror: failed to push some refs to '${URL}'\n`,
    ]);
  });
});

describe('tags', () => {
  it('pushes tags as they are (annotated ones as tag objects) and refuses to move one', async () => {
    const s = await repo();
    await sh(s, 'git push -q -u origin main');
    const store = { files: s.world.files, now: s.world.now };
    const fs = gitFs(store);
    const dir = `${HOME}/app`;
    await git.tag({ fs, dir, ref: 'v1' });
    const tagger = {
      name: 'Learner',
      email: 'learner@example.com',
      timestamp: 0,
      timezoneOffset: 0,
    };
    await git.annotatedTag({ fs, dir, ref: 'v2', message: 'v2', tagger });
    s.world = { ...s.world, files: store.files };
    const r = await sh(s, 'git push --tags');
    expect(r.stderr).toMatch(
      /^Enumerating objects: 1, done\.\nCounting objects: 100% \(1\/1\), done\.\nWriting objects: 100% \(1\/1\), \d+ bytes \| [\d.]+ KiB\/s, done\.\nTotal 1 \(delta 0\), reused 0 \(delta 0\), pack-reused 0\nTo https:\/\/github\.com\/team\/app\.git\n \* \[new tag\] {9}v1 -> v1\n \* \[new tag\] {9}v2 -> v2\n$/,
    );
    expect((await sh(s, 'git push --tags')).stderr).toBe('Everything up-to-date\n');
    // The controller can follow an annotated tag to its commit.
    const main = hostSource(s.world.hosts).resolve(URL, 'main');
    expect(hostSource(s.world.hosts).resolve(URL, 'v2')).toEqual(main);

    await sh(s, 'cd ~');
    const c = await sh(s, `git clone -q ${URL} copy`);
    expect(c.exitCode).toBe(0);
    const copy = gitFs({ files: s.world.files, now: 0 });
    expect(await git.listTags({ fs: copy, dir: `${HOME}/copy` })).toEqual(['v1', 'v2']);
  });
});

describe('humanBytes', () => {
  it('follows strbuf_humanise', () => {
    expect(humanBytes(612)).toBe('612 bytes');
    expect(humanBytes(1)).toBe('1 byte');
    expect(humanBytes(1311)).toBe('1.28 KiB');
    expect(humanBytes(612 * 1024, true)).toBe('612.00 KiB/s');
    expect(humanBytes(3 * 1024 * 1024 + 52429)).toBe('3.05 MiB');
  });
});
