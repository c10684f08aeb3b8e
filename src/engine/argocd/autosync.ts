// Automated sync as argo-cd's controller/appcontroller.go autoSync decides it: only when
// OutOfSync, never twice for the same revision and source (so a failed revision is not retried),
// and for self-heal only once controller.self.heal.timeout.seconds have passed since the last
// sync finished.
import { deepEqual } from '../k8s/controllers/util';
import { parseTime, SECOND } from '../time';
import type { Application, ApplicationStatus, Operation } from './types';

/** controller.self.heal.timeout.seconds' default. */
export const SELF_HEAL_TIMEOUT = 5 * SECOND;

/** autoSync: the operation to start, a condition to report, or a time to look again. */
export function autoSync(
  app: Application,
  status: ApplicationStatus,
  now: number,
): { operation?: Operation; condition?: { type: string; message: string }; retryAt?: number } {
  const automated = app.spec?.syncPolicy?.automated;
  if (!automated || app.operation || app.metadata?.deletionTimestamp) return {};
  if (status.sync?.status !== 'OutOfSync') return {};
  const resources = status.resources ?? [];
  if (!automated.prune && resources.every((r) => r.status === 'Synced' || r.requiresPruning))
    return {};
  const revision = status.sync.revision ?? '';
  const last = status.operationState;
  const attempted =
    !!last?.operation.sync &&
    !!last.syncResult &&
    last.syncResult.revision === revision &&
    deepEqual(
      { ...app.spec?.source, targetRevision: undefined },
      { ...last.syncResult.source, targetRevision: undefined },
    );
  const successful = last?.phase === 'Succeeded';
  const operation: Operation = {
    sync: {
      revision,
      prune: automated.prune ?? false,
      ...(app.spec?.syncPolicy?.syncOptions && { syncOptions: app.spec.syncPolicy.syncOptions }),
    },
    initiatedBy: { automated: true },
    retry: app.spec?.syncPolicy?.retry ?? { limit: 5 },
  };
  if (attempted && (!automated.selfHeal || !successful)) {
    if (!successful)
      return {
        condition: {
          type: 'SyncError',
          message: `Failed sync attempt to ${revision}: ${last?.message ?? ''}`,
        },
      };
    return {};
  }
  if (attempted && automated.selfHeal) {
    const finished = parseTime(last?.finishedAt);
    const due = finished === undefined ? now + SELF_HEAL_TIMEOUT : finished + SELF_HEAL_TIMEOUT;
    if (due > now) return { retryAt: due };
    operation.sync!.resources = resources
      .filter((r) => r.status !== 'Synced')
      .map((r) => ({ ...(r.group && { group: r.group }), kind: r.kind, name: r.name }));
  }
  if (automated.prune && !automated.allowEmpty && resources.every((r) => r.requiresPruning))
    return {
      condition: {
        type: 'SyncError',
        message: `Skipping sync attempt to ${revision}: auto-sync will wipe out all resources`,
      },
    };
  return { operation };
}
