// The GitOps flow typed into the page as a person would: Argo CD installed from the terminal, a
// repository pushed to the Git host, an Application that syncs it; then a change made in Monaco
// and pushed, drift on a managed Deployment self-healed, and a bad image taken back with
// `git revert`. Outputs are the ones `npm run sim` prints for the same commands.
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  PROMPT,
  test,
  type AppPage,
  type ClusterPage,
  type TerminalPage,
} from './fixtures';

const INSTALL =
  'kubectl apply -n argocd -f https://raw.githubusercontent.com/argoproj/argo-cd/v2.11.0/manifests/install.yaml';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27.0`;

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/team/web.git
    targetRevision: main
    path: .
  destination:
    server: https://kubernetes.default.svc
    namespace: default
  syncPolicy:
    automated:
      prune: true
      selfHeal: true`;

const PULL_FAILED = /^(ImagePullBackOff|ErrImagePull)$/;

/** Pod statuses with the two faces of a failed pull folded into one, for a stable assertion. */
function folded(statuses: string[]): string[] {
  return statuses.map((s) => (PULL_FAILED.test(s) ? 'pull failed' : s)).sort();
}

// Installing Argo CD, typing two here-documents and loading Monaco, key by key, on a busy
// two-core machine takes well over the default minute.
test.describe.configure({ timeout: 300_000 });

/**
 * Errors logged to the console. Git (isomorphic-git) runs in the page, and what it cannot do in a
 * browser, such as finding Node's Buffer, may be caught and logged rather than thrown.
 */
function consoleErrors(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') lines.push(m.text());
  });
  return lines;
}

/**
 * Runs a command to its end and returns its output without the `> ` lines of a here-document.
 * Each line is echoed before Enter is pressed: on a loaded machine the terminal may not have
 * drawn the typing yet, and the old prompt would pass for the end of the command.
 */
async function run(terminal: TerminalPage, command: string, timeout?: number): Promise<string> {
  await terminal.waitForPrompt();
  const squeeze = (text: string) => text.replace(/\s/g, '');
  for (const [i, line] of command.split('\n').entries()) {
    await terminal.typeKeys(line);
    const echo = squeeze(`${i === 0 ? PROMPT : '>'} ${line}`);
    await expect
      .poll(async () => squeeze((await terminal.rows()).join('')).endsWith(echo))
      .toBe(true);
    await terminal.press('Enter');
  }
  await terminal.waitForPrompt(timeout);
  const rows = await terminal.rows();
  let end = rows.length - 1;
  while (end > 0 && rows[end] !== PROMPT) end--;
  let start = end - 1;
  while (start >= 0 && !(rows[start] ?? '').startsWith(`${PROMPT} `)) start--;
  return rows
    .slice(start + 1, end)
    .filter((row) => !row.startsWith('> '))
    .join('\n');
}

/** Clicks Pause: the clock stands still and only the commands typed move it. */
async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

async function resume(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
}

class GitOpsApp {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page
      .getByTestId('gitops-view')
      .getByTestId('gitops-app')
      .and(page.locator('[data-name="web"]'));
  }

  badge(label: 'Sync' | 'Health'): Locator {
    return this.card
      .locator('.go-badge')
      .filter({ has: this.page.locator('.go-badge-label', { hasText: new RegExp(`^${label}$`) }) });
  }

  async expectStatus(sync: string, health: string, timeout?: number): Promise<void> {
    await expect(this.badge('Sync')).toHaveAttribute('data-status', sync, { timeout });
    await expect(this.badge('Health')).toHaveAttribute('data-status', health, { timeout });
  }
}

/**
 * Argo CD installed, a repository with the web Deployment pushed, and an Application syncing it
 * automatically (prune and self-heal): two web pods running.
 */
