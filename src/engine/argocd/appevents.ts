// The events Argo CD's audit logger records on an Application (util/argo/audit_logger.go), from
// controller/appcontroller.go: persistAppStatus, setOperationState and autoSync.
import { recordEvent } from '../k8s/events';
import type { Tx } from '../k8s/store';
import type { Application, ApplicationStatus, Operation, OperationState } from './types';

const EVENT_SOURCE = { component: 'argocd-application-controller' };

export function completedEvent(tx: Tx, app: Application, state: OperationState): void {
  const partial = (state.operation.sync?.resources?.length ?? 0) > 0;
  const words = [partial ? 'Partial sync operation' : 'Sync operation'];
  if (state.syncResult) words.push('to', state.syncResult.revision);
  const ok = state.phase === 'Succeeded';
  if (ok) words.push('succeeded');
  else words.push('failed:', state.message ?? '');
  recordEvent(
    tx,
    app,
    ok ? 'Normal' : 'Warning',
    'OperationCompleted',
    words.join(' '),
    EVENT_SOURCE,
  );
}

/** persistAppStatus: sync and health changes are announced as ResourceUpdated events. */
export function statusEvents(tx: Tx, app: Application, next: ApplicationStatus): void {
  const was = app.status ?? {};
  const sync = [was.sync?.status ?? '', next.sync?.status ?? ''];
  if (sync[0] !== sync[1])
    recordEvent(
      tx,
      app,
      'Normal',
      'ResourceUpdated',
      `Updated sync status: ${sync[0]} -> ${sync[1]}`,
      EVENT_SOURCE,
    );
  const health = [was.health?.status ?? '', next.health?.status ?? ''];
  if (health[0] !== health[1])
    recordEvent(
      tx,
      app,
      'Normal',
      'ResourceUpdated',
      `Updated health status: ${health[0]} -> ${health[1]}`,
      EVENT_SOURCE,
    );
}

export function startedEvent(tx: Tx, app: Application, operation: Operation): void {
  const message = `Initiated automated sync to '${operation.sync?.revision ?? ''}'`;
  recordEvent(tx, app, 'Normal', 'OperationStarted', message, EVENT_SOURCE);
}
