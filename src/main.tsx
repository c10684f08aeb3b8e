// The page's entry: restores the saved session (or starts the one the URL asks for), then
// renders. A saved session that cannot be read never leaves a blank page: it offers a reset.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, DEFAULT_SETTINGS, type App as AppApi } from './store/app';
import { LiveSession } from './store/live';
import { readParams, withoutSeed } from './store/params';
import { CorruptSave, indexedDbStorage, load, type Saved } from './store/persist';
import { App } from './ui/App';
import { AppContext } from './ui/context';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Recovery } from './ui/Recovery';
import './ui/styles.css';

const DEFAULT_SEED = 1;
const params = readParams(window.location.search);
const root = createRoot(document.getElementById('root')!);

function start(saved: Saved | undefined, seed: number, notice?: string): void {
  const live = saved ? new LiveSession(saved.live) : new LiveSession({ seed });
  const settings = { ...DEFAULT_SETTINGS, ...saved?.settings };
  if (params.speed !== undefined) {
    settings.speed = params.speed;
    settings.paused = params.speed === 0;
  }
  const app = createApp({
    live,
    settings,
    theme: params.theme ?? 'system',
    storage: indexedDbStorage,
    ...(notice ? { notice } : {}),
    onSaved: (done) => (document.documentElement.dataset.saved = String(done)),
  });
  if (!saved) void app.save();
  runClock(app);
  root.render(
    <StrictMode>
      <AppContext.Provider value={app}>
        <ErrorBoundary name="the page" onReset={() => void app.reset()}>
          <App />
        </ErrorBoundary>
      </AppContext.Provider>
    </StrictMode>,
  );
}

/** Moves the simulated clock with real time, one step per frame. */
function runClock(app: AppApi): void {
  let last = performance.now();
  const frame = (t: number) => {
    app.frame(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A hidden tab gets no frames; save what is there when it goes.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void app.save();
  });
}

async function boot(): Promise<void> {
  if (params.seed !== undefined) {
    window.history.replaceState(null, '', withoutSeed(window.location.href));
    start(undefined, params.seed);
    return;
  }
  let saved: Saved | undefined;
  try {
    saved = await load();
  } catch (error) {
    const reason = error instanceof CorruptSave ? error.message : String(error);
    root.render(
      <Recovery
        reason={reason}
        onReset={async () => {
          await indexedDbStorage.clear();
          start(undefined, DEFAULT_SEED);
        }}
      />,
    );
    return;
  }
  try {
    start(saved, DEFAULT_SEED);
  } catch (error) {
    // The save was readable but does not make a working session.
    console.error(error);
    root.render(
      <Recovery
        reason={error instanceof Error ? error.message : String(error)}
        onReset={async () => {
          await indexedDbStorage.clear();
          start(undefined, DEFAULT_SEED);
        }}
      />,
    );
  }
}

void boot();
