// Formats: kubectl pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer: the lines
// and their order of checks), pkg/cmd/rollout/rollout_status.go (a line per watch event,
// --watch=false, --timeout through client-go tools/watch UntilWithSync and apimachinery
// wait.ErrWaitTimeout, `No resources found in <ns> namespace.`, `object has been deleted`).
// Checked against kubectl v1.32.5 talking to a stub API server.
import { describe, expect, it } from 'vitest';
import { remove } from '../../../engine/k8s/apiserver';
import type { Deployment, StatefulSet } from '../../../engine/k8s/types';
import { SECOND } from '../../../engine/time';
import { advance, reader, transact } from '../../../engine/world';
import { registry } from '../../programs';
import { createSession, startCommand } from '../../shell/shell';
import { deploymentStatus, statefulSetStatus } from './rollout-status';
import { run, scaledApp as app, seedObject } from './testing';

const waiting = (rest: string) => `Waiting for deployment "my-app" rollout to finish: ${rest}\n`;

describe('kubectl rollout status', () => {
  it('follows a rolling update to its end', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
    const started = s.world.now;
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout:
        waiting('1 out of 3 new replicas have been updated...') +
        waiting('2 out of 3 new replicas have been updated...') +
        waiting('1 old replicas are pending termination...') +
        'deployment "my-app" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });
    expect(s.world.now).toBeGreaterThan(started);
    // Done already: one line, no waiting.
    const now = s.world.now;
    expect(run(s, 'kubectl rollout status deploy my-app').stdout).toBe(
      'deployment "my-app" successfully rolled out\n',
    );
    expect(s.world.now).toBe(now);
  });

  it('prints once with --watch=false', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
    const now = s.world.now;
    expect(run(s, 'kubectl rollout status deployment/my-app --watch=false')).toMatchObject({
      stdout: waiting('1 out of 3 new replicas have been updated...'),
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout status deployment/my-app -w=false').exitCode).toBe(0);
    expect(s.world.now).toBe(now);
  });

  it('gives up after --timeout', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
    const now = s.world.now;
    expect(run(s, 'kubectl rollout status deployment/my-app --timeout=30s')).toMatchObject({
      stdout: waiting('1 out of 3 new replicas have been updated...'),
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(s.world.now - now).toBe(30 * SECOND);
  });

  it('pins a revision with --revision', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
    expect(run(s, 'kubectl rollout status deployment/my-app --revision=1')).toMatchObject({
      stdout: '',
      stderr: 'error: desired revision (1) is different from the running revision (2)\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout status deployment/my-app --revision=2').stdout).toMatch(
      /successfully rolled out\n$/,
    );
    expect(run(s, 'kubectl rollout status deployment/my-app --revision=-1').stderr).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });

  it('stops when the Deployment is deleted', () => {
    const s = app();
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
    let stdout = '';
    let stderr = '';
    const cmd = startCommand(s, 'kubectl rollout status deployment/my-app', registry, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    const wait = cmd.next();
    expect(wait.done).toBe(false);
    s.world = transact(s.world, 'kubectl-client-side-apply', (tx) =>
      remove(tx, 'Deployment', 'default', 'my-app'),
    ).world;
    s.world = advance(s.world, wait.value as number).world;
    expect(cmd.next()).toEqual({ done: true, value: 1 });
    expect(stdout).toBe(waiting('1 out of 3 new replicas have been updated...'));
    expect(stderr).toBe('error: object has been deleted\n');
  });

  it('answers for other kinds and for nothing found', () => {
    const s = app();
    const name = reader(s.world).list('ReplicaSet', 'default')[0]?.metadata?.name;
    expect(run(s, `kubectl rollout status rs/${name}`).stderr).toBe(
      'error: no status viewer has been implemented for ReplicaSet.apps\n',
    );
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
    run(s, 'sleep 60');
    // Two ReplicaSets now: two errors, printed one per line without a prefix.
    expect(run(s, 'kubectl rollout status rs')).toMatchObject({
      stderr:
        'no status viewer has been implemented for ReplicaSet.apps\nno status viewer has been implemented for ReplicaSet.apps\n',
      exitCode: 1,
    });
    run(s, 'kubectl expose deployment my-app --port=80');
    expect(run(s, 'kubectl rollout status svc/my-app').stderr).toBe(
      'error: no status viewer has been implemented for Service\n',
    );
    expect(run(s, 'kubectl rollout status deployment -l app=none')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout status deployment -n elsewhere').stderr).toBe(
      'No resources found in elsewhere namespace.\n',
    );
    expect(run(s, 'kubectl rollout status deployment/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout status daemonset/nope').stderr).toBe(
      'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    );
    expect(run(s, 'kubectl rollout status deployment/nope deployment/my-app')).toMatchObject({
      stdout: 'deployment "my-app" successfully rolled out\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
  });
});

describe('the Deployment status viewer', () => {
  const d = (status: Deployment['status'], generation = 2): Deployment => ({
    metadata: {
      name: 'my-app',
      generation,
      annotations: { 'deployment.kubernetes.io/revision': '2' },
    },
    spec: { replicas: 3, selector: {}, template: {} },
    status,
  });
  const progressDeadline = {
    type: 'Progressing',
    status: 'False',
    reason: 'ProgressDeadlineExceeded',
  };

  it('waits for the controller to observe the spec first', () => {
    expect(
      deploymentStatus(d({ observedGeneration: 1, conditions: [progressDeadline] }), 0),
    ).toEqual({
      line: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    });
  });

  it('checks the deadline before counting replicas', () => {
    expect(
      deploymentStatus(d({ observedGeneration: 2, conditions: [progressDeadline] }), 0),
    ).toEqual({
      error: 'deployment "my-app" exceeded its progress deadline',
    });
  });

  it('counts updated, old and available replicas in that order', () => {
    expect(
      deploymentStatus(d({ observedGeneration: 2, updatedReplicas: 1, replicas: 4 }), 0),
    ).toEqual({
      line: waiting('1 out of 3 new replicas have been updated...'),
      done: false,
    });
    expect(
      deploymentStatus(d({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 }), 0),
    ).toEqual({
      line: waiting('1 old replicas are pending termination...'),
      done: false,
    });
    expect(
      deploymentStatus(
        d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }),
        0,
      ),
    ).toEqual({
      line: waiting('2 of 3 updated replicas are available...'),
      done: false,
    });
    expect(
      deploymentStatus(
        d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
        2,
      ),
    ).toEqual({
      line: 'deployment "my-app" successfully rolled out\n',
      done: true,
    });
  });
});

// StatefulSetStatusViewer.Status in kubernetes/kubernetes
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go: the strategy check, then
// observedGeneration, ready pods, the partition (which the API server defaults to 0, so a plain
// RollingUpdate set ends on "partitioned roll out complete"), and the revisions.
describe('kubectl rollout status statefulset', () => {
  const image = (tag: string) =>
    `kubectl patch sts web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:${tag}"}]}}}}'`;

  function web() {
    const s = createSession({ seed: 1 });
    const labels = { app: 'web' };
    seedObject(s, 'StatefulSet', {
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        serviceName: 'web',
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        },
      },
    });
    return s;
  }

  it('waits for the pods, one ordinal after another, then for the update', () => {
    const s = web();
    expect(run(s, 'kubectl rollout status statefulset/web')).toMatchObject({
      stdout:
        'Waiting for 3 pods to be ready...\n' +
        'Waiting for 2 pods to be ready...\n' +
        'Waiting for 1 pods to be ready...\n' +
        'partitioned roll out complete: 3 new pods have been updated...\n',
      stderr: '',
      exitCode: 0,
    });
    const now = s.world.now;
    expect(run(s, 'kubectl rollout status sts web').stdout).toBe(
      'partitioned roll out complete: 3 new pods have been updated...\n',
    );
    expect(s.world.now).toBe(now);
    run(s, image('1.27.3'));
    const partitioned = (n: number) =>
      `Waiting for partitioned roll out to finish: ${n} out of 3 new pods have been updated...\n`;
    expect(run(s, 'kubectl rollout status statefulsets/web').stdout).toBe(
      partitioned(0) +
        'Waiting for 1 pods to be ready...\n' +
        partitioned(1) +
        'Waiting for 1 pods to be ready...\n' +
        partitioned(2) +
        'Waiting for 1 pods to be ready...\n' +
        'partitioned roll out complete: 3 new pods have been updated...\n',
    );
  });

  it('stops at the partition', () => {
    const s = web();
    run(s, 'kubectl rollout status statefulset/web');
    run(
      s,
      `kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'`,
    );
    run(s, image('1.27.3'));
    expect(run(s, 'kubectl rollout status statefulset/web --watch=false')).toMatchObject({
      stdout:
        'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout status statefulset/web').stdout).toBe(
      'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n' +
        'Waiting for 1 pods to be ready...\n' +
        'partitioned roll out complete: 1 new pods have been updated...\n',
    );
  });

  it('refuses OnDelete sets, and reports a missing one', () => {
    const s = web();
    run(
      s,
      `kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
    );
    expect(run(s, 'kubectl rollout status statefulset/web')).toMatchObject({
      stdout: '',
      stderr: 'error: rollout status is only available for RollingUpdate strategy type\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout status statefulset/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      exitCode: 1,
    });
  });

  it('follows the order of the viewer checks', () => {
    const sts = (spec: StatefulSet['spec'], status: StatefulSet['status'], generation = 2) =>
      ({ metadata: { name: 'web', generation }, spec, status }) as StatefulSet;
    const base = {
      replicas: 3,
      serviceName: 'web',
      selector: {},
      template: {},
    } as NonNullable<StatefulSet['spec']>;
    const rolling = { ...base, updateStrategy: { type: 'RollingUpdate' } };
    expect(statefulSetStatus(sts(rolling, { replicas: 3 }))).toEqual({
      line: 'Waiting for statefulset spec update to be observed...\n',
      done: false,
    });
    expect(statefulSetStatus(sts(rolling, { replicas: 3, observedGeneration: 1 }))).toEqual({
      line: 'Waiting for statefulset spec update to be observed...\n',
      done: false,
    });
    expect(
      statefulSetStatus(sts(rolling, { replicas: 3, observedGeneration: 2, readyReplicas: 1 })),
    ).toEqual({ line: 'Waiting for 2 pods to be ready...\n', done: false });
    const ready = {
      replicas: 3,
      observedGeneration: 2,
      readyReplicas: 3,
      currentReplicas: 2,
      updatedReplicas: 1,
      currentRevision: 'web-aaa',
      updateRevision: 'web-bbb',
    };
    expect(statefulSetStatus(sts(rolling, ready))).toEqual({
      line: 'waiting for statefulset rolling update to complete 1 pods at revision web-bbb...\n',
      done: false,
    });
    expect(
      statefulSetStatus(
        sts(rolling, {
          ...ready,
          currentReplicas: 3,
          updatedReplicas: 3,
          currentRevision: 'web-bbb',
        }),
      ),
    ).toEqual({
      line: 'statefulset rolling update complete 3 pods at revision web-bbb...\n',
      done: true,
    });
    // With rollingUpdate but no partition: no partition check, done at once.
    expect(
      statefulSetStatus(
        sts({ ...rolling, updateStrategy: { type: 'RollingUpdate', rollingUpdate: {} } }, ready),
      ),
    ).toEqual({
      line: 'partitioned roll out complete: 1 new pods have been updated...\n',
      done: true,
    });
  });
});
