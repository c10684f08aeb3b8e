// Client-side apply: k8s.io/kubectl/pkg/cmd/apply/apply.go and patcher.go (three-way strategic
// merge patch), k8s.io/kubectl/pkg/util/apply.go (GetModifiedConfiguration: the annotation).
import { describe, expect, it } from 'vitest';
import { createWorld, transact } from '../world';
import type { World } from '../world';
import { applyManifest, LAST_APPLIED_ANNOTATION } from './apply';
import { isStatusError } from './apiserver';
import { readerOf } from './store';

const deployment = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    },
    ...spec,
  },
});

function apply(world: World, manifest: Record<string, unknown>) {
  return transact(world, 'test', (tx) =>
    applyManifest(tx, manifest, { manager: 'kubectl-client-side-apply' }),
  );
}

describe('applyManifest', () => {
  it('creates, then configures, then leaves unchanged', () => {
    let w = createWorld({ seed: 1 });
    const r1 = apply(w, deployment({ replicas: 2 }));
    expect(isStatusError(r1.result)).toBe(false);
    expect(r1.result).toMatchObject({ action: 'created' });
    w = r1.world;
    const live = readerOf(w.cluster).get('Deployment', 'default', 'web')!;
    expect(live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}\n',
    );
    const r2 = apply(w, deployment({ replicas: 3 }));
    expect(r2.result).toMatchObject({ action: 'configured' });
    w = r2.world;
    expect(readerOf(w.cluster).get('Deployment', 'default', 'web')?.spec?.replicas).toBe(3);
    const r3 = apply(w, deployment({ replicas: 3 }));
    expect(r3.result).toMatchObject({ action: 'unchanged' });
    expect(r3.changes).toEqual([]);
  });

  it('keeps an imperatively scaled count when the file has no replicas, resets it when it has', () => {
    let w = apply(createWorld({ seed: 1 }), deployment()).world;
    w = transact(w, 'kubectl-scale', (tx) => {
      const d = tx.get('Deployment', 'default', 'web')!;
      return tx.put('Deployment', { ...d, spec: { ...d.spec!, replicas: 4 } });
    }).world;
    const again = apply(w, deployment());
    expect(again.result).toMatchObject({ action: 'unchanged' });
    const reset = apply(w, deployment({ replicas: 2 }));
    expect(readerOf(reset.world.cluster).get('Deployment', 'default', 'web')?.spec?.replicas).toBe(
      2,
    );
  });

  it('removes a label dropped from the file, and the server defaults a dropped replicas', () => {
    const labelled = {
      ...deployment({ replicas: 3 }),
      metadata: { name: 'web', labels: { tier: 'a' } },
    };
    const w = apply(createWorld({ seed: 1 }), labelled).world;
    const r = apply(w, deployment());
    expect(r.result).toMatchObject({ action: 'configured' });
    const live = readerOf(r.world.cluster).get('Deployment', 'default', 'web')!;
    expect(live.metadata?.labels).toBeUndefined();
    expect(live.spec?.replicas).toBe(1);
    expect(live.metadata?.generation).toBe(2);
  });

  it('writes nothing for an invalid manifest', () => {
    const w = createWorld({ seed: 1 });
    const bad = deployment({ replicas: -1 });
    const r = apply(w, bad);
    expect(isStatusError(r.result)).toBe(true);
    expect(r.world).toBe(w);
  });

  it('dry run computes the result without storing it', () => {
    const w = apply(createWorld({ seed: 1 }), deployment()).world;
    const r = transact(w, 'x', (tx) =>
      applyManifest(tx, deployment({ replicas: 7 }), { manager: 'm', dryRun: true }),
    );
    expect(r.result).toMatchObject({
      action: 'configured',
      object: { spec: { replicas: 7 }, metadata: { generation: 2 } },
    });
    expect(readerOf(r.world.cluster).get('Deployment', 'default', 'web')?.spec?.replicas).toBe(1);
  });
});
