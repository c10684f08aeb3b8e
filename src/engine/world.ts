// The world: everything the simulation knows, as plain data, and the only entry point that
// changes it. Time moves only when `advance` is called; randomness comes from the seeded state.
import { initialFiles, LEARNER_HOME, type Files } from './fs/files';
import { bootstrapCluster, type ClusterOptions } from './k8s/bootstrap';
import { controllers } from './k8s/controllers';
import type { Change, ClusterState } from './k8s/store';
import { nextTimer, readerOf, Tx } from './k8s/store';
import type { ObjectReader } from './k8s/types';
import { hostSource } from './git/host';
import type { GitSource } from './git/source';
import { seedState } from './rng';
import { DEFAULT_CONTEXT, type KubeContext } from './contexts';

export { DEFAULT_CONTEXT, type KubeContext } from './contexts';
import { CLUSTER_CREATED, MINUTE, SECOND, WORLD_START } from './time';

export interface World {
  readonly seed: number;
  /** The seeded generator's state. */
  readonly rng: number;
  /** Simulated time, ms since the Unix epoch. */
  readonly now: number;
  readonly cluster: ClusterState;
  /** The learner's files (the shell's workspace). */
  readonly files: Files;
  /**
   * The Git hosting service's repositories (bare, `/<host>/<path>.git`), shared by every
   * person and cluster in the world.
   */
  readonly hosts: Files;
  /** The kubeconfig's contexts; `cluster` above is the current context's cluster. */
  readonly contexts: readonly KubeContext[];
  /** The current context's name. */
  readonly context: string;
  /** The clusters of the other contexts, by cluster name: they run on while not looked at. */
  readonly parked: Readonly<Record<string, ClusterState>>;
}

export type WorldOptions = {
  seed?: number;
  /** Contexts, each with its own cluster of the same name (the first is current). */
  contexts?: readonly string[];
} & ClusterOptions;

function contextsFor(names: readonly string[] | undefined): KubeContext[] {
  if (!names || names.length === 0) return [DEFAULT_CONTEXT];
  return names.map((name) => ({ name, cluster: name, user: `${name}-admin` }));
}

export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? 1;
  const contexts = contextsFor(options.contexts);
  let world: World = {
    seed,
    rng: seedState(seed),
    now: CLUSTER_CREATED,
    cluster: bootstrapCluster.empty(),
    files: initialFiles(LEARNER_HOME, CLUSTER_CREATED),
    hosts: {},
    contexts,
    context: (contexts[0] as KubeContext).name,
    parked: {},
  };
  // Each context's cluster is set up in turn; the first ends up current.
  for (let i = contexts.length - 1; i >= 0; i--) {
    const ctx = contexts[i] as KubeContext;
    if (i < contexts.length - 1) {
      const previous = contexts[i + 1] as KubeContext;
      world = {
        ...world,
        parked: { ...world.parked, [previous.cluster]: world.cluster },
        cluster: bootstrapCluster.empty(),
        context: ctx.name,
      };
    }
    world = transact(world, 'bootstrap', (tx) => bootstrapCluster(tx, options)).world;
    world = settle(world).world;
  }
  // The system pods came up long before anyone typed a command, and their events have expired.
  return advance(world, WORLD_START).world;
}

/** The current context's record. */
export function currentContext(world: World): KubeContext {
  return world.contexts.find((c) => c.name === world.context) ?? DEFAULT_CONTEXT;
}

/** Makes `name` the current context: its cluster becomes the one commands talk to. */
export function useContext(world: World, name: string): World | undefined {
  const target = world.contexts.find((c) => c.name === name);
  if (!target) return undefined;
  const current = currentContext(world);
  if (target.cluster === current.cluster) return { ...world, context: name };
  const parked = { ...world.parked, [current.cluster]: world.cluster };
  const cluster = parked[target.cluster];
  if (!cluster) return undefined;
  delete parked[target.cluster];
  return { ...world, cluster, parked, context: name };
}

/**
 * The current cluster is gone (a region lost, a cluster deleted) and a new, empty one with the
 * same name takes its place: nothing of the old one's objects or history survives.
 */
