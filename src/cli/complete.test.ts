// What Tab offers. kubectl's part follows cobra's __complete (spf13/cobra completions.go) and
// staging/src/k8s.io/kubectl/pkg/util/completion/completion.go (release-1.32); the offline parts
// (subcommands, flags, allowed types, -o values) were checked against `kubectl.1.32 __complete`.
import { describe, expect, it } from 'vitest';
import { complete } from './complete';
import { registry } from './programs';
import { runHeadless, createSession } from './shell/shell';
import type { Session } from './program';

function app(): Session {
  const s = createSession({ seed: 1 });
  for (const line of [
    'kubectl create deployment my-app --image=nginx:1.27',
    'kubectl create deployment other --image=nginx:1.27',
    'kubectl create namespace team',
    'kubectl create deployment api -n team --image=nginx:1.27',
    'sleep 30',
  ])
    expect(runHeadless(s, line, registry).exitCode).toBe(0);
  return s;
}

const session = app();

/** Completes at the end of `line`. */
function tab(line: string, s: Session = session): string[] {
  return complete(line, line.length, s, registry).candidates;
}

function podNames(prefix: string, namespace = 'default'): string[] {
  const out = runHeadless(
    session,
    `kubectl get pods -n ${namespace} -o name`,
    registry,
  ).stdout.trim();
  return out
    .split('\n')
    .map((l) => l.replace('pod/', ''))
    .filter((n) => n.startsWith(prefix));
}

describe('the first word', () => {
  it('offers the programs the shell knows', () => {
    expect(tab('ku')).toEqual(['kubectl']);
    expect(tab('w')).toEqual(['watch', 'wc']);
    expect(tab('')).toContain('kubectl');
    expect(tab('')).toContain('watch');
  });

  it('starts again after a pipe, && and ;, and skips assignments', () => {
    expect(tab('kubectl get pods | gr')).toEqual(['grep']);
    expect(tab('true && ec')).toEqual(['echo']);
    expect(tab('A=1 kub')).toEqual(['kubectl']);
  });

  it('gives where the word starts', () => {
    expect(complete('echo x; kub', 11, session, registry)).toEqual({
      start: 8,
      candidates: ['kubectl'],
    });
    // Only what is before the cursor counts.
    expect(complete('kub get', 3, session, registry)).toEqual({
      start: 0,
      candidates: ['kubectl'],
    });
  });

  it('offers nothing for an unknown program', () => {
    expect(tab('nosuch ')).toEqual([]);
  });

  it('offers file names as bash does, for redirections and programs without a completer', () => {
    const s = createSession({ seed: 1 });
    for (const line of ['mkdir -p my-app/base', 'touch my-app/deployment.yaml notes.txt .hidden'])
      expect(runHeadless(s, line, registry).exitCode).toBe(0);
    const at = (line: string) => complete(line, line.length, s, registry).candidates;
    expect(at('cat ')).toEqual(['my-app/', 'notes.txt']);
    expect(at('cat my')).toEqual(['my-app/']);
    expect(at('cat my-app/')).toEqual(['my-app/base/', 'my-app/deployment.yaml']);
    expect(at('cat my-app/d')).toEqual(['my-app/deployment.yaml']);
    expect(at('cat .h')).toEqual(['.hidden']);
    expect(at('echo x > n')).toEqual(['notes.txt']);
    expect(at('cat /home/learner/n')).toEqual(['/home/learner/notes.txt']);
    expect(at('cat nowhere/')).toEqual([]);
  });
});

describe('kubectl subcommands and flags', () => {
  it('lists the subcommands, without aliases', () => {
    const top = tab('kubectl ');
    expect(top).toEqual(expect.arrayContaining(['create', 'get', 'rollout', 'scale', 'set']));
    expect(tab('kubectl ro')).toEqual(['rollout']);
    expect(tab('kubectl rollout ')).toEqual([
      'history',
      'pause',
      'restart',
      'resume',
      'status',
      'undo',
    ]);
    expect(tab('kubectl create ')).toEqual([
      'clusterrole',
      'clusterrolebinding',
      'configmap',
      'deployment',
      'namespace',
      'role',
      'rolebinding',
      'secret',
      'service',
      'serviceaccount',
    ]);
    expect(tab('kubectl set ')).toEqual(['env', 'image']);
  });

  it('offers a required flag first, and alone when completing a flag', () => {
    // kubectl.1.32 __complete scale '' → --replicas, then the scalable types.
    expect(tab('kubectl scale ')).toEqual([
      '--replicas=',
      'deployment',
      'replicaset',
      'replicationcontroller',
      'statefulset',
    ]);
    expect(tab('kubectl scale --')).toEqual(['--replicas=']);
    expect(tab('kubectl create deployment x --')).toEqual(['--image=']);
    // Once given, the other flags come back.
    expect(tab('kubectl scale --replicas=3 --dry')).toEqual(['--dry-run=']);
  });

  it('completes flag names: value flags end with =, booleans do not', () => {
    expect(tab('kubectl get --show-l')).toEqual(['--show-labels']);
    expect(tab('kubectl get --sh')).toEqual([
      '--show-kind',
      '--show-labels',
      '--show-managed-fields',
    ]);
    expect(tab('kubectl get --wat')).toEqual(['--watch', '--watch-only']);
    expect(tab('kubectl get --names')).toEqual(['--namespace=']);
    expect(tab('kubectl get -')).toEqual(expect.arrayContaining(['-n', '--namespace=', '-o']));
    // A flag already given is not offered again.
    expect(tab('kubectl get -w --wat')).toEqual(['--watch-only']);
  });

  it('completes the values of -n and get -o', () => {
    expect(tab('kubectl get pods -n ')).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'team',
    ]);
    expect(tab('kubectl get pods --namespace=kube-s')).toEqual(['--namespace=kube-system']);
    expect(tab('kubectl get pods -o j')).toEqual([
      'json',
      'jsonpath',
      'jsonpath-as-json',
      'jsonpath-file',
    ]);
    expect(tab('kubectl get pods --output=y')).toEqual(['--output=yaml']);
    // Only get registers a completion for -o.
    expect(tab('kubectl scale -o ')).toEqual([]);
  });
});

