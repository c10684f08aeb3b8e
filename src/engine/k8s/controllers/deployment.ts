// The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template,
// rolling updates within maxSurge / maxUnavailable, Recreate, revisions, history cleanup,
// progress deadlines, pausing and proportional scaling.
import { controllerRef, create, remove } from '../apiserver';
import { recordEvent } from '../events';
import type { Controller, Tx } from '../store';
import type { Deployment, ReplicaSet } from '../types';
import * as u from './deploymentutil';
import type { Status } from './deploymentstatus';
import {
  calculateStatus,
  condition,
  getCondition,
  hasProgressDeadline,
  isComplete,
  isProgressing,
  isTimedOut,
  removeCondition,
  setCondition,
} from './deploymentstatus';
import { clone, both, controllerOf, ownerKey, putIfChanged, selfKey } from './util';
import { keyOf } from '../store';

const SOURCE = { component: 'deployment-controller' };
const NAME = 'deployment';

interface Ctx {
  tx: Tx;
  d: Deployment;
  ns: string;
}

function refresh(c: Ctx): Deployment {
  c.d = c.tx.get('Deployment', c.ns, c.d.metadata?.name ?? '') ?? c.d;
  return c.d;
}

function scaleRS(c: Ctx, rs: ReplicaSet, replicas: number): ReplicaSet {
  const { tx, d } = c;
  const { surge } = u.surgeAndUnavailable(d);
  const desired = String(d.spec?.replicas ?? 1);
  const max = String((d.spec?.replicas ?? 1) + surge);
  const old = rs.spec?.replicas ?? 0;
  const annotations = rs.metadata?.annotations ?? {};
  const annotationsStale =
    annotations[u.DESIRED_REPLICAS] !== desired || annotations[u.MAX_REPLICAS] !== max;
  if (old === replicas && !annotationsStale) return rs;
  const next = tx.put('ReplicaSet', {
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations: { ...annotations, [u.DESIRED_REPLICAS]: desired, [u.MAX_REPLICAS]: max },
      generation: (rs.metadata?.generation ?? 1) + (old === replicas ? 0 : 1),
    },
    spec: { ...rs.spec!, replicas },
  });
  if (old !== replicas) {
    const op = old < replicas ? 'up' : 'down';
    recordEvent(
      tx,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${op} replica set ${rs.metadata?.name} from ${old} to ${replicas}`,
      SOURCE,
    );
  }
  return next;
}

/** SetNewReplicaSetAnnotations: the Deployment's annotations and the new revision number. */
function newRSAnnotations(
  d: Deployment,
  rs: ReplicaSet | undefined,
  revision: number,
): Record<string, string> {
  const current = rs?.metadata?.annotations ?? {};
  const out: Record<string, string> = { ...current, ...u.copiedAnnotations(d) };
  const old = Number(current[u.REVISION] ?? '0');
  if (old < revision) {
    out[u.REVISION] = String(revision);
    if (old > 0) {
      const history = current[u.REVISION_HISTORY];
      out[u.REVISION_HISTORY] = history ? `${history},${old}` : String(old);
    }
  }
  return out;
}

function setDeploymentRevision(c: Ctx, revision: string): void {
  if (c.d.metadata?.annotations?.[u.REVISION] === revision) return;
  c.d = c.tx.put('Deployment', {
    ...c.d,
    metadata: {
      ...c.d.metadata,
      annotations: { ...c.d.metadata?.annotations, [u.REVISION]: revision },
    },
  });
}

function updateStatus(c: Ctx, status: Status): void {
  c.d = putIfChanged(c.tx, 'Deployment', c.d, { ...c.d, status });
}

/** getAllReplicaSetsAndSyncRevision: finds (and maybe creates) the new ReplicaSet. */
function replicaSets(
  c: Ctx,
  createIfMissing: boolean,
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const { tx, ns } = c;
  const all = tx
    .ownedBy('ReplicaSet', ns, c.d.metadata?.uid ?? '')
    .filter((rs) => controllerOf(rs)?.uid === c.d.metadata?.uid);
  const matching = all
    .filter((rs) => u.sameTemplate(rs.spec?.template, c.d.spec?.template))
    .sort(u.byCreation);
  let newRS = matching[0];
  const oldRSs = all.filter((rs) => rs !== newRS);
  const revision = u.maxRevision(oldRSs) + 1;
  const hasDeadline = hasProgressDeadline(c.d);
  if (newRS) {
    const annotations = newRSAnnotations(c.d, newRS, revision);
    if (
      JSON.stringify(annotations) !== JSON.stringify(newRS.metadata?.annotations ?? {}) ||
      newRS.spec?.minReadySeconds !== c.d.spec?.minReadySeconds
    ) {
      newRS = tx.put('ReplicaSet', {
        ...newRS,
        metadata: { ...newRS.metadata, annotations },
        spec: { ...newRS.spec!, minReadySeconds: c.d.spec?.minReadySeconds },
      });
    }
    setDeploymentRevision(c, newRS.metadata?.annotations?.[u.REVISION] ?? String(revision));
    if (hasDeadline && !getCondition(c.d.status, 'Progressing')) {
      updateStatus(
        c,
        setCondition(
          c.d.status ?? {},
          condition(
            tx,
            'Progressing',
            'True',
            'FoundNewReplicaSet',
            `Found new replica set "${newRS.metadata?.name}"`,
          ),
        ),
      );
    }
    return { newRS, oldRSs };
  }
  if (!createIfMissing) return { newRS: undefined, oldRSs };

  const hash = u.templateHash(c.d.spec?.template, c.d.status?.collisionCount ?? 0);
  const template = clone(c.d.spec?.template ?? {});
  const labels = { ...template.metadata?.labels, [u.HASH_LABEL]: hash };
  template.metadata = { ...template.metadata, labels };
  const selector = {
    ...c.d.spec?.selector,
    matchLabels: { ...c.d.spec?.selector?.matchLabels, [u.HASH_LABEL]: hash },
  };
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${c.d.metadata?.name}-${hash}`,
      namespace: ns,
      labels,
      ownerReferences: [controllerRef(c.d)],
    },
    spec: { replicas: 0, minReadySeconds: c.d.spec?.minReadySeconds, selector, template },
  };
  const replicas =
    c.d.spec?.strategy?.type === 'Recreate' ? 0 : newRSReplicas(c.d, [...oldRSs, draft], draft);
  const { surge } = u.surgeAndUnavailable(c.d);
  draft.spec = { ...draft.spec!, replicas };
  draft.metadata = {
    ...draft.metadata,
    annotations: {
      ...newRSAnnotations(c.d, undefined, revision),
      [u.DESIRED_REPLICAS]: String(c.d.spec?.replicas ?? 1),
      [u.MAX_REPLICAS]: String((c.d.spec?.replicas ?? 1) + surge),
    },
  };
  const created = create(tx, 'ReplicaSet', draft);
  if ('ok' in created) {
    // A ReplicaSet of that name exists with another template: a hash collision.
    const status = c.d.status ?? {};
    updateStatus(c, { ...status, collisionCount: (status.collisionCount ?? 0) + 1 });
    tx.enqueue(NAME, ns, c.d.metadata?.name ?? '');
    return { newRS: undefined, oldRSs };
  }
  if (replicas > 0) {
    recordEvent(
      tx,
      c.d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata?.name} from 0 to ${replicas}`,
      SOURCE,
    );
  }
  setDeploymentRevision(c, String(revision));
  if (hasDeadline) {
    updateStatus(
      c,
      setCondition(
        c.d.status ?? {},
        condition(
          tx,
          'Progressing',
          'True',
          'NewReplicaSetCreated',
          `Created new replica set "${created.metadata?.name}"`,
        ),
      ),
    );
  }
  return { newRS: created, oldRSs };
}

/** NewRSNewReplicas for rolling updates: how far the new ReplicaSet may grow now. */
function newRSReplicas(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet): number {
  const replicas = d.spec?.replicas ?? 1;
  const current = newRS.spec?.replicas ?? 0;
  const { surge } = u.surgeAndUnavailable(d);
  const total = u.specReplicas(all);
  const maxTotal = replicas + surge;
  if (total >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - total, replicas - current));
}

function reconcileNewRS(c: Ctx, all: ReplicaSet[], newRS: ReplicaSet): boolean {
  const replicas = c.d.spec?.replicas ?? 1;
  const current = newRS.spec?.replicas ?? 0;
  if (current === replicas) return false;
  if (current > replicas) {
    scaleRS(c, newRS, replicas);
    return true;
  }
  const want = newRSReplicas(c.d, all, newRS);
  if (want === current) return false;
  scaleRS(c, newRS, want);
  return true;
}

function reconcileOldRSs(
  c: Ctx,
  all: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
): boolean {
  const oldCount = u.specReplicas(oldRSs);
  if (oldCount === 0) return false;
  const replicas = c.d.spec?.replicas ?? 1;
  const { unavailable } = u.surgeAndUnavailable(c.d);
  const minAvailable = replicas - unavailable;
  const newUnavailable = (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = u.specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;

  // First get rid of old pods that are not available anyway (cleanupUnhealthyReplicas).
  let cleaned = 0;
  const olds = [...oldRSs].sort(u.byCreation).map((rs) => {
    if (cleaned >= maxScaledDown) return rs;
    const spec = rs.spec?.replicas ?? 0;
    const unhealthy = spec - (rs.status?.availableReplicas ?? 0);
    if (spec === 0 || unhealthy <= 0) return rs;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    cleaned += down;
    return scaleRS(c, rs, spec - down);
  });

  // Then scale down old ReplicaSets as far as availability allows, oldest first.
  const allNow = [...olds, newRS];
  const available = u.statusSum(allNow, 'availableReplicas');
  let scaledDown = 0;
  if (available > minAvailable) {
    const budget = available - minAvailable;
    for (const rs of olds) {
      if (scaledDown >= budget) break;
      const spec = rs.spec?.replicas ?? 0;
      if (spec === 0) continue;
      const down = Math.min(spec, budget - scaledDown);
      scaleRS(c, rs, spec - down);
      scaledDown += down;
    }
  }
  return cleaned + scaledDown > 0;
}

/** syncRolloutStatus (progress.go): counts, then the Progressing condition, then a requeue. */
function syncRolloutStatus(c: Ctx, all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  const { tx, d } = c;
  let status = calculateStatus(c.tx, c.d, all, newRS);
  const hasDeadline = hasProgressDeadline(d);
  if (!hasDeadline) status = removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const completeAlready =
    status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
  const rsName = newRS?.metadata?.name;
  if (hasDeadline && !completeAlready) {
    if (isComplete(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has successfully progressed.`
        : `Deployment "${d.metadata?.name}" has successfully progressed.`;
      status = setCondition(
        status,
        condition(tx, 'Progressing', 'True', 'NewReplicaSetAvailable', msg),
      );
    } else if (isProgressing(d, status)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" is progressing.`
        : `Deployment "${d.metadata?.name}" is progressing.`;
      let cond = condition(tx, 'Progressing', 'True', 'ReplicaSetUpdated', msg);
      if (current) {
        if (current.status === 'True')
          cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
        status = removeCondition(status, 'Progressing');
      }
      status = setCondition(status, cond);
    } else if (isTimedOut(d, status, tx.now)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has timed out progressing.`
        : `Deployment "${d.metadata?.name}" has timed out progressing.`;
      status = setCondition(
        status,
        condition(tx, 'Progressing', 'False', 'ProgressDeadlineExceeded', msg),
      );
    }
  }
  updateStatus(c, status);
  requeueStuckDeployment(c);
}

/**
 * requeueStuckDeployment: a rollout that has not finished nor timed out is looked at again one
 * second after its deadline (lastUpdateTime + progressDeadlineSeconds), when DeploymentTimedOut
 * can tell. Any progress before then moves lastUpdateTime and with it the wake-up.
 */
function requeueStuckDeployment(c: Ctx): void {
  const { tx, d, ns } = c;
  const name = d.metadata?.name ?? '';
  const cond = getCondition(d.status, 'Progressing');
  if (
    !hasProgressDeadline(d) ||
    !cond ||
    cond.reason === 'ProgressDeadlineExceeded' ||
    cond.reason === 'NewReplicaSetAvailable' ||
    isComplete(d, d.status ?? {})
  ) {
    tx.cancelWake(NAME, ns, name);
    return;
  }
  const due = Date.parse(cond.lastUpdateTime ?? '') + (d.spec?.progressDeadlineSeconds ?? 0) * 1000;
  tx.wakeAt(NAME, ns, name, Math.max(due, tx.now) + 1000);
}

/**
 * checkPausedConditions (sync.go): pausing sets Progressing Unknown/DeploymentPaused, resuming
 * Unknown/DeploymentResumed, whose fresh lastUpdateTime restarts the deadline. A deadline
 * already exceeded is left as it is.
 */
function checkPausedConditions(c: Ctx): void {
  if (!hasProgressDeadline(c.d)) return;
  const cond = getCondition(c.d.status, 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return;
  const pausedCondExists = cond?.reason === 'DeploymentPaused';
  if (c.d.spec?.paused && !pausedCondExists) {
    updateStatus(
      c,
      setCondition(
        c.d.status ?? {},
        condition(c.tx, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused'),
      ),
    );
  } else if (!c.d.spec?.paused && pausedCondExists) {
    updateStatus(
      c,
      setCondition(
        c.d.status ?? {},
        condition(c.tx, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed'),
      ),
    );
  }
}

/** cleanupDeployment: keep at most revisionHistoryLimit old, empty ReplicaSets. */
function cleanup(c: Ctx, oldRSs: ReplicaSet[]): void {
  const limit = c.d.spec?.revisionHistoryLimit ?? 10;
  const empty = oldRSs
    .filter(
      (rs) =>
        (rs.spec?.replicas ?? 0) === 0 &&
        (rs.status?.replicas ?? 0) === 0 &&
        !rs.metadata?.deletionTimestamp,
    )
    .sort((a, b) => u.revisionOf(a) - u.revisionOf(b) || u.byCreation(a, b));
  const excess = empty.length - limit;
  for (let i = 0; i < excess; i++) remove(c.tx, 'ReplicaSet', c.ns, empty[i]?.metadata?.name ?? '');
}

function isScalingEvent(c: Ctx, all: ReplicaSet[]): boolean {
  const want = String(c.d.spec?.replicas ?? 1);
  return all.some(
    (rs) =>
      (rs.spec?.replicas ?? 0) > 0 &&
      rs.metadata?.annotations?.[u.DESIRED_REPLICAS] !== undefined &&
      rs.metadata.annotations[u.DESIRED_REPLICAS] !== want,
  );
}

/** dc.scale: resize without starting a rollout, proportionally when several ReplicaSets are active. */
function scaleOnly(c: Ctx, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const replicas = c.d.spec?.replicas ?? 1;
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (active.length <= 1) {
    const target = active[0] ?? newRS ?? [...oldRSs].sort(u.byCreation).at(-1);
    if (target) scaleRS(c, target, replicas);
    return;
  }
  if (
    newRS &&
    (newRS.spec?.replicas ?? 0) === replicas &&
    (newRS.status?.availableReplicas ?? 0) === replicas
  ) {
    for (const rs of oldRSs) if ((rs.spec?.replicas ?? 0) > 0) scaleRS(c, rs, 0);
    return;
  }
  if (c.d.spec?.strategy?.type !== 'RollingUpdate') return;
  const { surge } = u.surgeAndUnavailable(c.d);
  const allowed = replicas + surge;
  const current = u.specReplicas(active);
  let toAdd = allowed - current;
  if (toAdd === 0) return;
  const sorted = [...active].sort((a, b) => (toAdd > 0 ? u.byCreation(b, a) : u.byCreation(a, b)));
  const sizes = new Map(sorted.map((rs) => [rs, rs.spec?.replicas ?? 0]));
  let added = 0;
  for (const rs of sorted) {
    const share = Math.trunc(((rs.spec?.replicas ?? 0) * toAdd) / current);
    const clamped = Math.max(-(rs.spec?.replicas ?? 0), share);
    sizes.set(rs, (rs.spec?.replicas ?? 0) + clamped);
    added += clamped;
  }
  toAdd -= added;
  const first = sorted[0];
  if (first && toAdd !== 0) sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + toAdd));
  for (const [rs, size] of sizes) scaleRS(c, rs, size);
}

function sync(c: Ctx): void {
  const { newRS, oldRSs } = replicaSets(c, false);
  scaleOnly(c, newRS, oldRSs);
  const fresh = freshSets(c);
  if (c.d.spec?.paused) cleanup(c, fresh.oldRSs);
  const all = [...(fresh.newRS ? [fresh.newRS] : []), ...fresh.oldRSs];
  updateStatus(c, calculateStatus(c.tx, c.d, all, fresh.newRS));
}

function freshSets(c: Ctx): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  refresh(c);
  return replicaSets(c, false);
}

function rolloutRolling(c: Ctx): void {
  const { newRS, oldRSs } = replicaSets(c, true);
  if (!newRS) return;
  const all = [...oldRSs, newRS];
  if (reconcileNewRS(c, all, newRS)) {
    const f = freshSets(c);
    syncRolloutStatus(c, [...f.oldRSs, ...(f.newRS ? [f.newRS] : [])], f.newRS);
    return;
  }
  if (
    reconcileOldRSs(
      c,
      all,
      oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0),
      newRS,
    )
  ) {
    const f = freshSets(c);
    syncRolloutStatus(c, [...f.oldRSs, ...(f.newRS ? [f.newRS] : [])], f.newRS);
    return;
  }
  if (isComplete(c.d, c.d.status ?? {})) cleanup(c, oldRSs);
  syncRolloutStatus(c, all, newRS);
}

function rolloutRecreate(c: Ctx): void {
  let { newRS, oldRSs } = replicaSets(c, false);
  const activeOld = oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (activeOld.length > 0) {
    for (const rs of activeOld) scaleRS(c, rs, 0);
    const f = freshSets(c);
    syncRolloutStatus(c, [...f.oldRSs, ...(f.newRS ? [f.newRS] : [])], f.newRS);
    return;
  }
  const oldPodsRunning = oldRSs.some(
    (rs) =>
      (rs.status?.replicas ?? 0) > 0 ||
      c.tx.ownedBy('Pod', c.ns, rs.metadata?.uid ?? '').length > 0,
  );
  if (oldPodsRunning) {
    syncRolloutStatus(c, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
    return;
  }
  if (!newRS) ({ newRS, oldRSs } = replicaSets(c, true));
  if (!newRS) return;
  newRS = scaleRS(c, newRS, c.d.spec?.replicas ?? 1);
  if (isComplete(c.d, c.d.status ?? {})) cleanup(c, oldRSs);
  syncRolloutStatus(c, [...oldRSs, newRS], newRS);
}

export const deploymentController: Controller = {
  name: NAME,
  manager: 'kube-controller-manager',
  watches: {
    Deployment: (_tx, a, b) => both(selfKey, a, b),
    ReplicaSet: (_tx, a, b) => both((o) => ownerKey(o, 'Deployment'), a, b),
    // Recreate waits for the old pods to be gone.
    Pod: (tx, a, b) => {
      const pod = a ?? b;
      if (a && b) return [];
      const rsRef = controllerOf(pod);
      if (!pod || rsRef?.kind !== 'ReplicaSet') return [];
      const rs = tx.get('ReplicaSet', pod.metadata?.namespace, rsRef.name);
      const dRef = controllerOf(rs);
      return dRef?.kind === 'Deployment' ? [keyOf(pod.metadata?.namespace ?? '', dRef.name)] : [];
    },
  },
  reconcile(tx, ns, name) {
    const d = tx.get('Deployment', ns, name);
    if (!d || d.metadata?.deletionTimestamp) return;
    const c: Ctx = { tx, d, ns };
    const everything = tx.ownedBy('ReplicaSet', ns, d.metadata?.uid ?? '');
    checkPausedConditions(c);
    if (d.spec?.paused) {
      sync(c);
      return;
    }
    if (isScalingEvent(c, everything)) {
      sync(c);
      return;
    }
    if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(c);
    else rolloutRolling(c);
  },
};
