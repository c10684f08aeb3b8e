// `argocd app create` and `argocd app set`: the flags become an Application spec as
// cmd/util/app.go (ConstructApps, SetAppSpecOptions, ConstructSource) builds it, and the API
// server stores it (server/application/application.go Create, UpdateSpec).
import { parseAllDocuments } from 'yaml';
import type { Application, SyncPolicy } from '../../engine/argocd/types';
import { readFile, resolvePath } from '../../engine/fs/files';
import { create, isStatusError, update } from '../../engine/k8s/apiserver';
import { reader, transact } from '../../engine/world';
import { cwdOf, keep } from '../program';
import { logLine } from './cobra';
import {
  ARGOCD_NAMESPACE,
  checkError,
  findApp,
  helpExit,
  logFatal,
  startLocalServer,
  world,
  type Cli,
  type CommandRun,
} from './context';

type Spec = NonNullable<Application['spec']>;

const SOURCE_FLAGS = ['repo', 'path', 'revision', 'directory-recurse'];

/**
 * SetAppSpecOptions: flags are visited in lexical order (pflag's Visit), so `--sync-option`
 * comes before `--sync-policy`. Returns how many flags were visited, or the fatal message.
 */
function setAppSpecOptions(cli: Cli, spec: Spec): { visited: number } | { fatal: string } {
  const f = cli.flags;
  const given = [...new Set(f.given)].sort();
  let visited = 0;
  const source = { ...spec.source } as NonNullable<Spec['source']>;
  let sourceTouched = false;
  for (const name of given) {
    visited++;
    switch (name) {
      case 'repo':
        source.repoURL = f.str('repo');
        break;
      case 'path':
        source.path = f.str('path');
        break;
      case 'revision':
        source.targetRevision = f.str('revision');
        break;
      case 'directory-recurse':
        source.directory = { ...source.directory, recurse: f.bool('directory-recurse') };
        break;
      case 'revision-history-limit':
        spec.revisionHistoryLimit = f.int('revision-history-limit', 10);
        break;
      case 'dest-name':
        spec.destination = { ...spec.destination, name: f.str('dest-name') };
        break;
      case 'dest-server':
        spec.destination = { ...spec.destination, server: f.str('dest-server') };
        break;
      case 'dest-namespace':
        spec.destination = { ...spec.destination, namespace: f.str('dest-namespace') };
        break;
      case 'project':
        spec.project = f.str('project');
        break;
      case 'sync-policy': {
        const policy = f.str('sync-policy');
        if (policy === 'none' || policy === 'manual') {
          if (spec.syncPolicy) spec.syncPolicy = { ...spec.syncPolicy, automated: undefined };
          spec.syncPolicy = zeroToUndefined(spec.syncPolicy);
        } else if (policy === 'automated' || policy === 'automatic' || policy === 'auto') {
          spec.syncPolicy = { ...spec.syncPolicy, automated: {} };
        } else return { fatal: `Invalid sync-policy: ${policy}` };
        break;
      }
      case 'sync-option': {
        let options = [...(spec.syncPolicy?.syncOptions ?? [])];
        for (const option of f.list('sync-option')) {
          if (option.startsWith('!')) options = options.filter((o) => o !== option.slice(1));
          else if (!options.includes(option)) options.push(option);
        }
        spec.syncPolicy = zeroToUndefined({ ...spec.syncPolicy, syncOptions: options });
        break;
      }
      default:
        break;
    }
    if (SOURCE_FLAGS.includes(name)) sourceTouched = true;
  }
  if (sourceTouched || spec.source) spec.source = source;
  for (const [flag, key] of [
    ['auto-prune', 'prune'],
    ['self-heal', 'selfHeal'],
    ['allow-empty', 'allowEmpty'],
  ] as const) {
    if (!f.given.includes(flag)) continue;
    if (!spec.syncPolicy?.automated)
      return { fatal: `Cannot set --${flag}: application not configured with automatic sync` };
    spec.syncPolicy = {
      ...spec.syncPolicy,
      automated: { ...spec.syncPolicy.automated, [key]: f.bool(flag) },
    };
  }
  return { visited };
}

function zeroToUndefined(policy: SyncPolicy | undefined): SyncPolicy | undefined {
  if (!policy) return undefined;
  const empty = !policy.automated && (policy.syncOptions ?? []).length === 0 && !policy.retry;
  if (empty) return undefined;
  const out = { ...policy };
  if (!out.automated) delete out.automated;
  if ((out.syncOptions ?? []).length === 0) delete out.syncOptions;
  return out;
}

/** NormalizeApplicationSpec: the project defaults to `default`. */
function normalize(spec: Spec): Spec {
  return { ...spec, project: spec.project || 'default' };
}

function labelsOf(pairs: readonly string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i < 0) out[p] = '';
    else out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

