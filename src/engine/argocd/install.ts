// Argo CD v2.11.0's manifests/install.yaml, described compactly: every object of the real file,
// in the real order, with the fields that matter to the simulator (labels, selectors, ports, pod
// templates, CRD names and printer columns, RBAC rules). The CRDs' OpenAPI schemas (some 20,000
// lines) and the containers' env, probes, volumes and security contexts are left out.
import { stringify } from 'yaml';

export const ARGOCD_VERSION = 'v2.11.0';
export const ARGOCD_IMAGE = `quay.io/argoproj/argocd:${ARGOCD_VERSION}`;
export const DEX_IMAGE = 'ghcr.io/dexidp/dex:v2.38.0';
export const REDIS_IMAGE = 'redis:7.0.14-alpine';

export const INSTALL_URL = `https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml`;

type Obj = Record<string, unknown>;

function labels(name: string, component?: string): Record<string, string> {
  return {
    ...(component && { 'app.kubernetes.io/component': component }),
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': 'argocd',
  };
}

/** The components: `argocd-<component>` names its service account, role and workload. */
const meta = (component: string, name = `argocd-${component}`) => ({
  labels: labels(name, component),
  name,
});

function crd(
  kind: string,
  plural: string,
  shortNames: string[],
  extra: { printerColumns?: Obj[]; statusSubresource?: boolean; operation?: boolean },
): Obj {
  const name = `${plural}.argoproj.io`;
  const properties: Obj = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    ...(extra.operation && {
      operation: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    }),
    spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { labels: labels(name), name },
    spec: {
      group: 'argoproj.io',
      names: {
        kind,
        listKind: `${kind}List`,
        plural,
        shortNames,
        singular: kind.toLowerCase(),
      },
      scope: 'Namespaced',
      versions: [
        {
          ...(extra.printerColumns && { additionalPrinterColumns: extra.printerColumns }),
          name: 'v1alpha1',
          schema: {
            openAPIV3Schema: { properties, required: ['metadata', 'spec'], type: 'object' },
          },
          served: true,
          storage: true,
          ...(extra.statusSubresource !== undefined && {
            subresources: extra.statusSubresource ? { status: {} } : {},
          }),
        },
      ],
    },
  };
}

const serviceAccount = (component: string): Obj => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: meta(component),
});

/** [apiGroups, resources, verbs, resourceNames?], or a non-resource rule as [null, urls, verbs]. */
type Rule = [string[] | null, string[], string[], string[]?];

function role(kind: 'Role' | 'ClusterRole', component: string, rules: Rule[]): Obj {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: meta(component),
    rules: rules.map(([apiGroups, resources, verbs, resourceNames]) =>
      apiGroups
        ? { apiGroups, ...(resourceNames && { resourceNames }), resources, verbs }
        : { nonResourceURLs: resources, verbs },
    ),
  };
}

function binding(kind: 'RoleBinding' | 'ClusterRoleBinding', component: string): Obj {
  const name = `argocd-${component}`;
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: meta(component),
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: kind === 'RoleBinding' ? 'Role' : 'ClusterRole',
      name,
    },
    subjects: [
      {
        kind: 'ServiceAccount',
        name,
        ...(kind === 'ClusterRoleBinding' && { namespace: 'argocd' }),
      },
    ],
  };
}

function configMap(name: string, component?: string, data?: Record<string, string>): Obj {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    ...(data && { data }),
    metadata: { labels: labels(component ? `argocd-${component}` : name, component), name },
  };
}

function service(
  name: string,
  component: string,
  selectorName: string,
  ports: [string, number, number | string, boolean?][],
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: labels(name, component), name },
    spec: {
      ports: ports.map(([portName, port, targetPort, noProtocol]) => ({
        name: portName,
        port,
        ...(!noProtocol && { protocol: 'TCP' }),
        targetPort,
      })),
      selector: { 'app.kubernetes.io/name': selectorName },
    },
  };
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: (number | [string, number])[];
  workingDir?: string;
  pullAlways?: boolean;
}

