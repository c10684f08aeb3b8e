// The page's entry. It restores the saved screen and shows the terminal at once, while the
// simulator loads beside it; a saved session that cannot be read never leaves a blank page, it
// offers a reset.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { App as AppApi } from './store/app';
import { DeferredHost } from './store/deferred';
import { readParams, withoutPlace } from './store/params';
import { CorruptSave, DEFAULT_SETTINGS, load, storageFor, type Saved } from './store/persist';
import { pagePlace, savedPlace } from './store/place';
import { Page } from './ui/App';
import { AppContext } from './ui/context';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Recovery } from './ui/Recovery';
import './ui/styles.css';

const DEFAULT_SEED = 1;
const params = readParams(window.location.search);
/** The lesson (or the sandbox) the page opens. */
const place = pagePlace(params, savedPlace());
const storage = storageFor(place);
const root = createRoot(document.getElementById('root')!);
// Fetched at once, in parallel with reading the saved session.
const simulator = import('./store/boot');

function render(app: AppApi | null, host: DeferredHost, saved: Saved | undefined): void {
  const initial = {
    theme: params.theme ?? saved?.settings.theme ?? DEFAULT_SETTINGS.theme,
    fontSize: saved?.settings.fontSize ?? DEFAULT_SETTINGS.fontSize,
  };
  root.render(
    <StrictMode>
      <AppContext.Provider value={app}>
        <ErrorBoundary name="the page" onReset={() => void app?.reset()}>
          <Page app={app} host={host} initial={initial} />
        </ErrorBoundary>
      </AppContext.Provider>
    </StrictMode>,
  );
}

async function start(saved: Saved | undefined, seed: number, notice?: string): Promise<void> {
  const host = new DeferredHost(saved?.live.transcript ?? '', saved?.live.session.history ?? []);
  render(null, host, saved);
  const { startSession } = await simulator;
  const app = await startSession({
    place,
    saved,
    seed,
    params,
    onSaved: (done) => (document.documentElement.dataset.saved = String(done)),
    ...(notice ? { notice } : {}),
  });
  host.attach(app.store.getState().live);
  render(app, host, saved);
}

function recover(reason: string): void {
  root.render(
    <Recovery
      reason={reason}
      onReset={async () => {
        await storage.clear();
        await start(undefined, DEFAULT_SEED);
      }}
    />,
  );
}

async function boot(): Promise<void> {
  // Once open, a reload continues where the learner is rather than opening the same place anew.
  const opened = params.seed !== undefined || params.lesson !== undefined || params.mode;
  if (opened) window.history.replaceState(null, '', withoutPlace(window.location.href));
  if (params.seed !== undefined) {
    // The address asked for a fresh world; say so if it replaced work that was there.
    const replaced = await load(storage).then(
      (s) => s !== undefined && s.live.session.history.length > 0,
      () => false,
    );
    return start(
      undefined,
      params.seed,
      replaced
        ? `A fresh world with seed ${params.seed} replaced the session saved in this browser.`
        : undefined,
    );
  }
  let saved: Saved | undefined;
  try {
    // A step named in the address is prepared afresh; otherwise the place's saved world goes on.
    saved =
      params.step !== undefined && params.lesson !== undefined ? undefined : await load(storage);
  } catch (error) {
    return recover(error instanceof CorruptSave ? error.message : String(error));
  }
  try {
    await start(saved, DEFAULT_SEED);
  } catch (error) {
    // The save was readable but does not make a working session.
    console.error(error);
    recover(error instanceof Error ? error.message : String(error));
  }
}

void boot();
