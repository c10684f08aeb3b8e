// kubectl create: the bare command (files only), and its generators `create deployment`,
// `create service clusterip|nodeport|loadbalancer|externalname` and `create namespace`, built
// as kubectl builds them (kubectl pkg/cmd/create/create.go, create_deployment.go,
// create_service.go, create_namespace.go) and sent to the simulated API server.
import type { Result } from '../../../engine/k8s/apiserver';
import { create, isStatusError } from '../../../engine/k8s/apiserver';
import type { StatusError } from '../../../engine/k8s/errors';
import type { Tx } from '../../../engine/k8s/store';
import type { Deployment, Namespace, Service, ServicePort } from '../../../engine/k8s/types';
import { randomSuffix } from '../../../engine/rng';
import { createFromFiles } from './apply-files';
import type { KubectlCommand, KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import helpTexts from '../help.json';
import type { OutputFormat } from '../output';
import type { DryRun, Parsed } from './create-common';
import {
  argsLenAtDash,
  checkValidate,
  dryRunStrategy,
  filenameError,
  namespaceEnforced,
  outputFormat,
  printObject,
  recordDeprecation,
  withLastApplied,
} from './create-common';
import type { TypedKind } from './create-gotypes';

const HELP = helpTexts as Record<string, string>;

/** Flags every generator shares (PrintFlags, AddApplyAnnotationFlags, validate, dry-run, field manager). */
const GENERATOR_FLAGS: readonly FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'validate', type: 'string' },
];

/** pflag's StringSlice: every occurrence is a comma-separated list. */
function stringSlice(ctx: KubectlContext, name: string): string[] {
  return ctx.flags.list(name).flatMap((v) => (v === '' ? [] : v.split(',')));
}

/** NameFromCommandArgs: exactly one argument before `--`. */
function nameArg(ctx: KubectlContext): Parsed<string> {
  const dash = argsLenAtDash(ctx);
  const count = dash === -1 ? ctx.args.length : dash;
  if (count !== 1) return { ok: false, error: `exactly one NAME is required, got ${count}` };
  return { ok: true, value: ctx.args[0] ?? '' };
}

type Outcome<T> = T | StatusError | { ok: false; wrapped: string } | { ok: false; shown: T };

/**
 * The common tail of every generator: --save-config, then either printing the client-side object
 * or sending it to the server (dry run or not) and printing its answer. `wrap` is how the command
 * words a failure (`failed to create deployment: …`); create namespace passes the error through.
 */
function submit<T extends Deployment | Service | Namespace>(
  ctx: KubectlContext,
  kind: TypedKind,
  c: Completed,
  wrap: string | undefined,
  build: (tx: Tx) => T,
): number {
  const manager = ctx.flags.str('field-manager', 'kubectl-create');
  const outcome = ctx.transact<Outcome<T>>(manager, (tx) => {
    const built = build(tx);
    // create service never reads --save-config (create_service.go leaves CreateAnnotation unset).
    const object =
      ctx.flags.bool('save-config') && kind !== 'Service' ? withLastApplied(kind, built) : built;
    // Nothing a dry run does may stay: ok: false discards the transaction.
    if (c.dryRun === 'client') return { ok: false, shown: object };
    const namespace = kind === 'Namespace' ? undefined : ctx.namespace;
    const sent = { ...object, metadata: { ...object.metadata, namespace } } as T;
    const result = create(tx, kind, sent as never, { dryRun: c.dryRun === 'server' }) as Result<T>;
    if (isStatusError(result))
      return wrap ? { ok: false, wrapped: `${wrap}: ${result.message}` } : result;
    return c.dryRun === 'server' ? { ok: false, shown: result } : result;
  });
  if ('wrapped' in outcome) return ctx.fail(outcome.wrapped);
  const shown = 'shown' in outcome ? outcome.shown : outcome;
  if (isStatusError(shown)) return ctx.apiError(shown);
  return printObject(ctx, shown, {
    format: c.format,
    operation: 'created',
    dryRun: c.dryRun,
    typed: kind,
  });
}

interface Completed {
  name: string;
  dryRun: DryRun;
  format: OutputFormat;
}

