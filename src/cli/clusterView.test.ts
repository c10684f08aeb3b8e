// The cluster view's model against real worlds from the engine, and against what `kubectl get`
// prints in the same session. The STATUS / READY / RESTARTS words are those of printPod and
// printService in kubernetes/kubernetes pkg/printers/internalversion/printers.go (reached through
// src/cli/printers/getTable.ts); -o yaml is staging/src/k8s.io/kubectl/pkg/cmd/get/get.go's
// printGeneric through sigs.k8s.io/yaml.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../engine/testing';
import type { Session } from './program';
import type { ClusterModel, PodView } from './clusterView';
import { clusterModel, objectYaml, podTone, refKey, yamlCommand } from './clusterView';
import { registry } from './programs';
import { createSession, runHeadless } from './shell/shell';

function run(s: Session, line: string): string {
  const r = runHeadless(s, line, registry);
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The rows of a `--no-headers` table, cells split where kubectl pads (three spaces or more). */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(/ {3,}/));
}

function allPods(m: ClusterModel): PodView[] {
  return [
    ...m.deployments.flatMap((d) => d.replicaSets.flatMap((rs) => rs.pods)),
    ...m.replicaSets.flatMap((rs) => rs.pods),
    ...m.pods,
  ];
}

/** Every pod of the model as `kubectl get pods -o wide` shows it: name ready status restarts node. */
function modelPodRows(m: ClusterModel): string[] {
  return allPods(m)
    .map((p) => [p.ref.name, p.ready, p.status, p.restarts, p.node ?? '<none>'].join(' | '))
    .sort();
}

function kubectlPodRows(s: Session): string[] {
  return rows(run(s, 'kubectl get pods -o wide --no-headers'))
    .map(([name, ready, status, restarts, , , node]) =>
      [name, ready, status, restarts, node].join(' | '),
    )
    .sort();
}

/** The model's pods must be exactly the pods and words `kubectl get pods` shows now. */
function expectSameAsKubectl(s: Session): ClusterModel {
  const m = clusterModel(s.world);
  expect(modelPodRows(m)).toEqual(kubectlPodRows(s));
  // Every pod sits in exactly one node group (or the unscheduled one), and once in the tree.
  const byNode = [...m.nodes.flatMap((n) => n.pods), ...m.unscheduled].map((p) => p.ref.name);
  expect(byNode.sort()).toEqual(
    allPods(m)
      .map((p) => p.ref.name)
      .sort(),
  );
  expect(m.podCount).toBe(byNode.length);
  const services = rows(run(s, 'kubectl get services --no-headers')).map(
    ([name, type, ip, ext, ports]) => [name, type, ip, ext, ports].join(' | '),
  );
  expect(
    m.services.map((v) => [v.ref.name, v.type, v.clusterIP, v.externalIP, v.ports].join(' | ')),
  ).toEqual(services);
  return m;
}

const statuses = (pods: readonly PodView[]) => pods.map((p) => `${p.status} ${p.tone}`);

