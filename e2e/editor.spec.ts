// The file editor in the manifests pane: the files the shell writes open in Monaco, saving writes
// them back for the shell, the shell's edits reach clean tabs, the simulator's validation shows
// as markers, and unsaved buffers survive a reload.
import type { Page } from '@playwright/test';
import { expect, test, type TerminalPage } from './fixtures';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
        - name: web
          image: nginx:1.27.0`;

// Each test loads Monaco and types key by key; on a busy two-core machine that, with a reload,
// can take longer than the default minute.
test.describe.configure({ timeout: 120_000 });

async function writeManifest(terminal: TerminalPage): Promise<void> {
  await terminal.run(`cat > my.yaml <<EOF\n${MANIFEST}\nEOF`);
}

/** The lines Monaco draws (spaces come as NBSP). */
async function editorText(page: Page): Promise<string> {
  const text = await page.getByTestId('file-editor').locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Puts the cursor at the end of line `n` (1-based) of the shown file. */
async function endOfLine(page: Page, n: number): Promise<void> {
  await page.getByTestId('file-editor').locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

async function openFromTree(page: Page, name: string): Promise<void> {
  const tree = page.getByTestId('file-tree');
  if (!(await tree.isVisible())) await page.getByRole('button', { name: 'Files' }).click();
  await tree.getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('file-editor').locator('.view-lines')).toContainText('kind');
}

test('a file written in the shell is edited in Monaco and saved for the shell', async ({
  app,
  page,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await writeManifest(terminal);
  await openFromTree(page, 'my.yaml');

  const tab = page.getByTestId('editor-tab').filter({ hasText: 'my.yaml' });
  await expect(tab.getByRole('tab')).toHaveAttribute('aria-selected', 'true');
  await expect(tab).not.toContainText('●');

  await endOfLine(page, 6);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await expect(tab).toContainText('●');
  await page.keyboard.press('Control+s');
  await expect(tab).not.toContainText('●');
  expect(await terminal.run('grep replicas my.yaml')).toBe('  replicas: 3');

  // The shell's edit reaches the open tab, which has nothing unsaved.
  await terminal.run("sed -i 's/nginx:1.27.0/nginx:1.28.0/' my.yaml");
  await expect.poll(() => editorText(page)).toMatch(/image: nginx:1\.28\.0/);
  await expect(tab).not.toContainText('●');
});

test('the API server’s objections show as markers, and unsaved edits survive a reload', async ({
  app,
  page,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await writeManifest(terminal);
  await openFromTree(page, 'my.yaml');
  const tab = page.getByTestId('editor-tab').filter({ hasText: 'my.yaml' });

  // The API server would refuse a negative replica count: a marker on that line says so.
  await endOfLine(page, 6);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-1');
  const editor = page.getByTestId('file-editor');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1);
  await expect(page.getByTestId('editor-problems')).toContainText(
    'Line 6: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  );
  // Hovering the marked key shows the message (the text above it would intercept a plain hover).
  await editor.locator('.view-line').nth(5).getByText('replicas').hover({ force: true });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'spec.replicas' })).toContainText(
    'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  );

  // Unsaved, the buffer survives a reload; the file keeps what it had.
  await app.reload();
  await expect(tab).toContainText('●');
  await expect(tab.getByRole('tab')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page)).toMatch(/replicas: -1/);
  expect(await terminal.run('grep replicas my.yaml')).toBe('  replicas: 1');
});

test('closing a tab with unsaved changes asks first; the tabs work from the keyboard', async ({
  app,
  page,
  terminal,
}) => {
  await app.open({ seed: 1 });
  await writeManifest(terminal);
  await openFromTree(page, 'my.yaml');
  await endOfLine(page, 4);
  await page.keyboard.type('-2');

  const tab = page.getByTestId('editor-tab').filter({ hasText: 'my.yaml' });
  await tab.getByRole('button', { name: 'Close my.yaml' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('my.yaml has changes that are not saved');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(tab).toContainText('●');

  // The shell changes the file under the unsaved buffer: the buffer stays, and the editor says so.
  await terminal.run("sed -i 's/my-app/your-app/' my.yaml");
  await expect(page.getByTestId('file-editor')).toContainText(
    'my.yaml was changed outside the editor since you opened it',
  );
  await expect.poll(() => editorText(page)).toMatch(/name: my-app-2/);

  // Arrow keys move between Changes and the file's tab; Delete asks to close it.
  await tab.getByRole('tab').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Changes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('file-editor')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(tab.getByRole('tab')).toBeFocused();
  await page.keyboard.press('Delete');
  await ask.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('editor-tab')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Changes' })).toBeFocused();
  expect(await terminal.run('grep name: my.yaml')).toBe('  name: your-app\n        - name: web');
});
