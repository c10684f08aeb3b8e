// Containers and pod templates, shared by the Pod, ReplicaSet and Deployment describers.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeContainers
// and its helpers, DescribeProbe, EnvValueRetriever, describeStatus, DescribePodTemplate; pkg/util/resource/resource.go
// (ExtractContainerResourceValue).
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
import { milliValue, parseQuantity, quantityOf, quantityString, value } from './quantity';
import { goSort } from '../gosort';
import { selectorString } from './selectors';
import { describeVolumes } from './volumes';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  byteOrder,
  formatTime,
  printAnnotationsMultiline,
  printBool,
  printLabelsMultiline,
  printTolerationsMultiline,
  stringOrNone,
  type PrefixWriter,
} from './writer';

/** Resolves a fieldRef env var to its value; undefined for pod templates, which have none. */
type EnvResolver = ((e: EnvVar) => string) | undefined;

/**
 * kubectl resolves fieldRefs through its client scheme, which only knows the metadata.name and
 * metadata.namespace field labels, so every other path shows an empty value.
 */
export function podEnvResolver(pod: Pod): (e: EnvVar) => string {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === 'metadata.name') return pod.metadata?.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? '';
    return '';
  };
}

function resourceNames(list: Readonly<Record<string, string>> | undefined): string[] {
  return Object.keys(list ?? {}).sort(byteOrder);
}

export function describeResources(
  resources: ResourceRequirements | undefined,
  w: PrefixWriter,
  level: number,
): void {
  if (!resources) return;
  const sections: [string, Record<string, string> | undefined][] = [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ];
  for (const [title, list] of sections) {
    const names = resourceNames(list);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) {
      w.write(level + 1, `${name}:\t${quantityString(quantityOf(list?.[name]))}\n`);
    }
  }
}

function portsString(container: Container, field: 'containerPort' | 'hostPort'): string {
  return (container.ports ?? []).map((p) => `${p[field] ?? 0}/${p.protocol ?? ''}`).join(', ');
}

function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal ?? 0}\n`);
    w.write(LEVEL_3, `Started:\t${formatTime(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatTime(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function describeProbe(probe: Probe): string {
  // The API server defaults these; a bare object from a test or manifest gets the same values.
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s ` +
    `period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} ` +
    `#failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = String(g.port);
    const host = port ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const path = g.path ?? '';
    const url = `${scheme ? scheme + ':' : ''}//${host}${path && !path.startsWith('/') ? '/' : ''}${path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) {
    return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`;
  }
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function resourceFieldValue(e: EnvVar, container: Container): string {
  const ref = e.valueFrom?.resourceFieldRef;
  if (!ref) return '';
  const divisor = parseQuantity(ref.divisor);
  const div = divisor && divisor.nanos !== 0n ? divisor : quantityOf('1');
  const [section, name = ''] = ref.resource.split(/\.(.*)/s);
  const list = section === 'limits' ? container.resources?.limits : container.resources?.requests;
  if (section !== 'limits' && section !== 'requests') return '';
  const q = quantityOf(list?.[name]);
  if (name === 'cpu') {
    return String(Math.ceil(Number(milliValue(q)) / Number(milliValue(div))));
  }
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    return String(Math.ceil(Number(value(q)) / Number(value(div))));
  }
  return '';
}

function describeEnv(container: Container, resolve: EnvResolver, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`);
      });
      continue;
    }
    if (from.fieldRef) {
      const v = resolve ? resolve(e) : '';
      w.write(
        LEVEL_3,
        `${e.name}:\t${v} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`,
      );
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let v = resourceFieldValue(e, container);
      if (v === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) {
        v = 'node allocatable';
      }
      w.write(LEVEL_3, `${e.name}:\t${v} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function describeEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of container.envFrom ?? []) {
    const [name, from, optional] = e.configMapRef
      ? [e.configMapRef.name ?? '', 'ConfigMap', e.configMapRef.optional === true]
      : e.secretRef
        ? [e.secretRef.name ?? '', 'Secret', e.secretRef.optional === true]
        : ['', '', false];
    const prefix = e.prefix ? ` with prefix '${e.prefix}'` : '';
    w.write(LEVEL_3, `${name}\t${from}${prefix}\tOptional: ${optional}\n`);
  }
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = goSort(container.volumeMounts ?? [], (a, b) => a.mountPath < b.mountPath);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = goSort(container.volumeDevices ?? [], (a, b) => a.devicePath < b.devicePath);
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space ? ' ' : '';
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = portsString(c, 'containerPort');
    if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = portsString(c, 'hostPort');
    if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') {
        w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
      }
    }
    for (const [title, lines] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!lines || lines.length === 0) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const line of lines) for (const s of line.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(c.resources ?? {}, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(c, w);
    describeEnv(c, resolve, w);
    describeMounts(c, w);
  }
}

export function describeTopologySpreadConstraints(
  pod: Pod['spec'],
  w: PrefixWriter,
  space: string,
): void {
  const constraints = goSort(
    pod?.topologySpreadConstraints ?? [],
    (a, b) => a.topologyKey < b.topologyKey,
  );
  if (constraints.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  constraints.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let line = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) line += ` for selector ${selectorString(c.labelSelector) || '<none>'}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (spec?.serviceAccountName) {
    w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  }
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers(
      'Init Containers',
      spec?.initContainers ?? [],
      undefined,
      undefined,
      w,
      '  ',
    );
  }
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ');
  describeTopologySpreadConstraints(spec, w, '  ');
  if (spec?.priorityClassName) {
    w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  }
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}
