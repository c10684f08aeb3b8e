// The opening story of the course, end to end, as a learner types it: five commands, with the
// simulated clock advanced between them, and what a real cluster would show at each step.
import { describe, expect, it } from 'vitest';
import { reader } from '../engine/world';
import { registry } from './programs';
import { createSession, runHeadless } from './shell/shell';

function transcript(lines: string[]) {
  const s = createSession({ seed: 1 });
  let text = '';
  for (const line of lines) {
    text += `$ ${line.replace(/\n/g, '\n> ')}\n`;
    const r = runHeadless(s, line, registry, {
      stdout: (t) => (text += t),
      stderr: (t) => (text += t),
    });
    expect(r.exitCode, line).toBe(0);
  }
  return { s, text };
}

describe('the opening story', () => {
  const { s, text } = transcript([
    'kubectl create deployment my-app --image=nginx:latest',
    'kubectl expose deployment my-app \\\n    --type=LoadBalancer \\\n    --port=80 \\\n    --target-port=8080',
    'sleep 20',
    'kubectl get pods,svc',
    'kubectl scale deployment my-app --replicas=3',
    'sleep 20',
    'kubectl get pods',
    'kubectl set image deployment/my-app nginx=nginx:2.27.0     # a typo: the tag does not exist',
    'sleep 30',
    'kubectl get pods',
    'kubectl rollout history deployment/my-app',
    'kubectl rollout undo deployment/my-app',
    'sleep 20',
    'kubectl get pods',
    'kubectl rollout history deployment/my-app',
  ]);

  it('prints what a real cluster would', () => {
    expect(text).toMatchInlineSnapshot(`
      "$ kubectl create deployment my-app --image=nginx:latest
      deployment.apps/my-app created
      $ kubectl expose deployment my-app \\
      >     --type=LoadBalancer \\
      >     --port=80 \\
      >     --target-port=8080
      service/my-app exposed
      $ sleep 20
      $ kubectl get pods,svc
      NAME                          READY   STATUS    RESTARTS   AGE
      pod/my-app-6c88c95455-2xwh8   1/1     Running   0          20s

      NAME                 TYPE           CLUSTER-IP      EXTERNAL-IP     PORT(S)        AGE
      service/kubernetes   ClusterIP      10.96.0.1       <none>          443/TCP        3d
      service/my-app       LoadBalancer   10.98.151.166   203.0.113.191   80:32569/TCP   20s
      $ kubectl scale deployment my-app --replicas=3
      deployment.apps/my-app scaled
      $ sleep 20
      $ kubectl get pods
      NAME                      READY   STATUS    RESTARTS   AGE
      my-app-6c88c95455-2xwh8   1/1     Running   0          40s
      my-app-6c88c95455-dvvkn   1/1     Running   0          20s
      my-app-6c88c95455-wbj9n   1/1     Running   0          20s
      $ kubectl set image deployment/my-app nginx=nginx:2.27.0     # a typo: the tag does not exist
      deployment.apps/my-app image updated
      $ sleep 30
      $ kubectl get pods
      NAME                      READY   STATUS             RESTARTS   AGE
      my-app-59fbb5f785-s229d   0/1     ImagePullBackOff   0          30s
      my-app-6c88c95455-2xwh8   1/1     Running            0          70s
      my-app-6c88c95455-dvvkn   1/1     Running            0          50s
      my-app-6c88c95455-wbj9n   1/1     Running            0          50s
      $ kubectl rollout history deployment/my-app
      deployment.apps/my-app 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>

      $ kubectl rollout undo deployment/my-app
      deployment.apps/my-app rolled back
      $ sleep 20
      $ kubectl get pods
      NAME                      READY   STATUS    RESTARTS   AGE
      my-app-6c88c95455-2xwh8   1/1     Running   0          90s
      my-app-6c88c95455-dvvkn   1/1     Running   0          70s
      my-app-6c88c95455-wbj9n   1/1     Running   0          70s
      $ kubectl rollout history deployment/my-app
      deployment.apps/my-app 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      "
    `);
  });

  it('keeps the three old pods serving while the new one cannot pull, then rolls back to revision 3', () => {
    const r = reader(s.world);
    const pods = r.list('Pod', 'default');
    expect(pods).toHaveLength(3);
    expect(
      pods.every(
        (p) => p.status?.phase === 'Running' && p.spec?.containers[0]?.image === 'nginx:latest',
      ),
    ).toBe(true);
    const d = r.get('Deployment', 'default', 'my-app');
    expect(d?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(d?.spec?.replicas).toBe(3);
    const sets = r.list('ReplicaSet', 'default');
    expect(
      sets.map((rs) => [rs.spec?.template?.spec?.containers[0]?.image, rs.spec?.replicas]),
    ).toEqual(
      expect.arrayContaining([
        ['nginx:2.27.0', 0],
        ['nginx:latest', 3],
      ]),
    );
  });
});