describe('clusterModel through the opening story', () => {
  const s = createSession({ seed: 1 });

  it('shows the new pod ContainerCreating right after create, under its Deployment and RS', () => {
    run(s, 'kubectl create deployment my-app --image=nginx:1.27.0');
    const m = expectSameAsKubectl(s);
    expect(m.deployments).toHaveLength(1);
    const d = m.deployments[0]!;
    expect(d.ref).toEqual({ kind: 'Deployment', namespace: 'default', name: 'my-app' });
    expect(d.ready).toBe('0/1');
    expect(d.tone).toBe('progress');
    expect(d.images).toEqual(['nginx:1.27.0']);
    expect(d.replicaSets).toHaveLength(1);
    const rs = d.replicaSets[0]!;
    expect(rs.revision).toBe('1');
    expect(rs.ref.name).toMatch(/^my-app-[a-z0-9]+$/);
    expect([rs.desired, rs.ready, rs.images]).toEqual([1, 0, ['nginx:1.27.0']]);
    expect(statuses(rs.pods)).toEqual(['ContainerCreating progress']);
    expect(rs.pods[0]!.ref.name.startsWith(`${rs.ref.name}-`)).toBe(true);
    expect(m.replicaSets).toEqual([]);
    expect(m.pods).toEqual([]);
    expect(m.unscheduled).toEqual([]);
    expect(m.nodes.map((n) => `${n.name} ${n.status}`)).toEqual([
      'node-1 Ready',
      'node-2 Ready',
      'node-3 Ready',
    ]);
  });

  it('leaves out the cluster’s own namespaces unless asked for one', () => {
    const m = clusterModel(s.world);
    expect(allPods(m).some((p) => p.ref.namespace === 'kube-system')).toBe(false);
    const system = clusterModel(s.world, 'kube-system');
    expect(system.podCount).toBeGreaterThan(0);
    expect(system.deployments.map((d) => d.ref.name)).toContain('coredns');
    expect(clusterModel(s.world, 'default').podCount).toBe(1);
  });

  it('shows the LoadBalancer <pending>, then its address, and the pods behind it', () => {
    run(s, 'kubectl expose deployment my-app --port=80 --type=LoadBalancer');
    let svc = expectSameAsKubectl(s).services.find((v) => v.ref.name === 'my-app')!;
    expect([svc.type, svc.externalIP, svc.selector, svc.tone]).toEqual([
      'LoadBalancer',
      '<pending>',
      'app=my-app',
      'progress',
    ]);
    expect(svc.ports).toMatch(/^80:\d+\/TCP$/);

    run(s, 'sleep 30');
    const m = expectSameAsKubectl(s);
    svc = m.services.find((v) => v.ref.name === 'my-app')!;
    expect(svc.externalIP).toMatch(/^203\.0\.113\.\d+$/);
    expect(svc.tone).toBe('ok');
    const pod = m.deployments[0]!.replicaSets[0]!.pods[0]!;
    expect(`${pod.status} ${pod.ready} ${pod.tone}`).toBe('Running 1/1 ok');
    expect(svc.endpoints).toEqual([pod.ref.name]);
    expect(m.deployments[0]!.tone).toBe('ok');
    // The API server's own Service, with no selector and no pods.
    expect(m.services.map((v) => v.ref.name)).toEqual(['kubernetes', 'my-app']);
    expect(m.services[0]!.endpoints).toEqual([]);
  });

  it('scales to three pods spread over the nodes', () => {
    run(s, 'kubectl scale deployment my-app --replicas=3');
    let m = expectSameAsKubectl(s);
    expect(statuses(m.deployments[0]!.replicaSets[0]!.pods).sort()).toEqual([
      'ContainerCreating progress',
      'ContainerCreating progress',
      'Running ok',
    ]);
    run(s, 'sleep 30');
    m = expectSameAsKubectl(s);
    expect(m.deployments[0]!.ready).toBe('3/3');
    expect(statuses(m.deployments[0]!.replicaSets[0]!.pods)).toEqual(Array(3).fill('Running ok'));
    const names = m.deployments[0]!.replicaSets[0]!.pods.map((p) => p.ref.name);
    expect(names).toEqual([...names].sort());
    expect(m.services[1]!.endpoints).toEqual([...names].sort());
  });

  it('shows the bad image pulling fail while the three old pods run on', () => {
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
    let m = expectSameAsKubectl(s);
    let next = m.deployments[0]!.replicaSets[0];
    expect(next!.revision).toBe('2');
    expect(next!.images).toEqual(['nginx:2.27.0']);
    expect(statuses(next!.pods)).toEqual(['ContainerCreating progress']);

    run(s, 'sleep 30');
    m = expectSameAsKubectl(s);
    next = m.deployments[0]!.replicaSets[0];
    const old = m.deployments[0]!.replicaSets[1];
    expect(next!.pods).toHaveLength(1);
    expect(next!.pods[0]!.status).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    expect(next!.pods[0]!.ready).toBe('0/1');
    expect(next!.pods[0]!.tone).toBe('error');
    expect(next!.tone).toBe('error');
    expect([old!.revision, old!.images]).toEqual(['1', ['nginx:1.27.0']]);
    expect(statuses(old!.pods)).toEqual(Array(3).fill('Running ok'));
    expect(m.deployments[0]!.tone).toBe('error');
    const svc = m.services[1]!;
    expect(svc.endpoints).toEqual(old!.pods.map((p) => p.ref.name));
    expect(svc.notReady).toEqual([next!.pods[0]!.ref.name]);
  });

  it('prints an object’s YAML exactly as kubectl get -o yaml does', () => {
    const m = clusterModel(s.world);
    const d = m.deployments[0]!;
    const rs = d.replicaSets[0]!;
    const pod = rs.pods[0]!;
    for (const ref of [d.ref, rs.ref, pod.ref, m.services[1]!.ref])
      expect(objectYaml(s.world, ref)).toBe(run(s, yamlCommand(ref)));
    expect(yamlCommand(d.ref)).toBe('kubectl get deployment my-app -o yaml');
    expect(objectYaml(s.world, d.ref)).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    const dns = clusterModel(s.world, 'kube-system').deployments[0]!.ref;
    expect(yamlCommand(dns)).toBe('kubectl get deployment coredns -n kube-system -o yaml');
    expect(objectYaml(s.world, dns)).toBe(run(s, yamlCommand(dns)));
    expect(objectYaml(s.world, { kind: 'Pod', namespace: 'default', name: 'gone' })).toBe(
      undefined,
    );
  });

  it('shows pods Terminating as they go', () => {
    run(s, 'kubectl rollout undo deployment/my-app');
    run(s, 'sleep 20');
    run(s, 'kubectl scale deployment my-app --replicas=1');
    const m = expectSameAsKubectl(s);
    expect(statuses(allPods(m)).sort()).toEqual([
      'Running ok',
      'Terminating gone',
      'Terminating gone',
    ]);
  });
});

