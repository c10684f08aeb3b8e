// Bad input never blanks the page: a saved session that cannot be read is offered a fresh start.
import { expect, test } from './fixtures';

const GARBAGE: [string, unknown][] = [
  ['text that is not a saved session', '}{ not a session'],
  ['a serialized value of the wrong shape', '[{"format":1,"live":1},null]'],
  ['a value that is not text at all', 42],
];

for (const [what, value] of GARBAGE) {
  test(`IndexedDB holding ${what} gives a reset offer, then a working terminal`, async ({
    app,
    terminal,
    page,
  }) => {
    page.on('dialog', (dialog) => void dialog.accept());
    await app.writeSave(value);
    await page.goto('./?mode=sandbox');

    await expect(page.locator('body')).not.toHaveText(/^\s*$/);
    const offer = page
      .getByRole('button', { name: /reset|start (over|fresh|afresh|again|a new)/i })
      .first();
    await expect(offer).toBeVisible();
    await offer.click();

    await terminal.waitForPrompt();
    expect(await terminal.run('kubectl get pods')).toBe('No resources found in default namespace.');
    await app.waitSaved();
    expect(await app.readSave()).not.toEqual(value);
  });
}

test('Reset starts a fresh world with the same seed', async ({ app, terminal, cluster, page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await app.open({ seed: 1 });
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0');
  await expect.poll(async () => (await cluster.pods('my-app-')).length).toBe(1);

  await app.button('Reset').click();
  // A confirmation may be a dialog of the page's own rather than the browser's.
  const confirm = page.getByRole('dialog').getByRole('button', { name: /reset|yes|ok|confirm/i });
  await confirm.waitFor({ timeout: 2000 }).then(
    () => confirm.click(),
    () => undefined,
  );

  await expect.poll(async () => (await cluster.pods('my-app-')).length).toBe(0);
  await terminal.waitForPrompt();
  expect(await terminal.run('kubectl get deployments')).toBe(
    'No resources found in default namespace.',
  );
});
