// The course's opening story, typed into the page as a person would: create, expose, scale, a
// bad image, undo. Outputs are the ones `npm run sim` prints for the same commands.
import { expect, test } from './fixtures';

const CREATE = 'kubectl create deployment my-app --image=nginx:1.27.0';
const EXPOSE = 'kubectl expose deployment my-app --port=80 --type=LoadBalancer';
const SCALE = 'kubectl scale deployment my-app --replicas=3';
const SET_IMAGE = 'kubectl set image deployment/my-app nginx=nginx:2.27.0';
const UNDO = 'kubectl rollout undo deployment/my-app';

const HEADER = /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m;
const RUNNING_ROW = /^my-app-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/gm;
const PULL_FAILED = /^(ImagePullBackOff|ErrImagePull)$/;

/** Pod statuses with the two faces of a failed pull folded into one, for a stable assertion. */
function folded(statuses: string[]): string[] {
  return statuses.map((s) => (PULL_FAILED.test(s) ? 'pull failed' : s)).sort();
}

test('the opening story: create, expose, scale, a bad image, undo', async ({
  app,
  terminal,
  diff,
  timeline,
  cluster,
  page,
}) => {
  await app.open({ seed: 1 });
  await expect(page, '?seed is dropped so that a reload continues').not.toHaveURL(/seed=/);
  await expect(timeline.entries).toHaveCount(0);

  await test.step('create', async () => {
    expect(await terminal.run(CREATE)).toBe('deployment.apps/my-app created');
    await app.settle();
    await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running']);
  });

  await test.step('expose', async () => {
    expect(await terminal.run(EXPOSE)).toBe('service/my-app exposed');
  });

  await test.step('scale', async () => {
    expect(await terminal.run(SCALE)).toBe('deployment.apps/my-app scaled');
    await diff.waitForText(/^\+\s*replicas: 3$/m);
    await app.settle();
    await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running', 'Running', 'Running']);
    const out = await terminal.run('kubectl get pods');
    expect(out).toMatch(HEADER);
    expect(out.match(RUNNING_ROW)).toHaveLength(3);
  });

  await test.step('set image to a tag the registry does not have', async () => {
    expect(await terminal.run(SET_IMAGE)).toBe('deployment.apps/my-app image updated');
    await diff.waitForText(/^\+.*image: nginx:2\.27\.0$/m);
    await app.settle();
    // maxUnavailable keeps all three old pods while the one new pod cannot pull its image.
    await expect
      .poll(async () => folded(await cluster.statuses('my-app-')))
      .toEqual(['Running', 'Running', 'Running', 'pull failed']);
    const out = await terminal.run('kubectl get pods');
    expect(out.match(RUNNING_ROW)).toHaveLength(3);
    expect(out).toMatch(
      /^my-app-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+(ImagePullBackOff|ErrImagePull)\s/m,
    );
  });

  await test.step('the timeline time-travels to the scale', async () => {
    await expect(timeline.entries).toHaveCount(4);
    const now = await cluster.pods('my-app-');
    await timeline.select(SCALE);
    await expect(timeline.backToNow).toBeVisible();
    // Before the bad image: no pod of the new ReplicaSet, at most the three the scale asked for.
    await expect
      .poll(async () => (await cluster.statuses('my-app-')).filter((s) => PULL_FAILED.test(s)))
      .toEqual([]);
    const then = await cluster.pods('my-app-');
    expect(then.length).toBeLessThanOrEqual(3);
    expect(then.length).toBeGreaterThan(0);
    const oldNames = new Set(now.filter((p) => p.status === 'Running').map((p) => p.name));
    for (const pod of then) expect(oldNames.has(pod.name), pod.name).toBe(true);

    await timeline.backToNow.click();
    await expect(timeline.backToNow).toBeHidden();
    await expect
      .poll(async () => folded(await cluster.statuses('my-app-')))
      .toEqual(['Running', 'Running', 'Running', 'pull failed']);
  });

  await test.step('undo', async () => {
    expect(await terminal.run(UNDO)).toBe('deployment.apps/my-app rolled back');
    await app.settle();
    await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running', 'Running', 'Running']);
    const out = await terminal.run('kubectl get pods');
    expect(out).toMatch(HEADER);
    expect(out.match(RUNNING_ROW)).toHaveLength(3);
    expect(out).not.toMatch(/ImagePullBackOff|ErrImagePull/);
  });

  await test.step('five timeline entries, one per command that changed the cluster', async () => {
    await expect(timeline.entries).toHaveCount(5);
    const commands = [CREATE, EXPOSE, SCALE, SET_IMAGE, UNDO];
    for (const [i, command] of commands.entries()) {
      await expect(timeline.entries.nth(i)).toContainText(command);
    }
  });
});

test('the session survives a reload: same terminal, same pods', async ({
  app,
  terminal,
  timeline,
  cluster,
}) => {
  await app.open({ seed: 1 });
  await terminal.run(CREATE);
  await terminal.run(SCALE);
  await app.settle();
  await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running', 'Running', 'Running']);
  await terminal.run('kubectl get pods');
  const text = await terminal.text();
  const pods = await cluster.pods('my-app-');

  await app.reload();
  await expect(app.page).not.toHaveURL(/seed=/);
  await expect.poll(() => terminal.text()).toBe(text);
  await expect.poll(() => cluster.pods('my-app-')).toEqual(pods);
  await expect(timeline.entries).toHaveCount(2);

  // The restored session is live, not a picture of one.
  const out = await terminal.run('kubectl get deployment my-app');
  expect(out).toMatch(/^my-app\s+3\/3\s+3\s+3\s+\S+$/m);
});

test('a reload straight after Settle now keeps the settled world and the chosen theme', async ({
  app,
  terminal,
  cluster,
  page,
}) => {
  await app.open({ seed: 1 });
  await app.button('Pause').click();
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0 --replicas=2');
  await expect
    .poll(() => cluster.statuses('my-app-'))
    .toEqual(['ContainerCreating', 'ContainerCreating']);
  await app.settle();
  await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running', 'Running']);
  await page.getByLabel('Theme').selectOption('dark');
  const clock = await page.locator('.toolbar time').textContent();

  // No waiting for the save: what a person sees when they press F5 is what comes back.
  await page.reload();
  await app.waitReady();
  await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running', 'Running']);
  await expect(page.locator('.toolbar time')).toHaveText(clock ?? '');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});
