// `--kube-context` in core mode. Argo CD v2.11 registers the flag (cmd/argocd/commands/root.go:
// "Directs the command to the given kube-context") but its core mode never reads it: headless.go's
// NewClientOrDie calls MaybeStartLocalServer with a nil client config, which then builds one from
// a fresh flag set, so the in-process API server always talks to the kubeconfig's current
// context. Reported as argoproj/argo-cd#12883 ("kube-context CLI arg is ignored", still open);
// later releases (v3) add resolveAndApplyKubeContext. The simulation keeps v2.11's behaviour.
import { describe, expect, it } from 'vitest';
import { installedSession, sh } from './testing';

describe('argocd --kube-context', () => {
  it('is accepted and ignored: the current context is used, even a missing one raises no error', () => {
    const s = installedSession();
    const plain = sh(s, 'argocd app list');
    expect(sh(s, 'argocd --kube-context nosuch app list')).toMatchObject({
      stdout: plain.stdout,
      stderr: plain.stderr,
      exitCode: plain.exitCode,
    });
    expect(sh(s, 'argocd app list --kube-context other')).toMatchObject({
      stdout: plain.stdout,
      exitCode: plain.exitCode,
    });
  });
});
