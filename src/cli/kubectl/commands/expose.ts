// kubectl expose: a Service for a deployment, replica set, pod or service, with the selector,
// ports, protocols and labels read from that object as kubectl reads them (kubectl
// pkg/cmd/expose/expose.go; pkg/polymorphichelpers canbeexposed.go, mapbasedselectorforobject.go,
// portsforobject.go, multiprotocolsforobject.go).
import { create, isStatusError } from '../../../engine/k8s/apiserver';
import type {
  Deployment,
  KubeObject,
  LabelSelector,
  Pod,
  ReplicaSet,
  Service,
  ServicePort,
} from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import type { Parsed } from './create-common';
import {
  dryRunStrategy,
  filenameError,
  namespaceEnforced,
  outputFormat,
  printObject,
  recordDeprecation,
  withLastApplied,
} from './create-common';
import type { Target } from './create-builder';
import { notFoundError, planResources } from './create-builder';
import type { CommandError } from './create-errors';
import { printErrors } from './create-errors';
import { applyOverrides } from './create-overrides';

/** What expose keeps between the objects it visits: kubectl fills these once and reuses them. */
interface ExposeState {
  selector: string;
  port: string;
  ports: string;
  protocols: string;
  labels: string;
}

function makeLabels(labels: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function goRequirements(sel: LabelSelector): string {
  const reqs = (sel.matchExpressions ?? []).map(
    (r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`,
  );
  return `[${reqs.join(' ')}]`;
}

function workloadSelector(sel: LabelSelector | undefined, what: string): Parsed<string> {
  if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0)
    return { ok: false, error: `invalid ${what}: no selectors, therefore cannot be exposed` };
  if ((sel.matchExpressions ?? []).length > 0)
    return {
      ok: false,
      error: `couldn't convert expressions - "${goRequirements(sel)}" to map-based selector format`,
    };
  return { ok: true, value: makeLabels(sel.matchLabels) };
}

function selectorFor(obj: KubeObject): Parsed<string> {
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata?.labels ?? {};
      if (Object.keys(labels).length === 0)
        return { ok: false, error: 'the pod has no labels and cannot be exposed' };
      return { ok: true, value: makeLabels(labels) };
    }
    case 'Service': {
      const sel = (obj as Service).spec?.selector;
      if (!sel) return { ok: false, error: 'the service has no pod selector set' };
      return { ok: true, value: makeLabels(sel) };
    }
    case 'Deployment':
      return workloadSelector((obj as Deployment).spec?.selector, 'deployment');
    default:
      return workloadSelector((obj as ReplicaSet).spec?.selector, 'replicaset');
  }
}

/** Every container port (or service port) with its protocols, in order, ports without repeats. */
function portsOf(obj: KubeObject): { port: string; protocol: string }[] {
  if (obj.kind === 'Service')
    return ((obj as Service).spec?.ports ?? []).map((p) => ({
      port: String(p.port),
      protocol: p.protocol || 'TCP',
    }));
  const spec =
    obj.kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment | ReplicaSet).spec?.template?.spec;
  return (spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: String(p.containerPort), protocol: p.protocol || 'TCP' })),
  );
}

function parseLabels(spec: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) return { ok: false, error: `unexpected label spec: ${item}` };
    if (!kv[0]) return { ok: false, error: 'unexpected empty label key' };
    out[kv[0]] = kv[1] ?? '';
  }
  return { ok: true, value: out };
}

function parseProtocols(spec: string): Parsed<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const item of spec.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) return { ok: false, error: `unexpected port protocol mapping: ${item}` };
    if (!pp[0]) return { ok: false, error: 'unexpected empty port' };
    if (!pp[1]) return { ok: false, error: 'unexpected empty protocol' };
    out.set(pp[0], [...(out.get(pp[0]) ?? []), pp[1]]);
  }
  return { ok: true, value: out };
}

/** strconv.Atoi */
function atoi(text: string): Parsed<number> {
  if (!/^[+-]?[0-9]+$/.test(text))
    return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
  return { ok: true, value: Number(text) };
}

