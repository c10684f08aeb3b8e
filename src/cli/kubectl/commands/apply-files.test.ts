// `-f` for create, get and delete: k8s.io/kubectl/pkg/cmd/create/create.go (RunCreate,
// `error when creating "f.yaml"` from cmdutil.AddSourceToErr), pkg/cmd/delete/delete.go,
// pkg/cmd/get/get.go; k8s.io/cli-runtime/pkg/resource/builder.go (`the path "x" does not exist`).
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { run } from './testing';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

function session(): Session {
  const s = createSession({ seed: 1 });
  withFiles(s, (tx) => tx.writeFile('/home/learner/web.yaml', manifest));
  return s;
}

describe('kubectl create -f', () => {
  it('creates every object, then reports AlreadyExists with the file name', () => {
    const s = session();
    expect(run(s, 'kubectl create -f web.yaml')).toMatchObject({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    });
    const d = reader(s.world).get('Deployment', 'default', 'web');
    expect(
      d?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBeUndefined();
    expect(run(s, 'kubectl create -f web.yaml')).toMatchObject({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\nError from server (AlreadyExists): error when creating "web.yaml": services "web" already exists\n',
      exitCode: 1,
    });
  });

  it('reports every missing path', () => {
    const s = session();
    expect(run(s, 'kubectl create -f a.yaml -f b.yaml')).toMatchObject({
      stderr: 'the path "a.yaml" does not exist\nthe path "b.yaml" does not exist\n',
      exitCode: 1,
    });
  });
});

describe('kubectl get -f and delete -f', () => {
  it('gets and deletes the objects a file names', () => {
    const s = session();
    run(s, 'kubectl create -f web.yaml');
    expect(run(s, 'kubectl get -f web.yaml -o name')).toMatchObject({
      stdout: 'deployment.apps/web\nservice/web\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl delete -f web.yaml')).toMatchObject({
      stdout: 'deployment.apps "web" deleted\nservice "web" deleted\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Service', 'default', 'web')).toBeUndefined();
    expect(run(s, 'kubectl delete -f web.yaml')).toMatchObject({
      stderr:
        'Error from server (NotFound): deployments.apps "web" not found\nError from server (NotFound): services "web" not found\n',
      exitCode: 1,
    });
  });
});
