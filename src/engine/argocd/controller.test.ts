// The application controller against a fake Git host. Wording pinned here comes from argo-cd
// v2.11.0: controller/appcontroller.go (autoSync, persistAppStatus and setOperationState's
// events), controller/sync.go and state.go, and
// gitops-engine pkg/sync/sync_context.go ("successfully synced (all tasks run)", "one or more
// synchronization tasks are not valid"), pkg/health/health_deployment.go; util/argo/argo.go
// (AugmentSyncMsg).
import { describe, expect, it } from 'vitest';
import { update } from '../k8s/apiserver';
import { parseTime, rfc3339, SECOND } from '../time';
import { appTarget } from './compare';
import { OPERATION_DURATION } from './operation';
import { INSTANCE_LABEL } from './diff';
import { FakeGit, Sim } from './testing';
import type { Application, SyncPolicy } from './types';

const REPO = 'https://git.example.com/team/shop.git';

function deploymentYaml(replicas: number, image = 'nginx:1.27'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;
}

const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const CM_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: dark
`;

function files(replicas = 2, image = 'nginx:1.27', service = true): Record<string, string> {
  return {
    'README.md': '# shop\n',
    'app/deployment.yaml': deploymentYaml(replicas, image),
    ...(service && { 'app/service.yaml': SERVICE_YAML }),
    'app/notes.txt': 'not a manifest',
  };
}

function application(
  syncPolicy?: SyncPolicy,
  extra: { namespace?: string; path?: string; finalizer?: boolean } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: 'shop',
      namespace: 'argocd',
      ...(extra.finalizer && { finalizers: ['resources-finalizer.argocd.argoproj.io'] }),
    },
    spec: {
      project: 'default',
      source: { repoURL: REPO, path: extra.path ?? 'app', targetRevision: 'HEAD' },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: extra.namespace ?? 'default',
      },
      ...(syncPolicy && { syncPolicy }),
    },
  };
}

/** Argo CD installed and its controller ready, with the repository's first commit. */
function setup(syncPolicy?: SyncPolicy, extra?: Parameters<typeof application>[1]) {
  const git = new FakeGit();
  const sha = git.commit(REPO, files(), 'first');
  const s = new Sim(git);
  s.install();
  s.advance(60 * SECOND);
  s.apply(application(syncPolicy, extra), 'argocd');
  // An automated app's first sync is picked up at once and takes a second.
  if (syncPolicy?.automated) s.advance(2 * SECOND);
  return { s, git, sha };
}

function sync(s: Sim, extra: Partial<NonNullable<Application['operation']>['sync']> = {}) {
  s.editApp('shop', (app) => ({
    ...app,
    operation: { sync: { ...extra }, initiatedBy: { username: 'admin' } },
  }));
  expect(s.app('shop').status?.operationState?.phase).toBe('Running');
  s.advance(OPERATION_DURATION);
}

describe('application controller', { timeout: 60_000 }, () => {
  it('does nothing while its pod is not ready, then compares', () => {
    const git = new FakeGit();
    git.commit(REPO, files());
    const s = new Sim(git);
    s.install();
    s.apply(application(), 'argocd');
    expect(s.app('shop').status).toBeUndefined();
    s.advance(60 * SECOND);
    expect(s.app('shop').status?.sync?.status).toBe('OutOfSync');
  });

  it('reports a new app OutOfSync and Missing, resources sorted by group and kind', () => {
    const { s, sha } = setup();
    const status = s.app('shop').status!;
    expect(status.sync).toEqual({
      status: 'OutOfSync',
      revision: sha,
      comparedTo: {
        source: { repoURL: REPO, path: 'app', targetRevision: 'HEAD' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
      },
    });
    expect(status.health).toEqual({ status: 'Missing' });
    expect(status.resources).toEqual([
      {
        version: 'v1',
        kind: 'Service',
        namespace: 'default',
        name: 'web',
        status: 'OutOfSync',
        health: { status: 'Missing' },
      },
      {
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        status: 'OutOfSync',
        health: { status: 'Missing' },
      },
    ]);
    expect(status.reconciledAt).toBe(rfc3339(s.now));
    expect(s.get('Deployment', 'default', 'web')).toBeUndefined();
    // argocd-server made the default project when it started.
    expect(s.get('AppProject', 'argocd', 'default')?.spec).toEqual({
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
      destinations: [{ namespace: '*', server: '*' }],
      sourceRepos: ['*'],
    });
    const target = s.run((tx) => appTarget(s.git, tx, s.app('shop')));
    expect(target.ok && target.objects.map((o) => o.metadata)).toEqual([
      { name: 'web', namespace: 'default', labels: { 'app.kubernetes.io/instance': 'shop' } },
      { name: 'web', namespace: 'default', labels: { 'app.kubernetes.io/instance': 'shop' } },
    ]);
  });

  it('syncs: applies with the tracking label, records the operation and history', () => {
    const { s, sha } = setup();
    const started = s.now;
    sync(s);
    const app = s.app('shop');
    expect(app.operation).toBeUndefined();
    const d = s.get('Deployment', 'default', 'web')!;
    expect(d.metadata?.labels?.[INSTANCE_LABEL]).toBe('shop');
    expect(d.metadata?.managedFields).toBeUndefined();
    const op = app.status!.operationState!;
    expect(op.phase).toBe('Succeeded');
    expect(op.message).toBe('successfully synced (all tasks run)');
    expect(op.syncResult?.revision).toBe(sha);
    expect(op.syncResult?.resources?.map((r) => [r.kind, r.status, r.message])).toEqual([
      ['Service', 'Synced', 'service/web created'],
      ['Deployment', 'Synced', 'deployment.apps/web created'],
    ]);
    expect(op.startedAt).toBe(rfc3339(started));
    expect(op.finishedAt).toBe(rfc3339(started + OPERATION_DURATION));
    expect(app.status?.history).toEqual([
      {
        id: 0,
        revision: sha,
        deployedAt: rfc3339(started + OPERATION_DURATION),
        deployStartedAt: rfc3339(started),
        source: { repoURL: REPO, path: 'app', targetRevision: 'HEAD' },
        initiatedBy: { username: 'admin' },
      },
    ]);
    expect(app.status?.sync?.status).toBe('Synced');
    // Fresh objects: the Deployment rolls out and the LoadBalancer waits for its address.
    expect(app.status?.health?.status).toBe('Progressing');
    s.advance(2 * 60 * SECOND);
    const later = s.app('shop').status!;
    expect(later.health).toEqual({ status: 'Healthy' });
    expect(later.resources?.map((r) => r.health?.status)).toEqual(['Healthy', 'Healthy']);
    expect(later.summary).toEqual({ images: ['nginx:1.27'] });
  });

  it('notices a new commit only on refresh: every 180 s or when asked', () => {
    const { s, git, sha } = setup();
    sync(s);
    const synced = s.now;
    const second = git.commit(REPO, files(3));
    s.advance(60 * SECOND);
    expect(s.app('shop').status?.sync).toMatchObject({ status: 'Synced', revision: sha });
    s.advance(synced + 180 * SECOND - s.now);
    expect(s.app('shop').status?.sync).toMatchObject({ status: 'OutOfSync', revision: second });
    expect(s.app('shop').status?.reconciledAt).toBe(rfc3339(synced + 180 * SECOND));

    const third = git.commit(REPO, files(4));
    s.editApp('shop', (app) => ({
      ...app,
      metadata: { ...app.metadata, annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
    }));
    const app = s.app('shop');
    expect(app.status?.sync?.revision).toBe(third);
    expect(app.metadata?.annotations?.['argocd.argoproj.io/refresh']).toBeUndefined();
  });

  it('auto-syncs OutOfSync revisions once, and never retries one that failed', () => {
    const { s, git, sha } = setup({ automated: {} });
    expect(s.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(2);
    const app = s.app('shop');
    expect(app.status?.operationState?.operation.initiatedBy).toEqual({ automated: true });
    const events = s.run((tx) => tx.list('Event', 'argocd'));
    expect(
      events
        .filter((e) => e.involvedObject.kind === 'Application')
        .map((e) => [e.type, e.reason, e.message]),
    ).toEqual([
      ['Normal', 'ResourceUpdated', 'Updated sync status:  -> OutOfSync'],
      ['Normal', 'ResourceUpdated', 'Updated health status:  -> Missing'],
      ['Normal', 'OperationStarted', `Initiated automated sync to '${sha}'`],
      ['Normal', 'OperationCompleted', `Sync operation to ${sha} succeeded`],
      ['Normal', 'ResourceUpdated', 'Updated sync status: OutOfSync -> Synced'],
      ['Normal', 'ResourceUpdated', 'Updated health status: Missing -> Progressing'],
    ]);
    expect(app.status?.history?.map((h) => h.revision)).toEqual([sha]);

    const bad = git.commit(REPO, files(-1));
    s.advance(180 * SECOND + OPERATION_DURATION);
    // An automated sync retries 5 times (RetryStrategy{Limit: 5}), 10 s, 20 s … apart.
    const retrying = s.app('shop').status!.operationState!;
    expect(retrying).toMatchObject({ phase: 'Running', retryCount: 1 });
    // The message gives the retry time in Go's time.Kitchen layout.
    expect(retrying.message).toBe(
      'one or more synchronization tasks are not valid. Retrying attempt #1 at 9:04AM.',
    );
    expect(parseTime(retrying.finishedAt)).toBe(Date.UTC(2026, 0, 15, 9, 4, 2));
    s.advance(10 * 60 * SECOND);
    const failed = s.app('shop').status!;
    expect(failed.operationState?.phase).toBe('Failed');
    expect(failed.operationState?.message).toBe(
      'one or more synchronization tasks are not valid (retried 5 times).',
    );
    expect(failed.conditions).toEqual([
      {
        type: 'SyncError',
        message: `Failed sync attempt to ${bad}: one or more synchronization tasks are not valid (retried 5 times).`,
        lastTransitionTime: expect.any(String) as string,
      },
    ]);
    const finishedAt = failed.operationState?.finishedAt;
    s.advance(180 * SECOND);
    expect(s.app('shop').status?.operationState?.finishedAt).toBe(finishedAt);

    const fixed = git.commit(REPO, files(4));
    s.advance(180 * SECOND + OPERATION_DURATION);
    expect(s.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(4);
    expect(s.app('shop').status?.history?.map((h) => h.revision)).toEqual([sha, fixed]);
    expect(s.app('shop').status?.conditions).toBeUndefined();
  });

  it('self-heals drift 5 s after the last sync; without selfHeal drift stays', () => {
    const scale = (sim: Sim, replicas: number) =>
      sim.run((tx) => {
        const d = tx.get('Deployment', 'default', 'web')!;
        update(tx, 'Deployment', { ...d, spec: { ...d.spec!, replicas } });
      }, 'kubectl-scale');

    const heal = setup({ automated: { selfHeal: true } }).s;
    const finished = parseTime(heal.app('shop').status?.operationState?.finishedAt)!;
    scale(heal, 5);
    heal.advance(1 * SECOND);
    expect(heal.app('shop').status?.sync?.status).toBe('OutOfSync');
    expect(heal.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(5);
    heal.advance(finished + 5 * SECOND - heal.now);
    expect(heal.app('shop').status?.operationState?.phase).toBe('Running');
    heal.advance(OPERATION_DURATION);
    expect(heal.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(2);
    expect(heal.app('shop').status?.sync?.status).toBe('Synced');
    // A self-heal syncs only the drifted resources, and so adds no history entry.
    expect(heal.app('shop').status?.history).toHaveLength(1);
    expect(heal.app('shop').status?.operationState?.operation.sync?.resources).toEqual([
      { group: 'apps', kind: 'Deployment', name: 'web' },
    ]);
    // Long after the last sync, drift is corrected as soon as it is seen.
    heal.advance(60 * SECOND);
    scale(heal, 7);
    heal.advance(1 * SECOND);
    expect(heal.app('shop').status?.sync?.status).toBe('OutOfSync');
    expect(heal.app('shop').status?.operationState?.phase).toBe('Running');
    heal.advance(OPERATION_DURATION);
    expect(heal.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(2);

    const drift = setup({ automated: {} }).s;
    scale(drift, 5);
    drift.advance(10 * 60 * SECOND);
    expect(drift.get('Deployment', 'default', 'web')?.spec?.replicas).toBe(5);
    expect(drift.app('shop').status?.sync?.status).toBe('OutOfSync');
  });

  it('prunes only when prune is on', () => {
    const keep = setup({ automated: {} });
    keep.git.commit(REPO, files(2, 'nginx:1.27', false));
    keep.s.advance(180 * SECOND);
    expect(keep.s.get('Service', 'default', 'web')).toBeDefined();
    const status = keep.s.app('shop').status!;
    expect(status.sync?.status).toBe('OutOfSync');
    expect(status.resources?.find((r) => r.kind === 'Service')).toMatchObject({
      status: 'OutOfSync',
      requiresPruning: true,
    });

    const prune = setup({ automated: { prune: true } });
    prune.git.commit(REPO, files(2, 'nginx:1.27', false));
    prune.s.advance(180 * SECOND);
    expect(prune.s.get('Service', 'default', 'web')).toBeUndefined();
    const after = prune.s.app('shop').status!;
    expect(after.sync?.status).toBe('Synced');
    expect(
      after.operationState?.syncResult?.resources?.find((r) => r.kind === 'Service'),
    ).toMatchObject({ status: 'Pruned', message: 'pruned' });
  });

  it('creates the destination namespace with CreateNamespace=true, fails without it', () => {
    const without = setup(undefined, { namespace: 'shop' }).s;
    sync(without);
    const failed = without.app('shop').status!.operationState!;
    expect(failed.phase).toBe('Failed');
    expect(failed.syncResult?.resources?.[0]?.message).toBe('namespaces "shop" not found');
    expect(without.get('Namespace', undefined, 'shop')).toBeUndefined();
    expect(without.get('Deployment', 'shop', 'web')).toBeUndefined();

    const ns = setup(
      { automated: {}, syncOptions: ['CreateNamespace=true'] },
      { namespace: 'shop' },
    ).s;
    expect(ns.get('Namespace', undefined, 'shop')).toBeDefined();
    expect(ns.get('Deployment', 'shop', 'web')).toBeDefined();
    expect(ns.app('shop').status?.operationState?.syncResult?.resources?.[0]).toMatchObject({
      kind: 'Namespace',
      name: 'shop',
      message: 'namespace/shop created',
      syncPhase: 'PreSync',
    });
  });

  it('rolls back to a history revision', () => {
    const { s, git, sha } = setup({});
    sync(s);
    git.commit(REPO, files(2, 'nginx:1.26'));
    s.advance(180 * SECOND);
    sync(s);
    expect(s.get('Deployment', 'default', 'web')?.spec?.template?.spec?.containers[0]?.image).toBe(
      'nginx:1.26',
    );
    sync(s, { revision: sha });
    expect(s.get('Deployment', 'default', 'web')?.spec?.template?.spec?.containers[0]?.image).toBe(
      'nginx:1.27',
    );
    const app = s.app('shop');
    expect(app.status?.history?.map((h) => h.id)).toEqual([0, 1, 2]);
    expect(app.status?.history?.at(-1)?.revision).toBe(sha);
    // The spec still follows HEAD, which now differs from what runs.
    expect(app.status?.sync?.status).toBe('OutOfSync');
  });

  it('refuses to sync a kind the cluster does not serve, in Argo CD words', () => {
    const { s, git } = setup();
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec: {}
`;
    git.commit(REPO, { ...files(), 'app/ingress.yaml': ingress });
    s.advance(180 * SECOND);
    sync(s);
    const op = s.app('shop').status!.operationState!;
    expect(op.phase).toBe('Failed');
    expect(op.message).toBe('one or more synchronization tasks are not valid');
    expect(op.syncResult?.resources).toEqual([
      {
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'Ingress',
        namespace: 'default',
        name: 'web',
        status: 'SyncFailed',
        message:
          'The Kubernetes API could not find networking.k8s.io/Ingress for requested resource default/web. Make sure the "Ingress" CRD is installed on the destination cluster.',
        syncPhase: 'Sync',
      },
    ]);
    expect(s.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('changes nothing on a dry run', () => {
    const { s } = setup();
    sync(s, { dryRun: true });
    expect(s.get('Deployment', 'default', 'web')).toBeUndefined();
    const app = s.app('shop');
    expect(app.status?.operationState?.syncResult?.resources?.map((r) => r.message)).toEqual([
      'service/web created (dry run)',
      'deployment.apps/web created (dry run)',
    ]);
    expect(app.status?.history).toBeUndefined();
    expect(app.status?.sync?.status).toBe('OutOfSync');
  });

  it('keeps revisionHistoryLimit entries', () => {
    const { s } = setup();
    s.editApp('shop', (app) => ({ ...app, spec: { ...app.spec, revisionHistoryLimit: 2 } }));
    for (let i = 0; i < 4; i++) sync(s);
    expect(s.app('shop').status?.history?.map((h) => h.id)).toEqual([2, 3]);
  });

  it('reports a missing path as a ComparisonError in Argo CD words', () => {
    const { s } = setup(undefined, { path: 'nope' });
    const status = s.app('shop').status!;
    expect(status.sync?.status).toBe('Unknown');
    expect(status.conditions).toEqual([
      {
        type: 'ComparisonError',
        message:
          'Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = nope: app path does not exist',
        lastTransitionTime: rfc3339(s.now),
      },
    ]);
  });

  it('sees a field dropped from Git as drift, and reads sub-folders only with recurse', () => {
    const { s, git } = setup();
    sync(s);
    const withoutType = SERVICE_YAML.replace('  type: LoadBalancer\n', '');
    git.commit(REPO, { ...files(), 'app/service.yaml': withoutType, 'app/extra/cm.yaml': CM_YAML });
    s.advance(180 * SECOND);
    const status = s.app('shop').status!;
    expect(status.resources?.find((r) => r.kind === 'Service')?.status).toBe('OutOfSync');
    expect(status.resources?.some((r) => r.kind === 'ConfigMap')).toBe(false);

    s.editApp('shop', (app) => ({
      ...app,
      spec: { ...app.spec, source: { ...app.spec!.source!, directory: { recurse: true } } },
    }));
    expect(s.app('shop').status?.resources?.find((r) => r.kind === 'ConfigMap')).toMatchObject({
      name: 'settings',
      status: 'OutOfSync',
    });
    sync(s);
    expect(s.get('Service', 'default', 'web')?.spec?.type).toBe('ClusterIP');
    expect(s.get('ConfigMap', 'default', 'settings')?.data).toEqual({ mode: 'dark' });
    expect(s.app('shop').status?.sync?.status).toBe('Synced');
  });

  it('manages Applications from Git like any manifest (app of apps)', () => {
    const git = new FakeGit();
    const child = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: app
  destination:
    server: https://kubernetes.default.svc
    namespace: default
  syncPolicy:
    automated: {}
`;
    git.commit(REPO, { ...files(), 'apps/shop.yaml': child });
    const s = new Sim(git);
    s.install();
    s.advance(60 * SECOND);
    s.apply(
      {
        ...application({ automated: {} }, { path: 'apps', namespace: 'argocd' }),
        metadata: { name: 'root', namespace: 'argocd' },
      },
      'argocd',
    );
    s.advance(5 * SECOND);
    expect(s.app('shop').metadata?.labels?.[INSTANCE_LABEL]).toBe('root');
    expect(s.get('Deployment', 'default', 'web')).toBeDefined();
    expect(s.app('root').status?.resources).toEqual([
      {
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'Application',
        namespace: 'argocd',
        name: 'shop',
        status: 'Synced',
      },
    ]);
  });

  it('deletes the resources of an app deleted with the resources finalizer', () => {
    const { s } = setup({ automated: {} }, { finalizer: true });
    expect(s.get('Deployment', 'default', 'web')).toBeDefined();
    s.run((tx) => tx.remove('Application', 'argocd', 'shop'));
    s.advance(60 * SECOND);
    expect(s.get('Deployment', 'default', 'web')).toBeUndefined();
    expect(s.get('Service', 'default', 'web')).toBeUndefined();
  });
});
