// The kinds Argo CD's install manifest brings, as the API server stores them.
// - Custom kinds are served only while their CRD is Established: apiextensions-apiserver
//   (pkg/apiserver/customresource_handler.go; a path it does not serve answers 404 "the server
//   could not find the requested resource"); deleting a CRD deletes its objects
//   (pkg/controller/finalizer/crd_finalizer.go). CRD names: argo-cd manifests/crds, v2.11.0.
// - Defaults: pkg/apis/core/v1/defaults.go (SetDefaults_Secret), pkg/apis/rbac/v1/defaults.go,
//   pkg/apis/networking/v1/defaults.go.
// - Validation wording: pkg/apis/rbac/validation/validation.go, pkg/apis/core/validation
//   (ValidateConfigMap), apiextensions-apiserver pkg/apis/apiextensions/validation.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../testing';
import { reader, transact } from '../world';
import { create, remove } from './apiserver';
import { isServed, servedKind } from './discovery';
import { formatStatusError } from './errors';
import type { CustomResourceDefinition, Kind, KindMap } from './types';

function argoCrd(kind: 'Application' | 'AppProject' | 'ApplicationSet'): CustomResourceDefinition {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.argoproj.io` },
    spec: {
      group: 'argoproj.io',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object' } },
        },
      ],
    },
  };
}

const app = {
  metadata: { name: 'guestbook', namespace: 'default' },
  spec: {
    project: 'default',
    source: { repoURL: 'https://git.example.com/team/apps.git', path: 'guestbook' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
  },
};

function tryCreate<K extends Kind>(t: TestWorld, kind: K, obj: KindMap[K]): string {
  const r = transact(t.world, 'test', (tx) => create(tx, kind, obj));
  if ('ok' in r.result) return formatStatusError(r.result);
  t.world = r.world;
  return 'created';
}

describe('custom kinds and their CRDs', () => {
  it('serves Application only while its CRD exists', () => {
    const t = new TestWorld();
    const r = reader(t.world);
    expect(isServed(r, 'Application')).toBe(false);
    expect(servedKind(r, 'argoproj.io/v1alpha1', 'Application')).toBeUndefined();
    expect(servedKind(r, 'v1', 'ConfigMap')).toBe('ConfigMap');
    expect(tryCreate(t, 'Application', app)).toBe(
      'Error from server (NotFound): the server could not find the requested resource',
    );

    t.create('CustomResourceDefinition', argoCrd('Application'));
    const crd = t.get('CustomResourceDefinition', 'applications.argoproj.io', '');
    expect(crd?.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'NamesAccepted=True NoConflicts',
      'Established=True InitialNamesAccepted',
    ]);
    expect(crd?.status?.storedVersions).toEqual(['v1alpha1']);
    expect(servedKind(reader(t.world), 'argoproj.io/v1alpha1', 'Application')).toBe('Application');
    expect(servedKind(reader(t.world), 'argoproj.io/v1alpha1', 'AppProject')).toBeUndefined();
    expect(tryCreate(t, 'Application', app)).toBe('created');
    expect(t.get('Application', 'guestbook')).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { generation: 1 },
    });

    // Deleting the CRD takes its objects and its resource with it.
    t.delete('CustomResourceDefinition', 'applications.argoproj.io', '');
    expect(reader(t.world).list('Application')).toEqual([]);
    expect(isServed(reader(t.world), 'Application')).toBe(false);
  });

  it('refuses an Application without the fields its schema requires', () => {
    const t = new TestWorld().create('CustomResourceDefinition', argoCrd('Application'));
    expect(tryCreate(t, 'Application', { metadata: { name: 'x' }, spec: {} })).toBe(
      'The Application "x" is invalid: \n* spec.destination: Required value\n* spec.project: Required value',
    );
  });

  it('checks a CRD name against its group and plural', () => {
    const t = new TestWorld();
    const crd = argoCrd('AppProject');
    crd.metadata = { name: 'projects.argoproj.io' };
    expect(tryCreate(t, 'CustomResourceDefinition', crd)).toBe(
      'The CustomResourceDefinition "projects.argoproj.io" is invalid: metadata.name: Invalid value: "projects.argoproj.io": must be spec.names.plural+"."+spec.group',
    );
  });
});

describe('built-in kinds of the install manifest', () => {
  it('defaults a Secret to Opaque and bindings to the RBAC group', () => {
    const t = new TestWorld()
      .create('Secret', { metadata: { name: 'argocd-secret' } })
      .create('RoleBinding', {
        metadata: { name: 'argocd-server' },
        roleRef: { apiGroup: '', kind: 'Role', name: 'argocd-server' },
        subjects: [
          { kind: 'ServiceAccount', name: 'argocd-server' },
          { kind: 'User', name: 'jane' },
        ],
      });
    expect(t.get('Secret', 'argocd-secret')?.type).toBe('Opaque');
    const rb = t.get('RoleBinding', 'argocd-server');
    expect(rb?.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'argocd-server', apiGroup: '' },
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
    ]);
  });

  it('defaults a NetworkPolicy’s policyTypes and port protocols', () => {
    const t = new TestWorld().create('NetworkPolicy', {
      metadata: { name: 'argocd-redis-network-policy' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-redis' } },
        ingress: [{ ports: [{ port: 6379 }] }],
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
      },
    });
    const np = t.get('NetworkPolicy', 'argocd-redis-network-policy');
    expect(np?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np?.spec?.ingress?.[0]?.ports).toEqual([{ port: 6379, protocol: 'TCP' }]);
  });

  it('refuses RBAC rules and bindings as the server words it', () => {
    const t = new TestWorld();
    expect(
      tryCreate(t, 'ClusterRole', {
        metadata: { name: 'argocd' },
        rules: [{ apiGroups: [''], verbs: [] }],
      }),
    ).toBe(
      'The ClusterRole "argocd" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[0].resources: Required value: resource rules must supply at least one resource',
    );
    expect(
      tryCreate(t, 'ClusterRoleBinding', {
        metadata: { name: 'argocd' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'argocd' },
        subjects: [{ kind: 'ServiceAccount', name: 'argocd' }],
      }),
    ).toBe(
      'The ClusterRoleBinding "argocd" is invalid: \n* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n* subjects[0].namespace: Required value',
    );
    expect(tryCreate(t, 'Role', { metadata: { name: 'a/b' } })).toBe(
      'The Role "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\'',
    );
  });

  it('refuses ConfigMap keys that are not config keys', () => {
    const t = new TestWorld();
    expect(tryCreate(t, 'ConfigMap', { metadata: { name: 'c' }, data: { 'a b': 'x' } })).toBe(
      `The ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  });

  it('leaves a namespace’s custom objects to the namespace controller', () => {
    const t = new TestWorld()
      .create('CustomResourceDefinition', argoCrd('Application'))
      .create('Namespace', { metadata: { name: 'argocd' } })
      .create('Application', { ...app, metadata: { name: 'guestbook', namespace: 'argocd' } });
    t.world = transact(t.world, 'test', (tx) => remove(tx, 'Namespace', undefined, 'argocd')).world;
    t.settle();
    expect(reader(t.world).list('Application', 'argocd')).toEqual([]);
    expect(reader(t.world).get('Namespace', undefined, 'argocd')).toBeUndefined();
  });
});
