// The GitOps view: each Argo CD application with its sync and health status, the objects it
// manages, the difference between Git and the cluster, and its history with the commit behind
// each sync. Actions are put on the prompt, never run behind the learner's back.
import { Fragment, memo, useMemo, useState } from 'react';
import { appDiff } from '../cli/argocd/appdiff';
import type { AppView } from '../cli/gitopsView';
import { gitopsModel } from '../cli/gitopsView';
import type { Application } from '../engine/argocd/types';
import { readerOf } from '../engine/k8s/store';
import type { World } from '../engine/world';
import './GitOpsView.css';

export interface GitOpsViewProps {
  world: World;
  /** The world shown is the past: actions are off. */
  past: boolean;
  onSuggest: (command: string) => void;
}

export const GitOpsView = memo(function GitOpsView({ world, past, onSuggest }: GitOpsViewProps) {
  const apps = useMemo(() => gitopsModel(world), [world]);
  if (apps.length === 0) return null;
  return (
    <section data-testid="gitops-view" className="gitops-view" aria-label="GitOps applications">
      <h2>Applications</h2>
      {apps.map((app) => (
        <AppCard key={app.name} app={app} world={world} past={past} onSuggest={onSuggest} />
      ))}
    </section>
  );
});

const tone = (word: string) =>
  word === 'Synced' || word === 'Healthy' || word === 'Succeeded'
    ? 'ok'
    : word === 'OutOfSync' || word === 'Progressing' || word === 'Running' || word === 'Suspended'
      ? 'progress'
      : word === 'Degraded' || word === 'Failed' || word === 'Error' || word === 'Missing'
        ? 'error'
        : 'muted';

function Badge({ label, word }: { label: string; word: string }) {
  return (
    <span className={`go-badge go-${tone(word)}`} data-status={word}>
      <span className="go-badge-label">{label}</span> {word || '—'}
    </span>
  );
}

function AppCard({
  app,
  world,
  past,
  onSuggest,
}: {
  app: AppView;
  world: World;
  past: boolean;
  onSuggest: (command: string) => void;
}) {
  const [showDiff, setShowDiff] = useState(false);
  const diff = useMemo(() => {
    if (!showDiff) return undefined;
    const live = readerOf(world.cluster).get('Application', 'argocd', app.name) as
      Application | undefined;
    if (!live) return { ok: false as const, message: 'the application is gone' };
    return appDiff(world, live);
  }, [showDiff, world, app.name]);
  const suggest = (command: string) => () => onSuggest(command);
  const policy = app.autoSync
    ? `auto-sync${app.prune ? ', prune' : ''}${app.selfHeal ? ', self-heal' : ''}`
    : 'manual sync';
  return (
    <article className="go-app" data-testid="gitops-app" data-name={app.name}>
      <header>
        <h3>{app.name}</h3>
        <Badge label="Sync" word={app.sync} />
        <Badge label="Health" word={app.health} />
        {app.revision && <code className="go-revision">{app.revision}</code>}
      </header>
      <p className="go-source">
        <code>{app.repo}</code> · path <code>{app.path || '.'}</code> · target{' '}
        <code>{app.target}</code> → <code>{app.destination}</code> · {policy}
      </p>
      {app.operation && (
        <p className="go-operation" role="status">
          Last operation: {app.operation.phase}
          {app.operation.message && ` (${app.operation.message})`}
        </p>
      )}
      {app.conditions.map((c, i) => (
        <p key={i} className="go-condition go-error">
          {c.type}: {c.message}
        </p>
      ))}
      {!past && (
        <div className="go-actions">
          <button type="button" onClick={suggest(`argocd app get ${app.name} --refresh`)}>
            Refresh now
          </button>
          <button type="button" onClick={suggest(`argocd app sync ${app.name}`)}>
            Sync
          </button>
          <button type="button" aria-pressed={showDiff} onClick={() => setShowDiff((v) => !v)}>
            Diff Git ↔ live
          </button>
        </div>
      )}
      {showDiff && diff && (
        <pre className="go-diff" data-testid="gitops-diff">
          {diff.ok
            ? diff.found
              ? diff.text
              : 'Git and the cluster agree.'
            : `Cannot compare: ${diff.message}`}
        </pre>
      )}
      <table className="go-resources">
        <caption>Resources</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Namespace</th>
            <th scope="col">Name</th>
            <th scope="col">Sync</th>
            <th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {app.resources.map((r) => (
            <Fragment key={`${r.group}/${r.kind}/${r.namespace}/${r.name}`}>
              <tr>
                <td>{r.kind}</td>
                <td>{r.namespace}</td>
                <td>{r.name}</td>
                <td className={`go-${tone(r.status)}`}>
                  {r.status}
                  {r.requiresPruning && ' (requires pruning)'}
                </td>
                <td className={`go-${tone(r.health)}`} title={r.healthMessage}>
                  {r.health}
                </td>
              </tr>
              {r.children.map((c) => (
                <tr key={`${c.kind}/${c.name}`} className="go-child">
                  <td style={{ paddingLeft: `${c.depth}rem` }}>└ {c.kind}</td>
                  <td>{r.namespace}</td>
                  <td>{c.name}</td>
                  <td />
                  <td>{c.status}</td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
      {app.history.length > 0 && (
        <>
          <h4>History</h4>
          <ol className="go-history">
            {app.history.map((h) => (
              <li key={h.id}>
                <span className="go-id">{h.id}</span> <time>{h.deployedAt}</time>{' '}
                <code>{h.revision}</code> {h.subject}
                {h.author && <span className="go-author"> — {h.author}</span>}
                {!past && (
                  <button
                    type="button"
                    onClick={suggest(`argocd app rollback ${app.name} ${h.id}`)}
                    title={app.autoSync ? 'Argo CD refuses a rollback while auto-sync is on' : ''}
                  >
                    Roll back to this
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
