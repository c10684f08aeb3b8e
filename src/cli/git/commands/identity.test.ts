// Who a commit is by: `git commit --author`, `git -c user.name=… commit`, `author.*` settings and
// the GIT_AUTHOR_* / GIT_COMMITTER_* environment, against the same steps run through the real
// git 2.39. Formats: git 2.39 builtin/commit.c (print_summary, find_author_by_nickname), ident.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import { gitSession } from '../testing';

/** Steps with an environment: the real git's step runs under it, the simulator's with it set. */
type Step = string | { env: Record<string, string>; c: string };

async function compare(script: readonly Step[]) {
  const { session, run } = gitSession();
  const seconds = Math.floor(session.world.now / 1000);
  const text = (s: Step) =>
    typeof s === 'string'
      ? s
      : `${Object.entries(s.env)
          .map(([k, v]) => `${k}='${v}'`)
          .join(' ')} ${s.c}`;
  const real = runRealGit(script.map(text), seconds);
  for (const [i, s] of script.entries()) {
    const env = typeof s === 'string' ? {} : s.env;
    Object.assign(session.env, env);
    const o = await run(typeof s === 'string' ? s : s.c);
    for (const k of Object.keys(env)) delete session.env[k];
    expect({ c: text(s), stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
      c: text(s),
      ...real[i],
    });
  }
}

const WHO = "git log -1 --format='%an <%ae> %ad | %cn <%ce> %cd'";

describe('who a commit is by', () => {
  it('takes --author as a name and address, or finds an earlier author', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      "echo b >> f && git commit -am two --author='Ada Lovelace <ada@example.com>'",
      WHO,
      "echo c >> f && git commit -q -am three --author 'Grace <grace@example.com>'",
      WHO,
      'echo d >> f && git commit -am four --author=ada',
      WHO,
      'echo e >> f && git commit -am five --author=nobody',
      "git commit --amend -m 'four again'",
      WHO,
      "git commit --amend -m 'four once more' --author='Dan <dan@example.com>'",
      WHO,
      'git commit --allow-empty -m empty',
      'git commit --amend -m nothing',
      'git log --no-decorate --oneline -1',
    ]);
  }, 30_000);

  it('takes settings from git -c', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      'echo b >> f && git -c user.name=Bob -c user.email=bob@example.com commit -am two',
      WHO,
      'echo c >> f && git -c user.name=Bob commit -q -am three',
      WHO,
      'echo d >> f && git -c author.name=Carol -c committer.email=ci@example.com commit -am four',
      WHO,
      'git -c foo status',
      'git -c foo. status',
      'git -c',
      'git -c core.x status -s',
      'git -c log.decorate=no log -1 --oneline',
    ]);
  }, 30_000);

  it('takes GIT_AUTHOR_* and GIT_COMMITTER_* from the environment', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      'echo b >> f',
      { env: { GIT_AUTHOR_NAME: 'Eve' }, c: 'git commit -am two' },
      WHO,
      'echo c >> f',
      {
        env: { GIT_AUTHOR_NAME: 'Eve', GIT_AUTHOR_EMAIL: 'eve@example.com' },
        c: 'git commit -am three',
      },
      WHO,
      'echo d >> f',
      {
        env: { GIT_COMMITTER_NAME: 'Robot', GIT_COMMITTER_EMAIL: 'robot@example.com' },
        c: 'git commit -am four',
      },
      WHO,
      'echo e >> f',
      {
        env: { GIT_AUTHOR_NAME: 'Eve', GIT_AUTHOR_EMAIL: 'eve@example.com' },
        c: "git commit -am five --author='Ada <ada@example.com>'",
      },
      WHO,
    ]);
  }, 30_000);
});