/** Complete() of the generators: the name, then --dry-run, the printer and --validate. */
function completeGenerator(
  ctx: KubectlContext,
): { ok: true; value: Completed } | { ok: false; code: number } {
  const name = nameArg(ctx);
  if (!name.ok) return { ok: false, code: ctx.helpError(name.error) };
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return { ok: false, code: ctx.fail(dryRun.error) };
  const format = outputFormat(ctx);
  if (!format.ok) return { ok: false, code: ctx.fail(format.error) };
  const validate = checkValidate(ctx);
  if (validate) return { ok: false, code: ctx.fail(validate) };
  return { ok: true, value: { name: name.value, dryRun: dryRun.value, format: format.value } };
}

// ---- create deployment -------------------------------------------------------------------

/** buildPodSpec: the image's last path segment without tag or digest, made a valid name. */
function containerName(tx: Tx, image: string): string {
  let name = image.split('/').pop() ?? '';
  name = name.split(':')[0] ?? '';
  name = name.split('@')[0] ?? '';
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(tx.rng, 5)}`;
  return name;
}

function runCreateDeployment(ctx: KubectlContext): number {
  const done = completeGenerator(ctx);
  if (!done.ok) return done.code;
  const c = done.value;
  const images = stringSlice(ctx, 'image');
  // The name was checked to be the only argument before `--`: the rest is the command.
  const command = ctx.args.slice(1);
  if (images.length > 1 && command.length > 0)
    return ctx.fail('cannot specify multiple --image options and command');
  const replicas = ctx.flags.int('replicas', 1);
  const port = ctx.flags.int('port', -1);
  const labels = { app: c.name };
  return submit<Deployment>(ctx, 'Deployment', c, 'failed to create deployment', (tx) => {
    const containers = images.map((image) => ({
      name: containerName(tx, image),
      image,
      ...(command.length > 0 ? { command } : {}),
    }));
    const first = containers[0];
    if (port >= 0 && first)
      containers[0] = { ...first, ports: [{ containerPort: port }] } as typeof first;
    const object: Deployment = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: {
        name: c.name,
        ...(namespaceEnforced(ctx) ? { namespace: ctx.namespace } : {}),
        labels,
      },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers } },
      },
    };
    return object;
  });
}

// ---- create service ----------------------------------------------------------------------

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** k8s.io/utils/net ParsePort(s, allowZero) over strconv.ParseUint(s, 10, 16). */
function parsePort(text: string): Parsed<number> {
  if (!/^[0-9]+$/.test(text))
    return {
      ok: false,
      error: `strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`,
    };
  const n = Number(text);
  if (n > 65535)
    return {
      ok: false,
      error: `strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`,
    };
  return { ok: true, value: n };
}

/** validation.IsValidPortName, its messages joined as create_service.go joins them. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** `--tcp=port[:targetPort]`, named `port-targetPort`. */
function servicePort(spec: string, nodePort: number): Parsed<ServicePort> {
  const parts = spec.split(':');
  const port = parsePort(parts[0] ?? '');
  if (!port.ok) return port;
  let targetPort: number | string = port.value;
  if (parts.length > 1) {
    const target = parts[1] ?? '';
    if (/^[+-]?[0-9]+$/.test(target)) {
      const n = Number(target);
      if (!(n >= 1 && n <= 65535))
        return { ok: false, error: 'must be between 1 and 65535, inclusive' };
      targetPort = n;
    } else {
      const errs = portNameErrors(target);
      if (errs.length > 0) return { ok: false, error: errs.join(',') };
      targetPort = target;
    }
  }
  return {
    ok: true,
    value: {
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port: port.value,
      targetPort,
      ...(nodePort ? { nodePort } : {}),
    },
  };
}

function runCreateService(type: ServiceType) {
  return (ctx: KubectlContext): number => {
    const done = completeGenerator(ctx);
    if (!done.ok) return done.code;
    const c = done.value;
    const tcp = stringSlice(ctx, 'tcp');
    const clusterIP = ctx.flags.str('clusterip');
    const externalName = ctx.flags.str('external-name');
    if (clusterIP === 'None' && type !== 'ClusterIP')
      return ctx.fail('ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
      return ctx.fail('at least one tcp port specifier must be provided');
    if (
      type === 'ExternalName' &&
      !(externalName.length <= 253 && DNS1123_SUBDOMAIN.test(externalName))
    )
      return ctx.fail(`invalid service external name ${externalName}`);
    const ports: ServicePort[] = [];
    for (const spec of tcp) {
      const p = servicePort(spec, ctx.flags.int('node-port', 0));
      if (!p.ok) return ctx.fail(p.error);
      ports.push(p.value);
    }
    const object: Service = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {
        name: c.name,
        ...(namespaceEnforced(ctx) ? { namespace: ctx.namespace } : {}),
        labels: { app: c.name },
      },
      spec: {
        ...(ports.length > 0 ? { ports } : {}),
        selector: { app: c.name },
        ...(clusterIP ? { clusterIP } : {}),
        type,
        ...(externalName ? { externalName } : {}),
      },
    };
    return submit<Service>(ctx, 'Service', c, `failed to create ${type} service`, () => object);
  };
}

// ---- create namespace --------------------------------------------------------------------

function runCreateNamespace(ctx: KubectlContext): number {
  const done = completeGenerator(ctx);
  if (!done.ok) return done.code;
  const c = done.value;
  if (!c.name) return ctx.fail('name must be specified');
  const object: Namespace = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: c.name } };
  return submit<Namespace>(ctx, 'Namespace', c, undefined, () => object);
}

// ---- create (from files) -----------------------------------------------------------------

function runCreate(ctx: KubectlContext): number {
  recordDeprecation(ctx);
  if (ctx.args.length > 0) return ctx.helpError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  const validate = checkValidate(ctx);
  if (validate) return ctx.fail(validate);
  const format = outputFormat(ctx);
  if (!format.ok) return ctx.fail(format.error);
  if (ctx.flags.list('filename').length === 0 && !ctx.flags.str('kustomize'))
    return ctx.fail('must specify one of -f and -k');
  if (ctx.flags.str('kustomize')) {
    const files = filenameError(ctx);
    if (files && files !== 'stdin') ctx.err(files.message);
    return 1;
  }
  return createFromFiles(ctx, dryRun.value, format.value);
}

function runServiceGroup(ctx: KubectlContext): number {
  if (ctx.args.length > 0)
    return ctx.helpError(`unknown command ${JSON.stringify(ctx.args.join(' '))}`);
  ctx.err(HELP['create service'] ?? '');
  return 1;
}

const SERVICE_FLAGS: readonly FlagSpec[] = [
  ...GENERATOR_FLAGS,
  { name: 'tcp', type: 'stringArray' },
];

export const createCommands: KubectlCommand[] = [
  {
    path: 'create',
    summary: 'create a resource from a file or from stdin',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'edit', type: 'bool' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'raw', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'windows-line-endings', type: 'bool' },
      { name: 'record', type: 'bool' },
    ],
    run: runCreate,
  },
  {
    path: 'create deployment',
    aliases: ['deploy'],
    summary: 'create a deployment with the specified name',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'image', type: 'stringArray' },
      { name: 'port', type: 'int' },
      { name: 'replicas', short: 'r', type: 'int' },
    ],
    required: ['image'],
    run: runCreateDeployment,
  },
  {
    path: 'create service',
    aliases: ['svc'],
    summary: 'create a service using a specified subcommand',
    flags: [],
    run: runServiceGroup,
  },
  {
    path: 'create service clusterip',
    summary: 'create a ClusterIP service',
    flags: [...SERVICE_FLAGS, { name: 'clusterip', type: 'string' }],
    run: runCreateService('ClusterIP'),
  },
  {
    path: 'create service nodeport',
    summary: 'create a NodePort service',
    flags: [...SERVICE_FLAGS, { name: 'node-port', type: 'int' }],
    run: runCreateService('NodePort'),
  },
  {
    path: 'create service loadbalancer',
    summary: 'create a LoadBalancer service',
    flags: SERVICE_FLAGS,
    run: runCreateService('LoadBalancer'),
  },
  {
    path: 'create service externalname',
    summary: 'create an ExternalName service',
    flags: [...SERVICE_FLAGS, { name: 'external-name', type: 'string' }],
    required: ['external-name'],
    run: runCreateService('ExternalName'),
  },
  {
    path: 'create namespace',
    aliases: ['ns'],
    summary: 'create a namespace with the specified name',
    flags: GENERATOR_FLAGS,
    run: runCreateNamespace,
  },
];
