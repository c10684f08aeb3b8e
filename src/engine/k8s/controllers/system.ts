// What the API server keeps in place by itself: the `kubernetes` Service in the default
// namespace and its Endpoints come back shortly after someone deletes them (the API server's
// bootstrap controller reconciles them every ten seconds).
import { create } from '../apiserver';
import type { Controller, Tx } from '../store';
import { rfc3339 } from '../../time';
import { randomUid } from '../../rng';

const NAME = 'apiserver-bootstrap';

/** Where the control plane's API server listens, inside the cluster network. */
export const API_SERVER_IP = '10.0.0.2';

/** Creates the `kubernetes` Service and its Endpoints where they are missing. */
export function ensureKubernetesService(tx: Tx): void {
  if (!tx.get('Service', 'default', 'kubernetes')) {
    create(tx, 'Service', {
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      },
    });
  }
  if (!tx.get('Endpoints', 'default', 'kubernetes')) {
    tx.put('Endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        uid: randomUid(tx.rng),
        creationTimestamp: rfc3339(tx.now),
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      },
      subsets: [
        {
          addresses: [{ ip: API_SERVER_IP }],
          ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
        },
      ],
    });
  }
}

export const apiServerBootstrap: Controller = {
  name: NAME,
  manager: 'kube-apiserver',
  watches: {
    Service: (tx, a, b) => {
      if (!a && b?.metadata?.namespace === 'default' && b.metadata.name === 'kubernetes')
        tx.wakeAt(NAME, 'default', 'kubernetes', tx.now + tx.rng.int(1000, 10_000));
      return [];
    },
  },
  reconcile(tx) {
    ensureKubernetesService(tx);
  },
};
