import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function sim(args: string[], input?: string) {
  const r = spawnSync(tsx, ['scripts/sim.ts', ...args], { input, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const script = `# the opening of the story
kubectl create deployment my-app --image=nginx:latest

kubectl get deployment my-app \\
    -o jsonpath='{.spec.replicas}'; echo
sleep 30
kubectl get deploy my-app -o jsonpath='{.status.readyReplicas}{"\\n"}'   # one pod, ready
bogus
kubectl get pods -w
`;

// Each case starts the simulator as its own process, which takes a moment.
describe('npm run sim', { timeout: 30_000 }, () => {
  it('prints each command and what the terminal would show', () => {
    const r = sim([], script);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '$ kubectl create deployment my-app --image=nginx:latest',
        'deployment.apps/my-app created',
        '$ kubectl get deployment my-app \\',
        ">     -o jsonpath='{.spec.replicas}'; echo",
        '1',
        '$ sleep 30',
        `$ kubectl get deploy my-app -o jsonpath='{.status.readyReplicas}{"\\n"}'   # one pod, ready`,
        '1',
        '$ bogus',
        'bash: bogus: command not found',
        '$ kubectl get pods -w',
        ...r.stdout.split('\n').slice(11, -2),
        '^C',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(
      /\$ kubectl get pods -w\nNAME +READY +STATUS +RESTARTS +AGE\nmy-app-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +30s\n\^C\n$/,
    );
  });

  it('prints one JSON object per command with --json, with the simulated time after it', () => {
    const r = sim(['--json'], script);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.line)).toEqual([
      'kubectl create deployment my-app --image=nginx:latest',
      "kubectl get deployment my-app \\\n    -o jsonpath='{.spec.replicas}'; echo",
      'sleep 30',
      `kubectl get deploy my-app -o jsonpath='{.status.readyReplicas}{"\\n"}'   # one pod, ready`,
      'bogus',
      'kubectl get pods -w',
    ]);
    expect(lines[0]).toEqual({
      line: lines[0]?.line,
      stdout: 'deployment.apps/my-app created\n',
      stderr: '',
      exitCode: 0,
      time: 0,
    });
    expect(lines[2]).toMatchObject({ exitCode: 0, time: 30 });
    expect(lines[4]).toEqual({
      line: 'bogus',
      stdout: '',
      stderr: 'bash: bogus: command not found\n',
      exitCode: 127,
      time: 30,
    });
    expect(lines[5]).toMatchObject({ exitCode: 130, time: 630 });
  });

  it('reads a file, and gives the same world for the same seed and another for another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'story.sh');
    writeFileSync(
      file,
      'kubectl create deployment web --image=nginx:latest\nkubectl get pods -o name\n',
    );
    const a = execFileSync(tsx, ['scripts/sim.ts', '--seed', '5', file], { encoding: 'utf8' });
    const b = execFileSync(tsx, ['scripts/sim.ts', '--seed=5', file], { encoding: 'utf8' });
    const c = execFileSync(tsx, ['scripts/sim.ts', '--seed', '6', file], { encoding: 'utf8' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5}$/m);
  });

  it('explains a bad option and exits 2', () => {
    const r = sim(['--seed', 'x'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sim: --seed needs a whole number');
  });

  it('starts from a workspace directory, in the home directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'));
    mkdirSync(join(dir, 'my-app'));
    writeFileSync(join(dir, 'my-app', 'deployment.yaml'), 'kind: Deployment\n');
    writeFileSync(join(dir, 'notes.txt'), 'one\ntwo\n');
    const r = sim(
      ['--json', '--workspace', dir],
      'wc -l < notes.txt\ngrep kind < my-app/deployment.yaml\n',
    );
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stdout: string });
    expect(lines.map((l) => l.stdout)).toEqual(['2\n', 'kind: Deployment\n']);
    const missing = sim(['--workspace', join(dir, 'nope')], '');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^sim: cannot read workspace .*nope: /);
  });

  it('starts the opening story from its workspace of manifests', () => {
    const r = sim(
      ['--json', '--workspace', 'lessons/workspaces/opening-story'],
      'ls my-app\ngrep -c image: < my-app/deployment.yaml\ngrep type: < my-app/service.yaml\n',
    );
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { stdout: string }).stdout);
    expect(out).toEqual(['deployment.yaml\nservice.yaml\n', '1\n', '  type: LoadBalancer\n']);
  });
});
