// The timeline: one entry per command that changed the cluster, what followed from it, what the
// cluster kept of it, and how it could be taken back. Selecting an entry travels back in time.
import { memo } from 'react';
import { undoFor } from '../cli/declarative/inverse';
import type { Push } from '../engine/git/pushes';
import { foldChanges, type FollowUp, type TimelineEntry } from '../cli/timeline';
import { objectName } from '../cli/declarative/edit';
import { describeChange } from '../cli/timelineText';
import type { Selection } from '../store/app';
import { useApp, useAppState } from './context';
import { withCode } from './inlineCode';
import { formatClock } from './time';

export function TimelinePane() {
  const app = useApp();
  useAppState((s) => s.revision);
  const live = useAppState((s) => s.live);
  const selection = useAppState((s) => s.selection);
  const entries = live.timeline.entries;

  return (
    <section data-testid="timeline" className="pane timeline" aria-label="Timeline">
      <header className="pane-header">
        <h2>Timeline</h2>
        {selection && (
          <button type="button" className="accent" onClick={() => app.select(null)}>
            Back to now
          </button>
        )}
      </header>
      {entries.length === 0 ? (
        <p className="hint">
          Every command that changes the cluster appears here, with what the controllers did because
          of it.
        </p>
      ) : (
        <ol className="entries">
          {entries.map((entry) => (
            <Entry
              key={entry.id}
              entry={entry}
              followUps={entry.followUps.length}
              selection={selection?.entry === entry.id ? selection : null}
              onSelect={(s) => app.select(s)}
              onSuggest={(text) => live.suggest(text)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** A follow-up never changes once recorded: its lines are worked out once. */
const followUpLines = new WeakMap<FollowUp, string[]>();

function linesOf(f: FollowUp): string[] {
  let lines = followUpLines.get(f);
  if (!lines) {
    lines = foldChanges(f.changes)
      .map((c) => describeChange(c, f.time))
      .filter((line): line is string => line !== undefined);
    followUpLines.set(f, lines);
  }
  return lines;
}

interface EntryProps {
  entry: TimelineEntry;
  /** Passed so that an entry re-renders when follow-ups arrive. */
  followUps: number;
  selection: Selection | null;
  onSelect: (s: Selection | null) => void;
  onSuggest: (text: string) => void;
}

const Entry = memo(function Entry({ entry, selection, onSelect, onSuggest }: EntryProps) {
  const objects = foldChanges(entry.changes);
  const managers = [...new Set(entry.changes.map((c) => c.manager))];
  const selected = selection !== null;
  const followLines = entry.followUps.flatMap((f, index) =>
    linesOf(f).map((line) => ({ line, index, time: f.time })),
  );
  // Worked out only for the entry that shows it.
  const undo = selected ? objects.map((o) => ({ object: o, undo: undoFor(o) })) : [];
  const pushes = entry.git?.pushes ?? [];
  const commits = pushes.flatMap((p) => p.commits);

  return (
    <li className={`entry${selected ? ' selected' : ''}${entry.exitCode ? ' failed' : ''}`}>
      <button
        type="button"
        data-testid="timeline-entry"
        aria-pressed={selected}
        aria-expanded={selected}
        onClick={() => onSelect(selected ? null : { entry: entry.id, followUp: null })}
      >
        <time>{formatClock(entry.time)}</time> <code className="command">{entry.text}</code>
        {entry.actor !== 'you' && <span className="actor"> by {entry.actor}</span>}
        <span className="objects">
          {commits.length > 0 &&
            `${commits.length} commit${commits.length === 1 ? '' : 's'}: ${commits[0]?.message.split('\n')[0] ?? ''}${objects.length > 0 ? ' · ' : ''}`}
          {objects.map((o) => objectName(o)).join(', ')}
          {followLines.length > 0 && ` · ${followLines.length} follow-up changes`}
        </span>
      </button>
      {selected && (
        <div className="details">
          {pushes.length > 0 && <GitDetails pushes={pushes} onSuggest={onSuggest} />}
          <dl>
            {managers.length > 0 && (
              <>
                <dt>What the cluster recorded</dt>
                <dd>
                  the objects, the time, and the field manager{' '}
                  {managers.map((m) => (
                    <code key={m}>{m}</code>
                  ))}
                </dd>
                <dt>Who and why</dt>
                <dd>
                  not recorded by the cluster; the page knows only that it was typed in this
                  terminal
                </dd>
              </>
            )}
            {undo.map(({ object, undo: u }) => (
              <div key={objectName(object)}>
                <dt>To take back {objectName(object)}</dt>
                <dd>
                  {withCode(u.note)}
                  {u.command && (
                    <>
                      {' '}
                      <code>{u.command}</code>{' '}
                      <button type="button" onClick={() => onSuggest(u.command ?? '')}>
                        Put on the prompt
                      </button>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {followLines.length > 0 && (
            <>
              <h3>What followed</h3>
              <ol className="follow-ups">
                {followLines.map(({ line, index, time }, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      aria-pressed={selection?.followUp === index}
                      onClick={() => onSelect({ entry: entry.id, followUp: index })}
                    >
                      <time>{formatClock(time)}</time> {line}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </li>
  );
});

/** What Git keeps of a change: each commit's author, date and message, and the revert that undoes it. */
function GitDetails({
  pushes,
  onSuggest,
}: {
  pushes: readonly Push[];
  onSuggest: (text: string) => void;
}) {
  return (
    <div className="git-details">
      {pushes.map((p) => (
        <div key={`${p.url} ${p.ref}`}>
          <h3>
            {p.before === undefined
              ? 'New branch'
              : p.after === undefined
                ? 'Deleted'
                : 'Pushed to'}{' '}
            <code>{p.ref}</code> of <code>{p.url}</code>
          </h3>
          <ol className="commits">
            {p.commits.map((c) => {
              const revert = `git revert --no-edit ${c.sha.slice(0, 7)} && git push`;
              return (
                <li key={c.sha}>
                  <dl>
                    <dt>Commit</dt>
                    <dd>
                      <code>{c.sha.slice(0, 7)}</code> by {c.author.name} &lt;{c.author.email}&gt;,{' '}
                      <time>{formatClock(c.author.timestamp * 1000)}</time>
                    </dd>
                    <dt>Why</dt>
                    <dd className="message">{c.message.trim()}</dd>
                    <dt>To take it back</dt>
                    <dd>
                      <code>{revert}</code>{' '}
                      <button type="button" onClick={() => onSuggest(revert)}>
                        Put on the prompt
                      </button>
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}
