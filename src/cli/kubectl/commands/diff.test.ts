// kubectl diff: k8s.io/kubectl/pkg/cmd/diff/diff.go (LIVE-/MERGED- directories, file names
// `group.version.Kind.namespace.name`, exit codes) and GNU diffutils' unified format
// (`diff -u -N` header line, `--- path<TAB>%Y-%m-%d %H:%M:%S.%N %z`, ranges without `,1`).
import { describe, expect, it } from 'vitest';
import type { Session } from '../../program';
import { withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { gnuDiffTime, maskSecrets, unifiedFileDiff } from './diff';
import { run } from './testing';

function write(s: Session, path: string, text: string) {
  withFiles(s, (tx) => tx.writeFile(`/home/learner/${path}`, text));
}

const svc = (port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: ${port}\n`;

describe('unifiedFileDiff', () => {
  it('prints GNU diff headers and hunk ranges', () => {
    const t = gnuDiffTime(Date.UTC(2025, 0, 2, 3, 4, 5, 678), 123456);
    expect(t).toBe('2025-01-02 03:04:05.678123456 +0000');
    expect(
      unifiedFileDiff('/tmp/LIVE-1/f', '/tmp/MERGED-2/f', 'a\nb\nc\n', 'a\nB\nc\n', t, t),
    ).toBe(
      `diff -u -N /tmp/LIVE-1/f /tmp/MERGED-2/f\n--- /tmp/LIVE-1/f\t${t}\n+++ /tmp/MERGED-2/f\t${t}\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n`,
    );
    expect(unifiedFileDiff('/l/f', '/m/f', undefined, 'x\n', t, t)).toBe(
      `diff -u -N /l/f /m/f\n--- /l/f\t1970-01-01 00:00:00.000000000 +0000\n+++ /m/f\t${t}\n@@ -0,0 +1 @@\n+x\n`,
    );
    expect(unifiedFileDiff('/l/f', '/m/f', 'x\n', 'x\n', t, t)).toBe('');
  });
});

describe('kubectl diff', () => {
  it('shows a new object, then nothing once applied, then a change; exit 1 when different', () => {
    const s = createSession({ seed: 1 });
    write(s, 'svc.yaml', svc(80));
    const before = s.world;
    const created = run(s, 'kubectl diff -f svc.yaml');
    expect(created.exitCode).toBe(1);
    expect(created.stdout).toMatch(
      /^diff -u -N \/tmp\/LIVE-\d+\/v1\.Service\.default\.web \/tmp\/MERGED-\d+\/v1\.Service\.default\.web\n--- \/tmp\/LIVE-\d+\/v1\.Service\.default\.web\t1970-01-01 00:00:00\.000000000 \+0000\n\+\+\+ \/tmp\/MERGED-\d+\/v1\.Service\.default\.web\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: v1\n/,
    );
    expect(s.world.cluster).toBe(before.cluster);
    run(s, 'kubectl apply -f svc.yaml');
    expect(run(s, 'kubectl diff -f svc.yaml')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    write(s, 'svc.yaml', svc(8080));
    const changed = run(s, 'kubectl diff -f svc.yaml');
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toContain('-  - port: 80\n');
    expect(changed.stdout).toContain('+  - port: 8080\n');
    expect(changed.stdout).toContain('-      {"apiVersion":"v1"');
  });

  it('exits 2 on errors', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl diff')).toMatchObject({
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 2,
    });
    expect(run(s, 'kubectl diff foo -f nope.yaml')).toMatchObject({
      stderr: "error: Unexpected args: [foo]\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    });
    expect(run(s, 'kubectl diff -f nope.yaml')).toMatchObject({
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 2,
    });
  });
});

describe('maskSecrets', () => {
  it('hides values, marking the changed ones', () => {
    const secret = (data: Record<string, string>) =>
      ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data }) as never;
    const [l, m] = maskSecrets(
      secret({ a: 'MQ==', b: 'Mg==' }),
      secret({ a: 'MQ==', b: 'Mw==', c: 'NA==' }),
    );
    expect((l as { data: unknown }).data).toEqual({ a: '***', b: '*** (before)' });
    expect((m as { data: unknown }).data).toEqual({ a: '***', b: '*** (after)', c: '***' });
  });
});
