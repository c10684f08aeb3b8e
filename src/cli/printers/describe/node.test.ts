// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeNode,
// describeNodeLease, describeNodeResource; requests and limits summed as
// staging/src/k8s.io/kubectl/pkg/util/resource/resource.go (PodRequestsAndLimits) does. The outputs
// were checked byte for byte against kubectl v1.32.5 describing the same objects (with the lease
// the simulator implies) served by a stub API server.
import { describe, expect, it } from 'vitest';
import type { Event, Node, Pod } from '../../../engine/k8s/types';
import { describeNode, nodeRoles } from './node';
import { ago, NOW } from './fixtures';
import { memoryReader } from './testing';

const worker: Node & { kind: 'Node' } = {
  kind: 'Node',
  metadata: {
    name: 'worker-1',
    uid: 'node-uid-1',
    creationTimestamp: ago(86400 * 3 + 7),
    labels: {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'worker-1',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/worker': '',
    },
    annotations: {
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: {
    podCIDR: '10.244.1.0/24',
    podCIDRs: ['10.244.1.0/24'],
    providerID: 'kind://docker/kind/worker-1',
  },
  status: {
    capacity: {
      cpu: '8',
      'ephemeral-storage': '263112772Ki',
      'hugepages-2Mi': '0',
      memory: '32786128Ki',
      pods: '110',
    },
    allocatable: {
      cpu: '8',
      'ephemeral-storage': '263112772Ki',
      'hugepages-2Mi': '0',
      memory: '32786128Ki',
      pods: '110',
    },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        lastHeartbeatTime: ago(200),
        lastTransitionTime: ago(86400 * 3),
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: ago(200),
        lastTransitionTime: ago(86400 * 3 - 20),
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'worker-1' },
    ],
    nodeInfo: {
      machineID: '3f1e2d4c5b6a49788796a5b4c3d2e1f0',
      systemUUID: '3f1e2d4c-5b6a-4978-8796-a5b4c3d2e1f0',
      bootID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      kernelVersion: '6.8.0-45-generic',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion: 'v1.32.0',
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  },
};

function podOn(
  namespace: string,
  name: string,
  phase: string,
  resources: object[],
): Pod & { kind: 'Pod' } {
  return {
    kind: 'Pod',
    metadata: { name, namespace, creationTimestamp: ago(900) },
    spec: {
      nodeName: 'worker-1',
      containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })),
    },
    status: { phase },
  };
}

function nodeEvent(
  uid: string,
  reason: string,
  message: string,
  component: string,
): Event & { kind: 'Event' } {
  return {
    kind: 'Event',
    metadata: { name: `worker-1.${reason}`, namespace: 'default' },
    involvedObject: { kind: 'Node', name: 'worker-1', uid, apiVersion: 'v1' },
    type: 'Normal',
    reason,
    message,
    source: { component },
    firstTimestamp: ago(86400 * 3),
    lastTimestamp: ago(86400 * 3),
    count: 1,
  };
}

