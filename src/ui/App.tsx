// The page: terminal and declarative diff side by side, timeline and cluster view below, each
// pane resizable and each behind its own error boundary.
import { useEffect, useState, type CSSProperties } from 'react';
import { foldChanges, isDirect } from '../cli/timeline';
import { selectedEntry, shownWorld } from '../store/app';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppState } from './context';
import { ErrorBoundary } from './ErrorBoundary';
import { ClusterView } from './ClusterView';
import { DiffPane } from './DiffPane';
import { Splitter } from './Splitter';
import { Terminal } from './Terminal';
import { TimelinePane } from './TimelinePane';
import { Toolbar } from './Toolbar';
import { formatClock } from './time';

export function App() {
  const app = useApp();
  const [columns, setColumns] = useState(55);
  const [rows, setRows] = useState(58);
  const theme = useResolvedTheme();
  const fontSize = useAppState((s) => s.fontSize);
  const live = useAppState((s) => s.live);
  const notice = useAppState((s) => s.notice);
  const reset = () => void app.reset();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--font-size', `${fontSize}px`);
  }, [theme, fontSize]);

  return (
    <div className="app">
      <Toolbar />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <main
        className="layout"
        style={{ '--columns': `${columns}%`, '--rows': `${rows}%` } as CSSProperties}
      >
        <div className="top">
          <ErrorBoundary name="the terminal" onReset={reset}>
            <Terminal key={liveId(live)} host={live} theme={theme} fontSize={fontSize} />
          </ErrorBoundary>
          <Splitter
            orientation="vertical"
            label="Resize terminal and manifests"
            value={columns}
            onChange={setColumns}
          />
          <ErrorBoundary name="the manifests pane" onReset={reset}>
            <DiffSlot theme={theme} fontSize={fontSize} />
          </ErrorBoundary>
        </div>
        <Splitter
          orientation="horizontal"
          label="Resize top and bottom panes"
          value={rows}
          onChange={setRows}
        />
        <div className="bottom">
          <ErrorBoundary name="the timeline" onReset={reset}>
            <TimelinePane />
          </ErrorBoundary>
          <ErrorBoundary name="the cluster view" onReset={reset}>
            <ClusterSlot />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

const ids = new WeakMap<object, number>();
let nextLiveId = 0;
/** A fresh terminal for a fresh session (after Reset). */
function liveId(live: object): number {
  let id = ids.get(live);
  if (id === undefined) ids.set(live, (id = nextLiveId++));
  return id;
}

function DiffSlot({ theme, fontSize }: { theme: 'light' | 'dark'; fontSize: number }) {
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

function ClusterSlot() {
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

function useResolvedTheme(): 'light' | 'dark' {
  const choice = useAppState((s) => s.theme);
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  useEffect(() => {
    const q = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!q) return;
    const on = () => setSystemDark(q.matches);
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}
