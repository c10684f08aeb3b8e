// The page's store: binds a live session to React, drives its clock with real time, saves it.
// No simulation happens here: the session and the engine do that.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FsResult } from '../engine/fs/files';
import type { World } from '../engine/world';
import type { TimelineEntry } from '../cli/timeline';
import { LiveSession } from './live';
import type { Tutorial } from './tutorial';
import type { ThemeChoice } from './params';
import { encode, type Settings, SAVE_FORMAT, type Storage } from './persist';

export interface Selection {
  entry: number;
  /** A follow-up of the entry (its index), or null for the command itself. */
  followUp: number | null;
}

export interface AppState extends Settings {
  live: LiveSession;
  /** The live session's revision when the store last looked. */
  revision: number;
  /** Simulated time (ms), refreshed at least once per simulated second. */
  now: number;
  busy: boolean;
  selection: Selection | null;
  saved: boolean;
  /** A message for the person (e.g. a saved session that could not be read). */
  notice: string | undefined;
}

export { DEFAULT_SETTINGS } from './persist';

export { FONT_SIZES } from './persist';

export interface AppOptions {
  live: LiveSession;
  settings: Settings;
  storage: Storage;
  notice?: string;
  /** Called whenever a save starts (false) and ends (true). */
  onSaved?: (saved: boolean) => void;
}

export type AppStore = StoreApi<AppState>;

export interface App {
  store: AppStore;
  /** The course: set once the lessons are loaded (the page's boot does it). */
  tutorial?: Tutorial;
  /** Real milliseconds passed: moves the simulated clock by that times the speed. */
  frame(realMs: number): void;
  settleNow(): void;
  /** Replaces the current cluster with an empty one (disaster recovery lessons). */
  loseCluster(): void;
  setSpeed(speed: number): void;
  togglePause(): void;
  select(selection: Selection | null): void;
  setHideServerFields(hide: boolean): void;
  setFontSize(size: number): void;
  setTheme(theme: ThemeChoice): void;
  /** Writes a workspace file (the editor's save) and saves the session soon after. */
  writeFile(path: string, text: string): FsResult<void>;
  /** Removes a workspace file (a `kubectl edit` tab closed without saving). */
  removeFile(path: string): FsResult<void>;
  /** Starts a fresh session with the same seed (or `seed`); in a lesson, the lesson afresh. */
  reset(seed?: number): Promise<void>;
  /**
   * Saves the session where it belongs, then goes on with `live`, saved to `storage` from now on
   * (another lesson's world, or the sandbox's).
   */
  switchTo(live: LiveSession, storage: Storage): Promise<void>;
  /** Writes the session now; resolves when it is stored. */
  save(): Promise<void>;
  /** Writes a copy at once (the page is going away). */
  saveNow(): void;
  dispose(): void;
}

/** Longest real step the clock takes at once (a tab woken from sleep does not jump an hour). */
const MAX_FRAME = 250;
/** A person's command is saved this long after it ends (real ms), once its output is drawn. */
const AFTER_PAINT = 150;
/** Saving while the clock runs waits this long after the last change (real ms). */
const SAVE_DELAY = 2000;

