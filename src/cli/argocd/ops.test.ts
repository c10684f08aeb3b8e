// Transcripts of the argocd commands that wait on the controller, with the controller played by
// hand between the command's waits. Formats: argo-cd v2.11 cmd/argocd/commands/app.go
// (waitOnApplicationStatus, printOperationResult, the delete prompt), server/application/
// application.go (Sync, Rollback, Delete, Get with refresh), util/argo/argo.go (SetAppOperation).
import { describe, expect, it } from 'vitest';
import {
  app,
  controllerRefreshes,
  controllerSyncs,
  drive,
  FATA,
  iso,
  OLD,
  outOfSyncApp,
  setStatus,
  sh,
  SHA,
  source,
} from './testing';

describe('argocd app sync', () => {
  it('sets the operation, follows the controller and prints the result', () => {
    const s = outOfSyncApp();
    const t0 = s.world.now;
    const run = drive(s, 'argocd app sync my-app');
    expect(app(s)?.operation).toEqual({
      sync: { revision: 'main' },
      initiatedBy: { username: 'admin' },
    });
    expect(app(s)?.status?.operationState).toBeUndefined();
    expect(run.stdout).toBe(
      'TIMESTAMP                  GROUP        KIND   NAMESPACE                  NAME    STATUS    HEALTH        HOOK  MESSAGE\n' +
        '2026-01-15T09:00:00+00:00            Service     default                my-app  OutOfSync  Healthy              \n' +
        '2026-01-15T09:00:00+00:00   apps  Deployment     default                my-app  OutOfSync  Healthy              \n',
    );
    controllerSyncs(s, iso(t0), 'Running');
    // The watch sees the controller's write at once.
    run.resume(s.world.now + 1);
    expect(run.stdout.split('\n').slice(3).join('\n')).toBe(
      '2026-01-15T09:00:00+00:00            Service     default                my-app    Synced  Healthy                  service/my-app created\n' +
        '2026-01-15T09:00:00+00:00   apps  Deployment     default                my-app    Synced  Progressing              deployment.apps/my-app created\n',
    );
    run.resume(t0 + 5000);
    controllerSyncs(s, iso(t0), 'Succeeded');
    run.resume();
    // Before printing the result the CLI asks for a refresh and waits for it.
    expect(app(s)?.metadata?.annotations?.['argocd.argoproj.io/refresh']).toBe('normal');
    expect(run.exitCode).toBeUndefined();
    controllerRefreshes(s);
    run.resume();
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(
      run.stdout
        .split('\n')
        .slice(5)
        .join('\n')
        .replace(/localhost:\d+/, 'localhost:PORT'),
    ).toBe(
      '\n' +
        'Name:               argocd/my-app\n' +
        'Project:            default\n' +
        'Server:             https://kubernetes.default.svc\n' +
        'Namespace:          default\n' +
        'URL:                http://localhost:PORT/applications/my-app\n' +
        'Source:\n' +
        '- Repo:             https://git.example.com/team/app.git\n' +
        '  Target:           main\n' +
        '  Path:             my-app\n' +
        'SyncWindow:         Sync Allowed\n' +
        'Sync Policy:        Manual\n' +
        'Sync Status:        Synced to main (a1b2c3d)\n' +
        'Health Status:      Healthy\n' +
        '\n' +
        'Operation:          Sync\n' +
        'Sync Revision:      a1b2c3d4e5f60718293a4b5c6d7e8f9012345678\n' +
        'Phase:              Succeeded\n' +
        'Start:              2026-01-15 09:00:00 +0000 UTC\n' +
        'Finished:           2026-01-15 09:00:05 +0000 UTC\n' +
        'Duration:           5s\n' +
        'Message:            successfully synced (all tasks run)\n' +
        '\n' +
        'GROUP  KIND        NAMESPACE  NAME    STATUS  HEALTH   HOOK  MESSAGE\n' +
        '       Service     default    my-app  Synced  Healthy        service/my-app created\n' +
        'apps   Deployment  default    my-app  Synced  Healthy        deployment.apps/my-app created\n',
    );
  });

  it('returns at once with --async, and refuses a second operation', () => {
    const s = outOfSyncApp();
    expect(sh(s, 'argocd app sync my-app --async --prune')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(app(s)?.operation).toEqual({
      sync: { revision: 'main', prune: true },
      initiatedBy: { username: 'admin' },
    });
    expect(sh(s, 'argocd app sync my-app --async')).toMatchObject({
      stderr: FATA(
        'rpc error: code = FailedPrecondition desc = error setting app operation: rpc error: code = FailedPrecondition desc = another operation is already in progress',
      ),
      exitCode: 20,
    });
  });

  it('syncs only the resources selected with --resource', () => {
    const s = outOfSyncApp();
    expect(sh(s, 'argocd app sync my-app --async --resource apps:Deployment:my-app')).toMatchObject(
      {
        exitCode: 0,
      },
    );
    expect(app(s)?.operation?.sync?.resources).toEqual([
      { group: 'apps', kind: 'Deployment', name: 'my-app', namespace: 'default' },
    ]);
    const t = outOfSyncApp();
    expect(sh(t, 'argocd app sync my-app --resource :ConfigMap:nope')).toMatchObject({
      stderr: FATA('No matching app resources found for resource filter: :ConfigMap:nope'),
      exitCode: 1,
    });
    expect(sh(t, 'argocd app sync my-app --resource Deployment:my-app')).toMatchObject({
      stderr: FATA('Resource should have GROUP:KIND:NAME, but instead got: Deployment:my-app'),
      exitCode: 20,
    });
    expect(app(t)?.operation).toBeUndefined();
  });

  it('fails when the operation fails', () => {
    const s = outOfSyncApp();
    const run = drive(s, 'argocd app sync my-app');
    setStatus(s, 'my-app', {
      ...app(s)?.status,
      reconciledAt: iso(s.world.now + 1000),
      operationState: {
        operation: { sync: { revision: SHA } },
        phase: 'Failed',
        message: 'one or more objects failed to apply',
        startedAt: iso(s.world.now),
        finishedAt: iso(s.world.now),
      },
    });
    run.resume();
    controllerRefreshes(s);
    run.resume();
    expect(run.stdout).toContain('\nPhase:              Failed\n');
    expect(run).toMatchObject({
      // logrus counts the seconds since the command started: two one-minute waits.
      stderr: FATA('Operation has completed with phase: Failed').replace('[0000]', '[0120]'),
      exitCode: 1,
    });
  });
});

describe('argocd app rollback', () => {
  it('is refused while auto-sync is on', () => {
    const s = outOfSyncApp();
    sh(s, 'argocd app set my-app --sync-policy automated');
    setStatus(s, 'my-app', {
      ...app(s)?.status,
      history: [
        ...(app(s)?.status?.history ?? []),
        { id: 1, revision: SHA, deployedAt: '2026-01-15T09:00:00Z', source },
      ],
    });
    const before = s.world.cluster;
    expect(sh(s, 'argocd app rollback my-app 0')).toMatchObject({
      stderr: FATA(
        'rpc error: code = FailedPrecondition desc = rollback cannot be initiated when auto-sync is enabled',
      ),
      exitCode: 20,
    });
    expect(s.world.cluster).toBe(before);
  });

  it('needs a previous deployment, and an id from the history', () => {
    const s = outOfSyncApp();
    expect(sh(s, 'argocd app rollback my-app')).toMatchObject({
      stderr: FATA("Application 'my-app' should have at least two successful deployments"),
      exitCode: 20,
    });
    expect(sh(s, 'argocd app rollback my-app 7').stderr).toBe(
      FATA("Application 'my-app' does not have deployment id '7' in history"),
    );
    expect(sh(s, 'argocd app rollback my-app x').stderr).toBe(
      FATA('strconv.Atoi: parsing "x": invalid syntax'),
    );
  });

  it('syncs to the revision and source of the history entry', () => {
    const s = outOfSyncApp();
    const run = drive(s, 'argocd app rollback my-app 0 --prune');
    expect(app(s)?.operation).toEqual({
      sync: { revision: OLD, prune: true, source },
      initiatedBy: { username: 'admin' },
    });
    expect(run.exitCode).toBeUndefined();
  });
});

describe('argocd app wait', () => {
  it('prints only the final state when the app is already there', () => {
    const s = outOfSyncApp();
    setStatus(s, 'my-app', { ...app(s)?.status, sync: { status: 'Synced', revision: SHA } });
    const r = sh(s, 'argocd app wait my-app --sync --health');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('\nName:               argocd/my-app\n')).toBe(true);
    expect(r.stdout).toContain(
      'Sync Status:        Synced to main (a1b2c3d)\nHealth Status:      Healthy\n\n\nGROUP',
    );
  });

  it('times out as the CLI does, printing the state twice', () => {
    const s = outOfSyncApp();
    const r = sh(s, 'argocd app wait my-app --sync --timeout 5');
    expect(r.stderr).toBe(
      FATA('timed out (5s) waiting for app "my-app" match desired state').replace(
        '[0000]',
        '[0005]',
      ),
    );
    expect(r.exitCode).toBe(20);
    const parts = r.stdout.split('\nThis is the state of the app after `wait` timed out:\n');
    expect(parts[0]).toContain('TIMESTAMP');
    const [first, second] = (parts[1] ?? '').split(
      '\nThe command timed out waiting for the conditions to be met.\n',
    );
    expect(first).toBe(second);
    expect(first).toContain('Sync Status:        OutOfSync from main (a1b2c3d)\n');
  });
});

