// Formats: kubectl pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer lines),
// pkg/polymorphichelpers/history.go (the REVISION / CHANGE-CAUSE table behind the name printer's
// `deployment.apps/my-app ` line), pkg/polymorphichelpers/rollback.go (`rolled back`),
// pkg/cmd/rollout/rollout_pause.go, rollout_resume.go, rollout_restart.go and
// pkg/polymorphichelpers/objectpauser.go, objectresumer.go, objectrestarter.go. Checked against
// kubectl v1.32.5 talking to a stub API server.
import { describe, expect, it } from 'vitest';
import { MINUTE, rfc3339, SECOND } from '../../../engine/time';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import { run, scaledApp as app } from './testing';

const pods = (s: Session) =>
  reader(s.world)
    .list('Pod', 'default')
    .filter((p) => !p.metadata?.deletionTimestamp)
    .map((p) => {
      const st = p.status?.containerStatuses?.[0]?.state;
      return `${p.spec?.containers[0]?.image} ${st?.running ? 'Running' : (st?.waiting?.reason ?? '?')}`;
    })
    .sort();

describe('the opening story', () => {
  it('creates, scales, breaks with a bad image, and rolls back', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl create deployment my-app --image=nginx:latest').stdout).toBe(
      'deployment.apps/my-app created\n',
    );
    expect(run(s, 'kubectl expose deployment my-app --port=80').stdout).toBe(
      'service/my-app exposed\n',
    );
    expect(run(s, 'kubectl scale deployment my-app --replicas=3').stdout).toBe(
      'deployment.apps/my-app scaled\n',
    );
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout:
        'Waiting for deployment "my-app" rollout to finish: 0 of 3 updated replicas are available...\n' +
        'Waiting for deployment "my-app" rollout to finish: 1 of 3 updated replicas are available...\n' +
        'Waiting for deployment "my-app" rollout to finish: 2 of 3 updated replicas are available...\n' +
        'deployment "my-app" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });

    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0')).toMatchObject({
      stdout: 'deployment.apps/my-app image updated\n',
      exitCode: 0,
    });
    // The new pod never pulls its image. The progress deadline (600 s) counts from the
    // Progressing condition's lastUpdateTime (whole seconds) and the controller looks again a
    // second after it, so the error comes a little after ten minutes: headless, the wait is
    // interrupted first, as a person's Ctrl-C would.
    const started = s.world.now;
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout:
        'Waiting for deployment "my-app" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: '',
      exitCode: 130,
      interrupted: true,
    });
    expect(s.world.now - started).toBe(10 * MINUTE);
    expect(pods(s)).toEqual([
      'nginx:2.27.0 ImagePullBackOff',
      'nginx:latest Running',
      'nginx:latest Running',
      'nginx:latest Running',
    ]);
    const table = run(s, 'kubectl get pods').stdout.split('\n').slice(1).filter(Boolean);
    expect(table.filter((l) => /\s0\/1\s+ImagePullBackOff\s/.test(l))).toHaveLength(1);
    expect(table.filter((l) => /\s1\/1\s+Running\s/.test(l))).toHaveLength(3);
    const progressing = reader(s.world)
      .get('Deployment', 'default', 'my-app')
      ?.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing?.reason).toBe('ReplicaSetUpdated');

    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(run(s, 'kubectl rollout undo deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app rolled back\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout: 'deployment "my-app" successfully rolled out\n',
      exitCode: 0,
    });
    run(s, 'sleep 60');
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(pods(s)).toEqual([
      'nginx:latest Running',
      'nginx:latest Running',
      'nginx:latest Running',
    ]);
    const sets = reader(s.world).list('ReplicaSet', 'default');
    const failing = sets.find(
      (rs) => rs.spec?.template?.spec?.containers[0]?.image === 'nginx:2.27.0',
    );
    expect(failing?.spec?.replicas).toBe(0);
    expect(failing?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const good = sets.find(
      (rs) => rs.spec?.template?.spec?.containers[0]?.image === 'nginx:latest',
    );
    expect(good?.spec?.replicas).toBe(3);
    expect(good?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(good?.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('reports the exceeded progress deadline to a wait that started later', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
    const changed = s.world.now;
    run(s, 'sleep 60');
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout:
        'Waiting for deployment "my-app" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: deployment "my-app" exceeded its progress deadline\n',
      exitCode: 1,
    });
    expect(s.world.now - changed).toBe(601 * SECOND);
  });
});

