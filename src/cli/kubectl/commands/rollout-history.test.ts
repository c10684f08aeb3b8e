// Formats: kubectl pkg/cmd/rollout/rollout_history.go (`<kind>.<group>/<name> ` + `with revision
// #N` through the name printer, -o printing the ReplicaSets, and the nil it prints for a missing
// revision), pkg/polymorphichelpers/history.go (tab writer 0/8/2, `No rollout history found.`,
// printTemplate = describe.DescribePodTemplate through a plain PrefixWriter, so tabs stay
// literal), pkg/cmd/rollout/rollout_undo.go and pkg/polymorphichelpers/rollback.go (messages,
// the JSON patch of /spec/template and /metadata/annotations, --dry-run=client printing the
// template). Checked against kubectl v1.32.5 talking to a stub API server.
import { describe, expect, it } from 'vitest';
import { create } from '../../../engine/k8s/apiserver';
import type { Deployment } from '../../../engine/k8s/types';
import { reader, transact } from '../../../engine/world';
import type { Session } from '../../program';
import { createSession } from '../../shell/shell';
import { ORACLE } from './create-testing';
import { run, scaledApp } from './testing';

/** my-app at revision 1 (nginx:latest) then 2 (nginx:1.27.3), settled. */
function twoRevisions(): Session {
  const s = scaledApp();
  run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3');
  run(s, 'sleep 60');
  return s;
}

const hashOf = (s: Session, image: string) =>
  reader(s.world)
    .list('ReplicaSet', 'default')
    .find((rs) => rs.spec?.template?.spec?.containers[0]?.image === image)?.metadata?.labels?.[
    'pod-template-hash'
  ] ?? '';

const imageOf = (s: Session) =>
  reader(s.world).get('Deployment', 'default', 'my-app')?.spec?.template?.spec?.containers[0]
    ?.image;

const template = (hash: string, image: string) =>
  'Pod Template:\n' +
  `  Labels:\tapp=my-app\n\tpod-template-hash=${hash}\n` +
  '  Containers:\n   nginx:\n' +
  `    Image:\t${image}\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n` +
  '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n';

