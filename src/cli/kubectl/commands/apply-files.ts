// The `-f` forms of create, get and delete: the objects a manifest names, found through the same
// reader as apply (k8s.io/kubectl/pkg/cmd/create/create.go RunCreate for create -f).
import { create, isStatusError } from '../../../engine/k8s/apiserver';
import { withLastApplied } from '../../../engine/k8s/apply';
import type { StatusError } from '../../../engine/k8s/errors';
import type { KubeObject } from '../../../engine/k8s/types';
import type { KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import type { CmdError } from './apply-common';
import { formatErrors, loadManifests, namespaceFor, printOperation } from './apply-common';
import type { Target } from './create-builder';
import type { GetPlan } from './get-request';
import { typeOfKind } from './get-server';

/** The objects the `-f` manifests name, for delete; per-document problems in `errors`. */
export function manifestTargets(
  ctx: KubectlContext,
): { ok: true; targets: Target[]; errors: string[] } | { ok: false; message: string } {
  const loaded = loadManifests(ctx);
  if (!loaded.ok) return loaded;
  const errors = loaded.errors.map((e) => ('text' in e ? e.text : e.api.message));
  const targets: Target[] = [];
  for (const m of loaded.manifests) {
    const ns = namespaceFor(ctx, m);
    if (!ns.ok) errors.push(ns.error);
    else targets.push({ type: { kind: m.kind }, namespace: ns.namespace ?? '', name: m.name });
  }
  return { ok: true, targets, errors };
}

/** A get plan for the `-f` manifests: a GET of each named object. */
export function manifestGetPlan(
  ctx: KubectlContext,
): { ok: true; plan: GetPlan; namespace: string } | { ok: false; message: string } {
  const loaded = loadManifests(ctx);
  if (!loaded.ok) return loaded;
  const first = loaded.errors[0];
  if (first) return { ok: false, message: formatErrors([first]) };
  const ns = loaded.manifests.find((m) => m.namespace)?.namespace ?? ctx.namespace;
  return {
    ok: true,
    namespace: ns,
    plan: {
      requests: loaded.manifests.map((m) => ({ type: typeOfKind(m.kind), name: m.name })),
      singleItemImplied: loaded.manifests.length === 1,
      bySelector: false,
      typeCount: new Set(loaded.manifests.map((m) => m.kind)).size,
    },
  };
}

/** `kubectl create -f`: a POST of each manifest; kubectl goes on after an error. */
export function createFromFiles(
  ctx: KubectlContext,
  dryRun: 'none' | 'client' | 'server',
  format: OutputFormat,
): number {
  const loaded = loadManifests(ctx);
  if (!loaded.ok) {
    ctx.err(loaded.message);
    return 1;
  }
  const errors: CmdError[] = [...loaded.errors];
  if (loaded.manifests.length === 0 && errors.length === 0)
    return ctx.fail('no objects passed to create');
  const manager = ctx.flags.str('field-manager', 'kubectl-create');
  for (const m of loaded.manifests) {
    const ns = namespaceFor(ctx, m);
    if (!ns.ok) {
      errors.push({ text: ns.error });
      continue;
    }
    const object = (ctx.flags.bool('save-config')
      ? withLastApplied(m.object, ns.namespace)
      : {
          ...m.object,
          metadata: {
            ...(m.object.metadata as object),
            ...(ns.namespace ? { namespace: ns.namespace } : {}),
          },
        }) as unknown as KubeObject;
    if (dryRun === 'client') {
      printOperation(ctx, object, 'created', format, dryRun);
      continue;
    }
    type Out = StatusError | KubeObject | { ok: false; dry: KubeObject };
    const result = ctx.transact(manager, (tx): Out => {
      const r = create(tx, m.kind, object as never, { dryRun: dryRun === 'server' });
      if (isStatusError(r)) return r;
      return dryRun === 'server' ? { ok: false, dry: r } : r;
    });
    if (isStatusError(result)) {
      errors.push({ api: result, verb: 'creating', source: m.source });
      continue;
    }
    printOperation(ctx, 'dry' in result ? result.dry : result, 'created', format, dryRun);
  }
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  return 0;
}
