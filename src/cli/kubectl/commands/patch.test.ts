// kubectl patch: k8s.io/kubectl/pkg/cmd/patch/patch.go (`patched`, `patched (no change)`, flag
// errors), and the three patch types the API server accepts.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { run } from './testing';

const live = (s: Session) => reader(s.world).get('Deployment', 'default', 'web');

function session(): Session {
  const s = createSession({ seed: 1 });
  run(s, 'kubectl create deployment web --image=nginx:1.25');
  return s;
}

describe('kubectl patch', () => {
  it('applies a strategic merge patch, merging containers by name', () => {
    const s = session();
    const r = run(
      s,
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'`,
    );
    expect(r).toMatchObject({ stdout: 'deployment.apps/web patched\n', stderr: '', exitCode: 0 });
    const c = live(s)?.spec?.template.spec?.containers[0];
    expect(c?.image).toBe('nginx:1.26');
    expect(c?.terminationMessagePolicy).toBe('File');
    expect(run(s, `kubectl patch deployment web -p '{"spec":{"replicas":1}}'`).stdout).toBe(
      'deployment.apps/web patched (no change)\n',
    );
  });

  it('applies a JSON merge patch, replacing lists', () => {
    const s = session();
    const r = run(
      s,
      `kubectl patch deployment web --type merge -p '{"metadata":{"labels":{"tier":"front"}},"spec":{"replicas":3}}'`,
    );
    expect(r.stdout).toBe('deployment.apps/web patched\n');
    expect(live(s)?.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
    expect(live(s)?.spec?.replicas).toBe(3);
  });

  it('applies a JSON patch', () => {
    const s = session();
    const r = run(
      s,
      `kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`,
    );
    expect(r.stdout).toBe('deployment.apps/web patched\n');
    expect(live(s)?.spec?.replicas).toBe(4);
  });

  it('reports kubectl’s errors and changes nothing', () => {
    const s = session();
    const before = s.world;
    expect(run(s, 'kubectl patch deployment web')).toMatchObject({
      stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n',
      exitCode: 1,
    });
    expect(run(s, `kubectl patch deployment web -p '{}' --type=foo`).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    );
    expect(run(s, `kubectl patch deployment nope -p '{"spec":{}}'`).stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(run(s, `kubectl patch deployment web -p '{"spec":{"replicas":-2}}'`).stderr).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0\n',
    );
    expect(s.world.cluster).toBe(before.cluster);
  });

  it('replace -f puts the whole file', () => {
    const s = session();
    withFiles(s, (tx) =>
      tx.writeFile(
        '/home/learner/d.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n',
      ),
    );
    expect(run(s, 'kubectl replace -f d.yaml')).toMatchObject({
      stdout: 'deployment.apps/web replaced\n',
      exitCode: 0,
    });
    expect(live(s)?.metadata?.labels).toBeUndefined();
    expect(live(s)?.spec?.replicas).toBe(2);
    expect(run(s, 'kubectl replace --force -f d.yaml').stdout).toBe(
      'deployment.apps "web" deleted\ndeployment.apps/web replaced\n',
    );
    run(s, 'kubectl delete deployment web');
    expect(run(s, 'kubectl replace -f d.yaml')).toMatchObject({
      stderr:
        'Error from server (NotFound): error when replacing "d.yaml": deployments.apps "web" not found\n',
      exitCode: 1,
    });
  });

  it('patches a file with --local, sending nothing', () => {
    const s = session();
    withFiles(s, (tx) =>
      tx.writeFile(
        '/home/learner/l.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
      ),
    );
    const before = s.world.cluster;
    expect(run(s, `kubectl patch --local -f l.yaml -p '{"spec":{"replicas":3}}'`).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    expect(
      run(s, `kubectl patch --local -f l.yaml -p '{"spec":{"replicas":3}}' -o yaml`).stdout,
    ).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n');
    expect(run(s, `kubectl patch --local deploy web -p '{}'`).stderr).toBe(
      'error: cannot specify --local and server resources\n',
    );
    expect(s.world.cluster).toBe(before);
  });
});
