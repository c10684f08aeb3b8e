// kubectl create role | clusterrole | rolebinding | clusterrolebinding, as kubectl v1.32 builds
// them: kubectl pkg/cmd/create/create_role.go (Complete, Validate, validateResource,
// generateResourcePolicyRules), create_clusterrole.go, create_rolebinding.go,
// create_clusterrolebinding.go. Resources resolve against the server's discovery, as the
// command's REST mapper does.
import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import { resolveResource } from '../resources';
import type { Completed } from './create-more-common';
import {
  completeGenerator,
  GENERATOR_FLAGS,
  meta,
  stringSlice,
  submitMore,
} from './create-more-common';

const RBAC = 'rbac.authorization.k8s.io';
const RBAC_VERSION = `${RBAC}/v1`;

const RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on some resources (create_role.go specialVerbs). */
const SPECIAL_VERBS: Readonly<Record<string, readonly [string, string][]>> = {
  use: [
    ['policy', 'podsecuritypolicies'],
    ['extensions', 'podsecuritypolicies'],
  ],
  bind: [
    [RBAC, 'roles'],
    [RBAC, 'clusterroles'],
  ],
  escalate: [
    [RBAC, 'roles'],
    [RBAC, 'clusterroles'],
  ],
  impersonate: [
    ['', 'users'],
    ['', 'serviceaccounts'],
    ['', 'groups'],
    ['authentication.k8s.io', 'userextras'],
  ],
};

interface ResourceOption {
  resource: string;
  group: string;
  subresource: string;
}

/** `--resource=pods,deployments.apps,pods/log`; a bare `*` stands for everything. */
function resourceOptions(ctx: KubectlContext): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of stringSlice(ctx, 'resource')) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const subresource = slash < 0 ? '' : r.slice(slash + 1);
    const dot = head.indexOf('.');
    const option = {
      resource: dot < 0 ? head : head.slice(0, dot),
      group: dot < 0 ? '' : head.slice(dot + 1),
      subresource,
    };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/** The mapper's ResourceFor: the full resource and group, or its NoResourceMatchError. */
function resourceFor(
  ctx: KubectlContext,
  r: ResourceOption,
): { group: string; resource: string; error?: string } {
  const typed = r.group ? `${r.resource}.${r.group}` : r.resource;
  const found = resolveResource(typed, ctx.reader);
  if (found.ok) return { group: found.resource.group, resource: found.resource.name };
  return {
    group: r.group,
    resource: r.resource,
    error: `no matches for ${r.group}/, Resource=${r.resource}`,
  };
}

function validateResources(ctx: KubectlContext, verbs: string[], resources: ResourceOption[]) {
  for (const r of resources) {
    if (!r.resource) return 'resource must be specified if apiGroup/subresource specified';
    if (r.resource === '*') return undefined;
    const found = resourceFor(ctx, r);
    let error = found.error;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === found.group && res === found.resource))
        return `can not perform '${v}' on '${found.resource}' in group '${found.group}'`;
      error = undefined;
    }
    if (error) return error;
  }
  return undefined;
}

/** generateResourcePolicyRules: one rule per API group, in group order, then the URLs. */
function policyRules(
  ctx: KubectlContext,
  verbs: string[],
  resources: ResourceOption[],
  resourceNames: string[],
  urls: string[],
): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = resourceFor(ctx, r);
    const name = r.subresource ? `${found.resource}/${r.subresource}` : found.resource;
    const list = byGroup.get(found.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(found.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({
    verbs,
    apiGroups: [g],
    resources: byGroup.get(g) ?? [],
    ...(resourceNames.length > 0 ? { resourceNames } : {}),
  }));
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

const unique = (list: readonly string[]) => [...new Set(list)];

/** --verb: duplicates dropped, `*` standing for all of them. */
function verbsOf(ctx: KubectlContext): string[] {
  const verbs = unique(stringSlice(ctx, 'verb'));
  return verbs.includes('*') ? ['*'] : verbs;
}

function warnVerbs(ctx: KubectlContext, verbs: string[]): void {
  for (const v of verbs)
    if (!RESOURCE_VERBS.includes(v)) ctx.err(`Warning: '${v}' is not a standard resource verb\n`);
}

function runCreateRole(ctx: KubectlContext): number {
  const done = completeGenerator(ctx);
  if (!done.ok) return done.code;
  const c = done.value;
  const verbs = verbsOf(ctx);
  const resources = resourceOptions(ctx);
  const names = unique(ctx.flags.list('resource-name'));
  if (!c.name) return ctx.fail('name must be specified');
  if (verbs.length === 0) return ctx.fail('at least one verb must be specified');
  warnVerbs(ctx, verbs);
  if (resources.length === 0) return ctx.fail('at least one resource must be specified');
  const problem = validateResources(ctx, verbs, resources);
  if (problem) return ctx.fail(problem);
  const role = {
    kind: 'Role',
    apiVersion: RBAC_VERSION,
    metadata: meta(ctx, c.name),
    rules: policyRules(ctx, verbs, resources, names, []),
  } as KubeObject;
  return submitMore(ctx, 'Role', c, undefined, role);
}

/** --aggregation-rule=k=v,k2=v2 (cliflag.MapStringString), every occurrence added. */
function aggregationRule(ctx: KubectlContext): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const value of ctx.flags.list('aggregation-rule')) {
    for (const pair of value.split(',')) {
      if (pair === '') continue;
      const i = pair.indexOf('=');
      if (i < 0)
        return `invalid argument ${JSON.stringify(value)} for "--aggregation-rule" flag: malformed pair, expect string=string`;
      out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
  }
  return out;
}

