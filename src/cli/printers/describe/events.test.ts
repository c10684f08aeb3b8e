// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): DescribeEvents,
// searchEvents; ordering from staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go.
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../engine/k8s/types';
import { describeEvents, eventInterval, searchEvents } from './events';
import { ago, NOW } from './fixtures';
import { memoryReader } from './testing';
import { tabbedString } from './writer';

const event = (over: Partial<Event>): Event => ({
  metadata: { name: 'e', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u1' },
  ...over,
});

describe('eventInterval', () => {
  it('shows the first age, or the last age with a count for repeated events', () => {
    expect(
      eventInterval(event({ firstTimestamp: ago(300), lastTimestamp: ago(300), count: 1 }), NOW),
    ).toBe('5m');
    expect(
      eventInterval(event({ firstTimestamp: ago(300), lastTimestamp: ago(130), count: 3 }), NOW),
    ).toBe('2m10s (x3 over 5m)');
    expect(
      eventInterval(
        event({ eventTime: ago(90), series: { count: 4, lastObservedTime: ago(20) } }),
        NOW,
      ),
    ).toBe('20s (x4 over 90s)');
    expect(eventInterval(event({}), NOW)).toBe('<unknown>');
  });
});

describe('describeEvents', () => {
  it('prints `Events: <none>` without flushing, and a table sorted by last timestamp', () => {
    expect(tabbedString((w) => describeEvents([], w, NOW))).toBe('Events:  <none>\n');
    const out = tabbedString((w) =>
      describeEvents(
        [
          event({
            type: 'Warning',
            reason: 'Late',
            message: ' trimmed  ',
            source: { component: 'kubelet' },
            firstTimestamp: ago(60),
            lastTimestamp: ago(5),
            count: 2,
          }),
          event({
            type: 'Normal',
            reason: 'Early',
            message: 'first',
            reportingComponent: 'default-scheduler',
            eventTime: ago(70),
          }),
          event({
            type: 'Normal',
            reason: 'Middle',
            message: 'second',
            source: { component: 'kubelet', host: 'node-1' },
            firstTimestamp: ago(50),
            lastTimestamp: ago(50),
            count: 1,
          }),
        ],
        w,
        NOW,
      ),
    );
    expect(out).toBe(
      [
        'Events:',
        '  Type     Reason  Age               From               Message',
        '  ----     ------  ----              ----               -------',
        '  Normal   Early   70s               default-scheduler  first',
        '  Normal   Middle  50s               kubelet            second',
        '  Warning  Late    5s (x2 over 60s)  kubelet            trimmed',
        '',
      ].join('\n'),
    );
  });
});

describe('searchEvents', () => {
  it('matches name, namespace, kind and uid of the involved object', () => {
    const stored = (name: string, involved: Event['involvedObject']) => ({
      kind: 'Event' as const,
      ...event({ metadata: { name, namespace: 'default' }, involvedObject: involved }),
    });
    const reader = memoryReader([
      stored('a', { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u1' }),
      stored('b', { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u0' }),
      stored('c', { kind: 'Service', name: 'p', namespace: 'default', uid: 'u1' }),
      stored('d', { kind: 'Node', name: 'n1', uid: 'n1' }),
    ]);
    const names = (es: Event[]) => es.map((e) => e.metadata.name);
    expect(names(searchEvents(reader, { name: 'p', namespace: 'default', uid: 'u1' }))).toEqual([
      'a',
      'c',
    ]);
    expect(
      names(searchEvents(reader, { name: 'p', namespace: 'default', kind: 'Pod', uid: 'u1' })),
    ).toEqual(['a']);
    expect(
      names(searchEvents(reader, { name: 'n1', namespace: '', kind: 'Node', uid: 'n1' })),
    ).toEqual(['d']);
  });
});
