// The panes around the terminal, loaded with the simulator: the toolbar, the lesson, the
// declarative diff, the timeline and the cluster view. They read the page's store.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { foldChanges, isDirect } from '../cli/timeline';
import { selectedEntry, shownWorld } from '../store/app';
import { ClusterView } from './ClusterView';
import { useApp, useAppState } from './context';
import { DiffPane } from './DiffPane';
import { ManifestPane } from './FileEditor';
import { GitOpsView } from './GitOpsView';
import { formatClock } from './time';

export { LessonPanel as LessonSlot } from './LessonPanel';
export { Toolbar } from './Toolbar';
export { TimelinePane } from './TimelinePane';

export function DiffSlot({ theme, fontSize }: { theme: 'light' | 'dark'; fontSize: number }) {
  const app = useApp();
  useAppState((s) => s.revision);
  const entry = useAppState((s) => selectedEntry(s) ?? s.live.timeline.entries.at(-1));
  const hide = useAppState((s) => s.hideServerFields);
  const changes = entry ? foldChanges(entry.changes.filter(isDirect)) : [];
  return (
    <ManifestPane
      theme={theme}
      fontSize={fontSize}
      changes={
        <DiffPane
          changes={changes}
          command={entry?.text}
          hideServerFields={hide}
          onToggleHideServerFields={() => app.setHideServerFields(!hide)}
          theme={theme}
          fontSize={fontSize}
          embedded
        />
      }
    />
  );
}

export function ClusterSlot() {
  useAppState((s) => s.revision);
  const { world, past } = useAppState(useShallow(shownWorld));
  const live = useAppState((s) => s.live);
  const suggest = useCallback((text: string) => live.suggest(text), [live]);
  return (
    <div className={`pane cluster-slot${past ? ' past' : ''}`}>
      {past && (
        <div className="time-travel" role="status">
          Showing the cluster as it was at {formatClock(world.now)} (read-only): “Back to now” in
          the timeline returns to the present.
        </div>
      )}
      <ClusterView world={world} timeTravel={past} at={world.now} />
      <GitOpsView world={world} past={past} onSuggest={suggest} />
    </div>
  );
}
