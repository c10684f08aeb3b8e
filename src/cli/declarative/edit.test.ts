// Object names follow kubectl's `kind.group/name` (staging/src/k8s.io/cli-runtime/pkg/printers/
// name.go); the sentences are our own.
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../engine/k8s/types';
import type { ObjectChange } from '../timeline';
import { changedPaths, changeType, declarativeEdit, objectName, valueAt } from './edit';
import { changeOf, changesOf, freshSession, runAll, stdoutOf } from './testing';

function settledApp() {
  return runAll(
    freshSession(),
    'kubectl create deployment my-app --image=nginx:1.27.0',
    'sleep 60',
  );
}

describe('changedPaths', () => {
  it('names changed scalars with dotted paths and list indices, in YAML order', () => {
    const before = { spec: { replicas: 1, template: { spec: { containers: [{ image: 'a' }] } } } };
    const after = { spec: { replicas: 3, template: { spec: { containers: [{ image: 'b' }] } } } };
    expect(changedPaths(before, after)).toEqual([
      'spec.replicas',
      'spec.template.spec.containers[0].image',
    ]);
    expect(changedPaths(before, structuredClone(before))).toEqual([]);
  });

  it('names the keys of a map that appears or goes, and list items as a whole', () => {
    expect(
      changedPaths({ metadata: {} }, { metadata: { labels: { tier: 'web', a: '1' } } }),
    ).toEqual(['metadata.labels.a', 'metadata.labels.tier']);
    expect(changedPaths({ c: [{ n: 1 }] }, { c: [{ n: 1 }, { n: 2 }] })).toEqual(['c[1]']);
    expect(changedPaths({ c: [1, 2] }, { c: [1] })).toEqual(['c[1]']);
    expect(changedPaths({ a: { b: {} } }, { a: {} })).toEqual(['a.b']);
    expect(changedPaths({ a: 1 }, { a: { b: 1 } })).toEqual(['a']);
    expect(changedPaths({ a: [1] }, {})).toEqual(['a']);
    expect(changedPaths({ a: null }, { a: 0 })).toEqual(['a']);
  });

  it('quotes keys that are not plain words', () => {
    const paths = changedPaths(
      { metadata: { annotations: {} } },
      { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } },
    );
    expect(paths).toEqual(['metadata.annotations["kubectl.kubernetes.io/restartedAt"]']);
  });

  it('orders keys as go-yaml prints them, digits by value', () => {
    expect(changedPaths({}, { b: 1, a10: 1, a9: 1 })).toEqual(['a9', 'a10', 'b']);
  });

  it('is read back by valueAt', () => {
    const obj = {
      spec: { containers: [{ name: 'web' }] },
      metadata: { annotations: { 'a.b/c': 'x' } },
    };
    expect(valueAt(obj, 'spec.containers[0].name')).toBe('web');
    expect(valueAt(obj, 'metadata.annotations["a.b/c"]')).toBe('x');
    expect(valueAt(obj, 'spec.containers[3].name')).toBeUndefined();
    expect(valueAt(obj, 'spec.nothing.deeper')).toBeUndefined();
    expect(valueAt(obj, '')).toBe(obj);
    expect(valueAt([obj], '[0].spec.containers[0].name')).toBe('web');
  });
});

