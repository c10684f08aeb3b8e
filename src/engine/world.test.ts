import { describe, expect, it } from 'vitest';
import { create } from './k8s/apiserver';
import { deployment, TestWorld } from './testing';
import { WORLD_START } from './time';
import { advance, createWorld, nextEventTime, reader, settle, transact } from './world';

describe('the world', () => {
  it('starts with the system namespaces, three Ready nodes and running cluster DNS', () => {
    const w = createWorld();
    const r = reader(w);
    expect(w.now).toBe(WORLD_START);
    expect(r.list('Namespace').map((n) => n.metadata?.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    const nodes = r.list('Node');
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['node-1', 'node-2', 'node-3']);
    for (const n of nodes)
      expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(r.list('Pod', 'kube-system').map((p) => p.status?.phase)).toEqual([
      'Running',
      'Running',
    ]);
    expect(r.get('Service', 'default', 'kubernetes')?.spec?.clusterIP).toBe('10.96.0.1');
    // The bootstrap happened days ago: its events have expired.
    expect(r.list('Event')).toEqual([]);
  });

  it('is the same world, byte for byte, for the same seed and inputs', () => {
    const run = (seed: number) => {
      const t = new TestWorld({ seed })
        .create('Deployment', deployment('web', 'nginx:latest', 3))
        .settle();
      return JSON.stringify(t.world);
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it('can be serialized and restored exactly, and goes on the same way', () => {
    const t = new TestWorld()
      .create('Deployment', deployment('web', 'nginx:2.27.0', 2))
      .wait(5_000);
    const restored = JSON.parse(JSON.stringify(t.world)) as typeof t.world;
    const a = advance(t.world, t.world.now + 120_000).world;
    const b = advance(restored, restored.now + 120_000).world;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps earlier states intact: a transaction never mutates the world it started from', () => {
    const before = createWorld();
    const snapshot = JSON.stringify(before);
    const after = transact(before, 'test', (tx) =>
      create(tx, 'Deployment', deployment('web', 'nginx:latest')),
    ).world;
    settle(after);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('discards a failed transaction whole', () => {
    const w = createWorld();
    const r = transact(w, 'test', (tx) => {
      create(tx, 'Deployment', deployment('one', 'nginx:latest'));
      return create(tx, 'Deployment', deployment('Bad_Name', 'nginx:latest'));
    });
    expect(r.world).toBe(w);
    expect(r.result).toMatchObject({ ok: false, reason: 'Invalid' });
  });

  it('says when it next changes by itself; once settled, only old events are due to expire', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest'));
    expect(nextEventTime(t.world)).toBeGreaterThan(t.world.now);
    t.settle();
    expect(nextEventTime(t.world)! - t.world.now).toBeGreaterThan(50 * 60_000);
    t.wait(2 * 60 * 60_000);
    expect(t.list('Event')).toEqual([]);
    expect(nextEventTime(t.world)).toBeUndefined();
  });

  it('settles within ten simulated minutes even when back-offs never end', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:2.27.0'));
    const start = t.world.now;
    t.settle();
    expect(t.world.now - start).toBeLessThanOrEqual(10 * 60_000);
    expect(nextEventTime(t.world)).toBeDefined();
  });
});
