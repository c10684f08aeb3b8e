// The timeline: one entry per command that changed the cluster, with what the controllers did
// because of it grouped underneath. It holds only what the system of record knows of a change
// (time, object, diff, field manager); who typed it and why are not in the cluster.
import type { Change } from '../engine/k8s/store';
import { keyOf } from '../engine/k8s/store';
import type { Kind, KubeObject } from '../engine/k8s/types';
import type { World } from '../engine/world';
import type { DriverRecord } from './driver';

/** Field managers of the cluster's own components: their writes follow from someone else's. */
export const CONTROLLER_MANAGERS: ReadonlySet<string> = new Set([
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'cloud-controller-manager',
  'kube-apiserver',
  'bootstrap',
]);

/** Kinds too noisy to list (events describe changes; they are not changes a person made). */
const UNLISTED: ReadonlySet<Kind> = new Set<Kind>(['Event']);

export interface FollowUp {
  time: number;
  changes: Change[];
  /** The world just after these changes, for time travel. */
  world: World;
}

export interface TimelineEntry {
  /** The command's number in this session. */
  id: number;
  /** The command as typed. */
  text: string;
  /** Who typed it, as far as the page knows (the cluster itself does not record it). */
  actor: 'you';
  time: number;
  /** What the command itself wrote, through the API server, under its field manager. */
  changes: Change[];
  /** What the controllers did because of it, in time order. */
  followUps: FollowUp[];
  worldBefore: World;
  worldAfter: World;
  exitCode: number | undefined;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** The world before the running command started, kept until it changes something. */
  pending: { id: number; text: string; time: number; world: World } | undefined;
}

export function emptyTimeline(): Timeline {
  return { entries: [], pending: undefined };
}

export function isDirect(change: Change): boolean {
  return !CONTROLLER_MANAGERS.has(change.manager);
}

function listed(change: Change): boolean {
  return !UNLISTED.has(change.kind);
}

/** Updates the timeline with one driver record (mutates and returns it, for a store to copy). */
export function recordTimeline(t: Timeline, record: DriverRecord, worldBefore?: World): Timeline {
  switch (record.type) {
    case 'output':
      return t;
    case 'start':
      if (worldBefore)
        t.pending = {
          id: record.command,
          text: record.text,
          time: record.time,
          world: worldBefore,
        };
      return t;
    case 'end': {
      const entry = t.entries.find((e) => e.id === record.command);
      if (entry) entry.exitCode = record.exitCode;
      if (t.pending?.id === record.command) t.pending = undefined;
      return t;
    }
    case 'changes':
      return record.command === null
        ? attributeFollowUps(t, record.changes, record.time, record.world)
        : recordCommandChanges(t, record.command, record.changes, record.time, record.world);
    default: {
      const never: never = record;
      return never;
    }
  }
}

function recordCommandChanges(
  t: Timeline,
  id: number,
  changes: Change[],
  time: number,
  world: World,
): Timeline {
  const shown = changes.filter(listed);
  let entry = t.entries.find((e) => e.id === id);
  if (!entry) {
    if (!shown.some(isDirect)) return attributeFollowUps(t, shown, time, world);
    const pending = t.pending?.id === id ? t.pending : undefined;
    entry = {
      id,
      text: pending?.text ?? '',
      actor: 'you',
      time,
      changes: [],
      followUps: [],
      worldBefore: pending?.world ?? world,
      worldAfter: world,
      exitCode: undefined,
    };
    t.entries.push(entry);
  }
  const direct = shown.filter(isDirect);
  const reactions = shown.filter((c) => !isDirect(c));
  entry.changes.push(...direct);
  entry.worldAfter = world;
  if (reactions.length > 0) entry.followUps.push({ time, changes: reactions, world });
  return t;
}

/** Files each controller change under the latest entry that touched it or what owns it. */
function attributeFollowUps(t: Timeline, changes: Change[], time: number, world: World): Timeline {
  const byEntry = new Map<TimelineEntry, Change[]>();
  for (const change of changes) {
    if (!listed(change)) continue;
    const entry = causeOf(t, change);
    if (!entry) continue;
    const list = byEntry.get(entry) ?? [];
    list.push(change);
    byEntry.set(entry, list);
  }
  for (const [entry, list] of byEntry) entry.followUps.push({ time, changes: list, world });
  return t;
}

function causeOf(t: Timeline, change: Change): TimelineEntry | undefined {
  const chain = ancestry(t, change);
  for (let i = t.entries.length - 1; i >= 0; i--) {
    const entry = t.entries[i]!;
    if (touches(entry, chain)) return entry;
  }
  return undefined;
}

/** The change's own key and those of its owners (pod → ReplicaSet → Deployment). */
function ancestry(t: Timeline, change: Change): Set<string> {
  const keys = new Set<string>([objectKey(change.kind, change.namespace, change.name)]);
  const obj = change.after ?? change.before;
  // Endpoints are named after their Service and have no owner reference to it.
  if (change.kind === 'Endpoints') keys.add(objectKey('Service', change.namespace, change.name));
  let current: KubeObject | undefined = obj;
  for (let depth = 0; current && depth < 4; depth++) {
    const owner = current.metadata?.ownerReferences?.find((r) => r.controller);
    if (!owner) break;
    const kind = owner.kind as Kind;
    keys.add(objectKey(kind, change.namespace, owner.name));
    current = findObject(t, kind, change.namespace, owner.name);
  }
  return keys;
}

function findObject(
  t: Timeline,
  kind: Kind,
  namespace: string,
  name: string,
): KubeObject | undefined {
  for (let i = t.entries.length - 1; i >= 0; i--) {
    const entry = t.entries[i]!;
    for (const list of [entry.changes, ...entry.followUps.map((f) => f.changes)]) {
      for (const c of list) {
        if (c.kind === kind && c.namespace === namespace && c.name === name) {
          return c.after ?? c.before;
        }
      }
    }
  }
  return undefined;
}

function touches(entry: TimelineEntry, keys: Set<string>): boolean {
  return entry.changes.some((c) => keys.has(objectKey(c.kind, c.namespace, c.name)));
}

export function objectKey(kind: Kind, namespace: string, name: string): string {
  return `${kind}/${keyOf(namespace, name)}`;
}

/** One object's change over the whole command: first before, last after. */
export interface ObjectChange {
  kind: Kind;
  namespace: string;
  name: string;
  before: KubeObject | undefined;
  after: KubeObject | undefined;
  managers: string[];
}

/** Folds a list of changes into one per object, in the order objects were first touched. */
export function foldChanges(changes: readonly Change[]): ObjectChange[] {
  const byKey = new Map<string, ObjectChange>();
  for (const c of changes) {
    const key = objectKey(c.kind, c.namespace, c.name);
    const seen = byKey.get(key);
    if (seen) {
      seen.after = c.after;
      if (!seen.managers.includes(c.manager)) seen.managers.push(c.manager);
    } else {
      byKey.set(key, {
        kind: c.kind,
        namespace: c.namespace,
        name: c.name,
        before: c.before,
        after: c.after,
        managers: [c.manager],
      });
    }
  }
  return [...byKey.values()];
}
