// The Argo CD application controller (argo-cd controller/appcontroller.go): while its pod
// (argocd-application-controller-0) is Running and Ready it compares every Application in the
// argocd namespace with Git, runs sync operations, auto-syncs, self-heals and cascades deletes.
//
// Git is read only on a full refresh: every 180 s (timeout.reconciliation), when the Application
// changes or asks for it (the argocd.argoproj.io/refresh annotation), and after an operation.
// A change to a managed object re-compares against the manifests already read, a second later.
import { create, remove } from '../k8s/apiserver';
import type { Controller, Tx } from '../k8s/store';
import { keyOf } from '../k8s/store';
import type { KubeObject, Pod } from '../k8s/types';
import { ALL_KINDS } from '../k8s/types';
import { clone, deepEqual, isPodReady } from '../k8s/controllers/util';
import { rfc3339, SECOND } from '../time';
import { autoSync } from './autosync';
import { compare, liveManaged } from './compare';
import { startedEvent, statusEvents } from './appevents';
import { INSTANCE_LABEL } from './diff';
import type { Manifest } from './manifests';
import { loadTarget, refOf } from './manifests';
import { processOperation } from './operation';
import type {
  Application,
  ApplicationCondition,
  ApplicationDestination,
  ApplicationSource,
  ApplicationStatus,
} from './types';

export const ARGOCD_NAMESPACE = 'argocd';
export const CONTROLLER_POD = 'argocd-application-controller-0';
export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
/** timeout.reconciliation's default. */
export const RECONCILIATION_PERIOD = 180 * SECOND;
/** How long a managed object's change takes to reach a refresh (informer and queue). */
export const RESOURCE_REFRESH_DELAY = 1 * SECOND;

const NAME = 'argocd-application-controller';
/** The work key (not an app name: names have no spaces) for the default AppProject. */
const DEFAULT_PROJECT_KEY = ' default-project';
const SERVER_LABEL = 'argocd-server';
/** Runtime table: app key → what the last full refresh read from Git. */
const CACHE = 'argocd-app-cache';
/** Runtime table: app key → a deleted app whose resources still have to be deleted. */
const CASCADE = 'argocd-cascade';

interface Cache {
  comparedTo: string;
  refreshedAt: number;
  revision?: string;
  manifests?: Manifest[];
  error?: string;
}

function controllerReady(tx: Tx): boolean {
  const pod = tx.get('Pod', ARGOCD_NAMESPACE, CONTROLLER_POD);
  return (
    !!pod && !pod.metadata?.deletionTimestamp && pod.status?.phase === 'Running' && isPodReady(pod)
  );
}

function comparedToOf(app: Application): {
  source: ApplicationSource;
  destination: ApplicationDestination;
} {
  return {
    source: app.spec?.source ?? { repoURL: '' },
    destination: app.spec?.destination ?? {},
  };
}

/** The parts of an Application a user (or the CLI) changes; status is the controller's. */
function userView(app: Application | undefined) {
  if (!app) return undefined;
  return {
    spec: app.spec,
    operation: app.operation,
    annotations: app.metadata?.annotations,
    finalizers: app.metadata?.finalizers,
    deletionTimestamp: app.metadata?.deletionTimestamp,
  };
}

function writeApp(tx: Tx, before: Application, next: Application): Application {
  const strip = (a: Application) => ({
    ...a,
    metadata: { ...a.metadata, resourceVersion: undefined },
  });
  if (deepEqual(strip(before), strip(next))) return before;
  return tx.put('Application', next);
}

function withConditions(
  previous: ApplicationCondition[] | undefined,
  next: { type: string; message: string }[],
  now: number,
): ApplicationCondition[] | undefined {
  if (next.length === 0) return undefined;
  return next.map((c) => {
    const old = previous?.find((p) => p.type === c.type && p.message === c.message);
    return { ...c, lastTransitionTime: old?.lastTransitionTime ?? rfc3339(now) };
  });
}

