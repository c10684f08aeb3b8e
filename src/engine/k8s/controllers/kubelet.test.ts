import { describe, expect, it } from 'vitest';
import { deployment, TestWorld } from '../../testing';
import { SECOND } from '../../time';
import type { Event } from '../types';

function podEvents(t: TestWorld, pod: string): Event[] {
  return t.list('Event').filter((e) => e.involvedObject.name === pod);
}

describe('the scheduler and the kubelet', () => {
  it('spread a deployment over the nodes and take a pod from Pending to Running with the real events', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:latest', 3));
    const pods = t.pods();
    expect(new Set(pods.map((p) => p.spec?.nodeName)).size).toBe(3);
    expect(t.podStates().map((s) => s.split(' ')[1])).toEqual([
      'ContainerCreating',
      'ContainerCreating',
      'ContainerCreating',
    ]);
    t.wait(15 * SECOND);
    const pod = t.pods()[0]!;
    expect(pod.status).toMatchObject({ phase: 'Running', qosClass: 'BestEffort' });
    expect(pod.status?.podIP).toMatch(/^10\.244\.[123]\.\d+$/);
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = pod.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:latest',
    });
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const events = podEvents(t, pod.metadata!.name!);
    expect(events.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']),
    );
    const scheduled = events.find((e) => e.reason === 'Scheduled')!;
    expect(scheduled).toMatchObject({
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      source: {},
    });
    expect(scheduled.message).toBe(
      `Successfully assigned default/${pod.metadata?.name} to ${pod.spec?.nodeName}`,
    );
    expect(events.find((e) => e.reason === 'Pulling')?.message).toBe(
      'Pulling image "nginx:latest"',
    );
    expect(events.find((e) => e.reason === 'Pulled')?.message).toMatch(
      /^Successfully pulled image "nginx:latest" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/,
    );
    expect(events.find((e) => e.reason === 'Created')?.message).toBe('Created container: app');
    expect(events.find((e) => e.reason === 'Started')?.message).toBe('Started container app');
    expect(events.find((e) => e.reason === 'Started')).toMatchObject({
      source: { component: 'kubelet', host: pod.spec?.nodeName },
      involvedObject: { fieldPath: 'spec.containers{app}' },
    });
  });

  it('backs off a pull that fails, alternating ErrImagePull and ImagePullBackOff, with growing gaps', () => {
    const t = new TestWorld().create('Deployment', deployment('web', 'nginx:2.27.0'));
    const name = t.pods()[0]!.metadata!.name!;
    const seen: string[] = [];
    for (let i = 0; i < 300; i++) {
      t.wait(SECOND);
      const reason = t.pods()[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '';
      if (seen.at(-1) !== reason) seen.push(reason);
    }
    expect(seen.slice(0, 4)).toEqual([
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
    ]);
    const events = podEvents(t, name);
    const pulling = events.find((e) => e.reason === 'Pulling')!;
    // Five minutes of 10 s, 20 s, 40 s, 80 s … windows: a handful of pulls, not one per sync.
    expect(pulling.count).toBeGreaterThanOrEqual(4);
    expect(pulling.count).toBeLessThanOrEqual(7);
    expect(events.find((e) => e.message?.startsWith('Failed to pull image'))?.message).toBe(
      'Failed to pull image "nginx:2.27.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:2.27.0": failed to resolve reference "docker.io/library/nginx:2.27.0": docker.io/library/nginx:2.27.0: not found',
    );
    expect(events.find((e) => e.reason === 'BackOff')).toMatchObject({
      type: 'Normal',
      message: 'Back-off pulling image "nginx:2.27.0"',
    });
    expect(events.filter((e) => e.reason === 'Failed').map((e) => e.message)).toEqual(
      expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']),
    );
    const backingOff = t.pods()[0]!.status!.containerStatuses![0]!;
    expect(backingOff).toMatchObject({
      ready: false,
      started: false,
      imageID: '',
      image: 'nginx:2.27.0',
    });
  });

  it('pulls an image once per node when the pull policy allows reuse', () => {
    const t = new TestWorld({ nodes: 1 })
      .create('Deployment', deployment('web', 'nginx:1.27', 1))
      .settle();
    t.edit('Deployment', 'web', (d) => ({ ...d, spec: { ...d.spec!, replicas: 2 } })).settle();
    const pulled = t
      .list('Event')
      .filter((e) => e.reason === 'Pulled')
      .map((e) => e.message);
    expect(pulled).toHaveLength(2);
    expect(pulled).toContain('Container image "nginx:1.27" already present on machine');
  });

  it('terminates a deleted pod gracefully and frees its IP', () => {
    const t = new TestWorld({ nodes: 1 })
      .create('Deployment', deployment('web', 'nginx:latest'))
      .settle();
    const pod = t.pods()[0]!;
    t.delete('Pod', pod.metadata!.name!);
    expect(t.get('Pod', pod.metadata!.name!)?.metadata?.deletionTimestamp).toBeDefined();
    t.settle();
    expect(t.get('Pod', pod.metadata!.name!)).toBeUndefined();
    expect(podEvents(t, pod.metadata!.name!).find((e) => e.reason === 'Killing')?.message).toBe(
      'Stopping container app',
    );
    // The ReplicaSet replaced it.
    expect(t.podStates()).toEqual([expect.stringMatching(/Running$/)]);
  });

  it('leaves pods Pending when no node has room', () => {
    const t = new TestWorld({ nodes: 1 })
      .create('Deployment', deployment('big', 'nginx:latest', 112))
      .settle();
    const pending = t.pods().filter((p) => !p.spec?.nodeName);
    // 110 pods fit on a node; coredns already uses two of them.
    expect(pending).toHaveLength(4);
    const cond = pending[0]?.status?.conditions?.[0];
    expect(cond).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
  });
});

