// Columns and cells: kubernetes/kubernetes pkg/printers/internalversion/printers.go (printPod,
// printDeployment, printReplicaSet, printService, printEndpoints, printNode, printNamespace,
// printEvent). kubectl's decorations (NAMESPACE, LABELS, kind/ prefixes, wide columns):
// staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go. The Deployment and ReplicaSet
// tables are the transcripts of kubernetes/website
// content/en/docs/concepts/workloads/controllers/deployment.md; the layout of every table here
// was checked against kubectl v1.32 printing the same server cells from a stub API server.
import { describe, expect, it } from 'vitest';
import type {
  Deployment,
  Endpoints,
  Event,
  Kind,
  KubeObject,
  Namespace,
  Node,
  ObjectReader,
  Pod,
  ReplicaSet,
  Service,
} from '../../engine/k8s/types';
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import type { GetTableOptions } from './getTable';
import {
  formatLabelSelector,
  formatLabels,
  getTable,
  labelSelectorString,
  podSummary,
  sortForGet,
} from './getTable';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);
/** An RFC 3339 timestamp `ms` before NOW, as the API server writes them. */
const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const lines = (...ls: string[]): string => ls.map((l) => l + '\n').join('');

const reader: ObjectReader = { get: () => undefined, list: () => [] };
const defaults: GetTableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  withNamespace: false,
  withKind: false,
  noHeaders: false,
  reader,
};
const table = (kind: Kind, objects: KubeObject[], opts: Partial<GetTableOptions> = {}): string =>
  getTable(kind, objects, { ...defaults, ...opts });

const meta = (
  name: string,
  age: number,
  extra: { namespace?: string; labels?: Record<string, string> } = {},
) => ({
  name,
  namespace: extra.namespace ?? 'default',
  creationTimestamp: ago(age),
  ...(extra.labels ? { labels: extra.labels } : {}),
});

// --- builders -------------------------------------------------------------------------------

function deployment(
  name: string,
  age: number,
  replicas: number,
  status: Deployment['status'] = {},
): Deployment {
  return {
    metadata: meta(name, age, { labels: { app: name } }),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
      },
    },
    status,
  };
}

function replicaSet(
  name: string,
  age: number,
  replicas: number,
  current: number,
  ready: number,
): ReplicaSet {
  const hash = name.slice(name.lastIndexOf('-') + 1);
  return {
    metadata: meta(name, age, { labels: { app: 'nginx', 'pod-template-hash': hash } }),
    spec: {
      replicas,
      selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } },
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1' }] } },
    },
    status: { replicas: current, readyReplicas: ready },
  };
}

const container = (
  state: ContainerStatus['state'],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus => ({
  name: 'nginx',
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});
const running = (extra: Partial<ContainerStatus> = {}) =>
  container({ running: { startedAt: ago(m) } }, { ready: true, started: true, ...extra });
const waiting = (reason: string, extra: Partial<ContainerStatus> = {}) =>
  container({ waiting: { reason } }, extra);
const terminated = (
  reason: string | undefined,
  exitCode: number,
  extra: Partial<ContainerStatus> = {},
) => container({ terminated: { exitCode, ...(reason ? { reason } : {}) } }, extra);
const condition = (type: string, ok: boolean): PodCondition => ({
  type,
  status: ok ? 'True' : 'False',
});

interface PodSpecBits {
  phase?: string;
  containers?: ContainerStatus[];
  init?: ContainerStatus[];
  initSpecs?: { name: string; restartPolicy?: string }[];
  conditions?: PodCondition[];
  node?: string;
  ip?: string;
  deleting?: true;
  labels?: Record<string, string>;
  namespace?: string;
}

function pod(name: string, age: number, bits: PodSpecBits = {}): Pod {
  const statuses = bits.containers ?? [];
  return {
    metadata: {
      ...meta(name, age, bits),
      ...(bits.deleting ? { deletionTimestamp: ago(5 * s) } : {}),
    },
    spec: {
      ...(bits.node ? { nodeName: bits.node } : {}),
      ...(bits.initSpecs
        ? { initContainers: bits.initSpecs.map((c) => ({ image: 'busybox', ...c })) }
        : {}),
      containers: (statuses.length > 0 ? statuses : [{ name: 'nginx' }]).map((c) => ({
        name: c.name,
        image: 'nginx',
      })),
    },
    status: {
      phase: bits.phase ?? 'Running',
      ...(bits.ip ? { podIP: bits.ip, podIPs: [{ ip: bits.ip }] } : {}),
      ...(bits.conditions ? { conditions: bits.conditions } : {}),
      ...(bits.init ? { initContainerStatuses: bits.init } : {}),
      ...(statuses.length > 0 ? { containerStatuses: statuses } : {}),
    },
  };
}

function service(name: string, spec: Service['spec'], status?: Service['status']): Service {
  return { metadata: meta(name, 2 * h), spec, ...(status ? { status } : {}) };
}

function endpoints(name: string, subsets?: Endpoints['subsets']): Endpoints {
  return { metadata: meta(name, 2 * h), ...(subsets ? { subsets } : {}) };
}

function node(
  name: string,
  labels: Record<string, string>,
  ready: boolean | undefined,
  unschedulable = false,
): Node {
  return {
    metadata: { name, creationTimestamp: ago(4 * h), labels },
    spec: unschedulable ? { unschedulable } : {},
    status: {
      ...(ready === undefined ? {} : { conditions: [condition('Ready', ready)] }),
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-1014-gcp',
        containerRuntimeVersion: 'containerd://1.7.24',
        architecture: 'amd64',
        operatingSystem: 'linux',
        bootID: '',
        machineID: '',
        systemUUID: '',
        kubeProxyVersion: '',
      },
    },
  };
}

