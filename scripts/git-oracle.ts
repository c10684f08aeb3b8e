// Runs a script through the real git installed on the machine, in a scratch home that stands for
// the learner's, so tests can pin the simulated git's output to git's own (same author, e-mail,
// time and content give the same SHAs). Test-only: it uses Node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITCONFIG } from '../src/cli/shell/shell';

export interface Step {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Each command's output, with the scratch home shown as /home/learner. */
export function runRealGit(commands: readonly string[], seconds: number): Step[] {
  const root = mkdtempSync(join(tmpdir(), 'git-oracle-'));
  try {
    const home = join(root, 'home', 'learner');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, '.gitconfig'), GITCONFIG);
    const script = commands
      .map((c, i) => `{ ${c}\n} >${root}/out.${i} 2>${root}/err.${i}; echo $? >${root}/code.${i}`)
      .join('\n');
    execFileSync('bash', ['-c', `cd ${home}\n${script}`], {
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: home,
        GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_DATE: `@${seconds} +0000`,
        GIT_COMMITTER_DATE: `@${seconds} +0000`,
        TZ: 'UTC',
        LANG: 'C',
      },
    });
    const read = (f: string) =>
      readFileSync(join(root, f), 'utf8').split(home).join('/home/learner');
    return commands.map((_, i) => ({
      stdout: read(`out.${i}`),
      stderr: read(`err.${i}`),
      exitCode: Number(read(`code.${i}`).trim()),
    }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
