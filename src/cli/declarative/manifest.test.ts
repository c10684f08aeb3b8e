// The manifest a person writes is pinned against what kubectl's own generators print
// (`kubectl create … --dry-run=client -o yaml`, recorded from the real v1.32 client in
// src/cli/kubectl/__fixtures__/oracle.json; generators in staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_deployment.go, create_service.go, create_namespace.go). The full form is pinned against
// the simulator's own `kubectl get -o yaml` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
import { describe, expect, it } from 'vitest';
import { defaultDeployment, defaultService } from '../../engine/k8s/defaults';
import type { Deployment, Pod, Service } from '../../engine/k8s/types';
import { TestWorld } from '../../engine/testing';
import { reader } from '../../engine/world';
import { ORACLE } from '../kubectl/commands/create-testing';
import { diffLines, splitLines } from './lineDiff';
import { manifestObject, manifestYaml } from './manifest';
import { changeOf, freshSession, runAll, stdoutOf } from './testing';

const HIDE = { hideServerFields: true };
const FULL = { hideServerFields: false };

function oracle(args: string): string {
  const found = ORACLE.find((o) => o.args.join(' ') === args);
  if (!found || found.exitCode !== 0) throw new Error(`no recording of kubectl ${args}`);
  return found.stdout;
}

/**
 * The generator's output without the Go zero values the projection leaves out: the unset
 * creationTimestamp, `strategy: {}`, `resources: {}`, `spec: {}` and the whole status.
 */
function withoutZeroValues(yaml: string): string {
  return yaml
    .replace(/^status:\n(?: .*\n)*/m, '')
    .replace(/^status: \{\}\n/m, '')
    .replace(/^ *(creationTimestamp: null|strategy: \{\}|resources: \{\}|spec: \{\})\n/gm, '');
}

/** Lines that differ between two YAML texts, as `-old` / `+new`. */
function changedLines(before: string, after: string): string[] {
  return diffLines(splitLines(before), splitLines(after))
    .filter((l) => l.op !== ' ')
    .map((l) => `${l.op}${l.text}`);
}