async function setUp(
  app: AppPage,
  terminal: TerminalPage,
  cluster: ClusterPage,
  gitops: GitOpsApp,
): Promise<void> {
  await app.open({ seed: 1, speed: 20 });

  await test.step('install Argo CD', async () => {
    expect(await run(terminal, 'kubectl create namespace argocd')).toBe('namespace/argocd created');
    const out = await run(terminal, INSTALL, 30_000);
    expect(out).toMatch(/^deployment\.apps\/argocd-server created$/m);
    expect(out.split('\n').at(-1)).toBe(
      'networkpolicy.networking.k8s.io/argocd-server-network-policy created',
    );
  });

  await test.step('a repository, pushed', async () => {
    expect(await run(terminal, 'mkdir web && cd web && git init', 30_000)).toBe(
      'Initialized empty Git repository in /home/learner/web/.git/',
    );
    await run(terminal, `cat <<EOF > deployment.yaml\n${DEPLOYMENT}\nEOF`);
    expect(await run(terminal, 'git add . && git commit -m "Run web with two replicas"')).toMatch(
      /^\[main \(root-commit\) [0-9a-f]{7}\] Run web with two replicas\n 1 file changed, 17 insertions\(\+\)\n create mode 100644 deployment\.yaml$/,
    );
    expect(await run(terminal, 'git remote add origin https://github.com/team/web.git')).toBe('');
    const push = await run(terminal, 'git push -u origin main');
    expect(push).toMatch(
      /^To https:\/\/github\.com\/team\/web\.git\n \* \[new branch\] {6}main -> main$/m,
    );
    expect(push).toMatch(/branch 'main' set up to track 'origin\/main'\.$/);
  });

  await test.step('an Application that syncs it', async () => {
    expect(await run(terminal, `kubectl apply -f - <<EOF\n${APPLICATION}\nEOF`)).toBe(
      'application.argoproj.io/web created',
    );
    await app.settle();
    await gitops.expectStatus('Synced', 'Healthy', 30_000);
    await expect
      .poll(() => cluster.statuses('web-'), { timeout: 30_000 })
      .toEqual(['Running', 'Running']);
  });
}

test('a change made in Monaco, committed and pushed, is synced and rolls the pods', async ({
  app,
  terminal,
  cluster,
  timeline,
  page,
}) => {
  const errors = consoleErrors(page);
  const gitops = new GitOpsApp(page);
  await setUp(app, terminal, cluster, gitops);
  const before = await cluster.pods('web-');

  await test.step('edit deployment.yaml in Monaco', async () => {
    const tree = page.getByTestId('file-tree');
    if (!(await tree.isVisible())) await page.getByRole('button', { name: 'Files' }).click();
    // my-app/ holds a deployment.yaml too.
    await tree.locator('button[title$="/web/deployment.yaml"]').click();
    const lines = page.getByTestId('file-editor').locator('.view-lines');
    await expect(lines).toContainText('nginx:1.27.0');
    // The image is line 17: 1.27.0 becomes 1.27.3, a tag the registry has.
    await lines.click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < 17; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    const tab = page.getByTestId('editor-tab').filter({ hasText: 'deployment.yaml' });
    await expect(tab).toContainText('●');
    await page.keyboard.press('Control+s');
    await expect(tab).not.toContainText('●');
    expect(await run(terminal, 'git diff')).toMatch(
      /^-\s+image: nginx:1\.27\.0\n\+\s+image: nginx:1\.27\.3$/m,
    );
  });

  // Paused, the application stays OutOfSync between the refresh and the controller's sync.
  await pause(page);

  await test.step('commit, push, refresh: OutOfSync', async () => {
    const commit = await run(terminal, 'git commit -am "Move web to nginx 1.27.3"');
    expect(commit).toMatch(
      /^\[main [0-9a-f]{7}\] Move web to nginx 1\.27\.3\n 1 file changed, 1 insertion\(\+\), 1 deletion\(-\)$/,
    );
    const sha = commit.slice('[main '.length, '[main '.length + 7);
    expect(await run(terminal, 'git push')).toMatch(
      new RegExp(`^ {3}[0-9a-f]{7}\\.\\.${sha} {2}main -> main$`, 'm'),
    );
    const out = await run(terminal, 'argocd app get web --refresh');
    expect(out).toMatch(new RegExp(`^Sync Status: +OutOfSync from main \\(${sha}\\)$`, 'm'));
    expect(out).toMatch(/^apps +Deployment +default +web +OutOfSync +Healthy/m);
    await gitops.expectStatus('OutOfSync', 'Healthy');
  });

  await test.step('the controller syncs and the pods roll', async () => {
    await resume(page);
    await app.settle();
    await gitops.expectStatus('Synced', 'Healthy', 30_000);
    // Both pods replaced by pods of the new ReplicaSet.
    const old = new Set(before.map((p) => p.name));
    await expect
      .poll(
        async () =>
          (await cluster.pods('web-')).map((p) => `${old.has(p.name) ? 'old' : 'new'} ${p.status}`),
        { timeout: 30_000 },
      )
      .toEqual(['new Running', 'new Running']);
    expect(await run(terminal, 'kubectl get deployment web -o wide')).toMatch(
      /^web +2\/2 +2 +2 +\S+ +nginx +nginx:1\.27\.3 +app=web$/m,
    );
  });

  await test.step('the timeline files the rollout under the push', async () => {
    const push = timeline.entries.filter({ hasText: '1 commit: Move web to nginx 1.27.3' });
    await expect(push).toHaveCount(1);
    await push.click();
    const details = timeline.root.locator('.entry.selected');
    await expect(details).toContainText('by Learner <learner@example.com>');
    const followed = details.locator('.follow-ups');
    for (const pod of before) await expect(followed).toContainText(`pod/${pod.name} terminating`);
    await expect(followed).toContainText(/pod\/web-[a-z0-9]+-[a-z0-9]{5} created/);
  });

  expect(errors, 'console errors').toEqual([]);
});

