// A sync operation, as Argo CD's controller/sync.go and gitops-engine's sync_context.go run one:
// dry-run every task, then apply in kind order, prune what Git no longer has (only when asked),
// and record the outcome in operationState and (for a whole-app sync) the history.
import { create, isStatusError, remove } from '../k8s/apiserver';
import { applyManifest } from '../k8s/apply';
import type { Tx } from '../k8s/store';
import type { KubeObject } from '../k8s/types';
import { qualifiedResource } from '../k8s/types';
import { rfc3339 } from '../time';
import { desiredState, kindOf } from './compare';
import type { ResourceRef } from './manifests';
import { loadTarget, refKey, refOf } from './manifests';
import type { Application, OperationState, ResourceResult, RevisionHistory } from './types';

/** The field manager Argo CD's kubectl apply records. */
export const APPLY_MANAGER = 'argocd-controller';

/** gitops-engine sync_tasks.go kindOrder: what is applied first within a wave. */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

function byTaskOrder(a: ResourceRef, b: ResourceRef): number {
  return kindRank(a.kind) - kindRank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function hasSyncOption(app: Application, option: string): boolean {
  const options = [
    ...(app.spec?.syncPolicy?.syncOptions ?? []),
    ...(app.operation?.sync?.syncOptions ?? []),
  ];
  return options.includes(option);
}

/** The Namespace objects a sync with CreateNamespace=true makes first (its PreSync task). */
function createNamespace(tx: Tx, app: Application): ResourceResult | undefined {
  const ns = app.spec?.destination?.namespace;
  if (!ns || !hasSyncOption(app, 'CreateNamespace=true')) return undefined;
  if (tx.get('Namespace', undefined, ns)) return undefined;
  const previous = tx.manager;
  tx.manager = APPLY_MANAGER;
  const made = create(tx, 'Namespace', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  tx.manager = previous;
  return {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    namespace: ns,
    name: ns,
    status: isStatusError(made) ? 'SyncFailed' : 'Synced',
    message: isStatusError(made) ? made.message : `namespace/${ns} created`,
    syncPhase: 'PreSync',
    hookPhase: isStatusError(made) ? 'Failed' : 'Succeeded',
  };
}

export interface SyncInput {
  app: Application;
  /** Live objects carrying the app's tracking label (its managed resources). */
  live: KubeObject[];
  startedAt: number;
}

/** Runs the app's `operation.sync` and returns the finished operation state and history. */
export function runSync(
  tx: Tx,
  { app, live, startedAt }: SyncInput,
): { state: OperationState; history?: RevisionHistory[] } {
  const op = app.operation ?? {};
  const syncOp = op.sync ?? {};
  const source = syncOp.source ?? app.spec?.source ?? { repoURL: '' };
  const base: OperationState = {
    operation: op,
    phase: 'Running',
    startedAt: rfc3339(startedAt),
  };
  const finish = (s: Partial<OperationState>): OperationState => ({
    ...base,
    ...s,
    finishedAt: rfc3339(tx.now),
  });
  const target = loadTarget(tx.git, source, syncOp.revision);
  if (!target.ok)
    return { state: finish({ phase: 'Error', message: `ComparisonError: ${target.message}` }) };
  const revision = target.revision;
  const selected = syncOp.resources?.map((r) => refKey({ ...r, namespace: r.namespace ?? '' }));
  const isSelected = (r: ResourceRef) =>
    !selected || selected.includes(refKey(r)) || selected.includes(refKey({ ...r, namespace: '' }));

  const dryRun = syncOp.dryRun ?? false;
  const results: ResourceResult[] = [];
  const nsResult = dryRun ? undefined : createNamespace(tx, app);
  if (nsResult) results.push(nsResult);

  const desired = desiredState(tx, app, target.manifests);
  const tasks = desired
    .map((m) => ({ m, ref: refOf(m) }))
    .filter((t) => isSelected(t.ref))
    .sort((a, b) => byTaskOrder(a.ref, b.ref));

  // gitops-engine dry-runs every task first; one invalid task fails the sync before any apply.
  const invalid: ResourceResult[] = [];
  for (const t of tasks) {
    if (!kindOf(tx, t.m)) {
      // argo.AugmentSyncMsg's words for a kind the cluster does not serve.
      const { group, kind, namespace, name } = t.ref;
      const message = `The Kubernetes API could not find ${group}/${kind} for requested resource ${namespace}/${name}. Make sure the "${kind}" CRD is installed on the destination cluster.`;
      invalid.push({ ...t.ref, status: 'SyncFailed', message, syncPhase: 'Sync' });
      continue;
    }
    const r = applyManifest(tx, t.m, { manager: APPLY_MANAGER, dryRun: true });
    if (isStatusError(r))
      invalid.push({ ...t.ref, status: 'SyncFailed', message: r.message, syncPhase: 'Sync' });
  }
  const syncResult = (resources: ResourceResult[]) => ({
    resources: [...results, ...resources],
    revision,
    source,
  });
  if (invalid.length > 0)
    return {
      state: finish({
        phase: 'Failed',
        message: 'one or more synchronization tasks are not valid',
        syncResult: syncResult(invalid),
      }),
    };

  const applied: ResourceResult[] = [];
  const failures: string[] = [];
  for (const t of tasks) {
    const r = applyManifest(tx, t.m, { manager: APPLY_MANAGER, dryRun });
    if (isStatusError(r)) {
      failures.push(r.message);
      applied.push({
        ...t.ref,
        status: 'SyncFailed',
        message: r.message,
        syncPhase: 'Sync',
        hookPhase: 'Failed',
      });
      continue;
    }
    const res = qualifiedResource(r.object.kind as never);
    applied.push({
      ...t.ref,
      status: 'Synced',
      message: `${res}/${t.ref.name} ${r.action}${dryRun ? ' (dry run)' : ''}`,
      syncPhase: 'Sync',
      hookPhase: 'Running',
    });
  }

  const wanted = new Set(tasks.map((t) => refKey(t.ref)));
  const inGit = new Set(desired.map((m) => refKey(refOf(m))));
  const prune = syncOp.prune ?? false;
  for (const obj of live) {
    const ref = refOf(obj);
    if (inGit.has(refKey(ref)) || wanted.has(refKey(ref)) || !isSelected(ref)) continue;
    if (!prune) {
      applied.push({
        ...ref,
        status: 'PruneSkipped',
        message: 'ignored (requires pruning)',
        syncPhase: 'Sync',
      });
      continue;
    }
    if (!dryRun) {
      const previous = tx.manager;
      tx.manager = APPLY_MANAGER;
      remove(tx, obj.kind as never, ref.namespace, ref.name, { propagation: 'Background' });
      tx.manager = previous;
    }
    applied.push({
      ...ref,
      status: 'Pruned',
      message: dryRun ? 'pruned (dry run)' : 'pruned',
      syncPhase: 'Sync',
      hookPhase: 'Running',
    });
  }

  const failed = failures.length > 0 || nsResult?.status === 'SyncFailed';
  const state = finish(
    failed
      ? {
          phase: 'Failed',
          message: `one or more objects failed to apply, reason: ${failures.join(',')}`,
          syncResult: syncResult(applied),
        }
      : {
          phase: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          syncResult: syncResult(applied),
        },
  );
  if (failed || syncOp.dryRun || syncOp.resources?.length) return { state };
  const history = [...(app.status?.history ?? [])];
  const last = history.at(-1);
  history.push({
    id: last ? last.id + 1 : 0,
    revision,
    deployedAt: rfc3339(tx.now),
    deployStartedAt: rfc3339(startedAt),
    source,
    ...(op.initiatedBy && { initiatedBy: op.initiatedBy }),
  });
  const limit = app.spec?.revisionHistoryLimit ?? 10;
  return { state, history: history.slice(Math.max(0, history.length - limit)) };
}
