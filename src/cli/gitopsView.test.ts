// The GitOps view's model: an application as Argo CD reports it, its resources with what the
// controllers made from them, and its history with the commit behind each sync.
import { describe, expect, it } from 'vitest';
import { INSTALL_URL } from '../engine/argocd/install';
import { gitopsModel } from './gitopsView';
import { registry } from './programs';
import { createSession, runHeadlessAsync } from './shell/shell';

describe('gitopsModel', () => {
  it('shows an application, its resource tree and its history with commits', async () => {
    const s = createSession({ seed: 1 });
    expect(gitopsModel(s.world)).toEqual([]);
    for (const c of [
      'kubectl create namespace argocd',
      `kubectl apply -n argocd -f ${INSTALL_URL} > /dev/null`,
      'mkdir web && cd web && git init -q',
      'kubectl create deployment web --image=nginx:1.27.0 --replicas=2 --dry-run=client -o yaml > web.yaml',
      'git add . && git commit -q -m "Run two web pods"',
      'git remote add origin https://github.com/team/web.git && git push -q -u origin main',
      'sleep 60',
      'argocd app create web --repo https://github.com/team/web.git --path . --dest-server https://kubernetes.default.svc --dest-namespace default --sync-policy automated',
      'sleep 60',
    ])
      expect((await runHeadlessAsync(s, c, registry)).exitCode, c).toBe(0);
    const [app] = gitopsModel(s.world);
    expect(app).toMatchObject({
      name: 'web',
      repo: 'https://github.com/team/web.git',
      sync: 'Synced',
      health: 'Healthy',
      autoSync: true,
      prune: false,
      selfHeal: false,
      history: [{ id: 0, subject: 'Run two web pods', author: 'Learner <learner@example.com>' }],
    });
    const deployment = app?.resources.find((r) => r.kind === 'Deployment');
    expect(deployment).toMatchObject({ name: 'web', status: 'Synced', health: 'Healthy' });
    expect(deployment?.children.map((c) => [c.kind, c.depth, c.status])).toEqual([
      ['ReplicaSet', 1, '2/2'],
      ['Pod', 2, 'Running'],
      ['Pod', 2, 'Running'],
    ]);
  });
});