describe('kubectl resource types and names', () => {
  it('offers api-resources names after get, describe and delete', () => {
    expect(tab('kubectl get dep')).toEqual(['deployments.apps']);
    expect(tab('kubectl describe po')).toEqual([
      'poddisruptionbudgets.policy',
      'pods',
      'podtemplates',
    ]);
    expect(tab('kubectl get pods,dep')).toEqual(['pods,deployments.apps']);
    // Types that cannot be listed are not offered.
    expect(tab('kubectl get tokenr')).toEqual([]);
  });

  it('offers only the types a command accepts', () => {
    expect(tab('kubectl scale d')).toEqual(['deployment']);
    expect(tab('kubectl rollout status ')).toEqual(['daemonset', 'deployment', 'statefulset']);
    expect(tab('kubectl expose ')).toEqual([
      'deployment',
      'pod',
      'replicaset',
      'replicationcontroller',
      'service',
    ]);
  });

  it('offers the names of objects that exist, in the namespace given', () => {
    expect(tab('kubectl scale deployment m')).toEqual(['my-app']);
    expect(tab('kubectl get deploy ')).toEqual(['my-app', 'other']);
    expect(tab('kubectl get deployments.apps o')).toEqual(['other']);
    expect(tab('kubectl get deploy -n team ')).toEqual(['api']);
    expect(tab('kubectl -n team get deploy ')).toEqual(['api']);
    expect(tab('kubectl get deploy --namespace=team ')).toEqual(['api']);
    expect(tab('kubectl get ns t')).toEqual(['team']);
    // Names already on the line are left out.
    expect(tab('kubectl delete deploy my-app ')).toEqual(['other']);
    expect(tab('kubectl get nosuchtype ')).toEqual([]);
  });

  it('completes the type/name form', () => {
    expect(tab('kubectl scale deployment/m')).toEqual(['deployment/my-app']);
    expect(tab('kubectl rollout status deployment/')).toEqual([
      'deployment/my-app',
      'deployment/other',
    ]);
    expect(tab('kubectl get deployment/my-app deployment/')).toEqual(['deployment/other']);
    // After a type/name argument, the next one starts with its type.
    expect(tab('kubectl describe deployment/my-app ser')).toEqual([
      'serviceaccounts/',
      'services/',
    ]);
    // expose takes a single resource.
    expect(tab('kubectl expose deployment my-app ')).toEqual([]);
  });

  it('offers pods and the resources that hold pods after logs, then containers', () => {
    const pods = podNames('my-app-');
    expect(pods).toHaveLength(1);
    expect(tab('kubectl logs my-app-')).toEqual(pods);
    expect(tab('kubectl logs dep')).toEqual(['deployments/']);
    expect(tab('kubectl logs deployments/')).toEqual(['deployments/my-app', 'deployments/other']);
    expect(tab(`kubectl logs ${pods[0]} `)).toEqual(['nginx']);
    expect(tab(`kubectl logs ${pods[0]} -c `)).toEqual(['nginx']);
    expect(tab('kubectl logs -n team a')).toEqual(podNames('a', 'team'));
  });

  it('keeps an open quote and closes it on the one candidate', () => {
    expect(tab('kubectl scale deployment "m')).toEqual(['"my-app"']);
    expect(tab("kubectl get deploy '")).toEqual(["'my-app", "'other"]);
  });
});

describe('watch', () => {
  it('completes the command it runs', () => {
    expect(tab('watch ku')).toEqual(['kubectl']);
    expect(tab('watch -n 5 kubectl get deploy m')).toEqual(['my-app']);
    expect(tab('watch -t -n1 kubectl get deploy o')).toEqual(['other']);
    expect(tab('watch -')).toEqual([]);
  });
});

describe('git completion', () => {
  it('offers subcommands, then branches where a branch fits, and files', async () => {
    const { runHeadlessAsync, createSession } = await import('./shell/shell');
    const { registry } = await import('./programs');
    const { completeWords } = await import('./complete');
    const s = createSession({ seed: 1 });
    for (const c of [
      'mkdir app && cd app && git init -q && touch deploy.yaml',
      'git add . && git commit -q -m one && git branch feature',
    ])
      expect((await runHeadlessAsync(s, c, registry)).exitCode).toBe(0);
    const words = (line: string) => completeWords(line.split(' '), s, registry);
    expect(words('git sw')).toEqual(['switch']);
    expect(words('git checkout f')).toEqual(['feature']);
    expect(words('git add d')).toEqual(['deploy.yaml']);
  });
});
