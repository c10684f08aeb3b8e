// Test fixtures: a cluster with the pieces of an Argo CD install the CLI needs, and Applications
// whose status is written by hand (standing in for the controller).
import { expect } from 'vitest';
import type { Application } from '../../engine/argocd/types';
import { create } from '../../engine/k8s/apiserver';
import { advance, reader, transact } from '../../engine/world';
import { keep, type Session } from '../program';
import { registry } from '../programs';
import { createSession, runHeadless, startCommand } from '../shell/shell';

export function installedSession(): Session {
  const s = createSession({ seed: 1 });
  keep(
    s,
    transact(s.world, 'kubectl-client-side-apply', (tx) => {
      create(tx, 'Namespace', { metadata: { name: 'argocd' } });
      create(tx, 'ConfigMap', { metadata: { name: 'argocd-cm', namespace: 'argocd' } });
      for (const [kind, plural] of [
        ['Application', 'applications'],
        ['AppProject', 'appprojects'],
      ] as const)
        create(tx, 'CustomResourceDefinition', {
          metadata: { name: `${plural}.argoproj.io` },
          spec: {
            group: 'argoproj.io',
            names: { kind, plural },
            scope: 'Namespaced',
            versions: [{ name: 'v1alpha1', served: true, storage: true }],
          },
        });
      return undefined;
    }),
  );
  return s;
}

/** Replaces an Application's status (and operation) as the controller would write them. */
export function setStatus(
  s: Session,
  name: string,
  status: Application['status'],
  operation?: Application['operation'],
): void {
  keep(
    s,
    transact(s.world, 'argocd-application-controller', (tx) => {
      const app = tx.get('Application', 'argocd', name);
      if (!app) throw new Error(`no app ${name}`);
      const next: Application = { ...app, status };
      if (operation === undefined) delete next.operation;
      else next.operation = operation;
      return tx.put('Application', next);
    }),
  );
}

export const FATA = (msg: string) => `\x1b[31mFATA\x1b[0m[0000] ${msg.padEnd(44)} \n`;
export const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const OLD = '0f1e2d3c4b5a69788796a5b4c3d2e1f009182736';
export const REPO = 'https://git.example.com/team/app.git';
export const CREATE = `argocd app create my-app --repo ${REPO} --path my-app --dest-server https://kubernetes.default.svc --dest-namespace default --revision main`;

export const sh = (s: Session, cmd: string) => runHeadless(s, cmd, registry);
export const app = (s: Session, name = 'my-app') =>
  reader(s.world).get('Application', 'argocd', name);

export const resources = (svc: string, deploy: string, sync = 'Synced') =>
  [
    {
      version: 'v1',
      kind: 'Service',
      namespace: 'default',
      name: 'my-app',
      status: sync,
      health: { status: svc },
    },
    {
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'default',
      name: 'my-app',
      status: sync,
      health: { status: deploy },
    },
  ] as NonNullable<Application['status']>['resources'];

export const results = [
  {
    group: '',
    version: 'v1',
    kind: 'Service',
    namespace: 'default',
    name: 'my-app',
    status: 'Synced',
    message: 'service/my-app created',
    syncPhase: 'Sync',
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    namespace: 'default',
    name: 'my-app',
    status: 'Synced',
    message: 'deployment.apps/my-app created',
    syncPhase: 'Sync',
  },
] as const;

export const source = { repoURL: REPO, path: 'my-app', targetRevision: 'main' };

/** An app the controller has synced once (history 0 at OLD) and now sees OutOfSync at SHA. */
export function outOfSyncApp(): Session {
  const s = installedSession();
  expect(sh(s, CREATE).exitCode).toBe(0);
  setStatus(s, 'my-app', {
    sync: { status: 'OutOfSync', revision: SHA },
    health: { status: 'Healthy' },
    resources: resources('Healthy', 'Healthy', 'OutOfSync'),
    history: [
      {
        id: 0,
        revision: OLD,
        deployedAt: '2026-01-15T08:00:05Z',
        deployStartedAt: '2026-01-15T08:00:00Z',
        source,
      },
    ],
    reconciledAt: '2026-01-15T09:00:00Z',
  });
  return s;
}

/** Runs a command step by step, so that a test can play the controller between its waits. */
export function drive(s: Session, cmd: string) {
  let stdout = '';
  let stderr = '';
  const run = startCommand(s, cmd, registry, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  let step = run.next();
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    get exitCode(): number | undefined {
      return step.done ? step.value : undefined;
    },
    /** Moves the clock to when the command wants to look again (or `at`), and resumes it. */
    resume(at?: number) {
      if (step.done) throw new Error('command has ended');
      const wanted = typeof step.value === 'number' ? step.value : s.world.now + 1;
      const until = Math.max(at ?? wanted, s.world.now + 1);
      s.world = advance(s.world, until).world;
      step = run.next();
    },
  };
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

/** What the controller does when it takes up and finishes the sync operation. */
export function controllerSyncs(s: Session, startedAt: string, phase: 'Running' | 'Succeeded') {
  const op = { sync: { revision: SHA } };
  const status = app(s)?.status;
  if (phase === 'Running') {
    setStatus(
      s,
      'my-app',
      {
        ...status,
        resources: resources('Healthy', 'Progressing'),
        operationState: {
          operation: op,
          phase,
          startedAt,
          syncResult: { revision: SHA, resources: [...results] },
        },
      },
      app(s)?.operation,
    );
    return;
  }
  const finishedAt = iso(s.world.now);
  setStatus(s, 'my-app', {
    ...status,
    sync: { status: 'Synced', revision: SHA },
    health: { status: 'Healthy' },
    resources: resources('Healthy', 'Healthy'),
    reconciledAt: finishedAt,
    history: [
      ...(status?.history ?? []),
      { id: 1, revision: SHA, deployedAt: finishedAt, deployStartedAt: startedAt, source },
    ],
    operationState: {
      operation: op,
      phase,
      message: 'successfully synced (all tasks run)',
      startedAt,
      finishedAt,
      syncResult: { revision: SHA, resources: [...results] },
    },
  });
}

/** The controller's refresh: it reconciles the app and drops the annotation. */
export function controllerRefreshes(s: Session) {
  const a = app(s);
  if (!a) throw new Error('no app');
  const annotations = { ...a.metadata?.annotations };
  delete annotations['argocd.argoproj.io/refresh'];
  const next: Application = {
    ...a,
    metadata: { ...a.metadata, annotations },
    status: { ...a.status, reconciledAt: iso(s.world.now) },
  };
  keep(
    s,
    transact(s.world, 'argocd-application-controller', (tx) => tx.put('Application', next)),
  );
}
