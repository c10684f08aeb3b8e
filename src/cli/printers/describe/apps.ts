// `kubectl describe deployment` and `kubectl describe replicaset`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeDeployment,
// printReplicaSetsByLabels, describeReplicaSet, getPodStatusForController;
// staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go (GetAllReplicaSetsInChunks:
// owned ReplicaSets by creation time, the new one's template equal ignoring pod-template-hash,
// the old ones those with non-zero spec.replicas).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { parseTimestamp } from '../age';
import { describePodTemplate } from './containers';
import type { DescribeContext } from './context';
import { describeEvents, objectEvents } from './events';
import { controllerOf } from './pod';
import { formatLabelSelector, selectorMatches, selectorString } from './selectors';
import {
  LEVEL_0,
  LEVEL_1,
  byteOrder,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
  type PrefixWriter,
} from './writer';

function isControlledBy(meta: ObjectMeta | undefined, uid: string | undefined): boolean {
  return (meta?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}

/**
 * Semantic equality as apimachinery's DeepEqual sees JSON objects: a missing field, null, an
 * empty list and an empty map are all the same.
 */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value.map(normalize);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(byteOrder)) {
      const v = normalize((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value ?? undefined;
}

function withoutHash(template: PodTemplateSpec | undefined): unknown {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return normalize({ ...template, metadata: { ...template?.metadata, labels } });
}

function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return JSON.stringify(withoutHash(a)) === JSON.stringify(withoutHash(b));
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTimestamp(a.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  const tb = parseTimestamp(b.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return byteOrder(a.metadata?.name ?? '', b.metadata?.name ?? '');
}

/** The Deployment's ReplicaSets as `kubectl describe` finds them: [old ones, new one]. */
export function deploymentReplicaSets(
  d: Deployment,
  ctx: DescribeContext,
): [ReplicaSet[], ReplicaSet | undefined] {
  const owned = ctx.reader
    .list('ReplicaSet', d.metadata?.namespace)
    .filter(
      (rs) =>
        selectorMatches(d.spec?.selector, rs.metadata?.labels) &&
        isControlledBy(rs.metadata, d.metadata?.uid),
    )
    .sort(byCreation);
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const old = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 1) !== 0);
  return [old, newRS];
}

function replicaSetsByLabels(sets: readonly ReplicaSet[]): string {
  const list = sets
    .map(
      (rs) =>
        `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return list || '<none>';
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

function describeConditions(conditions: readonly Condition[] | undefined, w: PrefixWriter): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeDeployment(d: Deployment, ctx: DescribeContext): string {
  const meta = d.metadata ?? {};
  const events = objectEvents(ctx.reader, 'Deployment', meta);
  const [oldRSs, newRS] = deploymentReplicaSets(d, ctx);
  const spec = d.spec;
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ` +
        `${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ` +
        `${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) {
      const show = (v: number | string | undefined): string =>
        v === undefined ? '<nil>' : String(v);
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${show(ru.maxUnavailable)} max unavailable, ${show(ru.maxSurge)} max surge\n`,
      );
    }
    describePodTemplate(spec?.template, w);
    describeConditions(status.conditions, w);
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, ctx.now);
  });
}

export function describeReplicaSet(rs: ReplicaSet, ctx: DescribeContext): string {
  const meta = rs.metadata ?? {};
  const events = objectEvents(ctx.reader, 'ReplicaSet', meta);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of ctx.reader.list('Pod', meta.namespace)) {
    if (!selectorMatches(rs.spec?.selector, pod.metadata?.labels)) continue;
    if (!isControlledBy(pod.metadata, meta.uid)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') {
      counts[phase]++;
    }
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = controllerOf(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`,
    );
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(
      LEVEL_0,
      `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
    );
    describePodTemplate(rs.spec?.template, w);
    describeConditions(rs.status?.conditions, w);
    describeEvents(events, w, ctx.now);
  });
}
