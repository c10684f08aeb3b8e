// Formats: kubectl pkg/cmd/wait/wait.go (conditionFuncFor and processJSONPathInput errors, the
// `condition met` name printer, `no matching resources found`, --timeout 30s default),
// condition.go (observedGeneration guard, `timed out waiting for the condition on
// deployments/x`, `condition not met for deployments.apps/x` with --timeout=0), delete.go
// (already-gone objects satisfy --for=delete), create.go and RunWait's 500ms poll for
// --for=create. Client-side errors checked against the real kubectl v1.32 binary and oracle.json.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import { kubectlLine, ORACLE } from './create-testing';
import { run } from './testing';

function session(): Session {
  const s = createSession({ seed: 1 });
  expect(run(s, 'kubectl create deployment web --image=nginx --replicas=3').exitCode).toBe(0);
  return s;
}

describe('kubectl wait', () => {
  it('prints its help from the recorded text', () => {
    const c = ORACLE.find((o) => o.args.join(' ') === 'wait --help');
    expect(c).toBeDefined();
    expect(run(createSession({ seed: 1 }), kubectlLine(c?.args ?? [])).stdout).toBe(c?.stdout);
  });

  it('waits on the simulated clock until the Deployment is Available', () => {
    const s = session();
    const start = s.world.now;
    expect(run(s, 'kubectl wait --for=condition=Available deployment/web')).toMatchObject({
      stdout: 'deployment.apps/web condition met\n',
      stderr: '',
      exitCode: 0,
    });
    const waited = s.world.now - start;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(30_000);
    const d = reader(s.world).get('Deployment', 'default', 'web');
    expect(d?.status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
    // Already true: no time passes.
    const now = s.world.now;
    expect(run(s, 'kubectl wait --for=condition=available=TRUE deploy/web').stdout).toBe(
      'deployment.apps/web condition met\n',
    );
    expect(s.world.now).toBe(now);
  });

  it('waits for a jsonpath value, and for any value without one', () => {
    const s = session();
    expect(
      run(s, "kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 deploy/web").stdout,
    ).toBe('deployment.apps/web condition met\n');
    expect(reader(s.world).get('Deployment', 'default', 'web')?.status?.readyReplicas).toBe(3);
    expect(run(s, 'kubectl wait --for=jsonpath=.spec.replicas deploy/web').stdout).toBe(
      'deployment.apps/web condition met\n',
    );
    expect(run(s, 'kubectl wait --for=jsonpath={.spec} deploy/web').stdout).toBe(
      'deployment.apps/web condition met\n',
    );
    expect(run(s, 'kubectl wait --for=jsonpath={.spec}=x deploy/web --timeout=1s')).toMatchObject({
      stderr: 'error: jsonpath leads to a nested object or list which is not supported\n',
      exitCode: 1,
    });
  });

  it('times out after --timeout (30s by default) with kubectl words', () => {
    const s = session();
    const start = s.world.now;
    expect(run(s, 'kubectl wait --for=condition=Progressing=false deployment/web')).toMatchObject({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\n',
      exitCode: 1,
    });
    expect(s.world.now - start).toBe(30_000);
    expect(
      run(s, 'kubectl wait --for=condition=Progressing=false deploy/web --timeout=0'),
    ).toMatchObject({
      stderr: 'error: condition not met for deployments.apps/web\n',
      exitCode: 1,
    });
  });

  it('waits for every object a selector or --all picks', () => {
    const s = session();
    const out = run(s, 'kubectl wait --for=condition=Ready pod -l app=web --timeout=2m');
    expect(out.exitCode).toBe(0);
    const pods = reader(s.world)
      .list('Pod', 'default')
      .map((p) => `pod/${p.metadata?.name ?? ''} condition met\n`)
      .join('');
    expect(out.stdout).toBe(pods);
    expect(run(s, 'kubectl wait --for=condition=Ready pod --all').stdout).toBe(pods);
    expect(run(s, 'kubectl wait --for=condition=Ready pod -l app=none')).toMatchObject({
      stderr: 'error: no matching resources found\n',
      exitCode: 1,
    });
  });

  it('waits for deletion, and is satisfied at once when the object is gone', () => {
    const s = session();
    run(s, 'kubectl wait --for=condition=Available deploy/web');
    const pods = reader(s.world).list('Pod', 'default');
    run(s, 'kubectl delete deployment web --wait=false');
    expect(run(s, 'kubectl wait --for=delete pod -l app=web --timeout=60s').stdout).toBe(
      pods.map((p) => `pod/${p.metadata?.name ?? ''} condition met\n`).join(''),
    );
    expect(reader(s.world).list('Pod', 'default')).toEqual([]);
    expect(run(s, 'kubectl wait --for=delete deploy/web')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('waits for creation by polling, and times out without a name', () => {
    const s = session();
    expect(run(s, 'kubectl wait --for=create deploy/web').stdout).toBe(
      'deployment.apps/web condition met\n',
    );
    const start = s.world.now;
    expect(run(s, 'kubectl wait --for=create deploy/later --timeout=2s')).toMatchObject({
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(s.world.now - start).toBe(2_000);
  });

  it('waits across namespaces with -A', () => {
    const s = session();
    run(s, 'kubectl create namespace other');
    run(s, 'kubectl create deployment api --image=nginx -n other');
    expect(
      run(s, "kubectl wait --for=condition=Available deploy -A -l 'app in (api,web)'").stdout,
    ).toBe('deployment.apps/web condition met\ndeployment.apps/api condition met\n');
    expect(reader(s.world).get('Deployment', 'other', 'api')?.status?.availableReplicas).toBe(1);
  });

  it('reports a missing object as the server does', () => {
    const s = session();
    expect(run(s, 'kubectl wait --for=condition=Available deploy/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
  });

  it('rejects bad conditions and flags before waiting', () => {
    const s = session();
    const before = s.world;
    const cases: [string, string][] = [
      ['kubectl wait deploy/web', 'error: unrecognized condition: ""\n'],
      ['kubectl wait deploy/web --for=foo', 'error: unrecognized condition: "foo"\n'],
      ['kubectl wait deploy/web --for=jsonpath=', 'error: jsonpath expression cannot be empty\n'],
      [
        "kubectl wait deploy/web --for=jsonpath='{.a}'=",
        "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
      ],
      [
        "kubectl wait deploy/web --for=jsonpath='{.a'=1",
        "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
      ],
      [
        "kubectl wait deploy/web --for=jsonpath='{.a}'=1=2",
        "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n",
      ],
      [
        'kubectl wait deploy/web --for=condition=Available --timeout=5',
        'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl wait --help\' for usage.\n',
      ],
      [
        'kubectl wait deploy/web --for=condition=Available -o wide',
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      ],
      [
        'kubectl wait --for=delete',
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      ],
      [
        'kubectl wait deploy/x --for=create --local',
        "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
      ],
    ];
    for (const [line, stderr] of cases)
      expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expect(s.world.now).toBe(before.now);
    expect(s.world.cluster).toBe(before.cluster);
  });
});
