// The Deployment controller's status arithmetic (pkg/controller/deployment/sync.go, progress.go
// and util): counts, the Available and Progressing conditions, and when a rollout is complete.
import { rfc3339 } from '../../time';
import type { Tx } from '../store';
import type { Deployment, ReplicaSet } from '../types';
import * as u from './deploymentutil';

export type Condition = NonNullable<NonNullable<Deployment['status']>['conditions']>[number];
export type Status = NonNullable<Deployment['status']>;

export function condition(
  tx: Tx,
  type: string,
  status: string,
  reason: string,
  message: string,
): Condition {
  const now = rfc3339(tx.now);
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** deploymentutil.SetDeploymentCondition: a changed condition moves to the end of the list. */
export function setCondition(status: Status, c: Condition): Status {
  const current = status.conditions?.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason) return status;
  const next =
    current && current.status === c.status
      ? { ...c, lastTransitionTime: current.lastTransitionTime }
      : c;
  return {
    ...status,
    conditions: [...(status.conditions ?? []).filter((x) => x.type !== c.type), next],
  };
}

export function removeCondition(status: Status, type: string): Status {
  return { ...status, conditions: (status.conditions ?? []).filter((x) => x.type !== type) };
}

export function getCondition(status: Status | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function calculateStatus(
  tx: Tx,
  d: Deployment,
  all: ReplicaSet[],
  newRS: ReplicaSet | undefined,
): Status {
  const replicas = d.spec?.replicas ?? 1;
  const available = u.statusSum(all, 'availableReplicas');
  const unavailable = Math.max(0, u.specReplicas(all) - available);
  const actual = u.statusSum(all, 'replicas');
  const updated = newRS ? (newRS.status?.replicas ?? 0) : 0;
  const ready = u.statusSum(all, 'readyReplicas');
  const maxUnavailable =
    d.spec?.strategy?.type === 'RollingUpdate' && replicas > 0
      ? u.surgeAndUnavailable(d).unavailable
      : 0;
  let status: Status = {
    ...(available ? { availableReplicas: available } : {}),
    ...(d.status?.collisionCount ? { collisionCount: d.status.collisionCount } : {}),
    conditions: [...(d.status?.conditions ?? [])],
    observedGeneration: d.metadata?.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(actual ? { replicas: actual } : {}),
    ...(unavailable ? { unavailableReplicas: unavailable } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
  };
  status =
    available >= replicas - maxUnavailable
      ? setCondition(
          status,
          condition(
            tx,
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.',
          ),
        )
      : setCondition(
          status,
          condition(
            tx,
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
          ),
        );
  return status;
}

/**
 * deploymentutil.HasProgressDeadline: a deadline is set and is not math.MaxInt32, the value that
 * means "never time out".
 */
export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec?.progressDeadlineSeconds;
  return seconds !== undefined && seconds !== 2147483647;
}

/**
 * deploymentutil.DeploymentTimedOut: no progress reported for progressDeadlineSeconds since the
 * Progressing condition's lastUpdateTime (strictly after it, at whole-second resolution). A
 * finished rollout never times out; one that already has stays timed out.
 */
export function isTimedOut(d: Deployment, s: Status, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  const from = Date.parse(c.lastUpdateTime ?? '');
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}

export function isComplete(d: Deployment, s: Status): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return (
    (s.updatedReplicas ?? 0) === replicas &&
    (s.replicas ?? 0) === replicas &&
    (s.availableReplicas ?? 0) === replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1)
  );
}

export function isProgressing(d: Deployment, s: Status): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}