/** createService() of expose.go. */
function buildService(
  ctx: KubectlContext,
  state: ExposeState,
  defaultName: string,
): Parsed<Service> {
  if (!state.selector) return { ok: false, error: 'selector must be specified' };
  const selector = parseLabels(state.selector);
  if (!selector.ok) return selector;
  let labels: Record<string, string> | undefined;
  if (state.labels) {
    const parsed = parseLabels(state.labels);
    if (!parsed.ok) return parsed;
    labels = parsed.value;
  }
  const name = ctx.flags.str('name') || defaultName;
  if (!name) return { ok: false, error: 'name must be specified' };
  let protocolMap = new Map<string, string[]>();
  if (state.protocols) {
    const parsed = parseProtocols(state.protocols);
    if (!parsed.ok) return parsed;
    protocolMap = parsed.value;
  }
  const protocolFlag = ctx.flags.str('protocol');
  const portString = state.ports || state.port;
  const ports: ServicePort[] = [];
  if (portString) {
    const list = portString.split(',');
    for (const [i, text] of list.entries()) {
      const port = atoi(text);
      if (!port.ok) return port;
      const portName = list.length > 1 ? `port-${i + 1}` : undefined;
      let protocol = protocolFlag;
      if (!protocol) {
        protocol = 'TCP';
        const found = protocolMap.get(text);
        if (found && found.length === 1) protocol = found[0] ?? 'TCP';
        else if (found) {
          for (const p of found)
            ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port: port.value });
          continue;
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), protocol, port: port.value });
    }
  }
  const targetFlag = ctx.flags.str('target-port');
  // intstr.Parse: a number when it reads as one, else a port name.
  const target =
    targetFlag === ''
      ? undefined
      : /^[+-]?[0-9]+$/.test(targetFlag)
        ? Number(targetFlag)
        : targetFlag;
  const type = ctx.flags.str('type');
  const affinity = ctx.flags.str('session-affinity');
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP')
    return { ok: false, error: `unknown session affinity: ${affinity}` };
  const externalIP = ctx.flags.str('external-ip');
  const lbIP = ctx.flags.str('load-balancer-ip');
  const clusterIP = ctx.flags.str('cluster-ip');
  return {
    ok: true,
    value: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name, ...(labels ? { labels } : {}) },
      spec: {
        ports: ports.map((p) => ({ ...p, targetPort: target ?? p.port })),
        selector: selector.value,
        ...(clusterIP ? { clusterIP } : {}),
        ...(type ? { type } : {}),
        ...(externalIP ? { externalIPs: [externalIP] } : {}),
        ...(affinity ? { sessionAffinity: affinity } : {}),
        ...(type === 'LoadBalancer' && lbIP ? { loadBalancerIP: lbIP } : {}),
      },
    },
  };
}

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet']);

function run(ctx: KubectlContext): number {
  recordDeprecation(ctx);
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  const format = outputFormat(ctx);
  if (!format.ok) return ctx.fail(format.error);
  const files = filenameError(ctx);
  if (files === 'stdin') return 0;
  if (files) {
    ctx.err(files.message);
    return 1;
  }
  const plan = planResources({
    args: ctx.args,
    namespace: ctx.namespace,
    allNamespaces: false,
    labelSelector: '',
    fieldSelector: '',
    selectAll: false,
  });
  if (!plan.ok)
    return printErrors(
      ctx,
      plan.errors.map((message) => ({ message })),
    );
  const targets: Target[] = plan.mode === 'names' ? plan.targets : [];
  const state: ExposeState = {
    selector: ctx.flags.str('selector'),
    port: ctx.flags.str('port'),
    ports: '',
    protocols: '',
    labels: ctx.flags.str('labels'),
  };
  const errors: CommandError[] = [];
  for (const t of targets) {
    const obj = 'kind' in t.type ? ctx.reader.get(t.type.kind, t.namespace, t.name) : undefined;
    if (!obj) {
      errors.push({ status: notFoundError(t.type, t.name) });
      continue;
    }
    const outcome = exposeOne(ctx, obj, state, dryRun.value);
    if (outcome.error) errors.push(outcome.error);
    else if (outcome.service) {
      const code = printObject(ctx, outcome.service, {
        format: format.value,
        operation: 'exposed',
        dryRun: dryRun.value,
        // The server's answer is read as unstructured (sorted keys); the client's own object is typed.
        ...(dryRun.value === 'client' ? { typed: 'Service' as const } : {}),
      });
      if (code !== 0) return code;
    }
  }
  return printErrors(ctx, errors);
}

