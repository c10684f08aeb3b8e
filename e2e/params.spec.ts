// URL parameters (DESIGN.md §4.3) and the clock controls.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Relative luminance (WCAG) of the background the timeline is drawn on. */
async function pageBackgroundLuminance(page: Page): Promise<number> {
  return page.getByTestId('timeline').evaluate((start) => {
    let el: Element | null = start;
    let color = 'rgb(255, 255, 255)';
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) {
        color = c;
        break;
      }
    }
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`?theme=${theme} wins over the system's preference`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: theme === 'light' ? 'dark' : 'light' });
    await app.open({ seed: 1, theme });
    const luminance = await pageBackgroundLuminance(page);
    if (theme === 'light') expect(luminance).toBeGreaterThan(0.5);
    else expect(luminance).toBeLessThan(0.5);
  });
}

test('without ?theme the page follows the system preference', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open({ seed: 1 });
  expect(await pageBackgroundLuminance(page)).toBeLessThan(0.5);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => pageBackgroundLuminance(page)).toBeGreaterThan(0.5);
});

test('?speed=20 runs the simulated clock twenty times as fast', async ({ app, terminal }) => {
  await app.open({ seed: 1, speed: 20 });
  // A minute of simulated time: three real seconds at 20×, a minute at 1×.
  await terminal.type('sleep 60');
  await terminal.waitForText(/^\$ sleep 60\n\$$/m, 15_000);
});

test('Pause stops the clock and Settle now still brings the world to rest', async ({
  app,
  terminal,
  cluster,
  page,
}) => {
  // At 20× an image pull takes well under a second, so a paused clock is easy to tell apart.
  await app.open({ seed: 1, speed: 20 });
  await app.button('Pause').click();
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0');
  await expect.poll(() => cluster.statuses('my-app-')).toEqual(['ContainerCreating']);
  await page.waitForTimeout(1500);
  expect(await cluster.statuses('my-app-')).toEqual(['ContainerCreating']);

  await app.settle();
  await expect.poll(() => cluster.statuses('my-app-')).toEqual(['Running']);
});

test('the speed buttons are there', async ({ app }) => {
  await app.open({ seed: 1 });
  for (const name of ['Pause', '1×', '5×', 'Settle now', 'Reset']) {
    await expect(app.button(name)).toBeVisible();
  }
});
