// Records what the real kubectl v1.32 client prints for a fixed list of invocations, so the
// simulated kubectl can be checked against it. No API server is involved: the kubeconfig points
// at a port that refuses connections, which also shows which errors happen before kubectl talks
// to a server. Run with `npx tsx scripts/record-oracle.ts`; the outputs are deterministic, so a
// re-run rewrites the same files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CaseSpec {
  args: string[];
  /** kubectl appends five random characters to container names it had to sanitize. */
  randomSuffix?: true;
}

interface OracleCase {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const KUBECTL = process.env['KUBECTL'] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const SERVER_HOST = '127.0.0.1';
const SERVER_PORT = 6443;
const DIGEST = 'sha256:' + '0123456789abcdef'.repeat(4);

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = join(repoRoot, 'src/cli/kubectl/__fixtures__');
const helpFile = join(repoRoot, 'src/cli/kubectl/help.json');

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://${SERVER_HOST}:${SERVER_PORT}
  name: sim
contexts:
- context:
    cluster: sim
    namespace: default
    user: sim
  name: sim
current-context: sim
users:
- name: sim
  user:
    token: sim-token
`;

// Each of these is recorded with `--help` and lands in help.json, keyed by the command path.
// (`kubectl options --help` prints nothing; `kubectl options` is recorded as a plain case.)
const HELP_COMMANDS: string[][] = [
  [],
  ['create'],
  ['create', 'deployment'],
  ['create', 'service'],
  ['create', 'service', 'clusterip'],
  ['create', 'service', 'nodeport'],
  ['create', 'service', 'loadbalancer'],
  ['create', 'namespace'],
  ['expose'],
  ['scale'],
  ['set'],
  ['set', 'image'],
  ['rollout'],
  ['rollout', 'status'],
  ['rollout', 'history'],
  ['rollout', 'undo'],
  ['rollout', 'restart'],
  ['rollout', 'pause'],
  ['rollout', 'resume'],
  ['get'],
  ['describe'],
  ['delete'],
  ['logs'],
  ['events'],
  ['version'],
  ['cluster-info'],
  ['api-resources'],
  ['api-versions'],
  ['explain'],
  ['apply'],
  ['diff'],
  ['edit'],
  ['label'],
  ['annotate'],
  ['wait'],
  ['config'],
  ['config', 'view'],
  ['config', 'current-context'],
  ['config', 'get-contexts'],
  ['config', 'use-context'],
  ['config', 'set-context'],
];

const dryYaml = ['--dry-run=client', '-o', 'yaml'];
const randomSuffix = (args: string[]): CaseSpec => ({ args, randomSuffix: true });
// utilrand.String's alphabet, followed by the end of a YAML or JSON value.
const RANDOM_SUFFIX = /-[bcdfghjklmnpqrstvwxz2456789]{5}(?=$|")/gm;

// Written into the working directory before the cases run; both come from kubectl itself.
const SETUP_FILES: { file: string; args: string[] }[] = [
  {
    file: 'deployment.yaml',
    args: ['create', 'deployment', 'my-app', '--image=nginx:latest', ...dryYaml],
  },
  {
    file: 'deployment-2.yaml',
    args: ['create', 'deployment', 'web', '--image=nginx', '--image=redis', ...dryYaml],
  },
];

const CASES: (string[] | CaseSpec)[] = [
  ...HELP_COMMANDS.map((path) => [...path, '--help']),
  ['-h'],
  ['create', 'deployment', '-h'],
  ['help', 'create', 'deployment'],
  [],
  ['create'],
  ['create', 'service'],
  ['set'],
  ['config'],

  // create deployment
  ['create', 'deployment', 'my-app', '--image=nginx:latest', ...dryYaml],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--replicas=3', ...dryYaml],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--port=80', ...dryYaml],
  ['create', 'deployment', 'my-app', '--image=nginx', '--image=redis', ...dryYaml],
  ['create', 'deployment', 'my-app', '--image=nginx', '--image=nginx:1.27', ...dryYaml],
  ['create', 'deployment', 'pause', '--image=registry.k8s.io/pause:3.9', ...dryYaml],
  ['create', 'deployment', 'my-app', `--image=nginx@${DIGEST}`, ...dryYaml],
  ['create', 'deployment', 'my-app', `--image=docker.io/library/nginx:1.27@${DIGEST}`, ...dryYaml],
  randomSuffix([
    'create',
    'deployment',
    'my-app',
    '--image=localhost:5000/team/my_app:1.0',
    ...dryYaml,
  ]),
  randomSuffix(['create', 'deployment', 'my-app', '--image=ghcr.io/org/Web.App:v1', ...dryYaml]),
  randomSuffix([
    'create',
    'deployment',
    'my-app',
    '--image=ghcr.io/org/Web.App:v1',
    '--dry-run=client',
    '-o',
    'json',
  ]),
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '-n', 'other', ...dryYaml],
  [
    'create',
    'deployment',
    'my-app',
    '--image=nginx:latest',
    '--namespace=other',
    '--dry-run=client',
  ],
  ['create', 'deployment', 'My_App', '--image=nginx:latest', ...dryYaml],
  ['create', 'deployment', 'My_App', '--image=nginx:latest', '--dry-run=client'],
  ['create', 'deployment', 'My_App', '--image=nginx:latest'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=client'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=client', '-o', 'wide'],
  [
    'create',
    'deployment',
    'my-app',
    '--image=nginx:latest',
    '--dry-run=client',
    '-o',
    'jsonpath={.spec.template.spec.containers[0].name}',
  ],
  ['create', 'deploy', 'my-app', '--image=nginx:latest', ...dryYaml],
  ['create', 'deployment', 'my-app', '--image=busybox', ...dryYaml, '--', 'sleep', '3600'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=server', '-o', 'yaml'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run'],
  ['create', 'deployment', 'my-app', '--image=nginx:latest', '--dry-run=none'],
  ['create', 'deployment', 'x', '--image=nginx', '--dry-run=bogus'],
  ['create', 'deployment', 'x', '--image=nginx', '-o', 'bogus', '--dry-run=client'],
  ['create', 'deployment', 'x', '--image=nginx', '--replicas=-1', ...dryYaml],
  ['create', 'deployment', 'x', '--image=nginx', '--port=abc', ...dryYaml],
  ['create', 'deployment', 'x', '--image=', ...dryYaml],
  ['create', 'deployment', 'x', 'y', '--image=nginx', ...dryYaml],
  ['create', 'deployment'],
  ['create', 'deployment', 'x'],
  ['create', 'deployment', '--image=nginx'],
  ['create', 'deployment', 'x', '--image=nginx', '--replicas=abc'],
  ['create', 'deployment', 'x', '--image=nginx', '--foo'],
  ['create', 'deployment', 'x', '--image'],
  ['create', 'bogus', 'x'],

  // create service
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=80:8080', ...dryYaml],
  [
    'create',
    'service',
    'loadbalancer',
    'my-app',
    '--tcp=80:8080',
    '--dry-run=client',
    '-o',
    'json',
  ],
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=80:8080', '--dry-run=client'],
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=80', ...dryYaml],
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=80:8080', '--tcp=443:8443', ...dryYaml],
  ['create', 'service', 'loadbalancer', 'my-app', ...dryYaml],
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=abc', ...dryYaml],
  ['create', 'service', 'loadbalancer', ...dryYaml],
  ['create', 'service', 'clusterip', 'my-app', '--tcp=80:8080', ...dryYaml],
  ['create', 'service', 'clusterip', 'my-app', '--tcp=80:8080', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'my-app', '--clusterip=None', ...dryYaml],
  ['create', 'service', 'clusterip', 'my-app', ...dryYaml],
  ['create', 'service', 'nodeport', 'my-app', '--tcp=80:8080', ...dryYaml],
  ['create', 'service', 'nodeport', 'my-app', '--tcp=80:8080', '--node-port=30080', ...dryYaml],
  ['create', 'service', 'nodeport', 'my-app', '--tcp=80:8080', '--dry-run=client'],
  ['create', 'svc', 'clusterip', 'my-app', '--tcp=80:8080', ...dryYaml],
  ['create', 'service', 'loadbalancer', 'my-app', '--tcp=80:8080', '-n', 'other', ...dryYaml],

  // create namespace
  ['create', 'namespace', 'argocd', ...dryYaml],
  ['create', 'namespace', 'argocd', '--dry-run=client', '-o', 'json'],
  ['create', 'namespace', 'argocd', '--dry-run=client'],
  ['create', 'ns', 'argocd', '--dry-run=client', '-o', 'name'],
  ['create', 'namespace', 'Bad_Name', '--dry-run=client'],
  ['create', 'namespace', 'argocd'],
  ['create', 'namespace'],

  // set image, label, annotate, scale on a local file
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'nginx=nginx:2.27.0', '-o', 'yaml'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'nginx=nginx:2.27.0'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'nginx=nginx:2.27.0', '-o', 'name'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', '*=nginx:2.27.0', '-o', 'yaml'],
  ['set', 'image', '--local', '-f', 'deployment-2.yaml', 'redis=redis:7', '-o', 'yaml'],
  ['set', 'image', '--local', '-f', 'deployment-2.yaml', 'nginx=nginx:1.27', 'redis=redis:7'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'foo=bar'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'foo=bar', '-o', 'yaml'],
  ['set', 'image', '--local', '-f', 'deployment.yaml', 'nginx'],
  ['set', 'image', '--local', '-f', 'deployment.yaml'],
  ['set', 'image', '--local', '-f', 'missing.yaml', 'nginx=nginx:2.27.0'],
  ['set', 'image', '--local', 'deployment/my-app', 'nginx=nginx:2.27.0'],
  ['set', 'image', 'deployment/my-app', 'nginx=nginx:2.27.0'],
  ['set', 'image', 'deployment', 'my-app', 'nginx=nginx:2.27.0'],
  ['set', 'image', 'deployment/my-app', 'nginx=nginx:2.27.0', '--dry-run=client'],
  ['set', 'image', 'deployment/my-app', 'nginx'],
  ['set', 'image'],
  ['set', 'image', 'deployment/x'],
  ['set', 'bogus'],
  ['label', '--local', '-f', 'deployment.yaml', 'a=b', '-o', 'yaml'],
  ['label', '--local', '-f', 'deployment.yaml', 'a=b'],
  ['label', '--local', '-f', 'deployment.yaml', 'app=other'],
  ['label', '--local', '-f', 'deployment.yaml', 'app=other', '--overwrite', '-o', 'yaml'],
  ['label', '--local', '-f', 'deployment.yaml', 'app-', '-o', 'yaml'],
  ['annotate', '--local', '-f', 'deployment.yaml', 'a=b', '-o', 'yaml'],
  ['annotate', '--local', '-f', 'deployment.yaml', 'a=b'],
  ['scale', '--local', '-f', 'deployment.yaml', '--replicas=3'],
  ['scale', '-f', 'deployment.yaml', '--replicas=3', '--dry-run=client'],

  // scale
  ['scale'],
  ['scale', 'deployment', 'x'],
  ['scale', 'deployment/x'],
  ['scale', '--replicas=3'],
  ['scale', 'deployment', 'x', '--replicas=abc'],
  ['scale', 'deployment', 'x', '--replicas=-1'],
  ['scale', 'deployment', 'x', '--replicas=3'],
  ['scale', 'deployment/x', '--replicas=3', '--dry-run=client'],
  ['scale', 'deployment', 'x', '--replicas=3', '--current-replicas=abc'],

  // expose
  ['expose'],
  ['expose', 'deployment'],
  ['expose', 'deployment', 'x'],
  ['expose', 'deployment', 'x', '--type=Foo'],
  ['expose', 'deployment', 'x', '--port=80'],
  ['expose', 'deployment', 'x', '--port=80', '--dry-run=client', '-o', 'yaml'],
  ['expose', '-f', 'deployment.yaml', '--port=80', '--dry-run=client', '-o', 'yaml'],
  ['expose', 'deployment/x', '--port=80', '--type=LoadBalancer'],

  // rollout
  ['rollout'],
  ['rollout', 'bogus'],
  ['rollout', 'status'],
  ['rollout', 'status', 'deployment'],
  ['rollout', 'status', 'deployment/x'],
  ['rollout', 'status', 'deployment', 'x'],
  ['rollout', 'status', 'deployment/x', '--timeout=abc'],
  ['rollout', 'status', 'deployment/x', '--revision=abc'],
  ['rollout', 'history'],
  ['rollout', 'history', 'deployment/x'],
  ['rollout', 'history', 'deployment/x', '--revision=abc'],
  ['rollout', 'history', 'deployment/x', '--revision=2'],
  ['rollout', 'undo'],
  ['rollout', 'undo', 'deployment/x'],
  ['rollout', 'undo', 'deployment/x', '--to-revision=abc'],
  ['rollout', 'undo', 'deployment/x', '--to-revision=1', '--dry-run=client'],
  ['rollout', 'restart'],
  ['rollout', 'restart', 'deployment/x'],

  // get
  ['get'],
  ['get', 'pods'],
  ['get', 'pods', '-A'],
  ['get', 'pods', '-o', 'wide'],
  ['get', 'deployment', 'my-app', '-o', 'yaml'],
  ['get', 'pods', '-o', 'bogus'],
  ['get', 'pods', '-o', 'jsonpath={.items['],
  ['get', 'pods', '-o', 'go-template={{.items'],
  ['get', 'pods', '-o', 'custom-columns=NAME'],
  ['get', 'pods', '--foo'],
  ['get', 'pods', '-l', '=bad'],
  ['get', 'pods', '--all-namespaces', '-n', 'kube-system'],
  ['get', 'pods', '-w', '-o', 'yaml'],
  ['get', 'bogusresource'],
  ['get', 'pod', 'x', '--show-labels', '-o', 'yaml'],
  ['get', '-f', 'deployment.yaml'],

  // describe
  ['describe'],
  ['describe', 'pods'],
  ['describe', 'deployment', 'my-app'],

  // delete
  ['delete'],
  ['delete', 'pod'],
  ['delete', 'pod', 'x'],
  ['delete', '--all', 'pod', 'x'],
  ['delete', 'pod', 'x', '--grace-period=abc'],
  ['delete', 'pod', 'x', '--now', '--grace-period=5'],
  ['delete', 'pod', 'x', '--force', '--grace-period=0'],
  ['delete', 'pod', 'x', '--force'],
  ['delete', '-f', 'deployment.yaml'],
  ['delete', '-f', 'deployment.yaml', '--dry-run=client'],

  // logs
  ['logs'],
  ['logs', 'x'],
  ['logs', 'deployment/my-app'],
  ['logs', 'x', 'y', 'z'],
  ['logs', 'x', '--tail=abc'],
  ['logs', 'x', '--since=abc'],
  ['logs', 'x', '--since=1h', '--since-time=2024-01-01T00:00:00Z'],
  ['logs', 'x', '-f', '--previous'],

  // events
  ['events'],
  ['events', '-A'],
  ['events', '--types=Bogus'],
  ['events', '--for=bogus'],
  ['events', '--for=pod/x'],
  ['events', '-o', 'bogus'],
  ['events', 'x'],

  // version, cluster-info, discovery
  ['version', '--client'],
  ['version', '--client', '-o', 'yaml'],
  ['version', '--client', '-o', 'json'],
  ['version', '--client', '-o', 'bogus'],
  ['version', '--short'],
  ['version'],
  ['version', '-o', 'yaml'],
  ['cluster-info'],
  ['cluster-info', 'bogus'],
  ['api-resources'],
  ['api-versions'],
  ['explain'],
  ['explain', 'pods'],

  // apply, config
  ['apply'],
  ['apply', '-f', 'deployment.yaml'],
  ['apply', '-f', 'deployment.yaml', '--dry-run=client'],
  ['apply', '-f', 'missing.yaml'],
  ['config', 'current-context'],
  ['config', 'get-contexts'],
  ['config', 'view'],
  ['config', 'use-context', 'nope'],
  ['options'],
  ['options', '--help'],

  // unknown commands and flags
  ['--foo'],
  ['bogus'],
  ['gte'],
  ['crate', 'deployment'],
  ['delet', 'pod', 'x'],
  ['rollout', 'statsu', 'deployment/x'],
  ['help', 'bogus'],
];

// Fail early rather than record the wrong thing: an API server on the port would change
// every server-facing case.
async function assertPortRefuses(): Promise<void> {
  const open = await new Promise<boolean>((resolve) => {
    const socket = connect(SERVER_PORT, SERVER_HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (open) throw new Error(`${SERVER_HOST}:${SERVER_PORT} accepts connections; it must refuse`);
}

function makeRunner(workDir: string, homeDir: string, kubeconfig: string) {
  const env = {
    // Plugins found on PATH would be listed in the root help.
    PATH: '/usr/bin:/bin',
    HOME: homeDir,
    KUBECONFIG: kubeconfig,
    LANG: 'C',
  };
  // klog headers carry the time and pid; temp paths show up in file errors and flag defaults.
  const normalize = (text: string): string =>
    text
      .replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, '$10101 00:00:00.000000       1 ')
      .split(workDir)
      .join('<WORKDIR>')
      .split(homeDir)
      .join('<HOME>');
  return (spec: string[] | CaseSpec): OracleCase => {
    const { args, randomSuffix } = Array.isArray(spec) ? { args: spec } : spec;
    const result = spawnSync(KUBECTL, args, {
      // Some messages quote the program name, which must read `kubectl`, not `kubectl.1.32`.
      argv0: 'kubectl',
      cwd: workDir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.error) throw result.error;
    if (result.status === null) {
      throw new Error(`kubectl ${args.join(' ')} ended by signal ${String(result.signal)}`);
    }
    const clean = (text: string): string => {
      const normalized = normalize(text);
      return randomSuffix ? normalized.replace(RANDOM_SUFFIX, '-<random>') : normalized;
    };
    return {
      args,
      stdout: clean(result.stdout),
      stderr: clean(result.stderr),
      exitCode: result.status,
    };
  };
}

async function main(): Promise<void> {
  await assertPortRefuses();
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'kubectl-oracle-')));
  try {
    const workDir = join(root, 'work');
    const homeDir = join(root, 'home');
    mkdirSync(workDir);
    mkdirSync(homeDir);
    const kubeconfig = join(root, 'kubeconfig');
    writeFileSync(kubeconfig, KUBECONFIG);
    const run = makeRunner(workDir, homeDir, kubeconfig);

    const version = run(['version', '--client']).stdout;
    if (!version.startsWith('Client Version: v1.32.')) {
      throw new Error(`${KUBECTL} is not kubectl v1.32: ${version}`);
    }
    for (const { file, args } of SETUP_FILES) {
      const made = run(args);
      if (made.exitCode !== 0) throw new Error(`could not make ${file}: ${made.stderr}`);
      writeFileSync(join(workDir, file), made.stdout);
    }

    const oracle = CASES.map(run);
    const help: Record<string, string> = {};
    for (const path of HELP_COMMANDS) {
      const wanted = [...path, '--help'].join('\0');
      const c = oracle.find((o) => o.args.join('\0') === wanted);
      if (c?.exitCode !== 0 || c.stdout === '') throw new Error(`no help for ${path.join(' ')}`);
      help[path.join(' ')] = c.stdout;
    }

    mkdirSync(fixturesDir, { recursive: true });
    writeFileSync(join(fixturesDir, 'oracle.json'), JSON.stringify(oracle, null, 2) + '\n');
    writeFileSync(helpFile, JSON.stringify(help, null, 2) + '\n');
    console.log(`recorded ${oracle.length} cases, ${Object.keys(help).length} help texts`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
