// `kubectl get` tables of the kinds Argo CD's install manifest brings.
// - Columns and cells: kubernetes/kubernetes pkg/printers/internalversion/printers.go
//   (statefulSetColumnDefinitions, configMapColumnDefinitions, secretColumnDefinitions,
//   serviceAccountColumnDefinitions, networkPolicyColumnDefinitioins,
//   roleBindingsColumnDefinitions, clusterRoleBindingsColumnDefinitions and their print
//   functions); Role, ClusterRole and CRDs have no printer and get the default table,
//   staging/src/k8s.io/apiserver/pkg/registry/rest/table.go (NAME, CREATED AT in RFC 3339).
// - Custom resources: apiextensions-apiserver pkg/registry/customresource/tableconvertor
//   (additionalPrinterColumns; a missing value prints empty) and argo-cd
//   manifests/crds/application-crd.yaml v2.11.0 (Sync Status, Health Status, Revision at
//   priority 10).
import { describe, expect, it } from 'vitest';
import { seedObject, settleFor, transcript, withDeployments } from '../kubectl/commands/testing';
import { getTable } from './getTable';
import { reader } from '../../engine/world';
import type { KubeObject } from '../../engine/k8s/types';

const opts = {
  wide: false,
  showLabels: false,
  withNamespace: false,
  withKind: false,
  noHeaders: false,
};

describe('tables of the install manifest’s kinds', () => {
  const s = withDeployments([], 0);
  seedObject(s, 'ConfigMap', {
    metadata: { name: 'argocd-cm' },
    data: { a: '1', b: '2' },
    binaryData: { c: 'AA==' },
  });
  seedObject(s, 'Secret', {
    metadata: { name: 'argocd-secret' },
    data: { 'server.secretkey': 'eA==' },
  });
  seedObject(s, 'ServiceAccount', { metadata: { name: 'argocd-server' } });
  seedObject(s, 'Role', {
    metadata: { name: 'argocd-server' },
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
  });
  seedObject(s, 'RoleBinding', {
    metadata: { name: 'argocd-server' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'argocd-server' },
    subjects: [
      { kind: 'ServiceAccount', name: 'argocd-server', namespace: 'default' },
      { kind: 'User', name: 'jane' },
      { kind: 'Group', name: 'devs' },
      { kind: 'Group', name: 'ops' },
    ],
  });
  seedObject(s, 'NetworkPolicy', {
    metadata: { name: 'argocd-server-network-policy' },
    spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-server' } } },
  });
  seedObject(s, 'StatefulSet', {
    metadata: { name: 'argocd-application-controller' },
    spec: {
      replicas: 1,
      serviceName: 'argocd-application-controller',
      selector: { matchLabels: { app: 'ctl' } },
      template: {
        metadata: { labels: { app: 'ctl' } },
        spec: {
          containers: [
            { name: 'argocd-application-controller', image: 'quay.io/argoproj/argocd:v2.11.0' },
          ],
        },
      },
    },
  });
  settleFor(s, 90_000);

  it('prints ConfigMaps with their key count (data and binaryData)', () => {
    expect(transcript(s, 'kubectl get configmaps')).toBe(
      'NAME               DATA   AGE\nargocd-cm          3      90s\nkube-root-ca.crt   1      3d\n--stderr--\n--exit 0',
    );
  });

  it('prints Secrets, ServiceAccounts and NetworkPolicies', () => {
    expect(transcript(s, 'kubectl get secrets')).toBe(
      'NAME            TYPE     DATA   AGE\nargocd-secret   Opaque   1      90s\n--stderr--\n--exit 0',
    );
    expect(transcript(s, 'kubectl get sa')).toBe(
      'NAME            SECRETS   AGE\nargocd-server   0         90s\ndefault         0         3d\n--stderr--\n--exit 0',
    );
    expect(transcript(s, 'kubectl get netpol')).toBe(
      'NAME                           POD-SELECTOR                           AGE\nargocd-server-network-policy   app.kubernetes.io/name=argocd-server   90s\n--stderr--\n--exit 0',
    );
  });

  it('prints Roles with their creation time and RoleBindings with their subjects when wide', () => {
    expect(transcript(s, 'kubectl get roles')).toBe(
      'NAME            CREATED AT\nargocd-server   2026-01-15T09:00:00Z\n--stderr--\n--exit 0',
    );
    expect(transcript(s, 'kubectl get rolebindings')).toBe(
      'NAME            ROLE                 AGE\nargocd-server   Role/argocd-server   90s\n--stderr--\n--exit 0',
    );
    expect(transcript(s, 'kubectl get rolebindings -o wide')).toBe(
      'NAME            ROLE                 AGE   USERS   GROUPS      SERVICEACCOUNTS\nargocd-server   Role/argocd-server   90s   jane    devs, ops   default/argocd-server\n--stderr--\n--exit 0',
    );
  });

  it('prints StatefulSets ready/desired, with containers and images when wide', () => {
    expect(transcript(s, 'kubectl get sts -o wide')).toBe(
      'NAME                            READY   AGE   CONTAINERS                      IMAGES\nargocd-application-controller   1/1     90s   argocd-application-controller   quay.io/argoproj/argocd:v2.11.0\n--stderr--\n--exit 0',
    );
    expect(transcript(s, 'kubectl get pods')).toBe(
      'NAME                              READY   STATUS    RESTARTS   AGE\nargocd-application-controller-0   1/1     Running   0          90s\n--stderr--\n--exit 0',
    );
  });

  it('prints custom resources with their CRD’s printer columns', () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: 'guestbook',
        namespace: 'argocd',
        creationTimestamp: '2026-01-15T09:00:00Z',
      },
      status: { sync: { status: 'Synced', revision: 'a1b2c3d' }, health: { status: 'Healthy' } },
    } as KubeObject;
    const fresh = { ...app, metadata: { ...app.metadata, name: 'new' }, status: {} } as KubeObject;
    const base = { ...opts, now: Date.UTC(2026, 0, 15, 9, 5), reader: reader(s.world) };
    expect(getTable('Application', [app, fresh], base)).toBe(
      'NAME        SYNC STATUS   HEALTH STATUS\nguestbook   Synced        Healthy\nnew                       \n',
    );
    expect(getTable('Application', [app], { ...base, wide: true })).toBe(
      'NAME        SYNC STATUS   HEALTH STATUS   REVISION\nguestbook   Synced        Healthy         a1b2c3d\n',
    );
    expect(getTable('AppProject', [{ ...app, kind: 'AppProject' } as KubeObject], base)).toBe(
      'NAME        AGE\nguestbook   5m\n',
    );
    const crd = {
      metadata: { name: 'applications.argoproj.io', creationTimestamp: '2026-01-15T09:00:00Z' },
    } as KubeObject;
    expect(getTable('CustomResourceDefinition', [crd], base)).toBe(
      'NAME                       CREATED AT\napplications.argoproj.io   2026-01-15T09:00:00Z\n',
    );
  });
});