function event(name: string, fields: Omit<Event, 'metadata'>): Event {
  return { metadata: meta(name, h), ...fields };
}

// --- tests ----------------------------------------------------------------------------------

describe('getTable: Deployment', () => {
  it('prints the documentation transcripts', () => {
    expect(table('Deployment', [deployment('nginx-deployment', s, 3)])).toBe(
      lines(
        'NAME               READY   UP-TO-DATE   AVAILABLE   AGE',
        'nginx-deployment   0/3     0            0           1s',
      ),
    );
    const done = deployment('nginx-deployment', 18 * s, 3, {
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
    });
    expect(table('Deployment', [done])).toBe(
      lines(
        'NAME               READY   UP-TO-DATE   AVAILABLE   AGE',
        'nginx-deployment   3/3     3            3           18s',
      ),
    );
  });

  it('adds CONTAINERS, IMAGES and SELECTOR with -o wide', () => {
    const d = deployment('my-app', 3 * h, 2, {
      readyReplicas: 1,
      updatedReplicas: 2,
      availableReplicas: 1,
    });
    expect(table('Deployment', [d], { wide: true })).toBe(
      lines(
        'NAME     READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES         SELECTOR',
        'my-app   1/2     2            1           3h    nginx        nginx:1.14.2   app=my-app',
      ),
    );
  });
});

describe('getTable: ReplicaSet', () => {
  it('prints the documentation transcript after an update', () => {
    const rs = [
      replicaSet('nginx-deployment-1564180365', 6 * s, 3, 3, 3),
      replicaSet('nginx-deployment-2035384211', 36 * s, 0, 0, 0),
    ];
    expect(table('ReplicaSet', rs)).toBe(
      lines(
        'NAME                          DESIRED   CURRENT   READY   AGE',
        'nginx-deployment-1564180365   3         3         3       6s',
        'nginx-deployment-2035384211   0         0         0       36s',
      ),
    );
  });

  it('shows the selector with -o wide and the kind prefix for several kinds', () => {
    expect(
      table('ReplicaSet', [replicaSet('my-app-7d9c', 5 * m, 1, 1, 0)], {
        wide: true,
        withKind: true,
      }),
    ).toBe(
      lines(
        'NAME                          DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES         SELECTOR',
        'replicaset.apps/my-app-7d9c   1         1         0       5m    nginx        nginx:1.16.1   app=nginx,pod-template-hash=7d9c',
      ),
    );
  });
});

