// Completion in the file editor: keys and their values from the manifest schema, and templates
// in an empty file.
import { expect, test } from './fixtures';

test('completion in the editor', async ({ app, page, terminal }) => {
  await app.open({ seed: 1 });
  await terminal.run(`cat > my.yaml <<EOF\napiVersion: v1\nkind: Service\nspec:\nEOF`);
  const tree = page.getByTestId('file-tree');
  if (!(await tree.isVisible())) await page.getByRole('button', { name: 'Files' }).click();
  await tree.getByRole('button', { name: 'my.yaml', exact: true }).click();
  const lines = page.getByTestId('file-editor').locator('.view-lines');
  await expect(lines).toContainText('kind');
  await lines.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  ty');
  const widget = page.locator('.suggest-widget');
  await expect(widget).toBeVisible();
  await expect(widget).toContainText('type');
  await page.keyboard.press('Enter');
  await expect(widget.filter({ hasText: 'LoadBalancer' })).toBeVisible();
  await page.keyboard.type('Load');
  await page.keyboard.press('Enter');
  const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
  expect(text).toContain('  type: LoadBalancer');
});

test('templates in an empty file', async ({ app, page, terminal }) => {
  await app.open({ seed: 1 });
  await terminal.run('touch new.yaml');
  const tree = page.getByTestId('file-tree');
  if (!(await tree.isVisible())) await page.getByRole('button', { name: 'Files' }).click();
  await tree.getByRole('button', { name: 'new.yaml', exact: true }).click();
  const lines = page.getByTestId('file-editor').locator('.view-lines');
  await expect(lines).toBeVisible();
  await lines.click();
  await page.keyboard.type('Depl');
  const widget = page.locator('.suggest-widget');
  await expect(widget).toContainText('Deployment');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await lines.innerText()).replace(/\u00a0/g, ' '))
    .toContain('- containerPort: 80');
  const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
  expect(text).toMatch(/^apiVersion: apps\/v1\nkind: Deployment/);
  expect(text).toContain('      - image: nginx:1.27');
});
