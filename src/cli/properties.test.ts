// Random sessions of valid and mistaken commands: nothing throws, every failure says why, and
// the cluster's invariants hold after every step and once the clock settles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../engine/k8s/types';
import { surgeAndUnavailable } from '../engine/k8s/controllers/deploymentutil';
import type { World } from '../engine/world';
import { reader, settle } from '../engine/world';
import { registry } from './programs';
import { createSession, runHeadless } from './shell/shell';

const names = ['my-app', 'web', 'api'];
const images = ['nginx:latest', 'nginx:1.27', 'nginx:1.26', 'nginx:2.27.0', 'httpd:2.4', 'redis:7'];

const name = fc.constantFrom(...names);
const image = fc.constantFrom(...images);
const small = fc.integer({ min: 0, max: 5 });

const command = fc.oneof(
  fc.tuple(name, image).map(([n, i]) => `kubectl create deployment ${n} --image=${i}`),
  fc
    .tuple(name, image, small)
    .map(([n, i, r]) => `kubectl create deployment ${n} --image=${i} --replicas=${r}`),
  fc.tuple(name, small).map(([n, r]) => `kubectl scale deployment ${n} --replicas=${r}`),
  fc.tuple(name, image).map(([n, i]) => `kubectl set image deployment/${n} '*=${i}'`),
  name.map((n) => `kubectl rollout undo deployment/${n}`),
  name.map((n) => `kubectl rollout status deployment/${n} --timeout=20s`),
  name.map((n) => `kubectl rollout history deployment/${n}`),
  name.map(
    (n) => `kubectl expose deployment ${n} --type=LoadBalancer --port=80 --target-port=8080`,
  ),
  name.map((n) => `kubectl delete deployment ${n}`),
  name.map((n) => `kubectl describe deployment ${n}`),
  fc.constantFrom(
    'kubectl get pods',
    'kubectl get all',
    'kubectl get events',
    'kubectl get rs -o wide',
    'kubectl get svc',
  ),
  fc.integer({ min: 1, max: 120 }).map((s) => `sleep ${s}`),
  fc.constantFrom(
    'kubectl scale deployment',
    'kubectl bogus',
    'kubectl create deployment Bad_Name --image=nginx',
    'kubectl set image deployment/my-app nosuch=nginx',
    'kubectl get pods -o bogus',
    'kubectl rollout undo deployment/my-app --to-revision=42',
    "kubectl get pods -o jsonpath='{.items['",
    'kubectl delete pod nosuchpod',
    'kubectl scale deployment my-app --replicas=-1',
    'nosuchcommand',
    "echo 'unterminated",
  ),
);

function ownerProblems(world: World): string[] {
  const r = reader(world);
  const uids = new Set<string>();
  for (const kind of ['Deployment', 'ReplicaSet', 'Service', 'Namespace', 'Node'] as const)
    for (const o of r.list(kind)) uids.add(o.metadata?.uid ?? '');
  const problems: string[] = [];
  const check = (o: KubeObject) => {
    for (const ref of o.metadata?.ownerReferences ?? []) {
      const collecting = o.kind === 'Pod' && !!o.metadata?.deletionTimestamp;
      if (!uids.has(ref.uid) && !collecting)
        problems.push(`${o.kind} ${o.metadata?.name} has lost its owner ${ref.kind} ${ref.name}`);
    }
  };
  for (const o of r.list('ReplicaSet')) check(o);
  for (const o of r.list('Pod')) check(o);
  for (const o of r.list('Endpoints')) check(o);
  return problems;
}

function podsOf(world: World, rs: ReplicaSet): Pod[] {
  return reader(world)
    .list('Pod', rs.metadata?.namespace)
    .filter((p) => p.metadata?.ownerReferences?.some((o) => o.uid === rs.metadata?.uid));
}

function cannotPull(pod: Pod): boolean {
  const reason = pod.status?.containerStatuses?.some((c) =>
    ['ErrImagePull', 'ImagePullBackOff'].includes(c.state?.waiting?.reason ?? ''),
  );
  return !!reason;
}

function surgeProblems(world: World): string[] {
  const r = reader(world);
  const problems: string[] = [];
  for (const d of r.list('Deployment') as Deployment[]) {
    const sets = r
      .list('ReplicaSet', d.metadata?.namespace)
      .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid));
    const live = sets
      .flatMap((rs) => podsOf(world, rs))
      .filter((p) => !p.metadata?.deletionTimestamp).length;
    const limit = (d.spec?.replicas ?? 1) + surgeAndUnavailable(d).surge;
    if (live > limit) problems.push(`${d.metadata?.name}: ${live} live pods, more than ${limit}`);
  }
  return problems;
}

describe('random sessions', () => {
  it('never throw, explain every failure, and keep the cluster consistent', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 1000 }),
        (commands, seed) => {
          const session = createSession({ seed });
          for (const line of commands) {
            const before = session.world;
            const lastSleep = line.startsWith('sleep');
            const r = runHeadless(session, line, registry);
            if (r.exitCode !== 0 && r.exitCode !== 130)
              expect(r.stderr, `${line} failed without a message`).not.toBe('');
            if (
              r.exitCode !== 0 &&
              /^kubectl (scale|create|set|delete|expose) /.test(line) &&
              r.stdout === ''
            )
              expect(session.world.cluster.objects, `${line} failed but changed the cluster`).toBe(
                before.cluster.objects,
              );
            expect(ownerProblems(session.world), `after ${line}`).toEqual([]);
            // A rolling update left alone never runs more than replicas + maxSurge pods.
            if (lastSleep) expect(surgeProblems(session.world), `after ${line}`).toEqual([]);
          }
          const quiet = settle(session.world, { quiet: 120_000 }).world;
          expect(ownerProblems(quiet)).toEqual([]);
          for (const rs of reader(quiet).list('ReplicaSet')) {
            const pods = podsOf(quiet, rs).filter((p) => !p.metadata?.deletionTimestamp);
            if (pods.some(cannotPull)) continue;
            expect(rs.status?.readyReplicas ?? 0, `ReplicaSet ${rs.metadata?.name}`).toBe(
              rs.spec?.replicas ?? 0,
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
