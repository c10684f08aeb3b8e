// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32):
// describeDeployment, DescribePodTemplate, describeReplicaSet; ReplicaSet lookup from
// staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go. The expected outputs were checked
// byte for byte against kubectl v1.32.5 describing the same objects served by a stub API server.
//
// Compare the transcripts in kubernetes/website content/en/docs/concepts/workloads/controllers/
// deployment.md ("Rolling Back a Deployment"): same layout, except that kubectl 1.30 added
// `Node-Selectors:` and `Tolerations:` to the pod template, which widens its first column by one.
import { describe, expect, it } from 'vitest';
import type {
  Deployment,
  Event,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
} from '../../../engine/k8s/types';
import { describeDeployment, describeReplicaSet } from './apps';
import { ago, NOW } from './fixtures';
import { memoryReader } from './testing';

const DEPLOYMENT_UID = 'd0d0d0d0-0000-4000-8000-000000000001';

function template(image: string, hash?: string): PodTemplateSpec {
  return {
    metadata: { labels: { app: 'my-app', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: {
      containers: [
        {
          name: 'my-app',
          image,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
    },
  };
}

function replicaSet(
  hash: string,
  image: string,
  revision: string,
  created: number,
  replicas: number,
): ReplicaSet & { kind: 'ReplicaSet' } {
  return {
    kind: 'ReplicaSet',
    metadata: {
      name: `my-app-${hash}`,
      namespace: 'default',
      uid: `rs-${hash}`,
      creationTimestamp: ago(created),
      labels: { app: 'my-app', 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': revision,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'my-app',
          uid: DEPLOYMENT_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'my-app', 'pod-template-hash': hash } },
      template: template(image, hash),
    },
    status: { replicas, readyReplicas: hash === '7d9c6f9c5b' ? replicas : 0 },
  };
}

const deployment: Deployment & { kind: 'Deployment' } = {
  kind: 'Deployment',
  metadata: {
    name: 'my-app',
    namespace: 'default',
    uid: DEPLOYMENT_UID,
    creationTimestamp: ago(1500),
    labels: { app: 'my-app' },
    annotations: {
      'deployment.kubernetes.io/revision': '2',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}\n',
    },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'my-app' } },
    template: template('nginx:1.27-typo'),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  },
  status: {
    replicas: 4,
    updatedReplicas: 1,
    readyReplicas: 3,
    availableReplicas: 3,
    unavailableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
    ],
  },
};

const oldRS = replicaSet('7d9c6f9c5b', 'nginx:1.27', '1', 1500, 3);
const newRS = replicaSet('5f8d7c9b4', 'nginx:1.27-typo', '2', 700, 1);
// A revision scaled to zero is not listed among the old ReplicaSets.
const retiredRS = replicaSet('6b8f9d7c55', 'nginx:1.26', '0', 3000, 0);