describe('getTable: Pod', () => {
  const pods: Pod[] = [
    pod('running', 18 * s, {
      containers: [running()],
      conditions: [condition('Ready', true)],
      node: 'kind-worker',
      ip: '10.244.1.5',
    }),
    pod('unscheduled', 2 * s, { phase: 'Pending' }),
    pod('creating', 3 * s, {
      phase: 'Pending',
      node: 'kind-worker',
      containers: [waiting('ContainerCreating')],
    }),
    pod('errimagepull', 20 * s, {
      phase: 'Pending',
      node: 'kind-worker',
      ip: '10.244.1.6',
      containers: [waiting('ErrImagePull')],
    }),
    pod('backoff', 2 * m, {
      phase: 'Pending',
      node: 'kind-worker',
      ip: '10.244.1.7',
      containers: [waiting('ImagePullBackOff')],
    }),
    pod('crashloop', 2 * h, {
      node: 'kind-worker2',
      ip: '10.244.2.3',
      containers: [
        waiting('CrashLoopBackOff', {
          restartCount: 5,
          lastState: {
            terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * m + 3 * s) },
          },
        }),
      ],
    }),
    pod('restarted', 3 * h, {
      node: 'kind-worker',
      ip: '10.244.1.8',
      containers: [
        running({
          restartCount: 1,
          lastState: {
            terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(90 * s) },
          },
        }),
      ],
    }),
    pod('terminating', h, {
      node: 'kind-worker',
      ip: '10.244.1.9',
      deleting: true,
      containers: [running()],
    }),
    pod('completed', 4 * h, {
      phase: 'Succeeded',
      node: 'kind-worker',
      containers: [terminated('Completed', 0)],
    }),
    pod('completed-deleting', 4 * h, {
      phase: 'Succeeded',
      deleting: true,
      containers: [terminated('Completed', 0)],
    }),
    pod('failed', 4 * h, {
      phase: 'Failed',
      node: 'kind-worker',
      containers: [terminated('Error', 1)],
    }),
    pod('killed', 4 * h, {
      phase: 'Failed',
      node: 'kind-worker',
      containers: [terminated(undefined, 137)],
    }),
    pod('signalled', 4 * h, {
      phase: 'Failed',
      node: 'kind-worker',
      containers: [terminated(undefined, 0, { state: { terminated: { exitCode: 0, signal: 9 } } })],
    }),
  ];

  it('gives each state its STATUS, READY and RESTARTS', () => {
    expect(table('Pod', pods)).toMatchInlineSnapshot(`
      "NAME                 READY   STATUS              RESTARTS       AGE
      running              1/1     Running             0              18s
      unscheduled          0/1     Pending             0              2s
      creating             0/1     ContainerCreating   0              3s
      errimagepull         0/1     ErrImagePull        0              20s
      backoff              0/1     ImagePullBackOff    0              2m
      crashloop            0/1     CrashLoopBackOff    5 (5m3s ago)   120m
      restarted            1/1     Running             1 (90s ago)    3h
      terminating          1/1     Terminating         0              60m
      completed            0/1     Completed           0              4h
      completed-deleting   0/1     Completed           0              4h
      failed               0/1     Error               0              4h
      killed               0/1     ExitCode:137        0              4h
      signalled            0/1     Signal:9            0              4h
      "
    `);
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const base = pod('gated', 40 * s, {
      containers: [running()],
      node: 'kind-worker',
      ip: '10.244.1.10',
    });
    const gated: Pod = {
      ...base,
      spec: {
        ...base.spec!,
        readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }],
      },
      status: {
        ...base.status,
        nominatedNodeName: 'kind-worker3',
        conditions: [condition('example.com/lb', true), condition('example.com/dns', false)],
      },
    };
    expect(table('Pod', [pods[0]!, pods[1]!, gated], { wide: true })).toMatchInlineSnapshot(`
      "NAME          READY   STATUS    RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES
      running       1/1     Running   0          18s   10.244.1.5    kind-worker   <none>           <none>
      unscheduled   0/1     Pending   0          2s    <none>        <none>        <none>           <none>
      gated         1/1     Running   0          40s   10.244.1.10   kind-worker   kind-worker3     1/2
      "
    `);
  });

  it('reports init containers', () => {
    const initSpecs = [{ name: 'init-db' }, { name: 'init-cache' }];
    const initPods = [
      pod('init-running', m, {
        phase: 'Pending',
        initSpecs,
        init: [
          running({ name: 'init-db', ready: false }),
          waiting('PodInitializing', { name: 'init-cache' }),
        ],
        containers: [waiting('PodInitializing')],
      }),
      pod('init-second', m, {
        phase: 'Pending',
        initSpecs,
        init: [
          terminated('Completed', 0, { name: 'init-db' }),
          running({ name: 'init-cache', ready: false }),
        ],
        containers: [waiting('PodInitializing')],
      }),
      pod('init-pull', m, {
        phase: 'Pending',
        initSpecs,
        init: [
          waiting('ErrImagePull', { name: 'init-db' }),
          waiting('PodInitializing', { name: 'init-cache' }),
        ],
        containers: [waiting('PodInitializing')],
      }),
      pod('init-crash', 10 * m, {
        phase: 'Pending',
        initSpecs,
        init: [
          waiting('CrashLoopBackOff', {
            name: 'init-db',
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, finishedAt: ago(40 * s) } },
          }),
          waiting('PodInitializing', { name: 'init-cache' }),
        ],
        containers: [waiting('PodInitializing')],
      }),
      pod('init-failed', m, {
        phase: 'Failed',
        initSpecs,
        init: [terminated(undefined, 2, { name: 'init-db' })],
        containers: [waiting('PodInitializing')],
      }),
      pod('init-done', m, {
        phase: 'Pending',
        initSpecs,
        init: [
          terminated('Completed', 0, { name: 'init-db' }),
          terminated('Completed', 0, { name: 'init-cache' }),
        ],
        containers: [waiting('PodInitializing')],
        conditions: [condition('Initialized', true)],
      }),
    ];
    expect(table('Pod', initPods)).toMatchInlineSnapshot(`
      "NAME           READY   STATUS                  RESTARTS      AGE
      init-running   0/1     Init:0/2                0             60s
      init-second    0/1     Init:1/2                0             60s
      init-pull      0/1     Init:ErrImagePull       0             60s
      init-crash     0/1     Init:CrashLoopBackOff   3 (40s ago)   10m
      init-failed    0/1     Init:ExitCode:2         0             60s
      init-done      0/1     PodInitializing         0             60s
      "
    `);
  });

  it('counts sidecars (restartable init containers) as containers', () => {
    const sidecar = pod('with-sidecar', 5 * m, {
      initSpecs: [{ name: 'proxy', restartPolicy: 'Always' }],
      init: [
        running({
          name: 'proxy',
          restartCount: 2,
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(4 * m) } },
        }),
      ],
      containers: [running()],
      conditions: [condition('Initialized', true), condition('Ready', true)],
    });
    const notReady = pod('main-done', 5 * m, {
      containers: [terminated('Completed', 0, { name: 'job' }), running({ name: 'helper' })],
      conditions: [condition('Ready', false)],
    });
    expect(podSummary(sidecar, NOW)).toEqual({
      ready: '2/2',
      status: 'Running',
      restarts: '2 (4m ago)',
    });
    expect(podSummary(notReady, NOW)).toEqual({ ready: '1/2', status: 'NotReady', restarts: '0' });
    const gated: Pod = {
      ...pod('gated', m, { phase: 'Pending' }),
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
    };
    expect(podSummary(gated, NOW).status).toBe('SchedulingGated');
  });

  it('adds LABELS with --show-labels, sorted as k=v strings', () => {
    const labelled = [
      pod('nginx-deployment-75675f5897-7ci7o', 18 * s, {
        containers: [running()],
        labels: { 'pod-template-hash': '75675f5897', app: 'nginx' },
      }),
      pod('plain', 18 * s, { containers: [running()] }),
      pod('tricky', 18 * s, { containers: [running()], labels: { a: '1', 'a-b': '2' } }),
    ];
    expect(table('Pod', labelled, { showLabels: true })).toMatchInlineSnapshot(`
      "NAME                                READY   STATUS    RESTARTS   AGE   LABELS
      nginx-deployment-75675f5897-7ci7o   1/1     Running   0          18s   app=nginx,pod-template-hash=75675f5897
      plain                               1/1     Running   0          18s   <none>
      tricky                              1/1     Running   0          18s   a-b=2,a=1
      "
    `);
  });

  it('puts NAMESPACE first with -A, and the kind before names for several kinds', () => {
    const spread = [
      pod('web-1', m, { namespace: 'shop', containers: [running()] }),
      pod('api-1', m, { namespace: 'default', containers: [running()] }),
    ];
    expect(table('Pod', sortForGet(spread), { withNamespace: true, withKind: true }))
      .toMatchInlineSnapshot(`
      "NAMESPACE   NAME        READY   STATUS    RESTARTS   AGE
      default     pod/api-1   1/1     Running   0          60s
      shop        pod/web-1   1/1     Running   0          60s
      "
    `);
  });

  it('leaves out the header with --no-headers', () => {
    expect(table('Pod', [pods[0]!, pods[2]!], { noHeaders: true })).toMatchInlineSnapshot(`
      "running    1/1   Running             0     18s
      creating   0/1   ContainerCreating   0     3s
      "
    `);
  });

  it('prints nothing, not even a header, for no pods', () => {
    expect(table('Pod', [])).toBe('');
    expect(table('Pod', [], { noHeaders: true })).toBe('');
  });
});

