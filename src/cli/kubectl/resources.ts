// Resource types as a person types them (`po`, `pods`, `deploy`, `deployments.apps`, `svc/x`)
// resolved the way kubectl resolves them against the server's discovery data.
import type { Kind } from '../../engine/k8s/types';
import { ALL_KINDS, KINDS } from '../../engine/k8s/types';

/** Kinds the server knows that the simulator does not run, so `get all` can skip them silently. */
const KNOWN_ELSEWHERE = new Map<string, string>([
  ['daemonsets', 'daemonsets.apps'],
  ['ds', 'daemonsets.apps'],
  ['statefulsets', 'statefulsets.apps'],
  ['sts', 'statefulsets.apps'],
  ['jobs', 'jobs.batch'],
  ['cronjobs', 'cronjobs.batch'],
  ['cj', 'cronjobs.batch'],
  ['configmaps', 'configmaps'],
  ['cm', 'configmaps'],
  ['secrets', 'secrets'],
  ['serviceaccounts', 'serviceaccounts'],
  ['sa', 'serviceaccounts'],
  ['ingresses', 'ingresses.networking.k8s.io'],
  ['ing', 'ingresses.networking.k8s.io'],
  ['persistentvolumeclaims', 'persistentvolumeclaims'],
  ['pvc', 'persistentvolumeclaims'],
  ['horizontalpodautoscalers', 'horizontalpodautoscalers.autoscaling'],
  ['hpa', 'horizontalpodautoscalers.autoscaling'],
  ['replicationcontrollers', 'replicationcontrollers'],
  ['rc', 'replicationcontrollers'],
  ['endpointslices', 'endpointslices.discovery.k8s.io'],
]);

/** Kinds the simulator stores that the server lists as empty for these (for `get configmaps`). */
export function knownEmptyResource(type: string): string | undefined {
  const t = type.toLowerCase();
  for (const [alias, full] of KNOWN_ELSEWHERE) {
    const [plural] = full.split('.');
    const singular = plural
      ?.replace(/ies$/, 'y')
      .replace(/(ses|xes)$/, (m) => m.slice(0, -2))
      .replace(/s$/, '');
    if (
      t === alias ||
      t === full ||
      t === singular ||
      t === `${singular}.${full.split('.').slice(1).join('.')}`
    )
      return full;
  }
  return undefined;
}

/** Resolves a resource type as typed, or undefined when the server has no such type. */
export function resolveKind(type: string): Kind | undefined {
  const t = type.toLowerCase();
  for (const kind of ALL_KINDS) {
    const info = KINDS[kind];
    const names = [info.resource, info.singular, ...info.shortNames, kind.toLowerCase()];
    if (names.includes(t)) return kind;
    if (info.group) {
      const qualified = names.map((n) => `${n}.${info.group}`);
      if (qualified.includes(t)) return kind;
      if (
        qualified
          .map((n) =>
            n.replace(`.${info.group}`, `.${info.apiVersion.split('/')[1]}.${info.group}`),
          )
          .includes(t)
      )
        return kind;
    } else if (names.map((n) => `${n}.v1`).includes(t)) return kind;
  }
  return undefined;
}

/** `kubectl get all`: the categories' member kinds, in the order kubectl prints them. */
export const ALL_CATEGORY: readonly Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];

export interface ResourceRef {
  kind: Kind;
  /** undefined: every object of the kind (with the selector, if any). */
  name?: string;
}

export type ResourceArgs =
  | { ok: true; refs: ResourceRef[]; byType: boolean; unknownEmpty: string[] }
  | { ok: false; error: string; plain?: boolean };

export const RESOURCE_NAME_FORM_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

function unknownType(type: string): ResourceArgs {
  return { ok: false, error: `the server doesn't have a resource type "${type}"` };
}

/**
 * Parses the resource arguments of get, describe, delete and friends: `TYPE`, `TYPE NAME…`,
 * `TYPE1,TYPE2 [NAME…]`, `TYPE/NAME…`, `all`.
 */
export function parseResourceArgs(args: readonly string[]): ResourceArgs {
  if (args.length === 0) return { ok: true, refs: [], byType: false, unknownEmpty: [] };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) return { ok: false, error: RESOURCE_NAME_FORM_ERROR };
    const refs: ResourceRef[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name)
        return {
          ok: false,
          error: `arguments in resource/name form must have a single resource and name`,
        };
      const kind = resolveKind(type);
      if (!kind) return unknownType(type);
      refs.push({ kind, name });
    }
    return { ok: true, refs, byType: false, unknownEmpty: [] };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const kinds: Kind[] = [];
  const unknownEmpty: string[] = [];
  for (const type of typeArg.split(',')) {
    if (type === '') continue;
    if (type === 'all') {
      for (const k of ALL_CATEGORY) if (!kinds.includes(k)) kinds.push(k);
      continue;
    }
    const kind = resolveKind(type);
    if (kind) {
      if (!kinds.includes(kind)) kinds.push(kind);
      continue;
    }
    const elsewhere = knownEmptyResource(type);
    if (elsewhere) {
      unknownEmpty.push(elsewhere);
      continue;
    }
    return unknownType(type);
  }
  const refs =
    names.length === 0
      ? kinds.map((kind) => ({ kind }))
      : kinds.flatMap((kind) => names.map((name) => ({ kind, name })));
  return { ok: true, refs, byType: names.length === 0, unknownEmpty };
}
