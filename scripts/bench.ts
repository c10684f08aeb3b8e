// Prints the engine's figures: a typical command, settling a large cluster, listing 10,000 pods,
// one simulated second of that cluster, Argo CD reconciling an application of 500 manifests, and
// Git over a history of 1,000 commits. Figures only: tests never assert on time. `--quick` keeps
// the cheap parts and runs the GitOps and Git ones at a tenth of their size.
import { performance } from 'node:perf_hooks';
import { INSTANCE_LABEL } from '../src/engine/argocd/diff';
import { INSTALL_URL } from '../src/engine/argocd/install';
import { create } from '../src/engine/k8s/apiserver';
import { deployment } from '../src/engine/testing';
import { advance, createWorld, reader, settle, transact } from '../src/engine/world';
import { registry } from '../src/cli/programs';
import type { Session } from '../src/cli/program';
import { createSession, runHeadless, runHeadlessAsync } from '../src/cli/shell/shell';
import { seedWorkspace } from '../src/cli/shell/workspace';
import { LiveSession } from '../src/store/live';
import { DEFAULT_SETTINGS, decode, encode, SAVE_FORMAT } from '../src/store/persist';
import { readdirSync, readFileSync } from 'node:fs';
import { readCatalog } from '../src/tutorial/catalog';
import { prepareStep, runChecks, startLesson } from '../src/tutorial/runtime';

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
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

/** Runs a command that must succeed: a bench whose set-up fails would time the wrong thing. */
async function sh(session: Session, line: string): Promise<string> {
  const r = await runHeadlessAsync(session, line, registry);
  if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Times `line` `runs` times from the same world, so that each run does the same work. */
async function repeated(session: Session, line: string, runs: number): Promise<number> {
  const world = session.world;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    session.world = world;
    samples.push((await timeAsync(() => sh(session, line)))[1]);
  }
  return median(samples);
}

function n(count: number): string {
  return count.toLocaleString('en-US');
}

function simSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(0)} simulated s`;
}

/** An application's manifests: one Deployment and one Service in ten, ConfigMaps for the rest. */
function manifests(count: number): [string, string][] {
  const files: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(3, '0');
    if (i % 10 === 0)
      files.push([
        `big/deployment-${id}.yaml`,
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${id}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web-${id}\n  template:\n    metadata:\n      labels:\n        app: web-${id}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27.0\n`,
      ]);
    else if (i % 10 === 1)
      files.push([
        `big/service-${id}.yaml`,
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: web-${id}\nspec:\n  selector:\n    app: web-${id}\n  ports:\n  - port: 80\n`,
      ]);
    else
      files.push([
        `big/config-${id}.yaml`,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${id}\ndata:\n  index: "${i}"\n  greeting: hello\n`,
      ]);
  }
  return files;
}

/** Argo CD with automated sync over a repository of `count` manifests, pushed with the shell's git. */
async function gitopsReconcile(count: number): Promise<void> {
  const session = createSession({ seed: 1 });
  for (const line of [
    'kubectl create namespace argocd',
    `kubectl apply -n argocd -f ${INSTALL_URL}`,
    'sleep 60',
  ])
    await sh(session, line);
  const seeded = seedWorkspace(session, manifests(count));
  if (!seeded.ok) throw new Error(`seed: ${seeded.code} ${seeded.path}`);
  await sh(session, 'cd big');
  await sh(session, 'git init');
  const [, addMs] = await timeAsync(() => sh(session, 'git add .'));
  const [, commitMs] = await timeAsync(() => sh(session, 'git commit -m "All the manifests"'));
  await sh(session, 'git remote add origin https://github.com/team/big.git');
  const [, pushMs] = await timeAsync(() => sh(session, 'git push -u origin main'));
  console.log(
    `argocd app of ${n(count)} manifests: git add . ${fmt(addMs)}, git commit ${fmt(commitMs)}, first push ${fmt(pushMs)}`,
  );

  const start = session.world.now;
  const [, syncMs] = await timeAsync(async () => {
    await sh(
      session,
      'argocd app create big --repo https://github.com/team/big.git --path . --dest-server https://kubernetes.default.svc --dest-namespace default --sync-policy automated',
    );
    await sh(session, 'argocd app wait big --sync --health --timeout 600');
  });
  const live = (['Deployment', 'Service', 'ConfigMap'] as const)
    .flatMap((kind) => reader(session.world).list(kind, 'default'))
    .filter((o) => o.metadata?.labels?.[INSTANCE_LABEL] === 'big').length;
  if (live !== count) throw new Error(`${live} of ${count} manifests are live`);
  console.log(
    `argocd first auto-sync to Synced/Healthy, ${n(live)} objects (${simSeconds(session.world.now - start)})      ${fmt(syncMs)}`,
  );

  const runs = count > 100 ? 5 : 3;
  const refreshMs = await repeated(session, 'argocd app get big --refresh', runs);
  console.log(
    `argocd app get --refresh, nothing changed (${n(count)} rows)          median ${fmt(refreshMs)}`,
  );

  // The change a pipeline makes: one Deployment's image tag.
  await sh(session, "sed -i 's/nginx:1.27.0/nginx:1.27.1/' deployment-000.yaml");
  const [, changeMs] = await timeAsync(async () => {
    await sh(session, 'git commit -am "Bump web-000 to nginx 1.27.1"');
    await sh(session, 'git push');
  });
  const [, seenMs] = await timeAsync(() => sh(session, 'argocd app get big --refresh'));
  const before = session.world.now;
  const [, rolledMs] = await timeAsync(() =>
    sh(session, 'argocd app wait big --sync --health --timeout 600'),
  );
  const image = reader(session.world).get('Deployment', 'default', 'web-000')?.spec?.template.spec
    ?.containers[0]?.image;
  if (image !== 'nginx:1.27.1') throw new Error(`web-000 runs ${image}, not nginx:1.27.1`);
  console.log(
    `argocd one image bumped: commit -am + push ${fmt(changeMs)}, app get --refresh ${fmt(seenMs)}, auto-sync to Healthy ${fmt(rolledMs)} (${simSeconds(session.world.now - before)})`,
  );
}