describe('a container that exits', () => {
  it('is restarted, then crash-loops with the kubelet’s growing back-off', () => {
    const t = new TestWorld().create('Deployment', deployment('bb', 'busybox'));
    const seen: string[] = [];
    for (let i = 0; i < 90; i++) {
      t.wait(SECOND);
      const cs = t.pods()[0]?.status?.containerStatuses?.[0];
      const state =
        cs?.state?.waiting?.reason ??
        cs?.state?.terminated?.reason ??
        (cs?.state?.running ? 'Running' : '');
      if (seen.at(-1) !== state) seen.push(state);
    }
    expect(seen.slice(0, 4)).toEqual([
      'ContainerCreating',
      'Completed',
      'CrashLoopBackOff',
      'Completed',
    ]);
    expect(seen).not.toContain('Running');
    const pod = t.pods()[0]!;
    const cs = pod.status!.containerStatuses![0]!;
    expect(cs.restartCount).toBeGreaterThanOrEqual(3);
    expect(cs.restartCount).toBeLessThanOrEqual(5);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(pod.status?.phase).toBe('Running');
    const backOff = t.list('Event').find((e) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container app in pod ${pod.metadata?.name}_default(${pod.metadata?.uid})`,
    });
    if (cs.state?.waiting)
      expect(cs.state.waiting.message).toMatch(
        /^back-off (10s|20s|40s|1m20s) restarting failed container=app pod=bb-/,
      );
  });

  it('keeps running when the pod gives it a command', () => {
    const t = new TestWorld().create('Deployment', {
      ...deployment('bb', 'busybox'),
      spec: {
        selector: { matchLabels: { app: 'bb' } },
        template: {
          metadata: { labels: { app: 'bb' } },
          spec: { containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] },
        },
      },
    });
    t.wait(30 * SECOND);
    expect(t.podStates()).toEqual([expect.stringMatching(/ Running$/)]);
  });
});
