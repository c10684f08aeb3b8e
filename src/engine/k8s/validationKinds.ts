// Server-side validation of the kinds Argo CD's install manifest brings, in the API server's
// words: pkg/apis/core/validation (ValidateConfigMap, ValidateSecret), pkg/apis/rbac/validation
// (ValidatePolicyRule, ValidateRoleBindingSubject), pkg/apis/apps/validation
// (ValidateStatefulSetSpec), pkg/apis/networking/validation, apiextensions-apiserver's
// ValidateCustomResourceDefinition, and for Argo CD's resources the `required` lists of their
// CRDs' OpenAPI schemas (argo-cd manifests/crds, v2.11.0).
import type { StatusCause } from './errors';
import type {
  ConfigMap,
  CustomResourceDefinition,
  Kind,
  KubeObject,
  NetworkPolicy,
  Secret,
  StatefulSet,
} from './types';
import type { PolicyRule, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { Application } from '../argocd/types';
import { invalidValue, validateWorkload } from './validation';

const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function unsupported(field: string, value: string, supported: readonly string[]): StatusCause {
  return {
    field,
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  };
}

const required = (field: string, detail?: string): StatusCause => ({
  field,
  message: detail ? `Required value: ${detail}` : 'Required value',
});

/** IsConfigMapKey, for each key of `data` (and `binaryData`). */
function validateKeys(keys: readonly string[], path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const key of keys) {
    const field = `${path}[${key}]`;
    if (key.length > 253)
      causes.push(invalidValue(field, key, 'must be no more than 253 characters'));
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) causes.push(invalidValue(field, key, CONFIG_KEY_MSG));
    if (key === '.' || key === '..') causes.push(invalidValue(field, key, `must not be '${key}'`));
    else if (key.startsWith('..'))
      causes.push(invalidValue(field, key, "must not start with '..'"));
  }
  return causes;
}

