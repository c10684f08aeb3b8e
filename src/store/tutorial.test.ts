// The course on the page: a step completes when its checks pass after the learner's command, the
// next step's hidden set-up runs, hints and solutions are revealed on request (a solution is put
// on the prompt, never run), progress is kept, exported and imported, and each lesson keeps its
// own world.
import { describe, expect, it, vi } from 'vitest';
import { registry } from '../cli/programs';
import { readCatalog } from '../tutorial/catalog';
import { createApp, DEFAULT_SETTINGS } from './app';
import { LiveSession } from './live';
import type { Storage } from './persist';
import { createTutorial, currentStep, stepDone, type Progress } from './tutorial';

const FENCE = '```';
const FRESH = { step: 0, completed: [], hints: {}, solutions: [] };

const FIRST = `---
id: first
title: First
mode: imperative
---
Intro.

## Step: Create it

${FENCE}check
kubectl get deployment web
${FENCE}

${FENCE}hint
Use kubectl create deployment.
${FENCE}

${FENCE}hint
kubectl create deployment web --image=nginx
${FENCE}

${FENCE}solution
kubectl create deployment web --image=nginx
${FENCE}

## Step: Scale it

${FENCE}setup
kubectl create namespace prepared
${FENCE}

${FENCE}check equals "2"
kubectl get deployment web -o jsonpath='{.spec.replicas}'
${FENCE}

${FENCE}solution
kubectl scale deployment web --replicas=2
${FENCE}

## Question: Who scaled it?

${FENCE}answer
/nobody|can't tell/i
${FENCE}
`;

const SECOND_LESSON = `---
id: second
title: Second
mode: imperative
seed: 7
setup: |
  kubectl create namespace second
---
## Step: Look

${FENCE}check
kubectl get deployment other
${FENCE}

${FENCE}solution
kubectl create deployment other --image=nginx
${FENCE}
`;

function memoryStorage(): Storage & { text: string | undefined } {
  const s = {
    text: undefined as string | undefined,
    read: async () => s.text,
    write: async (t: string) => {
      s.text = t;
    },
    clear: async () => {
      s.text = undefined;
    },
  };
  return s;
}

function setup() {
  const catalog = readCatalog([
    { name: '01-first.md', text: FIRST },
    { name: '02-second.md', text: SECOND_LESSON },
  ]);
  expect(catalog.errors).toEqual([]);
  const stores = new Map<string, ReturnType<typeof memoryStorage>>();
  const storageFor = (place: string) => {
    let s = stores.get(place);
    if (!s) stores.set(place, (s = memoryStorage()));
    return s;
  };
  let saved: unknown = null;
  const progress = {
    read: () => saved,
    write: (p: Progress) => {
      saved = JSON.parse(JSON.stringify(p));
    },
  };
  const app = createApp({
    live: new LiveSession({ seed: 1 }),
    settings: DEFAULT_SETTINGS,
    storage: storageFor('first'),
  });
  const tutorial = createTutorial({ app, catalog, registry, progress, storageFor, checkDelay: 0 });
  app.tutorial = tutorial;
  const lesson = catalog.lessons[0];
  tutorial.begin(lesson, 0);
  const live = () => app.store.getState().live;
  /** Types a command and lets the clock run until it ends. */
  const type = (text: string) => {
    live().submit(text);
    for (let i = 0; i < 100 && live().busy; i++) app.frame(250);
    app.store.setState({ revision: -1 });
    app.frame(1);
  };
  return { app, tutorial, stores, progress: () => saved as Progress, live, type };
}

