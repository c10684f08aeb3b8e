// What the CLI needs from the GitOps controller's side of the world: the objects Git says an
// Application should have, and the commit a revision resolves to, read from the world's Git host
// the way the controller reads it (src/engine/argocd/compare.ts appTarget).
import { appTarget } from '../../engine/argocd/compare';
import type { Application } from '../../engine/argocd/types';
import { gitSource, reader, type World } from '../../engine/world';

/** A manifest as Git holds it (after the controller's defaults, e.g. the destination namespace). */
export interface DesiredObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export type DesiredResult =
  | { ok: true; objects: DesiredObject[]; revision: string }
  /** `message` is the repo server's error as the API server reports it. */
  | { ok: false; message: string };

/** The target state of `app` at `revision` (default: its targetRevision), as the controller applies it. */
export function desiredObjects(world: World, app: Application, revision?: string): DesiredResult {
  const target = appTarget(gitSource(world), reader(world), app, revision);
  if (!target.ok) return target;
  return { ok: true, objects: target.objects as DesiredObject[], revision: target.revision };
}

export type ResolveResult = { ok: true; sha: string } | { ok: false; message: string };

/**
 * The commit a branch, tag, `HEAD` or SHA of the app's repository resolves to, as the API server's
 * Sync handler asks the repo server before setting the operation. What the Git host cannot
 * resolve is passed on as it is, for the controller to report.
 */
export function resolveRevision(world: World, app: Application, revision: string): ResolveResult {
  const ambiguous = revision || app.spec?.source?.targetRevision || 'HEAD';
  if (/^[0-9a-f]{40}$/.test(ambiguous)) return { ok: true, sha: ambiguous };
  const r = gitSource(world).resolve(app.spec?.source?.repoURL ?? '', ambiguous);
  return { ok: true, sha: r.ok ? r.commit.sha : ambiguous };
}
