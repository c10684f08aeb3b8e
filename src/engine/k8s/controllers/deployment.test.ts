import { describe, expect, it } from 'vitest';
import { deployment, TestWorld } from '../../testing';
import { MINUTE, SECOND } from '../../time';
import type { Deployment } from '../types';

const setImage = (image: string) => (d: Deployment) => {
  d.spec!.template.spec!.containers[0]!.image = image;
  return d;
};

function condition(d: Deployment | undefined, type: string) {
  return d?.status?.conditions?.find((c) => c.type === type);
}

describe('the Deployment controller', () => {
  it('creates one ReplicaSet per pod template, named after the template hash, and its pods', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 3)).settle();
    const [rs, ...more] = t.list('ReplicaSet');
    expect(more).toEqual([]);
    const hash = rs?.metadata?.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{8,10}$/);
    expect(rs?.metadata?.name).toBe(`web-${hash}`);
    expect(rs?.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs?.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(t.pods().map((p) => p.metadata?.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`)),
      ]),
    );
    const d = t.get('Deployment', 'web');
    expect(d?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d?.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
    expect(condition(d, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    expect(condition(d, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "web-${hash}" has successfully progressed.`,
    });
    // Conditions keep the order the controller set them in: Available, then Progressing.
    expect(d?.status?.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
  });

  it('fills in the server defaults of a Deployment', () => {
    const d = new TestWorld()
      .create('Deployment', deployment('web', 'nginx:latest'))
      .get('Deployment', 'web');
    expect(d?.spec).toMatchObject({
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    });
    expect(d?.spec?.template.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(d?.spec?.template.spec?.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    });
    expect(d?.metadata).toMatchObject({
      generation: 1,
      namespace: 'default',
      creationTimestamp: '2026-01-15T09:00:00Z',
    });
    expect(d?.metadata?.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('keeps the old pods serving when a rolling update cannot pull its image', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 3)).settle();
    const oldRs = t.list('ReplicaSet')[0]!.metadata!.name!;
    t.edit('Deployment', 'web', setImage('nginx:2.27.0')).wait(30 * SECOND);
    const sets = t.list('ReplicaSet');
    expect(sets).toHaveLength(2);
    const newRs = sets.find((r) => r.metadata?.name !== oldRs)!;
    // maxSurge 25% of 3 rounds up to 1, maxUnavailable rounds down to 0.
    expect(newRs.spec?.replicas).toBe(1);
    expect(t.get('ReplicaSet', oldRs)?.spec?.replicas).toBe(3);
    const states = t.podStates();
    expect(states.filter((s) => s.startsWith(oldRs) && s.endsWith('Running'))).toHaveLength(3);
    expect(states.filter((s) => s.startsWith(newRs.metadata!.name!))).toEqual([
      expect.stringMatching(/ (ErrImagePull|ImagePullBackOff)$/),
    ]);
    expect(newRs.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('marks a stuck rollout ProgressDeadlineExceeded after progressDeadlineSeconds', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 2)).settle();
    t.edit('Deployment', 'web', setImage('nginx:2.27.0')).wait(9 * MINUTE);
    expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    t.wait(2 * MINUTE);
    const c = condition(t.get('Deployment', 'web'), 'Progressing');
    expect(c).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(c?.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
  });

  // Timing of the progress check, after kube-controller-manager: pkg/controller/deployment/
  // progress.go (syncRolloutStatus, requeueStuckDeployment: enqueueAfter(deadline - now + 1s)) and
  // pkg/controller/deployment/util/deployment_util.go (DeploymentTimedOut: lastUpdateTime +
  // progressDeadlineSeconds strictly before now; TimedOutReason "ProgressDeadlineExceeded").
  describe('progress deadline', () => {
    /** A stuck rollout and the instant its Progressing condition last recorded progress. */
    function stuck(extra: Partial<NonNullable<Deployment['spec']>> = {}) {
      const t = new TestWorld()
        .create('Deployment', deployment('web', 'nginx:latest', 1, extra))
        .settle();
      t.edit('Deployment', 'web', setImage('nginx:2.27.0')).wait(5 * SECOND);
      const c = condition(t.get('Deployment', 'web'), 'Progressing');
      expect(c).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
      return { t, last: Date.parse(c!.lastUpdateTime!) };
    }

    it('times out one second after lastUpdateTime + progressDeadlineSeconds, by a timer', () => {
      const { t, last } = stuck();
      // Nothing else happens then that would wake the controller up: only its own timer.
      t.wait(last + 600 * SECOND - t.world.now);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
        'ReplicaSetUpdated',
      );
      t.wait(1 * SECOND);
      const d = t.get('Deployment', 'web');
      const newRs = t
        .list('ReplicaSet')
        .find((rs) => rs.spec?.template?.spec?.containers[0]?.image === 'nginx:2.27.0')!;
      const at = new Date(last + 601 * SECOND).toISOString().replace('.000Z', 'Z');
      expect(condition(d, 'Progressing')).toEqual({
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${newRs.metadata?.name}" has timed out progressing.`,
        lastUpdateTime: at,
        lastTransitionTime: at,
      });
      // The old pod still serves: Available stays True, and the conditions keep their order.
      expect(condition(d, 'Available')?.status).toBe('True');
      expect(d?.status?.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    });

    it('stays timed out while nothing progresses', () => {
      const { t } = stuck();
      t.wait(11 * MINUTE);
      const before = t.get('Deployment', 'web');
      expect(condition(before, 'Progressing')?.reason).toBe('ProgressDeadlineExceeded');
      t.wait(30 * MINUTE);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')).toEqual(
        condition(before, 'Progressing'),
      );
    });

    it('follows a custom progressDeadlineSeconds', () => {
      const { t, last } = stuck({ progressDeadlineSeconds: 30 });
      t.wait(last + 31 * SECOND - t.world.now);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
        'ProgressDeadlineExceeded',
      );
    });

    it('has no Progressing condition, and never times out, with the MaxInt32 deadline', () => {
      const t = new TestWorld()
        .create(
          'Deployment',
          deployment('web', 'nginx:latest', 1, { progressDeadlineSeconds: 2147483647 }),
        )
        .settle();
      t.edit('Deployment', 'web', setImage('nginx:2.27.0')).wait(30 * MINUTE);
      const d = t.get('Deployment', 'web');
      expect(d?.status?.conditions?.map((c) => c.type)).toEqual(['Available']);
    });

    it('ends with NewReplicaSetAvailable once a fixed image rolls out', () => {
      const { t } = stuck();
      t.wait(11 * MINUTE);
      t.edit('Deployment', 'web', setImage('nginx:1.27')).settle();
      const d = t.get('Deployment', 'web');
      const rs = t
        .list('ReplicaSet')
        .find((r) => r.spec?.template?.spec?.containers[0]?.image === 'nginx:1.27')!;
      expect(condition(d, 'Progressing')).toMatchObject({
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rs.metadata?.name}" has successfully progressed.`,
      });
      // The condition was False: its status changed, so lastTransitionTime moved too.
      const c = condition(d, 'Progressing')!;
      expect(Date.parse(c.lastTransitionTime!)).toBeGreaterThan(t.world.now - 2 * MINUTE);
    });

    // pkg/controller/deployment/sync.go, checkPausedConditions.
    it('restarts the deadline on resume, and a pause keeps an exceeded deadline', () => {
      const { t } = stuck();
      t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, paused: true } }));
      t.wait(20 * MINUTE);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')).toMatchObject({
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      });
      t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, paused: false } }));
      const resumedAt = t.world.now;
      t.wait(1 * SECOND);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')).toMatchObject({
        status: 'Unknown',
        reason: 'DeploymentResumed',
        message: 'Deployment is resumed',
      });
      t.wait(resumedAt + 600 * SECOND - t.world.now);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
        'DeploymentResumed',
      );
      t.wait(2 * SECOND);
      expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
        'ProgressDeadlineExceeded',
      );
      t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, paused: true } })).wait(
        MINUTE,
      );
      expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
        'ProgressDeadlineExceeded',
      );
    });
  });

  it('rolls back by reusing the old ReplicaSet under a new revision', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 3)).settle();
    const first = t.list('ReplicaSet')[0]!;
    const original = first.spec!.template!;
    t.edit('Deployment', 'web', setImage('nginx:2.27.0')).wait(20 * SECOND);
    t.edit('Deployment', 'web', (d) => {
      const labels = { ...original.metadata?.labels };
      delete labels['pod-template-hash'];
      d.spec!.template = { ...original, metadata: { ...original.metadata, labels } };
      return d;
    }).settle();
    const rs = t.get('ReplicaSet', first.metadata!.name!);
    expect(rs?.metadata?.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(rs?.spec?.replicas).toBe(3);
    const failed = t.list('ReplicaSet').find((r) => r.metadata?.name !== first.metadata?.name);
    expect(failed?.spec?.replicas).toBe(0);
    expect(t.podStates().every((s) => s.endsWith('Running'))).toBe(true);
    expect(t.pods()).toHaveLength(3);
    expect(
      t.get('Deployment', 'web')?.metadata?.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
  });

  it('completes a good rolling update without ever exceeding replicas + maxSurge pods', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:1.26', 4)).settle();
    t.edit('Deployment', 'web', setImage('nginx:1.27'));
    let most = 0;
    for (let i = 0; i < 120; i++) {
      t.wait(500);
      most = Math.max(most, t.pods().filter((p) => !p.metadata?.deletionTimestamp).length);
    }
    expect(most).toBe(5);
    expect(t.pods().map((p) => p.spec?.containers[0]?.image)).toEqual(Array(4).fill('nginx:1.27'));
    expect(condition(t.get('Deployment', 'web'), 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    );
  });

  it('Recreate stops every old pod before starting new ones', () => {
    const t = new TestWorld()
      .create('Deployment', deployment('web', 'nginx:1.26', 2, { strategy: { type: 'Recreate' } }))
      .settle();
    t.edit('Deployment', 'web', setImage('nginx:1.27'));
    let overlap = false;
    for (let i = 0; i < 60; i++) {
      t.wait(500);
      const images = new Set(t.pods().map((p) => p.spec?.containers[0]?.image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    expect(t.podStates().filter((s) => s.endsWith('Running'))).toHaveLength(2);
    expect(t.pods().every((p) => p.spec?.containers[0]?.image === 'nginx:1.27')).toBe(true);
  });

  it('does not roll out a paused deployment, and does once resumed', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:1.26', 2)).settle();
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, paused: true } }));
    t.edit('Deployment', 'web', setImage('nginx:1.27')).settle();
    expect(t.list('ReplicaSet')).toHaveLength(1);
    expect(condition(t.get('Deployment', 'web'), 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
    });
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, paused: false } })).settle();
    expect(t.list('ReplicaSet')).toHaveLength(2);
    expect(t.pods().every((p) => p.spec?.containers[0]?.image === 'nginx:1.27')).toBe(true);
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', () => {
    const t = new TestWorld()
      .create('Deployment', deployment('web', 'nginx:1.22', 1, { revisionHistoryLimit: 2 }))
      .settle();
    for (const tag of ['1.23', '1.24', '1.25', '1.26', '1.27'])
      t.edit('Deployment', 'web', setImage(`nginx:${tag}`)).settle();
    const revisions = t
      .list('ReplicaSet')
      .map((r) => r.metadata?.annotations?.['deployment.kubernetes.io/revision'])
      .sort();
    expect(revisions).toEqual(['4', '5', '6']);
  });

  it('scales without a new revision, and says so in its events', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest')).settle();
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 3 } })).settle();
    expect(t.list('ReplicaSet')).toHaveLength(1);
    expect(t.pods()).toHaveLength(3);
    const messages = t
      .list('Event')
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message);
    const rs = t.list('ReplicaSet')[0]!.metadata!.name;
    expect(messages).toEqual([
      `Scaled up replica set ${rs} from 0 to 1`,
      `Scaled up replica set ${rs} from 1 to 3`,
    ]);
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 1 } })).settle();
    expect(t.pods()).toHaveLength(1);
  });
});
