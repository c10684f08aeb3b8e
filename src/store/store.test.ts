import { describe, expect, it } from 'vitest';
import { SECOND } from '../engine/time';
import { createApp, DEFAULT_SETTINGS, shownWorld } from './app';
import { LiveSession } from './live';
import { readParams, withoutPlace, withoutSeed } from './params';
import { FIRST_LESSON, pagePlace } from './place';
import { CorruptSave, decode, encode, load, SAVE_FORMAT, type Storage } from './persist';

function memoryStorage(): Storage & { text: string | undefined; writes: number } {
  const s = {
    text: undefined as string | undefined,
    writes: 0,
    read: async () => s.text,
    write: async (t: string) => {
      s.text = t;
      s.writes++;
    },
    clear: async () => {
      s.text = undefined;
    },
  };
  return s;
}

const saveOf = (live: LiveSession, savedAt = 0) => ({
  format: SAVE_FORMAT,
  savedAt,
  live: live.save(),
  settings: DEFAULT_SETTINGS,
});

function outputOf(live: LiveSession): () => string {
  let text = '';
  live.subscribe((r) => {
    if (r.type === 'output') text += r.text;
  });
  return () => text;
}

describe('saving a session', () => {
  it('restores exactly: the same world, history, timeline and terminal, and goes on the same', () => {
    const live = new LiveSession({ seed: 3 });
    live.submit('kubectl create deployment my-app --image=nginx:1.27.0 --replicas=2');
    live.tick(20 * SECOND);
    live.submit('kubectl scale deployment my-app --replicas=3');
    live.tick(5 * SECOND);
    const restored = new LiveSession(decode(encode(saveOf(live))).live);
    expect(restored.now).toBe(live.now);
    expect(restored.history).toEqual(live.history);
    expect(restored.transcript).toBe(live.transcript);
    expect(restored.transcript).toContain('$ kubectl scale deployment my-app --replicas=3\n');
    expect(restored.timeline.entries.map((e) => e.text)).toEqual(
      live.timeline.entries.map((e) => e.text),
    );
    const a = outputOf(live);
    const b = outputOf(restored);
    for (const l of [live, restored]) {
      l.tick(40 * SECOND);
      l.submit('kubectl get pods -o wide');
      l.submit('kubectl get events');
    }
    expect(b()).toBe(a());
    expect(a()).toContain('Running');
  });

  it('keeps shared snapshots shared, so a long timeline stays small', () => {
    const live = new LiveSession({ seed: 1 });
    live.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    for (let i = 0; i < 20; i++) {
      live.submit(`kubectl scale deployment my-app --replicas=${(i % 3) + 1}`);
      live.tick(10 * SECOND);
    }
    const text = encode(saveOf(live));
    const flat = JSON.stringify(saveOf(live));
    expect(text.length * 5).toBeLessThan(flat.length);
    const [a0, b0] = live.timeline.entries;
    expect(a0!.worldAfter.cluster.objects.Node['']).toBe(b0!.worldAfter.cluster.objects.Node['']);
    const [a, b] = decode(text).live.timeline.entries;
    // What two snapshots shared before the round trip, they share after it.
    expect(a!.worldAfter.cluster.objects.Node['']).toBe(b!.worldAfter.cluster.objects.Node['']);
  });

  it('rejects what is not a saved session, with a reason', () => {
    expect(() => decode('garbage')).toThrow(CorruptSave);
    expect(() => decode(42)).toThrow(/not a saved session/);
    expect(() => decode(encode({ format: 99 } as never))).toThrow(/unknown format 99/);
    const broken = saveOf(new LiveSession({ seed: 1 }));
    (broken.live as { transcript: unknown }).transcript = 5;
    expect(() => decode(encode(broken))).toThrow(/missing/);
  });

  it('gives a session saved before the world had files an empty home directory', () => {
    const saved = saveOf(new LiveSession({ seed: 1 }));
    const { files: _files, ...older } = saved.live.session.world;
    const text = encode({
      ...saved,
      live: { ...saved.live, session: { ...saved.live.session, world: older as never } },
    });
    const files = decode(text).live.session.world.files;
    expect(Object.keys(files)).toContain('/home');
  });

  it('loads nothing from empty storage', async () => {
    expect(await load(memoryStorage())).toBeUndefined();
  });

  it('prefers the copy written as the page went away when it is the later one', async () => {
    const live = new LiveSession({ seed: 1 });
    const storage = memoryStorage();
    storage.text = encode(saveOf(live, 100));
    live.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    let copy: string | undefined = encode(saveOf(live, 200));
    const withCopy = { ...storage, readNow: () => copy };
    expect((await load(withCopy))?.live.session.history).toHaveLength(1);
    // An older copy (left by a page restored from the back-forward cache) loses.
    copy = encode(saveOf(new LiveSession({ seed: 1 }), 50));
    storage.text = encode(saveOf(live, 300));
    expect((await load(withCopy))?.live.session.history).toHaveLength(1);
    // A copy that cannot be read is ignored.
    copy = 'garbage';
    expect((await load(withCopy))?.savedAt).toBe(300);
  });

  it('puts settings that are out of range back to their defaults', () => {
    const saved = saveOf(new LiveSession({ seed: 1 }));
    const text = encode({
      ...saved,
      settings: { speed: -5, fontSize: 9999, paused: 'no', theme: 'pink' } as never,
    });
    expect(decode(text).settings).toEqual(DEFAULT_SETTINGS);
    const good = { speed: 20, fontSize: 32, paused: true, hideServerFields: false, theme: 'dark' };
    expect(decode(encode({ ...saved, settings: good as never })).settings).toEqual(good);
  });
});

