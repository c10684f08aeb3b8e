// kubectl create, against the recordings of the real kubectl v1.32 and the simulated server.
// Formats: kubectl pkg/cmd/create/create.go, create_deployment.go (`failed to create deployment:`),
// create_service.go (`failed to create <Type> service:`), create_namespace.go (no wrapping);
// pkg/cmd/util/helpers.go (GetDryRunStrategy, checkErr); cli-runtime pkg/printers (name printer).
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import { createSession } from '../../shell/shell';
import type { Recorded } from './create-testing';
import { clientSide, expectedPattern, kubectlLine, oracleFor, replay, run } from './create-testing';

/** Flags with pflag's NoOptDefVal (a bare `--dry-run`) need the flag parser's support. */
const NEEDS_NO_OPT_DEFAULT = new Set([
  JSON.stringify(['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run']),
]);

function expectLikeRecording(c: Recorded) {
  const r = replay(c);
  expect(r.stdout).toMatch(expectedPattern(c.stdout));
  expect(r.stderr).toBe(c.stderr);
  expect(r.exitCode).toBe(c.exitCode);
  // A dry run or a mistake changes nothing.
  expect(r.session.world).toBe(r.before);
}

describe('kubectl create: every recorded client-side case', () => {
  const cases = oracleFor('create')
    .map(clientSide)
    .filter(
      (c): c is Recorded => c !== undefined && !NEEDS_NO_OPT_DEFAULT.has(JSON.stringify(c.args)),
    );
  it('covers the recordings', () => expect(cases.length).toBeGreaterThan(55));
  for (const c of cases) it(kubectlLine(c.args), () => expectLikeRecording(c));
});

