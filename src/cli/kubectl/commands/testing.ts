// Shared support for the kubectl command tests: sessions built through the engine or through
// typed commands, and the ways the tests read a command's result.
import { expect } from 'vitest';
import { create } from '../../../engine/k8s/apiserver';
import type { Kind, KindMap } from '../../../engine/k8s/types';
import { advance, reader, transact } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import type { Recorded } from './create-testing';
import { ORACLE, replay, run } from './create-testing';

export { run };

/** stdout, stderr and the exit code as one string, for inline snapshots. */
export function transcript(s: Session, line: string): string {
  const r = run(s, line);
  return `${r.stdout}--stderr--\n${r.stderr}--exit ${r.exitCode}`;
}

/** A Deployment of `replicas` pods labelled app=<name>, one container named `nginx`. */
export function nginxDeployment(name: string, replicas: number, image = 'nginx:1.27') {
  return {
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
    },
  };
}

/** Stores `obj` through the API server, as a controller or another client would. */
export function seedObject<K extends Kind>(s: Session, kind: K, obj: unknown): void {
  s.world = transact(s.world, 'test', (tx) => create(tx, kind, obj as KindMap[K])).world;
}

/** Moves the simulated clock on by `ms` (nothing when 0). */
export function settleFor(s: Session, ms: number): void {
  if (ms > 0) s.world = advance(s.world, s.world.now + ms).world;
}

/** A fresh session with one nginx Deployment per [name, replicas, image], `settleMs` later. */
export function withDeployments(apps: [string, number, string][], settleMs: number): Session {
  const s = createSession({ seed: 1 });
  for (const [name, replicas, image] of apps)
    seedObject(s, 'Deployment', nginxDeployment(name, replicas, image));
  settleFor(s, settleMs);
  return s;
}

/**
 * The opening story, typed a few seconds apart: create, expose as a LoadBalancer on port 80 to
 * `targetPort`, scale to 3.
 */
export function openingStory(targetPort = 8080): Session {
  const s = createSession({ seed: 1 });
  for (const line of [
    'kubectl create deployment my-app --image=nginx:latest',
    'sleep 5',
    `kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=${targetPort}`,
    'sleep 5',
    'kubectl scale deployment my-app --replicas=3',
    'sleep 30',
  ]) {
    expect(run(s, line).exitCode).toBe(0);
  }
  return s;
}

/** my-app (nginx:latest) scaled to 3 and settled. */
export function scaledApp(): Session {
  const s = createSession({ seed: 1 });
  run(s, 'kubectl create deployment my-app --image=nginx:latest');
  run(s, 'kubectl scale deployment my-app --replicas=3');
  run(s, 'sleep 30');
  return s;
}

export function podNames(s: Session, ns = 'default'): string[] {
  return reader(s.world)
    .list('Pod', ns)
    .map((p) => p.metadata?.name ?? '');
}

/** Replays a recording in a fresh session and expects the same output. */
export function expectReplayed(c: Recorded): ReturnType<typeof replay> {
  const r = replay(c);
  expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
    stdout: c.stdout,
    stderr: c.stderr,
    exitCode: c.exitCode,
  });
  return r;
}

/** As expectReplayed, and the world is left as it was (a mistake or a dry run changes nothing). */
export function expectLikeRecording(c: Recorded): void {
  const r = expectReplayed(c);
  expect(r.session.world).toBe(r.before);
}

/** Runs the recorded kubectl invocation `args` in `s` and expects what the real kubectl printed. */
export function expectAsRecorded(s: Session, args: readonly string[]): void {
  const recorded = ORACLE.find((o) => o.args.join(' ') === args.join(' '));
  const r = run(s, `kubectl ${args.join(' ')}`);
  expect(recorded).toBeDefined();
  expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
    stdout: recorded?.stdout,
    stderr: recorded?.stderr,
    exitCode: recorded?.exitCode,
  });
}
