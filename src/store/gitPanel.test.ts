import { describe, expect, it } from 'vitest';
import { gitSession } from '../cli/git/testing';
import {
  commitCommand,
  commitsSomething,
  defaultSelection,
  findRepository,
  loadStatus,
  planCommit,
  shellQuote,
  type PanelStatus,
} from './gitPanel';

const HOME = '/home/learner';

async function repo() {
  const s = gitSession();
  await s.run('mkdir app && cd app && git init -q');
  await s.run('echo a > a.txt && echo b > b.txt && mkdir sub && echo c > sub/c.txt');
  return s;
}

const status = (s: Awaited<ReturnType<typeof repo>>) =>
  loadStatus(s.session.world.files, s.session.world.now, `${HOME}/app`);

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('my-app/deployment.yaml')).toBe('my-app/deployment.yaml');
    expect(shellQuote('Scale to 3')).toBe(`'Scale to 3'`);
    expect(shellQuote(`don't`)).toBe(`'don'\\''t'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('$HOME')).toBe(`'$HOME'`);
  });
});

describe('findRepository', () => {
  it('walks up to the directory holding .git', async () => {
    const s = await repo();
    const files = s.session.world.files;
    expect(findRepository(files, `${HOME}/app/sub/c.txt`)).toBe(`${HOME}/app`);
    expect(findRepository(files, `${HOME}/app`)).toBe(`${HOME}/app`);
    expect(findRepository(files, HOME)).toBeUndefined();
  });
});

describe('loadStatus', () => {
  it('sorts the changes as git status does', async () => {
    const s = await repo();
    let st = await status(s);
    expect(st).toMatchObject({
      dir: `${HOME}/app`,
      initial: true,
      staged: [],
      unstaged: [],
      untracked: [
        { path: 'a.txt', what: 'untracked' },
        { path: 'b.txt', what: 'untracked' },
        { path: 'sub/', what: 'untracked' },
      ],
    });
    await s.run('git add a.txt b.txt && git commit -q -m first');
    await s.run('echo more >> a.txt && rm b.txt && echo n > new.txt && git add new.txt');
    st = await status(s);
    expect(st.initial).toBe(false);
    expect(st.staged).toEqual([{ path: 'new.txt', what: 'new file' }]);
    expect(st.unstaged).toEqual([
      { path: 'a.txt', what: 'modified' },
      { path: 'b.txt', what: 'deleted' },
    ]);
    expect(st.untracked).toEqual([{ path: 'sub/', what: 'untracked' }]);
  });
});

describe('commitCommand', () => {
  const st: PanelStatus = {
    dir: `${HOME}/app`,
    initial: false,
    staged: [
      { path: 'keep.txt', what: 'modified' },
      { path: 'drop me.txt', what: 'new file' },
    ],
    unstaged: [{ path: 'k8s/deploy.yaml', what: 'modified' }],
    untracked: [{ path: 'docs/', what: 'untracked' }],
  };

  it('unstages what was unticked, adds what was ticked, then commits', () => {
    const plan = planCommit(st, new Set(['keep.txt', 'k8s/deploy.yaml', 'docs/']), `Bump it's tag`);
    expect(plan).toEqual({
      add: ['k8s/deploy.yaml', 'docs/'],
      unstage: ['drop me.txt'],
      message: `Bump it's tag`,
    });
    expect(commitCommand(st, plan, `${HOME}/app`)).toBe(
      `git restore --staged -- 'drop me.txt' && git add -- k8s/deploy.yaml docs/ && git commit -m 'Bump it'\\''s tag'`,
    );
    // From a subdirectory the paths are relative to it.
    expect(commitCommand(st, plan, `${HOME}/app/k8s`)).toBe(
      `git restore --staged -- '../drop me.txt' && git add -- deploy.yaml ../docs/ && git commit -m 'Bump it'\\''s tag'`,
    );
    // From outside, git is pointed at the repository.
    expect(commitCommand(st, planCommit(st, new Set(['keep.txt']), 'x'), HOME)).toBe(
      `git -C ~/app restore --staged -- 'drop me.txt' && git -C ~/app commit -m x`,
    );
  });

  it('unstages with git rm --cached before the first commit', () => {
    const first = { ...st, initial: true };
    expect(commitCommand(first, planCommit(first, new Set(['keep.txt']), 'm'), `${HOME}/app`)).toBe(
      `git rm --cached -q -- 'drop me.txt' && git commit -m m`,
    );
  });

  it('knows when there is nothing to commit', () => {
    expect(commitsSomething(st, planCommit(st, defaultSelection(st), 'm'))).toBe(true);
    expect(commitsSomething(st, planCommit(st, defaultSelection(st), '  '))).toBe(false);
    expect(commitsSomething(st, planCommit(st, new Set(), 'm'))).toBe(false);
    expect(commitsSomething(st, planCommit(st, new Set(['docs/']), 'm'))).toBe(true);
  });

  it('runs in the shell and commits exactly the ticked files', async () => {
    const s = await repo();
    await s.run('git add b.txt');
    const before = await status(s);
    const plan = planCommit(before, new Set(['a.txt', 'sub/']), 'Add a and sub');
    const line = commitCommand(before, plan, `${HOME}/app`);
    expect(line).toBe(
      `git rm --cached -q -- b.txt && git add -- a.txt sub/ && git commit -m 'Add a and sub'`,
    );
    const r = await s.run(line);
    expect(r.exitCode).toBe(0);
    const log = await s.run('git log --oneline --stat');
    expect(log.stdout).toMatch(
      /^[0-9a-f]{7} \(HEAD -> main\) Add a and sub\n a\.txt +\| 1 \+\n sub\/c\.txt \| 1 \+\n/,
    );
    const after = await status(s);
    expect(after.staged).toEqual([]);
    expect(after.untracked).toEqual([{ path: 'b.txt', what: 'untracked' }]);
  });
});
