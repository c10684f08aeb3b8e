import { describe, expect, it } from 'vitest';
import { createSession } from './shell/shell';
import { registry } from './programs';
import { Driver, type DriverRecord } from './driver';
import { SECOND } from '../engine/time';

function drive(seed = 1) {
  const session = createSession({ seed });
  const records: DriverRecord[] = [];
  const driver = new Driver(session, registry, (r) => records.push(r));
  const output = () =>
    records
      .filter((r) => r.type === 'output')
      .map((r) => r.text)
      .join('');
  return { session, driver, records, output };
}

describe('Driver', () => {
  it('runs a command that does not wait at once, reporting start, output, changes and end', () => {
    const { driver, records, output } = drive();
    driver.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    expect(driver.busy).toBe(false);
    expect(output()).toBe('deployment.apps/my-app created\n');
    expect(records.map((r) => r.type)).toEqual(['start', 'output', 'changes', 'end']);
    const changes = records.find((r) => r.type === 'changes');
    expect(changes?.type === 'changes' && changes.command).toBe(0);
    expect(
      changes?.type === 'changes' && changes.changes.some((c) => c.manager === 'kubectl-create'),
    ).toBe(true);
  });

  it('moves a waiting command on only as the clock moves', () => {
    const { driver, session, output } = drive();
    driver.submit('sleep 5; echo done');
    expect(driver.busy).toBe(true);
    const t0 = session.world.now;
    driver.advanceTo(t0 + 4 * SECOND);
    expect(output()).toBe('');
    driver.advanceTo(t0 + 5 * SECOND);
    expect(output()).toBe('done\n');
    expect(driver.busy).toBe(false);
    expect(session.world.now).toBe(t0 + 5 * SECOND);
  });

  it('streams rollout status as the pods come up', () => {
    const { driver, session, output } = drive();
    driver.submit('kubectl create deployment my-app --image=nginx:1.27.0 --replicas=2');
    driver.submit('kubectl rollout status deployment/my-app');
    expect(output()).toContain('Waiting for deployment "my-app" rollout to finish: 0 of 2');
    expect(output()).not.toContain('successfully rolled out');
    driver.advanceTo(session.world.now + 60 * SECOND);
    expect(output()).toContain('deployment "my-app" successfully rolled out\n');
    expect(driver.busy).toBe(false);
  });

  it('refuses a second command while one runs', () => {
    const { driver } = drive();
    driver.submit('sleep 10');
    expect(driver.submit('echo hi')).toBe(false);
  });

  it('interrupts a waiting command with exit code 130', () => {
    const { driver, session, records } = drive();
    driver.submit('sleep 100');
    driver.advanceTo(session.world.now + SECOND);
    driver.interrupt();
    expect(driver.busy).toBe(false);
    expect(records.at(-1)).toMatchObject({ type: 'end', exitCode: 130, interrupted: true });
    expect(session.env['?']).toBe('130');
  });

  it('reports what the controllers do as the clock moves, attributed to nobody', () => {
    const { driver, session, records } = drive();
    driver.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    const before = records.length;
    driver.advanceTo(session.world.now + 30 * SECOND);
    const later = records.slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.type === 'changes' && r.command === null)).toBe(true);
    expect(
      later.some((r) => r.type === 'changes' && r.changes.some((c) => c.manager === 'kubelet')),
    ).toBe(true);
  });

  it('settles: runs until a minute passes with no change, finishing a waiting command', () => {
    const { driver, session, output } = drive();
    driver.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    driver.submit('kubectl rollout status deployment/my-app');
    driver.settle();
    expect(output()).toContain('successfully rolled out');
    const settledAt = session.world.now;
    driver.settle();
    // A still world keeps its clock.
    expect(session.world.now).toBe(settledAt);
  });

  it('stops settling after ten minutes when back-offs never end', () => {
    const { driver, session } = drive();
    driver.submit('kubectl create deployment bad --image=nginx:2.27.0');
    const t0 = session.world.now;
    driver.settle();
    expect(session.world.now - t0).toBeLessThanOrEqual(10 * 60 * SECOND);
    expect(session.world.now - t0).toBeGreaterThan(5 * 60 * SECOND);
  });

  it('is deterministic: the same inputs at the same times give the same world', () => {
    const run = () => {
      const { driver, session, output } = drive(7);
      driver.submit('kubectl create deployment my-app --image=nginx:1.27.0 --replicas=3');
      driver.advanceTo(session.world.now + 12_345);
      driver.submit('kubectl get pods');
      return output();
    };
    expect(run()).toBe(run());
  });
});
