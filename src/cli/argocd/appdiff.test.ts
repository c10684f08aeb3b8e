// `diff LIVE TARGET` as argocd runs it (argo-cd util/cli/cli.go PrintDiff); the expected outputs
// were produced by GNU diffutils' `diff` on the same inputs.
import { describe, expect, it } from 'vitest';
import { normalDiff, predictedLive } from './appdiff';

describe('normalDiff', () => {
  it('prints changes, deletions and additions as GNU diff does', () => {
    expect(normalDiff('a\nb\nc\nd\ne\nf\n', 'a\nB\nc\ne\nf\ng\nh\n')).toBe(
      '2c2\n< b\n---\n> B\n4d3\n< d\n6a6,7\n> g\n> h\n',
    );
    expect(normalDiff('', 'x\ny\n')).toBe('0a1,2\n> x\n> y\n');
    expect(normalDiff('x\ny\n', '')).toBe('1,2d0\n< x\n< y\n');
    expect(normalDiff('same\n', 'same\n')).toBe('');
  });

  it('shows a changed field of a manifest on its own line', () => {
    const live =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: web\n';
    const target = live.replace('replicas: 3', 'replicas: 2').replace('1.25', '1.26');
    expect(normalDiff(live, target)).toBe(
      '4c4\n<   replicas: 3\n---\n>   replicas: 2\n8c8\n<       - image: nginx:1.25\n---\n>       - image: nginx:1.26\n',
    );
  });
});

describe('predictedLive', () => {
  it("keeps the live object's other fields and merges containers by name", () => {
    const live = {
      metadata: { name: 'web', uid: 'u1' },
      spec: {
        replicas: 3,
        template: {
          spec: { containers: [{ name: 'web', image: 'a', imagePullPolicy: 'Always' }] },
        },
      },
      status: { replicas: 3 },
    };
    const target = {
      metadata: { name: 'web' },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'b' }] } } },
    };
    expect(predictedLive(live, target)).toEqual({
      metadata: { name: 'web', uid: 'u1' },
      spec: {
        replicas: 1,
        template: {
          spec: { containers: [{ name: 'web', image: 'b', imagePullPolicy: 'Always' }] },
        },
      },
      status: { replicas: 3 },
    });
  });

  it('drops what the last apply set and Git no longer has', () => {
    const lastApplied = JSON.stringify({ metadata: { name: 'web', labels: { tier: 'x' } } });
    const live = {
      metadata: {
        name: 'web',
        labels: { tier: 'x' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
      },
    };
    const out = predictedLive(live, { metadata: { name: 'web' } });
    expect((out['metadata'] as Record<string, unknown>)['labels']).toBeUndefined();
  });

  it('matches list items by their patch merge key, keeping what the server defaulted', () => {
    const live = {
      apiVersion: 'apps/v1',
      spec: {
        replicas: 5,
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:1.25',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                volumeMounts: [{ mountPath: '/data', name: 'data', readOnly: false }],
              },
            ],
          },
        },
      },
    };
    const target = {
      apiVersion: 'apps/v1',
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:1.25',
                ports: [{ containerPort: 80 }],
                volumeMounts: [{ mountPath: '/data', name: 'data' }],
              },
            ],
          },
        },
      },
    };
    expect(predictedLive(live, target)).toEqual({ ...live, spec: { ...live.spec, replicas: 2 } });
    const svc = {
      apiVersion: 'v1',
      spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    };
    expect(
      predictedLive(svc, { apiVersion: 'v1', spec: { ports: [{ port: 80, targetPort: 80 }] } }),
    ).toEqual(svc);
  });

  it('replaces the lists of a custom resource whole', () => {
    const live = { apiVersion: 'example.com/v1', spec: { items: [{ name: 'a', extra: 1 }] } };
    const target = { apiVersion: 'example.com/v1', spec: { items: [{ name: 'a' }] } };
    expect(predictedLive(live, target)).toEqual(target);
  });
});