// Recorded from the real kubectl v1.32.5 the same way (no reachable server).
const RECORDED: Recorded[] = [
  {
    args: [
      'create',
      'service',
      'clusterip',
      'x',
      '--tcp=80:http',
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    stdout:
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n  name: x\nspec:\n  ports:\n  - name: 80-http\n    port: 80\n    protocol: TCP\n    targetPort: http\n  selector:\n    app: x\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'service', 'clusterip', 'x', '--tcp=80:Http', '--dry-run=client'],
    stdout: '',
    stderr: 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'clusterip', 'x', '--tcp=80:a--b', '--dry-run=client'],
    stdout: '',
    stderr: 'error: must not contain consecutive hyphens\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'clusterip', 'x', '--tcp=80:0', '--dry-run=client'],
    stdout: '',
    stderr: 'error: must be between 1 and 65535, inclusive\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'clusterip', 'x', '--tcp=70000', '--dry-run=client'],
    stdout: '',
    stderr: 'error: strconv.ParseUint: parsing "70000": value out of range\n',
    exitCode: 1,
  },
  {
    args: [
      'create',
      'service',
      'externalname',
      'x',
      '--external-name=foo.com',
      '--dry-run=client',
      '-o',
      'json',
    ],
    stdout:
      '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "x"\n        }\n    },\n    "spec": {\n        "selector": {\n            "app": "x"\n        },\n        "type": "ExternalName",\n        "externalName": "foo.com"\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'service', 'externalname', 'x', '--external-name=Foo_com', '--dry-run=client'],
    stdout: '',
    stderr: 'error: invalid service external name Foo_com\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'externalname', 'x', '--dry-run=client'],
    stdout: '',
    stderr: 'error: required flag(s) "external-name" not set\n',
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'nodeport', 'x', '--clusterip=None'],
    stdout: '',
    stderr:
      "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n",
    exitCode: 1,
  },
  {
    args: [
      'create',
      'service',
      'loadbalancer',
      'x',
      '--tcp=80,443',
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    stdout:
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n  name: x\nspec:\n  ports:\n  - name: "80"\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: "443"\n    port: 443\n    protocol: TCP\n    targetPort: 443\n  selector:\n    app: x\n  type: LoadBalancer\nstatus:\n  loadBalancer: {}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: [
      'create',
      'service',
      'nodeport',
      'x',
      '--tcp=80',
      '--node-port=30001',
      '--tcp=81',
      '--dry-run=client',
      '-o',
      'json',
    ],
    stdout:
      '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "x"\n        }\n    },\n    "spec": {\n        "ports": [\n            {\n                "name": "80",\n                "protocol": "TCP",\n                "port": 80,\n                "targetPort": 80,\n                "nodePort": 30001\n            },\n            {\n                "name": "81",\n                "protocol": "TCP",\n                "port": 81,\n                "targetPort": 81,\n                "nodePort": 30001\n            }\n        ],\n        "selector": {\n            "app": "x"\n        },\n        "type": "NodePort"\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    // create service ignores --save-config (create_service.go never sets CreateAnnotation).
    args: [
      'create',
      'service',
      'clusterip',
      'x',
      '--tcp=80:8080',
      '--save-config',
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    stdout:
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n  name: x\nspec:\n  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: x\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'deployment', 'x', '--image=nginx,redis', '--dry-run=client', '-o', 'name'],
    stdout: 'deployment.apps/x\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: [
      'create',
      'deployment',
      'x',
      '--image=nginx',
      '--image=redis',
      '--dry-run=client',
      '--',
      'sleep',
      '1',
    ],
    stdout: '',
    stderr: 'error: cannot specify multiple --image options and command\n',
    exitCode: 1,
  },
  {
    args: [
      'create',
      'deployment',
      'x',
      '--image=nginx',
      '--save-config',
      '--dry-run=client',
      '-o',
      'json',
    ],
    stdout:
      '{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "x"\n        },\n        "annotations": {\n            "kubectl.kubernetes.io/last-applied-configuration": "{\\"kind\\":\\"Deployment\\",\\"apiVersion\\":\\"apps/v1\\",\\"metadata\\":{\\"name\\":\\"x\\",\\"creationTimestamp\\":null,\\"labels\\":{\\"app\\":\\"x\\"}},\\"spec\\":{\\"replicas\\":1,\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"x\\"}},\\"template\\":{\\"metadata\\":{\\"creationTimestamp\\":null,\\"labels\\":{\\"app\\":\\"x\\"}},\\"spec\\":{\\"containers\\":[{\\"name\\":\\"nginx\\",\\"image\\":\\"nginx\\",\\"resources\\":{}}]}},\\"strategy\\":{}},\\"status\\":{}}\\n"\n        }\n    },\n    "spec": {\n        "replicas": 1,\n        "selector": {\n            "matchLabels": {\n                "app": "x"\n            }\n        },\n        "template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "x"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "nginx",\n                        "image": "nginx",\n                        "resources": {}\n                    }\n                ]\n            }\n        },\n        "strategy": {}\n    },\n    "status": {}\n}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'deployment', 'x', '--image=nginx', '--validate=bogus', '--dry-run=client'],
    stdout: '',
    stderr:
      'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n',
    exitCode: 1,
  },
  {
    args: ['create', 'deployment', 'x', '--image=nginx', '--validate=false', '--dry-run=client'],
    stdout: 'deployment.apps/x created (dry run)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: [
      'create',
      'deployment',
      'x',
      '--image=nginx',
      '--port=8080',
      '-r',
      '2',
      '-n',
      'team',
      '--dry-run=client',
      '-o',
      'json',
    ],
    stdout:
      '{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "x",\n        "namespace": "team",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "x"\n        }\n    },\n    "spec": {\n        "replicas": 2,\n        "selector": {\n            "matchLabels": {\n                "app": "x"\n            }\n        },\n        "template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "x"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "nginx",\n                        "image": "nginx",\n                        "ports": [\n                            {\n                                "containerPort": 8080\n                            }\n                        ],\n                        "resources": {}\n                    }\n                ]\n            }\n        },\n        "strategy": {}\n    },\n    "status": {}\n}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: [
      'create',
      'deployment',
      'x',
      '--image=busybox',
      '--dry-run=client',
      '-o',
      'yaml',
      '--',
      'sh',
      '-c',
      'echo hello; sleep 10',
    ],
    stdout:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n  name: x\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: x\n    spec:\n      containers:\n      - command:\n        - sh\n        - -c\n        - echo hello; sleep 10\n        image: busybox\n        name: busybox\n        resources: {}\nstatus: {}\n',
    stderr: '',
    exitCode: 0,
  },
  {
    args: [
      'create',
      'deployment',
      'x',
      '--image=busybox',
      '--dry-run=client',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].ports}',
      '--port=0',
    ],
    stdout: '[{"containerPort":0}]',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'deployment', 'a', 'b', '--image=nginx', '--dry-run=client', '--', 'sleep'],
    stdout: '',
    stderr:
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    exitCode: 1,
  },
  {
    args: ['create', 'service', 'bogus'],
    stdout: '',
    stderr:
      'error: unknown command "bogus"\nSee \'kubectl create service -h\' for help and examples\n',
    exitCode: 1,
  },
  {
    args: ['create', 'svc', 'bogus', 'x'],
    stdout: '',
    stderr:
      'error: unknown command "bogus x"\nSee \'kubectl create service -h\' for help and examples\n',
    exitCode: 1,
  },
  {
    args: ['create', '-f', 'a.yaml', '-f', 'b.yaml'],
    stdout: '',
    stderr: 'the path "a.yaml" does not exist\nthe path "b.yaml" does not exist\n',
    exitCode: 1,
  },
  {
    args: ['create', '-f', 'a.yaml', '-k', 'b'],
    stdout: '',
    stderr: 'error: only one of -f or -k can be specified\n',
    exitCode: 1,
  },
  {
    args: ['create', '--validate=bogus', '-o', 'bogus'],
    stdout: '',
    stderr:
      'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n',
    exitCode: 1,
  },
  {
    args: ['create', 'namespace', 'a', 'b'],
    stdout: '',
    stderr:
      "error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n",
    exitCode: 1,
  },
  {
    args: ['create', 'ns', 'x', '--dry-run=client', '-o', 'jsonpath={.kind}'],
    stdout: 'Namespace',
    stderr: '',
    exitCode: 0,
  },
  {
    args: ['create', 'ns', 'x', '--save-config', '--dry-run=client', '-o', 'yaml'],
    stdout:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}\n  creationTimestamp: null\n  name: x\nspec: {}\nstatus: {}\n',
    stderr: '',
    exitCode: 0,
  },
];