describe('the app store', () => {
  const make = () => {
    const storage = memoryStorage();
    const app = createApp({
      live: new LiveSession({ seed: 1 }),
      settings: { ...DEFAULT_SETTINGS },
      storage,
    });
    return { app, storage };
  };

  it('moves the simulated clock with real time times the speed, and not when paused', () => {
    const { app } = make();
    const t0 = app.store.getState().now;
    app.frame(100);
    expect(app.store.getState().live.now).toBe(t0 + 100);
    app.setSpeed(5);
    app.frame(100);
    expect(app.store.getState().live.now).toBe(t0 + 600);
    app.togglePause();
    app.frame(100);
    expect(app.store.getState().live.now).toBe(t0 + 600);
    // A frame after a long sleep does not jump far.
    app.togglePause();
    app.setSpeed(1);
    app.frame(60_000);
    expect(app.store.getState().live.now).toBe(t0 + 850);
    app.dispose();
  });

  it('settles now, and saves after a command ends', async () => {
    const { app, storage } = make();
    const live = app.store.getState().live;
    live.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    live.submit('kubectl rollout status deployment/my-app');
    expect(app.store.getState().live.busy).toBe(true);
    app.settleNow();
    expect(app.store.getState().busy).toBe(false);
    await app.save();
    expect(app.store.getState().saved).toBe(true);
    const back = decode(storage.text);
    expect(back.live.session.history).toEqual([
      'kubectl create deployment my-app --image=nginx:1.27.0',
      'kubectl rollout status deployment/my-app',
    ]);
    app.dispose();
  });

  it('time travels to a selected entry and back to now', () => {
    const { app } = make();
    const live = app.store.getState().live;
    live.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    app.frame(200);
    live.submit('kubectl scale deployment my-app --replicas=3');
    app.frame(200);
    const [create] = live.timeline.entries;
    app.select({ entry: create!.id, followUp: null });
    const past = shownWorld(app.store.getState());
    expect(past.past).toBe(true);
    expect(past.world).toBe(create!.worldAfter);
    app.select(null);
    expect(shownWorld(app.store.getState()).world).toBe(live.session.world);
    app.dispose();
  });

  it('resets to a fresh session with the same seed', async () => {
    const { app, storage } = make();
    app.store.getState().live.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    await app.reset();
    const live = app.store.getState().live;
    expect(live.history).toEqual([]);
    expect(live.timeline.entries).toEqual([]);
    expect(live.session.world.seed).toBe(1);
    expect(decode(storage.text).live.session.history).toEqual([]);
    app.dispose();
  });
});

describe('URL parameters', () => {
  it('reads seed, speed and theme, ignoring nonsense', () => {
    expect(readParams('?seed=42&speed=20&theme=dark')).toEqual({
      seed: 42,
      speed: 20,
      theme: 'dark',
      lesson: undefined,
      step: undefined,
      mode: undefined,
    });
    expect(readParams('?seed=abc&speed=-1&theme=pink&lesson=Bad!&step=0&mode=x')).toEqual({
      seed: undefined,
      speed: undefined,
      theme: undefined,
      lesson: undefined,
      step: undefined,
      mode: undefined,
    });
  });

  it('reads a lesson, its step and the sandbox mode', () => {
    expect(readParams('?lesson=self-heal&step=3')).toMatchObject({ lesson: 'self-heal', step: 3 });
    expect(readParams('?mode=sandbox')).toMatchObject({ mode: 'sandbox', lesson: undefined });
  });

  it("opens the URL's place, else the saved one, else the first lesson", () => {
    const none = { lesson: undefined, mode: undefined, seed: undefined };
    expect(pagePlace(none, undefined)).toBe(FIRST_LESSON);
    expect(pagePlace(none, 'argo-cd')).toBe('argo-cd');
    expect(pagePlace({ ...none, lesson: 'self-heal' }, 'argo-cd')).toBe('self-heal');
    expect(pagePlace({ ...none, mode: 'sandbox' }, 'argo-cd')).toBe('sandbox');
    // A seed asks for a fresh world to experiment in: the sandbox.
    expect(pagePlace({ ...none, seed: 4 }, 'argo-cd')).toBe('sandbox');
  });

  it('drops the seed from the URL so that a reload continues', () => {
    expect(withoutSeed('http://h/tutorial/?seed=1&speed=5')).toBe('http://h/tutorial/?speed=5');
    expect(withoutPlace('http://h/t/?lesson=a&step=2&mode=sandbox&seed=3&theme=dark')).toBe(
      'http://h/t/?theme=dark',
    );
  });
});
