// kubectl apply (client-side): k8s.io/kubectl/pkg/cmd/apply/apply.go. The merge itself is the
// engine's (engine/k8s/apply.ts), shared with the GitOps controller.
import type { ApplyResult } from '../../../engine/k8s/apply';
import { applyManifest, serverSideApply, withLastApplied } from '../../../engine/k8s/apply';
import { isStatusError } from '../../../engine/k8s/apiserver';
import type { StatusError } from '../../../engine/k8s/errors';
import type { KubeObject } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { parseOutputFormat } from '../output';
import type { CmdError } from './apply-common';
import {
  checkDryRun,
  FILENAME_FLAGS,
  formatErrors,
  loadManifests,
  namespaceFor,
  printOperation,
} from './apply-common';
import { viewLastAppliedCommands } from './apply-view';
import { diffCommands } from './diff';
import { patchCommands } from './patch';
import { replaceCommands } from './replace';

const OUTPUTS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

function run(ctx: KubectlContext): number {
  if (ctx.args.length > 0) return ctx.helpError(`Unexpected args: [${ctx.args.join(' ')}]`);
  let dryRun = ctx.flags.str('dry-run', 'none');
  // A bare --dry-run is the deprecated spelling of --dry-run=client.
  if (dryRun === 'unchanged') dryRun = 'client';
  const badDryRun = checkDryRun(dryRun);
  if (badDryRun) return ctx.fail(badDryRun);
  if (ctx.flags.list('filename').length === 0 && !ctx.flags.str('kustomize'))
    return ctx.fail('must specify one of -f and -k');
  if (ctx.flags.bool('server-side') && dryRun === 'client')
    return ctx.fail(
      "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    );
  if (ctx.flags.bool('force-conflicts') && !ctx.flags.bool('server-side'))
    return ctx.fail('--force-conflicts only works with --server-side');
  if (ctx.flags.bool('prune') && !ctx.flags.bool('all') && !ctx.flags.str('selector'))
    return ctx.fail(
      'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
    );
  const output = parseOutputFormat(ctx.flags.str('output'), OUTPUTS);
  if (!output.ok) return ctx.fail(output.error);
  const loaded = loadManifests(ctx);
  if (!loaded.ok) {
    ctx.err(loaded.message);
    return 1;
  }
  const errors: CmdError[] = [...loaded.errors];
  if (loaded.manifests.length === 0 && errors.length === 0)
    return ctx.fail('no objects passed to apply');
  const serverSide = ctx.flags.bool('server-side');
  const manager = ctx.flags.str(
    'field-manager',
    serverSide ? 'kubectl' : 'kubectl-client-side-apply',
  );
  for (const m of loaded.manifests) {
    const ns = namespaceFor(ctx, m);
    if (!ns.ok) {
      errors.push({ text: ns.error });
      continue;
    }
    if (dryRun === 'client' && !serverSide) {
      const live = ctx.reader.get(m.kind, ns.namespace, m.name);
      // A client dry run sends nothing: an existing object is reported as it is.
      if (live) {
        printOperation(ctx, live, 'configured', output.format, dryRun);
        continue;
      }
      // A new object is printed as it would be sent: the manifest with its annotation.
      const local = withLastApplied(m.object, ns.namespace) as unknown as KubeObject;
      printOperation(ctx, local, 'created', output.format, dryRun);
      continue;
    }
    const result = ctx.transact(manager, (tx) => {
      const r = (serverSide ? serverSideApply : applyManifest)(tx, m.object, {
        namespace: ns.namespace,
        manager,
        dryRun: dryRun !== 'none',
      });
      // A dry run must leave the world as it was: fail the transaction on purpose.
      if (dryRun !== 'none' && !isStatusError(r)) return { ok: false as const, dry: r };
      return r;
    });
    if ('dry' in result) {
      report(ctx, result.dry, output.format, dryRun, serverSide);
      continue;
    }
    if (isStatusError(result)) {
      const existed = ctx.reader.get(m.kind, ns.namespace, m.name) !== undefined;
      errors.push(apiErr(result, existed ? 'patching' : 'creating', m.source));
      continue;
    }
    report(ctx, result, output.format, dryRun, serverSide);
  }
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

function apiErr(api: StatusError, verb: string, source: string): CmdError {
  return { api, verb, source };
}

function report(
  ctx: KubectlContext,
  r: ApplyResult,
  format: OutputFormat,
  dryRun: string,
  serverSide: boolean,
): void {
  if (serverSide) {
    printOperation(ctx, r.object, 'serverside-applied', format, dryRun);
    return;
  }
  if (r.missingAnnotation && dryRun !== 'client') {
    // info.ObjectName(): the plural resource without its group.
    const resource = KINDS[r.object.kind as keyof typeof KINDS].resource;
    ctx.err(
      `Warning: resource ${resource}/${r.object.metadata?.name ?? ''} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  // apply.go prints "unchanged" only when no object output was asked for.
  const op = r.action === 'unchanged' && format.kind !== 'default' ? 'configured' : r.action;
  printOperation(ctx, r.object, op, format, dryRun);
}

export const applyCommands: KubectlCommand[] = [
  {
    path: 'apply',
    summary: 'apply a configuration to a resource by file name or stdin',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'all', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'cascade', type: 'string', noOptDefVal: 'background' },
      { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
      { name: 'field-manager', type: 'string' },
      { name: 'force', type: 'bool' },
      { name: 'force-conflicts', type: 'bool' },
      { name: 'grace-period', type: 'int' },
      { name: 'openapi-patch', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'bool' },
      { name: 'prune', type: 'bool' },
      { name: 'prune-allowlist', type: 'stringArray' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'server-side', type: 'bool' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'subresource', type: 'string' },
      { name: 'template', type: 'string' },
      { name: 'timeout', type: 'duration' },
      { name: 'validate', type: 'string', noOptDefVal: 'strict' },
      { name: 'wait', type: 'bool' },
    ],
    run,
  },
  ...viewLastAppliedCommands,
  ...diffCommands,
  ...replaceCommands,
  ...patchCommands,
];
