// kubectl delete: by TYPE NAME…, TYPE/NAME…, -l, --all, across namespaces; graceful deletion,
// --force, cascading strategies, and the wait until the objects are really gone, on the simulated
// clock (kubectl pkg/cmd/delete/delete.go, delete_flags.go; pkg/cmd/wait/delete.go IsDeleted).
import type { Propagation } from '../../../engine/k8s/apiserver';
import { isStatusError, remove } from '../../../engine/k8s/apiserver';
import type { Kind } from '../../../engine/k8s/types';
import { KINDS, qualifiedResource } from '../../../engine/k8s/types';
import { nextEventTime } from '../../../engine/world';
import type { Run } from '../../program';
import { manifestTargets } from './apply-files';
import type { KubectlCommand, KubectlContext } from '../command';
import type { Parsed } from './create-common';
import { dryRunStrategy, filenameError } from './create-common';
import type { ResourceType, Target } from './create-builder';
import { listMatching, notFoundError, planResources } from './create-builder';
import type { CommandError } from './create-errors';
import { printErrors } from './create-errors';

/** kubectl waits a week when --timeout is 0; the shell interrupts long before. */
const DEFAULT_WAIT = 168 * 60 * 60 * 1000;

/** parseCascadingFlag: the strategy, with the warning booleans earn. */
function cascade(ctx: KubectlContext): Parsed<Propagation> {
  const value = ctx.flags.str('cascade', 'background');
  if (/^(1|t|T|TRUE|true|True)$/.test(value)) {
    ctx.err(
      `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=background.\n`,
    );
    return { ok: true, value: 'Background' };
  }
  if (/^(0|f|F|FALSE|false|False)$/.test(value)) {
    ctx.err(
      `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`,
    );
    return { ok: true, value: 'Orphan' };
  }
  switch (value) {
    case 'background':
      return { ok: true, value: 'Background' };
    case 'foreground':
      return { ok: true, value: 'Foreground' };
    case 'orphan':
      return { ok: true, value: 'Orphan' };
    default:
      return {
        ok: false,
        error: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
      };
  }
}

function typeString(type: ResourceType): string {
  if ('kind' in type) return qualifiedResource(type.kind);
  const [plural, ...group] = type.elsewhere.split('.');
  const singular = (plural ?? '')
    .replace(/ies$/, 'y')
    .replace(/(ses|xes)$/, (m) => m.slice(0, -2))
    .replace(/s$/, '');
  return group.length > 0 ? `${singular}.${group.join('.')}` : singular;
}

interface Deleted {
  target: Target;
  uid: string;
}

