// Test helpers for the GitOps controller: an in-memory Git host and a small driver that runs the
// cluster's controllers plus the application controller with that host as their Git source.
import type { GitCommitInfo, GitSource, Resolved } from '../git/source';
import { applyManifest } from '../k8s/apply';
import { controllers } from '../k8s/controllers';
import type { ClusterState, Controller } from '../k8s/store';
import { nextTimer, Tx } from '../k8s/store';
import type { Kind, KindMap } from '../k8s/types';
import { createWorld } from '../world';
import { applicationController } from './controller';
import { installObjects } from './install';
import type { Application } from './types';

interface Repo {
  branches: Record<string, string>;
  commits: Map<string, { info: GitCommitInfo; files: Record<string, string> }>;
}

/** A Git host holding whole-tree snapshots; SHAs are made up but stable. */
export class FakeGit implements GitSource {
  private readonly repos = new Map<string, Repo>();
  private counter = 0;

  /** Commits `files` (the whole tree) to `branch` of `url`, creating the repository; the SHA. */
  commit(url: string, files: Record<string, string>, message = 'update', branch = 'main'): string {
    let repo = this.repos.get(url);
    if (!repo) this.repos.set(url, (repo = { branches: {}, commits: new Map() }));
    this.counter += 1;
    const sha = (this.counter.toString(16) + 'a1b2c3d4e5f6'.repeat(4)).slice(0, 40).padEnd(40, '0');
    const parent = repo.branches[branch];
    repo.commits.set(sha, {
      info: {
        sha,
        parents: parent ? [parent] : [],
        author: { name: 'Dev', email: 'dev@example.com', timestamp: 0, timezoneOffset: 0 },
        message,
      },
      files: { ...files },
    });
    repo.branches[branch] = sha;
    return sha;
  }

  resolve(url: string, revision: string): Resolved {
    const repo = this.repos.get(url);
    if (!repo) return { ok: false, error: 'repository-not-found' };
    const sha =
      revision === 'HEAD'
        ? repo.branches.main
        : (repo.branches[revision] ??
          [...repo.commits.keys()].find((s) => revision.length >= 4 && s.startsWith(revision)));
    const commit = sha ? repo.commits.get(sha) : undefined;
    return commit ? { ok: true, commit: commit.info } : { ok: false, error: 'revision-not-found' };
  }

  files(url: string, sha: string, path: string): ReadonlyMap<string, string> | undefined {
    const tree = this.repos.get(url)?.commits.get(sha)?.files;
    if (!tree) return undefined;
    const prefix = path === '' || path === '.' ? '' : `${path.replace(/\/$/, '')}/`;
    const out = new Map<string, string>();
    for (const [p, text] of Object.entries(tree))
      if (p.startsWith(prefix)) out.set(p.slice(prefix.length), text);
    return out.size > 0 || prefix === '' ? out : undefined;
  }
}

export const CONTROLLERS: readonly Controller[] = controllers.includes(applicationController)
  ? controllers
  : [...controllers, applicationController];

/** A cluster driven directly, with the application controller and a fake Git host. */
export class Sim {
  cluster: ClusterState;
  rng: number;
  now: number;

  constructor(readonly git: FakeGit = new FakeGit()) {
    const w = createWorld();
    this.cluster = w.cluster;
    this.rng = w.rng;
    this.now = w.now;
  }

  run<T>(fn: (tx: Tx) => T, manager = 'test'): T {
    const tx = new Tx(this.cluster, this.rng, this.now, CONTROLLERS, manager, this.git);
    const result = fn(tx);
    tx.settleInstant();
    const { cluster, rngState } = tx.commit();
    this.cluster = cluster;
    this.rng = rngState;
    return result;
  }

  /** Moves the clock by `ms`, running every timer due on the way. */
  advance(ms: number): this {
    const to = this.now + ms;
    for (;;) {
      const due = nextTimer(this.cluster);
      if (due === undefined || due > to) break;
      this.now = Math.max(due, this.now);
      this.run(() => undefined, 'kube-controller-manager');
    }
    this.now = to;
    return this;
  }

  get<K extends Kind>(kind: K, ns: string | undefined, name: string): KindMap[K] | undefined {
    return this.run((tx) => tx.get(kind, ns, name));
  }

  app(name: string): Application {
    const app = this.get('Application', 'argocd', name);
    if (!app) throw new Error(`no app ${name}`);
    return app;
  }

  /** `kubectl create namespace argocd` and `kubectl apply -n argocd -f install.yaml`. */
  install(): string[] {
    return this.run((tx) => {
      applyManifest(
        tx,
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } },
        { manager: 'kubectl-create' },
      );
      return installObjects().map((m) => {
        const r = applyManifest(tx, m, {
          namespace: 'argocd',
          manager: 'kubectl-client-side-apply',
        });
        if ('ok' in r) throw new Error(r.message);
        return `${m.kind as string}/${(m.metadata as { name: string }).name} ${r.action}`;
      });
    });
  }

  apply(manifest: Record<string, unknown>, namespace = 'default'): void {
    this.run((tx) => {
      const r = applyManifest(tx, manifest, { namespace, manager: 'kubectl-client-side-apply' });
      if ('ok' in r) throw new Error(r.message);
    });
  }

  /** Changes an Application as the argocd CLI or kubectl would (a write the controller sees). */
  editApp(name: string, change: (app: Application) => Application): void {
    this.run((tx) => {
      const app = tx.get('Application', 'argocd', name);
      if (!app) throw new Error(`no app ${name}`);
      tx.put('Application', change(JSON.parse(JSON.stringify(app)) as Application));
    });
  }
}
