// Transcripts of `argocd` in core mode. Formats: argo-cd v2.11 cmd/argocd/commands/app.go
// (printAppSummaryTable, printAppResources, printApplicationTable, printApplicationHistoryTable,
// waitOnApplicationStatus, printOperationResult, the delete prompt), server/application/
// application.go (permission denied for a missing app, Sync, Rollback, Delete, Create/upsert),
// cmd/util/app.go (SetAppSpecOptions); usage errors: spf13/cobra, spf13/pflag.
import { describe, expect, it } from 'vitest';
import { reader } from '../../engine/world';
import { createSession } from '../shell/shell';
import { argocd } from './argocd';
import { helpText } from './cobra';
import { app, CREATE, FATA, installedSession, outOfSyncApp, REPO, sh, source } from './testing';

describe('argocd usage', () => {
  it('prints help, and cobra and pflag errors', () => {
    const s = installedSession();
    expect(sh(s, 'argocd app get')).toMatchObject({
      stdout: helpText('argocd app get'),
      stderr: '',
      exitCode: 1,
    });
    expect(sh(s, 'argocd app get --help')).toMatchObject({
      stdout: helpText('argocd app get'),
      exitCode: 0,
    });
    expect(sh(s, 'argocd app diff')).toMatchObject({
      stdout: helpText('argocd app diff'),
      exitCode: 2,
    });
    expect(sh(s, 'argocd')).toMatchObject({ stdout: helpText('argocd'), exitCode: 0 });
    expect(sh(s, 'argocd app')).toMatchObject({ stdout: helpText('argocd app'), exitCode: 1 });
    expect(sh(s, 'argocd help app')).toMatchObject({ stdout: helpText('argocd app'), exitCode: 0 });
    expect(sh(s, 'argocd ap list')).toMatchObject({
      stdout: '',
      stderr:
        'Error: unknown command "ap" for "argocd"\n\nDid you mean this?\n\tapp\n\tappset\n\tgpg\n\nRun \'argocd --help\' for usage.\n',
      exitCode: 1,
    });
    expect(sh(s, 'argocd app get my-app --bogus')).toMatchObject({
      stderr: 'Error: unknown flag: --bogus\n',
      exitCode: 1,
    });
    expect(sh(s, 'argocd app list -z')).toMatchObject({
      stderr: "Error: unknown shorthand flag: 'z' in -z\n",
      exitCode: 1,
    });
    expect(sh(s, 'argocd app create x --repo')).toMatchObject({
      stderr: 'Error: flag needs an argument: --repo\n',
      exitCode: 1,
    });
    expect(sh(s, 'argocd --core app list -o name')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('completes subcommands, flags and app names', () => {
    const s = outOfSyncApp();
    const complete = argocd.complete?.bind(argocd);
    expect(complete?.(['ap'], s)).toEqual(['app', 'appset']);
    expect(complete?.(['app', 'sy'], s)).toEqual(['sync']);
    expect(complete?.(['app', 'sync', 'my'], s)).toEqual(['my-app']);
    expect(complete?.(['app', 'sync', 'my-app', '--pr'], s)).toEqual([
      '--preview-changes',
      '--project',
      '--prune',
    ]);
  });

  it('cannot start without Argo CD installed', () => {
    const s = createSession({ seed: 1 });
    expect(sh(s, 'argocd app list')).toMatchObject({
      stdout: '',
      stderr: FATA('configmap "argocd-cm" not found'),
      exitCode: 1,
    });
    expect(sh(s, 'argocd version --client --short')).toMatchObject({
      stdout: 'argocd: v2.11.9+d4a3138\n',
      exitCode: 0,
    });
  });
});

describe('argocd app create, list, get, history', () => {
  it('creates an app and prints it as Argo CD does', () => {
    const s = outOfSyncApp();
    expect(app(s)?.spec).toEqual({
      source,
      destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
      project: 'default',
    });
    expect(reader(s.world).get('AppProject', 'argocd', 'default')).toBeDefined();
    expect(sh(s, 'argocd app list')).toMatchObject({
      stdout:
        'NAME           CLUSTER                         NAMESPACE  PROJECT  STATUS     HEALTH   SYNCPOLICY  CONDITIONS  REPO                                  PATH    TARGET\n' +
        'argocd/my-app  https://kubernetes.default.svc  default    default  OutOfSync  Healthy  Manual      <none>      https://git.example.com/team/app.git  my-app  main\n',
      exitCode: 0,
    });
    expect(sh(s, 'argocd app list -o name').stdout).toBe('argocd/my-app\n');
    expect(sh(s, 'argocd app get my-app -o yaml').stdout).toMatch(
      /^metadata:\n {2}creationTimestamp: /,
    );
    expect(sh(s, 'argocd app list -o json -l team=x')).toMatchObject({
      stdout: '[]\n',
      exitCode: 0,
    });
    expect(sh(s, 'argocd app list -o yaml -l team=x').stdout).toBe('[]\n');
    expect(sh(s, 'argocd app get my-app -o wide2')).toMatchObject({
      stderr: FATA('unknown output format: wide2'),
      exitCode: 20,
    });
    const get = sh(s, 'argocd app get argocd/my-app');
    expect(get.stdout).toMatch(/^URL: +http:\/\/localhost:\d+\/applications\/my-app$/m);
    expect(get.stdout.replace(/localhost:\d+/, 'localhost:PORT')).toBe(
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
        'Sync Status:        OutOfSync from main (a1b2c3d)\n' +
        'Health Status:      Healthy\n' +
        '\n' +
        'GROUP  KIND        NAMESPACE  NAME    STATUS     HEALTH   HOOK  MESSAGE\n' +
        '       Service     default    my-app  OutOfSync  Healthy        \n' +
        'apps   Deployment  default    my-app  OutOfSync  Healthy        \n',
    );
    expect(sh(s, 'argocd app history my-app')).toMatchObject({
      stdout:
        'SOURCE  https://git.example.com/team/app.git\n' +
        'ID      DATE                           REVISION\n' +
        '0       2026-01-15 08:00:05 +0000 UTC  main (0f1e2d3)\n',
      exitCode: 0,
    });
    expect(sh(s, 'argocd app history my-app -o id').stdout).toBe('0\n');
  });

  it('says permission denied for an app that does not exist', () => {
    const s = installedSession();
    const denied = FATA('rpc error: code = PermissionDenied desc = permission denied');
    expect(sh(s, 'argocd app get nope')).toMatchObject({
      stdout: '',
      stderr: denied,
      exitCode: 20,
    });
    expect(sh(s, 'argocd app history default/nope')).toMatchObject({
      stderr: denied,
      exitCode: 20,
    });
  });

  it('answers created, unchanged, refused and updated as the API server does', () => {
    const s = installedSession();
    expect(sh(s, CREATE)).toMatchObject({ stdout: "application 'my-app' created\n", exitCode: 0 });
    expect(sh(s, CREATE)).toMatchObject({
      stdout: "application 'my-app' unchanged\n",
      exitCode: 0,
    });
    const before = s.world;
    expect(sh(s, `${CREATE} --sync-policy automated`)).toMatchObject({
      stderr: FATA(
        'rpc error: code = InvalidArgument desc = existing application spec is different, use upsert flag to force update',
      ),
      exitCode: 20,
    });
    expect(s.world.cluster).toBe(before.cluster);
    expect(
      sh(
        s,
        `${CREATE} --sync-policy automated --auto-prune --self-heal --sync-option CreateNamespace=true --upsert`,
      ),
    ).toMatchObject({
      stdout: "application 'my-app' updated\n",
      exitCode: 0,
    });
    expect(app(s)?.spec?.syncPolicy).toEqual({
      syncOptions: ['CreateNamespace=true'],
      automated: { prune: true, selfHeal: true },
    });
    expect(sh(s, 'argocd app list').stdout).toContain('  Auto-Prune  ');
    expect(sh(s, 'argocd app create other --repo r --self-heal')).toMatchObject({
      stderr: FATA('Cannot set --self-heal: application not configured with automatic sync'),
      exitCode: 1,
    });
    expect(sh(s, 'argocd app create other --repo r --sync-policy sometimes')).toMatchObject({
      stderr: FATA('Invalid sync-policy: sometimes'),
      exitCode: 1,
    });
    expect(app(s, 'other')).toBeUndefined();
  });

  it('creates apps from a file', () => {
    const s = installedSession();
    sh(
      s,
      `cat <<EOF > app.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: guestbook
    targetRevision: HEAD
  destination:
    server: https://kubernetes.default.svc
    namespace: guestbook
EOF`,
    );
    expect(sh(s, 'argocd app create -f app.yaml')).toMatchObject({
      stdout: "application 'guestbook' created\n",
      exitCode: 0,
    });
    expect(app(s, 'guestbook')?.spec?.source?.path).toBe('guestbook');
    expect(sh(s, 'argocd app create -f missing.yaml')).toMatchObject({
      stderr: FATA('open missing.yaml: no such file or directory'),
      exitCode: 20,
    });
  });

  it('sets spec fields, and complains when given none', () => {
    const s = outOfSyncApp();
    expect(sh(s, 'argocd app set my-app --sync-policy automated --self-heal')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(app(s)?.spec?.syncPolicy).toEqual({ automated: { selfHeal: true } });
    expect(sh(s, 'argocd app set my-app --revision v2').exitCode).toBe(0);
    expect(app(s)?.spec?.source?.targetRevision).toBe('v2');
    const r = sh(s, 'argocd app set my-app');
    expect(r.stderr).toBe(
      `\x1b[31mERRO\x1b[0m[0000] ${'Please set at least one option to update'.padEnd(44)} \n`,
    );
    expect(r).toMatchObject({ stdout: helpText('argocd app set'), exitCode: 1 });
  });
});
