// `kubectl get` transcripts, checked against the real kubectl v1.32 talking to a stub API server
// that serves this simulator's objects and tables.
// - Flow, `No resources found`, blank lines between kinds, kind prefixes, List vs object:
//   staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Run, printGeneric, multipleGVKsRequested)
// - Argument forms and their errors: staging/src/k8s.io/cli-runtime/pkg/resource/builder.go
// - Selector errors: staging/src/k8s.io/cli-runtime/pkg/resource/helper.go (EnhanceListError),
//   k8s.io/apimachinery/pkg/fields/selector.go, kubernetes pkg/apis/core/v1/conversion.go
// - --sort-by: staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go
// - --watch: get.go (watch) and staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go
import { describe, expect, it } from 'vitest';
import type { Session } from '../../program';
import { registry } from '../../programs';
import { runHeadless } from '../../shell/shell';
import oracle from '../__fixtures__/oracle.json';
import {
  expectAsRecorded,
  seedObject,
  settleFor,
  transcript as run,
  withDeployments,
} from './testing';

/** A deployment `my-app` (2 replicas) and a Service in front of it, `settleMs` later. */
function session(settleMs = 30_000): Session {
  const s = withDeployments([['my-app', 2, 'nginx:1.27']], 0);
  seedObject(s, 'Service', {
    metadata: { name: 'my-app', labels: { app: 'my-app' } },
    spec: { selector: { app: 'my-app' }, ports: [{ port: 80, targetPort: 80 }] },
  });
  settleFor(s, settleMs);
  return s;
}

