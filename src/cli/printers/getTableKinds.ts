// Table columns and cells for the kinds Argo CD's install manifest brings.
// - Built-in printers: kubernetes/kubernetes pkg/printers/internalversion/printers.go
//   (printStatefulSet, printConfigMap, printSecret, printServiceAccount, printNetworkPolicy,
//   printRoleBinding, printClusterRoleBinding; rbac SubjectsStrings in pkg/apis/rbac/helpers.go).
// - Kinds without a printer (Role, ClusterRole, CustomResourceDefinition) get the API server's
//   default table: staging/src/k8s.io/apiserver/pkg/registry/rest/table.go (Name, Created At in
//   RFC 3339, UTC).
// - Custom resources: staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresource/
//   tableconvertor/tableconvertor.go (Name, then the CRD's additionalPrinterColumns; a missing
//   value is an empty cell) and, for a CRD without printer columns, the Age column
//   customresource_handler.go adds. Argo CD's columns: argo-cd manifests/crds/*-crd.yaml, v2.11.0.
import type {
  ConfigMap,
  KubeObject,
  LabelSelector,
  NetworkPolicy,
  Secret,
  ServiceAccount,
  StatefulSet,
} from '../../engine/k8s/types';
import type { Subject } from 'kubernetes-types/rbac/v1';
import type { Container } from 'kubernetes-types/core/v1';

export type Since = (timestamp: string | null | undefined) => string;

/** The kinds this file prints. */
export type MoreKind =
  | 'ConfigMap'
  | 'Secret'
  | 'ServiceAccount'
  | 'Role'
  | 'RoleBinding'
  | 'ClusterRole'
  | 'ClusterRoleBinding'
  | 'NetworkPolicy'
  | 'StatefulSet'
  | 'CustomResourceDefinition'
  | 'Application'
  | 'AppProject'
  | 'ApplicationSet';

/** `Name,Age,+IP` column specs; `+` marks a wide-only column. */
export const MORE_COLUMN_SPECS: Readonly<Record<MoreKind, string>> = {
  ConfigMap: 'Name,Data,Age',
  Secret: 'Name,Type,Data,Age',
  ServiceAccount: 'Name,Secrets,Age',
  Role: 'Name,Created At',
  ClusterRole: 'Name,Created At',
  RoleBinding: 'Name,Role,Age,+Users,+Groups,+ServiceAccounts',
  ClusterRoleBinding: 'Name,Role,Age,+Users,+Groups,+ServiceAccounts',
  NetworkPolicy: 'Name,Pod-Selector,Age',
  StatefulSet: 'Name,Ready,Age,+Containers,+Images',
  CustomResourceDefinition: 'Name,Created At',
  // Revision is a priority-10 printer column: any non-zero priority is wide-only.
  Application: 'Name,Sync Status,Health Status,+Revision',
  AppProject: 'Name,Age',
  ApplicationSet: 'Name,Age',
};

/** Application's additionalPrinterColumns (JSONPath .status.sync.status and so on). */
const APPLICATION_PATHS: readonly (readonly string[])[] = [
  ['status', 'sync', 'status'],
  ['status', 'health', 'status'],
  ['status', 'sync', 'revision'],
];

function at(obj: unknown, path: readonly string[]): string {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'string' ? cur : JSON.stringify(cur);
}

function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** rbac.SubjectsStrings: users, groups, and service accounts as `namespace/name`. */
function subjectCells(subjects: readonly Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

/** Appends the row of an object of one of these kinds to `out`. */
export function pushMoreCells(
  out: string[],
  kind: MoreKind,
  obj: KubeObject,
  since: Since,
  // metav1.FormatLabelSelector, passed in: it lives in getTable, which imports this file.
  formatSelector: (selector: LabelSelector) => string,
): void {
  const name = obj.metadata?.name ?? '';
  const created = obj.metadata?.creationTimestamp;
  switch (kind) {
    case 'ConfigMap': {
      const cm = obj as ConfigMap;
      const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
      out.push(name, String(n), since(created));
      return;
    }
    case 'Secret': {
      const s = obj as Secret;
      out.push(name, s.type ?? '', String(Object.keys(s.data ?? {}).length), since(created));
      return;
    }
    case 'ServiceAccount':
      out.push(name, String((obj as ServiceAccount).secrets?.length ?? 0), since(created));
      return;
    case 'Role':
    case 'ClusterRole':
    case 'CustomResourceDefinition':
      out.push(name, created ?? '');
      return;
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const b = obj as { roleRef?: { kind: string; name: string }; subjects?: Subject[] };
      out.push(
        name,
        `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`,
        since(created),
        ...subjectCells(b.subjects),
      );
      return;
    }
    case 'NetworkPolicy':
      out.push(
        name,
        formatSelector((obj as NetworkPolicy).spec?.podSelector ?? {}),
        since(created),
      );
      return;
    case 'StatefulSet': {
      const sts = obj as StatefulSet;
      const [names, images] = containerCells(sts.spec?.template.spec?.containers);
      out.push(
        name,
        `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
        since(created),
        names,
        images,
      );
      return;
    }
    case 'Application':
      out.push(name, ...APPLICATION_PATHS.map((p) => at(obj, p)));
      return;
    case 'AppProject':
    case 'ApplicationSet':
      out.push(name, since(created));
      return;
    default: {
      const never: never = kind;
      throw new Error(`no table printer for ${String(never)}`);
    }
  }
}