function validatePolicyRules(rules: readonly PolicyRule[] | undefined, namespaced: boolean) {
  const causes: StatusCause[] = [];
  (rules ?? []).forEach((rule, i) => {
    const p = `rules[${i}]`;
    if ((rule.verbs ?? []).length === 0)
      causes.push(required(`${p}.verbs`, 'verbs must contain at least one value'));
    if ((rule.nonResourceURLs ?? []).length > 0) {
      const urls = `[]string{${(rule.nonResourceURLs ?? []).map((u) => JSON.stringify(u)).join(', ')}}`;
      if (namespaced)
        causes.push({
          field: `${p}.nonResourceURLs`,
          message: `Invalid value: ${urls}: namespaced rules cannot apply to non-resource URLs`,
        });
      return;
    }
    if ((rule.apiGroups ?? []).length === 0)
      causes.push(required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
    if ((rule.resources ?? []).length === 0)
      causes.push(required(`${p}.resources`, 'resource rules must supply at least one resource'));
  });
  return causes;
}

function validateBinding(
  roleRef: RoleRef | undefined,
  subjects: readonly Subject[] | undefined,
  namespaced: boolean,
): StatusCause[] {
  const causes: StatusCause[] = [];
  // Validation sees the defaulted object: an empty apiGroup becomes the RBAC group.
  const apiGroup = roleRef?.apiGroup || RBAC_GROUP;
  if (apiGroup !== RBAC_GROUP) causes.push(unsupported('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(roleRef?.kind ?? ''))
    causes.push(unsupported('roleRef.kind', roleRef?.kind ?? '', kinds));
  if (!roleRef?.name) causes.push(required('roleRef.name'));
  (subjects ?? []).forEach((s, i) => {
    const p = `subjects[${i}]`;
    if (!s.name) causes.push(required(`${p}.name`));
    switch (s.kind) {
      case 'ServiceAccount':
        if (s.apiGroup) causes.push(unsupported(`${p}.apiGroup`, s.apiGroup, ['']));
        if (!namespaced && !s.namespace) causes.push(required(`${p}.namespace`));
        break;
      case 'User':
      case 'Group':
        if (s.apiGroup && s.apiGroup !== RBAC_GROUP)
          causes.push(unsupported(`${p}.apiGroup`, s.apiGroup, [RBAC_GROUP]));
        break;
      default:
        causes.push(unsupported(`${p}.kind`, s.kind, ['ServiceAccount', 'User', 'Group']));
    }
  });
  return causes;
}

function validateStatefulSet(sts: StatefulSet): StatusCause[] {
  const spec = sts.spec;
  const causes: StatusCause[] = [];
  const policy = spec?.podManagementPolicy ?? 'OrderedReady';
  if (policy !== 'OrderedReady' && policy !== 'Parallel')
    causes.push(unsupported('spec.podManagementPolicy', policy, ['OrderedReady', 'Parallel']));
  const strategy = spec?.updateStrategy?.type ?? 'RollingUpdate';
  if (strategy !== 'RollingUpdate' && strategy !== 'OnDelete')
    causes.push(unsupported('spec.updateStrategy.type', strategy, ['OnDelete', 'RollingUpdate']));
  // The workload checks take the Deployment's shape, which a StatefulSet's spec shares.
  causes.push(...validateWorkload(sts as Parameters<typeof validateWorkload>[0]));
  const restart = spec?.template.spec?.restartPolicy ?? 'Always';
  if (restart !== 'Always')
    causes.push(unsupported('spec.template.spec.restartPolicy', restart, ['Always']));
  return causes;
}

function validateNetworkPolicy(np: NetworkPolicy): StatusCause[] {
  const causes: StatusCause[] = [];
  (np.spec?.policyTypes ?? []).forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress')
      causes.push(unsupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return causes;
}

function validateCRD(crd: CustomResourceDefinition): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = crd.spec;
  const name = crd.metadata?.name ?? '';
  const expected = `${spec?.names?.plural ?? ''}.${spec?.group ?? ''}`;
  if (name && name !== expected)
    causes.push(invalidValue('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  if (!spec?.group) causes.push(required('spec.group'));
  if (!spec?.names?.plural) causes.push(required('spec.names.plural'));
  if (!spec?.names?.kind) causes.push(required('spec.names.kind'));
  const scope = spec?.scope ?? '';
  if (scope !== 'Cluster' && scope !== 'Namespaced')
    causes.push(unsupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  const versions = spec?.versions ?? [];
  if (versions.length === 0)
    causes.push(required('spec.versions', 'must have exactly one version'));
  else if (versions.filter((v) => v.storage).length !== 1)
    causes.push({
      field: 'spec.versions',
      message: `Invalid value: ${JSON.stringify(versions)}: must have exactly one version marked as storage version`,
    });
  return causes;
}

/** The `required` fields of Argo CD's CRD schemas. */
function validateArgo(kind: Kind, obj: KubeObject): StatusCause[] {
  const spec = (obj as { spec?: unknown }).spec;
  if (spec === undefined || spec === null) return [required('spec')];
  if (kind !== 'Application') return [];
  const app = obj as Application;
  const causes: StatusCause[] = [];
  if (!app.spec?.destination) causes.push(required('spec.destination'));
  if (app.spec?.project === undefined) causes.push(required('spec.project'));
  if (app.spec?.source && app.spec.source.repoURL === undefined)
    causes.push(required('spec.source.repoURL'));
  return causes;
}

/** Problems beyond the name, for the kinds of this file. */
export function validateMore(kind: Kind, obj: KubeObject): StatusCause[] {
  switch (kind) {
    case 'ConfigMap': {
      const cm = obj as ConfigMap;
      return [
        ...validateKeys(Object.keys(cm.data ?? {}), 'data'),
        ...validateKeys(Object.keys(cm.binaryData ?? {}), 'binaryData'),
      ];
    }
    case 'Secret':
      return validateKeys(Object.keys((obj as Secret).data ?? {}), 'data');
    case 'Role':
    case 'ClusterRole':
      return validatePolicyRules((obj as { rules?: PolicyRule[] }).rules, kind === 'Role');
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const b = obj as { roleRef?: RoleRef; subjects?: Subject[] };
      return validateBinding(b.roleRef, b.subjects, kind === 'RoleBinding');
    }
    case 'StatefulSet':
      return validateStatefulSet(obj as StatefulSet);
    case 'NetworkPolicy':
      return validateNetworkPolicy(obj as NetworkPolicy);
    case 'CustomResourceDefinition':
      return validateCRD(obj as CustomResourceDefinition);
    case 'Application':
    case 'AppProject':
    case 'ApplicationSet':
      return validateArgo(kind, obj);
    default:
      return [];
  }
}
