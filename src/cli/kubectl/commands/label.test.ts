// Formats: kubectl pkg/cmd/label/label.go (parseLabels, validateNoOverwrites, updateDataChangeMsg:
// labeled / unlabeled / not labeled, `label %q not found.`, --list, --resource-version),
// pkg/cmd/annotate/annotate.go (ParsePairs, validateNoAnnotationOverwrites, `annotated`),
// apimachinery pkg/util/validation/validation.go (IsQualifiedName, IsValidLabelValue) for the
// server's refusal of a bad key, apiserver's Conflict wording for a stale resourceVersion.
// --local output compared byte for byte with kubectl v1.32 (oracle.json and the real binary).
import { describe, expect, it } from 'vitest';
import { reader } from '../../../engine/world';
import type { Session } from '../../program';
import { cwdOf, withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { kubectlLine, oracleFor } from './create-testing';
import { run } from './testing';

/** A session whose workspace holds kubectl's own dry-run output, as the oracle's did. */
function withManifest(): Session {
  const s = createSession({ seed: 1 });
  const yaml = run(
    s,
    'kubectl create deployment my-app --image=nginx:latest --dry-run=client -o yaml',
  );
  withFiles(s, (tx) => tx.writeFile(`${cwdOf(s)}/deployment.yaml`, yaml.stdout));
  return s;
}

function live(): Session {
  const s = createSession({ seed: 1 });
  expect(run(s, 'kubectl create deployment web --image=nginx').exitCode).toBe(0);
  run(s, 'sleep 10');
  return s;
}

const labels = (s: Session) =>
  reader(s.world).get('Deployment', 'default', 'web')?.metadata?.labels;
const annotations = (s: Session) =>
  reader(s.world).get('Deployment', 'default', 'web')?.metadata?.annotations;

describe('kubectl label / annotate --local (client side)', () => {
  const cases = [...oracleFor('label'), ...oracleFor('annotate')].filter((c) =>
    c.args.includes('--local'),
  );
  it('has recorded cases to compare with', () => expect(cases.length).toBeGreaterThanOrEqual(7));
  for (const c of cases)
    it(`matches kubectl ${c.args.join(' ')}`, () => {
      const s = withManifest();
      const r = run(s, kubectlLine(c.args));
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        exitCode: c.exitCode,
      });
    });

  it('reports argument and flag mistakes as kubectl does', () => {
    const s = withManifest();
    const expectErr = (line: string, stderr: string) =>
      expect(run(s, line)).toMatchObject({ stdout: '', stderr, exitCode: 1 });
    expectErr(
      'kubectl label --local -f deployment.yaml',
      'error: at least one label update is required\n',
    );
    expectErr(
      'kubectl label --local -f deployment.yaml a=b=c',
      'error: invalid label spec: a=b=c\n',
    );
    expectErr(
      'kubectl label --local -f deployment.yaml a=b a-',
      'error: can not both modify and remove a label in the same command\n',
    );
    expectErr(
      'kubectl label --local -f deployment.yaml a=-bad',
      `error: invalid label value: "a=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    );
    expectErr(
      'kubectl label --local -f deployment.yaml a=b --dry-run=server',
      'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n',
    );
    expectErr(
      'kubectl label deploy x a=b --local',
      'error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n',
    );
    expectErr(
      'kubectl label a=b',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
    expectErr(
      'kubectl label --local -f nope.yaml a=b',
      'error: the path "nope.yaml" does not exist\n',
    );
    expectErr(
      'kubectl label --local -f deployment.yaml a=b -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
    expectErr(
      'kubectl annotate --local -f deployment.yaml a=b a-',
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
  });

  it('reads directories, going on past a document it cannot decode', () => {
    const s = withManifest();
    withFiles(s, (tx) => {
      const dir = `${cwdOf(s)}/dir`;
      tx.mkdir(dir);
      const yaml = run(s, 'cat deployment.yaml').stdout;
      tx.writeFile(`${dir}/a.yaml`, yaml);
      tx.writeFile(`${dir}/b.yaml`, 'apiVersion: v1\nmetadata:\n  name: x\n');
      tx.writeFile(`${dir}/c.txt`, 'not yaml');
    });
    const bad = `error: unable to decode "dir/b.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'\n`;
    expect(run(s, 'kubectl label --local -f dir a=b')).toMatchObject({
      stdout: 'deployment.apps/my-app labeled\n',
      stderr: bad,
      exitCode: 1,
    });
    expect(run(s, 'kubectl annotate --local -f dir --list')).toMatchObject({
      stdout: 'Listing annotations for Deployment.apps/my-app:\n',
      stderr: bad,
      exitCode: 1,
    });
    expect(run(s, 'kubectl label --local -f dir -f nope a=b')).toMatchObject({
      stdout: '',
      stderr: 'error: the path "nope" does not exist\n',
      exitCode: 1,
    });
  });

  it('says not labeled for a no-op, and lists the labels it would set', () => {
    const s = withManifest();
    expect(run(s, 'kubectl label --local -f deployment.yaml app=my-app').stdout).toBe(
      'deployment.apps/my-app not labeled\n',
    );
    expect(run(s, 'kubectl label --local -f deployment.yaml zz-').stdout).toBe(
      'deployment.apps/my-app not labeled\n',
    );
    expect(run(s, 'kubectl label --local -f deployment.yaml app-').stdout).toBe(
      'deployment.apps/my-app unlabeled\n',
    );
    expect(run(s, 'kubectl label --local -f deployment.yaml a=b --dry-run=client').stdout).toBe(
      'deployment.apps/my-app labeled (dry run)\n',
    );
    expect(run(s, 'kubectl label --local -f deployment.yaml --list').stdout).toBe('app=my-app\n');
    // Several refusals are an aggregate: one a line, without `error: `.
    expect(
      run(s, 'kubectl label --local -f deployment.yaml app=x a=1 --overwrite -o yaml').exitCode,
    ).toBe(0);
    withFiles(s, (tx) =>
      tx.writeFile(
        `${cwdOf(s)}/l2.yaml`,
        run(s, 'kubectl label --local -f deployment.yaml a=1 -o yaml').stdout,
      ),
    );
    expect(run(s, 'kubectl label --local -f l2.yaml a=2 app=x')).toMatchObject({
      stdout: '',
      stderr:
        "'a' already has a value (1), and --overwrite is false\n'app' already has a value (my-app), and --overwrite is false\n",
      exitCode: 1,
    });
  });
});

