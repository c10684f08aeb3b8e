// `argocd app sync`, `rollback` and `wait`: the API server sets an operation on the Application
// (server/application/application.go Sync, Rollback; util/argo/argo.go SetAppOperation) and the
// CLI watches the controller carry it out (cmd/argocd/commands/app.go).
import type { Application, Operation } from '../../engine/argocd/types';
import { matches, parseSelector } from '../../engine/k8s/labels';
import { reader, transact } from '../../engine/world';
import { keep, type Run } from '../program';
import {
  ARGOCD_NAMESPACE,
  checkError,
  findApp,
  helpExit,
  logFatal,
  startLocalServer,
  world,
  type Cli,
} from './context';
import { resolveRevision } from './desired';
import {
  includeResource,
  waitOnApplicationStatus,
  type SelectedResource,
  type WatchOpts,
} from './wait';

function rpc(code: string, desc: string): string {
  return `rpc error: code = ${code} desc = ${desc}`;
}

/** SetAppOperation: refused while another operation is pending; clears the last result. */
function setAppOperation(cli: Cli, app: Application, op: Operation): string | undefined {
  if (app.operation)
    return rpc(
      'FailedPrecondition',
      `error setting app operation: ${rpc('FailedPrecondition', 'another operation is already in progress')}`,
    );
  keep(
    cli.ctx.session,
    transact(world(cli), 'argocd-server', (tx) => {
      const status = { ...app.status };
      delete status.operationState;
      return tx.put('Application', { ...app, operation: op, status });
    }),
  );
  return undefined;
}

/** parseSelectedResources (cmd/argocd/commands/app.go), or the error it returns. */
export function parseSelectedResources(resources: readonly string[]): SelectedResource[] | string {
  const out: SelectedResource[] = [];
  for (const raw of resources) {
    const exclude = raw.startsWith('!');
    const resource = exclude ? raw.slice(1) : raw;
    const fields = resource.split(':');
    if (fields.length !== 3)
      return `Resource should have GROUP:KIND:NAME, but instead got: ${resource}`;
    let name = fields[2] as string;
    let namespace = '';
    if (name.includes('/')) {
      const parts = name.split('/');
      if (parts.length !== 2)
        return `Resource with namespace should have GROUP:KIND:NAMESPACE/NAME, but instead got: ${resource}`;
      [namespace, name] = parts as [string, string];
    }
    out.push({ group: fields[0] as string, kind: fields[1] as string, name, namespace, exclude });
  }
  return out;
}

function outputFlag(cli: Cli): string {
  return cli.flags.str('output', 'wide');
}

