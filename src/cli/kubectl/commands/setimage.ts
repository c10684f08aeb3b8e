// kubectl set image: changes container images in pod templates (kubectl pkg/cmd/set/set_image.go,
// pkg/cmd/set/helper.go CalculatePatches, pkg/cmd/util/helpers.go GetResourcesAndPairs and
// ParsePairs, polymorphichelpers/updatepodspec.go). kubectl sends a strategic merge patch only
// when the object changed, so setting the image a container already has prints nothing.
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import type { Container, Kind, KubeObject, PodSpec } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import { GLOBAL_FLAGS, NO_RESOURCES_GIVEN } from '../command';
import type { FlagSpec } from '../flags';
import { parseOutputFormat } from '../output';
import { ObjectPrinter, OUTPUT_FORMATS } from './rollout-print';
import type { KubectlError, Target } from './rollout-builder';
import {
  dryRunStrategy,
  dryRunSuffix,
  hasFilenames,
  plain,
  reportErrors,
  resolveTargets,
} from './rollout-builder';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const LOCAL_RESOURCE_ERROR =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** GetResourcesAndPairs then ParsePairs: `TYPE NAME… KEY=VALUE…`, pairs last. */
export function splitImageArgs(
  args: readonly string[],
): { ok: true; resources: string[]; images: Map<string, string> } | { ok: false; error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0)
      return { ok: false, error: `all resources must be specified before image changes: ${s}` };
    else resources.push(s);
  }
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) {
      const i = p.indexOf('=');
      images.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length > 0)
    return { ok: false, error: `invalid image format: ${invalid.join(', ')}` };
  return { ok: true, resources, images };
}

// The kinds whose pod spec kubectl can reach (polymorphichelpers/updatepodspec.go
// updatePodSpecForObject): a Pod's own spec, a CronJob's job template's, the others' template's.
const TEMPLATED = new Set([
  'ReplicationController',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'StatefulSet',
  'Job',
]);

function podSpecPath(kind: Kind): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if ((kind as string) === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return TEMPLATED.has(kind) ? ['spec', 'template', 'spec'] : undefined;
}

type Obj = Record<string, unknown>;

/** The pod spec an object carries (UpdatePodSpecForObjectFn), or the Go type kubectl names. */
function podSpecOf(kind: Kind, obj: KubeObject): { spec: PodSpec } | { goType: string } {
  const path = podSpecPath(kind);
  if (!path) return { goType: `*${KINDS[kind].apiVersion.split('/').at(-1)}.${kind}` };
  let at: unknown = obj;
  for (const p of path) at = (at as Obj | undefined)?.[p];
  return { spec: (at as PodSpec | undefined) ?? { containers: [] } };
}

function setPath(obj: Obj, path: readonly string[], value: unknown): Obj {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  return { ...obj, [head]: setPath((obj[head] ?? {}) as Obj, rest, value) };
}

function withPodSpec(kind: Kind, obj: KubeObject, spec: PodSpec): KubeObject {
  return setPath(
    obj as unknown as Obj,
    podSpecPath(kind) ?? ['spec'],
    spec,
  ) as unknown as KubeObject;
}

function setImages(
  containers: readonly Container[] | undefined,
  name: string,
  image: string,
): { list?: Container[]; found: boolean } {
  if (!containers) return { found: false };
  let found = false;
  const list = containers.map((c) => {
    if (c.name !== name && name !== '*') return c;
    found = true;
    return { ...c, image };
  });
  return { list, found };
}

/**
 * The change-cause --record writes (genericclioptions parseCommandArguments): the program name,
 * the arguments, then every flag given as ` --name=value`.
 */
function changeCause(ctx: KubectlContext): string {
  const flags: string[] = [];
  for (const spec of [...GLOBAL_FLAGS, ...ctx.command.flags]) {
    if (!ctx.flags.has(spec.name)) continue;
    const values = spec.type === 'stringArray' ? ctx.flags.list(spec.name) : [flagValue(ctx, spec)];
    for (const v of values) flags.push(` --${spec.name}=${v}`);
  }
  return `kubectl ${['set', 'image', ...ctx.args].join(' ')}${flags.join('')}`;
}

function flagValue(ctx: KubectlContext, spec: FlagSpec): string {
  switch (spec.type) {
    case 'bool':
      return String(ctx.flags.bool(spec.name));
    case 'int':
      return String(ctx.flags.int(spec.name, 0));
    case 'duration':
      return `${ctx.flags.int(spec.name, 0) / 1000}s`;
    default:
      return ctx.flags.str(spec.name);
  }
}

