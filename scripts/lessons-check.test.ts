// `npm run lessons:check` names each mistake by file and line, and fails; a good set passes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(dir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lessons-check.ts', dir], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = `---
id: one
title: One
mode: imperative
---
## Step: Create

\`\`\`check
kubectl get deployment web
\`\`\`

\`\`\`solution
kubectl create deployment web --image=nginx
\`\`\`
`;

describe('lessons:check', () => {
  it('prints each error as file:line: message and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    writeFileSync(join(dir, '01-one.md'), GOOD);
    writeFileSync(join(dir, '02-dup.md'), GOOD);
    writeFileSync(
      join(dir, '03-bad.md'),
      '---\nid: bad\ntitle: Bad\nmode: imperative\n---\n## Step: Nothing to check\n\nText.\n',
    );
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        `${dir}/02-dup.md:1: id "one" is already the id of 01-one.md`,
        `${dir}/03-bad.md:6: step "Nothing to check" has no check`,
        `${dir}/03-bad.md:6: step "Nothing to check" has no solution`,
        `3 error(s) in ${dir}/`,
        '',
      ].join('\n'),
    );
  });

  it('passes the course as it is', () => {
    const r = check('lessons');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^10 lessons, \d+ steps, and the sandbox: all valid\n$/);
  });
});
