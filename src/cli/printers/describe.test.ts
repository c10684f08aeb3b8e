// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeNamespace,
// genericDescriber (used for Events), DescribeEvents; joining from
// staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (Run, DescribeMatchingResources). Checked
// byte for byte against kubectl v1.32.5 describing the same objects served by a stub API server.
import { describe, expect, it } from 'vitest';
import type { Event, Namespace, Pod } from '../../engine/k8s/types';
import { describeMany, describeObject } from './describe';
import { memoryReader } from './describe/testing';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const ago = (seconds: number): string =>
  new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const defaultNs: Namespace = {
  metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
  status: { phase: 'Active' },
};

describe('describeObject', () => {
  it('describes a Namespace with its (absent) quotas and limit ranges', () => {
    expect(describeObject('Namespace', defaultNs, { now: NOW, reader: memoryReader([]) })).toBe(
      [
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });

  it('describes a terminating Namespace with its conditions', () => {
    const ns: Namespace = {
      metadata: { name: 'gone', labels: { 'kubernetes.io/metadata.name': 'gone' } },
      status: {
        phase: 'Terminating',
        conditions: [
          {
            type: 'NamespaceContentRemaining',
            status: 'True',
            lastTransitionTime: ago(9),
            reason: 'SomeResourcesRemain',
            message: 'Some resources are remaining: pods. has 1 resource instances',
          },
        ],
      },
    };
    expect(describeObject('Namespace', ns, { now: NOW, reader: memoryReader([]) }))
      .toMatchInlineSnapshot(`
        "Name:         gone
        Labels:       kubernetes.io/metadata.name=gone
        Annotations:  <none>
        Status:       Terminating
        Conditions:
          Type                       Status  LastTransitionTime               Reason               Message
          ----                       ------  ------------------               ------               -------
          NamespaceContentRemaining  True    Sun, 01 Jun 2025 11:59:51 +0000  SomeResourcesRemain  Some resources are remaining: pods. has 1 resource instances

        No resource quota.

        No LimitRange resource.
        "
      `);
  });

  it('describes an Event field by field, as kubectl’s generic describer does', () => {
    const event: Event & { kind: 'Event' } = {
      kind: 'Event',
      metadata: {
        name: 'my-app.1849b5e2c0f1a2b3',
        namespace: 'default',
        uid: 'e-1',
        resourceVersion: '5',
        creationTimestamp: ago(1400),
      },
      involvedObject: {
        kind: 'Service',
        namespace: 'default',
        name: 'my-app',
        uid: 'svc-uid-1',
        apiVersion: 'v1',
      },
      reason: 'EnsuringLoadBalancer',
      message: 'Ensuring load balancer',
      type: 'Normal',
      source: { component: 'service-controller' },
      firstTimestamp: ago(1400),
      lastTimestamp: ago(1400),
      count: 1,
    };
    expect(describeObject('Event', event, { now: NOW, reader: memoryReader([event]) }))
      .toMatchInlineSnapshot(`
        "Name:             my-app.1849b5e2c0f1a2b3
        Namespace:        default
        Labels:           <none>
        Annotations:      <none>
        API Version:      v1
        Count:            1
        Event Time:       <nil>
        First Timestamp:  2025-06-01T11:36:40Z
        Involved Object:
          API Version:   v1
          Kind:          Service
          Name:          my-app
          Namespace:     default
          UID:           svc-uid-1
        Kind:            Event
        Last Timestamp:  2025-06-01T11:36:40Z
        Message:         Ensuring load balancer
        Metadata:
          Creation Timestamp:  2025-06-01T11:36:40Z
          Resource Version:    5
          UID:                 e-1
        Reason:                EnsuringLoadBalancer
        Reporting Component:   
        Reporting Instance:    
        Source:
          Component:  service-controller
        Type:         Normal
        Events:       <none>
        "
      `);
  });
});

describe('describeMany', () => {
  const pod = (name: string): Pod & { kind: 'Pod' } => ({
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name },
    spec: { containers: [] },
    status: { phase: 'Pending' },
  });
  const ctx = { now: NOW, reader: memoryReader([]) };

  it('separates descriptions with a blank line and one more newline', () => {
    const [a, b] = [describeObject('Pod', pod('a'), ctx), describeObject('Pod', pod('b'), ctx)];
    expect(describeMany('Pod', [pod('a'), pod('b')], ctx)).toBe(`${a}\n\n${b}`);
    expect(describeMany('Pod', [pod('a')], ctx)).toBe(a);
    expect(describeMany('Pod', [], ctx)).toBe('');
  });

  it('ends each description with a newline in the name-prefix fallback', () => {
    const [a, b] = [describeObject('Pod', pod('a'), ctx), describeObject('Pod', pod('b'), ctx)];
    expect(describeMany('Pod', [pod('a'), pod('b')], ctx, 'prefix')).toBe(`${a}\n${b}\n`);
  });
});
