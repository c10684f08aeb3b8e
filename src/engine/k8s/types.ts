// The API objects the simulated cluster stores. Shapes come from kubernetes-types (the real
// OpenAPI definitions); this file only names the kinds the simulator knows and how they are
// addressed.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Endpoints, Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';

export type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
export type {
  Container,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Service,
  ServicePort,
} from 'kubernetes-types/core/v1';
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
