// The defaults a real API server fills in on create (the SetDefaults_* functions of each API
// group, plus the admission plugins every cluster runs: ServiceAccount, DefaultTolerationSeconds).
import type { Rng } from '../rng';
import { randomSuffix } from '../rng';
import type {
  Container,
  Deployment,
  Pod,
  PodSpec,
  PodTemplateSpec,
  ReplicaSet,
  Service,
} from './types';

export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? '' : image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): Container {
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image ?? ''),
    ...(c.ports ? { ports: c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) } : {}),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  };
}

export function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  };
}

export function defaultTemplate(t: PodTemplateSpec): PodTemplateSpec {
  return {
    ...t,
    // The API server serializes a template's zero creationTimestamp as null.
    metadata: { creationTimestamp: null as unknown as string, ...t.metadata },
    spec: defaultPodSpec(t.spec ?? { containers: [] }),
  };
}

export function defaultDeployment(d: Deployment): Deployment {
  const spec = d.spec ?? { selector: {}, template: {} };
  const strategy =
    spec.strategy?.type === 'Recreate'
      ? { type: 'Recreate' }
      : {
          type: 'RollingUpdate',
          rollingUpdate: {
            maxSurge: spec.strategy?.rollingUpdate?.maxSurge ?? '25%',
            maxUnavailable: spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
          },
        };
  return {
    ...d,
    spec: {
      ...spec,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
      replicas: spec.replicas ?? 1,
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      strategy,
      template: defaultTemplate(spec.template),
    },
  };
}

export function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  const spec = rs.spec ?? { selector: {} };
  return {
    ...rs,
    spec: { ...spec, replicas: spec.replicas ?? 1, template: defaultTemplate(spec.template ?? {}) },
  };
}

const tolerations = [
  {
    effect: 'NoExecute',
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    tolerationSeconds: 300,
  },
  {
    effect: 'NoExecute',
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    tolerationSeconds: 300,
  },
];

/** Pod defaults plus what the ServiceAccount and DefaultTolerationSeconds admission plugins add. */
export function defaultPod(pod: Pod, rng: Rng): Pod {
  const spec = defaultPodSpec(pod.spec ?? { containers: [] });
  const volumeName = `kube-api-access-${randomSuffix(rng, 5)}`;
  const mount = {
    mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
    name: volumeName,
    readOnly: true,
  };
  return {
    ...pod,
    spec: {
      ...spec,
      containers: spec.containers.map((c) => ({
        ...c,
        volumeMounts: [...(c.volumeMounts ?? []), mount],
      })),
      enableServiceLinks: spec.enableServiceLinks ?? true,
      preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
      priority: spec.priority ?? 0,
      serviceAccount: spec.serviceAccountName ?? 'default',
      serviceAccountName: spec.serviceAccountName ?? 'default',
      tolerations: [...(spec.tolerations ?? []), ...tolerations],
      volumes: [
        ...(spec.volumes ?? []),
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                      path: 'namespace',
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

export function defaultService(svc: Service): Service {
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  return {
    ...svc,
    spec: {
      ...spec,
      internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
      ipFamilies: spec.ipFamilies ?? ['IPv4'],
      ipFamilyPolicy: spec.ipFamilyPolicy ?? 'SingleStack',
      ports: (spec.ports ?? []).map((p) => ({
        ...p,
        protocol: p.protocol ?? 'TCP',
        targetPort: p.targetPort ?? p.port,
      })),
      sessionAffinity: spec.sessionAffinity ?? 'None',
      type,
      ...(external ? { externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster' } : {}),
      ...(type === 'LoadBalancer'
        ? { allocateLoadBalancerNodePorts: spec.allocateLoadBalancerNodePorts ?? true }
        : {}),
    },
    status: { loadBalancer: {} },
  };
}
