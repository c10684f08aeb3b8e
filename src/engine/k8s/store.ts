// The cluster's state as plain, immutable data, and the transaction that changes it.
//
// Objects live in copy-on-write tables (kind → namespace → shard → name; cluster-scoped kinds use
// the namespace ''). A transaction copies only the shards it writes, so a committed state costs
// little more than what changed, and every earlier state stays valid for the timeline and for
// time travel.
import type { GitSource } from '../git/source';
import { NO_GIT } from '../git/source';
import type { Rng } from '../rng';
import { createRng } from '../rng';
import type { Shards, Table } from './table';
import { CowTable, forEachEntry, groupEntries, groupKeys, readEntry, readGroup } from './table';
import type { Kind, KindMap, KubeObject, ObjectReader } from './types';
import { ALL_KINDS, KINDS } from './types';

export type { Table } from './table';

export type ObjectStore = { readonly [K in Kind]: Table<KindMap[K]> };

export interface ClusterState {
  readonly objects: ObjectStore;
  /** The last resourceVersion handed out. */
  readonly resourceVersion: number;
  /** controller → `namespace/name` → when it wants to be woken (ms). */
  readonly timers: Table<number>;
  /** Controller bookkeeping that is not an API object (the kubelet's back-off, IP allocations). */
  readonly runtime: Table<unknown>;
}

export function emptyCluster(): ClusterState {
  const objects = {} as Record<Kind, Table<KubeObject>>;
  for (const kind of ALL_KINDS) objects[kind] = {};
  return { objects: objects as ObjectStore, resourceVersion: 0, timers: {}, runtime: {} };
}

/** What a change looks like to controllers and to the timeline. */
export interface Change {
  kind: Kind;
  namespace: string;
  name: string;
  before: KubeObject | undefined;
  after: KubeObject | undefined;
  /** The field manager (kubectl-scale, kube-controller-manager …) that made it. */
  manager: string;
}

export interface Controller {
  readonly name: string;
  /** The field manager its writes are recorded under. */
  readonly manager: string;
  /** For a changed object, the keys (`namespace/name`) of this controller's work it affects. */
  readonly watches: Partial<{
    [K in Kind]: (
      tx: Tx,
      after: KindMap[K] | undefined,
      before: KindMap[K] | undefined,
    ) => Iterable<string>;
  }>;
  reconcile(tx: Tx, namespace: string, name: string): void;
}

export function nsOf(obj: KubeObject): string {
  return obj.metadata?.namespace ?? '';
}

export function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/**
 * What an object points at, for the reference index: its owners (for the garbage collector and
 * the controllers), or for an Event the object it is about.
 */
function refsOf(obj: KubeObject): string[] {
  if (obj.kind === 'Event') {
    const uid = (obj as KindMap['Event']).involvedObject?.uid;
    return uid ? [uid] : [];
  }
  return (obj.metadata?.ownerReferences ?? []).map((r) => r.uid);
}

/** referenced uid → the names of the objects that refer to it (in one group, ''). */
type RefIndex = Table<Readonly<Record<string, true>>>;

// The reference index is derived data: it lives beside the state, keyed by the namespace's
// shards object it describes, and is carried forward by each transaction that writes there.
const refIndexCache = new WeakMap<object, RefIndex>();

function buildRefIndex(shards: Shards<KubeObject> | undefined): RefIndex {
  const byUid = new Map<string, Record<string, true>>();
  forEachEntry(shards, (name, obj) => {
    for (const uid of refsOf(obj)) {
      let names = byUid.get(uid);
      if (!names) byUid.set(uid, (names = {}));
      names[name] = true;
    }
  });
  const index = new CowTable<Readonly<Record<string, true>>>({});
  for (const [uid, names] of byUid) index.set('', uid, names);
  return index.result();
}

// The earliest timer of each controller's group, remembered per (immutable) group object.
const minTimerCache = new WeakMap<object, number>();

