// The timeline: one entry per command that changed the cluster, with what the controllers did
// because of it grouped underneath. It holds only what the system of record knows of a change
// (time, object, diff, field manager); who typed it and why are not in the cluster.
import type { Application } from '../engine/argocd/types';
import type { Push } from '../engine/git/pushes';
import type { Change } from '../engine/k8s/store';
import { keyOf, readerOf } from '../engine/k8s/store';
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
  // The GitOps controller applies what Git says; its writes follow from a commit (or undo drift).
  'argocd-controller',
]);

/** The label Argo CD marks the objects of an application with (its default tracking method). */
const INSTANCE_LABEL = 'app.kubernetes.io/instance';

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
  /** Who ran it, as far as the page knows (the cluster itself does not record it). */
  actor: string;
  /** For a command that pushed to the Git host: what it pushed (Git records who and why). */
  git?: { pushes: Push[] };
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
  pending: { id: number; text: string; time: number; world: World; actor?: string } | undefined;
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
    case 'actor':
      t.pending = {
        id: record.command,
        text: record.text,
        time: record.time,
        world: record.world,
        actor: record.actor,
      };
      return t;
    case 'git':
      return recordPushes(t, record.command, record.pushes, record.time, record.world);
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

function recordPushes(
  t: Timeline,
  id: number | null,
  pushes: Push[],
  time: number,
  world: World,
): Timeline {
  let entry = id === null ? undefined : t.entries.find((e) => e.id === id);
  if (!entry) {
    const pending = id !== null && t.pending?.id === id ? t.pending : undefined;
    const author = pushes[0]?.commits[0]?.author.name;
    entry = {
      id: id ?? -1,
      text: pending?.text ?? 'git push',
      actor: pending?.actor ?? (id === null ? (author ?? 'someone') : 'you'),
      time,
      changes: [],
      followUps: [],
      worldBefore: pending?.world ?? world,
      worldAfter: world,
      exitCode: undefined,
    };
    t.entries.push(entry);
  }
  entry.git = { pushes: [...(entry.git?.pushes ?? []), ...pushes] };
  entry.worldAfter = world;
  return t;
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
      actor: pending?.actor ?? 'you',
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
    const entry = causeOf(t, change, world);
    if (!entry) continue;
    const list = byEntry.get(entry) ?? [];
    list.push(change);
    byEntry.set(entry, list);
  }
  for (const [entry, list] of byEntry) entry.followUps.push({ time, changes: list, world });
  return t;
}

function causeOf(t: Timeline, change: Change, world: World): TimelineEntry | undefined {
  const chain = ancestry(t, change);
  let touched = -1;
  for (let i = t.entries.length - 1; i >= 0; i--) {
    if (touches(t.entries[i]!, chain)) {
      touched = i;
      break;
    }
  }
  // The GitOps controller's writes follow from the commit it synced, unless they undo a later
  // change to the object (self-heal), which then is where they belong.
  if (change.manager === 'argocd-controller') {
    const fromGit = commitEntry(t, change, world);
    if (fromGit > touched) return t.entries[fromGit];
  }
  return touched >= 0 ? t.entries[touched] : undefined;
}

/** The latest entry that pushed the revision the object's application last synced. */
function commitEntry(t: Timeline, change: Change, world: World): number {
  const obj = change.after ?? change.before;
  const app = obj?.metadata?.labels?.[INSTANCE_LABEL];
  if (!app) return -1;
  const apps = world.cluster.objects as unknown as Record<string, unknown>;
  if (!('Application' in apps)) return -1;
  const application = readerOf(world.cluster).get('Application' as Kind, 'argocd', app) as
    Application | undefined;
  const revision =
    application?.status?.operationState?.syncResult?.revision ??
    application?.status?.sync?.revision;
  if (!revision) return -1;
  for (let i = t.entries.length - 1; i >= 0; i--) {
    const pushes = t.entries[i]!.git?.pushes ?? [];
    if (pushes.some((p) => p.after === revision || p.commits.some((c) => c.sha === revision)))
      return i;
  }
  return -1;
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
  const hit = (c: Change) => keys.has(objectKey(c.kind, c.namespace, c.name));
  if (entry.changes.some(hit)) return true;
  // What a sync created belongs to the push that caused it, and so does what follows from it.
  return entry.git !== undefined && entry.followUps.some((f) => f.changes.some(hit));
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
