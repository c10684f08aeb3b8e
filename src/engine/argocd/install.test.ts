// Argo CD v2.11.0's install manifest (argoproj/argo-cd manifests/install.yaml at tag v2.11.0):
// its 57 objects in file order, and what `kubectl apply` prints for them (one `kind/name created`
// line per object, as kubectl's apply printer does: staging/src/k8s.io/kubectl/pkg/cmd/apply).
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { registry } from '../../cli/programs';
import { remoteManifest } from '../../cli/kubectl/remoteManifests';
import { createSession, runHeadless } from '../../cli/shell/shell';
import { INSTALL_URL, installObjects } from './install';

const KINDS_IN_ORDER: [string, number][] = [
  ['CustomResourceDefinition', 3],
  ['ServiceAccount', 7],
  ['Role', 5],
  ['ClusterRole', 3],
  ['RoleBinding', 5],
  ['ClusterRoleBinding', 3],
  ['ConfigMap', 7],
  ['Secret', 2],
  ['Service', 8],
  ['Deployment', 6],
  ['StatefulSet', 1],
  ['NetworkPolicy', 7],
];

const APPLY_OUTPUT = `customresourcedefinition.apiextensions.k8s.io/applications.argoproj.io created
customresourcedefinition.apiextensions.k8s.io/applicationsets.argoproj.io created
customresourcedefinition.apiextensions.k8s.io/appprojects.argoproj.io created
serviceaccount/argocd-application-controller created
serviceaccount/argocd-applicationset-controller created
serviceaccount/argocd-dex-server created
serviceaccount/argocd-notifications-controller created
serviceaccount/argocd-redis created
serviceaccount/argocd-repo-server created
serviceaccount/argocd-server created
role.rbac.authorization.k8s.io/argocd-application-controller created
role.rbac.authorization.k8s.io/argocd-applicationset-controller created
role.rbac.authorization.k8s.io/argocd-dex-server created
role.rbac.authorization.k8s.io/argocd-notifications-controller created
role.rbac.authorization.k8s.io/argocd-server created
clusterrole.rbac.authorization.k8s.io/argocd-application-controller created
clusterrole.rbac.authorization.k8s.io/argocd-applicationset-controller created
clusterrole.rbac.authorization.k8s.io/argocd-server created
rolebinding.rbac.authorization.k8s.io/argocd-application-controller created
rolebinding.rbac.authorization.k8s.io/argocd-applicationset-controller created
rolebinding.rbac.authorization.k8s.io/argocd-dex-server created
rolebinding.rbac.authorization.k8s.io/argocd-notifications-controller created
rolebinding.rbac.authorization.k8s.io/argocd-server created
clusterrolebinding.rbac.authorization.k8s.io/argocd-application-controller created
clusterrolebinding.rbac.authorization.k8s.io/argocd-applicationset-controller created
clusterrolebinding.rbac.authorization.k8s.io/argocd-server created
configmap/argocd-cm created
configmap/argocd-cmd-params-cm created
configmap/argocd-gpg-keys-cm created
configmap/argocd-notifications-cm created
configmap/argocd-rbac-cm created
configmap/argocd-ssh-known-hosts-cm created
configmap/argocd-tls-certs-cm created
secret/argocd-notifications-secret created
secret/argocd-secret created
service/argocd-applicationset-controller created
service/argocd-dex-server created
service/argocd-metrics created
service/argocd-notifications-controller-metrics created
service/argocd-redis created
service/argocd-repo-server created
service/argocd-server created
service/argocd-server-metrics created
deployment.apps/argocd-applicationset-controller created
deployment.apps/argocd-dex-server created
deployment.apps/argocd-notifications-controller created
deployment.apps/argocd-redis created
deployment.apps/argocd-repo-server created
deployment.apps/argocd-server created
statefulset.apps/argocd-application-controller created
networkpolicy.networking.k8s.io/argocd-application-controller-network-policy created
networkpolicy.networking.k8s.io/argocd-applicationset-controller-network-policy created
networkpolicy.networking.k8s.io/argocd-dex-server-network-policy created
networkpolicy.networking.k8s.io/argocd-notifications-controller-network-policy created
networkpolicy.networking.k8s.io/argocd-redis-network-policy created
networkpolicy.networking.k8s.io/argocd-repo-server-network-policy created
networkpolicy.networking.k8s.io/argocd-server-network-policy created
`;

describe('Argo CD install manifest', { timeout: 60_000 }, () => {
  it('has the real file objects, in order', () => {
    const kinds = installObjects().map((o) => o.kind as string);
    const runs: [string, number][] = [];
    for (const k of kinds) {
      const last = runs.at(-1);
      if (last?.[0] === k) last[1] += 1;
      else runs.push([k, 1]);
    }
    expect(runs).toEqual(KINDS_IN_ORDER);
  });

  it('is served at the v2.11.0 URL as YAML documents, quoting what YAML 1.1 would misread', () => {
    const text = remoteManifest(INSTALL_URL)!;
    const docs = parseAllDocuments(text).map((d) => d.toJSON() as Record<string, unknown>);
    expect(docs).toEqual(installObjects());
    expect(text).toContain('- "no"\n');
    expect(remoteManifest(INSTALL_URL.replace('v2.11.0', 'v9.9.9'))).toBeUndefined();
    const images = new Set(text.match(/image: \S+/g));
    expect([...images].sort()).toEqual([
      'image: ghcr.io/dexidp/dex:v2.38.0',
      'image: quay.io/argoproj/argocd:v2.11.0',
      'image: redis:7.0.14-alpine',
    ]);
  });

  it('kubectl apply prints one line per object and starts the controller', () => {
    const s = createSession({ seed: 1 });
    runHeadless(s, 'kubectl create namespace argocd', registry);
    const r = runHeadless(s, `kubectl apply -n argocd -f ${INSTALL_URL}`, registry);
    expect(r).toMatchObject({ stdout: APPLY_OUTPUT, stderr: '', exitCode: 0 });
    runHeadless(s, 'sleep 60', registry);
    const pods = runHeadless(s, 'kubectl get pods -n argocd', registry).stdout;
    expect(pods).toMatch(/^argocd-application-controller-0 +1\/1 +Running +0 +60s$/m);
    // An Application pointing at a repository the Git host does not have.
    runHeadless(
      s,
      `cat > app.yaml <<EOF
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://git.example.com/nobody/nothing.git
    path: guestbook
  destination:
    server: https://kubernetes.default.svc
    namespace: default
EOF`,
      registry,
    );
    expect(runHeadless(s, 'kubectl apply -f app.yaml', registry).stdout).toBe(
      'application.argoproj.io/guestbook created\n',
    );
    const got = runHeadless(
      s,
      `kubectl get app guestbook -n argocd -o jsonpath='{.status.sync.status} {.status.conditions[0].message}'`,
      registry,
    );
    expect(got.stdout).toBe(
      'Unknown Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = repository not found',
    );
  });
});