describe('kubectl create: more cases recorded from kubectl v1.32.5', () => {
  for (const c of RECORDED) it(kubectlLine(c.args), () => expectLikeRecording(c));
});

describe('kubectl create deployment against the server', () => {
  it('creates the deployment with the kubectl-built spec and the server defaults', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create deployment my-app --image=nginx:latest')).toMatchObject({
      stdout: 'deployment.apps/my-app created\n',
      stderr: '',
      exitCode: 0,
    });
    const d = reader(s.world).get('Deployment', 'default', 'my-app');
    expect(d?.metadata?.labels).toEqual({ app: 'my-app' });
    expect(d?.spec?.selector).toEqual({ matchLabels: { app: 'my-app' } });
    expect(d?.spec?.replicas).toBe(1);
    expect(d?.spec?.template.spec?.containers).toMatchObject([
      { name: 'nginx', image: 'nginx:latest', imagePullPolicy: 'Always' },
    ]);
    // The controllers took over: a ReplicaSet and its pod exist.
    expect(reader(s.world).list('ReplicaSet', 'default')).toHaveLength(1);
    expect(reader(s.world).list('Pod', 'default')).toHaveLength(1);
  });

  it('prints the created object with -o yaml, as the server answered', () => {
    const s = createSession({ seed: 1 });
    const r = run(s, 'kubectl create deployment my-app --image=nginx:latest --port=80 -o yaml');
    const d = reader(s.world).get('Deployment', 'default', 'my-app');
    expect(r.exitCode).toBe(0);
    // The answer carries the resourceVersion of the create, before the controllers wrote status.
    const rv = /\n {2}resourceVersion: "(\d+)"\n/.exec(r.stdout)?.[1];
    expect(Number(rv)).toBeLessThan(Number(d?.metadata?.resourceVersion));
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: "2026-01-15T09:00:00Z"
  generation: 1
  labels:
    app: my-app
  name: my-app
  namespace: default
  resourceVersion: "${rv ?? ''}"
  uid: ${d?.metadata?.uid ?? ''}
spec:
  progressDeadlineSeconds: 600
  replicas: 1
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: my-app
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: my-app
    spec:
      containers:
      - image: nginx:latest
        imagePullPolicy: Always
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status: {}
`);
  });

  it('prints typed JSON in Go struct order', () => {
    const s = createSession({ seed: 1 });
    const r = run(s, 'kubectl create deployment my-app --image=nginx:latest -o json');
    const keys = Object.keys(JSON.parse(r.stdout) as object);
    expect(keys).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(r.stdout).toContain(
      '"metadata": {\n        "name": "my-app",\n        "namespace": "default",\n        "uid": ',
    );
  });

  it('answers a second create with the wrapped AlreadyExists error and changes nothing', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx:latest');
    const before = s.world;
    expect(run(s, 'kubectl create deployment my-app --image=nginx:1.27')).toMatchObject({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "my-app" already exists\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
  });

  it('passes the server validation on, wrapped', () => {
    const s = createSession({ seed: 1 });
    const before = s.world;
    expect(run(s, 'kubectl create deployment My_App --image=nginx:latest').stderr).toBe(
      `error: failed to create deployment: Deployment.apps "My_App" is invalid: metadata.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
    expect(run(s, 'kubectl create deployment x --image=nginx --replicas=-1').stderr).toBe(
      'error: failed to create deployment: Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(run(s, 'kubectl create deployment x --image=nginx --image=nginx:1.27').stderr).toBe(
      'error: failed to create deployment: Deployment.apps "x" is invalid: spec.template.spec.containers[1].name: Duplicate value: "nginx"\n',
    );
    expect(s.world).toBe(before);
  });

  it('reports a missing namespace through the same wrapping', () => {
    const s = createSession({ seed: 1 });
    const before = s.world;
    expect(run(s, 'kubectl create deployment my-app --image=nginx -n foo')).toMatchObject({
      stderr: 'error: failed to create deployment: namespaces "foo" not found\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
  });

  it('answers --dry-run=server with the object the server would store, and keeps nothing', () => {
    const s = createSession({ seed: 1 });
    const before = s.world;
    expect(
      run(s, 'kubectl create deployment my-app --image=nginx:latest --dry-run=server'),
    ).toMatchObject({
      stdout: 'deployment.apps/my-app created (server dry run)\n',
      exitCode: 0,
    });
    const r = run(
      s,
      'kubectl create deployment my-app --image=nginx:latest --dry-run=server -o yaml',
    );
    expect(r.stdout).toContain('  generation: 1\n');
    expect(r.stdout).toContain('  namespace: default\n');
    expect(r.stdout).toMatch(/\n {2}uid: [0-9a-f-]{36}\n/);
    expect(r.stdout).not.toContain('resourceVersion');
    expect(r.stdout).toContain('      dnsPolicy: ClusterFirst\n');
    expect(s.world).toBe(before);
  });

  it('derives a sanitized container name with a suffix that depends only on the seed', () => {
    const line =
      'kubectl create deployment my-app --image=localhost:5000/team/my_app:1.0 -o jsonpath={.spec.template.spec.containers[0].name}';
    const a = run(createSession({ seed: 1 }), line).stdout;
    const b = run(createSession({ seed: 1 }), line).stdout;
    const c = run(createSession({ seed: 7 }), line).stdout;
    expect(a).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('keeps the command after -- for the container', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment sleeper --image=busybox -- sh -c "sleep 3600"');
    const c = reader(s.world).get('Deployment', 'default', 'sleeper')?.spec?.template.spec
      ?.containers[0];
    expect(c?.command).toEqual(['sh', '-c', 'sleep 3600']);
  });

  it('records --save-config as the last-applied annotation', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx --save-config');
    const d = reader(s.world).get('Deployment', 'default', 'my-app');
    expect(d?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"my-app","creationTimestamp":null,"labels":{"app":"my-app"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"my-app"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"my-app"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}\n',
    );
  });

  it('warns about a boolean --dry-run as klog does', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create deployment my-app --image=nginx --dry-run=true')).toMatchObject({
      stdout: 'deployment.apps/my-app created (dry run)\n',
      stderr:
        'W0115 09:00:00.000000   48213 helpers.go:716] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n',
      exitCode: 0,
    });
  });
});