describe('getTable: Service', () => {
  const services = [
    service('kubernetes', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    }),
    service('my-app', {
      type: 'NodePort',
      clusterIP: '10.96.45.12',
      selector: { app: 'my-app' },
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
    }),
    service(
      'lb-pending',
      {
        type: 'LoadBalancer',
        clusterIP: '10.96.12.34',
        selector: { app: 'my-app' },
        ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }],
      },
      { loadBalancer: {} },
    ),
    service(
      'lb-ip',
      {
        type: 'LoadBalancer',
        clusterIP: '10.96.12.35',
        selector: { app: 'my-app', tier: 'web' },
        ports: [
          { port: 80, nodePort: 31235, protocol: 'TCP' },
          { port: 443, nodePort: 31236, protocol: 'TCP' },
        ],
      },
      { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    ),
    service(
      'lb-host',
      {
        type: 'LoadBalancer',
        clusterIP: '10.96.12.36',
        externalIPs: ['198.51.100.7'],
        ports: [{ port: 53, nodePort: 31053, protocol: 'UDP' }],
      },
      {
        loadBalancer: {
          ingress: [{ hostname: 'a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com' }],
        },
      },
    ),
    service('headless', { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' } }),
    service('external', { type: 'ExternalName', externalName: 'db.example.com' }),
  ];

  it('prints TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S)', () => {
    expect(table('Service', services)).toMatchInlineSnapshot(`
      "NAME         TYPE           CLUSTER-IP    EXTERNAL-IP                                                        PORT(S)                      AGE
      kubernetes   ClusterIP      10.96.0.1     <none>                                                             443/TCP                      120m
      my-app       NodePort       10.96.45.12   <none>                                                             80:30080/TCP                 120m
      lb-pending   LoadBalancer   10.96.12.34   <pending>                                                          80:31234/TCP                 120m
      lb-ip        LoadBalancer   10.96.12.35   203.0.113.10                                                       80:31235/TCP,443:31236/TCP   120m
      lb-host      LoadBalancer   10.96.12.36   a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com,198.51.100.7   53:31053/UDP                 120m
      headless     ClusterIP      None          <none>                                                             <none>                       120m
      external     ExternalName   <none>        db.example.com                                                     <none>                       120m
      "
    `);
  });

  it('adds SELECTOR with -o wide', () => {
    expect(table('Service', services.slice(0, 4), { wide: true, withKind: true }))
      .toMatchInlineSnapshot(`
      "NAME                 TYPE           CLUSTER-IP    EXTERNAL-IP    PORT(S)                      AGE    SELECTOR
      service/kubernetes   ClusterIP      10.96.0.1     <none>         443/TCP                      120m   <none>
      service/my-app       NodePort       10.96.45.12   <none>         80:30080/TCP                 120m   app=my-app
      service/lb-pending   LoadBalancer   10.96.12.34   <pending>      80:31234/TCP                 120m   app=my-app
      service/lb-ip        LoadBalancer   10.96.12.35   203.0.113.10   80:31235/TCP,443:31236/TCP   120m   app=my-app,tier=web
      "
    `);
  });
});

