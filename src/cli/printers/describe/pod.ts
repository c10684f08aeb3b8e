// `kubectl describe pod`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): PodDescriber,
// describePod, printController, describePodIPs; staging/src/k8s.io/kubectl/pkg/util/qos/qos.go
// (GetPodQOS, ComputePodQOS).
import type { Container, Pod, ResourceRequirements } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { translateTimestampSince } from '../age';
import {
  describeContainers,
  describeResources,
  describeTopologySpreadConstraints,
  podEnvResolver,
} from './containers';
import { describeEvents, searchEvents } from './events';
import { describeVolumes } from './volumes';
import type { DescribeContext } from './context';
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from './quantity';
import {
  LEVEL_0,
  LEVEL_1,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  tabbedString,
} from './writer';

/** `ReplicaSet/my-app-7d9c6f9c5b` for an object with a controller owner reference. */
export function controllerOf(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Pod-level resources (Kubernetes 1.32 alpha) postdate the kubernetes-types release used here. */
function podLevelResources(pod: Pod): ResourceRequirements | undefined {
  return (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function accumulate(
  into: Map<string, Quantity>,
  list: Readonly<Record<string, string>> | undefined,
): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    if (!QOS_RESOURCES.has(name) || !q || q.nanos <= 0n) continue;
    const previous = into.get(name);
    into.set(name, previous ? addQuantity(q, previous) : q);
  }
}

function limitsCoverCpuAndMemory(list: Readonly<Record<string, string>> | undefined): boolean {
  const positive = (name: string): boolean => (parseQuantity(list?.[name])?.nanos ?? 0n) > 0n;
  return positive('cpu') && positive('memory');
}

/** The QoS class the kubelet would record, when the pod status does not say. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const podResources = podLevelResources(pod);
  if (podResources) {
    accumulate(requests, podResources.requests);
    if (podResources.limits) {
      accumulate(limits, podResources.limits);
      if (!limitsCoverCpuAndMemory(podResources.limits)) guaranteed = false;
    }
  } else {
    const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
    for (const c of all) {
      accumulate(requests, c.resources?.requests);
      accumulate(limits, c.resources?.limits);
      if (!limitsCoverCpuAndMemory(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, ctx: DescribeContext): string {
  const meta = pod.metadata ?? {};
  const spec = pod.spec;
  const status = pod.status ?? {};
  // A pod's events are searched without a kind; a mirror pod's carry the static pod's uid.
  const mirrorUid = meta.annotations?.['kubernetes.io/config.mirror'];
  const events = searchEvents(ctx.reader, {
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    uid: mirrorUid ?? meta.uid ?? '',
  });
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) {
      w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    }
    if (spec?.runtimeClassName) {
      w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    }
    if (spec?.serviceAccountName) {
      w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    }
    if (!spec?.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      // The deletion timestamp lies in the future, so kubectl really does print `<invalid>`.
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, ctx.now)})\n`,
      );
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') {
        w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const ips = status.podIPs ?? [];
    if (ips.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`);
    }
    const controlledBy = controllerOf(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) {
      w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    }
    const podResources = podLevelResources(pod);
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    const resolve = podEnvResolver(pod);
    if ((spec?.initContainers ?? []).length > 0) {
      describeContainers(
        'Init Containers',
        spec?.initContainers ?? [],
        status.initContainerStatuses,
        resolve,
        w,
        '',
      );
    }
    describeContainers(
      'Containers',
      spec?.containers ?? [],
      status.containerStatuses,
      resolve,
      w,
      '',
    );
    const ephemeral = spec?.ephemeralContainers ?? [];
    if (ephemeral.length > 0) {
      describeContainers(
        'Ephemeral Containers',
        ephemeral,
        status.ephemeralContainerStatuses,
        resolve,
        w,
        '',
      );
    }
    const conditions = status.conditions ?? [];
    const gates = spec?.readinessGates ?? [];
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec?.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
    describeTopologySpreadConstraints(spec, w, '');
    describeEvents(events, w, ctx.now);
  });
}
