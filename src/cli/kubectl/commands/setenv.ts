// kubectl set env (kubectl pkg/cmd/set/set_env.go Complete, Validate, RunEnv;
// polymorphichelpers/updatepodspec.go for the kinds that carry a pod template). Changes the
// environment of the selected containers and sends it as a patch; a Deployment's template
// changing is a new rollout, which the deployment controller starts by itself.
import type { Container, EnvVar, PodSpec } from 'kubernetes-types/core/v1';
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import { notFound } from '../../../engine/k8s/errors';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import { parseOutputFormat } from '../output';
import { resolveKind } from '../resources';
import type { Item } from './metadata-targets';
import { canonicalJson, collectItems, printItem } from './metadata-targets';
import type { KubectlError } from './rollout-builder';
import { dryRunStrategy, dryRunSuffix, plain, reportErrors } from './rollout-builder';
import { OUTPUT_FORMATS } from './rollout-print';
import {
  decodeBase64,
  keyToEnvName,
  overwriteError,
  parseEnv,
  refString,
  selectString,
  splitEnvironment,
  updateEnv,
} from './setenv-env';

type Obj = Record<string, unknown>;
type Spec = { spec?: Obj };

const TEMPLATED = [
  'ReplicationController',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'StatefulSet',
  'Job',
];

/** Where the pod spec sits in an object of this kind, or undefined when it has none. */
function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (TEMPLATED.includes(kind)) return ['spec', 'template', 'spec'];
  return undefined;
}

function getPath(obj: Obj, path: readonly string[]): Obj {
  let at: unknown = obj;
  for (const p of path) at = (at as Obj | undefined)?.[p];
  return (at ?? {}) as Obj;
}

function setPath(obj: Obj, path: readonly string[], value: Obj): Obj {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  return { ...obj, [head]: setPath((obj[head] ?? {}) as Obj, rest, value) };
}

/** What decoding into the Go type adds to an object read from a file: kubectl prints those. */
function typedForm(obj: Obj): Obj {
  const kind = String(obj['kind'] ?? '');
  const path = podSpecPath(kind);
  if (!path || !['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet'].includes(kind)) return obj;
  let out: Obj = {
    ...obj,
    metadata: { creationTimestamp: null, ...(obj['metadata'] as Obj | undefined) },
  };
  const spec = getPath(out, path) as unknown as PodSpec;
  const withResources = (cs: Container[] | undefined) =>
    cs?.map((c) => ({ ...c, resources: c.resources ?? {} }));
  out = setPath(out, path, {
    ...spec,
    containers: withResources(spec.containers) ?? [],
    ...(spec.initContainers ? { initContainers: withResources(spec.initContainers) } : {}),
  } as Obj);
  if (kind !== 'Pod') {
    const s = (out as Spec).spec ?? {};
    const template = (s['template'] ?? {}) as Obj;
    out = {
      ...out,
      spec: {
        ...s,
        ...(kind === 'Deployment' ? { strategy: s['strategy'] ?? {} } : {}),
        ...(kind === 'StatefulSet' ? { updateStrategy: s['updateStrategy'] ?? {} } : {}),
        template: {
          ...template,
          metadata: { creationTimestamp: null, ...(template['metadata'] as Obj | undefined) },
        },
      },
    };
  }
  const status =
    kind === 'ReplicaSet'
      ? { replicas: 0 }
      : kind === 'StatefulSet'
        ? { availableReplicas: 0, replicas: 0 }
        : {};
  return { ...out, status: out['status'] ?? status };
}

/** Variables from --from: every (or every --keys) key of a ConfigMap or Secret, by reference. */
function fromSources(
  ctx: KubectlContext,
  local: boolean,
): { ok: true; env: EnvVar[] } | { ok: false; errors: KubectlError[] } {
  const from = ctx.flags.str('from');
  if (!from) return { ok: true, env: [] };
  const keys = ctx.flags.list('keys').flatMap((k) => k.split(','));
  const items = collectItems(ctx, local ? [] : [from], {
    local,
    allowEmptySelector: ctx.flags.bool('all'),
  });
  if (!items.ok) return items;
  const failed = items.visits.flatMap((v) => ('error' in v ? [v.error] : []));
  if (failed.length > 0) return { ok: false, errors: failed };
  const env: EnvVar[] = [];
  for (const v of items.visits) {
    if (!('item' in v)) continue;
    const obj = v.item.obj;
    const kind = obj['kind'];
    if (kind !== 'ConfigMap' && kind !== 'Secret')
      return { ok: false, errors: [plain('unsupported resource specified in --from')] };
    const name = String((obj['metadata'] as Obj | undefined)?.['name'] ?? '');
    // Go walks the data map in no fixed order; sorted is one of the orders it may take.
    for (const key of Object.keys((obj['data'] ?? {}) as Obj).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const envName = keyToEnvName(key);
      if (envName !== key) ctx.err(`Warning: key ${key} transferred to ${envName}\n`);
      const ref = { name, key };
      env.push({
        name: envName,
        valueFrom: kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref },
      });
    }
  }
  return { ok: true, env };
}

