// kubectl scale: sets spec.replicas of deployments and replicasets (the scale subresource).
import { update } from '../../../engine/k8s/apiserver';
import { isStatusError } from '../../../engine/k8s/apiserver';
import { notFound } from '../../../engine/k8s/errors';
import { parseSelector, matches } from '../../../engine/k8s/labels';
import type { Deployment, Kind, ReplicaSet } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import type { OutputFormat } from '../output';
import { nameOf, parseOutputFormat, printObjects } from '../output';
import { parseResourceArgs, selectorListError } from '../resources';

const SCALABLE: readonly Kind[] = ['Deployment', 'ReplicaSet'];

function run(ctx: KubectlContext): number {
  const replicas = ctx.flags.int('replicas', -1);
  if (replicas < 0)
    return ctx.fail(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const output = parseOutputFormat(
    ctx.flags.str('output'),
    'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  );
  if (!output.ok) return ctx.fail(output.error);
  const dryRun = ctx.flags.str('dry-run', 'none');
  if (!['none', 'client', 'server'].includes(dryRun))
    return ctx.fail(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const selectorText = ctx.flags.str('selector');
  const all = ctx.flags.bool('all');
  if (ctx.args.length === 0) return ctx.fail(NO_RESOURCES_GIVEN);
  const parsed = parseResourceArgs(ctx.args);
  if (!parsed.ok) return ctx.fail(parsed.error);
  const selector = parseSelector(selectorText);
  if (!selector.ok) {
    // scale folds the builder's error into its own (scale.go: "no objects passed to scale").
    const first = parsed.refs[0];
    const why = first ? ` ${selectorListError(first.kind, selectorText, '', selector.error)}` : '';
    return ctx.fail(`no objects passed to scale${why}`);
  }
  const ns = ctx.namespace;
  const targets: { kind: Kind; name: string }[] = [];
  for (const ref of parsed.refs) {
    if (ref.name !== undefined) {
      targets.push({ kind: ref.kind, name: ref.name });
      continue;
    }
    if (!all && !selectorText)
      return ctx.fail('resource(s) were provided, but no name was specified');
    for (const obj of ctx.reader.list(ref.kind, ns)) {
      if (matches(selector.selector, obj.metadata?.labels))
        targets.push({ kind: ref.kind, name: obj.metadata?.name ?? '' });
    }
  }
  if (targets.length === 0) return ctx.fail('no objects passed to scale');
  let status = 0;
  const current = ctx.flags.int('current-replicas', -1);
  const version = ctx.flags.str('resource-version');
  for (const t of targets) {
    if (!SCALABLE.includes(t.kind)) {
      ctx.err(
        `error: cannot scale ${qualifiedResource(t.kind, true)} "${t.name}": the server could not find the requested resource\n`,
      );
      status = 1;
      continue;
    }
    const result = ctx.transact('kubectl-scale', (tx) => {
      const obj = tx.get(t.kind, ns, t.name) as Deployment | ReplicaSet | undefined;
      if (!obj) return notFound(t.kind, t.name);
      const was = obj.spec?.replicas ?? 1;
      if (current >= 0 && current !== was)
        return {
          ok: false as const,
          precondition: `Expected replicas to be ${current}, was ${was}`,
        };
      if (version && version !== obj.metadata?.resourceVersion)
        return {
          ok: false as const,
          precondition: `Expected resourceVersion to be ${version}, was ${obj.metadata?.resourceVersion}`,
        };
      const next = { ...obj, spec: { ...obj.spec!, replicas } } as Deployment | ReplicaSet;
      if (dryRun !== 'none') return { ok: false as const, dryRun: next };
      return update(tx, t.kind, next as never);
    });
    if ('precondition' in result) {
      ctx.err(`error: ${result.precondition}\n`);
      status = 1;
      continue;
    }
    if ('dryRun' in result) {
      printScaled(ctx, result.dryRun, output.format, ' (dry run)');
      continue;
    }
    if (isStatusError(result)) {
      ctx.apiError(result);
      status = 1;
      continue;
    }
    printScaled(ctx, result as Deployment | ReplicaSet, output.format, '');
  }
  return status;
}

function printScaled(
  ctx: KubectlContext,
  obj: Deployment | ReplicaSet,
  format: OutputFormat,
  suffix: string,
) {
  if (format.kind === 'default') {
    ctx.out(`${nameOf(obj)} scaled${suffix}\n`);
    return;
  }
  const printed = printObjects([obj], format, { single: true });
  if (printed.ok) ctx.out(printed.text);
  else ctx.err(`error: ${printed.error}\n`);
}

export const scaleCommands: KubectlCommand[] = [
  {
    path: 'scale',
    summary: 'set a new size for a deployment or replica set',
    flags: [
      { name: 'replicas', type: 'int' },
      { name: 'current-replicas', type: 'int' },
      { name: 'resource-version', type: 'string' },
      { name: 'all', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'dry-run', type: 'string' },
      { name: 'timeout', type: 'duration' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'record', type: 'bool' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'template', type: 'string' },
      { name: 'kustomize', short: 'k', type: 'string' },
    ],
    required: ['replicas'],
    run,
  },
];