function cascadeDelete(tx: Tx, appName: string): void {
  const previous = tx.manager;
  tx.manager = 'argocd-controller';
  for (const obj of liveManaged(tx, appName)) {
    const ref = refOf(obj);
    remove(tx, obj.kind as never, ref.namespace, ref.name, { propagation: 'Foreground' });
  }
  tx.manager = previous;
}

function reconcileApp(tx: Tx, ns: string, name: string): void {
  const key = keyOf(ns, name);
  let app = tx.get('Application', ns, name);
  if (!app) {
    if (tx.getRuntime(CASCADE, key)) {
      cascadeDelete(tx, name);
      tx.setRuntime(CASCADE, key, undefined);
    }
    tx.setRuntime(CACHE, key, undefined);
    tx.cancelWake(NAME, ns, name);
    return;
  }
  if (app.metadata?.deletionTimestamp) {
    const finalizers = app.metadata.finalizers ?? [];
    if (finalizers.includes(RESOURCES_FINALIZER)) cascadeDelete(tx, name);
    const rest = finalizers.filter((f) => f !== RESOURCES_FINALIZER);
    if (rest.length === 0) {
      tx.remove('Application', ns, name);
      tx.setRuntime(CACHE, key, undefined);
    } else if (rest.length !== finalizers.length) {
      tx.put('Application', { ...app, metadata: { ...app.metadata, finalizers: rest } });
    }
    return;
  }

  const now = tx.now;
  let status: ApplicationStatus = clone(app.status ?? {});
  let justOperated = false;
  if (app.operation) {
    const step = processOperation(
      tx,
      app,
      () => liveManaged(tx, name),
      (b, n) => writeApp(tx, b, n),
    );
    ({ app, status } = step);
    justOperated = step.completed;
    if (step.wakeAt !== undefined) tx.wakeAt(NAME, ns, name, step.wakeAt);
  }

  const comparedTo = comparedToOf(app);
  const comparedKey = JSON.stringify(comparedTo);
  let cache = tx.getRuntime<Cache>(CACHE, key);
  const refreshAsked = app.metadata?.annotations?.[REFRESH_ANNOTATION] !== undefined;
  const full =
    !cache ||
    justOperated ||
    refreshAsked ||
    cache.comparedTo !== comparedKey ||
    now >= cache.refreshedAt + RECONCILIATION_PERIOD;
  if (full) {
    const target = loadTarget(tx.git, comparedTo.source);
    cache = target.ok
      ? {
          comparedTo: comparedKey,
          refreshedAt: now,
          revision: target.revision,
          manifests: target.manifests,
        }
      : {
          comparedTo: comparedKey,
          refreshedAt: now,
          revision: target.revision,
          error: target.message,
        };
    tx.setRuntime(CACHE, key, cache);
  }
  const c = cache!;
  const result = compare(tx, app, c.manifests, liveManaged(tx, name));
  const conditions: { type: string; message: string }[] = [];
  if (c.error) conditions.push({ type: 'ComparisonError', message: c.error });
  status = {
    ...status,
    resources: result.resources,
    sync: { status: result.status, comparedTo, ...(c.revision && { revision: c.revision }) },
    health: result.health,
    ...(full && { reconciledAt: rfc3339(now) }),
    sourceType: 'Directory',
    summary: result.images.length ? { images: result.images } : {},
    controllerNamespace: ARGOCD_NAMESPACE,
  };
  if (result.resources.length === 0) delete status.resources;
  const auto = c.error ? {} : autoSync(app, status, now);
  if (auto.condition) conditions.push(auto.condition);
  if (auto.retryAt !== undefined) tx.wakeAt(NAME, ns, name, auto.retryAt);
  const next: Application = {
    ...app,
    ...(auto.operation && { operation: auto.operation }),
    status: { ...status, conditions: withConditions(app.status?.conditions, conditions, now) },
  };
  if (!next.status?.conditions) delete next.status!.conditions;
  if (refreshAsked) {
    const annotations = { ...app.metadata?.annotations };
    delete annotations[REFRESH_ANNOTATION];
    next.metadata = { ...app.metadata, annotations };
  }
  statusEvents(tx, app, next.status ?? {});
  writeApp(tx, app, next);
  if (auto.operation) {
    startedEvent(tx, app, auto.operation);
    tx.enqueue(NAME, ns, name);
  }
  // A single timer per app: the earliest wins, so the periodic refresh is asked for every time.
  tx.wakeAt(NAME, ns, name, c.refreshedAt + RECONCILIATION_PERIOD);
}