describe('describeNode', () => {
  it('prints the long form with the pods on the node and their resources', () => {
    const objects = [
      worker,
      podOn('kube-system', 'coredns-7c65d6cfc9-hxgp8', 'Running', [
        { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
      ]),
      podOn('default', 'my-app-7d9c6f9c5b-2xvqn', 'Running', [
        { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
        { requests: { cpu: '250m', memory: '64Mi' } },
      ]),
      podOn('default', 'finished', 'Succeeded', [{ requests: { cpu: '1' } }]),
      // The kubelet names its node by name where controllers use the uid; both belong here.
      nodeEvent('worker-1', 'Starting', 'Starting kubelet.', 'kubelet'),
      nodeEvent(
        'node-uid-1',
        'RegisteredNode',
        'Node worker-1 event: Registered Node worker-1 in Controller',
        'node-controller',
      ),
    ];
    expect(describeNode(worker, { now: NOW, reader: memoryReader(objects) }))
      .toMatchInlineSnapshot(`
      "Name:               worker-1
      Roles:              worker
      Labels:             beta.kubernetes.io/arch=amd64
                          beta.kubernetes.io/os=linux
                          kubernetes.io/arch=amd64
                          kubernetes.io/hostname=worker-1
                          kubernetes.io/os=linux
                          node-role.kubernetes.io/worker=
      Annotations:        node.alpha.kubernetes.io/ttl: 0
                          volumes.kubernetes.io/controller-managed-attach-detach: true
      CreationTimestamp:  Thu, 29 May 2025 11:59:53 +0000
      Taints:             <none>
      Unschedulable:      false
      Lease:
        HolderIdentity:  worker-1
        AcquireTime:     <unset>
        RenewTime:       Sun, 01 Jun 2025 11:59:53 +0000
      Conditions:
        Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
        ----             ------  -----------------                 ------------------                ------                       -------
        MemoryPressure   False   Sun, 01 Jun 2025 11:56:40 +0000   Thu, 29 May 2025 12:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
        Ready            True    Sun, 01 Jun 2025 11:56:40 +0000   Thu, 29 May 2025 12:00:20 +0000   KubeletReady                 kubelet is posting ready status
      Addresses:
        InternalIP:  172.18.0.3
        Hostname:    worker-1
      Capacity:
        cpu:                8
        ephemeral-storage:  263112772Ki
        hugepages-2Mi:      0
        memory:             32786128Ki
        pods:               110
      Allocatable:
        cpu:                8
        ephemeral-storage:  263112772Ki
        hugepages-2Mi:      0
        memory:             32786128Ki
        pods:               110
      System Info:
        Machine ID:                 3f1e2d4c5b6a49788796a5b4c3d2e1f0
        System UUID:                3f1e2d4c-5b6a-4978-8796-a5b4c3d2e1f0
        Boot ID:                    0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
        Kernel Version:             6.8.0-45-generic
        OS Image:                   Debian GNU/Linux 12 (bookworm)
        Operating System:           linux
        Architecture:               amd64
        Container Runtime Version:  containerd://1.7.24
        Kubelet Version:            v1.32.0
        Kube-Proxy Version:         
      PodCIDR:                      10.244.1.0/24
      PodCIDRs:                     10.244.1.0/24
      ProviderID:                   kind://docker/kind/worker-1
      Non-terminated Pods:          (2 in total)
        Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
        ---------                   ----                        ------------  ----------  ---------------  -------------  ---
        default                     my-app-7d9c6f9c5b-2xvqn     500m (6%)     500m (6%)   128Mi (0%)       128Mi (0%)     15m
        kube-system                 coredns-7c65d6cfc9-hxgp8    100m (1%)     0 (0%)      70Mi (0%)        170Mi (0%)     15m
      Allocated resources:
        (Total limits may be over 100 percent, i.e., overcommitted.)
        Resource           Requests    Limits
        --------           --------    ------
        cpu                600m (7%)   500m (6%)
        memory             198Mi (0%)  298Mi (0%)
        ephemeral-storage  0 (0%)      0 (0%)
        hugepages-2Mi      0 (0%)      0 (0%)
      Events:
        Type    Reason          Age   From             Message
        ----    ------          ----  ----             -------
        Normal  RegisteredNode  3d    node-controller  Node worker-1 event: Registered Node worker-1 in Controller
        Normal  Starting        3d    kubelet          Starting kubelet.
      "
    `);
  });

  it('prints taints, roles and `Events: <none>` for an unschedulable control-plane node', () => {
    const cp: Node = {
      metadata: {
        name: 'control-plane',
        creationTimestamp: ago(1000),
        labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'master' },
      },
      spec: {
        taints: [
          { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          { key: 'a', value: 'b', effect: 'NoExecute' },
        ],
        unschedulable: true,
      },
      status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' } },
    };
    const out = describeNode(cp, { now: NOW, reader: memoryReader([]) });
    expect(out).toContain('Roles:              control-plane,master\n');
    expect(out).toContain(
      'Taints:             a=b:NoExecute\n                    node-role.kubernetes.io/control-plane:NoSchedule\n',
    );
    expect(out).toContain('Unschedulable:      true\n');
    // The lease is renewed every ten seconds since the node registered.
    expect(out).toContain('  RenewTime:       Sun, 01 Jun 2025 12:00:00 +0000\n');
    expect(out).toContain('Non-terminated Pods:          (0 in total)\n');
    expect(
      out.endsWith('  ephemeral-storage  0 (0%)    0 (0%)\nEvents:              <none>\n'),
    ).toBe(true);
  });
});

describe('nodeRoles', () => {
  it('reads node-role.kubernetes.io/* labels and kubernetes.io/role, sorted', () => {
    expect(
      nodeRoles({
        metadata: {
          labels: {
            'node-role.kubernetes.io/worker': '',
            'node-role.kubernetes.io/': 'x',
            'kubernetes.io/role': 'edge',
          },
        },
      }),
    ).toEqual(['edge', 'worker']);
  });
});