/** A history of `count` commits, each changing one of four files, and the commands that read it. */
async function gitHistory(count: number): Promise<void> {
  const session = createSession({ seed: 1 });
  const FILES = 4;
  const content = (file: number, version: number) =>
    `name: app-${file}\nversion: ${version}\n${'replicas: 3\n'.repeat(20)}`;
  seedWorkspace(
    session,
    Array.from({ length: FILES }, (_, f) => [`history/app-${f}.yaml`, content(f, 0)] as const),
  );
  await sh(session, 'cd history');
  await sh(session, 'git init');
  await sh(session, 'git add .');
  await sh(session, 'git commit -m "Version 0"');
  const commits: number[] = [];
  const [, totalMs] = await timeAsync(async () => {
    for (let i = 1; i < count; i++) {
      // A second between commits, as between a person's: each commit has its own time.
      session.world = advance(session.world, session.world.now + 1000).world;
      seedWorkspace(session, [[`history/app-${i % FILES}.yaml`, content(i % FILES, i)]]);
      commits.push((await timeAsync(() => sh(session, `git commit -am "Version ${i}"`)))[1]);
    }
  });
  console.log(
    `git ${n(count)} commits by git commit -am: ${fmt(totalMs)}, median ${fmt(median(commits))} each`,
  );

  const oneline = await sh(session, 'git log --oneline');
  const first = oneline.trimEnd().split('\n').at(-1)?.split(' ')[0];
  if (oneline.split('\n').length - 1 !== count || !first)
    throw new Error(`git log --oneline shows ${oneline.split('\n').length - 1} commits`);
  const diff = await sh(session, `git diff ${first} HEAD`);
  if (!diff.startsWith('diff --git ')) throw new Error(`git diff ${first} HEAD printed ${diff}`);
  const runs = count > 100 ? 5 : 3;
  for (const line of [
    'git log --oneline',
    'git log -n 10',
    `git diff ${first} HEAD`,
    'git log -p -1',
    'git status',
  ])
    console.log(
      `git over ${n(count)} commits: ${line.padEnd(26)}             median ${fmt(await repeated(session, line, runs))}`,
    );

  await sh(session, 'git remote add origin https://github.com/team/history.git');
  const [, pushMs] = await timeAsync(() => sh(session, 'git push -u origin main'));
  console.log(
    `git over ${n(count)} commits: git push -u origin main (all of them)  ${fmt(pushMs)}`,
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

/**
 * The course: how long a lesson's world takes to make (the page's wait on first opening it), to
 * prepare its last step by replaying the steps before it (`?lesson=…&step=…`), and one run of a
 * step's checks (repeated whenever the world changes).
 */
async function lessons(): Promise<void> {
  const files = readdirSync('lessons')
    .filter((n) => n.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(`lessons/${name}`, 'utf8') }));
  for (const lesson of readCatalog(files).lessons) {
    const [, startMs] = await timeAsync(() => startLesson(lesson, registry));
    const last = lesson.steps.length - 1;
    const [session, lastMs] = await timeAsync(() => prepareStep(lesson, last, registry));
    const step = lesson.steps.findLast((s) => s.kind === 'task');
    const samples: number[] = [];
    for (let i = 0; i < 5 && step; i++)
      samples.push((await timeAsync(() => runChecks(session, step, registry)))[1]);
    console.log(
      `lesson ${lesson.id.padEnd(20)} world ${fmt(startMs).padStart(8)}   step ${String(last + 1).padStart(2)} prepared ${fmt(lastMs).padStart(8)}   checks ${step ? fmt(median(samples)) : '-'}`,
    );
  }
}

const quick = process.argv.includes('--quick');
await lessons();
typicalCommands();
savedSession();
if (!quick) bigCluster();
await gitopsReconcile(quick ? 50 : 500);
await gitHistory(quick ? 50 : 1000);
