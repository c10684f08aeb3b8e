// The timeline of a GitOps change: a push is an entry with the commits' author, date and message
// (Git's audit trail), what the GitOps controller then applies is filed under that push, and a
// sync that undoes drift (self-heal) is filed under the drift.
import { describe, expect, it } from 'vitest';
import { INSTALL_URL } from '../engine/argocd/install';
import { SECOND } from '../engine/time';
import { Driver } from './driver';
import { registry } from './programs';
import { createSession } from './shell/shell';
import { emptyTimeline, recordTimeline, type Timeline } from './timeline';

const DEPLOYMENT = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
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
        image: ${image}
`;

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/team/web.git
    path: .
    targetRevision: main
  destination:
    server: https://kubernetes.default.svc
    namespace: default
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
`;

function gitopsStory() {
  const session = createSession({ seed: 1 });
  let timeline: Timeline = emptyTimeline();
  const driver = new Driver(session, registry, (r) => {
    timeline = recordTimeline(timeline, r, r.type === 'start' ? session.world : undefined);
  });
  /** Runs a command to its end as the page would, then lets `wait` simulated ms pass. */
  const run = async (line: string, wait = 0) => {
    expect(driver.submit(line)).toBe(true);
    const end = session.world.now + 10 * 60 * SECOND;
    while (driver.busy) {
      if (driver.holding) await new Promise((r) => setTimeout(r, 0));
      else driver.advanceTo(Math.min(driver.nextDue ?? end, end));
      if (session.world.now >= end) driver.interrupt();
    }
    driver.advanceTo(session.world.now + wait);
    return session.env['?'];
  };
  return { session, run, timeline: () => timeline };
}

describe('timeline of a GitOps change', () => {
  it('records pushes with their commits, files syncs under them and self-heal under the drift', async () => {
    const s = gitopsStory();
    for (const c of [
      'kubectl create namespace argocd',
      `kubectl apply -n argocd -f ${INSTALL_URL}`,
      'mkdir web && cd web && git init -q',
      `cat <<EOF > deployment.yaml\n${DEPLOYMENT(2, 'nginx:1.27.0')}EOF`,
      'git add . && git commit -q -m "Run web on nginx 1.27"',
      'git remote add origin https://github.com/team/web.git',
      'git push -q -u origin main',
    ])
      expect(await s.run(c), c).toBe('0');
    await s.run('sleep 1', 120 * SECOND);
    expect(await s.run(`cat <<EOF | kubectl apply -f -\n${APPLICATION}EOF`)).toBe('0');
    await s.run('sleep 1', 60 * SECOND);

    const t = s.timeline();
    const push = t.entries.find((e) => e.text === 'git push -q -u origin main')!;
    expect(push.git?.pushes).toMatchObject([
      {
        url: 'https://github.com/team/web.git',
        ref: 'main',
        before: undefined,
        commits: [
          {
            message: 'Run web on nginx 1.27\n',
            author: { name: 'Learner', email: 'learner@example.com' },
          },
        ],
      },
    ]);
    // The controller created the Deployment because of that commit: filed under the push.
    const synced = push.followUps.flatMap((f) => f.changes);
    expect(synced.some((c) => c.kind === 'Deployment' && c.manager === 'argocd-controller')).toBe(
      true,
    );
    expect(synced.some((c) => c.kind === 'Pod')).toBe(true);

    // Drift by hand: self-heal puts it back, and that is filed under the drift.
    expect(await s.run('kubectl scale deployment web --replicas=5', 30 * SECOND)).toBe('0');
    const drift = s.timeline().entries.find((e) => e.text.startsWith('kubectl scale'))!;
    const healed = drift.followUps
      .flatMap((f) => f.changes)
      .filter((c) => c.kind === 'Deployment' && c.manager === 'argocd-controller');
    expect(healed.at(-1)?.after).toMatchObject({ spec: { replicas: 2 } });
  });
});
