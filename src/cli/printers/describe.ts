// `kubectl describe`: the text kubectl v1.32 prints for each kind the simulator knows.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32) for the describers,
// staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go for how several are joined.
import type { Kind, KindMap, KubeObject } from '../../engine/k8s/types';
import { describeDeployment, describeReplicaSet } from './describe/apps';
import type { DescribeContext } from './describe/context';
import { describeEvent } from './describe/generic';
import {
  describeConfigMap,
  describeGeneric,
  describeSecret,
  describeServiceAccount,
  describeStatefulSet,
} from './describe/more';
import { describeBinding, describeNetworkPolicy, describeRole } from './describe/policy';
import { describeNamespace } from './describe/namespace';
import { describeNode } from './describe/node';
import { describePod } from './describe/pod';
import { describeEndpoints, describeService } from './describe/service';

export type { DescribeContext } from './describe/context';

/** The description of one object; it ends with a newline. */
export function describeObject(kind: Kind, obj: KubeObject, ctx: DescribeContext): string {
  switch (kind) {
    case 'Namespace':
      return describeNamespace(obj as KindMap['Namespace']);
    case 'Node':
      return describeNode(obj as KindMap['Node'], ctx);
    case 'Pod':
      return describePod(obj as KindMap['Pod'], ctx);
    case 'Service':
      return describeService(obj as KindMap['Service'], ctx);
    case 'Endpoints':
      return describeEndpoints(obj as KindMap['Endpoints'], ctx);
    case 'Event':
      return describeEvent(obj as KindMap['Event'], ctx);
    case 'ReplicaSet':
      return describeReplicaSet(obj as KindMap['ReplicaSet'], ctx);
    case 'Deployment':
      return describeDeployment(obj as KindMap['Deployment'], ctx);
    case 'StatefulSet':
      return describeStatefulSet(obj as KindMap['StatefulSet'], ctx);
    case 'ConfigMap':
      return describeConfigMap(obj as KindMap['ConfigMap'], ctx);
    case 'Secret':
      return describeSecret(obj as KindMap['Secret']);
    case 'ServiceAccount':
      return describeServiceAccount(obj as KindMap['ServiceAccount'], ctx);
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return describeBinding(obj as KindMap['RoleBinding']);
    case 'Role':
    case 'ClusterRole':
      return describeRole(obj as KindMap['Role']);
    case 'NetworkPolicy':
      return describeNetworkPolicy(obj as KindMap['NetworkPolicy']);
    case 'CustomResourceDefinition':
    case 'Application':
    case 'AppProject':
    case 'ApplicationSet':
      return describeGeneric(kind, obj, ctx);
    default: {
      const unknown: never = kind;
      throw new Error(`no describer for ${String(unknown)}`);
    }
  }
}

/**
 * Several descriptions as `kubectl describe <kind>` prints them: each one after the first is
 * preceded by two newlines, so a blank line and one more separate them.
 *
 * `prefix` mode is kubectl's fallback when `kubectl describe <kind> <name>` finds no object of
 * that name and describes every object whose name starts with it: each description is followed by
 * one extra newline instead.
 */
export function describeMany(
  kind: Kind,
  objs: readonly KubeObject[],
  ctx: DescribeContext,
  mode: 'list' | 'prefix' = 'list',
): string {
  const descriptions = objs.map((o) => describeObject(kind, o, ctx));
  if (mode === 'prefix') return descriptions.map((d) => d + '\n').join('');
  return descriptions.join('\n\n');
}
