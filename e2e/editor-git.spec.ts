// Committing from the editor: a file edited in Monaco is staged and committed from the Git panel,
// which types the equivalent commands into the terminal, and the repository downloads as a zip.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

// Monaco loads and the commands run on a busy two-core machine: more than the default minute.
test.describe.configure({ timeout: 120_000 });

test('a change saved in the editor is committed from the Git panel', async ({
  app,
  page,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await terminal.run(
    "mkdir shop && cd shop && git init -q && echo 'replicas: 1' > shop.yaml && git add shop.yaml && git commit -q -m First",
  );

  const tree = page.getByTestId('file-tree');
  if (!(await tree.isVisible())) await page.getByRole('button', { name: 'Files' }).click();
  await tree.getByRole('button', { name: 'shop.yaml', exact: true }).click();
  const lines = page.getByTestId('file-editor').locator('.view-lines');
  await expect(lines).toContainText('replicas');
  await lines.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await page.keyboard.press('Control+s');
  const tab = page.getByTestId('editor-tab').filter({ hasText: 'shop.yaml' });
  await expect(tab).not.toContainText('●');

  await page.getByRole('button', { name: 'Git', exact: true }).click();
  const panel = page.getByTestId('git-panel');
  await expect(panel).toContainText('~/shop');
  const unstaged = panel.getByTestId('git-unstaged');
  await expect(unstaged).toContainText('modified: shop.yaml');
  const commit = panel.getByRole('button', { name: 'Commit' });
  await panel.getByLabel('Commit message').fill('Scale to 3');
  // Nothing staged or ticked yet: nothing to commit.
  await expect(commit).toBeDisabled();
  await unstaged.getByRole('checkbox').check();
  await commit.click();

  await terminal.waitForText(/\$ git add -- shop\.yaml && git commit -m 'Scale to 3'/);
  await expect(panel).toContainText('Nothing to commit, working tree clean.');
  expect(await terminal.run('git log --oneline')).toMatch(
    /^[0-9a-f]{7} \(HEAD -> main\) Scale to 3\n[0-9a-f]{7} First$/,
  );

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download repository' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shop.zip');
  const zip = await readFile(await file.path());
  // A zip, holding the work tree and its .git under one folder.
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(zip.includes('shop/.git/HEAD')).toBe(true);
  expect(zip.includes('shop/shop.yaml')).toBe(true);
});

test('kubectl edit opens the object in a tab; saving applies it, closing cancels', async ({
  page,
  app,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await terminal.run('kubectl create deployment web --image=nginx:1.27');

  await terminal.type('kubectl edit deployment web');
  const tab = page.getByTestId('editor-tab').filter({ hasText: /kubectl-edit-\d+\.yaml/ });
  await expect(tab).toHaveCount(1);
  const lines = page.getByTestId('file-editor').locator('.view-lines');
  await expect(lines).toContainText('# Please edit the object below.');
  await expect(lines).toContainText('replicas');
  // The line of spec.replicas, the first `replicas: 1` (Monaco places its lines by their top).
  const line = await lines.evaluate((el) => {
    const rows = Array.from(el.querySelectorAll<HTMLElement>('.view-line'))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' '));
    return rows.findIndex((t) => /^ {2}replicas: 1$/.test(t)) + 1;
  });
  expect(line).toBeGreaterThan(0);
  await lines.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  // Saving at once ends the edit and closes the last tab while Monaco may still be starting its
  // worker: the editor must stay whole (the page's error check would see an uncaught error).
  await page.keyboard.press('Control+s');
  await terminal.waitForText(/\$ kubectl edit deployment web\ndeployment\.apps\/web edited/);
  // kubectl removes its file when done: the tab goes with it.
  await expect(tab).toHaveCount(0);
  expect(await terminal.run('kubectl get deployment web -o jsonpath={.spec.replicas}; echo')).toBe(
    '3',
  );

  await terminal.type('kubectl edit deployment web');
  await expect(tab).toHaveCount(1);
  await tab.getByRole('button', { name: /^Close kubectl-edit-/ }).click();
  await terminal.waitForText(/Edit cancelled, no changes made\./);
  await terminal.waitForPrompt();
});
