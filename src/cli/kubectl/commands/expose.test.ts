// kubectl expose against the simulated server. Behaviour and wording: kubectl
// pkg/cmd/expose/expose.go (createService, `couldn't find port via --port flag or introspection`,
// `service/<name> exposed`), pkg/polymorphichelpers mapbasedselectorforobject.go,
// portsforobject.go, multiprotocolsforobject.go, canbeexposed.go.
import { describe, expect, it } from 'vitest';
import { create } from '../../../engine/k8s/apiserver';
import type { Deployment, LabelSelector, Pod, PodSpec } from '../../../engine/k8s/types';
import { reader, transact } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import type { Recorded } from './create-testing';
import { clientSide, kubectlLine, oracleFor } from './create-testing';
import { expectLikeRecording, run } from './testing';

function deploymentWith(name: string, spec: PodSpec, selector?: LabelSelector): Deployment {
  const labels = { app: name };
  return {
    metadata: { name, namespace: 'default', labels },
    spec: {
      replicas: 1,
      selector: selector ?? { matchLabels: labels },
      template: { metadata: { labels }, spec },
    },
  };
}

function seed(s: Session, fn: Parameters<typeof transact>[2]) {
  s.world = transact(s.world, 'test', fn).world;
}

describe('kubectl expose: recorded client-side cases', () => {
  const cases = oracleFor('expose')
    .map(clientSide)
    .filter((c): c is Recorded => c !== undefined);
  // Recorded from the real kubectl v1.32.5 without a reachable server.
  const extra: Recorded[] = [
    {
      args: ['expose', '--dry-run=bogus', 'deployment', 'x'],
      stdout: '',
      stderr: 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n',
      exitCode: 1,
    },
    {
      args: ['expose', 'deployment', 'x', '-o', 'wide'],
      stdout: '',
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exitCode: 1,
    },
    {
      args: ['expose', '-f', 'x.yaml'],
      stdout: '',
      stderr: 'error: the path "x.yaml" does not exist\n',
      exitCode: 1,
    },
  ];
  it('has the recordings', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const c of [...cases, ...extra]) it(kubectlLine(c.args), () => expectLikeRecording(c));
});