describe('kubectl rollout history', () => {
  it('lists the revisions', () => {
    const s = twoRevisions();
    expect(run(s, 'kubectl rollout history deployment/my-app')).toMatchObject({
      stdout:
        'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout history deployment').stdout).toBe(
      run(s, 'kubectl rollout history deploy my-app').stdout,
    );
  });

  it('shows one revision as a pod template, with literal tabs', () => {
    const s = twoRevisions();
    expect(run(s, 'kubectl rollout history deployment/my-app --revision=1')).toMatchObject({
      stdout: `deployment.apps/my-app with revision #1\n${template(hashOf(s, 'nginx:latest'), 'nginx:latest')}\n`,
      exitCode: 0,
    });
    expect(run(s, 'kubectl rollout history deployment/my-app --revision=3')).toMatchObject({
      stdout: '',
      stderr: 'error: unable to find the specified revision\n',
      exitCode: 1,
    });
  });

  it('prints the ReplicaSets with -o', () => {
    const s = twoRevisions();
    const [first, second] = [hashOf(s, 'nginx:latest'), hashOf(s, 'nginx:1.27.3')];
    expect(run(s, 'kubectl rollout history deployment/my-app -o name').stdout).toBe(
      `replicaset.apps/my-app-${first}\nreplicaset.apps/my-app-${second}\n`,
    );
    expect(run(s, 'kubectl rollout history deployment/my-app -o name --revision=2').stdout).toBe(
      `replicaset.apps/my-app-${second}\n`,
    );
    const yaml = run(s, 'kubectl rollout history deployment/my-app -o yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: ReplicaSet\n/);
    expect(yaml.split('\n---\n')).toHaveLength(2);
    // kubectl hands the printer the nil it finds for a missing revision, and the printer panics.
    const missing = run(s, 'kubectl rollout history deployment/my-app -o yaml --revision=7');
    expect(missing.exitCode).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(
      /^panic: reflect: call of reflect.Value.Type on zero Value\n\ngoroutine 1 \[running\]:\n/,
    );
    expect(missing.stderr).toContain('k8s.io/cli-runtime/pkg/printers.(*YAMLPrinter).PrintObj(');
  });

  it('says when there is no history, and which kinds have none', () => {
    const s = createSession({ seed: 1 });
    // A Deployment created paused never gets a ReplicaSet.
    s.world = transact(s.world, 'kubectl-create', (tx) =>
      create(tx, 'Deployment', {
        metadata: { name: 'my-app', namespace: 'default', labels: { app: 'my-app' } },
        spec: {
          paused: true,
          selector: { matchLabels: { app: 'my-app' } },
          template: {
            metadata: { labels: { app: 'my-app' } },
            spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
          },
        },
      } as Deployment),
    ).world;
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nNo rollout history found.\n',
    );
    run(s, 'kubectl create deployment web --image=nginx');
    const rs = reader(s.world).list('ReplicaSet', 'default')[0]?.metadata?.name;
    expect(run(s, `kubectl rollout history rs/${rs}`).stderr).toBe(
      'error: no history viewer has been implemented for "ReplicaSet.apps"\n',
    );
    expect(run(s, 'kubectl rollout history svc/kubernetes').stderr).toBe(
      'error: error retrieving history for "Service", no visitor method exists for { Service}\n',
    );
    expect(run(s, 'kubectl rollout history deployment/my-app --revision=-2').stderr).toBe(
      'error: revision must be a positive integer: -2\n',
    );
    expect(run(s, 'kubectl rollout history deployment/my-app -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });
});

describe('kubectl rollout undo', () => {
  it('rolls back to the previous revision, which comes back under a new number', () => {
    const s = twoRevisions();
    expect(run(s, 'kubectl rollout undo deployment/my-app')).toMatchObject({
      stdout: 'deployment.apps/my-app rolled back\n',
      stderr: '',
      exitCode: 0,
    });
    expect(imageOf(s)).toBe('nginx:latest');
    const d = reader(s.world).get('Deployment', 'default', 'my-app');
    expect(d?.spec?.template?.metadata?.labels).toEqual({ app: 'my-app' });
    expect(d?.metadata?.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3' });
    run(s, 'sleep 60');
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(run(s, 'kubectl rollout undo deployment/my-app --to-revision=2').stdout).toBe(
      'deployment.apps/my-app rolled back\n',
    );
    expect(imageOf(s)).toBe('nginx:1.27.3');
  });

  it('skips a rollback to the template it already has', () => {
    const s = twoRevisions();
    const before = s.world;
    expect(run(s, 'kubectl rollout undo deployment/my-app --to-revision=2')).toMatchObject({
      stdout:
        'deployment.apps/my-app skipped rollback (current template already matches revision 2)\n',
      exitCode: 0,
    });
    expect(s.world).toBe(before);
  });

  it('refuses unknown revisions, a first revision and paused Deployments', () => {
    const s = twoRevisions();
    const before = s.world;
    expect(run(s, 'kubectl rollout undo deployment/my-app --to-revision=5')).toMatchObject({
      stdout: '',
      stderr: 'error: unable to find specified revision 5 in history\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl rollout undo deployment/my-app --to-revision=-1').stderr).toBe(
      'error: unable to find specified revision -1 in history\n',
    );
    expect(s.world).toBe(before);
    run(s, 'kubectl create deployment fresh --image=nginx:latest');
    expect(run(s, 'kubectl rollout undo deployment/fresh').stderr).toBe(
      'error: no rollout history found for deployment "fresh"\n',
    );
    run(s, 'kubectl rollout pause deployment/my-app');
    const paused = s.world;
    expect(run(s, 'kubectl rollout undo deployment/my-app')).toMatchObject({
      stderr:
        "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
      exitCode: 1,
    });
    // The revision is looked up before the pause is noticed.
    expect(run(s, 'kubectl rollout undo deployment/my-app --to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
    expect(s.world).toBe(paused);
  });

  it('dry runs: the client prints the template, the server changes nothing', () => {
    const s = twoRevisions();
    const before = s.world;
    expect(run(s, 'kubectl rollout undo deployment/my-app --dry-run=client').stdout).toBe(
      `deployment.apps/my-app ${template(hashOf(s, 'nginx:latest'), 'nginx:latest')} (dry run)\n`,
    );
    expect(run(s, 'kubectl rollout undo deployment/my-app --dry-run=server').stdout).toBe(
      'deployment.apps/my-app rolled back (server dry run)\n',
    );
    expect(s.world).toBe(before);
  });

  it('prints the Deployment as it was read, before the rollback', () => {
    const s = twoRevisions();
    expect(run(s, 'kubectl rollout undo deployment/my-app -o name').stdout).toBe(
      'deployment.apps/my-app\n',
    );
    expect(imageOf(s)).toBe('nginx:latest');
    const yaml = run(s, 'kubectl rollout undo deployment/my-app -o yaml').stdout;
    expect(yaml).toContain('      - image: nginx:latest\n');
    expect(imageOf(s)).toBe('nginx:1.27.3');
  });

  it('brings the change-cause of the revision back with it', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx:latest');
    run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.3 --record');
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0 --record');
    run(s, 'kubectl rollout undo deployment/my-app');
    expect(run(s, 'kubectl rollout history deployment/my-app').stdout).toBe(
      'deployment.apps/my-app \nREVISION  CHANGE-CAUSE\n' +
        '1         <none>\n' +
        '3         kubectl set image deployment/my-app nginx=nginx:2.27.0 --record=true\n' +
        '4         kubectl set image deployment/my-app nginx=nginx:1.27.3 --record=true\n\n',
    );
  });

  it('answers for kinds it cannot roll back', () => {
    const s = twoRevisions();
    const rs = reader(s.world).list('ReplicaSet', 'default')[0]?.metadata?.name;
    expect(run(s, `kubectl rollout undo rs/${rs}`).stderr).toBe(
      'error: no rollbacker has been implemented for "ReplicaSet.apps"\n',
    );
    expect(run(s, 'kubectl rollout undo svc/kubernetes').stderr).toBe(
      'error: error retrieving rollbacker for "Service", no visitor method exists for { Service}\n',
    );
    expect(run(s, 'kubectl rollout undo deployment/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
});

describe('kubectl rollout, client-side', () => {
  it('matches the recorded kubectl v1.32 output', () => {
    const entries = ORACLE.filter(
      (e) => e.args[0] === 'rollout' && !e.stderr.includes('connection refused'),
    );
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const e of entries) {
      const r = run(createSession({ seed: 1 }), ['kubectl', ...e.args].join(' '));
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
});
