// kubectl config against several simulated clusters. Formats pinned to the real kubectl v1.32
// client run on a kubeconfig with the same contexts (it needs no server for these):
// staging/src/k8s.io/kubectl/pkg/cmd/config/get_contexts.go, use_context.go, set_context.go.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import { createSession, runHeadless } from '../../shell/shell';

describe('kubectl config', () => {
  it('lists, switches and scopes contexts, each with its own cluster', () => {
    const s = createSession({ seed: 1, contexts: ['staging', 'production'] });
    const run = (c: string) => runHeadless(s, c, registry);
    expect(run('kubectl config current-context').stdout).toBe('staging\n');
    expect(run('kubectl config get-contexts').stdout).toBe(
      'CURRENT   NAME         CLUSTER      AUTHINFO           NAMESPACE\n' +
        '          production   production   production-admin   \n' +
        '*         staging      staging      staging-admin      \n',
    );
    expect(run('kubectl create deployment web --image=nginx').exitCode).toBe(0);
    expect(run('kubectl config use-context production')).toMatchObject({
      stdout: 'Switched to context "production".\n',
      exitCode: 0,
    });
    // Production's cluster has never heard of staging's deployment.
    expect(run('kubectl get deployments')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
    });
    expect(run('kubectl config use-context nope')).toMatchObject({
      stderr: 'error: no context exists with the name: "nope"\n',
      exitCode: 1,
    });
    expect(run('kubectl config get-contexts -o name').stdout).toBe('production\nstaging\n');
    expect(run('kubectl config get-contexts nope')).toMatchObject({
      stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n',
      stderr: 'error: context nope not found\n',
      exitCode: 1,
    });
    expect(run('kubectl config set-context --current --namespace=kube-system').stdout).toBe(
      'Context "production" modified.\n',
    );
    expect(run('kubectl get deployments').stdout).toContain('coredns');
    expect(run('kubectl config get-contexts --no-headers').stdout).toBe(
      '*     production   production   production-admin   kube-system\n' +
        '      staging      staging      staging-admin      \n',
    );
    // --context reads another cluster for one command, and leaves the current one as it was.
    expect(run('kubectl --context=staging get deployments -o name').stdout).toBe(
      'deployment.apps/web\n',
    );
    expect(run('kubectl config current-context').stdout).toBe('production\n');
    expect(run('kubectl get pods --context=nope')).toMatchObject({
      stderr: 'Error in configuration: context was not found for specified context: nope\n',
      exitCode: 1,
    });
    // Back on staging, its deployment kept running while nobody looked.
    run('sleep 60');
    run('kubectl config use-context staging');
    expect(run('kubectl get deployment web').stdout).toMatch(/^web\s+1\/1\s+1\s+1\s+/m);
  });

  it('keeps a one-cluster world exactly as before', () => {
    const s = createSession({ seed: 1 });
    expect(runHeadless(s, 'kubectl config current-context', registry).stdout).toBe(
      'kubernetes-admin@kubernetes\n',
    );
  });
});