function* sync(cli: Cli): Run {
  const selector = cli.flags.str('selector');
  const projects = cli.flags.list('project');
  if (cli.args.length === 0 && selector === '' && projects.length === 0) return helpExit(cli);
  if (cli.args.length > 1 && selector !== '')
    return logFatal(
      cli,
      'Cannot use selector option when application name(s) passed as argument(s)',
    );
  const strategy = cli.flags.str('strategy');
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  let names = [...cli.args];
  if (selector !== '' || projects.length > 0) {
    const apps = listMatching(cli, selector, projects);
    if (typeof apps === 'string') return checkError(cli, apps);
    if (apps.length === 0) {
      let msg = 'No matching apps found for filter:';
      if (selector !== '') msg += ` selector ${selector}`;
      if (projects.length > 0) msg += ` projects [${projects.join(' ')}]`;
      return logFatal(cli, msg);
    }
    names = [...names, ...apps.map((a) => `${a.metadata?.namespace}/${a.metadata?.name}`)];
  }
  const appNamespace = cli.flags.str('app-namespace');
  for (let name of names) {
    if (appNamespace !== '' && !name.includes('/')) name = `${appNamespace}/${name}`;
    const found = findApp(world(cli), name);
    if (!found.ok) return checkError(cli, found.message);
    const { app } = found;
    const resourceFlags = cli.flags.list('resource');
    const selected = parseSelectedResources(resourceFlags);
    if (typeof selected === 'string') return checkError(cli, selected);
    const filtered =
      selected.length === 0
        ? []
        : (app.status?.resources ?? [])
            .filter((r) => includeResource(r, selected))
            .map((r) => ({
              ...(r.group ? { group: r.group } : {}),
              kind: r.kind,
              name: r.name,
              ...(r.namespace ? { namespace: r.namespace } : {}),
            }));
    if (resourceFlags.length > 0 && filtered.length === 0)
      return logFatal(
        cli,
        `No matching app resources found for resource filter: ${resourceFlags.join(', ')}`,
      );
    if (strategy !== '' && strategy !== 'apply' && strategy !== 'hook')
      return logFatal(cli, `Unknown sync strategy: '${strategy}'`);
    // From here on, the API server's Sync handler.
    if (app.metadata?.deletionTimestamp)
      return checkError(cli, rpc('FailedPrecondition', 'application is deleting'));
    const revision = cli.flags.str('revision');
    const dryRun = cli.flags.bool('dry-run');
    const target = app.spec?.source?.targetRevision || 'HEAD';
    if (app.spec?.syncPolicy?.automated && !dryRun && revision !== '' && revision !== target)
      return checkError(
        cli,
        rpc(
          'FailedPrecondition',
          `Cannot sync to ${revision}: auto-sync currently set to ${app.spec?.source?.targetRevision ?? ''}`,
        ),
      );
    const resolved = resolveRevision(world(cli), app, revision);
    if (!resolved.ok) return checkError(cli, rpc('FailedPrecondition', resolved.message));
    const items: string[] = [];
    if (cli.flags.bool('replace')) items.push('Replace=true');
    if (cli.flags.bool('server-side')) items.push('ServerSideApply=true');
    if (cli.flags.bool('apply-out-of-sync-only')) items.push('ApplyOutOfSyncOnly=true');
    const syncOptions = items.length > 0 ? items : app.spec?.syncPolicy?.syncOptions;
    const op: Operation = {
      sync: {
        revision: resolved.sha,
        ...(cli.flags.bool('prune') ? { prune: true } : {}),
        ...(dryRun ? { dryRun: true } : {}),
        ...(syncOptions && syncOptions.length > 0 ? { syncOptions } : {}),
        ...(filtered.length > 0 ? { resources: filtered } : {}),
      },
      initiatedBy: { username: 'admin' },
      ...(app.spec?.syncPolicy?.retry ? { retry: app.spec.syncPolicy.retry } : {}),
    };
    const refused = setAppOperation(cli, app, op);
    if (refused) return checkError(cli, refused);
    if (cli.flags.bool('async')) continue;
    const result = yield* waitOnApplicationStatus(
      cli,
      name,
      cli.flags.int('timeout', 0),
      { operation: true },
      outputFlag(cli),
      selected,
    );
    if (!result.ok) return checkError(cli, result.message);
    if (!dryRun) {
      const phase = result.opState?.phase;
      if (phase !== 'Succeeded')
        return logFatal(cli, `Operation has completed with phase: ${phase ?? ''}`);
      if (selected.length === 0 && result.app?.status?.sync?.status !== 'Synced') {
        const n = (result.opState?.syncResult?.resources ?? []).filter(
          (r) => r.status === 'PruneSkipped',
        ).length;
        if (n > 0) return logFatal(cli, `${n} resources require pruning`);
      }
    }
  }
  return 0;
}

/** The apps a label selector and project filter pick, or the error the API server answers. */
export function listMatching(
  cli: Cli,
  selector: string,
  projects: readonly string[],
): Application[] | string {
  const apps = allApps(cli);
  const parsed = selectorMatcher(selector);
  if (typeof parsed === 'string') return parsed;
  return apps.filter(
    (a) =>
      parsed(a.metadata?.labels) &&
      (projects.length === 0 || projects.includes(a.spec?.project || 'default')),
  );
}

export function allApps(cli: Cli): Application[] {
  return reader(world(cli)).list('Application', ARGOCD_NAMESPACE);
}

