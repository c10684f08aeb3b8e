// Resource health as Argo CD v2.11 assesses it (gitops-engine pkg/health: health_deployment.go,
// health_replicaset.go, health_statefulset.go, health_service.go, health_pod.go). Kinds without
// a health check (ConfigMap, ServiceAccount …) have no health and do not count.
import type { KubeObject } from '../k8s/types';
import type { Deployment, Pod, ReplicaSet, Service, StatefulSet } from '../k8s/types';
import type { HealthStatus, HealthStatusCode } from './types';

/** gitops-engine's healthOrder: later is worse. */
const ORDER: readonly HealthStatusCode[] = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

export function isWorse(current: HealthStatusCode, next: HealthStatusCode): boolean {
  return ORDER.indexOf(next) > ORDER.indexOf(current);
}

function deploymentHealth(d: Deployment): HealthStatus {
  if (d.spec?.paused) return { status: 'Suspended', message: 'Deployment is paused' };
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    const replicas = d.spec?.replicas;
    const updated = s.updatedReplicas ?? 0;
    const total = s.replicas ?? 0;
    const available = s.availableReplicas ?? 0;
    if (progressing?.reason === 'ProgressDeadlineExceeded')
      return {
        status: 'Degraded',
        message: `Deployment "${d.metadata?.name}" exceeded its progress deadline`,
      };
    if (replicas !== undefined && updated < replicas)
      return {
        status: 'Progressing',
        message: `Waiting for rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`,
      };
    if (total > updated)
      return {
        status: 'Progressing',
        message: `Waiting for rollout to finish: ${total - updated} old replicas are pending termination...`,
      };
    if (available < updated)
      return {
        status: 'Progressing',
        message: `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`,
      };
    return { status: 'Healthy' };
  }
  return {
    status: 'Progressing',
    message:
      'Waiting for rollout to finish: observed deployment generation less then desired generation',
  };
}

function replicaSetHealth(rs: ReplicaSet): HealthStatus {
  const s = rs.status ?? { replicas: 0 };
  if ((rs.metadata?.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const failure = s.conditions?.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
    if (failure) return { status: 'Degraded', message: failure.message ?? '' };
    const replicas = rs.spec?.replicas;
    if (replicas !== undefined && (s.availableReplicas ?? 0) < replicas)
      return {
        status: 'Progressing',
        message: `Waiting for rollout to finish: ${s.availableReplicas ?? 0} out of ${replicas} new replicas are available...`,
      };
    return { status: 'Healthy' };
  }
  return {
    status: 'Progressing',
    message:
      'Waiting for rollout to finish: observed replica set generation less then desired generation',
  };
}

function statefulSetHealth(sts: StatefulSet): HealthStatus {
  const s = sts.status ?? { replicas: 0 };
  if (!s.observedGeneration || (sts.metadata?.generation ?? 0) > s.observedGeneration)
    return {
      status: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    };
  const replicas = sts.spec?.replicas;
  const ready = s.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas)
    return {
      status: 'Progressing',
      message: `Waiting for ${replicas - ready} pods to be ready...`,
    };
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type === 'RollingUpdate' && strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined) {
      const expected = replicas - partition;
      if ((s.updatedReplicas ?? 0) < expected)
        return {
          status: 'Progressing',
          message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${expected} new pods have been updated...`,
        };
    }
    return {
      status: 'Healthy',
      message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...`,
    };
  }
  if (strategy?.type === 'OnDelete')
    return { status: 'Healthy', message: `statefulset has ${ready} ready pods` };
  if (s.updateRevision !== s.currentRevision)
    return {
      status: 'Progressing',
      message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision ?? ''}...`,
    };
  return {
    status: 'Healthy',
    message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...`,
  };
}

function serviceHealth(svc: Service): HealthStatus {
  if (svc.spec?.type !== 'LoadBalancer') return { status: 'Healthy' };
  return (svc.status?.loadBalancer?.ingress?.length ?? 0) > 0
    ? { status: 'Healthy' }
    : { status: 'Progressing' };
}

function podHealth(pod: Pod): HealthStatus {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const message = pod.status?.message ?? '';
  // A container stuck on an error (ErrImagePull, CrashLoopBackOff …) makes the pod Degraded.
  if (policy === 'Always') {
    const errors = (pod.status?.containerStatuses ?? [])
      .map((cs) => cs.state?.waiting)
      .filter((w) => {
        const reason = w?.reason ?? '';
        return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
      })
      .map((w) => w?.message ?? '');
    if (errors.length > 0) return { status: 'Degraded', message: errors.join(', ') };
  }
  switch (pod.status?.phase) {
    case 'Pending':
      return { status: 'Progressing', message };
    case 'Succeeded':
      return { status: 'Healthy', message };
    case 'Failed': {
      if (message) return { status: 'Degraded', message };
      const all = [
        ...(pod.status.initContainerStatuses ?? []),
        ...(pod.status.containerStatuses ?? []),
      ];
      for (const c of all) {
        const t = c.state?.terminated;
        if (!t) continue;
        if (t.message) return { status: 'Degraded', message: t.message };
        if (t.reason === 'OOMKilled') return { status: 'Degraded', message: t.reason };
        if (t.exitCode !== 0)
          return {
            status: 'Degraded',
            message: `container "${c.name}" failed with exit code ${t.exitCode}`,
          };
      }
      return { status: 'Degraded', message: '' };
    }
    case 'Running': {
      if (policy !== 'Always') return { status: 'Progressing', message };
      if (pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
        return { status: 'Healthy', message };
      const restarted = pod.status.containerStatuses?.some((c) => c.lastState?.terminated);
      return { status: restarted ? 'Degraded' : 'Progressing', message };
    }
    default:
      return { status: 'Unknown', message };
  }
}

/** An object's health, or undefined for kinds Argo CD has no health check for. */
export function resourceHealth(obj: KubeObject): HealthStatus | undefined {
  switch (obj.kind) {
    case 'Deployment':
      return deploymentHealth(obj as Deployment);
    case 'ReplicaSet':
      return replicaSetHealth(obj as ReplicaSet);
    case 'StatefulSet':
      return statefulSetHealth(obj as StatefulSet);
    case 'Service':
      return serviceHealth(obj as Service);
    case 'Pod':
      return podHealth(obj as Pod);
    default:
      return undefined;
  }
}

/** Drops empty messages, as Argo CD's JSON does (`message,omitempty`). */
export function compactHealth(h: HealthStatus): HealthStatus {
  return h.message ? h : { status: h.status };
}
