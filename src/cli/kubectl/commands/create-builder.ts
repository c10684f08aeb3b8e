// The part of cli-runtime's resource builder (pkg/resource/builder.go: ResourceTypeOrNameArgs,
// LabelSelectorParam, SelectAllParam, visitorResult and its visitBy* functions) that expose and
// delete rely on: which objects the arguments name, with the builder's own errors in its order.
import type { Selector } from '../../../engine/k8s/labels';
import { matches, parseSelector } from '../../../engine/k8s/labels';
import type { Kind, KubeObject, ObjectReader } from '../../../engine/k8s/types';
import { KINDS, qualifiedResource } from '../../../engine/k8s/types';
import type { StatusError } from '../../../engine/k8s/errors';
import { NO_RESOURCES_GIVEN } from '../command';
import {
  ALL_CATEGORY,
  knownEmptyResource,
  RESOURCE_NAME_FORM_ERROR,
  resolveKind,
  gvrOf,
} from '../resources';

/** A type the server knows: one the simulator runs, or one it only lists as empty. */
export type ResourceType = { kind: Kind } | { elsewhere: string };

export interface Target {
  type: ResourceType;
  /** '' for cluster-scoped kinds. */
  namespace: string;
  name: string;
  /** The object, when it was listed (selector mode). */
  object?: KubeObject;
}

export interface BuilderInput {
  args: readonly string[];
  namespace: string;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  selectAll: boolean;
}

export type Plan =
  | { ok: false; errors: string[] }
  | { ok: true; mode: 'names'; targets: Target[] }
  | {
      ok: true;
      mode: 'selector';
      types: ResourceType[];
      namespace: string | undefined;
      label: string;
      field: string;
    };

function mapping(type: string): ResourceType | undefined {
  const kind = resolveKind(type);
  if (kind) return { kind };
  const elsewhere = knownEmptyResource(type);
  return elsewhere ? { elsewhere } : undefined;
}

function mappings(
  types: readonly string[],
): { ok: true; types: ResourceType[] } | { ok: false; errors: string[] } {
  const out: ResourceType[] = [];
  for (const t of types) {
    if (t === 'all') {
      for (const kind of ALL_CATEGORY) out.push({ kind });
      continue;
    }
    const m = mapping(t);
    if (!m)
      return {
        ok: false,
        errors: [`the server doesn't have a resource type ${JSON.stringify(t)}`],
      };
    out.push(m);
  }
  return { ok: true, types: out };
}

function namespaced(type: ResourceType): boolean {
  return 'kind' in type ? KINDS[type.kind].namespaced : true;
}

export function planResources(input: BuilderInput): Plan {
  const errs: string[] = [];
  const label = input.labelSelector.trim();
  const field = input.fieldSelector.trim();
  if (input.selectAll && (label || field))
    errs.push("setting 'all' parameter but found a non empty selector. ");

  // ResourceTypeOrNameArgs: `a,b x y` becomes a/x a/y b/x b/y first.
  let args = [...input.args];
  const first = args[0];
  if (args.length >= 2 && first !== undefined && first.split(',').filter(Boolean).length > 1) {
    const types = first.split(',').filter(Boolean);
    args = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
  }
  const tuples: { type: string; name: string }[] = [];
  let types: string[] = [];
  const names: string[] = [];
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) errs.push(RESOURCE_NAME_FORM_ERROR);
  else if (slashed > 0) {
    for (const a of args) {
      const seg = a.split('/');
      if (seg.length !== 2) {
        errs.push('arguments in resource/name form may not have more than one slash');
        break;
      }
      if (!seg[0] || !seg[1]) {
        errs.push('arguments in resource/name form must have a single resource and name');
        break;
      }
      tuples.push({ type: seg[0], name: seg[1] });
    }
  } else if (args.length > 0) {
    types = (args[0] ?? '').split(',').filter(Boolean);
    names.push(...args.slice(1));
  }
  if (errs.length > 0) return { ok: false, errors: errs };

  const namespace = input.allNamespaces ? '' : input.namespace;
  if (input.selectAll || label || field) {
    if (names.length > 0)
      return { ok: false, errors: ['name cannot be provided when a selector is specified'] };
    if (tuples.length > 0)
      return {
        ok: false,
        errors: ['selectors and the all flag cannot be used when passing resource/name arguments'],
      };
    if (types.length === 0)
      return { ok: false, errors: ['at least one resource must be specified to use a selector'] };
    const m = mappings(types);
    if (!m.ok) return m;
    return {
      ok: true,
      mode: 'selector',
      types: m.types,
      namespace: namespace || undefined,
      label,
      field,
    };
  }
  const acrossAll = input.allNamespaces
    ? 'a resource cannot be retrieved by name across all namespaces'
    : 'namespace may not be empty when retrieving a resource by name';
  if (tuples.length > 0) {
    const targets: Target[] = [];
    for (const t of tuples) {
      const m = mappings([t.type]);
      if (!m.ok) return m;
      const type = m.types[0] as ResourceType;
      if (namespaced(type) && !namespace) return { ok: false, errors: [acrossAll] };
      targets.push({ type, namespace: namespaced(type) ? namespace : '', name: t.name });
    }
    return { ok: true, mode: 'names', targets };
  }
  if (names.length > 0) {
    const m = mappings(types);
    if (!m.ok) return m;
    if (m.types.length > 1) return { ok: false, errors: ['you must specify only one resource'] };
    const type = m.types[0] as ResourceType;
    if (namespaced(type) && !namespace) return { ok: false, errors: [acrossAll] };
    return {
      ok: true,
      mode: 'names',
      targets: names.map((name) => ({ type, namespace: namespaced(type) ? namespace : '', name })),
    };
  }
  if (types.length > 0) {
    const m = mappings(types);
    if (!m.ok) return m;
    return { ok: false, errors: ['resource(s) were provided, but no name was specified'] };
  }
  return { ok: false, errors: [NO_RESOURCES_GIVEN] };
}