export function replaceCluster(world: World, options: ClusterOptions = {}): World {
  let w: World = { ...world, cluster: bootstrapCluster.empty() };
  w = transact(w, 'bootstrap', (tx) => bootstrapCluster(tx, options)).world;
  return settle(w, { quiet: 60 * SECOND }).world;
}

export interface TxResult<T> {
  world: World;
  result: T;
  changes: Change[];
}

/**
 * Runs `fn` in a transaction at the current time, then lets the controllers react until quiet.
 * When `fn` returns a value with `ok: false` nothing is kept: a mistake changes nothing.
 */
export function transact<T>(world: World, manager: string, fn: (tx: Tx) => T): TxResult<T> {
  const tx = new Tx(world.cluster, world.rng, world.now, controllers, manager, gitSource(world));
  const result = fn(tx);
  if (isFailure(result)) return { world, result, changes: [] };
  tx.settleInstant();
  const { cluster, rngState } = tx.commit();
  return { world: { ...world, cluster, rng: rngState }, result, changes: tx.changes };
}

function isFailure(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** What the controllers read from the Git host: the world's repositories as they are now. */
export function gitSource(world: World): GitSource {
  return hostSource(world.hosts);
}

export function reader(world: World): ObjectReader {
  return readerOf(world.cluster);
}

/** When the next thing is due to happen by itself, or undefined when the world is still. */
export function nextEventTime(world: World): number | undefined {
  let next = nextTimer(world.cluster);
  for (const cluster of Object.values(world.parked)) {
    const t = nextTimer(cluster);
    if (t !== undefined && (next === undefined || t < next)) next = t;
  }
  return next;
}

/** Moves the clock to `to`, running every timer that falls due on the way, in order. */
export function advance(world: World, to: number): { world: World; changes: Change[] } {
  const changes: Change[] = [];
  let w = world;
  for (;;) {
    const due = nextTimer(w.cluster);
    if (due === undefined || due > to) break;
    const at = Math.max(due, w.now);
    const tx = new Tx(w.cluster, w.rng, at, controllers, 'kube-controller-manager', gitSource(w));
    tx.settleInstant();
    const { cluster, rngState } = tx.commit();
    w = { ...w, cluster, rng: rngState, now: at };
    changes.push(...tx.changes);
  }
  if (to > w.now) w = { ...w, now: to };
  // The other contexts' clusters run on too; what they do is not this cluster's change.
  const names = Object.keys(w.parked).sort();
  if (names.length > 0) {
    const parked = { ...w.parked };
    let rng = w.rng;
    for (const name of names) {
      let cluster = parked[name] as ClusterState;
      for (;;) {
        const due = nextTimer(cluster);
        if (due === undefined || due > to) break;
        const tx = new Tx(cluster, rng, due, controllers, 'kube-controller-manager', gitSource(w));
        tx.settleInstant();
        const committed = tx.commit();
        cluster = committed.cluster;
        rng = committed.rngState;
      }
      parked[name] = cluster;
    }
    w = { ...w, parked, rng };
  }
  return { world: w, changes };
}

export interface SettleOptions {
  /** The world is settled once nothing has changed for this long (60 simulated seconds). */
  quiet?: number;
  /** Stop after this long whatever happens (10 simulated minutes): back-offs never end. */
  limit?: number;
}

/**
 * Advances to the next quiet state: until no object has changed for `quiet`, or `limit` passed.
 * Ends at the last change (plus nothing), so that settling a still world does not move its clock.
 */
export function settle(
  world: World,
  options: SettleOptions = {},
): { world: World; changes: Change[] } {
  const quiet = options.quiet ?? 60 * SECOND;
  const limit = world.now + (options.limit ?? 10 * MINUTE);
  const changes: Change[] = [];
  let w = world;
  let lastChange = world.now;
  for (;;) {
    const due = nextTimer(w.cluster);
    if (due === undefined || due > limit || due > lastChange + quiet) break;
    const step = advance(w, due);
    w = step.world;
    if (step.changes.length > 0) {
      lastChange = w.now;
      changes.push(...step.changes);
    }
  }
  return { world: w, changes };
}