function container(c: ContainerSpec): Obj {
  return {
    ...(c.args && { args: c.args }),
    ...(c.command && { command: c.command }),
    image: c.image ?? ARGOCD_IMAGE,
    ...(c.pullAlways !== false && { imagePullPolicy: 'Always' }),
    name: c.name,
    ...(c.ports && {
      ports: c.ports.map((p) =>
        typeof p === 'number' ? { containerPort: p } : { containerPort: p[1], name: p[0] },
      ),
    }),
    ...(c.workingDir && { workingDir: c.workingDir }),
  };
}

function workload(
  kind: 'Deployment' | 'StatefulSet',
  component: string,
  containers: ContainerSpec[],
  options: { initContainers?: ContainerSpec[]; recreate?: boolean } = {},
): Obj {
  const name = `argocd-${component}`;
  const selector = { matchLabels: { 'app.kubernetes.io/name': name } };
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(component),
    spec: {
      ...(kind === 'StatefulSet' && { replicas: 1 }),
      selector,
      ...(kind === 'StatefulSet' && { serviceName: name }),
      ...(options.recreate && { strategy: { type: 'Recreate' } }),
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: {
          containers: containers.map(container),
          ...(options.initContainers && { initContainers: options.initContainers.map(container) }),
          serviceAccountName: name,
        },
      },
    },
  };
}

type Peer = string | 'any-namespace';

function networkPolicy(
  target: string,
  ingress: [Peer[], (number | [number, string])[]][] | 'all',
  options: { component?: string; egressDns?: boolean } = {},
): Obj {
  const podSelector = (name: string) => ({ matchLabels: { 'app.kubernetes.io/name': name } });
  const name = `${target}-network-policy`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      ...(options.component && { labels: labels(target, options.component) }),
      name,
    },
    spec: {
      ...(options.egressDns && {
        egress: [
          {
            ports: [
              { port: 53, protocol: 'UDP' },
              { port: 53, protocol: 'TCP' },
            ],
          },
        ],
      }),
      ingress:
        ingress === 'all'
          ? [{}]
          : ingress.map(([from, ports]) => ({
              from: from.map((p) =>
                p === 'any-namespace' ? { namespaceSelector: {} } : { podSelector: podSelector(p) },
              ),
              ports: ports.map((p) =>
                typeof p === 'number' ? { port: p, protocol: 'TCP' } : { port: p[0] },
              ),
            })),
      podSelector: podSelector(target),
      policyTypes: options.egressDns ? ['Ingress', 'Egress'] : ['Ingress'],
    },
  };
}

const ALL_VERBS = ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'];
const READ = ['get', 'list', 'watch'];
const CM_SECRETS = ['secrets', 'configmaps'];
const APPSET_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

const SSH_KNOWN_HOSTS = [
  '# This file was automatically generated by hack/update-ssh-known-hosts.sh. DO NOT EDIT',
  '[ssh.github.com]:443 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
  '[ssh.github.com]:443 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
  'bitbucket.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIazEu89wgQZ4bqs3d63QSMzYVa0MuJ2e2gKTKqu+UUO',
  'github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
  'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
  'gitlab.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAfuCHKVTjquxvt6CM6tdG4SLp1Btn/nOeHHE5UOzRdf',
  '',
].join('\n');

