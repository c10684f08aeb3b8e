// Saving a session across reloads. A world and its timeline share most of their objects (every
// snapshot is a copy-on-write of the one before), so they are written with a serializer that
// keeps shared references shared, into IndexedDB (localStorage is too small for them).
import { parse, stringify } from 'devalue';
import { del, get, set } from 'idb-keyval';
import { initialFiles, LEARNER_HOME } from '../engine/fs/files';
import { DEFAULT_CONTEXT } from '../engine/contexts';
import type { SavedLive } from './live';
import type { ThemeChoice } from './params';

const KEY = 'session';
/** Bumped when the saved shape changes; an older save then starts fresh with a notice. */
export const SAVE_FORMAT = 1;

export interface Settings {
  speed: number;
  paused: boolean;
  hideServerFields: boolean;
  fontSize: number;
  theme: ThemeChoice;
}

export const DEFAULT_SETTINGS: Settings = {
  speed: 1,
  paused: false,
  hideServerFields: true,
  fontSize: 14,
  theme: 'system',
};

/** Text sizes the page offers, up to what a projector at the back of a room needs. */
export const FONT_SIZES = [12, 14, 16, 18, 20, 24, 28, 32, 40] as const;
const MAX_SPEED = 1000;

/** Settings as saved, with anything out of range put back to its default. */
export function sanitizeSettings(s: Partial<Settings>): Settings {
  const d = DEFAULT_SETTINGS;
  const inRange = (v: unknown, lo: number, hi: number): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
  return {
    speed: inRange(s.speed, 0, MAX_SPEED) ? s.speed : d.speed,
    paused: typeof s.paused === 'boolean' ? s.paused : d.paused,
    hideServerFields:
      typeof s.hideServerFields === 'boolean' ? s.hideServerFields : d.hideServerFields,
    fontSize: inRange(s.fontSize, FONT_SIZES[0], FONT_SIZES[FONT_SIZES.length - 1] ?? 40)
      ? s.fontSize
      : d.fontSize,
    theme: s.theme === 'light' || s.theme === 'dark' ? s.theme : d.theme,
  };
}

export interface Saved {
  format: number;
  /** When it was written (the browser's clock): of two copies, the later one wins. */
  savedAt: number;
  live: SavedLive;
  settings: Settings;
}

export class CorruptSave extends Error {
  constructor(reason: string) {
    super(`The saved session could not be read: ${reason}`);
    this.name = 'CorruptSave';
  }
}

export function encode(saved: Saved): string {
  return stringify(saved);
}

/** Reads a saved session back; throws CorruptSave for anything that is not one. */
export function decode(text: unknown): Saved {
  if (typeof text !== 'string') throw new CorruptSave('not a saved session');
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    throw new CorruptSave('it is not in the format this page writes');
  }
  return check(value);
}

function check(value: unknown): Saved {
  const v = value as Partial<Saved> | null;
  if (!v || typeof v !== 'object') throw new CorruptSave('not a saved session');
  if (v.format !== SAVE_FORMAT) throw new CorruptSave(`unknown format ${String(v.format)}`);
  const live = v.live;
  const session = live?.session;
  const world = session?.world;
  if (
    !live ||
    !session ||
    !world ||
    typeof world.now !== 'number' ||
    typeof world.seed !== 'number' ||
    typeof world.rng !== 'number' ||
    typeof world.cluster?.objects !== 'object' ||
    !Array.isArray(session.history) ||
    !session.history.every((h) => typeof h === 'string') ||
    typeof session.env !== 'object' ||
    !Array.isArray(live.timeline?.entries) ||
    typeof live.transcript !== 'string' ||
    typeof live.nextId !== 'number'
  ) {
    throw new CorruptSave('parts of the session are missing');
  }
  if (!v.settings || typeof v.settings !== 'object') throw new CorruptSave('settings are missing');
  // Saved before the world had files: it starts with an empty home directory.
  if (typeof world.files !== 'object' || world.files === null) {
    session.world = { ...world, files: initialFiles(LEARNER_HOME, world.now) };
  }
  // Saved before the world had contexts: its one cluster is the default context's.
  if (!Array.isArray(session.world.contexts)) {
    session.world = {
      ...session.world,
      contexts: [DEFAULT_CONTEXT],
      context: DEFAULT_CONTEXT.name,
      parked: {},
    };
  }
  // Saved before the world had a Git host: it has no repositories.
  if (typeof session.world.hosts !== 'object' || session.world.hosts === null) {
    session.world = { ...session.world, hosts: {} };
  }
  return {
    ...(v as Saved),
    savedAt: Number(v.savedAt) || 0,
    settings: sanitizeSettings(v.settings),
  };
}

export interface Storage {
  read(): Promise<unknown>;
  write(text: string): Promise<void>;
  /**
   * A copy written at once, for a page being closed or reloaded: an IndexedDB write started
   * then may never finish. Best effort (it may not fit).
   */
  writeNow?(text: string): void;
  /** That copy, if any. */
  readNow?(): unknown;
  clear(): Promise<void>;
}

/**
 * The IndexedDB record a world is saved in: `session` for the sandbox, `lesson:<id>` for each
 * lesson (each lesson keeps its own world).
 */
export function idbStorage(key: string): Storage {
  const unloadKey =
    key === KEY ? 'gitops-explained:session-on-unload' : `gitops-explained:${key}-on-unload`;
  return {
    read: () => get(key),
    write: (text) => set(key, text),
    writeNow(text) {
      try {
        localStorage.setItem(unloadKey, text);
      } catch {
        // Over the quota: the last IndexedDB save stands.
      }
    },
    readNow: () => localStorage.getItem(unloadKey) ?? undefined,
    clear: async () => {
      localStorage.removeItem(unloadKey);
      await del(key);
    },
  };
}

/** The sandbox's world. */
export const indexedDbStorage: Storage = idbStorage(KEY);

/** Where the world of `place` (a lesson id, or `sandbox`) is kept. */
export function storageFor(place: string): Storage {
  return place === 'sandbox' ? indexedDbStorage : idbStorage(`lesson:${place}`);
}

/**
 * undefined when nothing was saved; throws CorruptSave when what was saved cannot be used.
 * Of the saved session and the copy written on unload, the later one is used.
 */
export async function load(storage: Storage = indexedDbStorage): Promise<Saved | undefined> {
  const text = await storage.read();
  const saved = text === undefined ? undefined : decode(text);
  let copy: Saved | undefined;
  try {
    const t = storage.readNow?.();
    copy = t === undefined || t === null ? undefined : decode(t);
  } catch {
    copy = undefined;
  }
  if (copy && (!saved || copy.savedAt > saved.savedAt)) return copy;
  return saved;
}
