// Running an Application's operation, as argo-cd's processRequestedAppOperation does
// (controller/appcontroller.go, v2.11): the operation state goes Running, the sync runs, and a
// failed sync with a retry strategy is tried again after a growing back-off
// (RetryStrategy.NextRetryAt in pkg/apis/application/v1alpha1/types.go).
import { clone, deepEqual } from '../k8s/controllers/util';
import type { Tx } from '../k8s/store';
import type { KubeObject } from '../k8s/types';
import { MINUTE, parseDuration, parseTime, rfc3339, SECOND } from '../time';
import { completedEvent } from './appevents';
import { runSync } from './sync';
import type { Application, ApplicationStatus, OperationState, SyncPolicy } from './types';

/** How long a sync takes from being picked up (Running) to its tasks' results. */
export const OPERATION_DURATION = 1 * SECOND;

/** DefaultSyncRetryDuration, DefaultSyncRetryFactor and DefaultSyncRetryMaxDuration. */
const RETRY_DURATION = 5 * SECOND;
const RETRY_FACTOR = 2;
const RETRY_MAX = 3 * MINUTE;

function nextRetryAt(retry: SyncPolicy['retry'], lastAttempt: number, count: number): number {
  const duration = parseDuration(retry?.backoff?.duration ?? '') ?? RETRY_DURATION;
  const max = parseDuration(retry?.backoff?.maxDuration ?? '') ?? RETRY_MAX;
  const factor = retry?.backoff?.factor ?? RETRY_FACTOR;
  let wait = duration * factor ** count;
  if (max > 0) wait = Math.min(max, wait);
  return lastAttempt + wait;
}

/** Go's time.Kitchen layout ("3:04PM"), in the controller's UTC. */
function kitchen(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const m = String(d.getUTCMinutes()).padStart(2, '0');
  return `${h % 12 || 12}:${m}${h < 12 ? 'AM' : 'PM'}`;
}

export interface OperationStep {
  app: Application;
  status: ApplicationStatus;
  /** The operation finished (the app is then refreshed from Git). */
  completed: boolean;
  /** When the operation wants to be looked at again. */
  wakeAt?: number;
}

/** One step of `app.operation`; the app must have one. */
export function processOperation(
  tx: Tx,
  app: Application,
  live: () => KubeObject[],
  write: (before: Application, next: Application) => Application,
): OperationStep {
  const op = app.operation!;
  const now = tx.now;
  let status: ApplicationStatus = clone(app.status ?? {});
  const state = status.operationState;
  if (!state || state.phase !== 'Running' || !deepEqual(state.operation, op)) {
    status = {
      ...status,
      operationState: { operation: op, phase: 'Running', startedAt: rfc3339(now) },
    };
    const written = write(app, { ...app, status });
    return { app: written, status, completed: false, wakeAt: now + OPERATION_DURATION };
  }
  const startedAt = parseTime(state.startedAt) ?? now;
  const count = state.retryCount ?? 0;
  const finished = parseTime(state.finishedAt);
  const runAt =
    finished === undefined
      ? startedAt + OPERATION_DURATION
      : nextRetryAt(op.retry, finished, count);
  if (now < runAt) return { app, status, completed: false, wakeAt: runAt };

  const { state: done, history } = runSync(tx, { app, live: live(), startedAt });
  let final: OperationState = { ...done, ...(count > 0 && { retryCount: count }) };
  if (done.phase === 'Failed' || done.phase === 'Error') {
    const limit = op.retry?.limit ?? 0;
    if (count < limit || limit < 0) {
      const retryAt = nextRetryAt(op.retry, now, count);
      final = {
        ...final,
        phase: 'Running',
        retryCount: count + 1,
        message: `${done.message ?? ''}. Retrying attempt #${count + 1} at ${kitchen(retryAt)}.`,
      };
      status = { ...status, operationState: final };
      const written = write(app, { ...app, status });
      return {
        app: written,
        status,
        completed: false,
        wakeAt: nextRetryAt(op.retry, now, count + 1),
      };
    }
    if (count > 0) final = { ...final, message: `${done.message ?? ''} (retried ${count} times).` };
  }
  status = { ...status, operationState: final, ...(history && { history }) };
  const written = write(app, { ...app, operation: undefined, status });
  completedEvent(tx, written, final);
  return { app: written, status, completed: true };
}
