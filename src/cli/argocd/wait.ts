// Waiting on an Application as the CLI's watch does (cmd/argocd/commands/app.go
// waitOnApplicationStatus), and the API server's refresh (server/application/application.go Get
// with a refresh type): both follow the object through the simulated clock.
import type { Application, OperationState } from '../../engine/argocd/types';
import { nextEventTime, reader, transact } from '../../engine/world';
import { update } from '../../engine/k8s/apiserver';
import { MINUTE } from '../../engine/time';
import { keep } from '../program';
import { tabwrite } from '../printers/table';
import { appURL, findApp, world, type Cli } from './context';
import {
  getResourceStates,
  printAppResources,
  printAppSummaryTable,
  printOperationResult,
  qualifiedName,
  stateKey,
  type ResourceState,
} from './print';
import { printTreeView } from './tree';

export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** The next simulated time worth looking again at, never now or earlier. */
export function nextWake(cli: Cli, deadline?: number): number {
  const now = world(cli).now;
  const next = nextEventTime(world(cli)) ?? now + MINUTE;
  return Math.max(now + 1, deadline === undefined ? next : Math.min(next, deadline));
}

export type AppResult = { ok: true; app: Application } | { ok: false; message: string };

/**
 * Asks the controller to refresh the app (the refresh annotation) and waits until it has: until
 * a newer version of the app no longer carries the annotation.
 */
export function* refreshApp(
  cli: Cli,
  qualified: string,
  hard: boolean,
  defaultNs = '',
): Generator<number, AppResult, void> {
  const found = findApp(world(cli), qualified, defaultNs);
  if (!found.ok) return found;
  const { app } = found;
  const patched = keep(
    cli.ctx.session,
    transact(world(cli), 'argocd-server', (tx) =>
      update(tx, 'Application', {
        ...app,
        metadata: {
          ...app.metadata,
          annotations: {
            ...app.metadata?.annotations,
            [REFRESH_ANNOTATION]: hard ? 'hard' : 'normal',
          },
        },
      }),
    ),
  );
  const minVersion = Number(
    'ok' in patched ? app.metadata?.resourceVersion : patched.metadata?.resourceVersion,
  );
  for (;;) {
    const now = findApp(world(cli), qualified, defaultNs);
    if (
      now.ok &&
      Number(now.app.metadata?.resourceVersion) > minVersion &&
      !(now.app.metadata?.annotations ?? {})[REFRESH_ANNOTATION]
    )
      return now;
    yield nextWake(cli);
  }
}

export interface WatchOpts {
  sync?: boolean;
  health?: boolean;
  operation?: boolean;
  suspended?: boolean;
  degraded?: boolean;
  delete?: boolean;
}

function checkResourceStatus(watch: WatchOpts, health: string, sync: string, op: unknown): boolean {
  if (watch.delete) return false;
  let healthOk = true;
  const is = (...codes: string[]) => codes.includes(health);
  if (watch.suspended && watch.health && watch.degraded)
    healthOk = is('Healthy', 'Suspended', 'Degraded');
  else if (watch.suspended && watch.degraded) healthOk = is('Degraded', 'Suspended');
  else if (watch.degraded && watch.health) healthOk = is('Healthy', 'Degraded');
  else if (watch.suspended && watch.health) healthOk = is('Healthy', 'Suspended');
  else if (watch.suspended) healthOk = is('Suspended');
  else if (watch.health) healthOk = is('Healthy');
  else if (watch.degraded) healthOk = is('Degraded');
  const synced = !watch.sync || sync === 'Synced';
  const operational = !watch.operation || op === undefined || op === null;
  return synced && healthOk && operational;
}

function operationInProgress(app: Application): boolean {
  if (app.operation) return true;
  const state = app.status?.operationState;
  if (!state) return false;
  if (!state.finishedAt) return true;
  if (state.operation.sync?.dryRun) return false;
  const reconciled = app.status?.reconciledAt;
  return !reconciled || Date.parse(reconciled) < Date.parse(state.finishedAt);
}

/** waitFormatString = "%s\t%5s\t%10s\t%10s\t%20s\t%8s\t%7s\t%10s\t%s\n" */
function waitLine(cells: string[]): string {
  const widths = [0, 5, 10, 10, 20, 8, 7, 10, 0];
  return `${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('\t')}\n`;
}

/** time.Now().Format("2006-01-02T15:04:05-07:00") in UTC. */
function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

const WAIT_TABWRITER = {
  minWidth: 5,
  tabWidth: 0,
  padding: 2,
  padChar: ' ' as const,
  rememberWidths: false,
};

/** A `--resource GROUP:KIND:[NAMESPACE/]NAME` selection; `!` in front excludes. */
export interface SelectedResource {
  group: string;
  kind: string;
  name: string;
  namespace: string;
  exclude: boolean;
}