describe('clusterModel outside the story', () => {
  it('lists standalone pods, ReplicaSets without a Deployment and unscheduled pods', () => {
    const t = new TestWorld({ seed: 1 });
    const container = [{ name: 'web', image: 'nginx:1.27.0' }];
    t.create('ReplicaSet', {
      metadata: { name: 'bare', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'bare' } },
        template: { metadata: { labels: { app: 'bare' } }, spec: { containers: container } },
      },
    });
    t.create('Pod', {
      metadata: { name: 'solo', namespace: 'default' },
      spec: { containers: container },
    });
    t.wait(30_000);
    // Cordon every node: a new pod has nowhere to go.
    for (const n of ['node-1', 'node-2', 'node-3'])
      t.edit('Node', n, (o) => ({ ...o, spec: { ...o.spec, unschedulable: true } }), '');
    t.create('Pod', {
      metadata: { name: 'lonely', namespace: 'default' },
      spec: { containers: container },
    });
    t.wait(5_000);

    const m = clusterModel(t.world);
    expect(m.deployments).toEqual([]);
    expect(m.replicaSets.map((rs) => [rs.ref.name, rs.revision, statuses(rs.pods)])).toEqual([
      ['bare', undefined, ['Running ok', 'Running ok']],
    ]);
    expect(m.pods.map((p) => `${p.ref.name} ${p.status}`)).toEqual([
      'lonely Pending',
      'solo Running',
    ]);
    expect(m.unscheduled.map((p) => `${p.ref.name} ${p.status} ${p.tone}`)).toEqual([
      'lonely Pending progress',
    ]);
    expect(m.nodes.map((n) => n.status)).toEqual(Array(3).fill('Ready,SchedulingDisabled'));
    expect(m.nodes.reduce((n, node) => n + node.pods.length, 0)).toBe(3);
  });

  it('shows a crash-looping container as kubectl does, restarts and all', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment bb --image=busybox');
    run(s, 'sleep 60');
    const m = expectSameAsKubectl(s);
    const pod = m.deployments[0]!.replicaSets[0]!.pods[0]!;
    expect(pod.status).toBe('CrashLoopBackOff');
    expect(pod.restarts).toMatch(/^\d+ \(\d+s ago\)$/);
    expect(pod.tone).toBe('error');
  });
});

describe('podTone', () => {
  it('reads the STATUS word, and READY for a running pod', () => {
    expect(podTone('Running', '1/1')).toBe('ok');
    expect(podTone('Running', '1/2')).toBe('progress');
    expect(podTone('ContainerCreating', '0/1')).toBe('progress');
    expect(podTone('Init:0/1', '0/1')).toBe('progress');
    expect(podTone('Pending', '0/1')).toBe('progress');
    expect(podTone('Completed', '0/1')).toBe('gone');
    expect(podTone('Terminating', '1/1')).toBe('gone');
    expect(podTone('ErrImagePull', '0/1')).toBe('error');
    expect(podTone('Init:CrashLoopBackOff', '0/1')).toBe('error');
    expect(podTone('ExitCode:1', '0/1')).toBe('error');
  });
});

describe('helpers', () => {
  it('keys objects by kind, namespace and name', () => {
    expect(refKey({ kind: 'Pod', namespace: 'default', name: 'x' })).toBe('Pod/default/x');
  });
});
