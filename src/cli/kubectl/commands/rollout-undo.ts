// kubectl rollout undo (kubectl pkg/cmd/rollout/rollout_undo.go) and the Deployment rollbacker
// (pkg/polymorphichelpers/rollback.go): copy the chosen ReplicaSet's pod template (without its
// pod-template-hash label) and annotations back into the Deployment; the Deployment controller
// then finds that ReplicaSet again and gives it the next revision number.
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import {
  HASH_LABEL,
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  sameTemplate,
} from '../../../engine/k8s/controllers/deploymentutil';
import { notFound } from '../../../engine/k8s/errors';
import type { Deployment, ReplicaSet } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import type { KubectlError } from './rollout-builder';
import {
  dryRunStrategy,
  dryRunSuffix,
  hasFilenames,
  latest,
  plain,
  reportErrors,
  resolveTargets,
} from './rollout-builder';
import { replicaSetsOf, revisionKey, viewerError } from './rollout-history';
import { printerFor, printTemplate } from './rollout-print';

/** Annotations the Deployment keeps as they are rather than taking the ReplicaSet's. */
const KEPT = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

const notFoundIn = (r: number) => plain(`unable to find specified revision ${r} in history`);

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the second-highest revision for 0. */
function revisionSet(
  sets: readonly ReplicaSet[],
  d: Deployment,
  toRevision: number,
): { rs: ReplicaSet } | { error: KubectlError } {
  let latest: { v: number; rs?: ReplicaSet } = { v: -1 };
  let previous: { v: number; rs?: ReplicaSet } = { v: -1 };
  for (const rs of sets) {
    const v = revisionKey(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { v, rs };
      } else if (previous.v < v) previous = { v, rs };
    } else if (toRevision === v) return { rs };
  }
  if (toRevision > 0) return { error: notFoundIn(toRevision) };
  if (previous.rs) return { rs: previous.rs };
  return { error: plain(`no rollout history found for deployment "${d.metadata?.name}"`) };
}

type DryRun = 'none' | 'client' | 'server';

/** DeploymentRollbacker.Rollback: the operation to print, or the error. */
function rollback(
  ctx: KubectlContext,
  d: Deployment,
  toRevision: number,
  dryRun: DryRun,
): { result: string } | { error: KubectlError } {
  if (toRevision < 0) return { error: notFoundIn(toRevision) };
  const found = revisionSet(replicaSetsOf(ctx.reader, d), d, toRevision);
  if ('error' in found) return found;
  const target = found.rs;
  if (dryRun === 'client') return { result: printTemplate(target.spec?.template) };
  if (d.spec?.paused)
    return {
      error: plain(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      ),
    };
  if (sameTemplate(target.spec?.template, d.spec?.template))
    return { result: `skipped rollback (current template already matches revision ${toRevision})` };

  const labels = { ...target.spec?.template?.metadata?.labels };
  delete labels[HASH_LABEL];
  const template = {
    ...target.spec?.template,
    metadata: { ...target.spec?.template?.metadata, labels },
  };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {}))
    if (KEPT.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata?.annotations ?? {}))
    if (!KEPT.has(k)) annotations[k] = v;

  // The PATCH carries no field manager, so the API server names kubectl's user agent.
  const written = ctx.transact('kubectl', (tx) => {
    const current = tx.get('Deployment', d.metadata?.namespace, d.metadata?.name ?? '');
    if (!current) return notFound('Deployment', d.metadata?.name ?? '');
    const next: Deployment = {
      ...current,
      metadata: {
        ...current.metadata,
        annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      },
      spec: { ...current.spec!, template },
    };
    const r = update(tx, 'Deployment', next);
    if (isStatusError(r) || dryRun === 'none') return r;
    return { ok: false as const, dryRun: true };
  });
  if (!('dryRun' in written) && isStatusError(written)) {
    return { error: plain(`failed restoring revision ${toRevision}: ${written.message}`) };
  }
  return { result: 'rolled back' };
}

function runUndo(ctx: KubectlContext): number {
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  if (ctx.args.length === 0 && !hasFilenames(ctx))
    return ctx.fail('required resource not specified');
  const resolved = resolveTargets(ctx, ctx.args, { allowEmptySelector: true });
  if (!resolved.ok) return reportErrors(ctx, resolved.errors);
  const toRevision = ctx.flags.int('to-revision', 0);
  const errors: KubectlError[] = [];
  for (const visit of resolved.visits) {
    const v = latest(ctx, visit);
    if ('error' in v) {
      errors.push(v.error);
      continue;
    }
    const bad = viewerError(v.target.kind, 'rollbacker');
    if (bad) {
      errors.push(bad);
      continue;
    }
    const r = rollback(ctx, v.target.obj as Deployment, toRevision, dryRun.value);
    if ('error' in r) {
      errors.push(r.error);
      continue;
    }
    // kubectl prints the object as it read it, before the rollback.
    const printer = printerFor(ctx, `${r.result}${dryRunSuffix(dryRun.value)}`);
    if ('error' in printer) errors.push(printer.error);
    else {
      printer.print(v.target.obj);
      errors.push(...printer.errors);
    }
  }
  return reportErrors(ctx, errors);
}

export const undoCommand: KubectlCommand = {
  path: 'rollout undo',
  summary: 'undo a previous rollout',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'to-revision', type: 'int' },
  ],
  run: runUndo,
};