/** argo.IncludeResource: whether any selection takes the resource in. */
export function includeResource(
  r: { group?: string; kind: string; name: string; namespace?: string },
  selected: readonly SelectedResource[],
): boolean {
  return selected.some((s) => {
    const matches =
      (s.group === '*' || (r.group ?? '') === s.group) &&
      (s.kind === '*' || r.kind === s.kind) &&
      (s.name === '*' || r.name === s.name) &&
      (s.namespace === '*' || s.namespace === '' || (r.namespace ?? '') === s.namespace);
    return s.exclude ? !matches : matches;
  });
}

function selectStates(states: ResourceState[], selected: readonly SelectedResource[]) {
  return selected.length === 0 ? states : states.filter((st) => includeResource(st, selected));
}

export type WaitResult =
  | { ok: true; app: Application | undefined; opState: OperationState | undefined }
  | { ok: false; message: string };

export function* waitOnApplicationStatus(
  cli: Cli,
  appName: string,
  timeoutSeconds: number,
  watch: WatchOpts,
  output: string,
  selected: readonly SelectedResource[] = [],
): Generator<number, WaitResult, void> {
  const start = world(cli).now;
  const deadline = timeoutSeconds > 0 ? start + timeoutSeconds * 1000 : undefined;
  let refresh = false;

  function* printFinalStatus(
    app: Application,
    doRefresh: boolean,
  ): Generator<number, Application, void> {
    let current = app;
    if (doRefresh) {
      const r = yield* refreshApp(cli, qualifiedName(app), false);
      if (r.ok) current = r.app;
    }
    let s = `\n${printAppSummaryTable(current, appURL(cli, appName))}\n`;
    if (watch.operation) s += printOperationResult(current.status?.operationState, world(cli).now);
    if ((output === 'wide' || output === '') && (current.status?.resources ?? []).length > 0)
      s += `\n${printAppResources(current)}`;
    if (output === 'tree') {
      const tree = printTreeView(reader(world(cli)), current);
      if (tree) s += `\n${tree}`;
    }
    cli.ctx.out(s);
    return current;
  }

  const first = findApp(world(cli), appName);
  if (!first.ok) return first;
  let app = first.app;
  let lastVersion: string | undefined;
  let pending = waitLine([
    'TIMESTAMP',
    'GROUP',
    'KIND',
    'NAMESPACE',
    'NAME',
    'STATUS',
    'HEALTH',
    'HOOK',
    'MESSAGE',
  ]);
  const prevStates = new Map<string, ResourceState>();

  for (;;) {
    const found = findApp(world(cli), appName);
    if (!found.ok && lastVersion !== undefined && watch.delete) {
      cli.ctx.out(`Application '${qualifiedName(app)}' deleted\n`);
      return { ok: true, app: undefined, opState: undefined };
    }
    if (found.ok && found.app.metadata?.resourceVersion !== lastVersion) {
      app = found.app;
      lastVersion = app.metadata?.resourceVersion;
      if (app.operation && !app.operation.sync?.dryRun) refresh = true;
      const inProgress = operationInProgress(app);
      const current = app;
      const ready =
        selected.length > 0
          ? selectStates(getResourceStates(current), selected).every((st) =>
              checkResourceStatus(watch, st.health, st.status, current.operation),
            )
          : checkResourceStatus(
              watch,
              app.status?.health?.status ?? '',
              app.status?.sync?.status ?? '',
              app.operation,
            );
      if (ready && (!inProgress || !watch.operation)) {
        const opState = app.status?.operationState;
        const final = yield* printFinalStatus(app, refresh);
        return { ok: true, app: final, opState };
      }
      for (const state of selectStates(getResourceStates(app), selected)) {
        const key = stateKey(state);
        const prev = prevStates.get(key);
        let print = false;
        if (prev) {
          if (
            watch.health &&
            prev.health !== 'Unknown' &&
            prev.health !== 'Degraded' &&
            state.health === 'Degraded'
          ) {
            yield* printFinalStatus(app, refresh);
            return {
              ok: false,
              message: `application '${appName}' health state has transitioned from ${prev.health} to ${state.health}`,
            };
          }
          for (const f of ['status', 'health', 'hook', 'message'] as const) {
            if (state[f] !== '' && prev[f] !== state[f]) {
              prev[f] = state[f];
              print = true;
            }
          }
        } else {
          prevStates.set(key, state);
          print = true;
        }
        const s = prevStates.get(key) as ResourceState;
        if (print)
          pending += waitLine([
            timestamp(world(cli).now),
            s.group,
            s.kind,
            s.namespace,
            s.name,
            s.status,
            s.health,
            s.hook,
            s.message,
          ]);
      }
      cli.ctx.out(tabwrite(pending, WAIT_TABWRITER));
      pending = '';
    }
    if (deadline !== undefined && world(cli).now >= deadline) {
      cli.ctx.out('\nThis is the state of the app after `wait` timed out:\n');
      yield* printFinalStatus(app, false);
      cli.ctx.out('\nThe command timed out waiting for the conditions to be met.\n');
      yield* printFinalStatus(app, false);
      return {
        ok: false,
        message: `timed out (${timeoutSeconds}s) waiting for app ${JSON.stringify(appName)} match desired state`,
      };
    }
    yield nextWake(cli, deadline);
  }
}
