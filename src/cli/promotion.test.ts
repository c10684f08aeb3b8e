// Staging and production as two clusters (two kubeconfig contexts), each with its own Argo CD
// watching its own folder of one repository: a change reaches staging first and production only
// when it is promoted by a commit.
import { describe, expect, it } from 'vitest';
import { INSTALL_URL } from '../engine/argocd/install';
import { registry } from './programs';
import { createSession, runHeadlessAsync } from './shell/shell';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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

const application = (env: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/team/envs.git
    path: ${env}
  destination:
    server: https://kubernetes.default.svc
    namespace: default
  syncPolicy:
    automated: {}
`;

describe('promotion between clusters by Git', () => {
  it('updates staging first and production when the change is promoted', async () => {
    const s = createSession({ seed: 1, contexts: ['staging', 'production'] });
    const sh = (c: string) => runHeadlessAsync(s, c, registry);
    const ok = async (c: string) => expect((await sh(c)).exitCode, c).toBe(0);
    await ok('mkdir -p envs/staging envs/production && cd envs && git init -q');
    await ok(`cat <<EOF > staging/web.yaml\n${deployment('nginx:1.26.0')}EOF`);
    await ok('cp staging/web.yaml production/web.yaml');
    await ok('git add . && git commit -q -m "Web on 1.26 everywhere"');
    await ok(
      'git remote add origin https://github.com/team/envs.git && git push -q -u origin main',
    );
    for (const env of ['staging', 'production']) {
      await ok(`kubectl config use-context ${env}`);
      await ok('kubectl create namespace argocd');
      await ok(`kubectl apply -n argocd -f ${INSTALL_URL} > /dev/null`);
      await ok('sleep 60');
      await ok(`cat <<EOF | kubectl apply -f -\n${application(env)}EOF`);
    }
    await ok('sleep 60');
    const image = async (env: string) =>
      (
        await sh(
          `kubectl --context=${env} get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}'`,
        )
      ).stdout;
    expect([await image('staging'), await image('production')]).toEqual([
      'nginx:1.26.0',
      'nginx:1.26.0',
    ]);

    await ok("sed -i 's/1.26.0/1.27.0/' staging/web.yaml");
    await ok('git commit -q -am "Try 1.27 on staging" && git push -q');
    await ok('sleep 200');
    expect([await image('staging'), await image('production')]).toEqual([
      'nginx:1.27.0',
      'nginx:1.26.0',
    ]);

    await ok('cp staging/web.yaml production/web.yaml');
    await ok('git commit -q -am "Promote 1.27 to production" && git push -q');
    await ok('sleep 200');
    expect([await image('staging'), await image('production')]).toEqual([
      'nginx:1.27.0',
      'nginx:1.27.0',
    ]);
  });
});
