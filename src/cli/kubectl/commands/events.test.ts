// `kubectl events` transcripts, checked against the real kubectl v1.32 talking to a stub API server
// that serves this simulator's events.
// - Columns, `2m (x3 over 5m)` intervals, OBJECT as Kind/name:
//   staging/src/k8s.io/kubectl/pkg/cmd/events/event_printer.go
// - Sorting (Go's unstable sort.Sort by last time), --for, --types, `No events found`, watch:
//   staging/src/k8s.io/kubectl/pkg/cmd/events/events.go
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import { runHeadless } from '../../shell/shell';
import { expectAsRecorded, transcript as run, withDeployments } from './testing';

const session = withDeployments;

describe('kubectl events', () => {
  const s = session([['my-app', 2, 'nginx:1.27']], 30_000);
  it('lists events sorted by when they last happened', () => {
    expect(run(s, 'kubectl events')).toMatchInlineSnapshot(`
      "LAST SEEN   TYPE     REASON              OBJECT                        MESSAGE
      30s         Normal   SuccessfulCreate    ReplicaSet/my-app-99bbd5bc8   Created pod: my-app-99bbd5bc8-2xwh8
      30s         Normal   Pulling             Pod/my-app-99bbd5bc8-2xwh8    Pulling image "nginx:1.27"
      30s         Normal   ScalingReplicaSet   Deployment/my-app             Scaled up replica set my-app-99bbd5bc8 from 0 to 2
      30s         Normal   SuccessfulCreate    ReplicaSet/my-app-99bbd5bc8   Created pod: my-app-99bbd5bc8-wcrq8
      30s         Normal   Pulling             Pod/my-app-99bbd5bc8-wcrq8    Pulling image "nginx:1.27"
      30s         Normal   Scheduled           Pod/my-app-99bbd5bc8-2xwh8    Successfully assigned default/my-app-99bbd5bc8-2xwh8 to node-1
      30s         Normal   Scheduled           Pod/my-app-99bbd5bc8-wcrq8    Successfully assigned default/my-app-99bbd5bc8-wcrq8 to node-3
      27s         Normal   Created             Pod/my-app-99bbd5bc8-2xwh8    Created container: nginx
      27s         Normal   Started             Pod/my-app-99bbd5bc8-2xwh8    Started container nginx
      27s         Normal   Pulled              Pod/my-app-99bbd5bc8-2xwh8    Successfully pulled image "nginx:1.27" in 2.8s (2.8s including waiting). Image size: 72302616 bytes.
      26s         Normal   Created             Pod/my-app-99bbd5bc8-wcrq8    Created container: nginx
      26s         Normal   Started             Pod/my-app-99bbd5bc8-wcrq8    Started container nginx
      26s         Normal   Pulled              Pod/my-app-99bbd5bc8-wcrq8    Successfully pulled image "nginx:1.27" in 3.9s (3.9s including waiting). Image size: 72302616 bytes.
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl events -A --no-headers --types=normal')).toMatchInlineSnapshot(`
      "default   30s   Normal   SuccessfulCreate    ReplicaSet/my-app-99bbd5bc8   Created pod: my-app-99bbd5bc8-2xwh8
      default   30s   Normal   Pulling             Pod/my-app-99bbd5bc8-2xwh8    Pulling image "nginx:1.27"
      default   30s   Normal   ScalingReplicaSet   Deployment/my-app             Scaled up replica set my-app-99bbd5bc8 from 0 to 2
      default   30s   Normal   SuccessfulCreate    ReplicaSet/my-app-99bbd5bc8   Created pod: my-app-99bbd5bc8-wcrq8
      default   30s   Normal   Pulling             Pod/my-app-99bbd5bc8-wcrq8    Pulling image "nginx:1.27"
      default   30s   Normal   Scheduled           Pod/my-app-99bbd5bc8-2xwh8    Successfully assigned default/my-app-99bbd5bc8-2xwh8 to node-1
      default   30s   Normal   Scheduled           Pod/my-app-99bbd5bc8-wcrq8    Successfully assigned default/my-app-99bbd5bc8-wcrq8 to node-3
      default   27s   Normal   Created             Pod/my-app-99bbd5bc8-2xwh8    Created container: nginx
      default   27s   Normal   Started             Pod/my-app-99bbd5bc8-2xwh8    Started container nginx
      default   27s   Normal   Pulled              Pod/my-app-99bbd5bc8-2xwh8    Successfully pulled image "nginx:1.27" in 2.8s (2.8s including waiting). Image size: 72302616 bytes.
      default   26s   Normal   Created             Pod/my-app-99bbd5bc8-wcrq8    Created container: nginx
      default   26s   Normal   Started             Pod/my-app-99bbd5bc8-wcrq8    Started container nginx
      default   26s   Normal   Pulled              Pod/my-app-99bbd5bc8-wcrq8    Successfully pulled image "nginx:1.27" in 3.9s (3.9s including waiting). Image size: 72302616 bytes.
      --stderr--
      --exit 0"
    `);
  });
  it('narrows to one object', () => {
    expect(run(s, 'kubectl events --for deploy/my-app')).toMatchInlineSnapshot(`
      "LAST SEEN   TYPE     REASON              OBJECT              MESSAGE
      30s         Normal   ScalingReplicaSet   Deployment/my-app   Scaled up replica set my-app-99bbd5bc8 from 0 to 2
      --stderr--
      --exit 0"
    `);
    expect(run(s, 'kubectl events --for deployments.apps/nope')).toMatchInlineSnapshot(`
      "--stderr--
      No events found in default namespace.
      --exit 0"
    `);
    expect(run(s, 'kubectl events --for foo/x')).toMatchInlineSnapshot(`
      "--stderr--
      the server doesn't have a resource type "foo"
      --exit 1"
    `);
  });
  it('prints typed objects for -o', () => {
    const r = runHeadless(s, 'kubectl events --for deploy/my-app -o json', registry);
    const list = JSON.parse(r.stdout) as { kind: string; items: Record<string, unknown>[] };
    expect(Object.keys(list)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(Object.keys(list.items[0] ?? {})).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'involvedObject',
      'reason',
      'message',
      'source',
      'firstTimestamp',
      'lastTimestamp',
      'count',
      'type',
      'eventTime',
      'reportingComponent',
      'reportingInstance',
    ]);
    expect(run(s, 'kubectl events -o name')).toMatchInlineSnapshot(`
      "--stderr--
      --exit 0"
    `);
  });
  it('reports nothing found on stderr', () => {
    expect(run(s, 'kubectl events -n kube-system')).toMatchInlineSnapshot(`
      "--stderr--
      No events found in kube-system namespace.
      --exit 0"
    `);
    expect(run(s, 'kubectl events -A --types=Warning')).toMatchInlineSnapshot(`
      "--stderr--
      No events found.
      --exit 0"
    `);
  });
  it('rejects bad flags as the oracle recorded', () => {
    for (const args of [
      ['events', '--types=Bogus'],
      ['events', '--for=bogus'],
      ['events', '-o', 'bogus'],
    ]) {
      expectAsRecorded(s, args);
    }
  });
});

describe('kubectl events with repeated events', () => {
  it('shows the count and the span of an event seen several times', () => {
    const s = session([['bad', 1, 'nginx:doesnotexist']], 10 * 60_000);
    expect(run(s, 'kubectl events --types=Warning')).toMatchInlineSnapshot(`
      "LAST SEEN               TYPE      REASON   OBJECT                    MESSAGE
      4m17s (x6 over 9m58s)   Warning   Failed   Pod/bad-8d86dfdb6-2xwh8   Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found
      4m17s (x6 over 9m58s)   Warning   Failed   Pod/bad-8d86dfdb6-2xwh8   Error: ErrImagePull
      1s (x43 over 9m31s)     Warning   Failed   Pod/bad-8d86dfdb6-2xwh8   Error: ImagePullBackOff
      --stderr--
      --exit 0"
    `);
  });
});

describe('kubectl events --watch', () => {
  it('prints what exists, then each event as it happens, until interrupted', () => {
    const s = session([['my-app', 1, 'nginx:1.27']], 0);
    expect(run(s, 'kubectl events -w')).toMatchInlineSnapshot(`
      "LAST SEEN   TYPE     REASON      OBJECT                       MESSAGE
      0s          Normal   Scheduled   Pod/my-app-99bbd5bc8-2xwh8   Successfully assigned default/my-app-99bbd5bc8-2xwh8 to node-1
      0s          Normal   SuccessfulCreate   ReplicaSet/my-app-99bbd5bc8   Created pod: my-app-99bbd5bc8-2xwh8
      0s          Normal   ScalingReplicaSet   Deployment/my-app             Scaled up replica set my-app-99bbd5bc8 from 0 to 1
      0s          Normal   Pulling             Pod/my-app-99bbd5bc8-2xwh8    Pulling image "nginx:1.27"
      0s          Normal   Pulled              Pod/my-app-99bbd5bc8-2xwh8    Successfully pulled image "nginx:1.27" in 3.4s (3.4s including waiting). Image size: 72302616 bytes.
      0s          Normal   Created             Pod/my-app-99bbd5bc8-2xwh8    Created container: nginx
      0s          Normal   Started             Pod/my-app-99bbd5bc8-2xwh8    Started container nginx
      --stderr--
      --exit 130"
    `);
  });
});
