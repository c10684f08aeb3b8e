// Server defaults for the kinds Argo CD's install manifest brings: pkg/apis/core/v1/defaults.go
// (SetDefaults_Secret), pkg/apis/rbac/v1/defaults.go (roleRef and subject apiGroups),
// pkg/apis/networking/v1/defaults.go (policyTypes, port protocol), pkg/apis/apps/v1/defaults.go
// (SetDefaults_StatefulSet, with StatefulSetAutoDeletePVC on, as it is in v1.32), and what
// apiextensions-apiserver's naming controller records in a new CRD's status.
import type { RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import { rfc3339 } from '../time';
import { defaultTemplate } from './defaults';
import type { Tx } from './store';
import type {
  CustomResourceDefinition,
  Kind,
  KindMap,
  NetworkPolicy,
  Secret,
  StatefulSet,
} from './types';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function defaultSubject(s: Subject): Subject {
  if (s.apiGroup) return s;
  if (s.kind === 'User' || s.kind === 'Group') return { ...s, apiGroup: RBAC_GROUP };
  if (s.kind === 'ServiceAccount') return { ...s, apiGroup: '' };
  return s;
}

function defaultBinding<T extends { roleRef?: RoleRef; subjects?: Subject[] }>(b: T): T {
  return {
    ...b,
    ...(b.roleRef ? { roleRef: { ...b.roleRef, apiGroup: b.roleRef.apiGroup || RBAC_GROUP } } : {}),
    ...(b.subjects ? { subjects: b.subjects.map(defaultSubject) } : {}),
  };
}

export function defaultStatefulSet(sts: StatefulSet): StatefulSet {
  const spec = sts.spec ?? { selector: {}, serviceName: '', template: {} };
  const strategyType = spec.updateStrategy?.type ?? 'RollingUpdate';
  const rolling =
    strategyType === 'RollingUpdate'
      ? {
          rollingUpdate: {
            ...spec.updateStrategy?.rollingUpdate,
            partition: spec.updateStrategy?.rollingUpdate?.partition ?? 0,
          },
        }
      : spec.updateStrategy?.rollingUpdate
        ? { rollingUpdate: spec.updateStrategy.rollingUpdate }
        : {};
  return {
    ...sts,
    spec: {
      ...spec,
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: spec.persistentVolumeClaimRetentionPolicy?.whenDeleted || 'Retain',
        whenScaled: spec.persistentVolumeClaimRetentionPolicy?.whenScaled || 'Retain',
      },
      podManagementPolicy: spec.podManagementPolicy || 'OrderedReady',
      replicas: spec.replicas ?? 1,
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      template: defaultTemplate(spec.template),
      updateStrategy: { ...rolling, type: strategyType },
    },
    status: { availableReplicas: 0, replicas: 0 },
  };
}

function defaultNetworkPolicy(np: NetworkPolicy): NetworkPolicy {
  const spec = np.spec ?? { podSelector: {} };
  const withProtocol = <R extends { ports?: { protocol?: string }[] }>(rules: R[] | undefined) =>
    rules?.map((r) =>
      r.ports ? { ...r, ports: r.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) } : r,
    );
  const policyTypes =
    spec.policyTypes && spec.policyTypes.length > 0
      ? spec.policyTypes
      : ['Ingress', ...((spec.egress ?? []).length > 0 ? ['Egress'] : [])];
  return {
    ...np,
    spec: {
      ...spec,
      podSelector: spec.podSelector ?? {},
      ...(spec.ingress ? { ingress: withProtocol(spec.ingress) } : {}),
      ...(spec.egress ? { egress: withProtocol(spec.egress) } : {}),
      policyTypes,
    },
  };
}

function defaultCRD(crd: CustomResourceDefinition, now: number): CustomResourceDefinition {
  const at = rfc3339(now);
  const storage = crd.spec.versions.find((v) => v.storage)?.name;
  return {
    ...crd,
    spec: { ...crd.spec, conversion: crd.spec.conversion ?? { strategy: 'None' } },
    status: {
      acceptedNames: crd.spec.names,
      conditions: [
        {
          lastTransitionTime: at,
          message: 'no conflicts found',
          reason: 'NoConflicts',
          status: 'True',
          type: 'NamesAccepted',
        },
        {
          lastTransitionTime: at,
          message: 'the initial names have been accepted',
          reason: 'InitialNamesAccepted',
          status: 'True',
          type: 'Established',
        },
      ],
      storedVersions: storage ? [storage] : [],
    },
  };
}

/** Defaults for the kinds of this file; other kinds come back as they are. */
export function defaultMore<K extends Kind>(tx: Tx, kind: K, obj: KindMap[K]): KindMap[K] {
  switch (kind) {
    case 'Secret': {
      const s = obj as Secret;
      return { ...s, type: s.type || 'Opaque' } as KindMap[K];
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return defaultBinding(obj as KindMap['RoleBinding']) as KindMap[K];
    case 'NetworkPolicy':
      return defaultNetworkPolicy(obj as NetworkPolicy) as KindMap[K];
    case 'StatefulSet':
      return defaultStatefulSet(obj as StatefulSet) as KindMap[K];
    case 'CustomResourceDefinition':
      return defaultCRD(obj as CustomResourceDefinition, tx.now) as KindMap[K];
    default:
      return obj;
  }
}