describe('kubectl get tables', () => {
  const s = session();
  it('prints pods, deployments, replica sets, services, endpoints, nodes and namespaces', () => {
    expect(run(s, 'kubectl get pods')).toMatchInlineSnapshot(`
      "NAME                     READY   STATUS    RESTARTS   AGE
      my-app-99bbd5bc8-2xwh8   1/1     Running   0          30s
      my-app-99bbd5bc8-wcrq8   1/1     Running   0          30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get deploy')).toMatchInlineSnapshot(`
      "NAME     READY   UP-TO-DATE   AVAILABLE   AGE
      my-app   2/2     2            2           30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get rs -o wide')).toMatchInlineSnapshot(`
      "NAME               DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
      my-app-99bbd5bc8   2         2         2       30s   nginx        nginx:1.27   app=my-app,pod-template-hash=99bbd5bc8
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get svc,ep')).toMatchInlineSnapshot(`
      "NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   3d
      service/my-app       ClusterIP   10.99.134.85   <none>        80/TCP    30s

      NAME                   ENDPOINTS                     AGE
      endpoints/kubernetes   10.0.0.2:6443                 3d
      endpoints/my-app       10.244.1.2:80,10.244.3.3:80   30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get no')).toMatchInlineSnapshot(`
      "NAME     STATUS   ROLES    AGE     VERSION
      node-1   Ready    <none>   2d23h   v1.32.5
      node-2   Ready    <none>   2d23h   v1.32.5
      node-3   Ready    <none>   2d23h   v1.32.5
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get namespaces')).toMatchInlineSnapshot(`
      "NAME              STATUS   AGE
      default           Active   3d
      kube-node-lease   Active   3d
      kube-public       Active   3d
      kube-system       Active   3d
      --stderr--
      --exit 0"
    `);
  });
  it('widens, labels and spans namespaces', () => {
    expect(run(s, 'kubectl get po -o wide')).toMatchInlineSnapshot(`
      "NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
      my-app-99bbd5bc8-2xwh8   1/1     Running   0          30s   10.244.1.2   node-1   <none>           <none>
      my-app-99bbd5bc8-wcrq8   1/1     Running   0          30s   10.244.3.3   node-3   <none>           <none>
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods -A --show-labels')).toMatchInlineSnapshot(`
      "NAMESPACE     NAME                      READY   STATUS    RESTARTS   AGE   LABELS
      default       my-app-99bbd5bc8-2xwh8    1/1     Running   0          30s   app=my-app,pod-template-hash=99bbd5bc8
      default       my-app-99bbd5bc8-wcrq8    1/1     Running   0          30s   app=my-app,pod-template-hash=99bbd5bc8
      kube-system   coredns-7fb689497-47n5m   1/1     Running   0          3d    k8s-app=kube-dns,pod-template-hash=7fb689497
      kube-system   coredns-7fb689497-c9jfr   1/1     Running   0          3d    k8s-app=kube-dns,pod-template-hash=7fb689497
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods -L app,pod-template-hash --no-headers')).toMatchInlineSnapshot(`
      "my-app-99bbd5bc8-2xwh8   1/1   Running   0     30s   my-app   99bbd5bc8
      my-app-99bbd5bc8-wcrq8   1/1   Running   0     30s   my-app   99bbd5bc8
      --stderr--
      --exit 0"
    `);
  });
  it('prints every kind of `all`, with kind prefixes and blank lines between kinds', () => {
    expect(run(s, 'kubectl get all')).toMatchInlineSnapshot(`
      "NAME                         READY   STATUS    RESTARTS   AGE
      pod/my-app-99bbd5bc8-2xwh8   1/1     Running   0          30s
      pod/my-app-99bbd5bc8-wcrq8   1/1     Running   0          30s

      NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   3d
      service/my-app       ClusterIP   10.99.134.85   <none>        80/TCP    30s

      NAME                     READY   UP-TO-DATE   AVAILABLE   AGE
      deployment.apps/my-app   2/2     2            2           30s

      NAME                               DESIRED   CURRENT   READY   AGE
      replicaset.apps/my-app-99bbd5bc8   2         2         2       30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get all --no-headers')).toMatchInlineSnapshot(`
      "pod/my-app-99bbd5bc8-2xwh8   1/1   Running   0     30s
      pod/my-app-99bbd5bc8-wcrq8   1/1   Running   0     30s
      service/kubernetes   ClusterIP   10.96.0.1      <none>   443/TCP   3d
      service/my-app       ClusterIP   10.99.134.85   <none>   80/TCP    30s
      deployment.apps/my-app   2/2   2     2     30s
      replicaset.apps/my-app-99bbd5bc8   2     2     2     30s
      --stderr--
      --exit 0"
    `);
  });
  it('gets objects by name, continuing past the missing ones', () => {
    expect(run(s, 'kubectl get svc my-app')).toMatchInlineSnapshot(`
      "NAME     TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      my-app   ClusterIP   10.99.134.85   <none>        80/TCP    30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pod nope other')).toMatchInlineSnapshot(`
      "--stderr--
      Error from server (NotFound): pods "nope" not found
      Error from server (NotFound): pods "other" not found
      --exit 1"
    `);
    expect(run(s, 'kubectl get deploy/my-app pod/nope svc/my-app')).toMatchInlineSnapshot(`
      "NAME                     READY   UP-TO-DATE   AVAILABLE   AGE
      deployment.apps/my-app   2/2     2            2           30s

      NAME             TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      service/my-app   ClusterIP   10.99.134.85   <none>        80/TCP    30s
      --stderr--
      Error from server (NotFound): pods "nope" not found
      --exit 1"
    `);
    expect(run(s, 'kubectl get svc,deploy my-app')).toMatchInlineSnapshot(`
      "NAME             TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      service/my-app   ClusterIP   10.99.134.85   <none>        80/TCP    30s

      NAME                     READY   UP-TO-DATE   AVAILABLE   AGE
      deployment.apps/my-app   2/2     2            2           30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pod nope --ignore-not-found')).toMatchInlineSnapshot(`
      "--stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pod x -A')).toMatchInlineSnapshot(`
      "--stderr--
      error: a resource cannot be retrieved by name across all namespaces
      --exit 1"
    `);
  });
  it('says when nothing was found, on stderr', () => {
    expect(run(s, 'kubectl get pods -n nope')).toMatchInlineSnapshot(`
      "--stderr--
      No resources found in nope namespace.
      --exit 0"
    `);
    // A fresh namespace has its kube-root-ca.crt ConfigMap, but no Secrets.
    expect(run(s, 'kubectl get secrets')).toMatchInlineSnapshot(`
      "--stderr--
      No resources found in default namespace.
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods -A -l app=none')).toMatchInlineSnapshot(`
      "--stderr--
      No resources found
      --exit 0"
    `);
    expect(run(s, 'kubectl get nodes -l app=none')).toMatchInlineSnapshot(`
      "--stderr--
      No resources found
      --exit 0"
    `);
  });
  it('prints the Event table', () => {
    expect(run(s, 'kubectl get ev --field-selector involvedObject.kind=Deployment'))
      .toMatchInlineSnapshot(`
      "LAST SEEN   TYPE     REASON              OBJECT              MESSAGE
      30s         Normal   ScalingReplicaSet   deployment/my-app   Scaled up replica set my-app-99bbd5bc8 from 0 to 2
      --stderr--
      --exit 0"
    `);
  });
});

describe('kubectl get -o', () => {
  const s = session();
  it('prints one named object as itself and anything else as a List', () => {
    const one = runHeadless(s, 'kubectl get svc my-app -o json', registry);
    expect(JSON.parse(one.stdout)).toMatchObject({ kind: 'Service', metadata: { name: 'my-app' } });
    const list = runHeadless(s, 'kubectl get svc -l app=my-app -o json', registry);
    expect(JSON.parse(list.stdout)).toMatchObject({
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [{ kind: 'Service' }],
    });
    expect(run(s, 'kubectl get pods -n nope -o yaml')).toMatchInlineSnapshot(`
      "apiVersion: v1
      items: []
      kind: List
      metadata:
        resourceVersion: ""
      --stderr--
      --exit 0"
    `);
  });
  it('prints names, jsonpath and custom columns', () => {
    expect(run(s, 'kubectl get deploy,svc -o name')).toMatchInlineSnapshot(`
      "deployment.apps/my-app
      service/kubernetes
      service/my-app
      --stderr--
      --exit 0"
    `);
    expect(run(s, `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`))
      .toMatchInlineSnapshot(`
      "my-app-99bbd5bc8-2xwh8
      my-app-99bbd5bc8-wcrq8
      --stderr--
      --exit 0"
    `);
    expect(
      run(s, `kubectl get pods -o jsonpath='{.items[?(@.spec.nodeName=="node-1")].metadata.name}'`),
    ).toMatchInlineSnapshot(`
      "my-app-99bbd5bc8-2xwh8--stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName'))
      .toMatchInlineSnapshot(`
      "NAME                     NODE
      my-app-99bbd5bc8-2xwh8   node-1
      my-app-99bbd5bc8-wcrq8   node-3
      --stderr--
      --exit 0"
    `);
  });
  it('refuses --show-labels with a machine format, as the oracle recorded', () => {
    expectAsRecorded(s, ['get', 'pod', 'x', '--show-labels', '-o', 'yaml']);
  });
  it('asks for a type when given none, as the oracle recorded', () => {
    const recorded = oracle.find((o) => o.args.join(' ') === 'get');
    const r = runHeadless(s, 'kubectl get', registry);
    expect(r.stderr).toBe(recorded?.stderr);
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl get selectors and sorting', () => {
  const s = session();
  it('filters by label and field, and words the server errors as kubectl does', () => {
    expect(
      run(
        s,
        "kubectl get pods -l 'app in (my-app)' --field-selector status.phase=Running,spec.nodeName=node-1",
      ),
    ).toMatchInlineSnapshot(`
      "NAME                     READY   STATUS    RESTARTS   AGE
      my-app-99bbd5bc8-2xwh8   1/1     Running   0          30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods --field-selector status.phase!=Running'))
      .toMatchInlineSnapshot(`
      "--stderr--
      No resources found in default namespace.
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods --field-selector foo=bar')).toMatchInlineSnapshot(`
      "--stderr--
      Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo
      --exit 1"
    `);
    expect(run(s, 'kubectl get deploy --field-selector spec.replicas=2')).toMatchInlineSnapshot(`
      "--stderr--
      Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=2": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"
      --exit 1"
    `);
    expect(run(s, 'kubectl get pods --field-selector=bad')).toMatchInlineSnapshot(`
      "--stderr--
      Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bad": invalid selector: 'bad'; can't understand 'bad'
      --exit 1"
    `);
    expect(run(s, 'kubectl get pods my-app -l app=x')).toMatchInlineSnapshot(`
      "--stderr--
      error: name cannot be provided when a selector is specified
      --exit 1"
    `);
    expect(run(s, 'kubectl get foo')).toMatchInlineSnapshot(`
      "--stderr--
      error: the server doesn't have a resource type "foo"
      --exit 1"
    `);
  });
  it('sorts by a field, and prints nothing for a field no object has', () => {
    expect(run(s, 'kubectl get svc --sort-by=.spec.clusterIP')).toMatchInlineSnapshot(`
      "NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   3d
      my-app       ClusterIP   10.99.134.85   <none>        80/TCP    30s
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods --sort-by=.foo')).toMatchInlineSnapshot(`
      "--stderr--
      No resources found in default namespace.
      --exit 0"
    `);
    expect(run(s, 'kubectl get pods -o name --sort-by=.foo')).toMatchInlineSnapshot(`
      "--stderr--
      error: couldn't find any field with path "{.foo}" in the list of objects
      --exit 1"
    `);
  });
});

describe('kubectl get --watch', () => {
  it('prints the list, then a line per change, until interrupted', () => {
    const s = session(0);
    const before = s.world.now;
    expect(run(s, 'kubectl get pods -w')).toMatchInlineSnapshot(`
      "NAME                     READY   STATUS              RESTARTS   AGE
      my-app-99bbd5bc8-2xwh8   0/1     ContainerCreating   0          0s
      my-app-99bbd5bc8-wcrq8   0/1     ContainerCreating   0          0s
      my-app-99bbd5bc8-2xwh8   0/1     ContainerCreating   0          0s
      my-app-99bbd5bc8-wcrq8   0/1     ContainerCreating   0          0s
      my-app-99bbd5bc8-wcrq8   1/1     Running             0          4s
      my-app-99bbd5bc8-2xwh8   1/1     Running             0          4s
      --stderr--
      --exit 130"
    `);
    expect(s.world.now).toBe(before + 10 * 60_000);
  });
  it('adds an EVENT column and spans namespaces', () => {
    const s = session(0);
    expect(run(s, 'kubectl get deploy -A -w --output-watch-events')).toMatchInlineSnapshot(`
      "EVENT      NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE
      ADDED      default       my-app    0/2     2            0           0s
      ADDED      kube-system   coredns   2/2     2            2           3d
      MODIFIED   default       my-app    1/2     2            1           4s
      MODIFIED   default       my-app    2/2     2            2           4s
      --stderr--
      --exit 130"
    `);
  });
  it('prints only changes with --watch-only, and refuses several types', () => {
    const s = session(0);
    expect(run(s, 'kubectl get rs --watch-only --no-headers')).toMatchInlineSnapshot(`
      "my-app-99bbd5bc8   2     2     1     4s
      my-app-99bbd5bc8   2     2     2     4s
      --stderr--
      --exit 130"
    `);
    expect(run(s, 'kubectl get pods,svc -w')).toMatchInlineSnapshot(`
      "--stderr--
      error: you may only specify a single resource type
      --exit 1"
    `);
  });
});
