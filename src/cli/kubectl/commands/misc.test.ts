import { describe, expect, it } from 'vitest';
import oracle from '../__fixtures__/oracle.json';
import { registry } from '../../programs';
import { createSession, runHeadless } from '../../shell/shell';

interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const recorded = oracle as Recorded[];

function run(line: string) {
  return runHeadless(createSession(), line, registry);
}

describe('kubectl version', () => {
  // The client half is what kubectl v1.32.5 printed (__fixtures__/oracle.json).
  for (const args of [
    ['version', '--client'],
    ['version', '--client', '-o', 'yaml'],
    ['version', '--client', '-o', 'json'],
    ['version', '--client', '-o', 'bogus'],
  ]) {
    it(`kubectl ${args.join(' ')} prints what the real client does`, () => {
      const real = recorded.find((r) => r.args.join(' ') === args.join(' '));
      expect(real).toBeDefined();
      const r = run(`kubectl ${args.join(' ')}`);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
        stdout: real?.stdout,
        stderr: real?.stderr,
        exitCode: real?.exitCode,
      });
    });
  }

  it('adds the server version when there is a server', () => {
    expect(run('kubectl version').stdout).toBe(
      'Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.5\n',
    );
  });
});

describe('kubectl cluster-info', () => {
  // pkg/cmd/clusterinfo/clusterinfo.go: the control plane, then each cluster service, no colours in v1.32.
  it('says where the control plane and CoreDNS run', () => {
    expect(run('kubectl cluster-info').stdout).toBe(
      'Kubernetes control plane is running at https://10.0.0.2:6443\n' +
        'CoreDNS is running at https://10.0.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