test('scaling a managed Deployment by hand is drift: self-heal puts Git’s count back', async ({
  app,
  terminal,
  cluster,
  timeline,
  page,
}) => {
  const errors = consoleErrors(page);
  const gitops = new GitOpsApp(page);
  await setUp(app, terminal, cluster, gitops);
  const scale = 'kubectl scale deployment web --replicas=5';

  const entries = await timeline.entries.count();
  await pause(page);
  await test.step('scale by hand: OutOfSync, with the diff', async () => {
    expect(await run(terminal, scale)).toBe('deployment.apps/web scaled');
    const out = await run(terminal, 'argocd app get web --refresh');
    expect(out).toMatch(/^Sync Status: +OutOfSync from main /m);
    expect(out).toMatch(/^apps +Deployment +default +web +OutOfSync /m);
    await expect(gitops.badge('Sync')).toHaveAttribute('data-status', 'OutOfSync');
    await gitops.card.getByRole('button', { name: 'Diff Git ↔ live' }).click();
    // argocd app diff's form: the live object on the left, Git's on the right.
    await expect(page.getByTestId('gitops-diff')).toContainText(
      /={5} apps\/Deployment default\/web ={6}\s+\d+c\d+\s+< {3}replicas: 5\s+---\s+> {3}replicas: 2/,
    );
  });

  await test.step('self-heal', async () => {
    await resume(page);
    await app.settle();
    await gitops.expectStatus('Synced', 'Healthy', 30_000);
    await expect
      .poll(() => cluster.statuses('web-'), { timeout: 30_000 })
      .toEqual(['Running', 'Running']);
    expect(await run(terminal, 'kubectl get deployment web')).toMatch(/^web +2\/2 +2 +2 +\S+$/m);
    await expect(page.getByTestId('gitops-diff')).toHaveText('Git and the cluster agree.');
  });

  await test.step('the timeline files the revert under the scale', async () => {
    // The controller's writes are follow-ups of the command that caused them, not entries of
    // their own: the scale and the refresh are the only new ones.
    await expect(timeline.entries).toHaveCount(entries + 2);
    await timeline.select(scale);
    const followed = timeline.root.locator('.entry.selected .follow-ups');
    await expect(followed).toContainText(/deployment\.apps\/web: \d\/5 ready → 2\/2 ready/);
    await expect(followed.getByText(/pod\/web-[a-z0-9]+-[a-z0-9]{5} terminating/)).toHaveCount(3);
  });

  expect(errors, 'console errors').toEqual([]);
});

