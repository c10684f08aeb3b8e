// The course as a learner meets it: a newcomer lands on lesson one, types the commands, asks for
// a hint and a solution, sees each step confirmed, reloads mid-lesson and goes on; a step opens by
// its URL with its world prepared; the sandbox has no lesson.
import { expect, test } from './fixtures';

test('a newcomer does the first steps of lesson one, reloads, and goes on', async ({
  app,
  terminal,
  page,
}) => {
  // A learner's pace: a dozen commands, two waits for pods, a reload.
  test.setTimeout(180_000);
  await page.goto('./');
  await app.waitReady();
  const lesson = page.getByTestId('lesson');
  await expect(lesson.getByTestId('lesson-title')).toContainText('The imperative way');
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 1 of \d+/);
  await expect(lesson.getByTestId('lesson-next')).toHaveCount(0);

  // A hint, one at a time.
  await lesson.getByTestId('lesson-hint-button').click();
  await expect(lesson.getByTestId('lesson-hints')).toContainText('kubectl create deployment');

  expect(await terminal.run('kubectl create deployment my-app --image=nginx:latest')).toBe(
    'deployment.apps/my-app created',
  );
  // The pod must be ready: let the simulated clock run on.
  await app.settle();
  const status = lesson.getByTestId('lesson-status');
  await expect(status).toContainText('Step 1 complete');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await lesson.getByTestId('lesson-next').click();
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 2 of \d+/);

  // The solution goes on the prompt, and runs only when the learner presses Enter.
  await lesson.getByTestId('lesson-solution-button').click();
  const solution = lesson.getByTestId('lesson-solution');
  await expect(solution).toContainText('kubectl expose deployment my-app');
  await solution.getByRole('button', { name: /paste/i }).first().click();
  await expect.poll(() => terminal.text()).toContain('kubectl expose deployment my-app');
  await expect(status).not.toContainText('Step 2 complete');
  await terminal.press('Enter');
  await terminal.waitForText(/service\/my-app exposed/);
  await expect(status).toContainText('Step 2 complete');

  // Reload mid-lesson: the same step, done, and the same world.
  await app.reload();
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 2 of \d+/);
  await expect(lesson.getByTestId('lesson-next')).toBeVisible();
  await expect(terminal.root).toContainText('service/my-app exposed');
  await lesson.getByTestId('lesson-next').click();
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 3 of \d+/);
  expect(await terminal.run('kubectl scale deployment my-app --replicas=3')).toBe(
    'deployment.apps/my-app scaled',
  );
  await app.settle();
  await expect(status).toContainText('Step 3 complete');
});

test('?lesson=<id>&step=<n> opens the step with the steps before it done', async ({
  app,
  terminal,
  page,
}) => {
  await app.open({ lesson: 'imperative', step: 3 });
  const lesson = page.getByTestId('lesson');
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 3 of \d+/);
  const replicas = `kubectl get deployment my-app -o jsonpath='{.spec.replicas}{"\\n"}'`;
  expect(await terminal.run(replicas)).toBe('1');
  expect(await terminal.run('kubectl get service my-app -o name')).toBe('service/my-app');
  // Once open, the address no longer names the step: a reload continues the learner's work.
  expect(new URL(page.url()).search).toBe('');
  await terminal.run('kubectl scale deployment my-app --replicas=3');
  await app.reload();
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 3 of \d+/);
  expect(await terminal.run(replicas)).toBe('3');

  // Reset step: the world as the step began, the step to do again.
  await lesson.getByTestId('lesson-reset-step').click();
  await expect(lesson).not.toHaveAttribute('aria-busy', 'true');
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 3 of \d+/);
  await terminal.waitForPrompt();
  expect(await terminal.run(replicas)).toBe('1');
});

test('the lesson list opens another lesson with its own world, and the sandbox has none', async ({
  app,
  terminal,
  page,
}) => {
  await app.open({ lesson: 'imperative' });
  const lesson = page.getByTestId('lesson');
  await terminal.run('kubectl create deployment only-here --image=nginx:latest');
  const picker = lesson.getByTestId('lesson-picker');
  await picker.locator('summary').click();
  await picker.getByRole('button', { name: /Sandbox/ }).click();
  await expect(lesson.getByTestId('lesson-title')).toHaveText('Sandbox');
  await expect(lesson.getByTestId('lesson-step')).toHaveCount(0);
  await terminal.waitForPrompt();
  expect(await terminal.run('kubectl get deployments')).toBe(
    'No resources found in default namespace.',
  );
  await picker.getByRole('button', { name: /^1\. The imperative way/ }).click();
  await expect(lesson.getByTestId('lesson-title')).toContainText('The imperative way');
  await terminal.waitForPrompt();
  expect(await terminal.run('kubectl get deployment only-here -o name')).toBe(
    'deployment.apps/only-here',
  );
});

test('progress is exported as a file and imported back', async ({ app, page }) => {
  await app.open({ lesson: 'imperative', step: 2 });
  const lesson = page.getByTestId('lesson');
  const picker = lesson.getByTestId('lesson-picker');
  await picker.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    lesson.getByTestId('lesson-export').click(),
  ]);
  const text = await new Response(
    (await download.createReadStream()) as unknown as ReadableStream,
  ).text();
  const exported = JSON.parse(text) as { kind: string; lessons: Record<string, { step: number }> };
  expect(exported.kind).toBe('gitops-explained-progress');
  expect(exported.lessons['imperative']?.step).toBe(1);

  await lesson.getByTestId('lesson-import').setInputFiles({
    name: 'not-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(lesson.getByRole('alert')).toContainText('not progress exported from this page');
  await lesson.getByTestId('lesson-import').setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(lesson.getByTestId('lesson-status')).toContainText('Progress imported');
});

test('a GitOps step: self-heal undoes a hand-made scale, and the step sees it', async ({
  app,
  terminal,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open({ lesson: 'self-heal', step: 1 });
  const lesson = page.getByTestId('lesson');
  await expect(lesson.getByTestId('lesson-step')).toContainText(/Step 1 of \d+/);
  expect(await terminal.run('kubectl scale deployment my-app -n my-app --replicas=5')).toBe(
    'deployment.apps/my-app scaled',
  );
  // Argo CD notices the drift and syncs the Deployment back to Git's count.
  await app.settle();
  await expect(lesson.getByTestId('lesson-status')).toContainText('Step 1 complete');
  const replicas = `kubectl get deployment my-app -n my-app -o jsonpath='{.spec.replicas}{"\\n"}'`;
  expect(await terminal.run(replicas)).toBe('3');
});