describe('argocd app get --refresh', () => {
  it('asks the controller to refresh and waits for it', () => {
    const s = outOfSyncApp();
    const run = drive(s, 'argocd app get my-app --hard-refresh');
    expect(app(s)?.metadata?.annotations).toEqual({ 'argocd.argoproj.io/refresh': 'hard' });
    run.resume();
    expect(run.exitCode).toBeUndefined();
    controllerRefreshes(s);
    run.resume();
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Name:               argocd/my-app\n');
  });
});

describe('argocd app delete', () => {
  it('asks first, and reads the answer from stdin', () => {
    const s = outOfSyncApp();
    const prompt = "Are you sure you want to delete 'my-app' and all its resources? [y/n] ";
    expect(sh(s, 'echo n | argocd app delete my-app')).toMatchObject({
      stdout: `${prompt}The command to delete 'my-app' was cancelled.\n`,
      exitCode: 0,
    });
    expect(sh(s, 'argocd app delete my-app')).toMatchObject({
      stdout: prompt,
      stderr: FATA('EOF'),
      exitCode: 20,
    });
    expect(sh(s, 'echo maybe | argocd app delete my-app')).toMatchObject({
      stdout: prompt + prompt,
      stderr: FATA('EOF'),
    });
    expect(app(s)?.metadata?.deletionTimestamp).toBeUndefined();
    expect(sh(s, 'echo y | argocd app delete my-app')).toMatchObject({
      stdout: `${prompt}application 'my-app' deleted\n`,
      exitCode: 0,
    });
    // The resources finalizer keeps the app until the controller has deleted what it manages.
    expect(app(s)?.metadata?.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(app(s)?.metadata?.deletionTimestamp).toBe('2026-01-15T09:00:00Z');
  });

  it('deletes without asking with --yes, and at once without cascade', () => {
    const s = outOfSyncApp();
    expect(sh(s, 'argocd app delete my-app -y')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(app(s)?.metadata?.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    const t = outOfSyncApp();
    expect(sh(t, 'argocd app delete my-app --cascade=false')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(app(t)).toBeUndefined();
    expect(sh(t, 'argocd app delete my-app -y')).toMatchObject({
      stderr: FATA('rpc error: code = PermissionDenied desc = permission denied'),
      exitCode: 20,
    });
  });
});