function run(ctx: KubectlContext): number | Run {
  const propagation = cascade(ctx);
  if (!propagation.ok) return ctx.fail(propagation.error);

  // Complete()
  const all = ctx.flags.bool('all');
  const label = ctx.flags.str('selector');
  const field = ctx.flags.str('field-selector');
  const ignoreNotFound = ctx.flags.has('ignore-not-found')
    ? ctx.flags.bool('ignore-not-found')
    : all || !!label || !!field;
  let grace = ctx.flags.int('grace-period', -1);
  const force = ctx.flags.bool('force');
  if (ctx.flags.bool('now')) {
    if (grace !== -1) return ctx.fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  if (ctx.flags.str('raw')) return ctx.fail('--raw is not supported in this simulator');
  const allNamespaces = ctx.flags.bool('all-namespaces');
  const fromFiles = ctx.flags.list('filename').length > 0 ? manifestTargets(ctx) : undefined;
  const files = filenameError(ctx);
  if (files && files !== 'stdin' && !(fromFiles && !ctx.flags.str('kustomize'))) {
    ctx.err(files.message);
    return 1;
  }
  if (fromFiles && !fromFiles.ok) {
    ctx.err(fromFiles.message);
    return 1;
  }
  const plan = fromFiles
    ? ({ ok: true, mode: 'names', targets: fromFiles.targets } as const)
    : files === 'stdin'
      ? ({ ok: true, mode: 'names', targets: [] } as const)
      : planResources({
          args: ctx.args,
          namespace: ctx.namespace,
          allNamespaces,
          labelSelector: label,
          fieldSelector: field,
          selectAll: all,
        });
  if (!plan.ok)
    return printErrors(
      ctx,
      plan.errors.map((message) => ({ message })),
    );

  // Validate()
  const output = ctx.flags.str('output');
  if (output !== '' && output !== 'name')
    return ctx.fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (force && grace === 0)
    ctx.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  else if (force && grace > 0)
    return ctx.fail('--force and --grace-period greater than 0 cannot be specified together');

  // DeleteResult()
  const errors: CommandError[] = [];
  const deleted: Deleted[] = [];
  let found = 0;
  let warnClusterScope = ctx.flags.has('namespace') && !allNamespaces;
  const operation = `${grace === 0 ? 'force deleted' : 'deleted'}${dryRun.value === 'client' ? ' (dry run)' : dryRun.value === 'server' ? ' (server dry run)' : ''}`;
  const print = (t: Target) => {
    const kind = typeString(t.type);
    ctx.out(output === 'name' ? `${kind}/${t.name}\n` : `${kind} "${t.name}" ${operation}\n`);
  };
  const visit = (t: Target) => {
    found++;
    if (warnClusterScope && 'kind' in t.type && !KINDS[t.type.kind].namespaced) {
      ctx.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (dryRun.value === 'client') {
      print(t);
      return;
    }
    const type = t.type;
    if (!('kind' in type)) {
      if (!ignoreNotFound) errors.push({ status: notFoundError(type, t.name) });
      return;
    }
    const result = ctx.transact('kubectl-delete', (tx) => {
      const r = remove(tx, type.kind, t.namespace, t.name, {
        propagation: propagation.value,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        dryRun: dryRun.value === 'server',
      });
      return dryRun.value === 'server' && !isStatusError(r) ? { ok: false as const, dry: r } : r;
    });
    if (isStatusError(result) && !('dry' in result)) {
      if (!(ignoreNotFound && result.reason === 'NotFound')) errors.push({ status: result });
      return;
    }
    print(t);
    const uid = 'dry' in result ? undefined : result.metadata?.uid;
    if (uid) deleted.push({ target: t, uid });
  };

  const visitAll = (fn: (t: Target) => void) => {
    if (plan.mode === 'names') {
      plan.targets.forEach(fn);
      return;
    }
    for (const type of plan.types) {
      const listed = listMatching(ctx.reader, type, plan.namespace, plan.label, plan.field);
      if (!listed.ok)
        errors.push({
          status: { ok: false, code: 400, reason: 'BadRequest', message: listed.message },
        });
      else listed.targets.forEach(fn);
    }
  };

  if (ctx.flags.bool('interactive')) {
    const preview: Target[] = [];
    visitAll((t) => preview.push(t));
    if (errors.length > 0) return printErrors(ctx, errors);
    if (preview.length === 0) {
      ctx.out('No resources found\n');
      return 0;
    }
    ctx.out(`You are about to delete the following ${preview.length} resource(s):\n`);
    for (const t of preview) ctx.out(`${typeString(t.type)}/${t.name}\n`);
    // The answer would come from standard input, which kubectl commands cannot read here: an
    // unanswered prompt cancels, as it does when kubectl reads end of input.
    ctx.out('Do you want to continue? (y/n): deletion is cancelled\n');
    return 0;
  }

  visitAll(visit);
  if (fromFiles?.ok) errors.push(...fromFiles.errors.map((message) => ({ message })));
  if (errors.length > 0) return printErrors(ctx, errors);
  if (found === 0) {
    ctx.out('No resources found\n');
    return 0;
  }
  if (!ctx.flags.bool('wait', true) || dryRun.value !== 'none' || deleted.length === 0) return 0;
  const timeout = ctx.flags.int('timeout', 0) || DEFAULT_WAIT;
  return waitUntilGone(ctx, deleted, ctx.now + timeout);
}

function isGone(ctx: KubectlContext, d: Deleted): boolean {
  const kind = (d.target.type as { kind: Kind }).kind;
  const obj = ctx.reader.get(kind, d.target.namespace, d.target.name);
  return !obj || obj.metadata?.uid !== d.uid;
}

/** RunWait with IsDeleted: one deadline for all, each object watched until it is gone. */
function* waitUntilGone(ctx: KubectlContext, deleted: readonly Deleted[], deadline: number): Run {
  for (const d of deleted) {
    while (!isGone(ctx, d)) {
      if (ctx.now >= deadline) {
        const resource = KINDS[(d.target.type as { kind: Kind }).kind].resource;
        return ctx.fail(`timed out waiting for the condition on ${resource}/${d.target.name}`);
      }
      const next = Math.min(nextEventTime(ctx.world) ?? deadline, deadline);
      yield Math.max(next, ctx.now + 1);
    }
  }
  return 0;
}

export const deleteCommands: KubectlCommand[] = [
  {
    path: 'delete',
    summary: 'delete resources by names, label selector or --all',
    flags: [
      { name: 'all', type: 'bool' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'cascade', type: 'string' },
      { name: 'dry-run', type: 'string' },
      { name: 'field-selector', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'force', type: 'bool' },
      { name: 'grace-period', type: 'int' },
      { name: 'ignore-not-found', type: 'bool' },
      { name: 'interactive', short: 'i', type: 'bool' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'now', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'raw', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'timeout', type: 'duration' },
      { name: 'wait', type: 'bool' },
    ],
    run,
  },
];