test('a bad image pushed to Git is taken back with git revert', async ({
  app,
  terminal,
  cluster,
  timeline,
  page,
}) => {
  const errors = consoleErrors(page);
  const gitops = new GitOpsApp(page);
  await setUp(app, terminal, cluster, gitops);
  let sha = '';

  await test.step('push an image tag with a typo', async () => {
    await pause(page);
    expect(await run(terminal, "sed -i 's/nginx:1.27.0/nginx:1.277/' deployment.yaml")).toBe('');
    const commit = await run(terminal, 'git commit -am "Upgrade nginx"');
    expect(commit).toMatch(/^\[main [0-9a-f]{7}\] Upgrade nginx$/m);
    sha = commit.slice('[main '.length, '[main '.length + 7);
    expect(await run(terminal, 'git push')).toMatch(/main -> main$/m);
    expect(await run(terminal, 'argocd app get web --refresh')).toMatch(
      /^Sync Status: +OutOfSync from main /m,
    );
    await resume(page);
    await app.settle();
    // maxUnavailable keeps both old pods while the new one cannot pull its image.
    await expect
      .poll(async () => folded(await cluster.statuses('web-')), { timeout: 30_000 })
      .toEqual(['Running', 'Running', 'pull failed']);
    await expect(gitops.badge('Sync')).toHaveAttribute('data-status', 'Synced');
    await expect(gitops.badge('Health')).toHaveAttribute('data-status', /^(Progressing|Degraded)$/);
    expect(await run(terminal, 'kubectl get pods')).toMatch(
      /^web-[a-z0-9]+-[a-z0-9]{5} +0\/1 +(ImagePullBackOff|ErrImagePull) /m,
    );
  });

  await test.step('the push on the timeline says who, when and why, and offers the revert', async () => {
    const push = timeline.entries.filter({ hasText: '1 commit: Upgrade nginx' });
    await expect(push).toHaveCount(1);
    await push.click();
    const details = timeline.root.locator('.entry.selected');
    await expect(details).toContainText('Pushed to main of https://github.com/team/web.git');
    await expect(details).toContainText(`${sha} by Learner <learner@example.com>`);
    await expect(details.locator('.message')).toHaveText('Upgrade nginx');
    const revert = `git revert --no-edit ${sha} && git push`;
    await expect(details).toContainText(revert);
    await details.getByRole('button', { name: 'Put on the prompt' }).click();
    await timeline.backToNow.click();
    await expect.poll(() => terminal.lastLine()).toBe(`$ ${revert}`);
  });

  await test.step('revert, push, refresh: Running again', async () => {
    await pause(page);
    await terminal.press('Enter');
    await terminal.waitForText(/^\[main [0-9a-f]{7}\] Revert "Upgrade nginx"$/m);
    await terminal.waitForPrompt(30_000);
    expect(await terminal.text()).toMatch(
      new RegExp(`^ {3}${sha}\\.\\.[0-9a-f]{7} {2}main -> main$`, 'm'),
    );
    expect(await run(terminal, 'argocd app get web --refresh')).toMatch(
      /^Sync Status: +OutOfSync from main /m,
    );
    await resume(page);
    await app.settle();
    await gitops.expectStatus('Synced', 'Healthy', 30_000);
    await expect
      .poll(() => cluster.statuses('web-'), { timeout: 30_000 })
      .toEqual(['Running', 'Running']);
    expect(await run(terminal, 'grep image: deployment.yaml')).toBe(
      '          image: nginx:1.27.0',
    );
  });

  await test.step('the revert is on the timeline too', async () => {
    const revert = timeline.entries.filter({ hasText: '1 commit: Revert "Upgrade nginx"' });
    await expect(revert).toHaveCount(1);
    await revert.click();
    await expect(timeline.root.locator('.entry.selected .message')).toContainText(
      'This reverts commit ' + sha,
    );
  });

  await test.step('the repository survives a reload', async () => {
    await timeline.backToNow.click();
    await app.reload();
    const log = await run(terminal, 'git log --oneline');
    expect(log).toMatch(
      new RegExp(
        `^[0-9a-f]{7} \\(HEAD -> main, origin/main\\) Revert "Upgrade nginx"\n${sha} Upgrade nginx\n[0-9a-f]{7} Run web with two replicas$`,
      ),
    );
    expect(await run(terminal, 'git status --short')).toBe('');
  });

  expect(errors, 'console errors').toEqual([]);
});
