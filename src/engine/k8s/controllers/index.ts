// Every controller of the simulated control plane, in the order they react to a change.
import { applicationController } from '../../argocd/controller';
import { eventTtl } from '../events';
import type { Controller } from '../store';
import { deploymentController } from './deployment';
import { garbageCollector, namespaceController } from './gc';
import { kubeletController } from './kubelet';
import { rootCACertPublisher, serviceAccountController } from './namespacedefaults';
import { replicaSetController } from './replicaset';
import { schedulerController } from './scheduler';
import { statefulSetController } from './statefulset';
import { endpointsController, loadBalancerController } from './service';

export const controllers: readonly Controller[] = [
  deploymentController,
  replicaSetController,
  statefulSetController,
  schedulerController,
  kubeletController,
  endpointsController,
  loadBalancerController,
  garbageCollector,
  namespaceController,
  serviceAccountController,
  rootCACertPublisher,
  eventTtl,
  applicationController,
];
