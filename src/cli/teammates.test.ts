// Teammates act at their scheduled time, from their own home and with their own Git identity;
// what they push carries their name, and what they do to the cluster with kubectl carries none.
import { describe, expect, it } from 'vitest';
import { SECOND } from '../engine/time';
import { Driver } from './driver';
import { registry } from './programs';
import { createSession, runHeadlessAsync } from './shell/shell';
import { emptyTimeline, recordTimeline, type Timeline } from './timeline';

const ALEX = { user: 'alex', name: 'Alex Rivera', email: 'alex@example.com' };

async function setUp() {
  const session = createSession({ seed: 1 });
  const sh = (c: string) => runHeadlessAsync(session, c, registry);
  for (const c of [
    'mkdir web && cd web && git init -q',
    'echo "replicas: 1" > values.yaml',
    'git add . && git commit -q -m "Start"',
    'git remote add origin https://github.com/team/web.git',
    'git push -q -u origin main',
  ])
    expect((await sh(c)).exitCode, c).toBe(0);
  return { session, sh };
}

describe('teammates', () => {
  it('push from their own clone at their time, headless, under their own name', async () => {
    const { session, sh } = await setUp();
    const at = session.world.now + 30 * SECOND;
    session.scheduled = [
      {
        ...ALEX,
        at,
        command:
          'git clone -q https://github.com/team/web.git && cd web && echo "replicas: 3" > values.yaml && git commit -q -am "Scale web to 3 for the launch" && git push -q',
      },
    ];
    expect((await sh('git pull')).stdout).toBe('Already up to date.\n');
    expect((await sh('cat values.yaml')).stdout).toBe('replicas: 1\n');
    await sh('sleep 60');
    expect(session.scheduled).toEqual([]);
    expect((await sh('git pull -q; cat values.yaml')).stdout).toContain('replicas: 3\n');
    expect((await sh('git log -1')).stdout).toContain('Author: Alex Rivera <alex@example.com>\n');
    // Their clone is on their machine, not in the learner's home.
    expect((await sh('ls /home/alex')).stdout).toBe('web\n');
  });

  it('show on the timeline as theirs, without a word in the learner terminal', async () => {
    const { session } = await setUp();
    let timeline: Timeline = emptyTimeline();
    const outputs: string[] = [];
    const driver = new Driver(session, registry, (r) => {
      timeline = recordTimeline(timeline, r, r.type === 'start' ? session.world : undefined);
      if (r.type === 'output') outputs.push(r.text);
    });
    driver.schedule({
      ...ALEX,
      at: session.world.now + 10 * SECOND,
      command:
        'git clone -q https://github.com/team/web.git && cd web && echo "replicas: 2" > values.yaml && git commit -q -am "Two replicas" && git push -q',
    });
    driver.schedule({
      ...ALEX,
      at: session.world.now + 20 * SECOND,
      command: 'kubectl create deployment cache --image=redis:7.2',
    });
    const end = session.world.now + 60 * SECOND;
    while (session.world.now < end || driver.busy) {
      if (driver.holding) await new Promise((r) => setTimeout(r, 0));
      else driver.advanceTo(Math.min(driver.nextDue ?? end, end));
      if (!driver.busy && !driver.holding && session.world.now >= end) break;
    }
    expect(outputs).toEqual([]);
    const [push, create] = timeline.entries;
    expect(push).toMatchObject({
      actor: 'Alex Rivera',
      text: expect.stringContaining('git clone'),
    });
    expect(push?.git?.pushes[0]?.commits[0]).toMatchObject({
      message: 'Two replicas\n',
      author: { name: 'Alex Rivera' },
    });
    expect(create).toMatchObject({ actor: 'Alex Rivera' });
    expect(create?.changes[0]).toMatchObject({ kind: 'Deployment', manager: 'kubectl-create' });
  });
});
