// Each command that undoFor proposes is run in the simulator, and the object's manifest must be
// back to what it was. `kubectl rollout undo` refusing a paused Deployment is
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go; the notes are our own words.
import { describe, expect, it } from 'vitest';
import type { Deployment, Kind, Pod } from '../../engine/k8s/types';
import { reader } from '../../engine/world';
import type { Session } from '../program';
import type { ObjectChange } from '../timeline';
import { undoFor } from './inverse';
import { manifestObject } from './manifest';
import { changeOf, changesOf, freshSession, runAll, stdoutOf } from './testing';

function settledApp(ns = 'default'): Session {
  const s = freshSession();
  if (ns !== 'default') runAll(s, `kubectl create namespace ${ns}`);
  return runAll(s, `kubectl create deployment my-app --image=nginx:1.27.0 -n ${ns}`, 'sleep 60');
}

function current(s: Session, change: ObjectChange) {
  return reader(s.world).get(change.kind as Kind, change.namespace, change.name);
}

/** Runs the proposed undo and expects the object's manifest to be as it was before `line`. */
function expectUndone(s: Session, line: string, command: string): void {
  const change = changeOf(s, line);
  const undo = undoFor(change);
  expect(undo.command).toBe(command);
  changesOf(s, undo.command ?? '');
  const now = current(s, change);
  if (!change.before) expect(now?.metadata?.deletionTimestamp ?? now).toBeFalsy();
  else expect(manifestObject(now!)).toEqual(manifestObject(change.before));
}