export function selectorMatcher(
  selector: string,
): ((labels: Record<string, string> | undefined) => boolean) | string {
  if (selector === '') return () => true;
  const parsed = parseSelector(selector);
  if (!parsed.ok)
    return `rpc error: code = Unknown desc = error parsing the selector: ${parsed.error}`;
  return (labels) => matches(parsed.selector, labels);
}

function* rollback(cli: Cli): Run {
  if (cli.args.length === 0) return helpExit(cli);
  let id = -1;
  if (cli.args.length > 1) {
    const raw = cli.args[1] as string;
    if (!/^[+-]?\d+$/.test(raw))
      return checkError(cli, `strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`);
    id = Number(raw);
  }
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const found = findApp(world(cli), cli.args[0] as string, cli.flags.str('app-namespace'));
  if (!found.ok) return checkError(cli, found.message);
  const { app } = found;
  const history = app.status?.history ?? [];
  const name = app.metadata?.name ?? '';
  let entry;
  if (id === -1) {
    if (history.length < 2)
      return checkError(
        cli,
        `Application '${name}' should have at least two successful deployments`,
      );
    entry = history[history.length - 2];
  } else {
    entry = history.find((h) => h.id === id);
    if (!entry)
      return checkError(
        cli,
        `Application '${name}' does not have deployment id '${id}' in history\n`,
      );
  }
  if (!entry) return 1;
  if (app.metadata?.deletionTimestamp)
    return checkError(cli, rpc('FailedPrecondition', 'application is deleting'));
  if (app.spec?.syncPolicy?.automated)
    return checkError(
      cli,
      rpc('FailedPrecondition', 'rollback cannot be initiated when auto-sync is enabled'),
    );
  const syncOptions = app.spec?.syncPolicy?.syncOptions;
  const op: Operation = {
    sync: {
      revision: entry.revision,
      ...(cli.flags.bool('prune') ? { prune: true } : {}),
      ...(syncOptions && syncOptions.length > 0 ? { syncOptions } : {}),
      ...(entry.source ? { source: entry.source } : {}),
    },
    initiatedBy: { username: 'admin' },
  };
  const refused = setAppOperation(cli, app, op);
  if (refused) return checkError(cli, refused);
  const result = yield* waitOnApplicationStatus(
    cli,
    `${app.metadata?.namespace}/${name}`,
    cli.flags.int('timeout', 0),
    { operation: true },
    outputFlag(cli),
  );
  if (!result.ok) return checkError(cli, result.message);
  return 0;
}

function* wait(cli: Cli): Run {
  const selector = cli.flags.str('selector');
  if (cli.args.length === 0 && selector === '') return helpExit(cli);
  let watch: WatchOpts = {
    sync: cli.flags.bool('sync'),
    health: cli.flags.bool('health'),
    operation: cli.flags.bool('operation'),
    suspended: cli.flags.bool('suspended'),
    degraded: cli.flags.bool('degraded'),
    delete: cli.flags.bool('delete'),
  };
  if (!Object.values(watch).some(Boolean)) watch = { sync: true, health: true, operation: true };
  const selected = parseSelectedResources(cli.flags.list('resource'));
  if (typeof selected === 'string') return checkError(cli, selected);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  let names = [...cli.args];
  if (selector !== '') {
    const apps = listMatching(cli, selector, []);
    if (typeof apps === 'string') return checkError(cli, apps);
    names = [...names, ...apps.map((a) => `${a.metadata?.namespace}/${a.metadata?.name}`)];
  }
  const appNamespace = cli.flags.str('app-namespace');
  for (let name of names) {
    if (appNamespace !== '' && !name.includes('/')) name = `${appNamespace}/${name}`;
    const result = yield* waitOnApplicationStatus(
      cli,
      name,
      cli.flags.int('timeout', 0),
      watch,
      outputFlag(cli),
      selected,
    );
    if (!result.ok) return checkError(cli, result.message);
  }
  return 0;
}

export const syncCommands = {
  'argocd app sync': sync,
  'argocd app rollback': rollback,
  'argocd app wait': wait,
};
