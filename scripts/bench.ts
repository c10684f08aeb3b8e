// Prints the engine's figures: a typical command, settling a large cluster, listing 10,000 pods,
// and one simulated second of that cluster. Figures only: tests never assert on time.
import { performance } from 'node:perf_hooks';
import { create } from '../src/engine/k8s/apiserver';
import { deployment } from '../src/engine/testing';
import { advance, createWorld, reader, settle, transact } from '../src/engine/world';
import { registry } from '../src/cli/programs';
import { createSession, runHeadless } from '../src/cli/shell/shell';
import { LiveSession } from '../src/store/live';
import { DEFAULT_SETTINGS, decode, encode, SAVE_FORMAT } from '../src/store/persist';

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`;
}

function typicalCommands(): void {
  const session = createSession({ seed: 1 });
  for (const line of [
    'kubectl create deployment my-app --image=nginx:latest',
    'kubectl expose deployment my-app --type=LoadBalancer --port=80 --target-port=8080',
    'kubectl scale deployment my-app --replicas=3',
    'sleep 30',
  ])
    runHeadless(session, line, registry);
  const world = session.world;
  for (const line of [
    'kubectl get pods',
    'kubectl scale deployment my-app --replicas=3',
    'kubectl describe deployment my-app',
  ]) {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      session.world = world;
      samples.push(time(() => runHeadless(session, line, registry))[1]);
    }
    console.log(`typical command  ${line.padEnd(44)} median ${fmt(median(samples))}`);
  }
}

function bigCluster(): void {
  const nodes = 100;
  let world = createWorld({ seed: 1, nodes });
  const [, createMs] = time(() => {
    for (let i = 0; i < 1000; i++) {
      world = transact(world, 'bench', (tx) =>
        create(tx, 'Deployment', deployment(`app-${i}`, 'nginx:1.27', 10)),
      ).world;
    }
  });
  const [settled, settleMs] = time(() => settle(world).world);
  world = settled;
  const pods = reader(world).list('Pod').length;
  console.log(`create 1,000 deployments × 10 replicas (${nodes} nodes)      ${fmt(createMs)}`);
  console.log(`settle them (${pods} pods Running)                         ${fmt(settleMs)}`);

  const session = createSession({ seed: 1 });
  session.world = world;
  const samples: number[] = [];
  let lines = 0;
  for (let i = 0; i < 7; i++) {
    session.world = world;
    const [r, ms] = time(() => runHeadless(session, 'kubectl get pods -A', registry));
    lines = r.stdout.split('\n').length - 1;
    samples.push(ms);
  }
  console.log(
    `kubectl get pods -A over ${lines - 1} pods                     median ${fmt(median(samples))}`,
  );

  const seconds: number[] = [];
  let w = world;
  for (let i = 0; i < 7; i++) {
    const [next, ms] = time(() => advance(w, w.now + 1000).world);
    w = next;
    seconds.push(ms);
  }
  console.log(
    `one simulated second of that cluster                        median ${fmt(median(seconds))}`,
  );

  const [rolled, rolloutMs] = time(
    () =>
      transact(w, 'bench', (tx) => {
        const d = tx.get('Deployment', 'default', 'app-0')!;
        const next = JSON.parse(JSON.stringify(d)) as typeof d;
        next.spec!.template.spec!.containers[0]!.image = 'nginx:2.27.0';
        tx.put('Deployment', {
          ...next,
          metadata: { ...next.metadata, generation: (next.metadata?.generation ?? 1) + 1 },
        });
        return true;
      }).world,
  );
  const busy: number[] = [];
  w = rolled;
  for (let i = 0; i < 7; i++) {
    const [next, ms] = time(() => advance(w, w.now + 1000).world);
    w = next;
    busy.push(ms);
  }
  console.log(
    `a failing rollout in that cluster: the change ${fmt(rolloutMs)}, each simulated second median ${fmt(median(busy))}`,
  );
}

/** What a reload costs: saving and restoring a session after an hour of the opening story. */
function savedSession(): void {
  const live = new LiveSession({ seed: 1 });
  for (const line of [
    'kubectl create deployment my-app --image=nginx:1.27.0',
    'kubectl expose deployment my-app --port=80 --type=LoadBalancer',
    'kubectl scale deployment my-app --replicas=3',
    'kubectl set image deployment/my-app nginx=nginx:2.27.0',
  ]) {
    live.submit(line);
    live.tick(30_000);
  }
  // An hour with the bad image: the kubelet's back-off keeps writing pod status.
  for (let i = 0; i < 3600; i++) live.tick(1000);
  live.submit('kubectl rollout undo deployment/my-app');
  live.tick(60_000);
  const saved = { format: SAVE_FORMAT, savedAt: 0, live: live.save(), settings: DEFAULT_SETTINGS };
  const samples: number[] = [];
  let text = '';
  for (let i = 0; i < 20; i++) {
    const [t, ms] = time(() => encode(saved));
    text = t;
    samples.push(ms);
  }
  const loads: number[] = [];
  for (let i = 0; i < 20; i++) loads.push(time(() => new LiveSession(decode(text).live))[1]);
  const entries = live.timeline.entries;
  const followUps = entries.reduce((n, e) => n + e.followUps.length, 0);
  console.log(
    `save after an hour of the story (${entries.length} entries, ${followUps} follow-ups): ${(text.length / 1024).toFixed(0)} KB, encode median ${fmt(median(samples))}, restore median ${fmt(median(loads))}`,
  );
}

typicalCommands();
savedSession();
if (!process.argv.includes('--quick')) bigCluster();
