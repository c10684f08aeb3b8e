// Formats: kubectl pkg/cmd/set/set_image.go (Complete, Validate, Run: the `image updated` name
// printer, `error: unable to find container named %q`, no patch and no output when nothing
// changes), pkg/cmd/util/helpers.go (GetResourcesAndPairs, ParsePairs, CheckErr and
// MultipleErrors), cli-runtime pkg/resource/builder.go (argument errors), cli-runtime
// pkg/genericclioptions/record_flags.go (--record's change-cause). Checked against kubectl v1.32.5
// talking to a stub API server.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import { ORACLE } from './create-testing';
import { run } from './testing';

function session(): Session {
  const s = createSession({ seed: 1 });
  expect(run(s, 'kubectl create deployment my-app --image=nginx:latest').exitCode).toBe(0);
  run(s, 'sleep 10');
  return s;
}

const image = (s: Session, name = 'my-app') =>
  reader(s.world)
    .get('Deployment', 'default', name)
    ?.spec?.template?.spec?.containers.map((c) => `${c.name}=${c.image}`)
    .join(',');

describe('kubectl set image', () => {
  it('updates the image and says so', () => {
    const s = session();
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0')).toMatchObject({
      stdout: 'deployment.apps/my-app image updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(image(s)).toBe('nginx=nginx:2.27.0');
    expect(reader(s.world).get('Deployment', 'default', 'my-app')?.metadata?.generation).toBe(2);
    expect(run(s, 'kubectl set image deployment my-app nginx=nginx:1.27.3').stdout).toBe(
      'deployment.apps/my-app image updated\n',
    );
    expect(image(s)).toBe('nginx=nginx:1.27.3');
  });

  it('prints nothing and changes nothing when the image is already set', () => {
    const s = session();
    const before = s.world;
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:latest')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(s.world).toBe(before);
  });

  it('names a missing container, and still updates the others', () => {
    const s = session();
    const before = s.world;
    expect(run(s, 'kubectl set image deployment/my-app foo=bar')).toMatchObject({
      stdout: '',
      stderr: 'error: unable to find container named "foo"\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl set image deployment/my-app foo=bar baz=x')).toMatchObject({
      stderr:
        'error: unable to find container named "foo"\nerror: unable to find container named "baz"\n',
      exitCode: 1,
    });
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 foo=bar')).toMatchObject({
      stdout: 'deployment.apps/my-app image updated\n',
      stderr: 'error: unable to find container named "foo"\n',
      exitCode: 1,
    });
    expect(image(s)).toBe('nginx=nginx:1.27.3');
  });

  it('sets every container with *', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment web --image=nginx:1.27.3 --image=redis:7');
    expect(run(s, 'kubectl set image deploy/web *=busybox:1.36').stdout).toBe(
      'deployment.apps/web image updated\n',
    );
    expect(image(s, 'web')).toBe('nginx=busybox:1.36,redis=busybox:1.36');
    expect(run(s, 'kubectl set image deploy/web nginx=nginx:1.27.3 *=x').stderr).toBe(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
  });

  it('selects with --all and -l', () => {
    const s = session();
    run(s, 'kubectl create deployment other --image=nginx:latest');
    expect(run(s, 'kubectl set image deployments --all nginx=nginx:1.27.3').stdout).toBe(
      'deployment.apps/my-app image updated\ndeployment.apps/other image updated\n',
    );
    expect(run(s, 'kubectl set image deployments -l app=other nginx=nginx:1.27.0').stdout).toBe(
      'deployment.apps/other image updated\n',
    );
    expect(image(s)).toBe('nginx=nginx:1.27.3');
    expect(image(s, 'other')).toBe('nginx=nginx:1.27.0');
    expect(run(s, 'kubectl set image deployments -l app=nothing nginx=x')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(run(s, 'kubectl set image deployments --all -l app=other nginx=x')).toMatchObject({
      stderr: 'error: cannot set --all and --selector at the same time\n',
      exitCode: 1,
    });
  });

  it('updates replica sets and pods, and refuses objects without a pod template', () => {
    const s = session();
    const rs = reader(s.world).list('ReplicaSet', 'default')[0]?.metadata?.name ?? '';
    expect(run(s, `kubectl set image rs/${rs} nginx=nginx:1.27.3`).stdout).toBe(
      `replicaset.apps/${rs} image updated\n`,
    );
    const pod = reader(s.world).list('Pod', 'default')[0]?.metadata?.name ?? '';
    expect(run(s, `kubectl set image pod/${pod} nginx=nginx:1.27.3`).stdout).toBe(
      `pod/${pod} image updated\n`,
    );
    run(s, 'kubectl expose deployment my-app --port=80');
    expect(run(s, 'kubectl set image svc/my-app nginx=x')).toMatchObject({
      stderr:
        'error: services/my-app the object is not a pod or does not have a pod template: *v1.Service\n',
      exitCode: 1,
    });
  });

  it('updates the pod template of a stateful set', () => {
    const s = createSession({ seed: 1 });
    const manifest =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n' +
      '  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n' +
      '        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27.2\n';
    expect(run(s, `cat <<EOF > sts.yaml\n${manifest}EOF`).exitCode).toBe(0);
    expect(run(s, 'kubectl apply -f sts.yaml').exitCode).toBe(0);
    expect(run(s, 'kubectl set image statefulset/web nginx=nginx:1.27.3')).toMatchObject({
      stdout: 'statefulset.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(
      reader(s.world).get('StatefulSet', 'default', 'web')?.spec?.template?.spec?.containers[0]
        ?.image,
    ).toBe('nginx:1.27.3');
    expect(run(s, 'kubectl set image sts web nginx=nginx:1.27.3')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
  });

  it('dry runs change nothing', () => {
    const s = session();
    const before = s.world;
    expect(
      run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 --dry-run=client').stdout,
    ).toBe('deployment.apps/my-app image updated (dry run)\n');
    expect(
      run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 --dry-run=server').stdout,
    ).toBe('deployment.apps/my-app image updated (server dry run)\n');
    const yaml = run(
      s,
      'kubectl set image deployment/my-app nginx=nginx:1.27.3 --dry-run=client -o yaml',
    ).stdout;
    expect(yaml).toContain('      - image: nginx:1.27.3\n');
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    const rv = reader(s.world).get('Deployment', 'default', 'my-app')?.metadata?.resourceVersion;
    const server = run(
      s,
      'kubectl set image deployment/my-app nginx=nginx:1.27.3 --dry-run=server -o yaml',
    ).stdout;
    expect(server).toContain('      - image: nginx:1.27.3\n');
    expect(server).toContain('  generation: 2\n');
    expect(server).toContain(`  resourceVersion: "${rv}"\n`);
    expect(s.world).toBe(before);
    expect(run(s, 'kubectl set image deployment/my-app nginx=x --dry-run=maybe').stderr).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    );
  });

  it('prints -o name and -o yaml of the updated object', () => {
    const s = session();
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 -o name').stdout).toBe(
      'deployment.apps/my-app\n',
    );
    const yaml = run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.0 -o yaml').stdout;
    expect(yaml).toContain('  generation: 3\n');
    expect(yaml).toContain('      - image: nginx:1.27.0\n');
    expect(run(s, 'kubectl set image deployment/my-app nginx=x -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });

  it('reports argument and API errors as kubectl does', () => {
    const s = session();
    const before = s.world;
    const cases: [string, string][] = [
      ['kubectl set image deployment/my-app', 'error: at least one image update is required\n'],
      [
        'kubectl set image deployment nginx=x',
        'error: resource(s) were provided, but no name was specified\n',
      ],
      [
        'kubectl set image deployment/nope nginx=x',
        'Error from server (NotFound): deployments.apps "nope" not found\n',
      ],
      [
        'kubectl set image deployment/nope deploy/gone nginx=x',
        'Error from server (NotFound): deployments.apps "nope" not found\nError from server (NotFound): deployments.apps "gone" not found\n',
      ],
      [
        'kubectl set image deployment/my-app nginx=x other',
        'error: all resources must be specified before image changes: other\n',
      ],
      ['kubectl set image deployment/my-app nginx-', 'error: invalid image format: nginx-\n'],
      [
        'kubectl set image foo/bar nginx=x',
        'error: the server doesn\'t have a resource type "foo"\n',
      ],
      [
        'kubectl set image deployment/ nginx=x',
        'error: arguments in resource/name form must have a single resource and name\n',
      ],
      [
        'kubectl set image deployment/my-app -l app=my-app nginx=x',
        'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
      ],
      [
        'kubectl set image -f my-app.yaml nginx=x',
        'error: the path "my-app.yaml" does not exist\n',
      ],
      [
        'kubectl set image deployment/my-app nginx=',
        'error: failed to patch image update to pod template: Deployment.apps "my-app" is invalid: spec.template.spec.containers[0].image: Required value\n',
      ],
    ];
    for (const [line, stderr] of cases)
      expect(run(s, line), line).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expect(s.world).toBe(before);
  });

  it('matches the recorded kubectl v1.32 output for client-side errors', () => {
    const entries = ORACLE.filter(
      (e) =>
        e.args[0] === 'set' &&
        e.args[1] === 'image' &&
        !e.stderr.includes('connection refused') &&
        // Files do not exist in the simulated workspace yet: only errors that never read one.
        (!e.args.includes('-f') ||
          e.stderr.includes('--filename when --local') ||
          e.stderr.includes('does not exist')),
    );
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const e of entries) {
      const s = createSession({ seed: 1 });
      const r = run(s, ['kubectl', ...e.args].map((a) => (/[*]/.test(a) ? `'${a}'` : a)).join(' '));
      expect(
        { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
        e.args.join(' '),
      ).toEqual({
        stdout: e.stdout,
        stderr: e.stderr,
        exitCode: e.exitCode,
      });
    }
  });

  it('records the command as the change-cause with --record', () => {
    const s = session();
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 --record')).toMatchObject(
      {
        stdout: 'deployment.apps/my-app image updated\n',
        stderr: 'Flag --record has been deprecated, --record will be removed in the future\n',
        exitCode: 0,
      },
    );
    expect(
      reader(s.world).get('Deployment', 'default', 'my-app')?.metadata?.annotations?.[
        'kubernetes.io/change-cause'
      ],
    ).toBe('kubectl set image deployment/my-app nginx=nginx:1.27.3 --record=true');
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/my-app nginx=nginx:1.27.3 --record=true\n\n',
    );
  });
});
