// The whole round trip (push, clone, a rejected push, fetch, pull's refusal, a merging pull, a
// fast-forwarding pull) run through the simulated git against the simulated host, and through the
// real git 2.39 against a bare repository on disk: the transcripts must be the same. Formats are
// git's own (builtin/push.c, transport.c, builtin/fetch.c, builtin/pull.c, builtin/merge.c,
// builtin/clone.c, pack-objects.c progress). Pack sizes, delta and reuse counts are left out of
// the comparison: git's zlib, delta search and packs on disk make other counts than the
// simulator's loose objects.
import { describe, expect, it } from 'vitest';
import { runRealGit } from '../../../scripts/git-oracle';
import { gitSession } from './testing';

const HOSTED = 'https://github.com/team/app.git';
const ON_DISK = 'file:///home/learner/../app.git';

const SCRIPT = [
  'mkdir -p app/my-app && cd app && git init -q',
  'echo "a: 1" > my-app/deployment.yaml && echo "b: 2" > my-app/service.yaml',
  'git add . && git commit -m first',
  'git remote add origin $URL',
  'git push --progress -u origin main',
  'echo hello >> my-app/service.yaml && git commit -am second',
  'git status',
  'git push --progress',
  'git push --progress',
  'cd .. && git clone --progress $URL mate',
  'cd mate && echo z > z.txt && git add z.txt && git commit -m "from a teammate"',
  'git push --progress',
  'cd ../app && echo w > w.txt && git add w.txt && git commit -m mine',
  'git push --progress',
  'git fetch --progress',
  'git status',
  'git push --progress',
  'git pull --progress',
  'git pull --progress --no-rebase',
  'git push --progress',
  'cd ../mate && git pull --progress',
  'git pull --progress origin main',
  'git fetch --progress',
  'git status',
  'git remote show origin',
  'git remote show -n origin',
];

/**
 * What a terminal would show of git's progress (the last state of each \r-rewritten line). The
 * remote's "Total" line and the local receiving line race each other; the usual order is kept.
 * unpack-objects shows its progress only on a terminal (the simulator is one, the oracle is not),
 * and a transfer faster than git's throughput window shows no size: sizes are left out.
 */
function screen(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => (line.split('\r').pop() ?? '').replace(/\s+$/, ''))
    .filter((line) => !/^((remote: )?Resolving deltas|Unpacking objects)/.test(line));
  for (let i = 0; i + 1 < lines.length; i++) {
    if (
      /^(Receiving|Unpacking) objects/.test(lines[i]!) &&
      lines[i + 1]!.startsWith('remote: Total')
    )
      [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
  }
  return lines
    .join('\n')
    .replace(/, \d+(\.\d\d)? (bytes|KiB|MiB) \| [\d.]+ (bytes|KiB|MiB)\/s/g, '')
    .replace(/\(delta \d+\)/g, '(delta n)')
    .replace(/reused \d+/g, 'reused n');
}

/** Runs `script` in both gits and compares each step (SHAs masked from step `maskFrom` on). */
async function compare(script: readonly string[], maskFrom = script.length) {
  const { session, run } = gitSession();
  const seconds = Math.floor(session.world.now / 1000);
  const real = runRealGit(
    [
      'git init -q --bare ../app.git',
      ...script.map((c) => c.replaceAll('$URL', 'file://$HOME/../app.git')),
    ],
    seconds,
  ).slice(1);
  for (const [i, line] of script.entries()) {
    const sim = await run(line.replaceAll('$URL', HOSTED));
    const want = real[i]!;
    const label = `$ ${line}`;
    const mask = (t: string) => (i > maskFrom ? t.replace(/\b[0-9a-f]{7}\b/g, '<sha>') : t);
    const hosted = (t: string) =>
      t
        .split(ON_DISK)
        .join(HOSTED)
        .split(ON_DISK.replace(/\.git$/, ''))
        .join(HOSTED.replace(/\.git$/, ''));
    expect({ label, code: sim.exitCode }).toEqual({ label, code: want.exitCode });
    expect({ label, out: mask(sim.stdout) }).toEqual({ label, out: mask(hosted(want.stdout)) });
    // The hosting service says it created the repository; a bare repository on disk cannot.
    const simErr = sim.stderr.replace(/^remote: Created repository .*\n/m, '');
    expect({ label, err: mask(screen(simErr)) }).toEqual({
      label,
      err: mask(screen(hosted(want.stderr))),
    });
  }
}

describe('push, clone, fetch and pull against real git', () => {
  it('prints what git 2.39 prints for the round trip', async () => {
    // Pull's merge message names the URL, so from the merge on the real SHAs cannot match.
    await compare(SCRIPT, SCRIPT.indexOf('git pull --progress --no-rebase'));
  }, 60_000);

  it('prints what git 2.39 prints for branches, deletions, remotes and mistakes', async () => {
    await compare([
      'mkdir app && cd app && git init -q && echo a > a.txt && git add a.txt',
      'git commit -m one',
      'git push',
      'git remote add origin $URL',
      'git remote add origin $URL',
      'git push',
      'git push origin nosuch',
      'git push --progress -u origin main',
      'git checkout -q -b feature && echo b > b.txt && git add b.txt && git commit -m two',
      'git push',
      'git push --progress -u origin feature',
      'cd .. && git clone -q $URL mate && cd mate && git remote -v',
      'git push --progress origin --delete feature',
      'git fetch --progress',
      'cd ../app && git push --progress origin HEAD:refs/heads/other',
      'cd ../mate && git fetch --progress',
      'git pull --progress origin other',
      'cd ../app && git push -q origin --delete other',
      'cd ../mate && git fetch --progress --prune',
      'git config branch.main.merge refs/heads/feature && git push',
      'git push --progress origin HEAD',
      'git checkout -q -b loose && git pull',
      'cd .. && git init -q fresh && cd fresh && git remote add origin $URL',
      'git pull --progress origin main',
      'git status && cd ../mate',
      'git remote rename origin upstream && git remote -v',
      'git remote remove upstream && git remote',
      'git pull',
      'cd .. && git clone $URL mate',
      'git clone -b nosuch $URL other && ls',
      'git clone -q -b feature $URL other || git clone -q -b main $URL other',
      'git clone nowhere',
      'cd other && git status',
    ]);
  }, 60_000);
});