describe('getTable: Endpoints', () => {
  it('lists up to three addresses, then how many more', () => {
    const eps = [
      endpoints('kubernetes', [
        { addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443 }] },
      ]),
      endpoints('my-app', [
        {
          addresses: ['10.244.1.5', '10.244.2.3', '10.244.2.4', '10.244.3.4'].map((ip) => ({ ip })),
          ports: [{ port: 80 }],
        },
      ]),
      endpoints('two-ports', [
        {
          addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.3' }],
          ports: [
            { name: 'http', port: 80 },
            { name: 'https', port: 443 },
          ],
        },
      ]),
      endpoints('headless', [{ addresses: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }] }]),
      endpoints('ipv6', [{ addresses: [{ ip: 'fd00::5' }], ports: [{ port: 8080 }] }]),
      endpoints('not-ready', [
        { notReadyAddresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] },
      ]),
      endpoints('no-pods'),
    ];
    expect(table('Endpoints', eps)).toMatchInlineSnapshot(`
      "NAME         ENDPOINTS                                                AGE
      kubernetes   172.18.0.2:6443                                          120m
      my-app       10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...    120m
      two-ports    10.244.1.5:80,10.244.2.3:80,10.244.1.5:443 + 1 more...   120m
      headless     10.244.1.5,fd00::5                                       120m
      ipv6         [fd00::5]:8080                                           120m
      not-ready                                                             120m
      no-pods      <none>                                                   120m
      "
    `);
  });
});

