// What the `create configmap|secret|serviceaccount|role|…` generators share: their flags, the
// Go struct order their typed objects print in (k8s.io/api core/v1 and rbac/v1 types.go), and
// the tail that prints or sends the object (kubectl pkg/cmd/create, cli-runtime PrintFlags).
import type { Result } from '../../../engine/k8s/apiserver';
import { create, isStatusError } from '../../../engine/k8s/apiserver';
import type { StatusError } from '../../../engine/k8s/errors';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import type { KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import type { OutputFormat } from '../output';
import { nameOf, printObjects } from '../output';
import type { DryRun } from './create-common';
import {
  argsLenAtDash,
  checkValidate,
  dryRunStrategy,
  LAST_APPLIED,
  namespaceEnforced,
  outputFormat,
} from './create-common';
import { goCompactJson } from './create-gotypes';

/** Flags every generator shares (PrintFlags, AddApplyAnnotationFlags, validate, dry-run, field manager). */
export const GENERATOR_FLAGS: readonly FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'validate', type: 'string' },
];

const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

const HEAD = ['kind', 'apiVersion', 'metadata'];
const ORDER: Partial<Record<Kind, readonly string[]>> = {
  ConfigMap: [...HEAD, 'immutable', 'data', 'binaryData'],
  Secret: [...HEAD, 'immutable', 'data', 'stringData', 'type'],
  ServiceAccount: [...HEAD, 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Role: [...HEAD, 'rules'],
  ClusterRole: [...HEAD, 'rules', 'aggregationRule'],
  RoleBinding: [...HEAD, 'subjects', 'roleRef'],
  ClusterRoleBinding: [...HEAD, 'subjects', 'roleRef'],
};

function pick(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (obj[key] !== undefined) out[key] = obj[key];
  return out;
}

/**
 * The object as its Go struct marshals: fields in struct order, `creationTimestamp: null` when
 * unset (metav1.Time is a value), map keys sorted, empty maps and lists left out.
 */
export function typedMore(kind: Kind, obj: KubeObject): KubeObject {
  const raw = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  const sortMap = (m: unknown) =>
    m && typeof m === 'object' && Object.keys(m).length > 0
      ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : undefined;
  raw['metadata'] = pick(
    {
      ...meta,
      creationTimestamp: meta['creationTimestamp'] ?? null,
      labels: sortMap(meta['labels']),
      annotations: sortMap(meta['annotations']),
    },
    META_ORDER,
  );
  for (const key of ['data', 'binaryData', 'stringData']) raw[key] = sortMap(raw[key]);
  if (Array.isArray(raw['rules']))
    raw['rules'] = (raw['rules'] as Record<string, unknown>[]).map((r) =>
      pick(r, ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs']),
    );
  if (Array.isArray(raw['subjects']))
    raw['subjects'] = (raw['subjects'] as Record<string, unknown>[]).map((s) =>
      pick({ ...s, apiGroup: s['apiGroup'] || undefined }, [
        'kind',
        'apiGroup',
        'name',
        'namespace',
      ]),
    );
  if (raw['roleRef'])
    raw['roleRef'] = pick(raw['roleRef'] as Record<string, unknown>, ['apiGroup', 'kind', 'name']);
  return pick(raw, ORDER[kind] ?? Object.keys(raw)) as KubeObject;
}

/** NameFromCommandArgs: exactly one argument before `--`. */
function nameArg(ctx: KubectlContext): { ok: true; name: string } | { ok: false; error: string } {
  const dash = argsLenAtDash(ctx);
  const count = dash === -1 ? ctx.args.length : dash;
  if (count !== 1) return { ok: false, error: `exactly one NAME is required, got ${count}` };
  return { ok: true, name: ctx.args[0] ?? '' };
}

export interface Completed {
  name: string;
  dryRun: DryRun;
  format: OutputFormat;
}

/** Complete() of the generators: the name, then --dry-run, the printer and --validate. */
export function completeGenerator(
  ctx: KubectlContext,
): { ok: true; value: Completed } | { ok: false; code: number } {
  const name = nameArg(ctx);
  if (!name.ok) return { ok: false, code: ctx.helpError(name.error) };
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return { ok: false, code: ctx.fail(dryRun.error) };
  const format = outputFormat(ctx);
  if (!format.ok) return { ok: false, code: ctx.fail(format.error) };
  const validate = checkValidate(ctx);
  if (validate) return { ok: false, code: ctx.fail(validate) };
  return { ok: true, value: { name: name.name, dryRun: dryRun.value, format: format.value } };
}

function printMore(ctx: KubectlContext, kind: Kind, obj: KubeObject, c: Completed): number {
  if (c.format.kind === 'default' || c.format.kind === 'wide') {
    const suffix =
      c.dryRun === 'client' ? ' (dry run)' : c.dryRun === 'server' ? ' (server dry run)' : '';
    ctx.out(`${nameOf(obj)} created${suffix}\n`);
    return 0;
  }
  const printed = printObjects([typedMore(kind, obj)], c.format, { single: true, sortKeys: false });
  if (!printed.ok) return ctx.fail(printed.error);
  ctx.out(printed.text);
  return 0;
}

type Outcome =
  KubeObject | StatusError | { ok: false; wrapped: string } | { ok: false; shown: KubeObject };

/**
 * The common tail: --save-config, then printing the client-side object, or sending it (dry run
 * or not) and printing the server's answer. `wrap` is how the command words a failure.
 */
export function submitMore(
  ctx: KubectlContext,
  kind: Kind,
  c: Completed,
  wrap: string | undefined,
  built: KubeObject,
): number {
  let object = built;
  if (ctx.flags.bool('save-config')) {
    const others = { ...built.metadata?.annotations };
    delete others[LAST_APPLIED];
    const bare = { ...built, metadata: { ...built.metadata, annotations: others } } as KubeObject;
    const config = `${goCompactJson(typedMore(kind, bare))}\n`;
    object = {
      ...built,
      metadata: { ...built.metadata, annotations: { ...others, [LAST_APPLIED]: config } },
    } as KubeObject;
  }
  if (c.dryRun === 'client') return printMore(ctx, kind, object, c);
  const manager = ctx.flags.str('field-manager', 'kubectl-create');
  const outcome = ctx.transact<Outcome>(manager, (tx) => {
    const namespace = KINDS[kind].namespaced ? ctx.namespace : undefined;
    const sent = { ...object, metadata: { ...object.metadata, namespace } } as KubeObject;
    const result = create(tx, kind, sent as never, {
      dryRun: c.dryRun === 'server',
    }) as Result<KubeObject>;
    if (isStatusError(result))
      return wrap ? { ok: false, wrapped: `${wrap}${result.message}` } : result;
    return c.dryRun === 'server' ? { ok: false, shown: result } : result;
  });
  if ('wrapped' in outcome) return ctx.fail(outcome.wrapped);
  const shown = 'shown' in outcome ? outcome.shown : outcome;
  if (isStatusError(shown)) return ctx.apiError(shown);
  return printMore(ctx, kind, shown, c);
}

export function meta(ctx: KubectlContext, name: string) {
  return { name, ...(namespaceEnforced(ctx) ? { namespace: ctx.namespace } : {}) };
}

/** pflag StringSlice: every occurrence is a comma-separated list. */
export function stringSlice(ctx: KubectlContext, name: string): string[] {
  return ctx.flags.list(name).flatMap((v) => (v === '' ? [] : v.split(',')));
}
