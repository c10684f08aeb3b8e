// The timeline: one entry per command that changed the cluster, what followed from it, what the
// cluster kept of it, and how it could be taken back. Selecting an entry travels back in time.
import { memo } from 'react';
import { undoFor } from '../cli/declarative/inverse';
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
        <span className="objects">
          {objects.map((o) => objectName(o)).join(', ')}
          {followLines.length > 0 && ` · ${followLines.length} follow-up changes`}
        </span>
      </button>
      {selected && (
        <div className="details">
          <dl>
            <dt>What the cluster recorded</dt>
            <dd>
              the objects, the time, and the field manager{' '}
              {managers.map((m) => (
                <code key={m}>{m}</code>
              ))}
            </dd>
            <dt>Who and why</dt>
            <dd>
              not recorded by the cluster; the page knows only that it was typed in this terminal
            </dd>
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
