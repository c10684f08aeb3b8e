// The terminal behaves as a shell does: Ctrl-C ends a waiting command, Tab completes names.
import { expect, test } from './fixtures';

test('Ctrl-C stops a waiting rollout status and returns to the prompt', async ({
  app,
  terminal,
}) => {
  await app.open({ seed: 1 });
  // An image the registry does not have: the rollout never finishes, so status waits.
  expect(await terminal.run('kubectl create deployment my-app --image=nginx:2.27.0')).toBe(
    'deployment.apps/my-app created',
  );
  await terminal.type('kubectl rollout status deployment/my-app');
  await terminal.waitForText(
    /^Waiting for deployment "my-app" rollout to finish: 0 of 1 updated replicas are available\.\.\.$/m,
  );
  expect(await terminal.lastLine()).not.toBe('$');

  await terminal.press('Control+C');
  await terminal.waitForText(/\^C\n\$$/);

  // The shell is usable again, and the interrupted command changed nothing.
  const out = await terminal.run('kubectl get deployments');
  expect(out).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nmy-app\s+0\/1\s+1\s+0\s/);
});

test('Tab completes a deployment name, and the completed line runs', async ({ app, terminal }) => {
  await app.open({ seed: 1 });
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0');

  await terminal.typeKeys('kubectl scale deployment m');
  await terminal.press('Tab');
  await expect.poll(() => terminal.lastLine()).toBe('$ kubectl scale deployment my-app');

  await terminal.typeKeys(' --replicas=2');
  await terminal.press('Enter');
  await terminal.waitForPrompt();
  await terminal.waitForText(
    /^\$ kubectl scale deployment my-app +--replicas=2\ndeployment\.apps\/my-app scaled\n\$$/m,
  );
});

test('the terminal takes a command before the simulator has arrived, and runs it when it does', async ({
  page,
  terminal,
}) => {
  // Hold back every script but the page's first one (the entry and the chunks it imports, which
  // index.html preloads), as a slow network would.
  const html = await (await page.request.get('./')).text();
  const first = new Set([...html.matchAll(/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string));
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (!first.has(name)) await held;
    await route.fallback();
  });
  await page.goto('./?seed=1');
  await terminal.waitForPrompt();
  await expect(page.getByRole('button', { name: 'Settle now' })).toHaveCount(0);
  await terminal.type('kubectl create deployment early --image=nginx:1.27.0');
  release();
  await terminal.waitForText(/^deployment\.apps\/early created\n\$$/m);
  await expect(page.getByRole('button', { name: 'Settle now' })).toBeVisible();
  expect(await terminal.run('kubectl get deployments -o name')).toBe('deployment.apps/early');
});

test('text that arrives without key presses (dictation, an emoji picker) is typed once', async ({
  app,
  page,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await terminal.focus();
  await page.keyboard.insertText('echo from');
  await page.keyboard.type(' keys');
  await page.keyboard.insertText(' and dictation');
  await page.keyboard.press('Enter');
  await terminal.waitForText(/^\$ echo from keys and dictation\nfrom keys and dictation\n\$$/m);
});

test('files written in the terminal are there after a reload', async ({ app, terminal }) => {
  await app.open({ seed: 1 });
  await terminal.run('mkdir -p my-app && cd my-app');
  await terminal.run(
    'kubectl create deployment my-app --image=nginx:1.27.0 --dry-run=client -o yaml > deployment.yaml',
  );
  await terminal.run("sed -i 's/nginx:1.27.0/nginx:1.27.1/' deployment.yaml");
  await app.reload();
  expect(await terminal.run('pwd')).toBe('/home/learner/my-app');
  expect(await terminal.run('grep image: deployment.yaml')).toBe('      - image: nginx:1.27.1');
});
