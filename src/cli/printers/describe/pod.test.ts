// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describePod,
// describeContainers, describeVolumes, DescribeEvents. The expected outputs were checked byte for
// byte against kubectl v1.32.5 describing the same objects served by a stub API server.
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../../engine/k8s/types';
import { describePod, podQOS } from './pod';
import { ago, NOW } from './fixtures';
import { memoryReader } from './testing';

const tolerations = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

function replicaSetPod(name: string, image: string, running: boolean): Pod & { kind: 'Pod' } {
  const suffix = name.slice(-5);
  const notReady = {
    reason: 'ContainersNotReady',
    message: 'containers with unready status: [my-app]',
  };
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: ago(700),
      labels: { app: 'my-app', 'pod-template-hash': name.split('-')[2] ?? '' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: name.slice(0, name.lastIndexOf('-')),
          uid: 'rs-uid',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'my-app',
          image,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [
            {
              name: `kube-api-access-${suffix}`,
              readOnly: true,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            },
          ],
        },
      ],
      serviceAccountName: 'default',
      nodeName: 'worker-1',
      priority: 0,
      tolerations,
      volumes: [
        {
          name: `kube-api-access-${suffix}`,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      path: 'namespace',
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      phase: running ? 'Running' : 'Pending',
      qosClass: 'BestEffort',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.8',
      podIPs: [{ ip: '10.244.1.8' }],
      startTime: ago(700),
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: running ? 'True' : 'False', ...(running ? {} : notReady) },
        {
          type: 'ContainersReady',
          status: running ? 'True' : 'False',
          ...(running ? {} : notReady),
        },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [
        running
          ? {
              name: 'my-app',
              ready: true,
              restartCount: 0,
              started: true,
              image: `docker.io/library/${image}`,
              imageID:
                'docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d',
              containerID:
                'containerd://efccc7403687e6499533e4ff1988c28fed8879bddb78dc54b28d77e667766764',
              state: { running: { startedAt: ago(695) } },
              lastState: {},
            }
          : {
              name: 'my-app',
              ready: false,
              restartCount: 0,
              image,
              imageID: '',
              state: {
                waiting: {
                  reason: 'ImagePullBackOff',
                  message: `Back-off pulling image "${image}"`,
                },
              },
              lastState: {},
            },
      ],
    },
  };
}

function kubeletEvent(
  pod: Pod,
  id: string,
  type: string,
  reason: string,
  message: string,
  first: number,
  last: number,
  count: number,
): Event & { kind: 'Event' } {
  return {
    kind: 'Event',
    metadata: { name: `${pod.metadata?.name ?? ''}.${id}`, namespace: 'default', uid: `ev-${id}` },
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
      apiVersion: 'v1',
      fieldPath: 'spec.containers{my-app}',
    },
    type,
    reason,
    message,
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
  };
}