function minTimer(shards: Shards<number> | undefined): number | undefined {
  if (!shards) return undefined;
  const cached = minTimerCache.get(shards);
  if (cached !== undefined) return cached;
  let min = Infinity;
  forEachEntry(shards, (_key, at) => {
    if (at < min) min = at;
  });
  minTimerCache.set(shards, min);
  return min === Infinity ? undefined : min;
}

/** The reconcile loop stops after this many work items at one instant, and says so. */
export const MAX_WORK_PER_INSTANT = 200_000;

/** Wake-ups fall on 100 ms ticks so that thousands of pods share a few instants. */
export const TICK = 100;

export class Tx implements ObjectReader {
  readonly rng: Rng;
  readonly changes: Change[] = [];
  /** Set when the work queue hit its cap: the world did not become quiet. */
  capped = false;
  manager: string;

  private readonly objects: Record<Kind, CowTable<KubeObject>>;
  private readonly refIndexes = new Map<string, CowTable<Readonly<Record<string, true>>>>();
  private readonly timers: CowTable<number>;
  private readonly runtime: CowTable<unknown>;
  private resourceVersion: number;
  private queue: [Controller, string][] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private readonly byName: Map<string, Controller>;

  constructor(
    base: ClusterState,
    rngState: number,
    readonly now: number,
    private readonly controllers: readonly Controller[],
    manager: string,
    /** What the controllers can read from the Git host (the GitOps controller's source). */
    readonly git: GitSource = NO_GIT,
  ) {
    this.rng = createRng(rngState);
    this.objects = {} as Record<Kind, CowTable<KubeObject>>;
    for (const kind of ALL_KINDS) this.objects[kind] = new CowTable<KubeObject>(base.objects[kind]);
    this.timers = new CowTable(base.timers);
    this.runtime = new CowTable(base.runtime);
    this.resourceVersion = base.resourceVersion;
    this.manager = manager;
    this.byName = new Map(controllers.map((c) => [c.name, c]));
  }

  // ---- reading -----------------------------------------------------------------------------

  get<K extends Kind>(
    kind: K,
    namespace: string | undefined,
    name: string,
  ): KindMap[K] | undefined {
    const ns = KINDS[kind].namespaced ? (namespace ?? '') : '';
    return this.objects[kind].get(ns, name) as KindMap[K] | undefined;
  }

  list<K extends Kind>(kind: K, namespace?: string): KindMap[K][] {
    const table = this.objects[kind];
    const namespaces =
      KINDS[kind].namespaced && namespace !== undefined ? [namespace] : table.groups().sort();
    const out: KindMap[K][] = [];
    for (const ns of namespaces) {
      const shards = table.group(ns);
      for (const name of groupKeys(shards)) out.push(readGroup(shards, name) as KindMap[K]);
    }
    return out;
  }

  /** The objects of `kind` in `namespace` that refer to `uid` (owned by it; for Events: about it). */
  ownedBy<K extends Kind>(kind: K, namespace: string, uid: string): KindMap[K][] {
    const names = this.refNames(kind, namespace, uid);
    const out: KindMap[K][] = [];
    for (const name of names) {
      const obj = this.objects[kind].get(namespace, name);
      if (obj) out.push(obj as KindMap[K]);
    }
    return out;
  }

  namespaces(kind: Kind): string[] {
    return this.objects[kind].groups().sort();
  }

  // ---- writing -----------------------------------------------------------------------------

  nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  /** Stores an object as given, with a fresh resourceVersion, and wakes the controllers watching it. */
  put<K extends Kind>(kind: K, obj: KindMap[K]): KindMap[K] {
    const name = obj.metadata?.name ?? '';
    const ns = KINDS[kind].namespaced ? nsOf(obj) : '';
    const before = this.objects[kind].get(ns, name) as KindMap[K] | undefined;
    const stored = {
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: this.nextResourceVersion() },
    } as KindMap[K];
    this.updateRefs(kind, ns, name, before, stored);
    this.objects[kind].set(ns, name, stored);
    this.changed(kind, ns, name, before, stored);
    return stored;
  }

  /** Removes an object from storage (after any graceful deletion has run its course). */
  remove(kind: Kind, namespace: string, name: string): void {
    const ns = KINDS[kind].namespaced ? namespace : '';
    const before = this.objects[kind].get(ns, name);
    if (!before) return;
    this.updateRefs(kind, ns, name, before, undefined);
    this.objects[kind].set(ns, name, undefined);
    this.changed(kind, ns, name, before, undefined);
  }

  /** Asks for `controller` to reconcile `namespace/name` at `at` (the earliest request wins). */
  wakeAt(controller: string, namespace: string, name: string, at: number): void {
    const tick = Math.ceil(at / TICK) * TICK;
    if (tick <= this.now) {
      this.enqueue(controller, namespace, name);
      return;
    }
    const key = keyOf(namespace, name);
    const current = this.timers.get(controller, key);
    if (current !== undefined && current <= tick) return;
    this.timers.set(controller, key, tick);
  }

  cancelWake(controller: string, namespace: string, name: string): void {
    this.timers.set(controller, keyOf(namespace, name), undefined);
  }

  getRuntime<T>(table: string, key: string): T | undefined {
    return this.runtime.get(table, key) as T | undefined;
  }

  runtimeEntries<T>(table: string): [string, T][] {
    return [...groupEntries(this.runtime.group(table))] as [string, T][];
  }

  setRuntime(table: string, key: string, value: unknown): void {
    this.runtime.set(table, key, value);
  }

  enqueue(controllerName: string, namespace: string, name: string): void {
    const c = this.byName.get(controllerName);
    if (c) this.push(c, keyOf(namespace, name));
  }

  // ---- running controllers -----------------------------------------------------------------

  /** Fires the timers due at or before `now`, then runs controllers until nothing is left to do. */
  settleInstant(): void {
    for (const c of this.controllers) {
      const group = this.timers.group(c.name);
      if ((minTimer(group) ?? Infinity) > this.now) continue;
      const due: string[] = [];
      forEachEntry(group, (key, at) => {
        if (at <= this.now) due.push(key);
      });
      for (const key of due.sort()) {
        this.timers.set(c.name, key, undefined);
        this.push(c, key);
      }
    }
    let work = 0;
    const manager = this.manager;
    while (this.head < this.queue.length) {
      if (++work > MAX_WORK_PER_INSTANT) {
        this.capped = true;
        break;
      }
      const [c, key] = this.queue[this.head++]!;
      this.queued.delete(`${c.name}\0${key}`);
      const [ns, name] = splitKey(key);
      this.manager = c.manager;
      c.reconcile(this, ns, name);
    }
    this.manager = manager;
    this.queue = [];
    this.head = 0;
    this.queued.clear();
  }

  commit(): { cluster: ClusterState; rngState: number } {
    const objects = {} as Record<Kind, Table<KubeObject>>;
    for (const kind of ALL_KINDS) objects[kind] = this.objects[kind].result();
    for (const [id, index] of this.refIndexes) {
      const [kind, ns] = id.split('\0') as [Kind, string];
      const shards = objects[kind][ns];
      if (shards) refIndexCache.set(shards, index.result());
    }
    return {
      cluster: {
        objects: objects as ObjectStore,
        resourceVersion: this.resourceVersion,
        timers: this.timers.result(),
        runtime: this.runtime.result(),
      },
      rngState: this.rng.state,
    };
  }

  // ---- internals ---------------------------------------------------------------------------

  private refNames(kind: Kind, ns: string, uid: string): string[] {
    return Object.keys(this.refIndex(kind, ns).get('', uid) ?? {}).sort();
  }

  /** The reference index of a namespace, as of now in this transaction. */
  private refIndex(kind: Kind, ns: string): CowTable<Readonly<Record<string, true>>> {
    const id = `${kind}\0${ns}`;
    let index = this.refIndexes.get(id);
    if (index) return index;
    const shards = this.objects[kind].group(ns);
    let base = shards ? refIndexCache.get(shards) : undefined;
    if (!base) {
      base = buildRefIndex(shards);
      if (shards && !this.objects[kind].wasWritten(ns)) refIndexCache.set(shards, base);
    }
    index = new CowTable(base);
    this.refIndexes.set(id, index);
    return index;
  }

  private updateRefs(
    kind: Kind,
    ns: string,
    name: string,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ) {
    const old = before ? refsOf(before) : [];
    const now = after ? refsOf(after) : [];
    if (old.length === 0 && now.length === 0) {
      // Nothing to index; but keep an index of this namespace, if one exists, in step.
      if (!this.refIndexes.has(`${kind}\0${ns}`)) this.carryIndex(kind, ns);
      return;
    }
    const index = this.refIndex(kind, ns);
    for (const uid of old) {
      if (now.includes(uid)) continue;
      const names = { ...index.get('', uid) };
      delete names[name];
      index.set('', uid, Object.keys(names).length ? names : undefined);
    }
    for (const uid of now) {
      const names = index.get('', uid);
      if (!names?.[name]) index.set('', uid, { ...names, [name]: true });
    }
  }

  /** Before the first write to a namespace, adopt its cached index so the next state has one. */
  private carryIndex(kind: Kind, ns: string) {
    const shards = this.objects[kind].group(ns);
    const cached = shards ? refIndexCache.get(shards) : undefined;
    if (cached) this.refIndexes.set(`${kind}\0${ns}`, new CowTable(cached));
  }

  private changed(
    kind: Kind,
    ns: string,
    name: string,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ) {
    this.changes.push({ kind, namespace: ns, name, before, after, manager: this.manager });
    for (const c of this.controllers) {
      const watch = c.watches[kind] as
        | ((tx: Tx, a: KubeObject | undefined, b: KubeObject | undefined) => Iterable<string>)
        | undefined;
      if (!watch) continue;
      for (const key of watch(this, after, before)) this.push(c, key);
    }
  }

  private push(c: Controller, key: string) {
    const id = `${c.name}\0${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push([c, key]);
  }
}

// A group's entries in key order, remembered per (immutable) group object: listing a namespace
// of ten thousand pods again costs a copy, not a sort.
const sortedGroupCache = new WeakMap<object, readonly unknown[]>();

function sortedGroup<T>(shards: Shards<T> | undefined): readonly T[] {
  if (!shards) return [];
  const cached = sortedGroupCache.get(shards);
  if (cached) return cached as readonly T[];
  const entries: [string, T][] = [];
  forEachEntry(shards, (key, value) => entries.push([key, value]));
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const values = entries.map((e) => e[1]);
  sortedGroupCache.set(shards, values);
  return values;
}

function listTable<T>(table: Table<T>, namespace: string | undefined): T[] {
  const out: T[] = [];
  const namespaces = namespace === undefined ? Object.keys(table).sort() : [namespace];
  for (const ns of namespaces) for (const v of sortedGroup(table[ns])) out.push(v);
  return out;
}

/** A read-only view of a committed cluster state. */
export function readerOf(cluster: ClusterState): ObjectReader {
  return {
    get(kind, namespace, name) {
      const ns = KINDS[kind].namespaced ? (namespace ?? '') : '';
      return readEntry(cluster.objects[kind], ns, name) as never;
    },
    list(kind, namespace) {
      return listTable(
        cluster.objects[kind],
        KINDS[kind].namespaced ? namespace : undefined,
      ) as never;
    },
  };
}

/** Controller bookkeeping of a committed state (what the kubelet knows of a pod, say). */
export function runtimeOf<T>(cluster: ClusterState, table: string, key: string): T | undefined {
  return readEntry(cluster.runtime, table, key) as T | undefined;
}

/** The earliest timer of any controller, or undefined when nothing is scheduled. */
export function nextTimer(cluster: ClusterState): number | undefined {
  let min: number | undefined;
  for (const controller in cluster.timers) {
    const m = minTimer(cluster.timers[controller]);
    if (m !== undefined && (min === undefined || m < min)) min = m;
  }
  return min;
}