describe('kubectl rollout pause / resume / restart', () => {
  it('pauses and resumes', () => {
    const s = app();
    expect(run(s, 'kubectl rollout pause deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app paused\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Deployment', 'default', 'my-app')?.spec?.paused).toBe(true);
    const paused = s.world;
    expect(run(s, 'kubectl rollout pause deployment/my-app')).toMatchObject({
      stdout: '',
      stderr: 'error: deployments.apps "my-app" is already paused\n',
      exitCode: 1,
    });
    expect(s.world).toBe(paused);
    // A paused Deployment takes the new template but starts no rollout.
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
    run(s, 'sleep 30');
    expect(reader(s.world).list('ReplicaSet', 'default')).toHaveLength(1);
    expect(run(s, 'kubectl rollout resume deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app resumed\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Deployment', 'default', 'my-app')?.spec).not.toHaveProperty(
      'paused',
    );
    expect(run(s, 'kubectl rollout resume deployment/my-app')).toMatchObject({
      stderr: 'error: deployments.apps "my-app" is not paused\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout status deployment/my-app').stdout).toMatch(
      /deployment "my-app" successfully rolled out\n$/,
    );
    expect(pods(s)).toEqual([
      'nginx:1.27.3 Running',
      'nginx:1.27.3 Running',
      'nginx:1.27.3 Running',
    ]);
  });

  it('restarts by stamping the pod template with the time', () => {
    const s = app();
    const now = s.world.now;
    expect(run(s, 'kubectl rollout restart deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app restarted\n',
      exitCode: 0,
    });
    expect(
      reader(s.world).get('Deployment', 'default', 'my-app')?.spec?.template?.metadata?.annotations,
    ).toEqual({
      'kubectl.kubernetes.io/restartedAt': rfc3339(now),
    });
    expect(run(s, 'kubectl rollout restart deployment/my-app')).toMatchObject({
      stderr:
        'error: failed to create patch for my-app: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout status deployment/my-app').exitCode).toBe(0);
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    run(s, 'kubectl rollout pause deployment/my-app');
    expect(run(s, 'kubectl rollout restart deployment/my-app').stderr).toBe(
      'error: deployments.apps "my-app" can\'t restart paused deployment (run rollout resume first)\n',
    );
  });

  it('answers for other kinds, missing objects and empty selections', () => {
    const s = app();
    const before = s.world;
    const rs = reader(s.world).list('ReplicaSet', 'default')[0]?.metadata?.name ?? '';
    expect(run(s, `kubectl rollout pause rs/${rs}`).stderr).toBe(
      `error: replicasets.apps "${rs}" pausing is not supported\n`,
    );
    expect(run(s, `kubectl rollout resume rs/${rs}`).stderr).toBe(
      `error: replicasets.apps "${rs}" resuming is not supported\n`,
    );
    expect(run(s, `kubectl rollout restart rs/${rs}`).stderr).toBe(
      `error: replicasets.apps "${rs}" restarting is not supported\n`,
    );
    expect(run(s, 'kubectl rollout pause deployment -l app=none')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout pause')).toMatchObject({
      stderr: 'error: required resource not specified\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl rollout pause deployment/nope deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app paused\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    // Several lookup errors are one aggregate: alone it prints one line each, next to another
    // error it prints as one bracketed line.
    expect(
      run(s, 'kubectl rollout pause deployment/nope deployment/gone deployment/my-app'),
    ).toMatchObject({
      stdout: '',
      stderr:
        '[deployments.apps "nope" not found, deployments.apps "gone" not found]\nerror: deployments.apps "my-app" is already paused\n',
      exitCode: 1,
    });
    expect(
      run(s, 'kubectl rollout resume deployment/nope deployment/gone deployment/my-app'),
    ).toMatchObject({
      stdout: 'deployment.apps/my-app resumed\n',
      stderr:
        'Error from server (NotFound): deployments.apps "nope" not found\nError from server (NotFound): deployments.apps "gone" not found\n',
      exitCode: 1,
    });
  });

  it('prints the changed object with -o, and changes it even when -o is wrong', () => {
    const s = app();
    expect(run(s, 'kubectl rollout pause deployment/my-app -o name').stdout).toBe(
      'deployment.apps/my-app\n',
    );
    expect(run(s, 'kubectl rollout resume deployment/my-app -o wide')).toMatchObject({
      stdout: '',
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exitCode: 1,
    });
    expect(reader(s.world).get('Deployment', 'default', 'my-app')?.spec?.paused).toBeUndefined();
    expect(
      run(s, 'kubectl rollout pause deployment/my-app -o jsonpath={.spec.paused}').stdout,
    ).toBe('true');
  });
});
