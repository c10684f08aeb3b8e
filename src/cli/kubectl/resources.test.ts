// Type resolution follows kubectl v1.32: cli-runtime pkg/resource/builder.go (mappingFor),
// client-go restmapper/shortcut.go and restmapper/discovery.go, apimachinery pkg/api/meta
// (restmapper.go, priority.go) and pkg/runtime/schema/group_version.go (ParseResourceArg).
// The outcomes pinned below were recorded from kubectl v1.32.5 against a server serving
// API_RESOURCES as its discovery: the resource it listed, or its error, and its warnings.
import { describe, it, expect } from 'vitest';
import { ALL_KINDS, KINDS } from '../../engine/k8s/types';
import { TestWorld } from '../../engine/testing';
import { reader } from '../../engine/world';
import {
  apiResources,
  knownEmptyResource,
  parseResourceArgs,
  resolveKind,
  resolveResource,
  resourceWarnings,
  unknownResourceTypeError,
} from './resources';

/** What kubectl listed, as GroupVersionResource.String(), or the error it printed. */
function outcome(type: string): string {
  const r = resolveResource(type);
  if (!r.ok) return `error: ${r.error}`;
  return `${r.resource.group}/${r.resource.version}, Resource=${r.resource.name}`;
}

describe('resolveResource', () => {
  it.each([
    ['pods', '/v1, Resource=pods'],
    ['pod', '/v1, Resource=pods'],
    ['po', '/v1, Resource=pods'],
    ['PODS', '/v1, Resource=pods'],
    ['Pod', '/v1, Resource=pods'],
    ['POD', '/v1, Resource=pods'],
    ['pods.', '/v1, Resource=pods'],
    ['pods.v1.', '/v1, Resource=pods'],
    ['deployments.v1.apps', 'apps/v1, Resource=deployments'],
    ['deployment.apps', 'apps/v1, Resource=deployments'],
    ['deploy.apps', 'apps/v1, Resource=deployments'],
    ['deploy.v1.apps', 'apps/v1, Resource=deployments'],
    ['Deployment', 'apps/v1, Resource=deployments'],
    ['Deployment.apps', 'apps/v1, Resource=deployments'],
    ['Deployment.v1.apps', 'apps/v1, Resource=deployments'],
    ['ReplicaSets', 'apps/v1, Resource=replicasets'],
    ['rs', 'apps/v1, Resource=replicasets'],
    // A group may be given by a prefix.
    ['deploy.app', 'apps/v1, Resource=deployments'],
    ['deploy.v1.app', 'apps/v1, Resource=deployments'],
    ['deployments.app', 'apps/v1, Resource=deployments'],
    ['ingresses.networking', 'networking.k8s.io/v1, Resource=ingresses'],
    ['ing.networking', 'networking.k8s.io/v1, Resource=ingresses'],
    ['storageclass.storage', 'storage.k8s.io/v1, Resource=storageclasses'],
    ['ingresses', 'networking.k8s.io/v1, Resource=ingresses'],
    ['ingress', 'networking.k8s.io/v1, Resource=ingresses'],
    ['ing', 'networking.k8s.io/v1, Resource=ingresses'],
    ['Ingress', 'networking.k8s.io/v1, Resource=ingresses'],
    ['INGRESSES', 'networking.k8s.io/v1, Resource=ingresses'],
    ['ingresses.networking.k8s.io', 'networking.k8s.io/v1, Resource=ingresses'],
    ['Ingress.v1.networking.k8s.io', 'networking.k8s.io/v1, Resource=ingresses'],
    // Core events win over events.k8s.io, by discovery priority.
    ['events', '/v1, Resource=events'],
    ['event', '/v1, Resource=events'],
    ['Event', '/v1, Resource=events'],
    ['ev', '/v1, Resource=events'],
    ['ev.events', 'events.k8s.io/v1, Resource=events'],
    ['events.events.k8s.io', 'events.k8s.io/v1, Resource=events'],
    ['endpoints', '/v1, Resource=endpoints'],
    ['Endpoints', '/v1, Resource=endpoints'],
    ['ep', '/v1, Resource=endpoints'],
    ['hpa', 'autoscaling/v2, Resource=horizontalpodautoscalers'],
    // Expanding a short name drops the version; the full name keeps it.
    ['hpa.v1.autoscaling', 'autoscaling/v2, Resource=horizontalpodautoscalers'],
    [
      'horizontalpodautoscalers.v1.autoscaling',
      'autoscaling/v1, Resource=horizontalpodautoscalers',
    ],
    ['cm', '/v1, Resource=configmaps'],
    ['configmap', '/v1, Resource=configmaps'],
    ['ConfigMap', '/v1, Resource=configmaps'],
    ['leases', 'coordination.k8s.io/v1, Resource=leases'],
    ['crds', 'apiextensions.k8s.io/v1, Resource=customresourcedefinitions'],
  ])('%s lists %s', (type, want) => {
    expect(outcome(type)).toBe(want);
  });

  it.each([
    // `pods.v1` names a group "v1"; the error names only what comes before the first dot.
    ['pods.v1', 'pods'],
    ['pod.v1', 'pod'],
    ['po.v1', 'po'],
    ['services.v1', 'services'],
    ['configmaps.v1', 'configmaps'],
    ['pods.core', 'pods'],
    // Short names and groups are case-sensitive; resource names are not.
    ['PO', 'PO'],
    ['Po', 'Po'],
    ['DEPLOY', 'DEPLOY'],
    ['dePloy', 'dePloy'],
    ['EV', 'EV'],
    ['CM', 'CM'],
    ['DEPLOYMENT.APPS', 'DEPLOYMENT'],
    ['deployments.APPS', 'deployments'],
    // With a version, the group must be exact and the version served.
    ['deployments.v1.app', 'deployments'],
    ['deployment.apps.v1', 'deployment'],
    ['ingresses.v1beta1.networking.k8s.io', 'ingresses'],
    ['foo', 'foo'],
    ['foo.bar', 'foo'],
    ['foo.bar.baz', 'foo'],
    ['ALL', 'ALL'],
  ])('%s is unknown', (type, named) => {
    expect(outcome(type)).toBe(`error: the server doesn't have a resource type "${named}"`);
    expect(unknownResourceTypeError(type)).toBe(
      `the server doesn't have a resource type "${named}"`,
    );
  });

  it('warns when a short name also matches a lower-priority resource', () => {
    expect(resourceWarnings('ev')).toEqual([
      'short name "ev" could also match lower priority resource events.events.k8s.io',
    ]);
    expect(resourceWarnings('events')).toEqual([]);
    expect(resourceWarnings('ev.events.k8s.io')).toEqual([]);
    // Two versions of one resource are not ambiguous.
    expect(resourceWarnings('hpa')).toEqual([]);
    expect(resourceWarnings('po')).toEqual([]);
  });
});

