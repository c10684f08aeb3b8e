// A fresh cluster as a cloud provider hands it over: the four system namespaces, Ready worker
// nodes, the `kubernetes` Service and cluster DNS. It was created three days before the world's
// clock starts, so ages read as they would on a cluster someone has had for a while.
import { randomUid } from '../rng';
import { CLUSTER_CREATED, rfc3339 } from '../time';
import { create } from './apiserver';
import { markImage } from './controllers/kubelet';
import { ensureKubernetesService } from './controllers/system';
import type { ClusterState, Tx } from './store';
import { emptyCluster } from './store';
import type { Node } from './types';

export interface ClusterOptions {
  /** How many worker nodes (3 by default). */
  nodes?: number;
}

export const KUBERNETES_VERSION = 'v1.32.5';

/** What the API server answers at /version: the v1.32.5 release build. */
export const SERVER_VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: KUBERNETES_VERSION,
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;
export const CONTAINER_RUNTIME = 'containerd://1.7.27';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
export { API_SERVER_IP } from './controllers/system';

export function nodeName(i: number): string {
  return `node-${i + 1}`;
}

function node(tx: Tx, i: number): Node {
  const name = nodeName(i);
  const created = rfc3339(CLUSTER_CREATED + 40_000 + i * 3000);
  const ip = `10.0.0.${11 + i}`;
  const heartbeat = rfc3339(tx.now);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: created,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: randomUid(tx.rng),
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'standard-4',
        'topology.kubernetes.io/region': 'region-1',
        'topology.kubernetes.io/zone': `region-1${'abc'[i % 3]}`,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: `10.244.${i + 1}.0/24`, podCIDRs: [`10.244.${i + 1}.0/24`] },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '3920m',
        'ephemeral-storage': '95491281146',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '15214044Ki',
        pods: '110',
      },
      capacity: {
        cpu: '4',
        'ephemeral-storage': '103614560Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '16384092Ki',
        pods: '110',
      },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: randomUid(tx.rng),
        containerRuntimeVersion: CONTAINER_RUNTIME,
        kernelVersion: '6.8.0-1021-generic',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: randomUid(tx.rng).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: randomUid(tx.rng),
      },
    },
  };
}

function must<T>(value: T): Exclude<T, { ok: false }> {
  if (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false)
    throw new Error(`bootstrap failed: ${JSON.stringify(value)}`);
  return value as Exclude<T, { ok: false }>;
}

export function bootstrapCluster(tx: Tx, options: ClusterOptions): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    must(create(tx, 'Namespace', { metadata: { name } }));
  }
  const count = options.nodes ?? 3;
  for (let i = 0; i < count; i++) {
    tx.put('Node', node(tx, i));
    markImage(tx, nodeName(i), COREDNS_IMAGE);
  }
  ensureKubernetesService(tx);
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  must(
    create(tx, 'Service', {
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: {
          'k8s-app': 'kube-dns',
          'kubernetes.io/cluster-service': 'true',
          'kubernetes.io/name': 'CoreDNS',
        },
      },
      spec: {
        clusterIP: '10.96.0.10',
        selector: dnsLabels,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    }),
  );
  must(
    create(tx, 'Deployment', {
      metadata: { name: 'coredns', namespace: 'kube-system', labels: dnsLabels },
      spec: {
        replicas: 2,
        selector: { matchLabels: dnsLabels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: dnsLabels },
          spec: {
            containers: [
              {
                name: 'coredns',
                image: COREDNS_IMAGE,
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
              },
            ],
            dnsPolicy: 'Default',
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
          },
        },
      },
    }),
  );
}

bootstrapCluster.empty = (): ClusterState => emptyCluster();