/** The objects of install.yaml, in the file's order. */
export function installObjects(): Obj[] {
  return [
    crd('Application', 'applications', ['app', 'apps'], {
      operation: true,
      statusSubresource: false,
      printerColumns: [
        { jsonPath: '.status.sync.status', name: 'Sync Status', type: 'string' },
        { jsonPath: '.status.health.status', name: 'Health Status', type: 'string' },
        { jsonPath: '.status.sync.revision', name: 'Revision', priority: 10, type: 'string' },
      ],
    }),
    crd('ApplicationSet', 'applicationsets', ['appset', 'appsets'], { statusSubresource: true }),
    crd('AppProject', 'appprojects', ['appproj', 'appprojs'], {}),
    ...[
      'application-controller',
      'applicationset-controller',
      'dex-server',
      'notifications-controller',
      'redis',
      'repo-server',
      'server',
    ].map(serviceAccount),
    role('Role', 'application-controller', [
      [[''], CM_SECRETS, READ],
      [['argoproj.io'], ['applications', 'appprojects'], ALL_VERBS],
      [[''], ['events'], ['create', 'list']],
      [['apps'], ['deployments'], READ],
    ]),
    role('Role', 'applicationset-controller', [
      [
        ['argoproj.io'],
        ['applications', 'applicationsets', 'applicationsets/finalizers'],
        APPSET_VERBS,
      ],
      [['argoproj.io'], ['appprojects'], ['get']],
      [['argoproj.io'], ['applicationsets/status'], ['get', 'patch', 'update']],
      [[''], ['events'], ['create', 'get', 'list', 'patch', 'watch']],
      [[''], CM_SECRETS, READ],
      [['apps', 'extensions'], ['deployments'], READ],
    ]),
    role('Role', 'dex-server', [[[''], CM_SECRETS, READ]]),
    role('Role', 'notifications-controller', [
      [
        ['argoproj.io'],
        ['applications', 'appprojects'],
        ['get', 'list', 'watch', 'update', 'patch'],
      ],
      [[''], ['configmaps', 'secrets'], ['list', 'watch']],
      [[''], ['configmaps'], ['get'], ['argocd-notifications-cm']],
      [[''], ['secrets'], ['get'], ['argocd-notifications-secret']],
    ]),
    role('Role', 'server', [
      [[''], CM_SECRETS, ALL_VERBS],
      [
        ['argoproj.io'],
        ['applications', 'appprojects', 'applicationsets'],
        ['create', 'get', 'list', 'watch', 'update', 'delete', 'patch'],
      ],
      [[''], ['events'], ['create', 'list']],
    ]),
    role('ClusterRole', 'application-controller', [
      [['*'], ['*'], ['*']],
      [null, ['*'], ['*']],
    ]),
    role('ClusterRole', 'applicationset-controller', [
      [
        ['argoproj.io'],
        ['applications', 'applicationsets', 'applicationsets/finalizers'],
        APPSET_VERBS,
      ],
      [['argoproj.io'], ['applicationsets/status'], ['get', 'patch', 'update']],
      [['argoproj.io'], ['appprojects'], ['get']],
      [[''], ['events'], ['create', 'get', 'list', 'patch', 'watch']],
      [[''], ['configmaps'], ['create', 'update', 'delete', 'get', 'list', 'patch', 'watch']],
      [[''], ['secrets'], READ],
      [['apps', 'extensions'], ['deployments'], READ],
      [['coordination.k8s.io'], ['leases'], APPSET_VERBS],
    ]),
    role('ClusterRole', 'server', [
      [['*'], ['*'], ['delete', 'get', 'patch']],
      [[''], ['events'], ['list']],
      [[''], ['pods', 'pods/log'], ['get']],
      [['argoproj.io'], ['applications', 'applicationsets'], READ],
      [['batch'], ['jobs'], ['create']],
      [['argoproj.io'], ['workflows'], ['create']],
    ]),
    ...[
      'application-controller',
      'applicationset-controller',
      'dex-server',
      'notifications-controller',
      'server',
    ].map((c) => binding('RoleBinding', c)),
    ...['application-controller', 'applicationset-controller', 'server'].map((c) =>
      binding('ClusterRoleBinding', c),
    ),
    configMap('argocd-cm'),
    configMap('argocd-cmd-params-cm'),
    configMap('argocd-gpg-keys-cm'),
    configMap('argocd-notifications-cm', 'notifications-controller'),
    configMap('argocd-rbac-cm'),
    configMap('argocd-ssh-known-hosts-cm', undefined, { ssh_known_hosts: SSH_KNOWN_HOSTS }),
    configMap('argocd-tls-certs-cm'),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        labels: labels('argocd-notifications-controller', 'notifications-controller'),
        name: 'argocd-notifications-secret',
      },
      type: 'Opaque',
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { labels: labels('argocd-secret'), name: 'argocd-secret' },
      type: 'Opaque',
    },
    service(
      'argocd-applicationset-controller',
      'applicationset-controller',
      'argocd-applicationset-controller',
      [
        ['webhook', 7000, 'webhook'],
        ['metrics', 8080, 'metrics'],
      ],
    ),
    dexService(),
    service('argocd-metrics', 'metrics', 'argocd-application-controller', [
      ['metrics', 8082, 8082],
    ]),
    service(
      'argocd-notifications-controller-metrics',
      'notifications-controller',
      'argocd-notifications-controller',
      [['metrics', 9001, 9001]],
    ),
    service('argocd-redis', 'redis', 'argocd-redis', [['tcp-redis', 6379, 6379, true]]),
    service('argocd-repo-server', 'repo-server', 'argocd-repo-server', [
      ['server', 8081, 8081],
      ['metrics', 8084, 8084],
    ]),
    service('argocd-server', 'server', 'argocd-server', [
      ['http', 80, 8080],
      ['https', 443, 8080],
    ]),
    service('argocd-server-metrics', 'server', 'argocd-server', [['metrics', 8083, 8083]]),
    workload('Deployment', 'applicationset-controller', [
      {
        name: 'argocd-applicationset-controller',
        args: ['/usr/local/bin/argocd-applicationset-controller'],
        ports: [
          ['webhook', 7000],
          ['metrics', 8080],
        ],
      },
    ]),
    workload(
      'Deployment',
      'dex-server',
      [
        {
          name: 'dex',
          image: DEX_IMAGE,
          command: ['/shared/argocd-dex', 'rundex'],
          ports: [5556, 5557, 5558],
        },
      ],
      {
        initContainers: [
          {
            name: 'copyutil',
            command: ['/bin/cp', '-n', '/usr/local/bin/argocd', '/shared/argocd-dex'],
          },
        ],
      },
    ),
    workload(
      'Deployment',
      'notifications-controller',
      [
        {
          name: 'argocd-notifications-controller',
          args: ['/usr/local/bin/argocd-notifications'],
          workingDir: '/app',
        },
      ],
      { recreate: true },
    ),
    workload('Deployment', 'redis', [
      {
        name: 'redis',
        image: REDIS_IMAGE,
        args: ['--save', '', '--appendonly', 'no'],
        ports: [6379],
      },
    ]),
    workload(
      'Deployment',
      'repo-server',
      [
        {
          name: 'argocd-repo-server',
          args: ['/usr/local/bin/argocd-repo-server'],
          ports: [8081, 8084],
        },
      ],
      {
        initContainers: [
          {
            name: 'copyutil',
            command: [
              '/bin/cp',
              '-n',
              '/usr/local/bin/argocd',
              '/var/run/argocd/argocd-cmp-server',
            ],
            pullAlways: false,
          },
        ],
      },
    ),
    workload('Deployment', 'server', [
      { name: 'argocd-server', args: ['/usr/local/bin/argocd-server'], ports: [8080, 8083] },
    ]),
    workload('StatefulSet', 'application-controller', [
      {
        name: 'argocd-application-controller',
        args: ['/usr/local/bin/argocd-application-controller'],
        ports: [8082],
        workingDir: '/home/argocd',
      },
    ]),
    networkPolicy('argocd-application-controller', [[['any-namespace'], [[8082, '']]]]),
    networkPolicy('argocd-applicationset-controller', [[['any-namespace'], [7000, 8080]]]),
    networkPolicy('argocd-dex-server', [
      [['argocd-server'], [5556, 5557]],
      [['any-namespace'], [5558]],
    ]),
    networkPolicy('argocd-notifications-controller', [[['any-namespace'], [9001]]], {
      component: 'notifications-controller',
    }),
    networkPolicy(
      'argocd-redis',
      [[['argocd-server', 'argocd-repo-server', 'argocd-application-controller'], [6379]]],
      { egressDns: true },
    ),
    networkPolicy('argocd-repo-server', [
      [
        [
          'argocd-server',
          'argocd-application-controller',
          'argocd-notifications-controller',
          'argocd-applicationset-controller',
        ],
        [8081],
      ],
      [['any-namespace'], [[8084, '']]],
    ]),
    networkPolicy('argocd-server', 'all'),
  ];
}

function dexService(): Obj {
  const svc = service('argocd-dex-server', 'dex-server', 'argocd-dex-server', [
    ['http', 5556, 5556],
    ['grpc', 5557, 5557],
    ['metrics', 5558, 5558],
  ]);
  const spec = svc.spec as { ports: Obj[] };
  spec.ports[0] = { appProtocol: 'TCP', ...spec.ports[0] };
  return svc;
}

/** The manifest as the URL serves it: YAML documents separated by `---`. */
export function installYaml(): string {
  return (
    installObjects()
      // YAML 1.1 quoting, as the real file has it: redis's `--appendonly "no"` must stay a string.
      .map((o) => stringify(o, { lineWidth: 0, version: '1.1' }))
      .join('---\n')
  );
}
