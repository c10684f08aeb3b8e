// Health wording from argoproj/gitops-engine pkg/health/health_deployment.go,
// health_statefulset.go, health_pod.go and health_service.go (as vendored by Argo CD v2.11).
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, Service, StatefulSet } from '../k8s/types';
import { MINUTE, SECOND } from '../time';
import { isWorse, resourceHealth } from './health';
import { FakeGit, Sim } from './testing';

function deployment(
  spec: Partial<NonNullable<Deployment['spec']>>,
  status: Deployment['status'],
  generation = 1,
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation },
    spec: { selector: {}, template: {}, ...spec },
    status,
  } as Deployment;
}

describe('resource health', () => {
  it('follows a Deployment rollout', () => {
    expect(resourceHealth(deployment({ replicas: 3 }, { observedGeneration: 1 }, 2))).toEqual({
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less then desired generation',
    });
    expect(
      resourceHealth(deployment({ replicas: 3 }, { observedGeneration: 1, updatedReplicas: 1 })),
    ).toEqual({
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
    });
    expect(
      resourceHealth(
        deployment({ replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, replicas: 4 }),
      )?.message,
    ).toBe('Waiting for rollout to finish: 1 old replicas are pending termination...');
    expect(
      resourceHealth(
        deployment(
          { replicas: 3 },
          { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 2 },
        ),
      )?.message,
    ).toBe('Waiting for rollout to finish: 2 of 3 updated replicas are available...');
    expect(
      resourceHealth(
        deployment(
          { replicas: 3 },
          { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 },
        ),
      ),
    ).toEqual({ status: 'Healthy' });
    expect(resourceHealth(deployment({ paused: true }, {}))).toEqual({
      status: 'Suspended',
      message: 'Deployment is paused',
    });
    expect(
      resourceHealth(
        deployment(
          { replicas: 3 },
          {
            observedGeneration: 1,
            conditions: [
              { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
            ],
          },
        ),
      ),
    ).toEqual({ status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' });
  });

  it('waits for a LoadBalancer address', () => {
    const svc: Service = { kind: 'Service', spec: { type: 'LoadBalancer' } };
    expect(resourceHealth(svc)).toEqual({ status: 'Progressing' });
    expect(
      resourceHealth({ ...svc, status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } }),
    ).toEqual({ status: 'Healthy' });
    expect(resourceHealth({ kind: 'ConfigMap' })).toBeUndefined();
  });

  it('reports pods stuck pulling as Degraded with the kubelet message', () => {
    const pod: Pod = {
      kind: 'Pod',
      spec: { containers: [] },
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'web',
            image: 'nginx:nope',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
          },
        ],
      },
    };
    expect(resourceHealth(pod)).toEqual({ status: 'Degraded', message: 'Back-off pulling image' });
  });

  it('reports a defaulted StatefulSet as a complete partitioned roll out', () => {
    const sts: StatefulSet = {
      kind: 'StatefulSet',
      metadata: { generation: 1 },
      spec: {
        replicas: 1,
        selector: {},
        serviceName: 'x',
        template: {},
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      },
      status: { observedGeneration: 1, replicas: 1, readyReplicas: 1, updatedReplicas: 1 },
    };
    expect(resourceHealth(sts)).toEqual({
      status: 'Healthy',
      message: 'partitioned roll out complete: 1 new pods have been updated...',
    });
    expect(resourceHealth({ ...sts, status: { ...sts.status!, readyReplicas: 0 } })?.message).toBe(
      'Waiting for 1 pods to be ready...',
    );
  });

  it('orders health from Healthy to Unknown', () => {
    expect(isWorse('Healthy', 'Progressing')).toBe(true);
    expect(isWorse('Missing', 'Progressing')).toBe(false);
    expect(isWorse('Missing', 'Degraded')).toBe(true);
    expect(isWorse('Suspended', 'Healthy')).toBe(false);
  });
});

// End to end: a synced bad image tag makes the Deployment, and with it the Application, Degraded
// once the Deployment controller reports ProgressDeadlineExceeded (kube-controller-manager
// pkg/controller/deployment/progress.go; gitops-engine pkg/health/health_deployment.go).
describe('a Deployment that exceeds its progress deadline', () => {
  it('turns Degraded, and the Application with it', { timeout: 60_000 }, () => {
    const repo = 'https://git.example.com/team/shop.git';
    const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
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
      - name: nginx
        image: ${image}
`;
    const git = new FakeGit();
    git.commit(repo, { 'app/deployment.yaml': manifest('nginx:latest') });
    const s = new Sim(git);
    s.install();
    s.advance(60 * SECOND);
    s.apply(
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'shop', namespace: 'argocd' },
        spec: {
          project: 'default',
          source: { repoURL: repo, path: 'app', targetRevision: 'HEAD' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
          syncPolicy: { automated: {} },
        },
      },
      'argocd',
    );
    s.advance(2 * MINUTE);
    expect(s.app('shop').status?.health).toEqual({ status: 'Healthy' });

    git.commit(repo, { 'app/deployment.yaml': manifest('nginx:2.27.0') });
    // Picked up at the next refresh (at most 180 s), then no progress for 600 s.
    s.advance(4 * MINUTE);
    const progressing = s.app('shop').status;
    expect(progressing?.health?.status).toBe('Progressing');
    s.advance(10 * MINUTE);
    const status = s.app('shop').status;
    const d = s.get('Deployment', 'default', 'my-app');
    expect(d?.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'ProgressDeadlineExceeded',
    );
    expect(status?.resources?.find((r) => r.kind === 'Deployment')?.health).toEqual({
      status: 'Degraded',
      message: 'Deployment "my-app" exceeded its progress deadline',
    });
    expect(status?.health?.status).toBe('Degraded');
  });
});
