// The cluster view: objects open as the YAML `kubectl get -o yaml` prints, the LoadBalancer's
// address arrives, and the keyboard reaches all of it.
import { expect, test } from './fixtures';

test('an object opens as its YAML, and Escape closes it', async ({ app, terminal, cluster }) => {
  await app.open({ seed: 1 });
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0');
  await terminal.run('kubectl expose deployment my-app --port=80 --type=LoadBalancer');
  await app.settle();

  const service = cluster.root.locator('button[data-kind=Service]', { hasText: 'my-app' });
  await expect(service).toHaveAttribute('data-external-ip', /^203\.0\.113\.\d+$/);
  const deployment = cluster.root.locator('button[data-kind=Deployment]', { hasText: 'my-app' });
  await deployment.focus();
  await deployment.press('Enter');
  const dialog = cluster.root.getByRole('dialog');
  await expect(dialog).toContainText('$ kubectl get deployment my-app -o yaml');
  await expect(dialog.locator('pre')).toContainText('apiVersion: apps/v1\nkind: Deployment\n');
  await expect(dialog.locator('pre')).toContainText('  replicas: 1\n');
  // The YAML is the one kubectl prints: the terminal shows the same text for the same command
  // (its last rows, as many as the pane holds).
  const yaml = await dialog.locator('pre').textContent();
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deployment).toBeFocused();
  const printed = await terminal.run('kubectl get deployment my-app -o yaml');
  expect(printed.split('\n').length).toBeGreaterThan(10);
  expect(yaml?.endsWith(`${printed}\n`)).toBe(true);
});
