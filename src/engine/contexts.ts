// Kubeconfig contexts, apart from the world so that the page's first script can name the default
// one without loading the simulator.

/** A kubeconfig context: which cluster, as which user, in which namespace by default. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** The context a cluster set up with kubeadm hands its admin. */
export const DEFAULT_CONTEXT: KubeContext = {
  name: 'kubernetes-admin@kubernetes',
  cluster: 'kubernetes',
  user: 'kubernetes-admin',
};
