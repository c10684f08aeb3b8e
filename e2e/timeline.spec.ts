// What the timeline keeps of an imperative change: the field manager, no who or why, what the
// controllers did because of it, and the command that would take it back, put on the prompt
// for the person to run, never run for them.
import { expect, test } from './fixtures';

test('a scale entry: what the cluster recorded, what followed, and how to take it back', async ({
  app,
  terminal,
  timeline,
  diff,
}) => {
  await app.open({ seed: 1 });
  await terminal.run('kubectl create deployment my-app --image=nginx:1.27.0');
  await terminal.run('kubectl scale deployment my-app --replicas=3');
  await app.settle();
  await terminal.run('kubectl set image deployment/my-app nginx=nginx:1.27.1');
  await app.settle();

  await timeline.select('kubectl scale deployment my-app --replicas=3');
  const details = timeline.root.locator('.entry.selected .details');
  await expect(details).toContainText('kubectl-scale');
  await expect(details).toContainText('not recorded by the cluster');
  // The two pods the ReplicaSet controller made for it are filed under the scale.
  await expect(details.getByText(/^\S+ pod\/my-app-\w+-\w+ created/)).toHaveCount(2);
  // The diff pane shows the selected change, not the latest.
  await diff.waitForText(/^\+\s*replicas: 3$/m);

  // rollout undo cannot take back a scale: the page offers the command that would.
  await expect(details).toContainText('kubectl scale deployment my-app --replicas=1');
  await details.getByRole('button', { name: 'Put on the prompt' }).click();
  await expect
    .poll(() => terminal.lastLine())
    .toBe('$ kubectl scale deployment my-app --replicas=1');
  // Nothing ran: the deployment still has three replicas until the person presses Enter.
  await timeline.backToNow.click();
  await expect(timeline.entries).toHaveCount(3);
  await terminal.press('Enter');
  await expect(timeline.entries).toHaveCount(4);
  await expect(timeline.entries.last()).toContainText(
    'kubectl scale deployment my-app --replicas=1',
  );

  // An image change is one rollout undo can take back.
  await timeline.select('kubectl set image deployment/my-app nginx=nginx:1.27.1');
  await expect(timeline.root.locator('.entry.selected .details')).toContainText(
    'kubectl rollout undo deployment/my-app',
  );
});