function run(ctx: KubectlContext): number {
  if (ctx.flags.has('record'))
    ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  const output = parseOutputFormat(ctx.flags.str('output'), OUTPUT_FORMATS);
  if (!output.ok) return ctx.fail(output.error);
  const split = splitImageArgs(ctx.args);
  if (!split.ok) return ctx.fail(split.error);
  const { resources, images } = split;
  const local = ctx.flags.bool('local');
  const all = ctx.flags.bool('all');

  if (local) {
    // --local reads objects from files only, and the workspace holds none yet.
    if (resources.length > 0) {
      ctx.err(`${LOCAL_RESOURCE_ERROR}\n`);
      return 1;
    }
    const errors = hasFilenames(ctx)
      ? resolveTargets(ctx, [], { allowEmptySelector: false })
      : undefined;
    if (errors && !errors.ok) return reportErrors(ctx, errors.errors);
    return ctx.fail(NO_RESOURCES_GIVEN);
  }
  const resolved = resolveTargets(ctx, resources, { allowEmptySelector: all });
  if (!resolved.ok) return reportErrors(ctx, resolved.errors);
  const visitErrors = resolved.visits.flatMap((v) => ('error' in v ? [v.error] : []));
  if (visitErrors.length > 0) return reportErrors(ctx, visitErrors);
  const targets: Target[] = resolved.visits.flatMap((v) => ('target' in v ? [v.target] : []));

  const invalid: KubectlError[] = [];
  if (all && ctx.flags.str('selector'))
    invalid.push(plain('cannot set --all and --selector at the same time'));
  if (resources.length === 0 && !hasFilenames(ctx))
    invalid.push(
      plain('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    );
  if (images.size === 0) invalid.push(plain('at least one image update is required'));
  else if (images.size > 1 && images.has('*'))
    invalid.push(
      plain(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      ),
    );
  if (invalid.length > 0) return reportErrors(ctx, invalid);

  const cause = ctx.flags.bool('record') ? changeCause(ctx) : undefined;
  const errors: KubectlError[] = [];
  const changed: { target: Target; next: KubeObject }[] = [];
  for (const t of targets) {
    const podSpec = podSpecOf(t.kind, t.obj);
    if ('goType' in podSpec) {
      errors.push(
        plain(
          `error: ${KINDS[t.kind].resource}/${t.name} the object is not a pod or does not have a pod template: ${podSpec.goType}\n`,
        ),
      );
      continue;
    }
    let spec = podSpec.spec;
    for (const [name, image] of images) {
      const init = setImages(spec.initContainers, name, image);
      const main = setImages(spec.containers, name, image);
      spec = {
        ...spec,
        ...(init.list ? { initContainers: init.list } : {}),
        containers: main.list ?? [],
      };
      if (!init.found && !main.found)
        errors.push(plain(`error: unable to find container named "${name}"`));
    }
    let next = withPodSpec(t.kind, t.obj, spec);
    if (cause !== undefined) {
      next = {
        ...next,
        metadata: {
          ...next.metadata,
          annotations: { ...next.metadata?.annotations, [CHANGE_CAUSE]: cause },
        },
      } as KubeObject;
    }
    if (JSON.stringify(next) !== JSON.stringify(t.obj)) changed.push({ target: t, next });
  }

  const printer = new ObjectPrinter(
    ctx,
    output.format,
    `image updated${dryRunSuffix(dryRun.value)}`,
  );
  for (const { target, next } of changed) {
    if (dryRun.value === 'client') {
      printer.print(next);
      continue;
    }
    const result = ctx.transact(ctx.flags.str('field-manager', 'kubectl-set'), (tx) => {
      const r = update(tx, target.kind, next as never);
      if (isStatusError(r) || dryRun.value === 'none') return r;
      // A dry run stores nothing, so the answer keeps the resourceVersion it had.
      const rv = target.obj.metadata?.resourceVersion;
      const answer = { ...r, metadata: { ...r.metadata, resourceVersion: rv } } as KubeObject;
      return { ok: false as const, dryRun: answer };
    });
    if ('dryRun' in result) printer.print(result.dryRun);
    else if (isStatusError(result))
      errors.push(plain(`failed to patch image update to pod template: ${result.message}`));
    else printer.print(result as KubeObject);
  }
  return reportErrors(ctx, [...errors, ...printer.errors]);
}

export const setimageCommands: KubectlCommand[] = [
  {
    path: 'set image',
    summary: 'update the image of a pod template',
    flags: [
      { name: 'all', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'dry-run', type: 'string' },
      { name: 'field-manager', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'local', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
      { name: 'record', type: 'bool' },
    ],
    run,
  },
];
