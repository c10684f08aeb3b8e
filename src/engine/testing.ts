// A chainable driver of the engine for tests: create objects, move the clock, look at the world.
import { create, update, remove } from './k8s/apiserver';
import type { Deployment, Kind, KindMap, Pod } from './k8s/types';
import type { World, WorldOptions } from './world';
import { advance, createWorld, reader, settle, transact } from './world';

export function deployment(
  name: string,
  image: string,
  replicas = 1,
  extra: Partial<NonNullable<Deployment['spec']>> = {},
): Deployment {
  const labels = { app: name };
  return {
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } },
      ...extra,
    },
  };
}

export class TestWorld {
  world: World;
  constructor(options: WorldOptions = {}) {
    this.world = createWorld(options);
  }

  create<K extends Kind>(kind: K, obj: KindMap[K]): this {
    const r = transact(this.world, 'test', (tx) => create(tx, kind, obj));
    if ('ok' in r.result) throw new Error(r.result.message);
    this.world = r.world;
    return this;
  }

  /** Applies `change` to the stored object and writes it back through the API server. */
  edit<K extends Kind>(
    kind: K,
    name: string,
    change: (obj: KindMap[K]) => KindMap[K],
    ns = 'default',
  ): this {
    const r = transact(this.world, 'test', (tx) => {
      const obj = tx.get(kind, ns, name);
      if (!obj) throw new Error(`${kind} ${name} not found`);
      return update(tx, kind, change(JSON.parse(JSON.stringify(obj)) as KindMap[K]));
    });
    if ('ok' in r.result) throw new Error(r.result.message);
    this.world = r.world;
    return this;
  }

  delete(kind: Kind, name: string, ns = 'default'): this {
    this.world = transact(this.world, 'test', (tx) => remove(tx, kind, ns, name)).world;
    return this;
  }

  wait(ms: number): this {
    this.world = advance(this.world, this.world.now + ms).world;
    return this;
  }

  settle(): this {
    this.world = settle(this.world).world;
    return this;
  }

  get<K extends Kind>(kind: K, name: string, ns = 'default'): KindMap[K] | undefined {
    return reader(this.world).get(kind, ns, name);
  }

  list<K extends Kind>(kind: K, ns = 'default'): KindMap[K][] {
    return reader(this.world).list(kind, ns);
  }

  pods(ns = 'default'): Pod[] {
    return this.list('Pod', ns);
  }

  /** `name phase reason` of each pod, for compact assertions. */
  podStates(ns = 'default'): string[] {
    return this.pods(ns).map((p) => {
      const waiting = p.status?.containerStatuses?.[0]?.state?.waiting?.reason;
      const terminating = p.metadata?.deletionTimestamp ? ' Terminating' : '';
      return `${p.metadata?.name} ${waiting ?? p.status?.phase}${terminating}`;
    });
  }
}
