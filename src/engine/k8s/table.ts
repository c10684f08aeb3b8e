// Copy-on-write tables for the world's state. A table maps a group (a namespace, a controller)
// to its entries, and each group is a two-level tree of shards chosen by a hash of the key (a
// shallow hash trie), so that a write copies two small nodes and one leaf rather than every entry
// of the group: tens of thousands of pods and events stay cheap to change, and every earlier
// state stays intact, as plain JSON.

type Leaf<T> = Readonly<Record<string, T>>;
export type Shards<T> = Readonly<Record<string, Readonly<Record<string, Leaf<T>>>>>;
export type Table<T> = Readonly<Record<string, Shards<T>>>;

/** Fan-out of each level: 32 × 32 leaves per group. */
const FANOUT = 32;

/** FNV-1a of the key, as the two shard indexes. */
export function shardOf(key: string): [string, string] {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return [String(h % FANOUT), String(Math.floor(h / FANOUT) % FANOUT)];
}

export function readGroup<T>(shards: Shards<T> | undefined, key: string): T | undefined {
  if (!shards) return undefined;
  const [a, b] = shardOf(key);
  return shards[a]?.[b]?.[key];
}

export function readEntry<T>(table: Table<T>, group: string, key: string): T | undefined {
  return readGroup(table[group], key);
}

export function* groupEntries<T>(shards: Shards<T> | undefined): Iterable<[string, T]> {
  if (!shards) return;
  for (const a in shards) {
    const mid = shards[a] as Record<string, Leaf<T>>;
    for (const b in mid) {
      const leaf = mid[b] as Leaf<T>;
      for (const key in leaf) yield [key, leaf[key] as T];
    }
  }
}

/** Calls `fn` for every entry of a group (faster than iterating a generator on hot paths). */
export function forEachEntry<T>(
  shards: Shards<T> | undefined,
  fn: (key: string, value: T) => void,
): void {
  if (!shards) return;
  for (const a in shards) {
    const mid = shards[a] as Record<string, Leaf<T>>;
    for (const b in mid) {
      const leaf = mid[b] as Leaf<T>;
      for (const key in leaf) fn(key, leaf[key] as T);
    }
  }
}

export function groupKeys<T>(shards: Shards<T> | undefined): string[] {
  const out: string[] = [];
  if (!shards) return out;
  for (const a in shards) {
    const mid = shards[a] as Record<string, Leaf<T>>;
    for (const b in mid) for (const key in mid[b]) out.push(key);
  }
  return out.sort();
}

/** Writes to a table within one transaction, copying each group and shard at most once. */
export class CowTable<T> {
  private readonly root: Record<string, Shards<T>>;
  private readonly copiedGroups = new Set<string>();
  private readonly copiedShards = new Set<string>();

  constructor(base: Table<T>) {
    this.root = { ...base };
  }

  get(group: string, key: string): T | undefined {
    return readGroup(this.root[group], key);
  }

  group(group: string): Shards<T> | undefined {
    return this.root[group];
  }

  groups(): string[] {
    return Object.keys(this.root);
  }

  set(group: string, key: string, value: T | undefined): void {
    const [a, b] = shardOf(key);
    if (value === undefined && this.root[group]?.[a]?.[b]?.[key] === undefined) return;
    if (!this.copiedGroups.has(group)) {
      this.root[group] = { ...this.root[group] };
      this.copiedGroups.add(group);
    }
    const top = this.root[group] as Record<string, Record<string, Record<string, T>>>;
    const midId = `${group}\0${a}`;
    if (!this.copiedShards.has(midId)) {
      top[a] = { ...top[a] };
      this.copiedShards.add(midId);
    }
    const mid = top[a] as Record<string, Record<string, T>>;
    const leafId = `${midId}\0${b}`;
    if (!this.copiedShards.has(leafId)) {
      mid[b] = { ...mid[b] };
      this.copiedShards.add(leafId);
    }
    const leaf = mid[b] as Record<string, T>;
    if (value !== undefined) {
      leaf[key] = value;
      return;
    }
    delete leaf[key];
    // Emptied nodes go, so that a later write starts from a fresh copy.
    if (isEmpty(leaf)) {
      delete mid[b];
      this.copiedShards.delete(leafId);
      if (isEmpty(mid)) {
        delete top[a];
        this.copiedShards.delete(midId);
        if (isEmpty(top)) {
          delete this.root[group];
          this.copiedGroups.delete(group);
        }
      }
    }
  }

  wasWritten(group: string): boolean {
    return this.copiedGroups.has(group);
  }

  result(): Table<T> {
    return this.root;
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
