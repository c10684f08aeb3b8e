// Every controller of the simulated control plane, in the order they react to a change.
import { eventTtl } from '../events';
import type { Controller } from '../store';
import { deploymentController } from './deployment';
import { garbageCollector, namespaceController } from './gc';
import { kubeletController } from './kubelet';
import { replicaSetController } from './replicaset';
import { schedulerController } from './scheduler';
import { endpointsController, loadBalancerController } from './service';

export const controllers: readonly Controller[] = [
  deploymentController,
  replicaSetController,
  schedulerController,
  kubeletController,
  endpointsController,
  loadBalancerController,
  garbageCollector,
  namespaceController,
  eventTtl,
];