describe('kubectl create service and namespace against the server', () => {
  it('creates services of each type and wraps their errors with the type', () => {
    const s = createSession({ seed: 1 });
    expect(
      run(s, 'kubectl create service nodeport web --tcp=80:8080 --node-port=30080').stdout,
    ).toBe('service/web created\n');
    const svc = reader(s.world).get('Service', 'default', 'web');
    expect(svc?.spec).toMatchObject({
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ name: '80-8080', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
    });
    expect(svc?.spec?.clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const before = s.world;
    expect(run(s, 'kubectl create service loadbalancer web --tcp=80')).toMatchObject({
      stderr: 'error: failed to create LoadBalancer service: services "web" already exists\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl create service clusterip Web --tcp=80').stderr).toBe(
      `error: failed to create ClusterIP service: Service "Web" is invalid: metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    );
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl create svc clusterip headless --clusterip=None --tcp=5432').stdout).toBe(
      'service/headless created\n',
    );
    expect(reader(s.world).get('Service', 'default', 'headless')?.spec?.clusterIP).toBe('None');
    // A headless Service may have no ports at all (ValidateService, pkg/apis/core/validation).
    expect(run(s, 'kubectl create service clusterip bare --clusterip=None').stdout).toBe(
      'service/bare created\n',
    );
    expect(
      run(
        s,
        'kubectl create service externalname db --external-name=db.example.com -o jsonpath={.spec.externalName}',
      ).stdout,
    ).toBe('db.example.com');
  });

  it('creates a namespace and passes its errors through unwrapped', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create namespace argocd')).toMatchObject({
      stdout: 'namespace/argocd created\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Namespace', undefined, 'argocd')?.status?.phase).toBe('Active');
    const before = s.world;
    expect(run(s, 'kubectl create ns argocd')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): namespaces "argocd" already exists\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl create namespace Bad_Name').stderr).toBe(
      `The Namespace "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n`,
    );
    expect(s.world).toBe(before);
  });

  it('says honestly that there are no manifest files to read', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create -f deployment.yaml')).toMatchObject({
      stderr: 'error: the path "deployment.yaml" does not exist\n',
      exitCode: 1,
    });
  });
});