describe('getTable: Node', () => {
  const nodes = [
    node('kind-control-plane', { 'node-role.kubernetes.io/control-plane': '' }, true),
    node(
      'kind-worker',
      { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/ingress': '' },
      false,
      true,
    ),
    node('kind-worker2', {}, undefined),
  ];

  it('prints STATUS, ROLES and VERSION', () => {
    expect(table('Node', nodes)).toMatchInlineSnapshot(`
      "NAME                 STATUS                        ROLES            AGE   VERSION
      kind-control-plane   Ready                         control-plane    4h    v1.32.0
      kind-worker          NotReady,SchedulingDisabled   ingress,worker   4h    v1.32.0
      kind-worker2         Unknown                       <none>           4h    v1.32.0
      "
    `);
  });

  it('adds addresses and system info with -o wide, and ignores -A', () => {
    expect(table('Node', nodes.slice(0, 1), { wide: true, withNamespace: true }))
      .toMatchInlineSnapshot(`
      "NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME
      kind-control-plane   Ready    control-plane   4h    v1.32.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1014-gcp   containerd://1.7.24
      "
    `);
  });
});

describe('getTable: Namespace', () => {
  it('prints STATUS', () => {
    const namespaces: Namespace[] = [
      {
        metadata: {
          name: 'default',
          creationTimestamp: ago(4 * h),
          labels: { 'kubernetes.io/metadata.name': 'default' },
        },
        status: { phase: 'Active' },
      },
      {
        metadata: { name: 'shop', creationTimestamp: ago(10 * m) },
        status: { phase: 'Terminating' },
      },
    ];
    expect(table('Namespace', namespaces, { showLabels: true, withNamespace: true }))
      .toMatchInlineSnapshot(`
      "NAME      STATUS        AGE   LABELS
      default   Active        4h    kubernetes.io/metadata.name=default
      shop      Terminating   10m   <none>
      "
    `);
  });
});

describe('getTable: Event', () => {
  const events = [
    event('crash.17d8a0a000000001', {
      involvedObject: { kind: 'Pod', name: 'crash', namespace: 'default' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container nginx in pod crash_default(uid)',
      type: 'Warning',
      eventTime: '2024-06-01T11:00:00.123456Z',
      reportingComponent: 'kubelet',
      reportingInstance: 'kind-worker',
      series: { count: 23, lastObservedTime: '2024-06-01T11:59:30.000000Z' },
    }),
    event('my-app-7d9c6b5f4-abcde.17d8a0a1b2c3d4e5', {
      involvedObject: {
        kind: 'Pod',
        name: 'my-app-7d9c6b5f4-abcde',
        namespace: 'default',
        fieldPath: 'spec.containers{nginx}',
      },
      reason: 'Pulled',
      message: 'Successfully pulled image "nginx" in 1.2s\n',
      type: 'Normal',
      source: { component: 'kubelet', host: 'kind-worker' },
      firstTimestamp: ago(118 * s),
      lastTimestamp: ago(118 * s),
      count: 1,
    }),
    event('my-app.17d8a0a000000000', {
      involvedObject: { kind: 'Deployment', name: 'my-app', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set my-app-7d9c6b5f4 to 3',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      firstTimestamp: ago(3 * h),
      lastTimestamp: ago(2 * m),
      count: 4,
    }),
    event('node.17d8a0a000000002', {
      involvedObject: { kind: 'Node', name: '' },
      reason: 'Starting',
      message: 'Starting kubelet.\nsecond line',
      type: 'Normal',
      source: {},
      firstTimestamp: ago(4 * h),
    }),
  ];

  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE', () => {
    expect(table('Event', events)).toMatchInlineSnapshot(`
      "LAST SEEN   TYPE      REASON              OBJECT                       MESSAGE
      30s         Warning   BackOff             pod/crash                    Back-off restarting failed container nginx in pod crash_default(uid)
      118s        Normal    Pulled              pod/my-app-7d9c6b5f4-abcde   Successfully pulled image "nginx" in 1.2s
      2m          Normal    ScalingReplicaSet   deployment/my-app            Scaled up replica set my-app-7d9c6b5f4 to 3
      4h          Normal    Starting            node                         Starting kubelet....
      "
    `);
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    expect(table('Event', events, { wide: true, withKind: true })).toMatchInlineSnapshot(`
      "LAST SEEN   TYPE      REASON              OBJECT                       SUBOBJECT                SOURCE                  MESSAGE                                                                FIRST SEEN   COUNT   NAME
      30s         Warning   BackOff             pod/crash                                             kubelet, kind-worker    Back-off restarting failed container nginx in pod crash_default(uid)   59m          23      event/crash.17d8a0a000000001
      118s        Normal    Pulled              pod/my-app-7d9c6b5f4-abcde   spec.containers{nginx}   kubelet, kind-worker    Successfully pulled image "nginx" in 1.2s                              118s         1       event/my-app-7d9c6b5f4-abcde.17d8a0a1b2c3d4e5
      2m          Normal    ScalingReplicaSet   deployment/my-app                                     deployment-controller   Scaled up replica set my-app-7d9c6b5f4 to 3                            3h           4       event/my-app.17d8a0a000000000
      4h          Normal    Starting            node                                                                          Starting kubelet....                                                   4h           1       event/node.17d8a0a000000002
      "
    `);
  });
});

describe('sortForGet', () => {
  it('orders by namespace, then name, byte-wise', () => {
    const objs = [
      pod('b', m, { namespace: 'shop' }),
      pod('B', m, { namespace: 'shop' }),
      pod('a', m, { namespace: 'shop' }),
      pod('z', m),
    ];
    expect(sortForGet(objs).map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
      'default/z',
      'shop/B',
      'shop/a',
      'shop/b',
    ]);
  });
});

describe('label formats', () => {
  it('formatLabels sorts whole k=v strings and says <none> for none', () => {
    expect(formatLabels({ b: '1', a: '2' })).toBe('a=2,b=1');
    expect(formatLabels({ a: '1', 'a-b': '2' })).toBe('a-b=2,a=1');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('labelSelectorString writes requirements sorted by key', () => {
    expect(
      labelSelectorString({
        matchLabels: { tier: 'fe', app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'NotIn', values: ['b'] },
          { key: 'owner', operator: 'Exists' },
        ],
      }),
    ).toBe('app=web,!canary,env in (dev,prod),owner,tier=fe,zone notin (b)');
    expect(labelSelectorString({})).toBe('');
    expect(labelSelectorString(undefined)).toBe('');
    expect(
      labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toBeUndefined();
  });

  it('formatLabelSelector says <none> for an empty selector and <error> for an invalid one', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'x' } })).toBe('app=x');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(
      formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }),
    ).toBe('<error>');
  });
});
