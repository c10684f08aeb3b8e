// The panes around the terminal, loaded with the simulator: the toolbar, the declarative diff,
// the timeline and the cluster view. They read the page's store.
import { useShallow } from 'zustand/react/shallow';
import { foldChanges, isDirect } from '../cli/timeline';
import { selectedEntry, shownWorld } from '../store/app';
import { ClusterView } from './ClusterView';
import { useApp, useAppState } from './context';
import { DiffPane } from './DiffPane';
import { formatClock } from './time';

export { Toolbar } from './Toolbar';
export { TimelinePane } from './TimelinePane';

export function DiffSlot({ theme, fontSize }: { theme: 'light' | 'dark'; fontSize: number }) {
  const app = useApp();
  useAppState((s) => s.revision);
  const entry = useAppState((s) => selectedEntry(s) ?? s.live.timeline.entries.at(-1));
  const hide = useAppState((s) => s.hideServerFields);
  const changes = entry ? foldChanges(entry.changes.filter(isDirect)) : [];
  return (
    <DiffPane
      changes={changes}
      command={entry?.text}
      hideServerFields={hide}
      onToggleHideServerFields={() => app.setHideServerFields(!hide)}
      theme={theme}
      fontSize={fontSize}
    />
  );
}

export function ClusterSlot() {
  useAppState((s) => s.revision);
  const { world, past } = useAppState(useShallow(shownWorld));
  return (
    <div className={`pane cluster-slot${past ? ' past' : ''}`}>
      {past && (
        <div className="time-travel" role="status">
          Showing the cluster as it was at {formatClock(world.now)} (read-only): “Back to now” in
          the timeline returns to the present.
        </div>
      )}
      <ClusterView world={world} timeTravel={past} at={world.now} />
    </div>
  );
}