/** GetEnvVarRefValue for the references a lesson can make: ConfigMap and Secret keys. */
function resolveRef(ctx: KubectlContext, ns: string, e: EnvVar): string | { error: string } {
  const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
  if (!ref) return { error: 'invalid valueFrom' };
  const secret = !!e.valueFrom?.secretKeyRef;
  const kind = resolveKind(secret ? 'secrets' : 'configmaps');
  const obj = kind ? (ctx.reader.get(kind, ns, ref.name ?? '') as Obj | undefined) : undefined;
  if (!obj) return { error: `${secret ? 'secrets' : 'configmaps'} "${ref.name ?? ''}" not found` };
  const data = (obj['data'] ?? {}) as Record<string, string>;
  if (!(ref.key in data))
    return {
      error: `key ${ref.key} not found in ${secret ? 'secret' : 'config map'} ${ref.name ?? ''}`,
    };
  return secret ? decodeBase64(data[ref.key] as string) : (data[ref.key] as string);
}

function listContainer(ctx: KubectlContext, item: Item, c: Container, resolve: boolean): boolean {
  const kind = String(item.obj['kind'] ?? '');
  const name = String((item.obj['metadata'] as Obj | undefined)?.['name'] ?? '');
  ctx.out(`# ${kind} ${name}, container ${c.name}\n`);
  const failures = new Map<string, string[]>();
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      ctx.out(`${e.name}=${e.value ?? ''}\n`);
      continue;
    }
    const value = resolve ? resolveRef(ctx, item.namespace ?? ctx.namespace, e) : undefined;
    if (typeof value === 'string') {
      ctx.out(`${e.name}=${value}\n`);
      continue;
    }
    ctx.out(`# ${e.name} from ${refString(e.valueFrom)}\n`);
    if (value) failures.set(value.error, [...(failures.get(value.error) ?? []), e.name]);
  }
  const errs = [...failures].map(
    ([err, vars]) => `error retrieving reference for ${vars.sort().join(', ')}: ${err}`,
  );
  for (const line of errs.sort()) ctx.err(`${line}\n`);
  return errs.length === 0;
}

/** The mutation of one object: its new form, nothing when unchanged, or the error. */
function mutate(
  ctx: KubectlContext,
  item: Item,
  env: readonly EnvVar[],
  remove: readonly string[],
): { next?: Obj } | { error: string } {
  const kind = String(item.obj['kind'] ?? '');
  const path = podSpecPath(kind);
  if (!path) {
    const version =
      String(item.obj['apiVersion'] ?? 'v1')
        .split('/')
        .pop() ?? 'v1';
    return {
      error: `the object is not a pod or does not have a pod template: *${version}.${kind}`,
    };
  }
  const spec = getPath(item.obj, path) as unknown as PodSpec;
  const selector = ctx.flags.str('containers', '*');
  const pick = (cs: Container[] | undefined) =>
    (cs ?? []).filter((c) => selectString(c.name, selector));
  const selected = new Set([...pick(spec.containers), ...pick(spec.initContainers)]);
  const name = String((item.obj['metadata'] as Obj | undefined)?.['name'] ?? '');
  if (selected.size === 0) {
    ctx.err(
      `Warning: ${kind}/${name} does not have any containers matching ${JSON.stringify(selector)}\n`,
    );
    return {};
  }
  const list = ctx.flags.bool('list');
  let ok = true;
  const edit = (cs: Container[] | undefined): Container[] | string | undefined => {
    if (!cs) return undefined;
    const out: Container[] = [];
    for (const c of cs) {
      if (!selected.has(c)) {
        out.push(c);
        continue;
      }
      if (!ctx.flags.bool('overwrite', true)) {
        const e = overwriteError(c.env ?? [], env);
        if (e) return e;
      }
      const updated = updateEnv(c.env ?? [], env, remove);
      const next: Container = { ...c, env: updated };
      if (updated.length === 0) delete next.env;
      if (list) ok = listContainer(ctx, item, next, ctx.flags.bool('resolve')) && ok;
      out.push(next);
    }
    return out;
  };
  const containers = edit(spec.containers);
  if (typeof containers === 'string') return { error: `\n ${containers}` };
  const initContainers = edit(spec.initContainers);
  if (typeof initContainers === 'string') return { error: `\n ${initContainers}` };
  if (!ok) return { error: 'failed to retrieve valueFrom references' };
  const nextSpec = { ...spec, containers: containers ?? [] } as PodSpec;
  if (initContainers) nextSpec.initContainers = initContainers;
  const next = setPath(item.obj, path, nextSpec as unknown as Obj);
  return canonicalJson(next) === canonicalJson(item.obj) ? {} : { next };
}

