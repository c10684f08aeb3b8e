import { describe, expect, it } from 'vitest';
import type { DriverRecord } from '../cli/driver';
import { DeferredHost } from './deferred';
import { LiveSession } from './live';

describe('DeferredHost', () => {
  it('shows the saved screen and history before the session exists', () => {
    const host = new DeferredHost('$ kubectl get pods\nNo resources found\n', ['kubectl get pods']);
    expect(host.transcript).toContain('No resources found');
    expect(host.history).toEqual(['kubectl get pods']);
    expect(host.busy).toBe(false);
    expect(host.completions('kub', 3)).toEqual({ start: 3, candidates: [] });
  });

  it('holds the first command until the session arrives, then runs it there', () => {
    const host = new DeferredHost('', []);
    const records: DriverRecord[] = [];
    host.subscribe((r) => records.push(r));
    host.echo('^C\n');
    host.submit('kubectl create deployment my-app --image=nginx:1.27.0');
    expect(host.busy).toBe(true);
    expect(records).toEqual([]);
    const live = new LiveSession({ seed: 1 });
    host.resize(100, 30);
    host.attach(live);
    expect(host.busy).toBe(false);
    expect(records.map((r) => r.type)).toEqual(['start', 'output', 'changes', 'end']);
    expect(live.history).toEqual(['kubectl create deployment my-app --image=nginx:1.27.0']);
    expect(live.transcript).toBe(
      '^C\n$ kubectl create deployment my-app --image=nginx:1.27.0\ndeployment.apps/my-app created\n',
    );
    expect(live.session.env.COLUMNS).toBe('100');
    expect(host.history).toBe(live.history);
  });

  it('interrupts a held command as the live session would have, keeping it in the transcript', () => {
    const host = new DeferredHost('', []);
    const records: DriverRecord[] = [];
    host.subscribe((r) => records.push(r));
    host.submit('sleep 5');
    host.interrupt();
    expect(records).toEqual([
      { type: 'end', command: -1, exitCode: 130, time: 0, interrupted: true },
    ]);
    expect(host.busy).toBe(false);
    const live = new LiveSession({ seed: 1 });
    host.attach(live);
    expect(live.history).toEqual([]);
    expect(live.transcript).toBe('$ sleep 5\n^C\n');
  });

  it('passes suggestions from the session on to the terminal', () => {
    const host = new DeferredHost('', []);
    const seen: string[] = [];
    host.onSuggest((t) => seen.push(t));
    const live = new LiveSession({ seed: 1 });
    host.attach(live);
    live.suggest('kubectl rollout undo deployment/my-app');
    expect(seen).toEqual(['kubectl rollout undo deployment/my-app']);
  });
});
