// The CLI with the real application controller and Git host: install, push, create, diff, sync,
// history, auto-sync, rollback refusal, cascaded delete. Formats as in argocd.test.ts (argo-cd
// v2.11 cmd/argocd/commands/app.go); this file checks that the pieces work together.
import { describe, expect, it } from 'vitest';
import { INSTALL_URL } from '../../engine/argocd/install';
import { reader } from '../../engine/world';
import { registry } from '../programs';
import { createSession, runHeadlessAsync } from '../shell/shell';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

describe('argocd with the controller', () => {
  it('creates, diffs, syncs, auto-syncs and deletes an app from Git', async () => {
    const s = createSession({ seed: 1 });
    const sh = (c: string) => runHeadlessAsync(s, c, registry);
    for (const c of [
      'kubectl create namespace argocd',
      `kubectl apply -n argocd -f ${INSTALL_URL}`,
      'sleep 60',
      'mkdir app',
      'cd app',
      'git init -b main',
      `cat <<EOF > deployment.yaml\n${MANIFEST}EOF`,
      'git add .',
      'git commit -m init',
      'git remote add origin https://github.com/team/app.git',
      'git push -u origin main',
    ])
      expect((await sh(c)).exitCode, c).toBe(0);

    expect(
      await sh(
        'argocd app create web --repo https://github.com/team/app.git --path . --dest-server https://kubernetes.default.svc --dest-namespace default',
      ),
    ).toMatchObject({ stdout: "application 'web' created\n", exitCode: 0 });

    const diff = await sh('argocd app diff web');
    expect(diff.exitCode).toBe(1);
    expect(diff.stdout).toBe(
      '\n===== apps/Deployment default/web ======\n0a1,20\n' +
        '> apiVersion: apps/v1\n> kind: Deployment\n> metadata:\n>   labels:\n' +
        '>     app.kubernetes.io/instance: web\n>   name: web\n>   namespace: default\n' +
        '> spec:\n>   replicas: 2\n>   selector:\n>     matchLabels:\n>       app: web\n' +
        '>   template:\n>     metadata:\n>       labels:\n>         app: web\n' +
        '>     spec:\n>       containers:\n>       - image: nginx:1.25\n>         name: nginx\n',
    );

    const sync = await sh('argocd app sync web');
    expect(sync.exitCode).toBe(0);
    expect(sync.stdout).toContain('\nPhase:              Succeeded\n');
    expect(sync.stdout).toMatch(
      /\napps {3}Deployment {2}default {4}web {3}Synced {2}\w+ +deployment.apps\/web created\n$/,
    );
    expect(reader(s.world).get('Deployment', 'default', 'web')?.spec?.replicas).toBe(2);
    const tree = (await sh('argocd app get web -o tree')).stdout;
    expect(tree).toMatch(
      /\nKIND\/NAME +STATUS +HEALTH +MESSAGE\nDeployment\/web +Synced .*\n└─ReplicaSet\/web-\w+ +\w+ *\n {2}├─Pod\/web-\w+-\w+ +\w+ *\n {2}└─Pod\/web-\w+-\w+ +\w+ *\n$/,
    );
    expect((await sh('argocd app history web')).stdout).toMatch(
      /^SOURCE {2}https:\/\/github.com\/team\/app.git\nID {6}DATE +REVISION\n0 {7}2026-01-15 \d\d:\d\d:\d\d \+0000 UTC {3}\([0-9a-f]{7}\)\n$/,
    );

    for (const c of [
      "sed -i 's/replicas: 2/replicas: 3/' deployment.yaml",
      'git commit -am more',
      'git push',
    ])
      expect((await sh(c)).exitCode, c).toBe(0);
    expect(await sh('argocd app diff web --refresh')).toMatchObject({
      stdout:
        '\n===== apps/Deployment default/web ======\n18c18\n<   replicas: 2\n---\n>   replicas: 3\n',
      exitCode: 1,
    });

    expect((await sh('argocd app set web --sync-policy automated')).exitCode).toBe(0);
    const wait = await sh('argocd app wait web --timeout 300');
    expect(wait.exitCode).toBe(0);
    expect(wait.stdout).toContain('Sync Status:        Synced to  (');
    expect(reader(s.world).get('Deployment', 'default', 'web')?.spec?.replicas).toBe(3);

    expect((await sh('argocd app rollback web 0')).exitCode).toBe(20);
    expect(await sh('argocd app delete web -y --wait')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(reader(s.world).get('Application', 'argocd', 'web')).toBeUndefined();
    expect(reader(s.world).get('Deployment', 'default', 'web')).toBeUndefined();
  }, 60_000);
});