function run(ctx: KubectlContext): number {
  const all = ctx.flags.bool('all');
  if (all && ctx.flags.str('selector'))
    return ctx.fail('cannot set --all and --selector at the same time');
  const split = splitEnvironment(ctx.args);
  if (!split)
    return ctx.fail(
      `all resources must be specified before environment changes: ${ctx.args.join(' ')}`,
    );
  const outputText = ctx.flags.str('output');
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  const output = parseOutputFormat(outputText, OUTPUT_FORMATS);
  if (!output.ok) return ctx.fail(output.error);
  const local = ctx.flags.bool('local');
  if (local && dryRun.value === 'server')
    return ctx.fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const hasFiles = ctx.flags.list('filename').length > 0;
  if (!hasFiles && split.resources.length < 1)
    return ctx.fail(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  const list = ctx.flags.bool('list');
  if (list && outputText) return ctx.fail('--list and --output may not be specified together');
  if (ctx.flags.list('keys').length > 0 && !ctx.flags.str('from'))
    return ctx.fail('when specifying --keys, a configmap or secret must be provided with --from');

  const parsed = parseEnv([...ctx.flags.list('env'), ...split.envArgs]);
  if (!parsed.ok) return ctx.fail(parsed.error);
  const sources = fromSources(ctx, local);
  if (!sources.ok) return reportErrors(ctx, sources.errors);
  const prefix = ctx.flags.str('prefix');
  const env = [...parsed.env, ...sources.env].map((e) => ({ ...e, name: `${prefix}${e.name}` }));

  if (local && !hasFiles) return ctx.fail(NO_RESOURCES_GIVEN);
  const items = collectItems(ctx, local ? [] : split.resources, { local, allowEmptySelector: all });
  if (!items.ok) return reportErrors(ctx, items.errors);
  const visitErrors = items.visits.flatMap((v) => ('error' in v ? [v.error] : []));
  if (visitErrors.length > 0) return reportErrors(ctx, visitErrors);

  const changes: { item: Item; next?: Obj; error?: string }[] = [];
  for (const v of items.visits) {
    if (!('item' in v)) continue;
    const item = local ? { ...v.item, obj: typedForm(v.item.obj) } : v.item;
    const m = mutate(ctx, item, env, parsed.remove);
    changes.push('error' in m ? { item, error: m.error } : { item, ...m });
  }
  if (list) return 0;

  const errors: KubectlError[] = [];
  const separate = { count: 0 };
  const operation = `env updated${dryRunSuffix(dryRun.value)}`;
  for (const { item, next, error } of changes) {
    if (error !== undefined) {
      const sep = error.startsWith('\n') ? '' : ' ';
      errors.push(plain(`error: ${item.name}${sep}${error}\n`));
      continue;
    }
    if (!next) continue;
    if (local || dryRun.value === 'client') {
      const e = printItem(ctx, output.format, item.name, next, operation, separate);
      if (e) errors.push(e);
      continue;
    }
    const answer = patch(ctx, item, next, dryRun.value === 'server');
    if (isStatusError(answer)) {
      errors.push(plain(`failed to patch env update to pod template: ${answer.message}`));
      continue;
    }
    const e = printItem(ctx, output.format, item.name, answer as never, operation, separate);
    if (e) errors.push(e);
  }
  return reportErrors(ctx, errors);
}

function patch(ctx: KubectlContext, item: Item, next: Obj, dryRun: boolean) {
  const kind = item.kind as Kind;
  const name = String((next['metadata'] as Obj | undefined)?.['name'] ?? '');
  const result = ctx.transact(ctx.flags.str('field-manager', 'kubectl-set'), (tx) => {
    if (!tx.get(kind, item.namespace, name)) return notFound(kind, name);
    const r = update(tx, kind, next as never);
    if (isStatusError(r) || !dryRun) return r;
    // A dry run stores nothing: the answer keeps the resourceVersion the object had.
    const rv = (item.obj['metadata'] as Obj | undefined)?.['resourceVersion'];
    const answer = { ...r, metadata: { ...r.metadata, resourceVersion: rv } } as KubeObject;
    return { ok: false as const, dryRun: answer };
  });
  return 'dryRun' in result ? result.dryRun : result;
}

export const setenvCommands: KubectlCommand[] = [
  {
    path: 'set env',
    summary: 'update environment variables on a pod template',
    flags: [
      { name: 'all', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'containers', short: 'c', type: 'string' },
      { name: 'dry-run', type: 'string' },
      { name: 'env', short: 'e', type: 'stringArray' },
      { name: 'field-manager', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'from', type: 'string' },
      { name: 'keys', type: 'stringArray' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'list', type: 'bool' },
      { name: 'local', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'bool' },
      { name: 'prefix', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'resolve', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
    ],
    run,
  },
];
