// Formats: kubectl pkg/cmd/set/set_env.go (Complete, Validate, RunEnv: `env updated`, `# Kind
// name, container c` listings, `# NAME from configmap x, key k`, the `error: <object> <err>`
// wrapping, `failed to patch env update to pod template`), pkg/cmd/set/env/env_parse.go
// (SplitEnvironmentFromResources, ParseEnv), pkg/cmd/set/helper.go (updateEnv, selectString),
// polymorphichelpers/updatepodspec.go (`the object is not a pod or does not have a pod
// template`). --local outputs checked against the real kubectl v1.32 binary.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { cwdOf, withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { run, seedObject } from './testing';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        env:
        - name: A
          value: "1"
        - name: S
          valueFrom:
            secretKeyRef: {name: s, key: k}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
`;

function withFile(): Session {
  const s = createSession({ seed: 1 });
  withFiles(s, (tx) => tx.writeFile(`${cwdOf(s)}/web.yaml`, MANIFESTS));
  return s;
}

function live(): Session {
  const s = createSession({ seed: 1 });
  expect(run(s, 'kubectl create deployment web --image=nginx').exitCode).toBe(0);
  run(s, 'sleep 20');
  return s;
}

const envOf = (s: Session) =>
  reader(s.world).get('Deployment', 'default', 'web')?.spec?.template?.spec?.containers[0]?.env;

describe('kubectl set env --local', () => {
  it('prints the object as the Go types decode it, with the new variable last', () => {
    const s = withFile();
    const r = run(s, 'kubectl set env --local -f web.yaml B=2 -o yaml');
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  name: web
spec:
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - env:
        - name: A
          value: "1"
        - name: S
          valueFrom:
            secretKeyRef:
              key: k
              name: s
        - name: B
          value: "2"
        image: nginx
        name: web
        resources: {}
status: {}
`);
    expect(r.stderr).toBe(
      'error: service/web the object is not a pod or does not have a pod template: *v1.Service\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('lists the environment, references as comments', () => {
    const s = withFile();
    expect(run(s, 'kubectl set env --local -f web.yaml --list')).toMatchObject({
      stdout: '# Deployment web, container web\nA=1\n# S from secret s, key k\n',
      exitCode: 0,
    });
  });

  it('wraps a refused overwrite as kubectl does, one blank line after each error', () => {
    const s = withFile();
    expect(run(s, 'kubectl set env --local -f web.yaml A=3 --overwrite=false')).toMatchObject({
      stdout: '',
      stderr:
        "error: deployment.apps/web\n 'A' already has a value (1), and --overwrite is false\n\nerror: service/web the object is not a pod or does not have a pod template: *v1.Service\n\n",
      exitCode: 1,
    });
  });

  it('reports argument mistakes in kubectl words', () => {
    const s = withFile();
    const expectErr = (line: string, stderr: string) =>
      expect(run(s, line)).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expectErr(
      'kubectl set env --local -f web.yaml 1FOO=bar',
      `error: "1FOO" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
    );
    expectErr(
      'kubectl set env --local -f web.yaml FOO=bar FOO-',
      'error: can not both modify and remove the same environment variable in the same command\n',
    );
    expectErr(
      'kubectl set env --local -f web.yaml --keys=a',
      'error: when specifying --keys, a configmap or secret must be provided with --from\n',
    );
    expectErr(
      'kubectl set env --local -f web.yaml FOO=bar --list -o yaml',
      'error: --list and --output may not be specified together\n',
    );
    expectErr(
      'kubectl set env deploy/x FOO=bar deploy/y',
      'error: all resources must be specified before environment changes: deploy/x FOO=bar deploy/y\n',
    );
    expectErr(
      'kubectl set env FOO=bar',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
    expectErr(
      'kubectl set env --local -f web.yaml FOO=bar --dry-run=server',
      'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n',
    );
    expectErr(
      'kubectl set env --local deploy/x FOO=bar',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it('warns when no container matches -c, and prefixes names with --prefix', () => {
    const s = withFile();
    expect(run(s, 'kubectl set env --local -f web.yaml FOO=bar -c nope -o name')).toMatchObject({
      stdout: '',
      stderr:
        'Warning: Deployment/web does not have any containers matching "nope"\nerror: service/web the object is not a pod or does not have a pod template: *v1.Service\n',
    });
    const out = run(s, 'kubectl set env --local -f web.yaml -e FOO=bar --prefix=P_ -c w* -o yaml');
    expect(out.stdout).toContain('        - name: P_FOO\n          value: bar\n');
  });
});

describe('kubectl set env against the cluster', () => {
  it('sets, lists, overwrites and removes variables; each change is a rollout', () => {
    const s = live();
    s.journal = [];
    expect(run(s, 'kubectl set env deployment/web GREETING=hello')).toMatchObject({
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(s.journal.map((c) => c.manager)).toContain('kubectl-set');
    expect(envOf(s)).toEqual([{ name: 'GREETING', value: 'hello' }]);
    expect(run(s, 'kubectl set env deployment/web --list').stdout).toBe(
      '# Deployment web, container nginx\nGREETING=hello\n',
    );
    // Nothing changes, so nothing is sent and nothing printed.
    expect(run(s, 'kubectl set env deployment/web GREETING=hello')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    const before = s.world.cluster;
    expect(run(s, 'kubectl set env deployment/web GREETING=bye --overwrite=false')).toMatchObject({
      stderr:
        "error: deployment.apps/web\n 'GREETING' already has a value (hello), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(s.world.cluster).toBe(before);
    run(s, 'kubectl set env deployment/web GREETING=bye');
    expect(envOf(s)).toEqual([{ name: 'GREETING', value: 'bye' }]);
    run(s, 'sleep 30');
    expect(run(s, 'kubectl set env deployment/web GREETING-').stdout).toBe(
      'deployment.apps/web env updated\n',
    );
    expect(envOf(s)).toBeUndefined();
    run(s, 'sleep 30');
    const rs = reader(s.world).list('ReplicaSet', 'default');
    expect(rs).toHaveLength(3);
    expect(run(s, 'kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n4         <none>\n\n',
    );
  });

  it('dry-runs on the client and on the server without changing anything', () => {
    const s = live();
    const before = s.world.cluster;
    expect(run(s, 'kubectl set env deploy/web A=1 --dry-run=client').stdout).toBe(
      'deployment.apps/web env updated (dry run)\n',
    );
    expect(run(s, 'kubectl set env deploy/web A=1 --dry-run=server').stdout).toBe(
      'deployment.apps/web env updated (server dry run)\n',
    );
    expect(s.world.cluster).toBe(before);
  });

  it('refuses objects without a pod template, and missing objects', () => {
    const s = live();
    expect(run(s, 'kubectl set env svc/kubernetes A=1')).toMatchObject({
      stderr:
        'error: service/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl set env deploy/nope A=1')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
  });

  it('imports every key of a ConfigMap with --from, by reference', () => {
    const s = live();
    seedObject(s, 'ConfigMap', {
      metadata: { name: 'settings', namespace: 'default' },
      data: { 'log-level': 'debug', COLOR: 'blue' },
    });
    expect(run(s, 'kubectl set env deploy/web --from=configmap/settings')).toMatchObject({
      stdout: 'deployment.apps/web env updated\n',
      stderr: 'Warning: key log-level transferred to LOG_LEVEL\n',
      exitCode: 0,
    });
    expect(envOf(s)).toEqual([
      { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'COLOR' } } },
      { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'settings', key: 'log-level' } } },
    ]);
    expect(run(s, 'kubectl set env deploy/web --list').stdout).toBe(
      '# Deployment web, container nginx\n# COLOR from configmap settings, key COLOR\n# LOG_LEVEL from configmap settings, key log-level\n',
    );
    expect(run(s, 'kubectl set env deploy/web --list --resolve').stdout).toBe(
      '# Deployment web, container nginx\nCOLOR=blue\nLOG_LEVEL=debug\n',
    );
    expect(run(s, 'kubectl set env deploy/web --from=configmap/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): configmaps "nope" not found\n',
      exitCode: 1,
    });
  });
});
