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
}

export type WorldOptions = { seed?: number } & ClusterOptions;

export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? 1;
  const empty: World = {
    seed,
    rng: seedState(seed),
    now: CLUSTER_CREATED,
    cluster: bootstrapCluster.empty(),
    files: initialFiles(LEARNER_HOME, CLUSTER_CREATED),
    hosts: {},
  };
  const { world } = transact(empty, 'bootstrap', (tx) => bootstrapCluster(tx, options));
  // The system pods came up long before anyone typed a command, and their events have expired.
  return advance(settle(world).world, WORLD_START).world;
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
  return nextTimer(world.cluster);
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
