// kubectl rollout status (kubectl pkg/cmd/rollout/rollout_status.go) with the Deployment and
// StatefulSet status viewers (pkg/polymorphichelpers/rollout_status.go). kubectl watches the
// object and prints the viewer's line for every event it receives, repeated or not, until the
// rollout is done; here every instant at which the object was written counts as one event.
import type { Deployment, KubeObject, StatefulSet } from '../../../engine/k8s/types';
import { HOUR } from '../../../engine/time';
import { nextEventTime } from '../../../engine/world';
import type { Run } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import type { KubectlError, Target } from './rollout-builder';
import {
  groupKind,
  hasFilenames,
  latest,
  plain,
  reportErrors,
  resolveTargets,
} from './rollout-builder';

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(
  d: Deployment,
  revision: number,
): { line: string; done: boolean } | { error: string } {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const text = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    const current = text === undefined ? 0 : Number(text);
    if (text !== undefined && !/^[+-]?\d+$/.test(text))
      return {
        error: `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${text}": invalid syntax`,
      };
    if (current !== revision)
      return {
        error: `desired revision (${revision}) is different from the running revision (${current})`,
      };
  }
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { error: `deployment "${name}" exceeded its progress deadline` };
  const wanted = d.spec?.replicas;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (wanted !== undefined && updated < wanted) {
    return {
      line: `${waiting}${updated} out of ${wanted} new replicas have been updated...\n`,
      done: false,
    };
  }
  if (replicas > updated)
    return {
      line: `${waiting}${replicas - updated} old replicas are pending termination...\n`,
      done: false,
    };
  if (available < updated)
    return {
      line: `${waiting}${available} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

/**
 * StatefulSetStatusViewer.Status. The API server defaults `rollingUpdate.partition` to 0, so a
 * RollingUpdate StatefulSet ends on the "partitioned roll out complete" line even without a
 * partition; the revision lines are for objects stored without `rollingUpdate`.
 */
export function statefulSetStatus(
  sts: StatefulSet,
): { line: string; done: boolean } | { error: string } {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status ?? { replicas: 0 };
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed)
    return { line: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const wanted = sts.spec?.replicas;
  const ready = status.readyReplicas ?? 0;
  if (wanted !== undefined && ready < wanted)
    return { line: `Waiting for ${wanted - ready} pods to be ready...\n`, done: false };
  const updated = status.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (wanted !== undefined && partition !== undefined && updated < wanted - partition) {
      return {
        line: `Waiting for partitioned roll out to finish: ${updated} out of ${wanted - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return {
      line: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      line: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return {
    line: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`,
    done: true,
  };
}

type Viewed = 'Deployment' | 'StatefulSet';

/** StatusViewerFor: the viewer for a kind, or undefined when kubectl has none in this simulator. */
function viewerFor(
  kind: string,
  revision: number,
): ((o: KubeObject) => { line: string; done: boolean } | { error: string }) | undefined {
  if (kind === 'Deployment') return (o) => deploymentStatus(o as Deployment, revision);
  if (kind === 'StatefulSet') return (o) => statefulSetStatus(o as StatefulSet);
  return undefined;
}

/** Watches one object until its rollout is done (UntilWithSync), returning the error if any. */
function* watchRollout(
  ctx: KubectlContext,
  target: Target,
  kind: Viewed,
  view: (o: KubeObject) => { line: string; done: boolean } | { error: string },
  watch: boolean,
  timeout: number,
): Generator<number, KubectlError | undefined, void> {
  const deadline = timeout > 0 ? ctx.now + timeout : undefined;
  const ns = target.obj.metadata?.namespace;
  let seen: KubeObject | undefined = ctx.reader.get(kind, ns, target.name);
  if (!seen) return plain('object has been deleted');
  for (;;) {
    const s = view(seen);
    if ('error' in s) return plain(s.error);
    ctx.out(s.line);
    if (s.done || !watch) return undefined;
    // Wait for the next write to the object: jump from one due event to the next.
    for (;;) {
      if (deadline !== undefined && ctx.now >= deadline)
        return plain('timed out waiting for the condition');
      const due = nextEventTime(ctx.world) ?? ctx.now + HOUR;
      yield Math.max(deadline === undefined ? due : Math.min(due, deadline), ctx.now + 1);
      const current: KubeObject | undefined = ctx.reader.get(kind, ns, target.name);
      if (!current || current.metadata?.uid !== seen.metadata?.uid)
        return plain('object has been deleted');
      if (current.metadata?.resourceVersion !== seen.metadata?.resourceVersion) {
        seen = current;
        break;
      }
    }
  }
}

function runStatus(ctx: KubectlContext): number | Run {
  if (ctx.args.length === 0 && !hasFilenames(ctx))
    return ctx.fail('required resource not specified');
  const revision = ctx.flags.int('revision', 0);
  if (revision < 0) return ctx.fail(`revision must be a positive integer: ${revision}`);
  const resolved = resolveTargets(ctx, ctx.args, { allowEmptySelector: true });
  if (!resolved.ok) return reportErrors(ctx, resolved.errors);
  const watch = ctx.flags.bool('watch', true);
  const timeout = ctx.flags.int('timeout', 0);
  const visits = resolved.visits;
  return (function* (): Run {
    const errors: KubectlError[] = [];
    let found = false;
    for (const visit of visits) {
      const v = latest(ctx, visit);
      if ('error' in v) {
        errors.push(v.error);
        continue;
      }
      found = true;
      const view = viewerFor(v.target.kind, revision);
      if (!view) {
        errors.push(plain(`no status viewer has been implemented for ${groupKind(v.target.kind)}`));
        continue;
      }
      const kind = v.target.kind as Viewed;
      const error = yield* watchRollout(ctx, v.target, kind, view, watch, timeout);
      if (error) errors.push(error);
    }
    if (errors.length > 0) return reportErrors(ctx, errors);
    if (!found) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  })();
}

export const statusCommand: KubectlCommand = {
  path: 'rollout status',
  summary: 'show the status of the rollout',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'watch', short: 'w', type: 'bool' },
  ],
  run: runStatus,
};