describe('the course on the page', () => {
  it('completes a step when its checks pass after the learner acts, and not before', async () => {
    const { tutorial, type } = setup();
    const state = () => tutorial.store.getState();
    await vi.waitFor(() => expect(state().checks?.[0]?.pass).toBe(false));
    expect(stepDone(state())).toBe(false);
    type('kubectl create deployment web --image=nginx');
    await vi.waitFor(() => expect(stepDone(state())).toBe(true));
    expect(state().announcement).toBe('Step 1 complete: Create it.');
    expect(state().progress.lessons['first']?.completed).toEqual([0]);
    tutorial.dispose();
  });

  it('runs the next step’s hidden set-up, out of the learner’s history', async () => {
    const { tutorial, type, live } = setup();
    type('kubectl create deployment web --image=nginx');
    await vi.waitFor(() => expect(stepDone(tutorial.store.getState())).toBe(true));
    await tutorial.next();
    expect(tutorial.store.getState().stepIndex).toBe(1);
    expect(currentStep(tutorial.store.getState())?.title).toBe('Scale it');
    expect(live().session.world.cluster.objects).toBeDefined();
    expect(live().history).toEqual(['kubectl create deployment web --image=nginx']);
    type('kubectl get namespace prepared -o name');
    expect(live().transcript).toContain('namespace/prepared');
    tutorial.dispose();
  });

  it('reveals hints one at a time and puts the solution on the prompt, never running it', () => {
    const { tutorial, live } = setup();
    const suggested: string[] = [];
    live().onSuggest((t) => suggested.push(t));
    tutorial.revealHint();
    expect(tutorial.store.getState().progress.lessons['first']?.hints).toEqual({ 0: 1 });
    tutorial.revealHint();
    tutorial.revealHint();
    expect(tutorial.store.getState().progress.lessons['first']?.hints).toEqual({ 0: 2 });
    tutorial.showSolution();
    expect(tutorial.store.getState().progress.lessons['first']?.solutions).toEqual([0]);
    tutorial.paste('kubectl create deployment web --image=nginx');
    expect(suggested).toEqual(['kubectl create deployment web --image=nginx']);
    expect(live().history).toEqual([]);
    tutorial.dispose();
  });

  it('checks a question’s answer', async () => {
    const { tutorial } = setup();
    await tutorial.goToStep(2);
    expect(currentStep(tutorial.store.getState())?.kind).toBe('question');
    expect(tutorial.answer('Alex')).toBe(false);
    expect(tutorial.store.getState().announcement).toMatch(/Not quite/);
    expect(tutorial.answer("You can't tell")).toBe(true);
    expect(stepDone(tutorial.store.getState())).toBe(true);
    expect(tutorial.store.getState().announcement).toMatch(/Lesson complete: First/);
    tutorial.dispose();
  });

  it('opens a step with its world prepared by the steps before it', async () => {
    const { tutorial, live, progress } = setup();
    await tutorial.goToStep(1);
    // The earlier steps' solutions, as if typed: the up arrow finds them.
    expect(live().history).toEqual(['kubectl create deployment web --image=nginx']);
    const objects = JSON.stringify(live().session.world.cluster.objects);
    expect(objects).toContain('"web"');
    expect(objects).toContain('"prepared"');
    expect(progress().lessons['first']?.step).toBe(1);
    tutorial.dispose();
  });

  it('keeps each lesson’s own world, and comes back to it', async () => {
    const { tutorial, type, live, stores, progress } = setup();
    type('kubectl create deployment mine --image=nginx');
    await tutorial.openLesson('second');
    expect(live().session.world.seed).toBe(7);
    expect(progress().current).toBe('second');
    expect(stores.get('first')?.text).toContain('kubectl create deployment mine');
    await tutorial.openLesson('first');
    expect(live().history).toEqual(['kubectl create deployment mine --image=nginx']);
    await tutorial.openSandbox();
    expect(tutorial.store.getState().lesson).toBeUndefined();
    expect(progress().current).toBe('sandbox');
    tutorial.dispose();
  });

  it('resets a step and a lesson', async () => {
    const { tutorial, type, live } = setup();
    type('kubectl create deployment web --image=nginx');
    await vi.waitFor(() => expect(stepDone(tutorial.store.getState())).toBe(true));
    await tutorial.resetStep();
    expect(stepDone(tutorial.store.getState())).toBe(false);
    expect(live().history).toEqual([]);
    tutorial.revealHint();
    await tutorial.resetLesson();
    expect(tutorial.store.getState().progress.lessons['first']).toEqual(FRESH);
    expect(live().history).toEqual([]);
    tutorial.dispose();
  });

  it('exports progress and imports it back, refusing anything else', async () => {
    const { tutorial, type } = setup();
    type('kubectl create deployment web --image=nginx');
    await vi.waitFor(() => expect(stepDone(tutorial.store.getState())).toBe(true));
    const file = tutorial.exportProgress();
    await tutorial.resetLesson();
    expect(tutorial.importProgress('{"not": "progress"}')).toEqual({
      ok: false,
      error: 'This file is not progress exported from this page.',
    });
    expect(tutorial.importProgress('nonsense')).toMatchObject({ ok: false });
    expect(tutorial.store.getState().progress.lessons['first']).toEqual(FRESH);
    expect(tutorial.importProgress(file)).toEqual({ ok: true });
    expect(tutorial.store.getState().progress.lessons['first']?.completed).toEqual([0]);
    tutorial.dispose();
  });
});