function validateClusterRole(
  ctx: KubectlContext,
  c: Completed,
  verbs: string[],
  resources: ResourceOption[],
  names: string[],
  urls: string[],
  aggregation: Record<string, string>,
): string | undefined {
  if (!c.name) return 'name must be specified';
  if (Object.keys(aggregation).length > 0) {
    if (urls.length > 0 || verbs.length > 0 || resources.length > 0 || names.length > 0)
      return 'aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames';
    return undefined;
  }
  if (verbs.length === 0) return 'at least one verb must be specified';
  if (resources.length === 0 && urls.length === 0)
    return 'one of resource or nonResourceURL must be specified';
  if (resources.length > 0) {
    warnVerbs(ctx, verbs);
    const problem = validateResources(ctx, verbs, resources);
    if (problem) return problem;
  }
  if (urls.length > 0) {
    for (const v of verbs)
      if (!NON_RESOURCE_VERBS.includes(v)) return `invalid verb: '${v}' for nonResourceURL`;
    for (const url of urls) {
      if (url === '*') continue;
      if (!url.startsWith('/')) return 'nonResourceURL should start with /';
      if (url.slice(0, -1).includes('*'))
        return "nonResourceURL only supports wildcard matches when '*' is at the end";
    }
  }
  return undefined;
}

function runCreateClusterRole(ctx: KubectlContext): number {
  const aggregation = aggregationRule(ctx);
  if (typeof aggregation === 'string') return ctx.usageError(aggregation);
  const done = completeGenerator(ctx);
  if (!done.ok) return done.code;
  const c = done.value;
  const verbs = verbsOf(ctx);
  const resources = resourceOptions(ctx);
  const names = unique(ctx.flags.list('resource-name'));
  const urls = unique(stringSlice(ctx, 'non-resource-url'));
  const problem = validateClusterRole(ctx, c, verbs, resources, names, urls, aggregation);
  if (problem) return ctx.fail(problem);
  const aggregated = Object.keys(aggregation).length > 0;
  const role = {
    kind: 'ClusterRole',
    apiVersion: RBAC_VERSION,
    metadata: { name: c.name },
    ...(aggregated
      ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } }
      : { rules: policyRules(ctx, verbs, resources, names, urls) }),
  } as KubeObject;
  return submitMore(ctx, 'ClusterRole', c, undefined, role);
}

/** Users, then groups, then `namespace:name` service accounts. */
function subjects(ctx: KubectlContext): Subject[] | string {
  const out: Subject[] = [
    ...ctx.flags.list('user').map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...ctx.flags.list('group').map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
  ];
  for (const sa of ctx.flags.list('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1])
      return 'serviceaccount must be <namespace>:<name>';
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

function runCreateBinding(kind: 'RoleBinding' | 'ClusterRoleBinding') {
  return (ctx: KubectlContext): number => {
    const done = completeGenerator(ctx);
    if (!done.ok) return done.code;
    const c = done.value;
    const role = ctx.flags.str('role');
    const clusterRole = ctx.flags.str('clusterrole');
    if (kind === 'RoleBinding') {
      if (!c.name) return ctx.fail('name must be specified');
      if (!role === !clusterRole)
        return ctx.fail('exactly one of clusterrole or role must be specified');
    }
    const subs = subjects(ctx);
    if (typeof subs === 'string') return ctx.fail(subs);
    const roleRef = role
      ? { apiGroup: RBAC, kind: 'Role', name: role }
      : { apiGroup: RBAC, kind: 'ClusterRole', name: clusterRole };
    const binding = {
      kind,
      apiVersion: RBAC_VERSION,
      metadata: kind === 'RoleBinding' ? meta(ctx, c.name) : { name: c.name },
      ...(subs.length > 0 ? { subjects: subs } : {}),
      roleRef,
    } as KubeObject;
    const wrap = `failed to create ${kind.toLowerCase()}: `;
    return submitMore(ctx, kind, c, wrap, binding);
  };
}

const ROLE_FLAGS: readonly FlagSpec[] = [
  ...GENERATOR_FLAGS,
  { name: 'resource', type: 'stringArray' },
  { name: 'resource-name', type: 'stringArray' },
  { name: 'verb', type: 'stringArray' },
];

const BINDING_FLAGS: readonly FlagSpec[] = [
  ...GENERATOR_FLAGS,
  { name: 'clusterrole', type: 'string' },
  { name: 'group', type: 'stringArray' },
  { name: 'serviceaccount', type: 'stringArray' },
  { name: 'user', type: 'stringArray' },
];

export const roleCommands: KubectlCommand[] = [
  {
    path: 'create role',
    summary: 'create a role with single rule',
    flags: ROLE_FLAGS,
    run: runCreateRole,
  },
  {
    path: 'create clusterrole',
    summary: 'create a cluster role',
    flags: [
      ...ROLE_FLAGS,
      { name: 'aggregation-rule', type: 'stringArray' },
      { name: 'non-resource-url', type: 'stringArray' },
    ],
    run: runCreateClusterRole,
  },
  {
    path: 'create rolebinding',
    summary: 'create a role binding for a particular role or cluster role',
    flags: [...BINDING_FLAGS, { name: 'role', type: 'string' }],
    run: runCreateBinding('RoleBinding'),
  },
  {
    path: 'create clusterrolebinding',
    summary: 'create a cluster role binding for a particular cluster role',
    flags: BINDING_FLAGS,
    required: ['clusterrole'],
    run: runCreateBinding('ClusterRoleBinding'),
  },
];