describe('kubectl expose: the opening story', () => {
  it('exposes the deployment as a LoadBalancer on port 80 to the containers on 8080', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create deployment my-app --image=nginx:latest')).toMatchObject({
      stdout: 'deployment.apps/my-app created\n',
      exitCode: 0,
    });
    expect(
      run(s, 'kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=8080'),
    ).toMatchObject({
      stdout: 'service/my-app exposed\n',
      stderr: '',
      exitCode: 0,
    });
    const svc = reader(s.world).get('Service', 'default', 'my-app');
    expect(svc?.metadata?.labels).toEqual({ app: 'my-app' });
    expect(svc?.spec?.type).toBe('LoadBalancer');
    expect(svc?.spec?.selector).toEqual({ app: 'my-app' });
    expect(svc?.spec?.ports).toHaveLength(1);
    const port = svc?.spec?.ports?.[0];
    expect(port).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
    expect(port?.name).toBeUndefined();
    expect(port?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc?.spec).toMatchObject({
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
    });
  });

  it('prints exactly what kubectl builds with --dry-run=client', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx:latest');
    const before = s.world;
    const r = run(
      s,
      'kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=8080 --dry-run=client -o yaml',
    );
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: my-app
  name: my-app
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: my-app
  type: LoadBalancer
status:
  loadBalancer: {}
`);
    const json = run(
      s,
      'kubectl expose deploy/my-app --port=80 --dry-run=client -n default -o json',
    ).stdout;
    expect(json).toBe(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "my-app",
        "namespace": "default",
        "creationTimestamp": null,
        "labels": {
            "app": "my-app"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": 80
            }
        ],
        "selector": {
            "app": "my-app"
        }
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
    expect(s.world).toBe(before);
  });
});

describe('kubectl expose: ports, selectors and labels read from the object', () => {
  it('takes the port from the container when --port is missing', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment web --image=nginx --port=80');
    expect(run(s, 'kubectl expose deployment web').stdout).toBe('service/web exposed\n');
    expect(reader(s.world).get('Service', 'default', 'web')?.spec?.ports).toEqual([
      { port: 80, protocol: 'TCP', targetPort: 80 },
    ]);
  });

  it('refuses when there is no port to find, and changes nothing', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    const before = s.world;
    expect(run(s, 'kubectl expose deployment my-app')).toMatchObject({
      stdout: '',
      stderr: "error: couldn't find port via --port flag or introspection\n",
      exitCode: 1,
    });
    expect(s.world).toBe(before);
  });

  it('names several ports port-N, and splits a port served over two protocols', () => {
    const s = createSession({ seed: 1 });
    seed(s, (tx) =>
      create(
        tx,
        'Deployment',
        deploymentWith('dns', {
          containers: [
            {
              name: 'dns',
              image: 'coredns',
              ports: [
                { containerPort: 53, protocol: 'UDP' },
                { containerPort: 53, protocol: 'TCP' },
                { containerPort: 9153 },
              ],
            },
          ],
        }),
      ),
    );
    const r = run(s, 'kubectl expose deployment dns --dry-run=client -o jsonpath={.spec.ports}');
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'port-2', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ]);
  });

  it('refuses a deployment whose selector uses expressions', () => {
    const s = createSession({ seed: 1 });
    seed(s, (tx) =>
      create(
        tx,
        'Deployment',
        deploymentWith(
          'tiered',
          { containers: [{ name: 'nginx', image: 'nginx' }] },
          {
            matchLabels: { app: 'tiered' },
            matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db', 'cache'] }],
          },
        ),
      ),
    );
    const before = s.world;
    expect(run(s, 'kubectl expose deployment tiered --port=80').stderr).toBe(
      'error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:NotIn Values:[db cache]}]" to map-based selector format\n',
    );
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl expose deployment tiered --port=80 --selector=app=tiered').stdout).toBe(
      'service/tiered exposed\n',
    );
  });

  it('exposes a pod by its labels, and refuses one without any', () => {
    const s = createSession({ seed: 1 });
    const pod = (name: string, labels?: Record<string, string>): Pod => ({
      metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
      spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
    });
    seed(s, (tx) => [
      create(tx, 'Pod', pod('lonely')),
      create(tx, 'Pod', pod('labelled', { run: 'labelled', tier: 'web' })),
    ]);
    expect(run(s, 'kubectl expose pod lonely').stderr).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    );
    expect(run(s, 'kubectl expose pod labelled --name=front').stdout).toBe(
      'service/front exposed\n',
    );
    const svc = reader(s.world).get('Service', 'default', 'front');
    expect(svc?.spec?.selector).toEqual({ run: 'labelled', tier: 'web' });
    expect(svc?.metadata?.labels).toEqual({ run: 'labelled', tier: 'web' });
    expect(svc?.spec?.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 8080 }]);
  });

  it('exposes a service again under another name', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    run(s, 'kubectl expose deployment my-app --port=80 --target-port=8080');
    expect(
      run(s, 'kubectl expose service my-app --port=443 --target-port=8443 --name=my-app-https')
        .stdout,
    ).toBe('service/my-app-https exposed\n');
    expect(reader(s.world).get('Service', 'default', 'my-app-https')?.spec).toMatchObject({
      selector: { app: 'my-app' },
      ports: [{ port: 443, targetPort: 8443, protocol: 'TCP' }],
    });
    expect(run(s, 'kubectl expose svc kubernetes --name=k').stderr).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\n",
    );
  });

  it('applies the flags that shape the service', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    const r = run(
      s,
      'kubectl expose deployment my-app --port=53 --protocol=UDP --target-port=dns --labels=team=a,tier=web --external-ip=1.2.3.4 --session-affinity=ClientIP --type=LoadBalancer --load-balancer-ip=5.6.7.8 --dry-run=client -o yaml',
    );
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    team: a
    tier: web
  name: my-app
spec:
  externalIPs:
  - 1.2.3.4
  loadBalancerIP: 5.6.7.8
  ports:
  - port: 53
    protocol: UDP
    targetPort: dns
  selector:
    app: my-app
  sessionAffinity: ClientIP
  type: LoadBalancer
status:
  loadBalancer: {}
`);
    expect(
      run(s, 'kubectl expose deployment my-app --port=80 --session-affinity=Sticky').stderr,
    ).toBe('error: unknown session affinity: Sticky\n');
    expect(run(s, 'kubectl expose deployment my-app --port=http').stderr).toBe(
      'error: strconv.Atoi: parsing "http": invalid syntax\n',
    );
    expect(run(s, 'kubectl expose deployment my-app --port=80 --labels=oops').stderr).toBe(
      'error: unexpected label spec: oops\n',
    );
    expect(
      run(
        s,
        'kubectl expose deployment my-app --cluster-ip=None --dry-run=client -o jsonpath={.spec.clusterIP}',
      ).stdout,
    ).toBe('None');
    expect(
      run(
        s,
        `kubectl expose deployment my-app --port=80 --overrides='{"metadata":{"annotations":{"a":"b"}}}' --dry-run=client -o jsonpath={.metadata.annotations.a}`,
      ).stdout,
    ).toBe('b');
  });
});

describe('kubectl expose: what the server answers', () => {
  it('passes on AlreadyExists, NotFound and Invalid unwrapped, changing nothing', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    run(s, 'kubectl expose deployment my-app --port=80');
    const before = s.world;
    expect(run(s, 'kubectl expose deployment my-app --port=80')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): services "my-app" already exists\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl expose deployment nope --port=80').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(run(s, 'kubectl expose deployment my-app --port=80 --name=x --type=Foo').stderr).toBe(
      'The Service "x" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
    expect(run(s, 'kubectl expose namespace default --port=80').stderr).toBe(
      'error: cannot expose a Namespace\n',
    );
    expect(run(s, 'kubectl expose deployment').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(run(s, 'kubectl expose foo bar').stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
    expect(s.world).toBe(before);
  });

  it('prints the created service as the server returned it, keys sorted', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    const r = run(s, 'kubectl expose deployment my-app --port=80 -o json');
    const svc = JSON.parse(r.stdout) as {
      metadata: Record<string, unknown>;
      spec: Record<string, unknown>;
    };
    expect(Object.keys(svc)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(svc.spec)).toEqual([...Object.keys(svc.spec)].sort());
    expect(svc.spec.clusterIP).toBe(
      reader(s.world).get('Service', 'default', 'my-app')?.spec?.clusterIP,
    );
    expect(run(s, 'kubectl expose deployment my-app --port=80 --name=other -o name').stdout).toBe(
      'service/other\n',
    );
  });

  it('keeps nothing on --dry-run=server', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx');
    const before = s.world;
    expect(run(s, 'kubectl expose deployment my-app --port=80 --dry-run=server')).toMatchObject({
      stdout: 'service/my-app exposed (server dry run)\n',
      exitCode: 0,
    });
    expect(
      run(
        s,
        'kubectl expose deployment my-app --port=80 --dry-run=server -o jsonpath={.spec.clusterIP}',
      ).stdout,
    ).toMatch(/^10\./);
    expect(s.world).toBe(before);
  });
});