describe('declarativeEdit', () => {
  it('matches a create with writing the manifest and applying it', () => {
    const change = changeOf(
      freshSession(),
      'kubectl create deployment my-app --image=nginx:1.27.0',
    );
    expect(changeType(change)).toBe('create');
    expect(objectName(change)).toBe('deployment.apps/my-app');
    expect(declarativeEdit(change, 'kubectl create deployment my-app --image=nginx:1.27.0')).toBe(
      'The same as writing this manifest and `kubectl apply -f`.',
    );
  });

  it('names spec.replicas for kubectl scale', () => {
    const line = 'kubectl scale deployment my-app --replicas=3';
    expect(declarativeEdit(changeOf(settledApp(), line), line)).toBe(
      'The same change as editing `spec.replicas` in the manifest and `kubectl apply`.',
    );
  });

  it('names the image field and its container for kubectl set image', () => {
    const line = 'kubectl set image deployment/my-app nginx=nginx:1.28.0';
    expect(declarativeEdit(changeOf(settledApp(), line), line)).toBe(
      'The same change as editing `spec.template.spec.containers[0].image` (the `nginx` container) in the manifest and `kubectl apply`.',
    );
  });

  it('works for commands it was not written for: rollout restart, pause, undo', () => {
    const s = settledApp();
    const restart = 'kubectl rollout restart deployment/my-app';
    expect(declarativeEdit(changeOf(s, restart), restart)).toBe(
      'The same change as editing `spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]` in the manifest and `kubectl apply`.',
    );
    const pause = 'kubectl rollout pause deployment/my-app';
    expect(declarativeEdit(changeOf(s, pause), pause)).toContain('`spec.paused`');
    runAll(s, 'kubectl rollout resume deployment/my-app', 'sleep 60');
    const undo = 'kubectl rollout undo deployment/my-app';
    expect(declarativeEdit(changeOf(s, undo), undo)).toContain(
      '`spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]`',
    );
  });

  it('matches a delete with removing the file and pruning', () => {
    const s = runAll(settledApp(), 'kubectl expose deployment my-app --port=80');
    const change = changeOf(s, 'kubectl delete service my-app');
    expect(changeType(change)).toBe('delete');
    expect(objectName(change)).toBe('service/my-app');
    expect(declarativeEdit(change, 'kubectl delete service my-app')).toBe(
      "The same as deleting the manifest's file and applying with prune (or `kubectl delete -f`).",
    );
  });

  it('says a pod made by a ReplicaSet has no manifest, even while it is terminating', () => {
    const s = settledApp();
    const pod = stdoutOf(s, 'kubectl get pods -o name').trim();
    const change = changeOf(s, `kubectl delete ${pod}`);
    // A graceful delete is an update that sets deletionTimestamp.
    expect(change.after?.metadata?.deletionTimestamp).toBeTruthy();
    expect(changeType(change)).toBe('delete');
    expect(declarativeEdit(change, `kubectl delete ${pod}`)).toBe(
      'No manifest holds this pod: its ReplicaSet made it and replaces it, so this change has no declarative twin.',
    );
  });

  it('lists several fields and counts the rest', () => {
    const s = settledApp();
    const before = changeOf(s, 'kubectl scale deployment my-app --replicas=2').after as Deployment;
    const edit = (spec: Partial<NonNullable<Deployment['spec']>>): ObjectChange => ({
      kind: 'Deployment',
      namespace: 'default',
      name: 'my-app',
      before,
      after: { ...before, spec: { ...before.spec!, ...spec } },
      managers: ['kubectl-client-side-apply'],
    });
    expect(declarativeEdit(edit({ replicas: 4, minReadySeconds: 5 }), 'kubectl apply -f x')).toBe(
      "This is the declarative way: the manifest's `spec.minReadySeconds` and `spec.replicas` changed and `kubectl apply` sent it.",
    );
    expect(
      declarativeEdit(
        edit({ replicas: 4, minReadySeconds: 5, paused: true, revisionHistoryLimit: 2 }),
        '',
      ),
    ).toBe(
      'The same change as editing `spec.minReadySeconds`, `spec.paused` and 2 more fields in the manifest and `kubectl apply`.',
    );
    // Only server fields (status, resourceVersion) moved: nothing for a manifest.
    const statusOnly: ObjectChange = {
      ...edit({}),
      after: {
        ...before,
        status: { replicas: 9 },
        metadata: { ...before.metadata, resourceVersion: '999' },
      },
    };
    expect(declarativeEdit(statusOnly, '')).toBe(
      'Nothing a manifest holds changed: only fields the cluster keeps for itself.',
    );
  });

  it('folds a command touching two objects into one change each', () => {
    const s = runAll(freshSession(), 'kubectl create namespace web');
    const changes = changesOf(
      s,
      'kubectl create deployment a --image=nginx -n web && kubectl create deployment b --image=nginx -n web',
    );
    expect(changes.map(objectName)).toEqual(['deployment.apps/a', 'deployment.apps/b']);
  });
});