describe('resolveKind', () => {
  it.each([
    ['pods', 'Pod'],
    ['PODS', 'Pod'],
    ['Pod', 'Pod'],
    ['po', 'Pod'],
    ['deployments.v1.apps', 'Deployment'],
    ['deployment.apps', 'Deployment'],
    ['deploy.apps', 'Deployment'],
    ['rs', 'ReplicaSet'],
    ['svc', 'Service'],
    ['ev', 'Event'],
    ['ns', 'Namespace'],
    ['no', 'Node'],
    ['endpoints', 'Endpoints'],
  ])('%s is %s', (type, kind) => {
    expect(resolveKind(type)).toBe(kind);
  });

  it.each(['pods.v1', 'PO', 'deployments.v1.app', 'events.events.k8s.io', 'ingresses', 'foo'])(
    '%s is no simulated kind',
    (type) => {
      expect(resolveKind(type)).toBeUndefined();
    },
  );

  it('agrees with the simulator’s own description of its kinds', () => {
    for (const kind of ALL_KINDS) {
      const info = KINDS[kind];
      const entry = apiResources().find((r) => r.group === info.group && r.name === info.resource);
      expect(entry, kind).toMatchObject({
        kind,
        singularName: info.singular,
        shortNames: info.shortNames,
        namespaced: info.namespaced,
        version: info.apiVersion.split('/').pop(),
      });
    }
  });
});

describe('knownEmptyResource', () => {
  it.each([
    ['ingresses', 'ingresses.networking.k8s.io'],
    ['ingress', 'ingresses.networking.k8s.io'],
    ['ing', 'ingresses.networking.k8s.io'],
    ['Ingress', 'ingresses.networking.k8s.io'],
    ['ingresses.networking', 'ingresses.networking.k8s.io'],
    ['jobs.batch', 'jobs.batch'],
    ['cj', 'cronjobs.batch'],
    ['daemonset.apps', 'daemonsets.apps'],
    ['hpa', 'horizontalpodautoscalers.autoscaling'],
    ['horizontalpodautoscalers.v1.autoscaling', 'horizontalpodautoscalers.autoscaling'],
    ['pvc', 'persistentvolumeclaims'],
    ['rc', 'replicationcontrollers'],
    ['endpointslice', 'endpointslices.discovery.k8s.io'],
  ])('%s is %s', (type, name) => {
    expect(knownEmptyResource(type)).toBe(name);
  });

  it.each(['pods', 'cm', 'sts', 'ingresses.v1', 'ING', 'ingres', 'leases', 'foo'])(
    '%s is not',
    (type) => {
      expect(knownEmptyResource(type)).toBeUndefined();
    },
  );
});

