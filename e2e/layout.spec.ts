// The page's layout: panes resized by dragging or with the keyboard, kept across a reload, and
// stacked on a narrow screen.
import { expect, test } from './fixtures';

test('the splitters move with the keyboard and the mouse, and stay where they were left', async ({
  app,
  page,
}) => {
  await app.open({ seed: 1 });
  const vertical = page.getByRole('separator', { name: 'Resize terminal and manifests' });
  await expect(vertical).toHaveAttribute('aria-valuenow', '55');
  await vertical.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(vertical).toHaveAttribute('aria-valuenow', '45');
  const terminalWidth = (await page.getByTestId('terminal').boundingBox())?.width ?? 0;

  const horizontal = page.getByRole('separator', { name: 'Resize top and bottom panes' });
  const box = (await horizontal.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 100, { steps: 5 });
  await page.mouse.up();
  const rows = Number(await horizontal.getAttribute('aria-valuenow'));
  expect(rows).toBeLessThan(58);

  await app.reload();
  await expect(vertical).toHaveAttribute('aria-valuenow', '45');
  await expect(horizontal).toHaveAttribute('aria-valuenow', String(rows));
  expect((await page.getByTestId('terminal').boundingBox())?.width).toBeCloseTo(terminalWidth, 0);
});

test('a narrow screen stacks the panes, each tall enough to use', async ({
  app,
  page,
  terminal,
}) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await app.open({ seed: 1 });
  expect(await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0')).toBe(
    'deployment.apps/my-app created',
  );
  const boxes = await Promise.all(
    ['terminal', 'manifest-diff', 'timeline', 'cluster-view'].map(
      async (id) => (await page.getByTestId(id).boundingBox())!,
    ),
  );
  for (const b of boxes) {
    expect(b.width).toBeGreaterThan(600);
    expect(b.height).toBeGreaterThan(250);
  }
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
  }
  await expect(page.getByRole('separator')).toHaveCount(0);
});
