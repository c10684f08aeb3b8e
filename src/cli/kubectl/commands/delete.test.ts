// kubectl delete against the simulated server. Wording and order: kubectl
// pkg/cmd/delete/delete.go (`<kind> "<name>" deleted`, `force deleted`, `No resources found`,
// Complete/Validate checks), delete_flags.go (parseCascadingFlag), pkg/cmd/wait/delete.go
// (IsDeleted, `timed out waiting for the condition on <resource>/<name>`), cli-runtime
// pkg/resource/builder.go and selector.go (argument errors, `Unable to find … that match …`).
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import type { Recorded } from './create-testing';
import { clientSide, kubectlLine, oracleFor } from './create-testing';
import { expectLikeRecording, podNames, run } from './testing';

/** A session with my-app (2 replicas, running) and its service. */
function withApp(): Session {
  const s = createSession({ seed: 1 });
  run(s, 'kubectl create deployment my-app --image=nginx:latest --replicas=2');
  run(s, 'kubectl expose deployment my-app --port=80');
  run(s, 'sleep 30');
  return s;
}

describe('kubectl delete: recorded client-side cases', () => {
  const cases = oracleFor('delete')
    .map(clientSide)
    .filter((c): c is Recorded => c !== undefined);
  // Recorded from the real kubectl v1.32.5 without a reachable server.
  const extra: Recorded[] = [
    {
      args: ['delete', 'pod', 'x', '--cascade=maybe'],
      stdout: '',
      stderr:
        'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    },
    {
      args: ['delete', 'pod', 'x', '--timeout=5'],
      stdout: '',
      stderr:
        'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl delete --help\' for usage.\n',
      exitCode: 1,
    },
  ];
  it('has the recordings', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const c of [...cases, ...extra]) it(kubectlLine(c.args), () => expectLikeRecording(c));
});

describe('kubectl delete: pods terminate gracefully and kubectl waits for them', () => {
  it('waits on the simulated clock until the pod is gone', () => {
    const s = withApp();
    const [victim] = podNames(s);
    const start = s.world.now;
    expect(run(s, `kubectl delete pod ${victim}`)).toMatchObject({
      stdout: `pod "${victim}" deleted\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(s.world.now).toBeGreaterThan(start);
    expect(podNames(s)).not.toContain(victim);
    // The ReplicaSet has already replaced it.
    expect(podNames(s)).toHaveLength(2);
  });

  it('returns at once with --wait=false, leaving the pod Terminating', () => {
    const s = withApp();
    const [victim = ''] = podNames(s);
    const start = s.world.now;
    expect(run(s, `kubectl delete pod ${victim} --wait=false --grace-period=5`).stdout).toBe(
      `pod "${victim}" deleted\n`,
    );
    expect(s.world.now).toBe(start);
    const pod = reader(s.world).get('Pod', 'default', victim);
    expect(pod?.metadata?.deletionGracePeriodSeconds).toBe(5);
    expect(pod?.metadata?.deletionTimestamp).toBe('2026-01-15T09:00:35Z');
  });

  it('signals immediate shutdown with --now', () => {
    const s = withApp();
    const [victim = ''] = podNames(s);
    run(s, `kubectl delete pod ${victim} --now --wait=false`);
    expect(
      reader(s.world).get('Pod', 'default', victim)?.metadata?.deletionGracePeriodSeconds,
    ).toBe(1);
  });

  it('removes at once with --force, after the warning', () => {
    const s = withApp();
    const [victim = ''] = podNames(s);
    const start = s.world.now;
    expect(run(s, `kubectl delete pod ${victim} --force`)).toMatchObject({
      stdout: `pod "${victim}" force deleted\n`,
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Pod', 'default', victim)).toBeUndefined();
    expect(s.world.now).toBe(start);
  });

  it('gives up after --timeout', () => {
    const s = withApp();
    const [victim = ''] = podNames(s);
    expect(run(s, `kubectl delete pod ${victim} --timeout=100ms`)).toMatchObject({
      stdout: `pod "${victim}" deleted\n`,
      stderr: `error: timed out waiting for the condition on pods/${victim}\n`,
      exitCode: 1,
    });
  });

  it('waits for a namespace until everything in it is gone', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create namespace team');
    run(s, 'kubectl create deployment api -n team --image=nginx');
    run(s, 'sleep 20');
    expect(run(s, 'kubectl delete namespace team')).toMatchObject({
      stdout: 'namespace "team" deleted\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Namespace', undefined, 'team')).toBeUndefined();
    expect(podNames(s, 'team')).toEqual([]);
  });
});

describe('kubectl delete: what to delete', () => {
  it('deletes a deployment, and its pods follow', () => {
    const s = withApp();
    expect(run(s, 'kubectl delete deployment my-app')).toMatchObject({
      stdout: 'deployment.apps "my-app" deleted\n',
      exitCode: 0,
    });
    expect(reader(s.world).get('Deployment', 'default', 'my-app')).toBeUndefined();
    expect(reader(s.world).list('ReplicaSet', 'default')).toEqual([]);
    run(s, 'sleep 5');
    expect(podNames(s)).toEqual([]);
  });

  it('orphans the dependents with --cascade=orphan', () => {
    const s = withApp();
    run(s, 'kubectl delete deployment my-app --cascade=orphan');
    const [rs] = reader(s.world).list('ReplicaSet', 'default');
    expect(rs?.metadata?.ownerReferences).toBeUndefined();
    expect(podNames(s)).toHaveLength(2);
  });

  it('takes TYPE/NAME pairs, several names and several types', () => {
    const s = withApp();
    expect(run(s, 'kubectl delete svc/my-app deploy/my-app').stdout).toBe(
      'service "my-app" deleted\ndeployment.apps "my-app" deleted\n',
    );
    const t = withApp();
    expect(run(t, 'kubectl delete deployment,service my-app').stdout).toBe(
      'deployment.apps "my-app" deleted\nservice "my-app" deleted\n',
    );
  });

  it('deletes what a label selector matches, in name order', () => {
    const s = withApp();
    const names = podNames(s);
    expect(run(s, 'kubectl delete pods -l app=my-app --wait=false').stdout).toBe(
      names.map((n) => `pod "${n}" deleted\n`).join(''),
    );
  });

  it('says when nothing matched', () => {
    const s = createSession({ seed: 1 });
    const before = s.world;
    expect(run(s, 'kubectl delete pods --all')).toMatchObject({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(s, 'kubectl delete deployments -l app=nope')).toMatchObject({
      stdout: 'No resources found\n',
      exitCode: 0,
    });
    expect(s.world).toBe(before);
  });

  it('deletes across namespaces with -A', () => {
    const s = withApp();
    run(s, 'kubectl create namespace team');
    run(s, 'kubectl create deployment api -n team --image=nginx');
    // Namespace by namespace, as the server lists them; -l app leaves kube-system's coredns alone.
    expect(run(s, 'kubectl delete deployments -l app -A').stdout).toBe(
      'deployment.apps "my-app" deleted\ndeployment.apps "api" deleted\n',
    );
    expect(run(s, 'kubectl delete pod x -A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
  });

  it('filters with --field-selector, as the server supports it', () => {
    const s = withApp();
    expect(run(s, 'kubectl delete pods --field-selector=status.phase=Pending')).toMatchObject({
      stdout: 'No resources found\n',
      exitCode: 0,
    });
    expect(run(s, 'kubectl delete pods --field-selector=spec.image=nginx').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.image=nginx": field label not supported: spec.image\n',
    );
  });
});

describe('kubectl delete: errors and dry runs', () => {
  it('reports what is not there, and deletes the rest', () => {
    const s = withApp();
    const before = s.world;
    expect(run(s, 'kubectl delete pod x')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "x" not found\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl delete deployment nope my-app')).toMatchObject({
      stdout: 'deployment.apps "my-app" deleted\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl delete pod a b')).toMatchObject({
      stderr:
        'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n',
      exitCode: 1,
    });
  });

  it('stays silent with --ignore-not-found', () => {
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl delete pod x --ignore-not-found')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('refuses contradictory flags', () => {
    const s = withApp();
    const before = s.world;
    expect(run(s, 'kubectl delete pod x --force --grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
    expect(run(s, 'kubectl delete pods --all -l app=my-app').stderr).toBe(
      "error: setting 'all' parameter but found a non empty selector. \n",
    );
    expect(run(s, 'kubectl delete -l app=my-app').stderr).toBe(
      'error: at least one resource must be specified to use a selector\n',
    );
    expect(run(s, 'kubectl delete deploy/my-app --all').stderr).toBe(
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    );
    expect(run(s, 'kubectl delete deployment my-app -o yaml').stderr).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    );
    expect(run(s, 'kubectl delete foo x').stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
    expect(s.world).toBe(before);
  });

  it('changes nothing on a dry run', () => {
    const s = withApp();
    const before = s.world;
    expect(run(s, 'kubectl delete deployment my-app nope --dry-run=client').stdout).toBe(
      'deployment.apps "my-app" deleted (dry run)\ndeployment.apps "nope" deleted (dry run)\n',
    );
    expect(run(s, 'kubectl delete deployment my-app --dry-run=server').stdout).toBe(
      'deployment.apps "my-app" deleted (server dry run)\n',
    );
    expect(run(s, 'kubectl delete deployment nope --dry-run=server').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(s.world).toBe(before);
  });

  it('prints names with -o name and warns about cluster-scoped objects under -n', () => {
    const s = withApp();
    expect(run(s, 'kubectl delete deployment my-app -o name').stdout).toBe(
      'deployment.apps/my-app\n',
    );
    expect(
      run(s, 'kubectl delete namespace kube-public -n default --dry-run=client'),
    ).toMatchObject({
      stdout: 'namespace "kube-public" deleted (dry run)\n',
      stderr: 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n',
    });
  });

  it('cancels an interactive delete that gets no answer', () => {
    const s = withApp();
    const before = s.world;
    expect(run(s, 'kubectl delete service my-app -i').stdout).toBe(
      'You are about to delete the following 1 resource(s):\nservice/my-app\nDo you want to continue? (y/n): deletion is cancelled\n',
    );
    expect(s.world).toBe(before);
  });
});
