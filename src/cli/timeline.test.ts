import { describe, expect, it } from 'vitest';
import { SECOND } from '../engine/time';
import { reader, type World } from '../engine/world';
import { Driver } from './driver';
import { registry } from './programs';
import { createSession } from './shell/shell';
import { emptyTimeline, foldChanges, isDirect, recordTimeline, type Timeline } from './timeline';
import { describeChange } from './timelineText';

function story() {
  const session = createSession({ seed: 1 });
  let timeline: Timeline = emptyTimeline();
  const driver = new Driver(session, registry, (r) => {
    timeline = recordTimeline(timeline, r, r.type === 'start' ? session.world : undefined);
  });
  const run = (line: string, wait = 0) => {
    driver.submit(line);
    driver.advanceTo(session.world.now + wait);
  };
  return { session, driver, run, timeline: () => timeline };
}

const lines = (t: Timeline, id: number) => {
  const entry = t.entries.find((e) => e.id === id)!;
  return entry.followUps.flatMap((f) =>
    foldChanges(f.changes)
      .map((c) => describeChange(c, f.time))
      .filter(Boolean),
  );
};

describe('timeline', () => {
  it('has one entry per command that changed something, under its field manager', () => {
    const s = story();
    s.run('kubectl create deployment my-app --image=nginx:1.27.0', 30 * SECOND);
    s.run('kubectl get pods');
    s.run('kubectl expose deployment my-app --port=80 --type=LoadBalancer', 30 * SECOND);
    s.run('kubectl scale deployment my-app --replicas=3', 30 * SECOND);
    s.run('kubectl scale deployment nope --replicas=3');
    s.run('kubectl set image deployment/my-app nginx=nginx:2.27.0', 60 * SECOND);
    s.run('kubectl rollout undo deployment/my-app', 60 * SECOND);
    const t = s.timeline();
    expect(t.entries.map((e) => e.text)).toEqual([
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'kubectl expose deployment my-app --port=80 --type=LoadBalancer',
      'kubectl scale deployment my-app --replicas=3',
      'kubectl set image deployment/my-app nginx=nginx:2.27.0',
      'kubectl rollout undo deployment/my-app',
    ]);
    expect(t.entries.map((e) => [...new Set(e.changes.map((c) => c.manager))])).toEqual([
      ['kubectl-create'],
      ['kubectl-expose'],
      ['kubectl-scale'],
      ['kubectl-set'],
      ['kubectl'],
    ]);
    expect(t.entries.every((e) => e.changes.every(isDirect))).toBe(true);
    expect(t.entries.every((e) => e.exitCode === 0)).toBe(true);
  });

  it('files what the controllers did under the command that caused it', () => {
    const s = story();
    s.run('kubectl create deployment my-app --image=nginx:1.27.0', 30 * SECOND);
    s.run('kubectl expose deployment my-app --port=80 --type=LoadBalancer', 30 * SECOND);
    s.run('kubectl scale deployment my-app --replicas=3', 30 * SECOND);
    s.run('kubectl set image deployment/my-app nginx=nginx:2.27.0', 60 * SECOND);
    const t = s.timeline();
    const [create, expose, scale, setImage] = t.entries.map((e) => e.id) as [
      number,
      number,
      number,
      number,
    ];
    const created = lines(t, create);
    expect(created.some((l) => /^replicaset\.apps\/my-app-\w+ created/.test(l!))).toBe(true);
    expect(created.some((l) => /^pod\/my-app-\w+-\w+: ContainerCreating → Running$/.test(l!))).toBe(
      true,
    );
    expect(lines(t, expose)).toContainEqual(
      expect.stringMatching(/^service\/my-app: external IP <pending> → external IP 203\.0\.113\./),
    );
    expect(lines(t, scale).filter((l) => /^pod\/.* created/.test(l!))).toHaveLength(2);
    expect(lines(t, setImage)).toContainEqual(expect.stringMatching(/ImagePullBackOff$/));
    // Nothing of the later commands leaks into the first one.
    expect(created.some((l) => l!.includes('ImagePullBackOff'))).toBe(false);
  });

  it('keeps the worlds before and after each command for time travel', () => {
    const s = story();
    s.run('kubectl create deployment my-app --image=nginx:1.27.0', 30 * SECOND);
    s.run('kubectl scale deployment my-app --replicas=3', 30 * SECOND);
    const scale = s.timeline().entries[1]!;
    expect(scale.worldBefore.now).toBeLessThanOrEqual(scale.time);
    const replicas = (w: World) => reader(w).get('Deployment', 'default', 'my-app')?.spec?.replicas;
    expect(replicas(scale.worldBefore)).toBe(1);
    expect(replicas(scale.worldAfter)).toBe(3);
    const running = (w: World) =>
      reader(w)
        .list('Pod', 'default')
        .filter((p) => p.status?.phase === 'Running').length;
    expect(running(scale.worldBefore)).toBe(1);
    expect(running(scale.worldAfter)).toBe(1);
    expect(running(scale.followUps.at(-1)!.world)).toBe(3);
    expect(scale.followUps.at(-1)!.world.now).toBeGreaterThan(scale.time);
  });

  it('folds several writes to one object into its first before and last after', () => {
    const s = story();
    s.run('kubectl create deployment my-app --image=nginx:1.27.0');
    const entry = s.timeline().entries[0]!;
    const folded = foldChanges(entry.changes);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.before).toBeUndefined();
    expect(folded[0]!.after?.metadata?.name).toBe('my-app');
  });
});
