// Disaster recovery: the cluster is lost and an empty one takes its place. What lives in Git comes
// back as soon as Argo CD is installed again and pointed at the repository; what was made with
// kubectl alone, and the cluster's own history of it, are gone for good.
import { describe, expect, it } from 'vitest';
import { INSTALL_URL } from '../engine/argocd/install';
import { replaceCluster } from '../engine/world';
import { registry } from './programs';
import { createSession, runHeadlessAsync } from './shell/shell';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
        image: nginx:1.27.0
`;

const APP = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/team/web.git
    path: manifests
  destination:
    server: https://kubernetes.default.svc
    namespace: shop
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
    - CreateNamespace=true
`;

describe('disaster recovery', () => {
  it('restores every object from Git on a fresh cluster; the imperative ones are lost', async () => {
    const s = createSession({ seed: 1 });
    const sh = async (c: string) => {
      const r = await runHeadlessAsync(s, c, registry);
      return r;
    };
    const ok = async (c: string) => expect((await sh(c)).exitCode, c).toBe(0);
    const install = async () => {
      await ok('kubectl create namespace argocd');
      await ok(`kubectl apply -n argocd -f ${INSTALL_URL} > /dev/null`);
    };
    await install();
    await ok('mkdir -p web/manifests && cd web && git init -q');
    await ok(`cat <<EOF > manifests/web.yaml\n${WEB}EOF`);
    await ok(`cat <<EOF > application.yaml\n${APP}EOF`);
    await ok('git add . && git commit -q -m "Web shop, 3 replicas"');
    await ok('git remote add origin https://github.com/team/web.git && git push -q -u origin main');
    await ok('kubectl apply -f application.yaml');
    await ok('kubectl create deployment hotfix --image=nginx:1.27.0');
    await ok('sleep 180');
    expect((await sh('kubectl get deployment web -n shop')).stdout).toMatch(/^web\s+3\/3/m);
    expect((await sh('argocd app get web')).stdout).toMatch(/Sync Status:\s+Synced/);

    s.world = replaceCluster(s.world);
    expect(await sh('kubectl get deployments -A')).toMatchObject({
      stdout: expect.not.stringMatching(/web|hotfix/),
    });
    expect((await sh('kubectl rollout history deployment/hotfix')).stderr).toBe(
      'Error from server (NotFound): deployments.apps "hotfix" not found\n',
    );

    // The same steps as on day one, from what Git and the learner's files still hold.
    await install();
    await ok('kubectl apply -f application.yaml');
    await ok('sleep 240');
    expect((await sh('kubectl get deployment web -n shop')).stdout).toMatch(/^web\s+3\/3/m);
    expect((await sh('argocd app get web')).stdout).toMatch(/Health Status:\s+Healthy/);
    expect((await sh('kubectl get deployment hotfix')).exitCode).toBe(1);
  });
});