describe('kubectl label against the cluster', () => {
  it('adds, refuses to overwrite, overwrites and removes labels', () => {
    const s = live();
    expect(run(s, 'kubectl label deployment web tier=frontend')).toMatchObject({
      stdout: 'deployment.apps/web labeled\n',
      stderr: '',
      exitCode: 0,
    });
    expect(labels(s)).toEqual({ app: 'web', tier: 'frontend' });
    const before = s.world;
    expect(run(s, 'kubectl label deployment web tier=backend')).toMatchObject({
      stdout: '',
      stderr: "error: 'tier' already has a value (frontend), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(s.world.cluster).toBe(before.cluster);
    expect(run(s, 'kubectl label deployment/web tier=backend --overwrite').stdout).toBe(
      'deployment.apps/web labeled\n',
    );
    expect(labels(s)).toEqual({ app: 'web', tier: 'backend' });
    expect(run(s, 'kubectl label deploy web tier- nothing-')).toMatchObject({
      stdout: 'label "nothing" not found.\ndeployment.apps/web unlabeled\n',
      exitCode: 0,
    });
    expect(labels(s)).toEqual({ app: 'web' });
    expect(run(s, 'kubectl label deploy web app=web').stdout).toBe(
      'deployment.apps/web not labeled\n',
    );
  });

  it('records the change under the kubectl-label field manager and keeps the template', () => {
    const s = live();
    s.journal = [];
    run(s, 'kubectl label deploy web team=a');
    expect(s.journal.map((c) => c.manager)).toContain('kubectl-label');
    const d = reader(s.world).get('Deployment', 'default', 'web');
    expect(d?.metadata?.generation).toBe(1);
    expect(d?.spec?.template?.metadata?.labels).toEqual({ app: 'web' });
  });

  it("refuses a bad key in the API server's words, changing nothing", () => {
    const s = live();
    const before = s.world.cluster;
    expect(run(s, "kubectl label deploy web 'a b=c'")).toMatchObject({
      stdout: '',
      stderr: `The Deployment "web" is invalid: metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
      exitCode: 1,
    });
    expect(s.world.cluster).toBe(before);
  });

  it('checks --resource-version against the live object', () => {
    const s = live();
    const rv = reader(s.world).get('Deployment', 'default', 'web')?.metadata?.resourceVersion;
    expect(run(s, 'kubectl label deploy web a=1 --resource-version=1')).toMatchObject({
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
      exitCode: 1,
    });
    expect(labels(s)).toEqual({ app: 'web' });
    expect(run(s, `kubectl label deploy web a=1 --resource-version=${rv}`).stdout).toBe(
      'deployment.apps/web labeled\n',
    );
    expect(run(s, 'kubectl label deploy --all b=2 --resource-version=1')).toMatchObject({
      stderr: 'error: --resource-version may only be used with a single resource\n',
      exitCode: 1,
    });
  });

  it('selects with -l and --all, lists with a header per object, and dry-runs on the server', () => {
    const s = live();
    const pods = reader(s.world).list('Pod', 'default');
    expect(pods).toHaveLength(1);
    const pod = pods[0]?.metadata?.name ?? '';
    expect(run(s, 'kubectl label pods -l app=web stage=one').stdout).toBe(`pod/${pod} labeled\n`);
    expect(run(s, 'kubectl label pods --all -l app=web x=y')).toMatchObject({
      stderr: 'error: cannot set --all and --selector at the same time\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl label deploy,pods --all --list').stdout).toBe(
      `Listing labels for Deployment.apps/web:\n app=web\nListing labels for Pod./${pod}:\n app=web\n pod-template-hash=${pod.split('-')[1]}\n stage=one\n`,
    );
    expect(run(s, 'kubectl label deploy web z=1 --dry-run=server').stdout).toBe(
      'deployment.apps/web labeled (server dry run)\n',
    );
    expect(labels(s)).toEqual({ app: 'web' });
    expect(run(s, 'kubectl label deploy nope a=b')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
  });

  it('labels the live objects a file names', () => {
    const s = live();
    const yaml = run(s, 'kubectl get deploy web -o yaml').stdout;
    withFiles(s, (tx) => tx.writeFile(`${cwdOf(s)}/web.yaml`, yaml));
    expect(run(s, 'kubectl label -f web.yaml from=file').stdout).toBe(
      'deployment.apps/web labeled\n',
    );
    expect(labels(s)).toEqual({ app: 'web', from: 'file' });
  });
});

describe('kubectl label: --record, --field-selector, --all-namespaces', () => {
  it('records the command as the change-cause with --record (deprecated)', () => {
    const s = live();
    expect(run(s, 'kubectl label deploy web a=b --record')).toMatchObject({
      stdout: 'deployment.apps/web labeled\n',
      stderr: 'Flag --record has been deprecated, --record will be removed in the future\n',
      exitCode: 0,
    });
    expect(annotations(s)?.['kubernetes.io/change-cause']).toBe(
      'kubectl label deploy web a=b --record=true',
    );
  });

  it('lists with field selectors and across namespaces as the server does', () => {
    const s = live();
    run(s, 'kubectl create namespace other');
    run(s, 'kubectl create deployment api --image=nginx -n other');
    expect(run(s, "kubectl label deploy -A -l 'app in (api,web)' team=x").stdout).toBe(
      'deployment.apps/web labeled\ndeployment.apps/api labeled\n',
    );
    expect(reader(s.world).get('Deployment', 'other', 'api')?.metadata?.labels).toEqual({
      app: 'api',
      team: 'x',
    });
    expect(run(s, 'kubectl label deploy --field-selector metadata.name=web env=prod').stdout).toBe(
      'deployment.apps/web labeled\n',
    );
    expect(
      run(s, 'kubectl label deploy --all --field-selector metadata.name=web b=c'),
    ).toMatchObject({
      stderr: 'error: cannot set --all and --field-selector at the same time\n',
      exitCode: 1,
    });
    const bad = run(s, 'kubectl label deploy --field-selector spec.paused=true x=y');
    expect(bad.stderr).toMatch(
      /^Error from server \(BadRequest\): Unable to find "apps\/v1, Resource=deployments" that match label selector "", field selector "spec.paused=true": /,
    );
    expect(bad.exitCode).toBe(1);
  });
});

describe('kubectl annotate against the cluster', () => {
  it('annotates, refuses to overwrite, overwrites and removes', () => {
    const s = live();
    expect(run(s, "kubectl annotate deploy web description='my frontend'").stdout).toBe(
      'deployment.apps/web annotated\n',
    );
    expect(annotations(s)?.['description']).toBe('my frontend');
    const before = s.world.cluster;
    expect(run(s, 'kubectl annotate deploy web description=other')).toMatchObject({
      stderr:
        "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n",
      exitCode: 1,
    });
    expect(s.world.cluster).toBe(before);
    run(s, 'kubectl annotate deploy web description=other --overwrite');
    expect(annotations(s)?.['description']).toBe('other');
    expect(run(s, 'kubectl annotate deploy web description-').stdout).toBe(
      'deployment.apps/web annotated\n',
    );
    expect(annotations(s)?.['description']).toBeUndefined();
    expect(run(s, 'kubectl annotate deploy web --list').stdout).toBe(
      'deployment.kubernetes.io/revision=1\n',
    );
  });

  it('prints the answer of the server with -o yaml (its new resourceVersion)', () => {
    const s = live();
    const out = run(s, 'kubectl annotate deploy web note=x -o yaml').stdout;
    const rv = reader(s.world).get('Deployment', 'default', 'web')?.metadata?.resourceVersion;
    expect(out).toContain(`  resourceVersion: "${rv}"\n`);
    expect(out).toContain('    note: x\n');
  });
});