describe('manifestYaml, as a person would write it', () => {
  const deployments = [
    'my-app --image=nginx:latest',
    'my-app --image=nginx:latest --replicas=3',
    'my-app --image=nginx:latest --port=80',
    'my-app --image=nginx --image=redis',
    'pause --image=registry.k8s.io/pause:3.9',
    'my-app --image=nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ];
  it.each(deployments)('create deployment %s matches the generated manifest', (args) => {
    const s = freshSession();
    const change = changeOf(s, `kubectl create deployment ${args}`);
    expect(manifestYaml(change.after, HIDE)).toBe(
      withoutZeroValues(oracle(`create deployment ${args} --dry-run=client -o yaml`)),
    );
  });

  it('keeps a command and a namespace other than default, as the generator writes them', () => {
    const s = runAll(freshSession(), 'kubectl create namespace other');
    const other = changeOf(s, 'kubectl create deployment my-app --image=nginx:latest -n other');
    expect(manifestYaml(other.after, HIDE)).toBe(
      withoutZeroValues(
        oracle('create deployment my-app --image=nginx:latest -n other --dry-run=client -o yaml'),
      ),
    );
    const busy = changeOf(s, 'kubectl create deployment my-app --image=busybox -- sleep 3600');
    expect(manifestYaml(busy.after, HIDE)).toBe(
      withoutZeroValues(
        oracle('create deployment my-app --image=busybox --dry-run=client -o yaml -- sleep 3600'),
      ),
    );
  });

  it('pins the projection of `kubectl create deployment my-app --image=nginx:1.27.0`', () => {
    const change = changeOf(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
    );
    expect(manifestYaml(change.after, HIDE)).toMatchInlineSnapshot(`
      "apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: my-app
        name: my-app
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: my-app
        template:
          metadata:
            labels:
              app: my-app
          spec:
            containers:
            - image: nginx:1.27.0
              name: nginx
      "
    `);
  });

  it('creates namespaces as `kubectl create namespace` writes them', () => {
    const change = changeOf(freshSession(), 'kubectl create namespace argocd');
    expect(manifestYaml(change.after, HIDE)).toBe(
      withoutZeroValues(oracle('create namespace argocd --dry-run=client -o yaml')),
    );
  });

  // The generator spells out defaults the API server would fill in (protocol, ClusterIP);
  // the projection hides them, as it hides every server default.
  it.each([
    ['clusterip my-app --tcp=80:8080', ['    protocol: TCP', '  type: ClusterIP']],
    ['nodeport my-app --tcp=80:8080', ['    protocol: TCP']],
    ['loadbalancer my-app --tcp=80:8080', ['    protocol: TCP']],
    ['loadbalancer my-app --tcp=80', ['    protocol: TCP', '    targetPort: 80']],
  ])('create service %s matches the generated manifest less its defaults', (args, defaults) => {
    const change = changeOf(freshSession(), `kubectl create service ${args}`);
    let expected = withoutZeroValues(oracle(`create service ${args} --dry-run=client -o yaml`));
    for (const line of defaults) expected = expected.replace(`${line}\n`, '');
    expect(manifestYaml(change.after, HIDE)).toBe(expected);
  });

  it('hides what the API server allocated for an exposed Service', () => {
    const s = runAll(freshSession(), 'kubectl create deployment my-app --image=nginx:1.27.0');
    const change = changeOf(
      s,
      'kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=8080',
    );
    const full = manifestYaml(change.after, FULL);
    for (const allocated of ['clusterIP:', 'clusterIPs:', 'nodePort:', 'ipFamilies:'])
      expect(full).toContain(allocated);
    expect(manifestYaml(change.after, HIDE)).toMatchInlineSnapshot(`
      "apiVersion: v1
      kind: Service
      metadata:
        labels:
          app: my-app
        name: my-app
      spec:
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: my-app
        type: LoadBalancer
      "
    `);
  });

  it('shows only `replicas: 1` → `replicas: 3` for kubectl scale', () => {
    const s = runAll(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'sleep 30',
    );
    const change = changeOf(s, 'kubectl scale deployment my-app --replicas=3');
    expect(
      changedLines(manifestYaml(change.before, HIDE), manifestYaml(change.after, HIDE)),
    ).toEqual(['-  replicas: 1', '+  replicas: 3']);
    // The full form also moves the generation and the resourceVersion.
    const full = changedLines(manifestYaml(change.before, FULL), manifestYaml(change.after, FULL));
    expect(full).toContain('+  replicas: 3');
    expect(full.some((l) => l.startsWith('+  resourceVersion:'))).toBe(true);
  });

  it('shows only the image line for kubectl set image, after a finished rollout', () => {
    const s = runAll(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'sleep 60',
    );
    // By now the controller has written the revision annotation and the status.
    const change = changeOf(s, 'kubectl set image deployment/my-app nginx=nginx:1.28.0');
    expect(manifestYaml(change.before, FULL)).toContain('deployment.kubernetes.io/revision');
    expect(manifestYaml(change.before, FULL)).toContain('availableReplicas: 1');
    expect(
      changedLines(manifestYaml(change.before, HIDE), manifestYaml(change.after, HIDE)),
    ).toEqual(['-      - image: nginx:1.27.0', '+      - image: nginx:1.28.0']);
  });

  it('prints the full form exactly as kubectl get -o yaml does', () => {
    const s = runAll(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'kubectl expose deployment my-app --port=80',
      'sleep 60',
    );
    changeOf(s, 'kubectl scale deployment my-app --replicas=2');
    const deployment = reader(s.world).get('Deployment', 'default', 'my-app');
    expect(manifestYaml(deployment, FULL)).toBe(
      stdoutOf(s, 'kubectl get deployment my-app -o yaml'),
    );
    const service = changeOf(s, 'kubectl delete service my-app').before;
    expect(manifestYaml(service, FULL)).toContain('clusterIP: ');
    expect(manifestYaml(undefined, FULL)).toBe('');
    expect(manifestYaml(undefined, HIDE)).toBe('');
  });

  it('undoes exactly what the server defaults add to a minimal object', () => {
    const minimal: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    expect(manifestObject(defaultDeployment(minimal))).toEqual(minimal);
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }], type: 'NodePort' },
    };
    expect(manifestObject(defaultService(svc))).toEqual(svc);
  });

  it('keeps values a person chose even where a default exists', () => {
    const chosen: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 3,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            restartPolicy: 'Always',
            containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Always' }],
          },
        },
      },
    };
    const projected = manifestObject(defaultDeployment(chosen));
    expect(projected.spec).toMatchObject({
      revisionHistoryLimit: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    });
    expect(JSON.stringify(projected)).toContain('"imagePullPolicy":"Always"');
    // restartPolicy Always is the default: a manifest that says so reads the same without it.
    expect(JSON.stringify(projected)).not.toContain('restartPolicy');
    const recreate = manifestObject(
      defaultDeployment({ ...chosen, spec: { ...chosen.spec!, strategy: { type: 'Recreate' } } }),
    );
    expect(recreate.spec).toMatchObject({ strategy: { type: 'Recreate' } });
  });

  it('leaves out what admission and the scheduler add to a bare pod', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'solo', labels: { run: 'solo' } },
      spec: { containers: [{ name: 'solo', image: 'nginx:1.27' }] },
    };
    const w = new TestWorld({ seed: 1 }).create('Pod', pod).wait(30_000);
    const stored = w.get('Pod', 'solo');
    expect(stored?.spec?.nodeName).toBeTruthy();
    expect(stored?.spec?.volumes?.length).toBe(1);
    expect(manifestObject(stored as Pod)).toEqual({ ...pod });
  });

  it('hides a ReplicaSet’s pod-template-hash and its controller’s bookkeeping', () => {
    const s = runAll(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'sleep 30',
    );
    const rsName = stdoutOf(s, 'kubectl get rs -o name').trim().replace('replicaset.apps/', '');
    const rs = changeOf(s, `kubectl delete rs ${rsName}`).before;
    const full = manifestYaml(rs, FULL);
    expect(full).toContain('pod-template-hash');
    expect(full).toContain('ownerReferences');
    const hidden = manifestYaml(rs, HIDE);
    expect(hidden).not.toMatch(/pod-template-hash|ownerReferences|deployment\.kubernetes\.io/);
    expect(hidden).toContain('kind: ReplicaSet');
  });
});
