// The GitOps view's model: each Argo CD Application as its controller reports it (sync and health
// status, the resources it manages, its sync history with the commit behind each entry). Words
// are Argo CD's own status words; commits come from the Git host.
import type { Application, HealthStatusCode, SyncStatusCode } from '../engine/argocd/types';
import { hostSource } from '../engine/git/host';
import { readerOf } from '../engine/k8s/store';
import type { World } from '../engine/world';
import { podSummary } from './printers/getTable';

export interface AppResourceView {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  status: SyncStatusCode | '';
  health: HealthStatusCode | '';
  healthMessage: string;
  requiresPruning: boolean;
  /** What the controllers made from it (ReplicaSets, pods), as `argocd app get -o tree` nests them. */
  children: AppChildView[];
}

export interface AppChildView {
  kind: string;
  name: string;
  /** The STATUS word `kubectl get` prints for it. */
  status: string;
  depth: number;
}

type Reader = ReturnType<typeof readerOf>;

function ownedChildren(reader: Reader, kind: string, ns: string, name: string, now: number) {
  const out: AppChildView[] = [];
  const visit = (k: 'Deployment' | 'ReplicaSet' | 'StatefulSet', n: string, depth: number) => {
    const owner = reader.get(k, ns, n);
    const uid = owner?.metadata?.uid;
    if (!uid) return;
    const owns = (o: { metadata?: { ownerReferences?: { uid: string }[] } }) =>
      o.metadata?.ownerReferences?.some((r) => r.uid === uid) === true;
    if (k === 'Deployment') {
      for (const rs of reader.list('ReplicaSet', ns).filter(owns)) {
        const ready = `${rs.status?.readyReplicas ?? 0}/${rs.spec?.replicas ?? 0}`;
        out.push({ kind: 'ReplicaSet', name: rs.metadata?.name ?? '', status: ready, depth });
        visit('ReplicaSet', rs.metadata?.name ?? '', depth + 1);
      }
      return;
    }
    for (const pod of reader.list('Pod', ns).filter(owns)) {
      const status = podSummary(pod, now).status;
      out.push({ kind: 'Pod', name: pod.metadata?.name ?? '', status, depth });
    }
  };
  if (kind === 'Deployment' || kind === 'StatefulSet') visit(kind, name, 1);
  return out;
}

export interface AppHistoryView {
  id: number;
  revision: string;
  deployedAt: string;
  /** The commit's first line, author and time, when the host still has it. */
  subject: string;
  author: string;
}

export interface AppView {
  name: string;
  project: string;
  repo: string;
  path: string;
  target: string;
  destination: string;
  sync: SyncStatusCode | 'Unknown';
  revision: string;
  health: HealthStatusCode | 'Unknown';
  healthMessage: string;
  autoSync: boolean;
  prune: boolean;
  selfHeal: boolean;
  operation: { phase: string; message: string } | undefined;
  conditions: { type: string; message: string }[];
  resources: AppResourceView[];
  history: AppHistoryView[];
}

export function gitopsModel(world: World): AppView[] {
  const reader = readerOf(world.cluster);
  const apps = reader.list('Application') as Application[];
  const git = hostSource(world.hosts);
  return apps.map((app) => {
    const spec = app.spec ?? {};
    const status = app.status ?? {};
    const source = spec.source;
    const automated = spec.syncPolicy?.automated;
    const commit = (sha: string) => {
      if (!source?.repoURL) return undefined;
      const r = git.resolve(source.repoURL, sha);
      return r.ok ? r.commit : undefined;
    };
    return {
      name: app.metadata?.name ?? '',
      project: spec.project ?? 'default',
      repo: source?.repoURL ?? '',
      path: source?.path ?? '',
      target: source?.targetRevision || 'HEAD',
      destination:
        `${spec.destination?.server ?? spec.destination?.name ?? ''} ${spec.destination?.namespace ?? ''}`.trim(),
      sync: status.sync?.status ?? 'Unknown',
      revision: (status.sync?.revision ?? '').slice(0, 7),
      health: status.health?.status ?? 'Unknown',
      healthMessage: status.health?.message ?? '',
      autoSync: automated !== undefined,
      prune: automated?.prune === true,
      selfHeal: automated?.selfHeal === true,
      operation: status.operationState
        ? { phase: status.operationState.phase, message: status.operationState.message ?? '' }
        : undefined,
      conditions: (status.conditions ?? []).map((c) => ({ type: c.type, message: c.message })),
      resources: (status.resources ?? []).map((r) => ({
        group: r.group ?? '',
        kind: r.kind,
        namespace: r.namespace ?? '',
        name: r.name,
        status: r.status ?? '',
        health: r.health?.status ?? '',
        healthMessage: r.health?.message ?? '',
        requiresPruning: r.requiresPruning === true,
        children: ownedChildren(reader, r.kind, r.namespace ?? '', r.name, world.now),
      })),
      history: [...(status.history ?? [])].reverse().map((h) => {
        const c = commit(h.revision);
        return {
          id: h.id,
          revision: h.revision.slice(0, 7),
          deployedAt: h.deployedAt,
          subject: c?.message.split('\n')[0] ?? '',
          author: c ? `${c.author.name} <${c.author.email}>` : '',
        };
      }),
    };
  });
}
