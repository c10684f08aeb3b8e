// `argocd app diff`: the header line and `diff LIVE TARGET` per differing resource, exit 1 when
// anything differs (argo-cd v2.11 cmd/argocd/commands/app.go findandPrintDiff,
// util/cli/cli.go PrintDiff). The target state comes from desired.ts, replaced here.
import { describe, expect, it, vi } from 'vitest';
import { reader } from '../../engine/world';
import { registry } from '../programs';
import { runHeadless } from '../shell/shell';
import type { DesiredObject } from './desired';
import { installedSession, setStatus } from './testing';

const desired: { objects: DesiredObject[] } = { objects: [] };

vi.mock('./desired', () => ({
  desiredObjects: () => ({ ok: true, objects: desired.objects, revision: 'HEAD' }),
  resolveRevision: (_w: unknown, _a: unknown, revision: string) => ({ ok: true, sha: revision }),
}));

const deployment = (replicas: number, image: string): DesiredObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image }] },
    },
  },
});

describe('argocd app diff', () => {
  it('prints what differs between live and Git, and exits 1', () => {
    const s = installedSession();
    const sh = (c: string) => runHeadless(s, c, registry);
    sh('kubectl create deployment web --image=nginx:1.25 --replicas=3');
    sh(
      'argocd app create web --repo https://git.example.com/team/app.git --path web --dest-server https://kubernetes.default.svc --dest-namespace default',
    );
    setStatus(s, 'web', {
      sync: { status: 'OutOfSync' },
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'default',
          name: 'web',
          status: 'OutOfSync',
        },
      ],
    });
    desired.objects = [deployment(3, 'nginx:1.25')];
    expect(sh('argocd app diff web')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });

    desired.objects = [deployment(2, 'nginx:1.26')];
    const r = sh('argocd app diff web');
    expect(r.exitCode).toBe(1);
    const live = reader(s.world).get('Deployment', 'default', 'web');
    expect(live?.spec?.replicas).toBe(3);
    expect(r.stdout).toBe(
      '\n===== apps/Deployment default/web ======\n' +
        '16c16\n<   replicas: 3\n---\n>   replicas: 2\n' +
        '33c33\n<       - image: nginx:1.25\n---\n>       - image: nginx:1.26\n',
    );
    expect(sh('argocd app diff web --exit-code=false').exitCode).toBe(0);
  });

  it('does not report the fields the server defaulted in list items', () => {
    const s = installedSession();
    const sh = (c: string) => runHeadless(s, c, registry);
    sh('kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80');
    sh(
      'argocd app create web --repo https://git.example.com/team/app.git --path web --dest-server https://kubernetes.default.svc --dest-namespace default',
    );
    const withPort = (replicas: number): DesiredObject => {
      const d = deployment(replicas, 'nginx:1.25');
      const spec = d['spec'] as { template: { spec: { containers: object[] } } };
      spec.template.spec.containers = [
        { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
      ];
      return d;
    };
    setStatus(s, 'web', {
      sync: { status: 'OutOfSync' },
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'default',
          name: 'web',
          status: 'OutOfSync',
        },
      ],
    });
    desired.objects = [withPort(2)];
    const r = sh('argocd app diff web');
    expect(r.stdout).toBe(
      '\n===== apps/Deployment default/web ======\n16c16\n<   replicas: 3\n---\n>   replicas: 2\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('shows a resource Git has and the cluster lacks as all added', () => {
    const s = installedSession();
    const sh = (c: string) => runHeadless(s, c, registry);
    sh(
      'argocd app create web --repo r --path web --dest-namespace default --dest-server https://kubernetes.default.svc',
    );
    desired.objects = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } },
    ];
    expect(sh('argocd app diff web')).toMatchObject({
      stdout:
        '\n===== /ConfigMap default/cfg ======\n0a1,5\n> apiVersion: v1\n> data:\n>   a: b\n> kind: ConfigMap\n> metadata:\n>   name: cfg\n'.replace(
          '0a1,5',
          '0a1,6',
        ),
      exitCode: 1,
    });
  });
});