function pod(rs: ReplicaSet, suffix: string, phase: string): Pod & { kind: 'Pod' } {
  return {
    kind: 'Pod',
    metadata: {
      name: `${rs.metadata?.name ?? ''}-${suffix}`,
      namespace: 'default',
      labels: rs.spec?.template?.metadata?.labels ?? {},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata?.name ?? '',
          uid: rs.metadata?.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: { containers: [] },
    status: { phase },
  };
}

function controllerEvent(
  obj: Deployment | ReplicaSet,
  kind: string,
  id: string,
  reason: string,
  message: string,
  secondsAgo: number,
  component: string,
): Event & { kind: 'Event' } {
  return {
    kind: 'Event',
    metadata: { name: `${obj.metadata?.name ?? ''}.${id}`, namespace: 'default' },
    involvedObject: {
      kind,
      namespace: 'default',
      name: obj.metadata?.name ?? '',
      uid: obj.metadata?.uid ?? '',
      apiVersion: 'apps/v1',
    },
    type: 'Normal',
    reason,
    message,
    source: { component },
    firstTimestamp: ago(secondsAgo),
    lastTimestamp: ago(secondsAgo),
    count: 1,
  };
}

const objects = [
  deployment,
  oldRS,
  newRS,
  retiredRS,
  pod(oldRS, '2xvqn', 'Running'),
  pod(oldRS, '9wz4l', 'Running'),
  pod(oldRS, 'kq8rd', 'Running'),
  pod(newRS, 'x7k2p', 'Pending'),
  controllerEvent(
    deployment,
    'Deployment',
    'a1',
    'ScalingReplicaSet',
    'Scaled up replica set my-app-7d9c6f9c5b from 0 to 3',
    1500,
    'deployment-controller',
  ),
  controllerEvent(
    deployment,
    'Deployment',
    'a2',
    'ScalingReplicaSet',
    'Scaled up replica set my-app-5f8d7c9b4 from 0 to 1',
    700,
    'deployment-controller',
  ),
  controllerEvent(
    newRS,
    'ReplicaSet',
    'b1',
    'SuccessfulCreate',
    'Created pod: my-app-5f8d7c9b4-x7k2p',
    700,
    'replicaset-controller',
  ),
];

describe('describeDeployment', () => {
  it('prints a rollout in progress with its old and new ReplicaSets', () => {
    const out = describeDeployment(deployment, { now: NOW, reader: memoryReader(objects) });
    expect(out).toMatchInlineSnapshot(`
      "Name:                   my-app
      Namespace:              default
      CreationTimestamp:      Sun, 01 Jun 2025 11:35:00 +0000
      Labels:                 app=my-app
      Annotations:            deployment.kubernetes.io/revision: 2
      Selector:               app=my-app
      Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=my-app
        Containers:
         my-app:
          Image:         nginx:1.27-typo
          Port:          8080/TCP
          Host Port:     0/TCP
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    ReplicaSetUpdated
      OldReplicaSets:  my-app-7d9c6f9c5b (3/3 replicas created)
      NewReplicaSet:   my-app-5f8d7c9b4 (1/1 replicas created)
      Events:
        Type    Reason             Age   From                   Message
        ----    ------             ----  ----                   -------
        Normal  ScalingReplicaSet  25m   deployment-controller  Scaled up replica set my-app-7d9c6f9c5b from 0 to 3
        Normal  ScalingReplicaSet  11m   deployment-controller  Scaled up replica set my-app-5f8d7c9b4 from 0 to 1
      "
    `);
  });

  it('leaves out OldReplicaSets and NewReplicaSet when it owns none', () => {
    const recreate: Deployment = {
      metadata: {
        name: 'recreate',
        namespace: 'default',
        uid: 'dep-r',
        creationTimestamp: ago(100),
      },
      spec: {
        replicas: 2,
        selector: {
          matchLabels: { app: 'r' },
          matchExpressions: [
            { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
            { key: 'tier', operator: 'Exists' },
          ],
        },
        template: {
          metadata: {
            labels: { app: 'r', tier: 'x' },
            annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-01-01T00:00:00Z' },
          },
          spec: {
            serviceAccountName: 'sa',
            priorityClassName: 'high',
            containers: [],
            volumes: [{ name: 'v', emptyDir: {} }],
            nodeSelector: { a: 'b' },
            tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
          },
        },
        strategy: { type: 'Recreate' },
        minReadySeconds: 5,
      },
      status: {},
    };
    const out = describeDeployment(recreate, { now: NOW, reader: memoryReader(objects) });
    expect(out).toMatchInlineSnapshot(`
      "Name:               recreate
      Namespace:          default
      CreationTimestamp:  Sun, 01 Jun 2025 11:58:20 +0000
      Labels:             <none>
      Annotations:        <none>
      Selector:           app=r,env notin (dev,prod),tier
      Replicas:           2 desired | 0 updated | 0 total | 0 available | 0 unavailable
      StrategyType:       Recreate
      MinReadySeconds:    5
      Pod Template:
        Labels:           app=r
                          tier=x
        Annotations:      kubectl.kubernetes.io/restartedAt: 2024-01-01T00:00:00Z
        Service Account:  sa
        Containers: <none>
        Volumes:
         v:
          Type:               EmptyDir (a temporary directory that shares a pod's lifetime)
          Medium:             
          SizeLimit:          <unset>
        Priority Class Name:  high
        Node-Selectors:       a=b
        Tolerations:          k:NoSchedule op=Exists
      Events:                 <none>
      "
    `);
  });
});

describe('describeReplicaSet', () => {
  it('counts the pods it controls by phase', () => {
    const out = describeReplicaSet(newRS, { now: NOW, reader: memoryReader(objects) });
    expect(out).toMatchInlineSnapshot(`
      "Name:           my-app-5f8d7c9b4
      Namespace:      default
      Selector:       app=my-app,pod-template-hash=5f8d7c9b4
      Labels:         app=my-app
                      pod-template-hash=5f8d7c9b4
      Annotations:    deployment.kubernetes.io/desired-replicas: 3
                      deployment.kubernetes.io/max-replicas: 4
                      deployment.kubernetes.io/revision: 2
      Controlled By:  Deployment/my-app
      Replicas:       1 current / 1 desired
      Pods Status:    0 Running / 1 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=my-app
                 pod-template-hash=5f8d7c9b4
        Containers:
         my-app:
          Image:         nginx:1.27-typo
          Port:          8080/TCP
          Host Port:     0/TCP
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From                   Message
        ----    ------            ----  ----                   -------
        Normal  SuccessfulCreate  11m   replicaset-controller  Created pod: my-app-5f8d7c9b4-x7k2p
      "
    `);
  });

  it('prints the old ReplicaSet with no events', () => {
    const out = describeReplicaSet(oldRS, { now: NOW, reader: memoryReader(objects) });
    expect(out).toContain('Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(out.endsWith('\n  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true);
  });
});
