// kube-controller-manager's per-namespace objects: the serviceaccount controller
// (pkg/controller/serviceaccount/serviceaccounts_controller.go) and the root CA publisher
// (pkg/controller/certificates/rootcacertpublisher/publisher.go, whose Description constant
// is the annotation below).
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../testing';
import { reader } from '../../world';

const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

describe('namespace defaults', () => {
  it('gives every system namespace its default ServiceAccount and kube-root-ca.crt', () => {
    const r = reader(new TestWorld().world);
    const where = (kind: 'ServiceAccount' | 'ConfigMap') =>
      r.list(kind).map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`);
    expect(where('ServiceAccount')).toEqual([
      'default/default',
      'kube-node-lease/default',
      'kube-public/default',
      'kube-system/default',
    ]);
    expect(where('ConfigMap')).toEqual([
      'default/kube-root-ca.crt',
      'kube-node-lease/kube-root-ca.crt',
      'kube-public/kube-root-ca.crt',
      'kube-system/kube-root-ca.crt',
    ]);
    const cm = r.get('ConfigMap', 'default', 'kube-root-ca.crt');
    expect(cm?.metadata?.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
    expect(cm?.data?.['ca.crt']).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    );
    // Created with the namespace, when the cluster was.
    expect(cm?.metadata?.creationTimestamp).toBe(
      r.get('Namespace', undefined, 'default')?.metadata?.creationTimestamp,
    );
  });

  it('adds them to a new namespace, and puts them back when deleted or changed', () => {
    const t = new TestWorld().create('Namespace', { metadata: { name: 'argocd' } });
    expect(t.get('ServiceAccount', 'default', 'argocd')).toBeDefined();
    const uid = t.get('ConfigMap', 'kube-root-ca.crt', 'argocd')?.metadata?.uid;
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    t.delete('ServiceAccount', 'default', 'argocd').delete(
      'ConfigMap',
      'kube-root-ca.crt',
      'argocd',
    );
    expect(t.get('ServiceAccount', 'default', 'argocd')).toBeDefined();
    expect(t.get('ConfigMap', 'kube-root-ca.crt', 'argocd')).toBeDefined();
    t.edit('ConfigMap', 'kube-root-ca.crt', (cm) => ({ ...cm, data: { 'ca.crt': 'x' } }), 'argocd');
    expect(t.get('ConfigMap', 'kube-root-ca.crt', 'argocd')?.data?.['ca.crt']).toMatch(
      /^-----BEGIN CERTIFICATE-----/,
    );
  });

  it('adds nothing to a namespace being deleted, which then goes away', () => {
    const t = new TestWorld().create('Namespace', { metadata: { name: 'tmp' } });
    t.delete('Namespace', 'tmp', '').settle();
    expect(t.get('Namespace', 'tmp', '')).toBeUndefined();
    expect(reader(t.world).list('ServiceAccount', 'tmp')).toEqual([]);
    expect(reader(t.world).list('ConfigMap', 'tmp')).toEqual([]);
  });
});
