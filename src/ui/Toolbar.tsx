// The page's controls: the simulated clock (pause, 1×, 5×, settle now), theme, font size, reset.
import { FONT_SIZES } from '../store/app';
import type { ThemeChoice } from '../store/params';
import { useApp, useAppState, useTutorialState } from './context';
import { formatClock } from './time';

const SPEEDS = [1, 5] as const;

export function Toolbar() {
  const app = useApp();
  const lesson = useTutorialState((s) => s.lesson?.title, undefined);
  const now = useAppState((s) => s.now);
  const speed = useAppState((s) => s.speed);
  const paused = useAppState((s) => s.paused);
  const busy = useAppState((s) => s.busy);
  const theme = useAppState((s) => s.theme);
  const fontSize = useAppState((s) => s.fontSize);
  const saved = useAppState((s) => s.saved);

  const sizeIndex = FONT_SIZES.findIndex((f) => f >= fontSize);
  const step = (d: number) => {
    const i = Math.min(FONT_SIZES.length - 1, Math.max(0, (sizeIndex < 0 ? 1 : sizeIndex) + d));
    app.setFontSize(FONT_SIZES[i] ?? fontSize);
  };

  return (
    <header className="toolbar">
      <h1>GitOps Explained</h1>
      <div className="group" role="group" aria-label="Simulated clock">
        <span className="clock" aria-live="off" title="Simulated time (UTC)">
          <span className="visually-hidden">Simulated time </span>
          <time>{formatClock(now)}</time>
          {paused ? ' (paused)' : speed !== 1 ? ` (${speed}×)` : ''}
        </span>
        <button type="button" aria-pressed={paused} onClick={() => app.togglePause()}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={!paused && speed === s}
            onClick={() => app.setSpeed(s)}
          >
            {s}×
          </button>
        ))}
        <button
          type="button"
          onClick={() => app.settleNow()}
          title={
            busy
              ? 'Run the clock until the waiting command and the cluster are done'
              : 'Run the clock until nothing changes for a minute (10 minutes at most)'
          }
        >
          Settle now
        </button>
      </div>
      <div className="group" role="group" aria-label="Display">
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => app.setTheme(e.target.value as ThemeChoice)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <button type="button" aria-label="Smaller text" onClick={() => step(-1)}>
          A−
        </button>
        <span className="font-size" aria-label={`Text size ${fontSize} pixels`}>
          {fontSize}px
        </span>
        <button type="button" aria-label="Larger text" onClick={() => step(1)}>
          A+
        </button>
      </div>
      <div className="group">
        {/* Not announced: it changes after every command. */}
        <span className="save-state">{saved ? 'Saved' : 'Saving…'}</span>
        <button
          type="button"
          title="Replace this cluster with an empty one, as after losing it"
          onClick={() => {
            if (
              window.confirm(
                'Lose this cluster? Every object in it is gone, as after a lost region or a deleted cluster. Your files and the Git host stay.',
              )
            )
              app.loseCluster();
          }}
        >
          Lose this cluster
        </button>
        <button
          type="button"
          onClick={() => {
            const question = lesson
              ? `Start “${lesson}” again? Its world and your progress in it are cleared.`
              : 'Start a fresh session? Your commands and the cluster are cleared.';
            if (window.confirm(question)) void app.reset();
          }}
        >
          Reset
        </button>
      </div>
    </header>
  );
}
