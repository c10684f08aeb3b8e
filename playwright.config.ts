import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded here: Playwright drives Debian's chromium package (npm test
// installs it when missing). CHROMIUM_PATH points elsewhere on other machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const port = 4173;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: one worker per core, with the preview server and the browsers sharing them.
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    // Wide enough that a `kubectl get pods` row or a rollout status line never wraps in the
    // terminal pane, beside the lesson column.
    viewport: { width: 2400, height: 1080 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath,
      // Quiet on a closed network: nothing of Chromium's own may phone home, so any request
      // that leaves the origin is the page's (and fails the offline check in e2e/fixtures.ts).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The production build (`npm test` builds dist/ first), served as any static host would.
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
