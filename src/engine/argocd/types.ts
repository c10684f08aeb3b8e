// The Argo CD custom resources, in the shapes of Argo CD's own API types
// (argo-cd pkg/apis/application/v1alpha1/types.go, app_project_types.go).
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

export type SyncStatusCode = 'Synced' | 'OutOfSync' | 'Unknown';
export type HealthStatusCode =
  'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type OperationPhase = 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';
export type ResultCode = 'Synced' | 'SyncFailed' | 'Pruned' | 'PruneSkipped';

export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  directory?: { recurse?: boolean; include?: string; exclude?: string };
}

export interface ApplicationDestination {
  server?: string;
  namespace?: string;
  name?: string;
}

export interface SyncPolicy {
  automated?: { prune?: boolean; selfHeal?: boolean; allowEmpty?: boolean };
  syncOptions?: string[];
  retry?: {
    limit?: number;
    backoff?: { duration?: string; factor?: number; maxDuration?: string };
  };
}

export interface SyncOperation {
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  syncOptions?: string[];
  source?: ApplicationSource;
  resources?: { group?: string; kind: string; name: string; namespace?: string }[];
}

export interface Operation {
  sync?: SyncOperation;
  initiatedBy?: { username?: string; automated?: boolean };
  retry?: SyncPolicy['retry'];
}

export interface ResourceResult {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status?: ResultCode;
  message?: string;
  syncPhase?: 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail';
  hookPhase?: string;
}

export interface OperationState {
  operation: Operation;
  phase: OperationPhase;
  message?: string;
  syncResult?: { resources?: ResourceResult[]; revision: string; source?: ApplicationSource };
  startedAt: string;
  finishedAt?: string;
  retryCount?: number;
}

export interface HealthStatus {
  status: HealthStatusCode;
  message?: string;
}

export interface ResourceStatus {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: SyncStatusCode;
  health?: HealthStatus;
  hook?: boolean;
  requiresPruning?: boolean;
}

export interface RevisionHistory {
  id: number;
  revision: string;
  deployedAt: string;
  deployStartedAt?: string;
  source?: ApplicationSource;
  initiatedBy?: { username?: string; automated?: boolean };
}

export interface ApplicationCondition {
  type: string;
  message: string;
  lastTransitionTime?: string;
}

export interface ApplicationStatus {
  resources?: ResourceStatus[];
  sync?: {
    status: SyncStatusCode;
    comparedTo?: { source: ApplicationSource; destination: ApplicationDestination };
    revision?: string;
  };
  health?: HealthStatus;
  history?: RevisionHistory[];
  conditions?: ApplicationCondition[];
  reconciledAt?: string;
  operationState?: OperationState;
  sourceType?: string;
  summary?: { images?: string[]; externalURLs?: string[] };
  controllerNamespace?: string;
}

export interface Application {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    project?: string;
    source?: ApplicationSource;
    destination?: ApplicationDestination;
    syncPolicy?: SyncPolicy;
    revisionHistoryLimit?: number;
  };
  status?: ApplicationStatus;
  operation?: Operation;
}

export interface AppProject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    description?: string;
    sourceRepos?: string[];
    destinations?: ApplicationDestination[];
    clusterResourceWhitelist?: { group: string; kind: string }[];
    namespaceResourceWhitelist?: { group: string; kind: string }[];
  };
  status?: Record<string, unknown>;
}

export interface ApplicationSet {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}