export function createApp(options: AppOptions): App {
  const store = createStore<AppState>()(() => ({
    ...options.settings,
    live: options.live,
    revision: options.live.revision,
    now: options.live.now,
    busy: options.live.busy,
    selection: null,
    saved: true,
    notice: options.notice,
  }));

  let unsubscribe = () => {};
  let storage = options.storage;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saveDue = Infinity;
  let saving: Promise<void> = Promise.resolve();
  /** Something the person did (a command, a setting) is not in storage yet. */
  let unsaved = false;

  const markSaved = (saved: boolean) => {
    if (store.getState().saved !== saved) store.setState({ saved });
    options.onSaved?.(saved);
  };

  const snapshot = (): string => {
    const s = store.getState();
    const settings: Settings = {
      speed: s.speed,
      paused: s.paused,
      hideServerFields: s.hideServerFields,
      fontSize: s.fontSize,
      theme: s.theme,
    };
    return encode({ format: SAVE_FORMAT, savedAt: Date.now(), live: s.live.save(), settings });
  };

  const save = (): Promise<void> => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    saveDue = Infinity;
    unsaved = false;
    const text = snapshot();
    const target = storage;
    saving = saving
      .then(() => target.write(text))
      .catch((e: unknown) => console.error('Saving the session failed', e))
      .then(() => {
        if (!unsaved) markSaved(true);
      });
    return saving;
  };

  /**
   * Saves within `delay` ms. The controllers change the world many times a second while the
   * clock runs; their changes are saved at most every SAVE_DELAY, a person's at once.
   */
  const scheduleSave = (delay: number, byPerson: boolean) => {
    if (byPerson) {
      unsaved = true;
      markSaved(false);
    }
    const due = Date.now() + delay;
    if (saveTimer !== undefined && saveDue <= due) return;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveDue = due;
    saveTimer = setTimeout(() => void save(), delay);
  };

  /** Whether the panes have anything new to show: a change, or another simulated second. */
  const stale = () => {
    const { live, revision, now } = store.getState();
    return live.revision !== revision || Math.floor(live.now / 1000) !== Math.floor(now / 1000);
  };

  const sync = () => {
    if (!stale()) return;
    const live = store.getState().live;
    store.setState({ revision: live.revision, now: live.now, busy: live.busy });
  };

  // The panes redraw in a task after the frame is painted, so that a command's output reaches
  // the terminal's screen without waiting for the timeline, the diff and the cluster view.
  let syncQueued = false;
  const syncAfterPaint = () => {
    if (syncQueued) return;
    syncQueued = true;
    setTimeout(() => {
      syncQueued = false;
      sync();
    }, 0);
  };

  const attach = (live: LiveSession) => {
    unsubscribe();
    unsubscribe = live.subscribe((record) => {
      // Not at once: the command's output is drawn first, then the save (tens of ms) runs.
      if (record.type === 'end') scheduleSave(AFTER_PAINT, true);
      else if (record.type === 'start') scheduleSave(SAVE_DELAY, true);
      else if (record.type === 'changes') scheduleSave(SAVE_DELAY, false);
    });
  };
  attach(options.live);

  const settingsChanged = () => scheduleSave(SAVE_DELAY, true);

  const use = (live: LiveSession) => {
    attach(live);
    store.setState({
      live,
      revision: live.revision,
      now: live.now,
      busy: false,
      selection: null,
      notice: undefined,
    });
  };

  const api: App = {
    store,
    frame(realMs) {
      const s = store.getState();
      if (!s.paused && s.speed > 0) s.live.tick(Math.min(realMs, MAX_FRAME) * s.speed);
      if (stale()) syncAfterPaint();
    },
    settleNow() {
      store.getState().live.settle();
      sync();
      scheduleSave(AFTER_PAINT, true);
    },
    loseCluster() {
      if (!store.getState().live.loseCluster()) return;
      sync();
      scheduleSave(AFTER_PAINT, true);
    },
    setSpeed(speed) {
      store.setState({ speed, paused: false });
      settingsChanged();
    },
    togglePause() {
      store.setState({ paused: !store.getState().paused });
      settingsChanged();
    },
    select(selection) {
      store.setState({ selection });
    },
    setHideServerFields(hideServerFields) {
      store.setState({ hideServerFields });
      settingsChanged();
    },
    setFontSize(fontSize) {
      store.setState({ fontSize });
      settingsChanged();
    },
    setTheme(theme) {
      store.setState({ theme });
      settingsChanged();
    },
    writeFile(path, text) {
      const result = store.getState().live.writeFile(path, text);
      if (result.ok) {
        sync();
        scheduleSave(AFTER_PAINT, true);
      }
      return result;
    },
    removeFile(path) {
      const result = store.getState().live.removeFile(path);
      if (result.ok) {
        sync();
        scheduleSave(AFTER_PAINT, true);
      }
      return result;
    },
    async reset(seed) {
      if (api.tutorial?.store.getState().lesson) return api.tutorial.resetLesson();
      const old = store.getState().live;
      use(new LiveSession({ seed: seed ?? old.session.world.seed }));
      await save();
    },
    async switchTo(live, next) {
      await save();
      storage = next;
      use(live);
      await save();
    },
    save,
    saveNow() {
      storage.writeNow?.(snapshot());
    },
    dispose() {
      unsubscribe();
      if (saveTimer !== undefined) clearTimeout(saveTimer);
    },
  };
  return api;
}

/** The entry a selection points at. */
export function selectedEntry(state: AppState): TimelineEntry | undefined {
  const sel = state.selection;
  if (!sel) return undefined;
  return state.live.timeline.entries.find((e) => e.id === sel.entry);
}

/** The world the cluster view shows: the selected moment's, or now's. */
export function shownWorld(state: AppState): { world: World; past: boolean } {
  const entry = selectedEntry(state);
  const sel = state.selection;
  if (!entry || !sel) return { world: state.live.session.world, past: false };
  const follow = sel.followUp === null ? undefined : entry.followUps[sel.followUp];
  return { world: follow?.world ?? entry.worldAfter, past: true };
}
