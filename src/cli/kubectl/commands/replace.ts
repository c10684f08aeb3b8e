// kubectl replace -f: k8s.io/kubectl/pkg/cmd/replace/replace.go. A PUT of the whole manifest:
// fields the file leaves out are gone (unlike apply), and the object must exist.
import { create, isStatusError, remove, update } from '../../../engine/k8s/apiserver';
import { dryRunUpdate, serverDefaults, withLastApplied } from '../../../engine/k8s/apply';
import type { StatusError } from '../../../engine/k8s/errors';
import { notFound } from '../../../engine/k8s/errors';
import type { KubeObject } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
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

function run(ctx: KubectlContext): number {
  let dryRun = ctx.flags.str('dry-run', 'none');
  if (dryRun === 'unchanged') dryRun = 'client';
  const badDryRun = checkDryRun(dryRun);
  if (badDryRun) return ctx.fail(badDryRun);
  const output = parseOutputFormat(
    ctx.flags.str('output'),
    'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  );
  if (!output.ok) return ctx.fail(output.error);
  if (ctx.flags.list('filename').length === 0 && !ctx.flags.str('kustomize'))
    return ctx.fail('must specify one of -f and -k');
  const loaded = loadManifests(ctx);
  if (!loaded.ok) {
    ctx.err(loaded.message);
    return 1;
  }
  const errors: CmdError[] = [...loaded.errors];
  const manager = ctx.flags.str('field-manager', 'kubectl-replace');
  const force = ctx.flags.bool('force');
  for (const m of loaded.manifests) {
    const ns = namespaceFor(ctx, m);
    if (!ns.ok) {
      errors.push({ text: ns.error });
      continue;
    }
    let input = JSON.parse(JSON.stringify(m.object)) as KubeObject;
    if (ctx.flags.bool('save-config'))
      input = withLastApplied(m.object, ns.namespace) as unknown as KubeObject;
    input = {
      ...input,
      metadata: { ...input.metadata, ...(ns.namespace ? { namespace: ns.namespace } : {}) },
    } as KubeObject;
    type Out = StatusError | { ok: false; dry: KubeObject } | KubeObject;
    const result = ctx.transact(manager, (tx): Out => {
      const live = tx.get(m.kind, ns.namespace, m.name);
      if (!live) return notFound(m.kind, m.name);
      if (force) {
        if (dryRun !== 'none') return { ok: false, dry: input };
        const gone = remove(tx, m.kind, ns.namespace, m.name, { gracePeriodSeconds: 0 });
        if (isStatusError(gone)) return gone;
        return create(tx, m.kind, input as never);
      }
      const next = serverDefaults(m.kind, input);
      if (dryRun === 'client') return { ok: false, dry: input };
      if (dryRun === 'server') {
        const r = dryRunUpdate(m.kind, next, live);
        return isStatusError(r) ? r : { ok: false, dry: r };
      }
      return update(tx, m.kind, next as never);
    });
    if (isStatusError(result)) {
      errors.push({ api: result, verb: 'replacing', source: m.source });
      continue;
    }
    const obj = 'dry' in result ? result.dry : result;
    // --force deletes first, printing as kubectl delete does (replace.go forceReplace).
    if (force && dryRun === 'none') ctx.out(`${qualifiedResource(m.kind)} "${m.name}" deleted\n`);
    printOperation(ctx, obj, 'replaced', output.format, dryRun);
  }
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

export const replaceCommands: KubectlCommand[] = [
  {
    path: 'replace',
    summary: 'replace a resource by file name or stdin',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'cascade', type: 'string', noOptDefVal: 'background' },
      { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
      { name: 'field-manager', type: 'string' },
      { name: 'force', type: 'bool' },
      { name: 'grace-period', type: 'int' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'raw', type: 'string' },
      { name: 'save-config', type: 'bool' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'subresource', type: 'string' },
      { name: 'template', type: 'string' },
      { name: 'timeout', type: 'duration' },
      { name: 'validate', type: 'string', noOptDefVal: 'strict' },
      { name: 'wait', type: 'bool' },
    ],
    run,
  },
];
