// Saving a session across reloads. A world and its timeline share most of their objects (every
// snapshot is a copy-on-write of the one before), so they are written with a serializer that
// keeps shared references shared, into IndexedDB (localStorage is too small for them).
import { parse, stringify } from 'devalue';
import { del, get, set } from 'idb-keyval';
import type { SavedLive } from './live';

const KEY = 'session';
/** Bumped when the saved shape changes; an older save then starts fresh with a notice. */
export const SAVE_FORMAT = 1;

export interface Settings {
  speed: number;
  paused: boolean;
  hideServerFields: boolean;
  fontSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  speed: 1,
  paused: false,
  hideServerFields: true,
  fontSize: 14,
};

export interface Saved {
  format: number;
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
  } catch (e) {
    throw new CorruptSave(e instanceof Error ? e.message : String(e));
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
  const s = v.settings;
  if (!s || typeof s.speed !== 'number' || typeof s.fontSize !== 'number') {
    throw new CorruptSave('settings are missing');
  }
  return v as Saved;
}

export interface Storage {
  read(): Promise<unknown>;
  write(text: string): Promise<void>;
  clear(): Promise<void>;
}

export const indexedDbStorage: Storage = {
  read: () => get(KEY),
  write: (text) => set(KEY, text),
  clear: () => del(KEY),
};

/** undefined when nothing was saved; throws CorruptSave when what was saved cannot be used. */
export async function load(storage: Storage = indexedDbStorage): Promise<Saved | undefined> {
  const text = await storage.read();
  if (text === undefined) return undefined;
  return decode(text);
}
