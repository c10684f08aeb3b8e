// A rollout that never pulls its image, seen through kubectl once the Deployment controller has
// given up on it. The controller's condition: kube-controller-manager
// pkg/controller/deployment/progress.go and util/deployment_util.go (DeploymentTimedOut,
// TimedOutReason). The viewer's error: kubectl pkg/polymorphichelpers/rollout_status.go
// (DeploymentStatusViewer.Status). The describe table: kubectl pkg/describe/describe.go
// (DeploymentDescriber, "Conditions:").
import { describe, expect, it } from 'vitest';
import { SECOND } from '../../../engine/time';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import { run } from './testing';

const progressing = (s: Session) =>
  reader(s.world)
    .get('Deployment', 'default', 'my-app')
    ?.status?.conditions?.find((c) => c.type === 'Progressing');

/**
 * my-app running nginx:latest, then set to a tag the registry does not have. (The sleeps stay
 * within the headless shell's 10-minute cap on a single command.)
 */
function stuck(): { s: Session; changed: number } {
  const s = createSession({ seed: 1 });
  run(s, 'kubectl create deployment my-app --image=nginx:latest');
  run(s, 'sleep 60');
  run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
  return { s, changed: s.world.now };
}

describe('a rollout past its progress deadline', () => {
  it('stays Progressing until the deadline, then ProgressDeadlineExceeded', () => {
    const { s, changed } = stuck();
    run(s, 'sleep 600');
    expect(progressing(s)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    run(s, 'sleep 1');
    expect(s.world.now - changed).toBe(601 * SECOND);
    const rs = reader(s.world)
      .list('ReplicaSet', 'default')
      .find((r) => r.spec?.template?.spec?.containers[0]?.image === 'nginx:2.27.0');
    expect(progressing(s)).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs?.metadata?.name}" has timed out progressing.`,
    });
  });

  it('makes rollout status fail at once, watching or not', () => {
    const { s } = stuck();
    run(s, 'sleep 600');
    run(s, 'sleep 100');
    for (const cmd of [
      'kubectl rollout status deployment/my-app',
      'kubectl rollout status deployment/my-app --watch=false',
    ]) {
      expect(run(s, cmd)).toMatchObject({
        stdout: '',
        stderr: 'error: deployment "my-app" exceeded its progress deadline\n',
        exitCode: 1,
      });
    }
  });

  it('shows in describe and in get -o yaml', () => {
    const { s } = stuck();
    run(s, 'sleep 600');
    run(s, 'sleep 100');
    expect(run(s, 'kubectl describe deployment my-app').stdout).toContain(
      'Conditions:\n' +
        '  Type           Status  Reason\n' +
        '  ----           ------  ------\n' +
        '  Available      True    MinimumReplicasAvailable\n' +
        '  Progressing    False   ProgressDeadlineExceeded\n',
    );
    expect(run(s, 'kubectl get deployment my-app -o yaml').stdout).toMatch(
      / {2}- lastTransitionTime: "2026-01-15T09:11:01Z"\n {4}lastUpdateTime: "2026-01-15T09:11:01Z"\n {4}message: ReplicaSet "my-app-[a-z0-9]+" has timed out progressing\.\n {4}reason: ProgressDeadlineExceeded\n {4}status: "False"\n {4}type: Progressing\n/,
    );
  });

  it('is over once the rollout is undone: NewReplicaSetAvailable again', () => {
    const { s } = stuck();
    run(s, 'sleep 600');
    run(s, 'sleep 100');
    expect(run(s, 'kubectl rollout undo deployment/my-app').exitCode).toBe(0);
    expect(run(s, 'kubectl rollout status deployment/my-app')).toMatchObject({
      stdout: 'deployment "my-app" successfully rolled out\n',
      exitCode: 0,
    });
    expect(progressing(s)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});
