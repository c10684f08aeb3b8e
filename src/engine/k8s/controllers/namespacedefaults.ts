// What kube-controller-manager puts in every namespace: the `default` ServiceAccount (the
// serviceaccount controller, pkg/controller/serviceaccount/serviceaccounts_controller.go) and
// the `kube-root-ca.crt` ConfigMap (the root-ca-cert-publisher, pkg/controller/certificates/
// rootcacertpublisher/publisher.go). Both come back when deleted, and the ConfigMap's data is
// put back when someone changes it. Nothing is added to a namespace that is terminating.
import type { Controller, Tx } from '../store';
import { keyOf } from '../store';
import { rfc3339 } from '../../time';
import type { ConfigMap, ServiceAccount } from '../types';
import { CLUSTER_CA_CRT } from './cacert';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * A uid derived from the object's identity: these objects appear in every namespace, and taking
 * their uids from the world's random sequence would change every generated name after them.
 */
export function stableUid(seed: string): string {
  let hex = '';
  for (let salt = 0; hex.length < 32; salt++) {
    let h = 0x811c9dc5 ^ salt;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, '0');
  }
  const variant = (8 + (parseInt(hex[16] ?? '0', 16) & 3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function activeNamespace(tx: Tx, name: string): boolean {
  const ns = tx.get('Namespace', undefined, name);
  return !!ns && !ns.metadata?.deletionTimestamp;
}

function ensureServiceAccount(tx: Tx, namespace: string): void {
  if (tx.get('ServiceAccount', namespace, 'default')) return;
  const created = rfc3339(tx.now);
  const sa: ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'default',
      namespace,
      uid: stableUid(`ServiceAccount/${namespace}/default/${created}`),
      creationTimestamp: created,
    },
  };
  tx.put('ServiceAccount', sa);
}

function ensureRootCA(tx: Tx, namespace: string): void {
  const current = tx.get('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
  const data = { 'ca.crt': CLUSTER_CA_CRT };
  const annotations = { 'kubernetes.io/description': DESCRIPTION };
  if (current) {
    // The publisher restores the data and the description, and keeps whatever else was added.
    const same =
      JSON.stringify(current.data) === JSON.stringify(data) &&
      current.metadata?.annotations?.['kubernetes.io/description'] === DESCRIPTION;
    if (same) return;
    tx.put('ConfigMap', {
      ...current,
      data,
      metadata: {
        ...current.metadata,
        annotations: { ...current.metadata?.annotations, ...annotations },
      },
    });
    return;
  }
  const created = rfc3339(tx.now);
  const cm: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: ROOT_CA_CONFIGMAP,
      namespace,
      uid: stableUid(`ConfigMap/${namespace}/${ROOT_CA_CONFIGMAP}/${created}`),
      creationTimestamp: created,
      annotations,
    },
    data,
  };
  tx.put('ConfigMap', cm);
}

export const serviceAccountController: Controller = {
  name: 'serviceaccount',
  manager: 'kube-controller-manager',
  watches: {
    Namespace: (_tx, a) =>
      a && !a.metadata?.deletionTimestamp ? [keyOf(a.metadata?.name ?? '', 'default')] : [],
    ServiceAccount: (_tx, a, b) =>
      !a && b?.metadata?.name === 'default' ? [keyOf(b.metadata.namespace ?? '', 'default')] : [],
  },
  reconcile(tx, namespace) {
    if (activeNamespace(tx, namespace)) ensureServiceAccount(tx, namespace);
  },
};

export const rootCACertPublisher: Controller = {
  name: 'root-ca-cert-publisher',
  manager: 'kube-controller-manager',
  watches: {
    Namespace: (_tx, a) =>
      a && !a.metadata?.deletionTimestamp ? [keyOf(a.metadata?.name ?? '', ROOT_CA_CONFIGMAP)] : [],
    ConfigMap: (_tx, a, b) => {
      const o = a ?? b;
      return o?.metadata?.name === ROOT_CA_CONFIGMAP
        ? [keyOf(o.metadata.namespace ?? '', ROOT_CA_CONFIGMAP)]
        : [];
    },
  },
  reconcile(tx, namespace) {
    if (activeNamespace(tx, namespace)) ensureRootCA(tx, namespace);
  },
};
