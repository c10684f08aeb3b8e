// The API objects the simulated cluster stores. Shapes come from kubernetes-types (the real
// OpenAPI definitions); this file only names the kinds the simulator knows and how they are
// addressed.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type {
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Application, AppProject, ApplicationSet } from '../argocd/types';

export type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
export type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
export type {
  ConfigMap,
  Container,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Secret,
  Service,
  ServiceAccount,
  ServicePort,
} from 'kubernetes-types/core/v1';
export type { NetworkPolicy } from 'kubernetes-types/networking/v1';
export type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
export type { Application, AppProject, ApplicationSet } from '../argocd/types';
export type { ObjectMeta, OwnerReference, LabelSelector } from 'kubernetes-types/meta/v1';

export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  Service: Service;
  Endpoints: Endpoints;
  Event: Event;
  ReplicaSet: ReplicaSet;
  Deployment: Deployment;
  ConfigMap: ConfigMap;
  Secret: Secret;
  ServiceAccount: ServiceAccount;
  Role: Role;
  RoleBinding: RoleBinding;
  ClusterRole: ClusterRole;
  ClusterRoleBinding: ClusterRoleBinding;
  NetworkPolicy: NetworkPolicy;
  StatefulSet: StatefulSet;
  CustomResourceDefinition: CustomResourceDefinition;
  Application: Application;
  AppProject: AppProject;
  ApplicationSet: ApplicationSet;
}

export type Kind = keyof KindMap;
export type KubeObject = KindMap[Kind];

export interface KindInfo {
  kind: Kind;
  apiVersion: string;
  /** API group, '' for the core group. */
  group: string;
  /** Lower-case plural resource name, as in `kubectl get pods`. */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /**
   * For a custom kind, the name of the CustomResourceDefinition that defines it: the server
   * serves the kind only while that CRD exists.
   */
  crd?: string;
}

/** Discovery data for every kind, as a real API server advertises it (`kubectl api-resources`). */
export const KINDS: Readonly<Record<Kind, KindInfo>> = {
  Namespace: {
    kind: 'Namespace',
    apiVersion: 'v1',
    group: '',
    resource: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
  Node: {
    kind: 'Node',
    apiVersion: 'v1',
    group: '',
    resource: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  Pod: {
    kind: 'Pod',
    apiVersion: 'v1',
    group: '',
    resource: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  Service: {
    kind: 'Service',
    apiVersion: 'v1',
    group: '',
    resource: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
  },
  Endpoints: {
    kind: 'Endpoints',
    apiVersion: 'v1',
    group: '',
    resource: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  },
  Event: {
    kind: 'Event',
    apiVersion: 'v1',
    group: '',
    resource: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  ReplicaSet: {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  Deployment: {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  ConfigMap: {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    group: '',
    resource: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    namespaced: true,
  },
  Secret: {
    kind: 'Secret',
    apiVersion: 'v1',
    group: '',
    resource: 'secrets',
    singular: 'secret',
    shortNames: [],
    namespaced: true,
  },
  ServiceAccount: {
    kind: 'ServiceAccount',
    apiVersion: 'v1',
    group: '',
    resource: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    namespaced: true,
  },
  Role: {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    group: 'rbac.authorization.k8s.io',
    resource: 'roles',
    singular: 'role',
    shortNames: [],
    namespaced: true,
  },
  RoleBinding: {
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    group: 'rbac.authorization.k8s.io',
    resource: 'rolebindings',
    singular: 'rolebinding',
    shortNames: [],
    namespaced: true,
  },
  ClusterRole: {
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterroles',
    singular: 'clusterrole',
    shortNames: [],
    namespaced: false,
  },
  ClusterRoleBinding: {
    kind: 'ClusterRoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    shortNames: [],
    namespaced: false,
  },
  NetworkPolicy: {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    group: 'networking.k8s.io',
    resource: 'networkpolicies',
    singular: 'networkpolicy',
    shortNames: ['netpol'],
    namespaced: true,
  },
  StatefulSet: {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
  },
  CustomResourceDefinition: {
    kind: 'CustomResourceDefinition',
    apiVersion: 'apiextensions.k8s.io/v1',
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    singular: 'customresourcedefinition',
    shortNames: ['crd', 'crds'],
    namespaced: false,
  },
  Application: {
    kind: 'Application',
    apiVersion: 'argoproj.io/v1alpha1',
    group: 'argoproj.io',
    resource: 'applications',
    singular: 'application',
    shortNames: ['app', 'apps'],
    namespaced: true,
    crd: 'applications.argoproj.io',
  },
  AppProject: {
    kind: 'AppProject',
    apiVersion: 'argoproj.io/v1alpha1',
    group: 'argoproj.io',
    resource: 'appprojects',
    singular: 'appproject',
    shortNames: ['appproj', 'appprojs'],
    namespaced: true,
    crd: 'appprojects.argoproj.io',
  },
  ApplicationSet: {
    kind: 'ApplicationSet',
    apiVersion: 'argoproj.io/v1alpha1',
    group: 'argoproj.io',
    resource: 'applicationsets',
    singular: 'applicationset',
    shortNames: ['appset', 'appsets'],
    namespaced: true,
    crd: 'applicationsets.argoproj.io',
  },
};

export const ALL_KINDS = Object.keys(KINDS) as Kind[];

/** `deployment.apps`, `pod`: the qualified resource name kubectl prints in `kind/name`. */
export function qualifiedResource(kind: Kind, plural = false): string {
  const info = KINDS[kind];
  const name = plural ? info.resource : info.singular;
  return info.group ? `${name}.${info.group}` : name;
}

/** Read-only access to the objects of one cluster, for printers and describers. */
export interface ObjectReader {
  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined;
  /** Objects of a kind, in one namespace or (namespace undefined) all, sorted by namespace/name. */
  list<K extends Kind>(kind: K, namespace?: string): KindMap[K][];
}
