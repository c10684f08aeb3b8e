// git log's and git show's formats (--pretty, --format, --date) against the same steps run
// through the real git 2.39. The simulated terminal decorates git log's built-in formats, so the
// real git is asked to (`-c log.decorate=short`) where a step runs git log. Formats: git 2.39
// pretty.c, date.c, log-tree.c.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../../scripts/git-oracle';
import { relativeDate } from '../lib/pretty';
import { gitSession } from '../testing';

async function compare(script: readonly string[]) {
  const { session, run } = gitSession();
  const seconds = Math.floor(session.world.now / 1000);
  const real = runRealGit(
    script.map((c) => c.replace(/\bgit log\b/g, 'git -c log.decorate=short log')),
    seconds,
  );
  for (const [i, c] of script.entries()) {
    const o = await run(c);
    expect({ c, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
      c,
      ...real[i],
    });
  }
}

const HISTORY = [
  'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
  "echo line >> f && git commit -q -am 'two: a subject' -m 'The body explains why.' -m 'Second paragraph.'",
  'git switch -q -c feat && echo b > g && git add g && git commit -q -m three',
  'git switch -q main && echo c >> f && git commit -q -am four && git merge -q --no-edit feat',
];

describe('git log --format and --pretty', () => {
  it('expands the placeholders', async () => {
    await compare([
      ...HISTORY,
      "git log --format='%H %h %T %t %P %p'",
      "git log --format='%an|%ae|%ad|%cn|%ce|%cd|%at|%ct|%ai|%aI|%as|%aD|%al|%cs'",
      "git log --format='[%s] [%b] [%d] [%D]%n%% %x41 %Cred%h%Creset %C(yellow)%h%C(reset)' -3",
      "git log --format='[%B]' -2 HEAD~1",
      'git log --format=%f -2 HEAD~1',
      "git log --pretty='%h %s' -2",
      'git log --format= -2',
    ]);
  }, 30_000);

  it('separates with format: and terminates with tformat:', async () => {
    await compare([
      ...HISTORY,
      "git log --pretty=format:'%h %s'",
      "git log --pretty=tformat:'%h %s'",
      "git log --format='%h %s' --stat -3",
      "git log --pretty=format:'%h %s' --stat -3",
      "git log --format='%h' -p -1 HEAD~1",
      "git log --pretty=format:'%h' -p -2 HEAD~1",
      'git log --format= --stat -1',
    ]);
  }, 30_000);

  it('prints the built-in formats', async () => {
    await compare([
      ...HISTORY,
      'git log --pretty=oneline',
      'git log --format=oneline --abbrev-commit',
      'git log --pretty=short -3',
      'git log --pretty=medium -3',
      'git log --pretty=full -3',
      'git log --pretty=fuller -2',
      'git log --pretty=reference',
      'git log --pretty=oneline -p -1 HEAD~1',
      'git log --stat -2',
      'git log --oneline --stat -2',
      'git log --no-decorate -1',
      'git log --pretty=nope',
    ]);
  }, 30_000);

  it('prints dates as --date asks', async () => {
    await compare([
      ...HISTORY,
      'git log --date=iso -1',
      'git log --date=rfc -1 --pretty=fuller',
      "git log --date=short --format='%ad %cd' -1",
      'git log --date=iso-strict -1 --format=%ad',
      'git log --date=raw -1 --format=%ad',
      'git log --date=unix -1 --format=%cd',
      'git log --date=nope',
    ]);
  }, 30_000);

  it('counts relative dates back as git does', () => {
    const offsets = [
      3000,
      5400,
      6 * 3600,
      30 * 3600,
      3 * 86400,
      20 * 86400,
      100 * 86400,
      300 * 86400,
      500 * 86400,
      1000 * 86400,
      4000 * 86400,
    ];
    const script = [
      'git init -q r && cd r',
      ...offsets.map(
        (s) =>
          `GIT_AUTHOR_DATE="@$(( $(date +%s) - ${s} )) +0000" git commit -q --allow-empty -m c${s}`,
      ),
      'git log --reverse --format=%ar',
    ];
    const now = Math.floor(Date.now() / 1000);
    const real = runRealGit(script, now).at(-1)!.stdout.trim().split('\n');
    expect(offsets.map((s) => relativeDate(now - s, now))).toEqual(real);
    expect(relativeDate(now + 10, now)).toBe('in the future');
    expect(relativeDate(now - 45, now)).toBe('45 seconds ago');
  });
});

describe('git log --graph', () => {
  it('draws a straight history', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > f && git add f && git commit -q -m one',
      "echo b >> f && git commit -q -am two -m 'The body.'",
      'echo c >> f && git commit -q -am three',
      'git log --graph --oneline',
      'git log --graph',
      'git log --graph -2',
      'git log --graph --stat',
      'git log --graph -p -1',
      'git log --graph --format=%s%n%b',
      'git log --graph --pretty=format:%s',
      'git log --graph --oneline --stat',
    ]);
  }, 30_000);
});

describe('git log --graph with merges', () => {
  it('draws branches, merges and lines joining again', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo one > f && git add . && git commit -q -m one && echo two >> f && git commit -q -am two',
      'git switch -q -c feat && echo three > x && git add x && git commit -q -m three && git switch -q main && echo four >> f && git commit -q -am four && git merge -q --no-edit feat',
      'git switch -q -c f2 HEAD~1 && echo five > y && git add y && git commit -q -m five && echo six >> y && git commit -q -am six',
      'git switch -q main && echo seven >> f && git commit -q -am seven && git merge -q --no-edit f2',
      'git log --graph --oneline',
      'git log --graph --format=%s -3',
      'git log --graph -3',
      'git log --graph --stat -2',
      'git log --graph --pretty=format:%s',
      'git log --graph --oneline feat',
      'git log --graph --oneline -4',
      'git switch -q -c g3 HEAD~3 && echo a > z && git add z && git commit -q -m a && git switch -q main && git merge -q --no-edit g3 && git switch -q feat && echo b > w && git add w && git commit -q -m b && git switch -q main && git merge -q --no-edit feat',
      'git log --graph --oneline',
      'git log --graph --format=%h%n%b',
      'git log --graph -4 --stat',
    ]);
  }, 30_000);
});

describe('git show --format and --pretty', () => {
  it('prints the commit in the format asked for', async () => {
    await compare([
      ...HISTORY.slice(0, 2),
      "git show --format='%h %an %s'",
      "git show -s --format='%H%n%P %d'",
      "git show --pretty=format:'%h' HEAD~1",
      'git show --pretty=fuller -s',
      'git show --pretty=short --stat',
      'git show --format=%s HEAD HEAD~1',
      'git show -s --pretty=format:%s HEAD HEAD~1',
      'git show -s --date=iso',
      'git show --format= --stat',
      'git show --pretty=reference -s',
    ]);
  }, 30_000);
});
