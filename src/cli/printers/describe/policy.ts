// `kubectl describe` for RBAC objects and NetworkPolicies.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): RoleDescriber and
// ClusterRoleDescriber (with staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go: BreakdownRule,
// CompactRules, SortableRuleSlice), RoleBindingDescriber, ClusterRoleBindingDescriber,
// describeNetworkPolicy and describeNetworkPolicySpec.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../../engine/k8s/types';
import { formatLabelSelector } from './selectors';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  byteOrder,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
  type PrefixWriter,
} from './writer';

interface Binding {
  metadata?: KubeObject['metadata'];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

export function describeBinding(binding: Binding): string {
  const meta = binding.metadata ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of binding.subjects ?? [])
      w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** rbac.BreakdownRule: one rule per group, resource, verb and name; one per URL and verb. */
function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length === 0)
          out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        for (const name of names)
          out.push({
            apiGroups: [group],
            resources: [resource],
            verbs: [verb],
            resourceNames: [name],
          });
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** rbac.CompactRules over broken-down rules: the verbs of one resource (and name) merged. */
function compact(rules: readonly Rule[]): Rule[] {
  const other: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const rule of rules) {
    if ((rule.nonResourceURLs ?? []).length > 0) {
      other.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...rule.verbs] });
    else for (const v of rule.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...other, ...simple.values()];
}

const goList = (list: readonly string[] | undefined) => `[${(list ?? []).join(' ')}]`;

/** PolicyRule.String(), which kubectl sorts the rules by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function resourceGroup(
  resources: readonly string[] | undefined,
  groups: readonly string[] | undefined,
) {
  const first = resources?.[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  const base = slash < 0 ? first : first.slice(0, slash);
  const group = groups?.[0];
  return `${base}${group ? `.${group}` : ''}${slash < 0 ? '' : first.slice(slash)}`;
}

/** RoleDescriber and ClusterRoleDescriber. */
export function describeRole(role: { metadata?: KubeObject['metadata']; rules?: Rule[] }): string {
  const meta = role.metadata ?? {};
  const rules = compact((role.rules ?? []).flatMap(breakdown))
    .map((r) => ({ r, key: ruleString(r) }))
    .sort((a, b) => byteOrder(a.key, b.key))
    .map(({ r }) => r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules)
      w.write(
        LEVEL_1,
        `${resourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`,
      );
  });
}

interface PeerLike {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface RuleLike {
  ports?: { port?: number | string; endPort?: number; protocol?: string }[];
  peers?: PeerLike[];
}

/** printNetworkPolicySpecIngressFrom / printNetworkPolicySpecEgressTo. */
function printRules(w: PrefixWriter, rules: readonly RuleLike[], ingress: boolean): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(
      LEVEL_0,
      `${indent}<none> (Selected pods are isolated for ${ingress ? 'ingress' : 'egress'} connectivity)\n`,
    );
    return;
  }
  rules.forEach((rule, i) => {
    const ports = rule.ports ?? [];
    if (ports.length === 0)
      w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const port = p.port === undefined ? '%!s(<nil>)' : String(p.port);
      if (p.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${port}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers = rule.peers ?? [];
    const word = ingress ? 'From' : 'To';
    if (peers.length === 0)
      w.write(
        LEVEL_0,
        `${indent}${word}: <any> (traffic not restricted by ${ingress ? 'source' : 'destination'})\n`,
      );
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${word}:\n`);
      if (peer.namespaceSelector)
        w.write(
          LEVEL_1,
          `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`,
        );
      if (peer.podSelector)
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      if (!peer.namespaceSelector && !peer.podSelector && peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

/** metav1.Time printed with %s: Go's time.Time.String() (kubectl runs in UTC here). */
function goTimeString(timestamp: string | undefined): string {
  if (!timestamp) return '0001-01-01 00:00:00 +0000 UTC';
  return `${timestamp.replace('T', ' ').replace(/Z$/, '')} +0000 UTC`;
}

export function describeNetworkPolicy(np: NetworkPolicy): string {
  const meta = np.metadata ?? {};
  const spec = np.spec;
  const types = spec?.policyTypes ?? [];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const selector = spec?.podSelector;
    const empty =
      Object.keys(selector?.matchLabels ?? {}).length === 0 &&
      (selector?.matchExpressions ?? []).length === 0;
    w.write(
      LEVEL_2,
      empty
        ? '<none> (Allowing the specific traffic to all pods in this namespace)\n'
        : `${formatLabelSelector(selector)}\n`,
    );
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printRules(
        w,
        (spec?.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })),
        true,
      );
    } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printRules(
        w,
        (spec?.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })),
        false,
      );
    } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, `Policy Types: ${types.join(', ')}\n`);
  });
}