/**
 * argocd-server creates the `default` AppProject when it starts (server.go, with the spec of
 * util/db's default project): any repository, any destination, any cluster-scoped kind.
 */
function ensureDefaultProject(tx: Tx): void {
  if (tx.get('AppProject', ARGOCD_NAMESPACE, 'default')) return;
  const previous = tx.manager;
  tx.manager = SERVER_LABEL;
  create(tx, 'AppProject', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'default', namespace: ARGOCD_NAMESPACE },
    spec: {
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
      destinations: [{ namespace: '*', server: '*' }],
      sourceRepos: ['*'],
    },
    status: {},
  });
  tx.manager = previous;
}

function appsToRefresh(tx: Tx, obj: KubeObject | undefined): void {
  const app = obj?.metadata?.labels?.[INSTANCE_LABEL];
  if (!app || obj.metadata?.ownerReferences?.length) return;
  tx.wakeAt(NAME, ARGOCD_NAMESPACE, app, tx.now + RESOURCE_REFRESH_DELAY);
}

const managedWatch = (tx: Tx, a: KubeObject | undefined, b: KubeObject | undefined) => {
  appsToRefresh(tx, a);
  if (b?.metadata?.labels?.[INSTANCE_LABEL] !== a?.metadata?.labels?.[INSTANCE_LABEL])
    appsToRefresh(tx, b);
  return [];
};

const watches: Controller['watches'] = {};
for (const kind of ALL_KINDS) {
  if (kind === 'Event' || kind === 'Endpoints') continue;
  (watches as Record<string, unknown>)[kind] = managedWatch;
}

watches.Application = (tx, a, b) => {
  managedWatch(tx, a, b);
  const app = a ?? b;
  if (app?.metadata?.namespace !== ARGOCD_NAMESPACE) return [];
  const key = keyOf(ARGOCD_NAMESPACE, app.metadata.name ?? '');
  if (!a) {
    if (b?.metadata?.finalizers?.includes(RESOURCES_FINALIZER)) tx.setRuntime(CASCADE, key, true);
    return [key];
  }
  return deepEqual(userView(a), userView(b)) ? [] : [key];
};

watches.Pod = (tx, a, b) => {
  managedWatch(tx, a, b);
  const pod = (a ?? b) as Pod | undefined;
  if (pod?.metadata?.namespace !== ARGOCD_NAMESPACE) return [];
  const ready = (p: Pod | undefined) =>
    !!p && p.status?.phase === 'Running' && isPodReady(p) && !p.metadata?.deletionTimestamp;
  if (ready(a) === ready(b) || !ready(a)) return [];
  if (pod.metadata.labels?.['app.kubernetes.io/name'] === SERVER_LABEL)
    return [keyOf(ARGOCD_NAMESPACE, DEFAULT_PROJECT_KEY)];
  if (pod.metadata.name !== CONTROLLER_POD) return [];
  return [
    ...tx
      .list('Application', ARGOCD_NAMESPACE)
      .map((app) => keyOf(ARGOCD_NAMESPACE, app.metadata?.name ?? '')),
    ...pendingCascades(tx),
  ];
};

export const applicationController: Controller = {
  name: NAME,
  manager: NAME,
  watches,
  reconcile(tx, ns, name) {
    if (ns !== ARGOCD_NAMESPACE) return;
    if (name === DEFAULT_PROJECT_KEY) {
      ensureDefaultProject(tx);
      return;
    }
    // Nothing happens while the controller is down; its pod becoming ready re-queues every app
    // (and every cascade delete seen meanwhile).
    if (!controllerReady(tx)) return;
    reconcileApp(tx, ns, name);
  },
};

/** Keys of the Applications whose resources wait for a cascade delete (for tests and the UI). */
export function pendingCascades(tx: Tx): string[] {
  return tx.runtimeEntries<boolean>(CASCADE).map(([k]) => k);
}
