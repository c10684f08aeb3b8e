// `kubectl describe service` and `kubectl describe endpoints`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeService,
// buildIngressString, formatEndpointSlices, describeEndpoints.
//
// kubectl 1.32 reads a Service's endpoints from its EndpointSlices. The simulator keeps the
// Endpoints object instead, so the slices the EndpointSlice controller would have made are
// derived from it: one per subset, ready addresses then not-ready ones; a selector Service whose
// Endpoints has no subsets has the controller's placeholder slice (no ports, no endpoints), which
// kubectl prints as an empty value rather than `<none>`.
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { DescribeContext } from './context';
import { joinHostPort } from './containers';
import { describeEvents, objectEvents } from './events';
// labels.FormatLabels sorts whole `k=v` strings, as get's LABELS column does.
import { formatLabels } from '../getTable';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer';

/** The parts of a discovery/v1 EndpointSlice that describe reads. */
export interface EndpointSliceLike {
  ports: { name: string; port: number }[];
  endpoints: { address: string; ready: boolean }[];
}

export function slicesFromEndpoints(ep: Endpoints | undefined): EndpointSliceLike[] {
  if (!ep) return [];
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return [{ ports: [], endpoints: [] }];
  return subsets.map((s) => ({
    ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port })),
    endpoints: [
      ...(s.addresses ?? []).map((a) => ({ address: a.ip, ready: true })),
      ...(s.notReadyAddresses ?? []).map((a) => ({ address: a.ip, ready: false })),
    ],
  }));
}

/**
 * `10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...`: at most three ready endpoints of the
 * named port (all ports when portName is undefined). The `more` flag is raised when a fourth
 * endpoint is seen, ready or not, exactly as kubectl does.
 */
export function formatEndpointSlices(
  slices: readonly EndpointSliceLike[],
  portName: string | undefined,
): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (ep: { address: string; ready: boolean }, port?: number): void => {
    if (list.length === max) more = true;
    if (!ep.ready) return;
    if (!more) list.push(port === undefined ? ep.address : joinHostPort(ep.address, String(port)));
    count++;
  };
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const ep of slice.endpoints) visit(ep);
      continue;
    }
    for (const port of slice.ports) {
      if (portName !== undefined && port.name !== portName) continue;
      for (const ep of slice.endpoints) visit(ep, port.port);
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

function ingressString(service: Service): string {
  return (service.status?.loadBalancer?.ingress ?? [])
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
    .join(', ');
}

export function describeService(service: Service, ctx: DescribeContext): string {
  const meta = service.metadata ?? {};
  const spec = service.spec ?? {};
  const slices = slicesFromEndpoints(ctx.reader.get('Endpoints', meta.namespace, meta.name ?? ''));
  const events = objectEvents(ctx.reader, 'Service', meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    const families = spec.ipFamilies ?? [];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    const ips = spec.clusterIPs ?? [];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) {
      w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
    }
    if (spec.loadBalancerIP) {
      w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    }
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    if ((service.status?.loadBalancer?.ingress ?? []).length > 0) {
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(service)}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) {
      w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    }
    if (spec.internalTrafficPolicy) {
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    }
    if (spec.healthCheckNodePort) {
      w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    }
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
      w.write(
        LEVEL_0,
        `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`,
      );
    }
    describeEvents(events, w, ctx.now);
  });
}

export function describeEndpoints(ep: Endpoints, ctx: DescribeContext): string {
  const meta = ep.metadata ?? {};
  const events = objectEvents(ctx.reader, 'Endpoints', meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = subset.ports ?? [];
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) {
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
        }
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, ctx.now);
  });
}
