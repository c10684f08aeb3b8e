// Behaviour from kubernetes/kubernetes pkg/controller/statefulset (stateful_set_control.go,
// stateful_set_utils.go; event wording from stateful_pod_control.go recordPodEvent) and
// defaults from pkg/apis/apps/v1/defaults.go (SetDefaults_StatefulSet).
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../testing';
import { SECOND } from '../../time';
import type { StatefulSet } from '../types';

function statefulSet(name: string, image: string, replicas = 3): StatefulSet {
  const labels = { app: name };
  return {
    metadata: { name },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

const names = (t: TestWorld) => t.pods().map((p) => p.metadata?.name);

describe('the StatefulSet controller', () => {
  it('fills in the server defaults', () => {
    const sts = new TestWorld()
      .create('StatefulSet', statefulSet('db', 'redis:7'))
      .get('StatefulSet', 'db');
    expect(sts?.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(sts?.metadata?.generation).toBe(1);
  });

  it('creates pods in order, each once the one before is Running and Ready', () => {
    const t = new TestWorld().create('StatefulSet', statefulSet('db', 'redis:7'));
    // Only the first pod exists until it is ready.
    expect(names(t)).toEqual(['db-0']);
    t.settle();
    expect(names(t)).toEqual(['db-0', 'db-1', 'db-2']);
    const pod = t.get('Pod', 'db-1');
    const sts = t.get('StatefulSet', 'db');
    const rev = sts?.status?.updateRevision ?? '';
    expect(rev).toMatch(/^db-[a-z0-9]+$/);
    expect(pod?.metadata?.labels).toEqual({
      app: 'db',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': rev,
      'statefulset.kubernetes.io/pod-name': 'db-1',
    });
    expect(pod?.metadata?.generateName).toBe('db-');
    expect(pod?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'db',
        uid: sts?.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(pod?.spec).toMatchObject({ hostname: 'db-1', subdomain: 'db' });
    expect(sts?.status).toEqual({
      availableReplicas: 3,
      collisionCount: 0,
      currentReplicas: 3,
      currentRevision: rev,
      observedGeneration: 1,
      readyReplicas: 3,
      replicas: 3,
      updateRevision: rev,
      updatedReplicas: 3,
    });
    const events = t
      .list('Event')
      .filter((e) => e.involvedObject.kind === 'StatefulSet')
      .map((e) => `${e.reason} ${e.message}`);
    expect(events).toEqual([
      'SuccessfulCreate create Pod db-0 in StatefulSet db successful',
      'SuccessfulCreate create Pod db-1 in StatefulSet db successful',
      'SuccessfulCreate create Pod db-2 in StatefulSet db successful',
    ]);
  });

  it('creates every pod at once under the Parallel policy', () => {
    const sts = statefulSet('db', 'redis:7');
    sts.spec!.podManagementPolicy = 'Parallel';
    const t = new TestWorld().create('StatefulSet', sts);
    expect(names(t)).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('scales down from the highest ordinal', () => {
    const t = new TestWorld().create('StatefulSet', statefulSet('db', 'redis:7')).settle();
    t.edit('StatefulSet', 'db', (s) => ({ ...s, spec: { ...s.spec!, replicas: 1 } }));
    // db-2 goes first; db-1 only once db-2 is gone.
    expect(t.podStates()).toEqual(['db-0 Running', 'db-1 Running', 'db-2 Running Terminating']);
    t.settle();
    expect(names(t)).toEqual(['db-0']);
    expect(t.get('StatefulSet', 'db')?.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('recreates a deleted pod under the same name', () => {
    const t = new TestWorld().create('StatefulSet', statefulSet('db', 'redis:7')).settle();
    const uid = t.get('Pod', 'db-1')?.metadata?.uid;
    t.delete('Pod', 'db-1').settle();
    expect(names(t)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(t.get('Pod', 'db-1')?.metadata?.uid).not.toBe(uid);
  });

  it('rolls out a new template from the highest ordinal down, one pod at a time', () => {
    const t = new TestWorld().create('StatefulSet', statefulSet('db', 'redis:7')).settle();
    const before = t.get('StatefulSet', 'db')?.status?.currentRevision;
    t.edit('StatefulSet', 'db', (s) => {
      s.spec!.template.spec!.containers[0]!.image = 'redis:7.2';
      return s;
    });
    const after = t.get('StatefulSet', 'db')?.status?.updateRevision;
    expect(after).not.toBe(before);
    expect(t.podStates()).toEqual(['db-0 Running', 'db-1 Running', 'db-2 Running Terminating']);
    expect(t.get('StatefulSet', 'db')?.status).toMatchObject({
      currentRevision: before,
      updateRevision: after,
    });
    t.settle();
    const images = t.pods().map((p) => `${p.metadata?.name} ${p.spec?.containers[0]?.image}`);
    expect(images).toEqual(['db-0 redis:7.2', 'db-1 redis:7.2', 'db-2 redis:7.2']);
    expect(t.get('StatefulSet', 'db')?.status).toMatchObject({
      currentRevision: after,
      updateRevision: after,
      currentReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 2,
    });
    const deletes = t
      .list('Event')
      .filter((e) => e.reason === 'SuccessfulDelete')
      .map((e) => e.message);
    expect(deletes).toEqual([
      'delete Pod db-2 in StatefulSet db successful',
      'delete Pod db-1 in StatefulSet db successful',
      'delete Pod db-0 in StatefulSet db successful',
    ]);
  });

  it('keeps pods below the partition at the current revision', () => {
    const sts = statefulSet('db', 'redis:7');
    sts.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } };
    const t = new TestWorld().create('StatefulSet', sts).settle();
    t.edit('StatefulSet', 'db', (s) => {
      s.spec!.template.spec!.containers[0]!.image = 'redis:7.2';
      return s;
    }).settle();
    const images = t.pods().map((p) => p.spec?.containers[0]?.image);
    expect(images).toEqual(['redis:7', 'redis:7', 'redis:7.2']);
    // A deleted pod below the partition comes back with the old template.
    t.delete('Pod', 'db-0').settle();
    expect(t.get('Pod', 'db-0')?.spec?.containers[0]?.image).toBe('redis:7');
    expect(t.get('StatefulSet', 'db')?.status).toMatchObject({
      currentReplicas: 2,
      updatedReplicas: 1,
    });
  });

  it('deletes its pods with it', () => {
    const t = new TestWorld().create('StatefulSet', statefulSet('db', 'redis:7')).settle();
    t.delete('StatefulSet', 'db').wait(60 * SECOND);
    expect(names(t)).toEqual([]);
  });
});