function exposeOne(
  ctx: KubectlContext,
  obj: KubeObject,
  state: ExposeState,
  dryRun: 'none' | 'client' | 'server',
): { error?: CommandError; service?: Service } {
  const kind = obj.kind ?? '';
  if (!EXPOSABLE.has(kind)) return { error: { message: `cannot expose a ${kind}` } };
  const defaultName = (obj.metadata?.name ?? '').slice(0, 63);
  if (!state.selector) {
    const s = selectorFor(obj);
    if (!s.ok)
      return {
        error: {
          message: `couldn't retrieve selectors via --selector flag or introspection: ${s.error}`,
        },
      };
    state.selector = s.value;
  }
  const portsWithProtocols = portsOf(obj);
  if (!state.port) {
    const ports = [...new Set(portsWithProtocols.map((p) => p.port))];
    if (ports.length === 0) {
      if (ctx.flags.str('cluster-ip') !== 'None')
        return { error: { message: "couldn't find port via --port flag or introspection" } };
    } else if (ports.length === 1) state.port = ports[0] ?? '';
    else state.ports = ports.join(',');
  }
  const protocols = portsWithProtocols.map((p) => `${p.port}/${p.protocol}`).join(',');
  if (protocols) state.protocols = protocols;
  if (!state.labels) state.labels = makeLabels(obj.metadata?.labels);
  const built = buildService(ctx, state, defaultName);
  if (!built.ok) return { error: { message: built.error } };
  const overridden = applyOverrides(
    built.value,
    ctx.flags.str('overrides'),
    ctx.flags.str('override-type', 'merge'),
  );
  if (!overridden.ok) return { error: { message: overridden.error } };
  let service = overridden.value;
  if (dryRun === 'client') {
    if (namespaceEnforced(ctx))
      service = { ...service, metadata: { ...service.metadata, namespace: ctx.namespace } };
    return { service };
  }
  if (ctx.flags.bool('save-config')) service = withLastApplied('Service', service);
  const sent = { ...service, metadata: { ...service.metadata, namespace: ctx.namespace } };
  const result = ctx.transact(ctx.flags.str('field-manager', 'kubectl-expose'), (tx) => {
    const created = create(tx, 'Service', sent, { dryRun: dryRun === 'server' });
    // A server-side dry run keeps nothing.
    return dryRun === 'server' && !isStatusError(created)
      ? { ok: false as const, dry: created }
      : created;
  });
  if ('dry' in result) return { service: result.dry };
  if (isStatusError(result)) return { error: { status: result } };
  return { service: result };
}

export const exposeCommands: KubectlCommand[] = [
  {
    path: 'expose',
    summary: 'expose a deployment, replica set, pod or service as a new service',
    flags: [
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'cluster-ip', type: 'string' },
      { name: 'dry-run', type: 'string' },
      { name: 'external-ip', type: 'string' },
      { name: 'field-manager', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'labels', short: 'l', type: 'string' },
      { name: 'load-balancer-ip', type: 'string' },
      { name: 'name', type: 'string' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'override-type', type: 'string' },
      { name: 'overrides', type: 'string' },
      { name: 'port', type: 'string' },
      { name: 'protocol', type: 'string' },
      { name: 'record', type: 'bool' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'save-config', type: 'bool' },
      { name: 'selector', type: 'string' },
      { name: 'session-affinity', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'target-port', type: 'string' },
      { name: 'template', type: 'string' },
      { name: 'type', type: 'string' },
    ],
    run,
  },
];
