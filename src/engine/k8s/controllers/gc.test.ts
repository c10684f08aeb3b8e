import { describe, expect, it } from 'vitest';
import { deployment, TestWorld } from '../../testing';
import { create } from '../apiserver';
import { transact } from '../../world';

describe('garbage collection and namespaces', () => {
  it('deleting a deployment removes its ReplicaSets and pods', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 2)).settle();
    t.delete('Deployment', 'web');
    expect(t.list('ReplicaSet')).toEqual([]);
    expect(t.pods().every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    t.settle();
    expect(t.pods()).toEqual([]);
  });

  it('a deleted namespace empties, then goes; nothing can be created in it meanwhile', () => {
    const t = new TestWorld().create('Namespace', { metadata: { name: 'shop' } });
    t.create('Deployment', {
      ...deployment('web', 'nginx:latest'),
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    }).settle();
    t.delete('Namespace', 'shop', '');
    expect(t.get('Namespace', 'shop', '')?.status?.phase).toBe('Terminating');
    const r = transact(t.world, 'test', (tx) =>
      create(tx, 'Deployment', {
        ...deployment('x', 'nginx'),
        metadata: { name: 'x', namespace: 'shop', labels: { app: 'x' } },
      }),
    );
    expect(r.result).toMatchObject({ ok: false, reason: 'Forbidden' });
    t.settle();
    expect(t.get('Namespace', 'shop', '')).toBeUndefined();
    expect(t.list('Pod', 'shop')).toEqual([]);
  });
});