function constructApps(cli: Cli): { apps: Application[] } | { error: string; fatal?: boolean } {
  const file = cli.flags.str('file');
  const labels = labelsOf(cli.flags.list('label'));
  const annotations = labelsOf(cli.flags.list('annotations'));
  const withMeta = (app: Application): Application => ({
    ...app,
    metadata: {
      ...app.metadata,
      ...(labels ? { labels: { ...app.metadata?.labels, ...labels } } : {}),
      ...(annotations ? { annotations: { ...app.metadata?.annotations, ...annotations } } : {}),
    },
  });
  if (file !== '') {
    const text =
      file === '-'
        ? cli.ctx.stdin
        : (() => {
            const r = readFile(world(cli).files, resolvePath(cwdOf(cli.ctx.session), file));
            return r.ok ? r.value : undefined;
          })();
    if (text === undefined) return { error: `open ${file}: no such file or directory` };
    const apps: Application[] = [];
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJS() as Application | null;
      if (!value) continue;
      const name = value.metadata?.name ?? '';
      if (cli.args.length === 1 && cli.args[0] !== name)
        return {
          error: `app name '${cli.args[0]}' does not match app spec metadata.name '${name}'`,
        };
      if (name === '')
        return { error: 'app.Name is empty. --name argument can be used to provide app.Name' };
      const spec: Spec = { ...value.spec };
      const r = setAppSpecOptions(cli, spec);
      if ('fatal' in r) return { error: r.fatal, fatal: true };
      apps.push(withMeta({ ...value, spec }));
    }
    return { apps };
  }
  const qualified = cli.args.length === 1 ? (cli.args[0] as string) : cli.flags.str('name');
  const slash = qualified.indexOf('/');
  const spec: Spec = { source: { repoURL: '' }, destination: {} };
  const r = setAppSpecOptions(cli, spec);
  if ('fatal' in r) return { error: r.fatal, fatal: true };
  return {
    apps: [
      withMeta({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: slash >= 0 ? qualified.slice(slash + 1) : qualified,
          ...(slash >= 0 ? { namespace: qualified.slice(0, slash) } : {}),
        },
        spec,
      }),
    ],
  };
}

/** Deep equality regardless of key order (reflect.DeepEqual on the decoded structs). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));

function createApp(cli: Cli): number {
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const built = constructApps(cli);
  if ('error' in built)
    return built.fatal ? logFatal(cli, built.error) : checkError(cli, built.error);
  const upsert = cli.flags.bool('upsert');
  for (const input of built.apps) {
    const name = input.metadata?.name ?? '';
    if (name === '') return helpExit(cli);
    const ns = cli.flags.str('app-namespace') || input.metadata?.namespace || ARGOCD_NAMESPACE;
    if (ns !== ARGOCD_NAMESPACE)
      return checkError(
        cli,
        `rpc error: code = InvalidArgument desc = namespace '${ns}' is not permitted`,
      );
    const finalizers = cli.flags.bool('set-finalizer')
      ? [...(input.metadata?.finalizers ?? []), 'resources-finalizer.argocd.argoproj.io']
      : input.metadata?.finalizers;
    const app: Application = {
      ...input,
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { ...input.metadata, namespace: ns, ...(finalizers ? { finalizers } : {}) },
      spec: normalize(input.spec ?? {}),
    };
    delete app.operation;
    const projectName = app.spec?.project ?? 'default';
    if (projectName !== 'default' && !reader(world(cli)).get('AppProject', ns, projectName))
      return checkError(
        cli,
        `rpc error: code = InvalidArgument desc = app is not allowed in project ${JSON.stringify(projectName)}, or the project does not exist`,
      );
    const existing = reader(world(cli)).get('Application', ns, name);
    let action = 'created';
    if (existing) {
      const equal =
        same(existing.spec, app.spec) &&
        same(existing.metadata?.labels, app.metadata?.labels) &&
        same(existing.metadata?.annotations, app.metadata?.annotations) &&
        same(existing.metadata?.finalizers, app.metadata?.finalizers);
      if (!equal && !upsert)
        return checkError(
          cli,
          'rpc error: code = InvalidArgument desc = existing application spec is different, use upsert flag to force update',
        );
      action = equal || !upsert ? 'unchanged' : 'updated';
    }
    const result = keep(
      cli.ctx.session,
      transact(world(cli), 'argocd-server', (tx) => {
        ensureDefaultProject(tx);
        if (!existing) return create(tx, 'Application', app);
        if (action === 'unchanged') return existing;
        return update(tx, 'Application', {
          ...existing,
          metadata: {
            ...existing.metadata,
            labels: app.metadata?.labels,
            annotations: app.metadata?.annotations,
            finalizers: app.metadata?.finalizers,
          },
          spec: app.spec,
        });
      }),
    );
    if (isStatusError(result))
      return checkError(
        cli,
        `rpc error: code = Unknown desc = error creating application: ${result.message}`,
      );
    cli.ctx.out(`application '${name}' ${action}\n`);
  }
  return 0;
}

/** The API server creates the `default` project when it starts and finds none. */
function ensureDefaultProject(tx: Parameters<Parameters<typeof transact>[2]>[0]): void {
  if (tx.get('AppProject', ARGOCD_NAMESPACE, 'default')) return;
  create(tx, 'AppProject', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'default', namespace: ARGOCD_NAMESPACE },
    spec: {
      sourceRepos: ['*'],
      destinations: [{ server: '*', namespace: '*' }],
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  });
}

function setApp(cli: Cli): number {
  if (cli.args.length !== 1) return helpExit(cli);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const found = findApp(world(cli), cli.args[0] as string, cli.flags.str('app-namespace'));
  if (!found.ok) return checkError(cli, found.message);
  const { app } = found;
  const spec = JSON.parse(JSON.stringify(app.spec ?? {})) as Spec;
  const r = setAppSpecOptions(cli, spec);
  if ('fatal' in r) return logFatal(cli, r.fatal);
  // Every flag given counts, the command's own and the global ones too, as c.Flags().Visit sees.
  if (r.visited === 0) {
    cli.ctx.err(logLine('ERRO', 'Please set at least one option to update', cli));
    return helpExit(cli);
  }
  const result = keep(
    cli.ctx.session,
    transact(world(cli), 'argocd-server', (tx) =>
      update(tx, 'Application', { ...app, spec: normalize(spec) }),
    ),
  );
  if (isStatusError(result))
    return checkError(
      cli,
      `rpc error: code = Unknown desc = error updating application: ${result.message}`,
    );
  return 0;
}

export const createCommands: Record<string, CommandRun> = {
  'argocd app create': createApp,
  'argocd app set': setApp,
};
