// kubectl apply's output and semantics: k8s.io/kubectl/pkg/cmd/apply/apply.go (created /
// configured / unchanged, `(dry run)`, `(server dry run)`), k8s.io/kubectl/pkg/cmd/util/helpers.go
// (CheckErr: `The Deployment "x" is invalid: …`, AddSourceToErr: `error when creating "f.yaml"`),
// apply_view_last_applied.go and its test (view-last-applied output and errors),
// k8s.io/cli-runtime/pkg/resource/visitor.go and builder.go (-f errors).
import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION } from '../../../engine/k8s/apply';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { run } from './testing';

const HOME = '/home/learner';

function write(s: Session, path: string, text: string) {
  withFiles(s, (tx) => {
    const dir = path.slice(0, path.lastIndexOf('/'));
    tx.mkdir(`${HOME}/${dir}`, { parents: true });
    tx.writeFile(`${HOME}/${path}`, text);
  });
}

const deployment = (extra = '', image = 'nginx:1.25') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
${extra}  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: web
        image: ${image}
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: my-app
spec:
  selector:
    app: my-app
  ports:
  - port: 80
`;

const live = (s: Session) => reader(s.world).get('Deployment', 'default', 'my-app');

describe('kubectl apply', () => {
  it('creates, configures, then reports unchanged', () => {
    const s = createSession({ seed: 1 });
    write(s, 'app/deployment.yaml', deployment('  replicas: 2\n'));
    expect(run(s, 'kubectl apply -f app/deployment.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(live(s)?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toContain(
      '"metadata":{"annotations":{},"name":"my-app","namespace":"default"}',
    );
    write(s, 'app/deployment.yaml', deployment('  replicas: 3\n'));
    expect(run(s, 'kubectl apply -f app/deployment.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app configured\n',
      exitCode: 0,
    });
    expect(live(s)?.spec?.replicas).toBe(3);
    const before = s.world.cluster;
    expect(run(s, 'kubectl apply -f app/deployment.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app unchanged\n',
      exitCode: 0,
    });
    expect(s.world.cluster.resourceVersion).toBe(before.resourceVersion);
  });

  it('removes a field dropped from the file', () => {
    const s = createSession({ seed: 1 });
    write(
      s,
      'd.yaml',
      deployment().replace('  name: my-app\n', '  name: my-app\n  labels:\n    team: a\n'),
    );
    run(s, 'kubectl apply -f d.yaml');
    expect(live(s)?.metadata?.labels).toEqual({ team: 'a' });
    write(s, 'd.yaml', deployment());
    expect(run(s, 'kubectl apply -f d.yaml').stdout).toBe('deployment.apps/my-app configured\n');
    expect(live(s)?.metadata?.labels).toBeUndefined();
  });

  it('keeps a kubectl scale when the file has no replicas, and resets it when it has', () => {
    const s = createSession({ seed: 1 });
    write(s, 'd.yaml', deployment());
    run(s, 'kubectl apply -f d.yaml');
    expect(run(s, 'kubectl scale deployment my-app --replicas=5').exitCode).toBe(0);
    expect(run(s, 'kubectl apply -f d.yaml').stdout).toBe('deployment.apps/my-app unchanged\n');
    expect(live(s)?.spec?.replicas).toBe(5);
    write(s, 'd.yaml', deployment('  replicas: 2\n'));
    expect(run(s, 'kubectl apply -f d.yaml').stdout).toBe('deployment.apps/my-app configured\n');
    expect(live(s)?.spec?.replicas).toBe(2);
  });

  it('applies every document of a file, a directory, and -R', () => {
    const s = createSession({ seed: 1 });
    write(s, 'all.yaml', `${deployment()}---\n${service}`);
    expect(run(s, 'kubectl apply -f all.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app created\nservice/my-app created\n',
      exitCode: 0,
    });
    const t = createSession({ seed: 1 });
    write(t, 'dir/deployment.yaml', deployment());
    write(t, 'dir/notes.txt', 'not a manifest');
    write(t, 'dir/sub/service.yml', service);
    expect(run(t, 'kubectl apply -f dir').stdout).toBe('deployment.apps/my-app created\n');
    expect(run(t, 'kubectl apply -f dir -R').stdout).toBe(
      'deployment.apps/my-app unchanged\nservice/my-app created\n',
    );
  });

  it('prints -o name, dry runs, and changes nothing on a dry run', () => {
    const s = createSession({ seed: 1 });
    write(s, 'd.yaml', deployment());
    const before = s.world;
    expect(run(s, 'kubectl apply -f d.yaml --dry-run=client').stdout).toBe(
      'deployment.apps/my-app created (dry run)\n',
    );
    expect(run(s, 'kubectl apply -f d.yaml --dry-run=server').stdout).toBe(
      'deployment.apps/my-app created (server dry run)\n',
    );
    expect(s.world.cluster).toBe(before.cluster);
    expect(run(s, 'kubectl apply -f d.yaml -o name').stdout).toBe('deployment.apps/my-app\n');
  });

  it('applies nothing of an invalid object and goes on with the others', () => {
    const s = createSession({ seed: 1 });
    write(s, 'all.yaml', `${deployment('  replicas: -1\n')}---\n${service}`);
    const r = run(s, 'kubectl apply -f all.yaml');
    expect(r).toMatchObject({
      stdout: 'service/my-app created\n',
      stderr:
        'The Deployment "my-app" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
      exitCode: 1,
    });
    expect(live(s)).toBeUndefined();
  });

  it('reports kubectl’s errors for sources', () => {
    const s = createSession({ seed: 1 });
    const before = s.world;
    expect(run(s, 'kubectl apply')).toMatchObject({
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl apply foo -f x.yaml').stderr).toBe(
      "error: Unexpected args: [foo]\nSee 'kubectl apply -h' for help and examples\n",
    );
    expect(run(s, 'kubectl apply -f x.yaml')).toMatchObject({
      stderr: 'error: the path "x.yaml" does not exist\n',
      exitCode: 1,
    });
    write(s, 'bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n b: c\n');
    expect(run(s, 'kubectl apply -f bad.yaml').stderr).toBe(
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n',
    );
    write(s, 'nokind.yaml', 'metadata:\n  name: a\n');
    expect(run(s, 'kubectl apply -f nokind.yaml').stderr).toBe(
      'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    write(s, 'crd.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
    expect(run(s, 'kubectl apply -f crd.yaml').stderr).toBe(
      'error: resource mapping not found for name: "w" namespace: "" from "crd.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
    );
    expect(run(s, 'kubectl apply -k nodir').stderr).toBe(
      "error: must build at directory: not a valid directory: evalsymlink failure on 'nodir' : lstat /home/learner/nodir: no such file or directory\n",
    );
    expect(run(s, 'kubectl apply -k nodir -f bad.yaml').stderr).toBe(
      'error: only one of -f or -k can be specified\n',
    );
    expect(run(s, 'kubectl apply -f bad.yaml --dry-run=maybe').stderr).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    );
    expect(s.world.cluster).toBe(before.cluster);
  });

  it('warns about an object made imperatively, then adopts it', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx:1.25');
    write(s, 'd.yaml', deployment());
    expect(run(s, 'kubectl apply -f d.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app configured\n',
      stderr:
        'Warning: resource deployments/my-app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    });
    expect(live(s)?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBeDefined();
    expect(run(s, 'kubectl apply -f d.yaml')).toMatchObject({
      stdout: 'deployment.apps/my-app unchanged\n',
      stderr: '',
    });
  });

  it('prints serverside-applied for --server-side, without the annotation', () => {
    const s = createSession({ seed: 1 });
    write(s, 'd.yaml', deployment('  replicas: 2\n'));
    expect(run(s, 'kubectl apply --server-side -f d.yaml').stdout).toBe(
      'deployment.apps/my-app serverside-applied\n',
    );
    expect(live(s)?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBeUndefined();
    write(s, 'd.yaml', deployment('  replicas: 4\n'));
    expect(run(s, 'kubectl apply --server-side -f d.yaml').stdout).toBe(
      'deployment.apps/my-app serverside-applied\n',
    );
    expect(live(s)?.spec?.replicas).toBe(4);
  });

  it('refuses flag combinations as kubectl v1.32 does', () => {
    const s = createSession({ seed: 1 });
    write(s, 'd.yaml', deployment());
    expect(run(s, 'kubectl apply --server-side --dry-run=client -f d.yaml')).toMatchObject({
      stderr:
        "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n",
      exitCode: 1,
    });
    expect(run(s, 'kubectl apply --force-conflicts -f d.yaml').stderr).toBe(
      'error: --force-conflicts only works with --server-side\n',
    );
    expect(run(s, 'kubectl apply --prune -f d.yaml').stderr).toBe(
      'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
    );
    expect(live(s)).toBeUndefined();
  });

  it('view-last-applied prints the annotation as YAML or indented JSON', () => {
    const s = createSession({ seed: 1 });
    write(s, 'svc.yaml', service);
    run(s, 'kubectl apply -f svc.yaml');
    expect(run(s, 'kubectl apply view-last-applied svc/my-app')).toMatchObject({
      stdout:
        'apiVersion: v1\nkind: Service\nmetadata:\n  annotations: {}\n  name: my-app\n  namespace: default\nspec:\n  ports:\n  - port: 80\n  selector:\n    app: my-app\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl apply view-last-applied -f svc.yaml -o json').stdout).toBe(
      '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {\n    "annotations": {},\n    "name": "my-app",\n    "namespace": "default"\n  },\n  "spec": {\n    "ports": [\n      {\n        "port": 80\n      }\n    ],\n    "selector": {\n      "app": "my-app"\n    }\n  }\n}\n',
    );
    run(s, 'kubectl create deployment plain --image=nginx');
    expect(run(s, 'kubectl apply view-last-applied deployment plain')).toMatchObject({
      stderr: 'error: no last-applied-configuration annotation found on resource: plain\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl apply view-last-applied svc/my-app -o wide').stderr).toBe(
      "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n",
    );
  });

  // Needs the kubectl dispatcher to hand its standard input to KubectlContext (`stdin`).
  it('reads a here-document from standard input', () => {
    const s = createSession({ seed: 1 });
    const r = run(s, `kubectl apply -f - <<EOF\n${service}EOF`);
    expect(r).toMatchObject({ stdout: 'service/my-app created\n', stderr: '', exitCode: 0 });
  });
});
