// What a change amounts to, in one short line for the timeline: objects named as kubectl names
// them (`deployment.apps/my-app`), pods by the STATUS word `kubectl get pods` shows.
import type { Kind, KubeObject, Pod } from '../engine/k8s/types';
import { objectName } from './declarative/edit';
import { podSummary } from './printers/getTable';
import type { ObjectChange } from './timeline';

/** A line for the change, or undefined when nothing a person would notice changed. */
export function describeChange(change: ObjectChange, now: number): string | undefined {
  const name = objectName(change);
  const { before, after } = change;
  if (!before && after) return `${name} created${stateSuffix(change.kind, after, now)}`;
  if (before && !after) return `${name} deleted`;
  if (!before || !after) return undefined;
  if (!before.metadata?.deletionTimestamp && after.metadata?.deletionTimestamp) {
    return `${name} terminating`;
  }
  const was = state(change.kind, before, now);
  const is = state(change.kind, after, now);
  if (was !== is && is !== undefined) return `${name}: ${was ?? '—'} → ${is}`;
  return undefined;
}

function stateSuffix(kind: Kind, obj: KubeObject, now: number): string {
  const s = state(kind, obj, now);
  return s === undefined ? '' : ` (${s})`;
}

/** The one thing about an object's status worth following on a timeline. */
function state(kind: Kind, obj: KubeObject, now: number): string | undefined {
  switch (kind) {
    case 'Pod':
      return podSummary(obj as Pod, now).status;
    case 'Deployment':
    case 'ReplicaSet': {
      const o = obj as { spec?: { replicas?: number }; status?: { readyReplicas?: number } };
      return `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0} ready`;
    }
    case 'Service': {
      const o = obj as {
        spec?: { type?: string };
        status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
      };
      if (o.spec?.type !== 'LoadBalancer') return undefined;
      const ip = o.status?.loadBalancer?.ingress?.[0]?.ip;
      return ip ? `external IP ${ip}` : 'external IP <pending>';
    }
    case 'Endpoints': {
      const o = obj as { subsets?: { addresses?: unknown[] }[] };
      const n = (o.subsets ?? []).reduce((sum, s) => sum + (s.addresses?.length ?? 0), 0);
      return `${n} ready address${n === 1 ? '' : 'es'}`;
    }
    default:
      return undefined;
  }
}
