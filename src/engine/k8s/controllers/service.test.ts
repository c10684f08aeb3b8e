import { describe, expect, it } from 'vitest';
import { deployment, TestWorld } from '../../testing';
import { SECOND } from '../../time';
import type { Service } from '../types';

const lb = (targetPort: number): Service => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    type: 'LoadBalancer',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort, protocol: 'TCP' }],
  },
});

describe('Services', () => {
  it('get a ClusterIP and a NodePort from their ranges', () => {
    const svc = new TestWorld().create('Service', lb(8080)).get('Service', 'web')!;
    expect(svc.spec?.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec?.clusterIPs).toEqual([svc.spec?.clusterIP]);
    const nodePort = svc.spec?.ports?.[0]?.nodePort ?? 0;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(svc.spec).toMatchObject({
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      allocateLoadBalancerNodePorts: true,
    });
  });

  it('a LoadBalancer shows no external address at first, then one a few seconds later', () => {
    const t = new TestWorld().create('Service', lb(80));
    expect(t.get('Service', 'web')?.status).toEqual({ loadBalancer: {} });
    t.wait(2 * SECOND);
    expect(t.get('Service', 'web')?.status?.loadBalancer?.ingress).toBeUndefined();
    t.wait(10 * SECOND);
    expect(t.get('Service', 'web')?.status?.loadBalancer?.ingress).toEqual([
      { ip: expect.stringMatching(/^203\.0\.113\.\d+$/), ipMode: 'VIP' },
    ]);
    expect(t.list('Event').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']),
    );
  });

  it('Endpoints follow the ready pods, on the target port', () => {
    const t = new TestWorld()
      .create('Service', lb(8080))
      .create('Deployment', deployment('web', 'nginx:latest', 2));
    expect(t.get('Endpoints', 'web')?.subsets).toBeUndefined();
    t.wait(3 * SECOND);
    t.settle();
    const subsets = t.get('Endpoints', 'web')?.subsets;
    expect(subsets).toHaveLength(1);
    expect(subsets?.[0]?.addresses?.map((a) => a.ip).sort()).toEqual(
      t
        .pods()
        .map((p) => p.status?.podIP)
        .sort(),
    );
    expect(subsets?.[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 0 } })).settle();
    expect(t.get('Endpoints', 'web')?.subsets).toBeUndefined();
  });
});
