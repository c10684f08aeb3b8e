// kubectl edit's header, messages and patch, from
// staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (kubernetes/kubernetes).
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../engine/fs/files';
import type { Json } from '../../../engine/k8s/merge/json';
import { Driver, type DriverRecord } from '../../driver';
import { withFiles } from '../../program';
import { registry } from '../../programs';
import { createSession, runHeadless } from '../../shell/shell';
import { ORACLE, replay } from './create-testing';
import { applyEdit, EDIT_HEADER, editFiles, manualStrip, PAGE_EDITOR } from './edit';

function withDeployment() {
  const s = createSession({ seed: 1 });
  const r = runHeadless(s, 'kubectl create deployment my-app --image=nginx:1.27', registry);
  expect(r.exitCode).toBe(0);
  runHeadless(s, 'sleep 5', registry);
  return s;
}

/** A session whose KUBE_EDITOR is the page's editor, driven as the page drives it. */
function inPage() {
  const s = withDeployment();
  s.env['KUBE_EDITOR'] = PAGE_EDITOR;
  const records: DriverRecord[] = [];
  const driver = new Driver(s, registry, (r) => records.push(r));
  const output = (stream: 'stdout' | 'stderr') =>
    records.map((r) => (r.type === 'output' && r.stream === stream ? r.text : '')).join('');
  const ended = () => records.find((r) => r.type === 'end');
  const step = () => driver.advanceTo(s.world.now + 200);
  const file = () => {
    const [path] = editFiles(s.world.files);
    if (!path) throw new Error('no edit file');
    const r = readFile(s.world.files, path);
    if (!r.ok) throw new Error('unreadable');
    return { path, text: r.value };
  };
  const save = (text: string) => {
    const { path } = file();
    withFiles(s, (tx) => tx.writeFile(path, text));
  };
  return { s, driver, output, ended, step, file, save };
}

describe('kubectl edit without an editor (as EDITOR=true)', () => {
  it('prints the recorded --help byte for byte', () => {
    const recorded = ORACLE.filter((c) => c.args[0] === 'edit');
    expect(recorded.length).toBeGreaterThan(0);
    for (const c of recorded) {
      const r = replay(c);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        exitCode: c.exitCode,
      });
    }
  });

  it('cancels, changing nothing', () => {
    const s = withDeployment();
    const before = s.world.cluster;
    const r = runHeadless(s, 'kubectl edit deployment my-app', registry);
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      exitCode: 0,
    });
    expect(s.world.cluster).toBe(before);
    expect(editFiles(s.world.files)).toEqual([]);
  });

  it('reports what it cannot find, and what it was not given', () => {
    const s = withDeployment();
    expect(runHeadless(s, 'kubectl edit deployment/nope', registry)).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    // As real kubectl 1.32 prints it before contacting any server.
    expect(runHeadless(s, 'kubectl edit', registry)).toMatchObject({
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      exitCode: 1,
    });
    expect(runHeadless(s, 'kubectl edit deployment/x --bogus', registry)).toMatchObject({
      stderr: "error: unknown flag: --bogus\nSee 'kubectl edit --help' for usage.\n",
      exitCode: 1,
    });
  });
});

describe('kubectl edit in the page', () => {
  it('writes the object under the header, then applies what was saved', () => {
    const p = inPage();
    const printed = runHeadless(p.s, 'kubectl get deployment my-app -o yaml', registry).stdout;
    p.driver.submit('kubectl edit deployment my-app');
    p.step();
    const { path, text } = p.file();
    expect(path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(text.startsWith(EDIT_HEADER)).toBe(true);
    expect(EDIT_HEADER).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n",
    );
    // The object as `get -o yaml` printed it, minus what changed since (status may move on).
    expect(text.slice(EDIT_HEADER.length).split('\n').slice(0, 8)).toEqual(
      printed.split('\n').slice(0, 8),
    );
    expect(p.ended()).toBeUndefined();

    p.save(text.replace('replicas: 1', 'replicas: 3'));
    p.step();
    expect(p.ended()).toMatchObject({ exitCode: 0 });
    expect(p.output('stdout')).toBe('deployment.apps/my-app edited\n');
    expect(p.output('stderr')).toBe('');
    expect(editFiles(p.s.world.files)).toEqual([]);
    const r = runHeadless(
      p.s,
      'kubectl get deployment my-app -o jsonpath={.spec.replicas}',
      registry,
    );
    expect(r.stdout).toBe('3');
  });

  it('cancels when the tab closes unsaved (the file is removed)', () => {
    const p = inPage();
    p.driver.submit('kubectl edit deployment my-app');
    p.step();
    const { path } = p.file();
    withFiles(p.s, (tx) => tx.remove(path));
    p.step();
    expect(p.ended()).toMatchObject({ exitCode: 0 });
    expect(p.output('stderr')).toBe('Edit cancelled, no changes made.\n');
  });

  it('reopens the file with the server’s objections, then gives up when nothing changes', () => {
    const p = inPage();
    p.driver.submit('kubectl edit deployment my-app');
    p.step();
    p.save(p.file().text.replace('replicas: 1', 'replicas: -1'));
    p.step();
    expect(p.ended()).toBeUndefined();
    expect(p.output('stderr')).toBe('error: deployments.apps "my-app" is invalid\n');
    const reopened = p.file().text;
    expect(reopened).toContain(
      `${EDIT_HEADER}# deployments.apps "my-app" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n`,
    );
    expect(manualStrip(reopened)).toContain('replicas: -1');
    // Saved again as it was: nothing valid to apply.
    p.save(reopened);
    p.step();
    expect(p.ended()).toMatchObject({ exitCode: 1 });
    expect(p.output('stderr')).toBe(
      `error: deployments.apps "my-app" is invalid\nA copy of your changes has been stored to "${p.file().path}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    );
    const r = runHeadless(
      p.s,
      'kubectl get deployment my-app -o jsonpath={.spec.replicas}',
      registry,
    );
    expect(r.stdout).toBe('1');
  });

  it('refuses a changed name', () => {
    const p = inPage();
    p.driver.submit('kubectl edit deployment my-app');
    p.step();
    p.save(p.file().text.replace('  name: my-app\n', '  name: other\n'));
    p.step();
    expect(p.ended()).toMatchObject({ exitCode: 1 });
    expect(p.output('stderr')).toMatch(
      /^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/,
    );
  });
});

describe('applyEdit', () => {
  it('changes what was edited and keeps what moved on the server meanwhile', () => {
    const original = { spec: { replicas: 1, paused: false }, status: { ready: 0 } } as Json;
    const edited = { spec: { replicas: 3 }, status: { ready: 0 } } as Json;
    const current = { spec: { replicas: 1, paused: false }, status: { ready: 1 } } as Json;
    expect(applyEdit(original, edited, current, true)).toEqual({
      spec: { replicas: 3 },
      status: { ready: 1 },
    });
  });

  it('merges containers by name', () => {
    const c = (image: string) => ({ name: 'web', image });
    const original = { containers: [c('a')] } as Json;
    const edited = { containers: [c('b')] } as Json;
    const current = { containers: [{ ...c('a'), imagePullPolicy: 'Always' }] } as Json;
    expect(applyEdit(original, edited, current, true)).toEqual({
      containers: [{ ...c('b'), imagePullPolicy: 'Always' }],
    });
  });
});