describe('describePod', () => {
  it('prints a pod stuck in ImagePullBackOff with its events, oldest first', () => {
    const pod = replicaSetPod('my-app-5f8d7c9b4-x7k2p', 'nginx:1.27-typo', false);
    const image = 'nginx:1.27-typo';
    const events: (Event & { kind: 'Event' })[] = [
      kubeletEvent(pod, 'e6', 'Warning', 'Failed', 'Error: ImagePullBackOff', 695, 30, 42),
      kubeletEvent(
        pod,
        'e5',
        'Normal',
        'BackOff',
        `Back-off pulling image "${image}"`,
        695,
        30,
        42,
      ),
      kubeletEvent(pod, 'e2', 'Normal', 'Pulling', `Pulling image "${image}"`, 698, 610, 4),
      kubeletEvent(
        pod,
        'e3',
        'Warning',
        'Failed',
        `Failed to pull image "${image}": not found`,
        696,
        608,
        4,
      ),
      kubeletEvent(pod, 'e4', 'Warning', 'Failed', 'Error: ErrImagePull', 696, 608, 4),
      // The scheduler records events through events.k8s.io: eventTime and reportingController only.
      {
        kind: 'Event',
        metadata: { name: 'my-app-5f8d7c9b4-x7k2p.e1', namespace: 'default', uid: 'ev-e1' },
        involvedObject: {
          kind: 'Pod',
          namespace: 'default',
          name: 'my-app-5f8d7c9b4-x7k2p',
          uid: 'uid-my-app-5f8d7c9b4-x7k2p',
        },
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned default/my-app-5f8d7c9b4-x7k2p to worker-1',
        eventTime: ago(700).replace('Z', '.123456Z'),
        reportingComponent: 'default-scheduler',
        source: {},
      },
      // Same name, other uid: an earlier pod of that name. kubectl filters it out.
      {
        ...kubeletEvent(pod, 'old', 'Normal', 'Killing', 'Stopping container my-app', 9, 9, 1),
        involvedObject: {
          kind: 'Pod',
          namespace: 'default',
          name: 'my-app-5f8d7c9b4-x7k2p',
          uid: 'other',
        },
      },
    ];
    const out = describePod(pod, { now: NOW, reader: memoryReader([pod, ...events]) });
    expect(out).toMatchInlineSnapshot(`
      "Name:             my-app-5f8d7c9b4-x7k2p
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             worker-1/172.18.0.3
      Start Time:       Sun, 01 Jun 2025 11:48:20 +0000
      Labels:           app=my-app
                        pod-template-hash=5f8d7c9b4
      Annotations:      <none>
      Status:           Pending
      IP:               10.244.1.8
      IPs:
        IP:           10.244.1.8
      Controlled By:  ReplicaSet/my-app-5f8d7c9b4
      Containers:
        my-app:
          Container ID:   
          Image:          nginx:1.27-typo
          Image ID:       
          Port:           8080/TCP
          Host Port:      0/TCP
          State:          Waiting
            Reason:       ImagePullBackOff
          Ready:          False
          Restart Count:  0
          Environment:    <none>
          Mounts:
            /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       False 
        ContainersReady             False 
        PodScheduled                True 
      Volumes:
        kube-api-access-x7k2p:
          Type:                    Projected (a volume that contains injected data from multiple sources)
          TokenExpirationSeconds:  3607
          ConfigMapName:           kube-root-ca.crt
          ConfigMapOptional:       <nil>
          DownwardAPI:             true
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:
        Type     Reason     Age                 From               Message
        ----     ------     ----                ----               -------
        Normal   Scheduled  11m                 default-scheduler  Successfully assigned default/my-app-5f8d7c9b4-x7k2p to worker-1
        Normal   Pulling    10m (x4 over 11m)   kubelet            Pulling image "nginx:1.27-typo"
        Warning  Failed     10m (x4 over 11m)   kubelet            Failed to pull image "nginx:1.27-typo": not found
        Warning  Failed     10m (x4 over 11m)   kubelet            Error: ErrImagePull
        Normal   BackOff    30s (x42 over 11m)  kubelet            Back-off pulling image "nginx:1.27-typo"
        Warning  Failed     30s (x42 over 11m)  kubelet            Error: ImagePullBackOff
      "
    `);
  });

  it('prints a running pod and `Events: <none>` aligned with the block above it', () => {
    const pod = replicaSetPod('my-app-7d9c6f9c5b-2xvqn', 'nginx:1.27', true);
    const out = describePod(pod, { now: NOW, reader: memoryReader([pod]) });
    expect(out).toMatchInlineSnapshot(`
      "Name:             my-app-7d9c6f9c5b-2xvqn
      Namespace:        default
      Priority:         0
      Service Account:  default
      Node:             worker-1/172.18.0.3
      Start Time:       Sun, 01 Jun 2025 11:48:20 +0000
      Labels:           app=my-app
                        pod-template-hash=7d9c6f9c5b
      Annotations:      <none>
      Status:           Running
      IP:               10.244.1.8
      IPs:
        IP:           10.244.1.8
      Controlled By:  ReplicaSet/my-app-7d9c6f9c5b
      Containers:
        my-app:
          Container ID:   containerd://efccc7403687e6499533e4ff1988c28fed8879bddb78dc54b28d77e667766764
          Image:          nginx:1.27
          Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
          Port:           8080/TCP
          Host Port:      0/TCP
          State:          Running
            Started:      Sun, 01 Jun 2025 11:48:25 +0000
          Ready:          True
          Restart Count:  0
          Environment:    <none>
          Mounts:
            /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-2xvqn (ro)
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True 
        Initialized                 True 
        Ready                       True 
        ContainersReady             True 
        PodScheduled                True 
      Volumes:
        kube-api-access-2xvqn:
          Type:                    Projected (a volume that contains injected data from multiple sources)
          TokenExpirationSeconds:  3607
          ConfigMapName:           kube-root-ca.crt
          ConfigMapOptional:       <nil>
          DownwardAPI:             true
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
      Events:                      <none>
      "
    `);
  });

  it('matches the upstream test for a bare pod (TestDescribePodVolumes)', () => {
    const pod: Pod = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        containers: [],
        volumes: [
          { name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } } as never,
        ],
      },
    };
    expect(describePod(pod, { now: NOW, reader: memoryReader([]) })).toBe(
      [
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('shows a pod being deleted as Terminating', () => {
    const pod = replicaSetPod('my-app-7d9c6f9c5b-2xvqn', 'nginx:1.27', true);
    pod.metadata = { ...pod.metadata, deletionTimestamp: ago(-25), deletionGracePeriodSeconds: 30 };
    const out = describePod(pod, { now: NOW, reader: memoryReader([]) });
    // The deletion timestamp is in the future, so the age is kubectl's `<invalid>`.
    expect(out).toContain('Status:                    Terminating (lasts <invalid>)\n');
    expect(out).toContain('Termination Grace Period:  30s\n');
  });
});

describe('podQOS', () => {
  const withResources = (...resources: object[]): Pod => ({
    spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) },
  });

  it('computes the class when the status does not carry it', () => {
    expect(podQOS(withResources({}, {}))).toBe('BestEffort');
    expect(podQOS(withResources({ requests: { cpu: '100m' } }))).toBe('Burstable');
    const equal = {
      requests: { cpu: '1', memory: '1Gi' },
      limits: { cpu: '1000m', memory: '1024Mi' },
    };
    expect(podQOS(withResources(equal, equal))).toBe('Guaranteed');
    expect(podQOS(withResources(equal, { limits: { cpu: '1' } }))).toBe('Burstable');
  });

  it('prefers status.qosClass', () => {
    expect(podQOS({ ...withResources({}), status: { qosClass: 'Guaranteed' } })).toBe('Guaranteed');
  });
});