/** The fields the API server lets a field selector use, beyond metadata.name and metadata.namespace. */
const FIELD_LABELS: Partial<Record<Kind, Record<string, (o: KubeObject) => string>>> = {
  Pod: {
    'spec.nodeName': (o) => (o as { spec?: { nodeName?: string } }).spec?.nodeName ?? '',
    'spec.restartPolicy': (o) =>
      (o as { spec?: { restartPolicy?: string } }).spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) =>
      (o as { spec?: { schedulerName?: string } }).spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) =>
      (o as { spec?: { serviceAccountName?: string } }).spec?.serviceAccountName ?? '',
    'status.phase': (o) => (o as { status?: { phase?: string } }).status?.phase ?? '',
    'status.podIP': (o) => (o as { status?: { podIP?: string } }).status?.podIP ?? '',
    'status.nominatedNodeName': (o) =>
      (o as { status?: { nominatedNodeName?: string } }).status?.nominatedNodeName ?? '',
  },
  Namespace: { 'status.phase': (o) => (o as { status?: { phase?: string } }).status?.phase ?? '' },
};

type FieldRequirement = { field: string; value: string; equal: boolean };

function parseFieldSelector(
  text: string,
): { ok: true; reqs: FieldRequirement[] } | { ok: false; error: string } {
  const reqs: FieldRequirement[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const m = /^([^=!]*)(!=|==|=)(.*)$/.exec(part);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    reqs.push({ field: (m[1] ?? '').trim(), value: (m[3] ?? '').trim(), equal: m[2] !== '!=' });
  }
  return { ok: true, reqs };
}

function gvr(type: ResourceType): string {
  if ('kind' in type) return gvrOf(type.kind);
  const [resource, ...group] = type.elsewhere.split('.');
  return `${group.join('.')}/v1, Resource=${resource ?? ''}`;
}

export type ListResult = { ok: true; targets: Target[] } | { ok: false; message: string };

/**
 * One LIST of the selector visitor: the objects of `type` matching the selectors, or the API
 * server's BadRequest, worded as the builder rewords it (pkg/resource/selector.go).
 */
export function listMatching(
  reader: ObjectReader,
  type: ResourceType,
  namespace: string | undefined,
  label: string,
  field: string,
): ListResult {
  const fail = (why: string): ListResult => ({
    ok: false,
    message: `Unable to find ${JSON.stringify(gvr(type))} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${why}`,
  });
  const parsedLabel = parseSelector(label);
  if (!parsedLabel.ok) return fail(parsedLabel.error);
  const parsedField = parseFieldSelector(field);
  if (!parsedField.ok) return fail(parsedField.error);
  if (!('kind' in type)) return { ok: true, targets: [] };
  const kind = type.kind;
  const getters: Record<string, (o: KubeObject) => string> = {
    'metadata.name': (o) => o.metadata?.name ?? '',
    'metadata.namespace': (o) => o.metadata?.namespace ?? '',
    ...FIELD_LABELS[kind],
  };
  for (const r of parsedField.reqs)
    if (!getters[r.field]) return fail(`field label not supported: ${r.field}`);
  const selector: Selector = parsedLabel.selector;
  const objects = reader.list(kind, KINDS[kind].namespaced ? namespace : undefined);
  const targets = objects
    .filter((o) => matches(selector, o.metadata?.labels))
    .filter((o) => parsedField.reqs.every((r) => (getters[r.field]?.(o) === r.value) === r.equal))
    .map((o) => ({
      type,
      namespace: o.metadata?.namespace ?? '',
      name: o.metadata?.name ?? '',
      object: o,
    }));
  return { ok: true, targets };
}

/** The API server's NotFound for an object of any type, the ones the simulator does not run too. */
export function notFoundError(type: ResourceType, name: string): StatusError {
  const resource = 'kind' in type ? qualifiedResource(type.kind, true) : type.elsewhere;
  return {
    ok: false,
    code: 404,
    reason: 'NotFound',
    message: `${resource} ${JSON.stringify(name)} not found`,
  };
}