describe('parseResourceArgs', () => {
  it('resolves each type of a comma list and each TYPE/NAME', () => {
    expect(parseResourceArgs(['po,deploy.apps,ing', 'x'])).toEqual({
      ok: true,
      refs: [
        { kind: 'Pod', name: 'x' },
        { kind: 'Deployment', name: 'x' },
      ],
      byType: false,
      unknownEmpty: ['ingresses.networking.k8s.io'],
    });
    expect(parseResourceArgs(['Deployment/web', 'PODS/a'])).toEqual({
      ok: true,
      refs: [
        { kind: 'Deployment', name: 'web' },
        { kind: 'Pod', name: 'a' },
      ],
      byType: false,
      unknownEmpty: [],
    });
  });

  it('names an unknown type as kubectl does', () => {
    expect(parseResourceArgs(['pods.v1'])).toEqual({
      ok: false,
      error: `the server doesn't have a resource type "pods"`,
    });
    expect(parseResourceArgs(['deployments.v1.app/web'])).toEqual({
      ok: false,
      error: `the server doesn't have a resource type "deployments"`,
    });
  });
});

describe('custom resources', () => {
  // What discovery serves follows the CRDs: apiextensions-apiserver adds a CRD's resources
  // to discovery once it is Established (pkg/apiserver/customresource_discovery_controller.go);
  // short names are the CRD's spec.names.shortNames (argo-cd manifests/crds, v2.11.0).
  const withArgo = () => {
    const t = new TestWorld();
    for (const kind of ['Application', 'AppProject'] as const) {
      const plural = `${kind.toLowerCase()}s`;
      t.create('CustomResourceDefinition', {
        metadata: { name: `${plural}.argoproj.io` },
        spec: {
          group: 'argoproj.io',
          names: {
            kind,
            plural,
            singular: kind.toLowerCase(),
            shortNames: kind === 'Application' ? ['app', 'apps'] : ['appproj', 'appprojs'],
          },
          scope: 'Namespaced',
          versions: [{ name: 'v1alpha1', served: true, storage: true }],
        },
      });
    }
    return reader(t.world);
  };

  it('are unknown types before their CRD exists', () => {
    const r = reader(new TestWorld().world);
    expect(resolveKind('applications', r)).toBeUndefined();
    expect(parseResourceArgs(['applications'], r)).toEqual({
      ok: false,
      error: `the server doesn't have a resource type "applications"`,
    });
  });

  it('resolve by plural, singular, short name, kind and group once it does', () => {
    const r = withArgo();
    for (const type of [
      'applications',
      'application',
      'app',
      'apps',
      'Application',
      'applications.argoproj.io',
      'applications.v1alpha1.argoproj.io',
      'app.argoproj.io',
    ])
      expect(resolveKind(type, r), type).toBe('Application');
    expect(resolveKind('appproj', r)).toBe('AppProject');
    expect(resolveKind('applicationsets', r)).toBeUndefined();
    // `apps` the short name does not shadow the group.
    expect(resolveKind('deployments.apps', r)).toBe('Deployment');
    expect(resolveKind('crd', r)).toBe('CustomResourceDefinition');
  });

  it('are assumed served when no cluster is given', () => {
    expect(resolveKind('applicationsets')).toBe('ApplicationSet');
  });
});

describe('a selector the API server cannot parse', () => {
  // cli-runtime pkg/resource/selector.go rewords the server's BadRequest per resource; kubectl
  // v1.32 prints it for get, delete, describe, logs, rollout and set alike (scale folds it
  // into "no objects passed to scale").
  it('is reported by every command that lists with it, in the builder’s words', async () => {
    const { createSession, runHeadless } = await import('../shell/shell');
    const { registry } = await import('../programs');
    const s = createSession();
    const why = `that match label selector "=bad", field selector "": found '=', expected: !, identifier, or 'end of string'\n`;
    for (const line of [
      'kubectl describe pods -l =bad',
      'kubectl logs -l =bad',
      'kubectl get pods -l =bad',
      'kubectl delete pods -l =bad',
    ])
      expect(runHeadless(s, line, registry), line).toMatchObject({
        exitCode: 1,
        stderr: `Error from server (BadRequest): Unable to find "/v1, Resource=pods" ${why}`,
      });
    for (const line of [
      'kubectl rollout status deploy -l =bad',
      "kubectl set image deploy -l =bad '*=nginx:1.27'",
    ])
      expect(runHeadless(s, line, registry), line).toMatchObject({
        exitCode: 1,
        stderr: `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" ${why}`,
      });
    expect(runHeadless(s, 'kubectl scale deploy -l =bad --replicas=2', registry)).toMatchObject({
      exitCode: 1,
      stderr: `error: no objects passed to scale Unable to find "apps/v1, Resource=deployments" ${why}`,
    });
  });
});