describe('undoFor', () => {
  it('deletes what a command created', () => {
    const s = freshSession();
    expectUndone(
      s,
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'kubectl delete deployment my-app',
    );
    runAll(s, 'kubectl create deployment my-app --image=nginx:1.27.0');
    expectUndone(s, 'kubectl expose deployment my-app --port=80', 'kubectl delete service my-app');
    const ns = undoFor(changeOf(s, 'kubectl create namespace web'));
    expect(ns.command).toBe('kubectl delete namespace web');
    expect(ns.note).toMatch(/everything created in it/);
  });

  it('scales back to the old count, which only the change remembers', () => {
    const s = settledApp();
    expectUndone(
      s,
      'kubectl scale deployment my-app --replicas=3',
      'kubectl scale deployment my-app --replicas=1',
    );
    const note = undoFor(changeOf(s, 'kubectl scale deployment my-app --replicas=5')).note;
    expect(note).toBe('The cluster keeps only the new count; scaling back needs the old one, 1.');
  });

  it('rolls a pod template change back through the ReplicaSet history', () => {
    const s = settledApp();
    expectUndone(
      s,
      'kubectl set image deployment/my-app nginx=nginx:1.28.0',
      'kubectl rollout undo deployment/my-app',
    );
    runAll(s, 'sleep 60');
    expectUndone(
      s,
      'kubectl rollout restart deployment/my-app',
      'kubectl rollout undo deployment/my-app',
    );
    const undo = undoFor(changeOf(s, 'kubectl set image deployment/my-app nginx=nginx:1.29.0'));
    expect(undo.note).toMatch(/ReplicaSets/);
  });

  it('resumes a pause and pauses a resume', () => {
    const s = settledApp();
    expectUndone(
      s,
      'kubectl rollout pause deployment/my-app',
      'kubectl rollout resume deployment/my-app',
    );
    runAll(s, 'kubectl rollout pause deployment/my-app');
    expectUndone(
      s,
      'kubectl rollout resume deployment/my-app',
      'kubectl rollout pause deployment/my-app',
    );
  });

  it('adds -n for namespaces other than default', () => {
    const s = settledApp('web');
    expectUndone(
      s,
      'kubectl scale deployment my-app --replicas=2 -n web',
      'kubectl scale deployment my-app --replicas=1 -n web',
    );
    expectUndone(
      s,
      'kubectl set image deployment/my-app nginx=nginx:1.28.0 -n web',
      'kubectl rollout undo deployment/my-app -n web',
    );
    expect(undoFor(changeOf(s, 'kubectl expose deployment my-app --port=80 -n web')).command).toBe(
      'kubectl delete service my-app -n web',
    );
  });

  it('has no command for a deletion: the cluster kept no copy', () => {
    const s = settledApp();
    const undo = undoFor(changeOf(s, 'kubectl delete deployment my-app'));
    expect(undo.command).toBeUndefined();
    expect(undo.note).toMatch(/kept no copy/);
  });

  it('has nothing to take back when a pod of a ReplicaSet is deleted', () => {
    const s = settledApp();
    const pod = stdoutOf(s, 'kubectl get pods -o name').trim();
    const undo = undoFor(changeOf(s, `kubectl delete ${pod}`));
    expect(undo).toEqual({
      command: undefined,
      note: 'Its ReplicaSet makes a new pod in its place; there is nothing to take back.',
    });
  });

  describe('changes no command of the simulator makes yet', () => {
    const s = settledApp();
    const before = reader(s.world).get('Deployment', 'default', 'my-app') as Deployment;
    const changed = (after: Deployment): ObjectChange => ({
      kind: 'Deployment',
      namespace: 'default',
      name: 'my-app',
      before,
      after,
      managers: ['kubectl-label'],
    });
    const withLabels = (labels: Record<string, string>): Deployment => ({
      ...before,
      metadata: { ...before.metadata, labels },
    });

    it('puts labels back with kubectl label', () => {
      expect(undoFor(changed(withLabels({ app: 'my-app', tier: 'web' }))).command).toBe(
        'kubectl label deployment my-app tier-',
      );
      expect(undoFor(changed(withLabels({ app: 'other' }))).command).toBe(
        'kubectl label deployment my-app app=my-app --overwrite',
      );
      expect(undoFor(changed(withLabels({}))).command).toBe(
        'kubectl label deployment my-app app=my-app',
      );
    });

    it('puts annotations back with kubectl annotate, quoting for the shell', () => {
      const after: Deployment = {
        ...before,
        metadata: {
          ...before.metadata,
          annotations: { ...before.metadata?.annotations, note: "it's new" },
        },
      };
      const undo = undoFor(changed(after));
      // The revision annotation the controller keeps is not the person's to restore.
      expect(undo.command).toBe('kubectl annotate deployment my-app note-');
      const back = undoFor({ ...changed(before), before: after, after: before });
      expect(back.command).toBe(`kubectl annotate deployment my-app 'note=it'\\''s new'`);
    });

    it('joins commands when the change needs several', () => {
      const after = { ...withLabels({ app: 'my-app', tier: 'web' }) };
      after.spec = { ...before.spec!, replicas: 4 };
      expect(undoFor(changed(after)).command).toBe(
        'kubectl scale deployment my-app --replicas=1 && kubectl label deployment my-app tier-',
      );
    });

    it('names the fields that would have to be remembered when no command restores them', () => {
      const after: Deployment = { ...before, spec: { ...before.spec!, minReadySeconds: 10 } };
      expect(undoFor(changed(after))).toEqual({
        command: undefined,
        note: 'The cluster keeps no earlier value of `spec.minReadySeconds`: to take this back, the old value has to be remembered and set again by hand.',
      });
    });

    it('cannot roll back a paused Deployment or one that keeps no history', () => {
      const template = structuredClone(before.spec!.template);
      template.spec!.containers[0]!.image = 'nginx:1.28.0';
      const paused = { ...before, spec: { ...before.spec!, paused: true } };
      const pausedChange = {
        ...changed({ ...paused, spec: { ...paused.spec, template } }),
        before: paused,
      };
      expect(undoFor(pausedChange).command).toBeUndefined();
      expect(undoFor(pausedChange).note).toMatch(/paused/);
      // Paused by the same change: resume first, then roll back.
      expect(undoFor({ ...pausedChange, before }).command).toBe(
        'kubectl rollout resume deployment/my-app && kubectl rollout undo deployment/my-app',
      );
      const noHistory = { ...before, spec: { ...before.spec!, revisionHistoryLimit: 0 } };
      const undo = undoFor({
        ...changed({ ...noHistory, spec: { ...noHistory.spec, template } }),
        before: noHistory,
      });
      expect(undo.command).toBeUndefined();
      expect(undo.note).toContain('`spec.template.spec.containers[0].image`');
    });

    it('sets a bare pod’s image back by name', () => {
      const pod: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'solo', namespace: 'team' },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
      };
      const undo = undoFor({
        kind: 'Pod',
        namespace: 'team',
        name: 'solo',
        before: pod,
        after: { ...pod, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } },
        managers: ['kubectl-set'],
      });
      expect(undo.command).toBe('kubectl set image pod/solo app=nginx:1.27 -n team');
    });
  });
});
