// kubectl logs against the simulated kubelet.
// Client side: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and
// pkg/polymorphichelpers/logsforobject.go (release-1.32): `Found N pods, using pod/x`,
// `Defaulted container`, the wrapped NotFound. Server side: kubernetes
// pkg/kubelet/kubelet_pods.go validateContainerLogStatus (the BadRequest wordings) and
// pkg/kubelet/kuberuntime/logs/logs.go (RFC3339Nano timestamps, tail, since). The client-side
// answers were checked against kubectl v1.32.5 talking to a stub API server.
import { describe, expect, it } from 'vitest';
import { create } from '../../../engine/k8s/apiserver';
import { reader, transact } from '../../../engine/world';
import { createSession } from '../../shell/shell';
import { clientSide, oracleFor } from './create-testing';
import { parseGoRFC3339, rfc3339Nano } from './logs';
import { expectReplayed, openingStory as story, podNames as pods, run } from './testing';

const NGINX_STARTUP = `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
`;

describe('kubectl logs: what kubectl checks before asking the server', () => {
  for (const c of oracleFor('logs')
    .map(clientSide)
    .filter((x) => x !== undefined)) {
    it(`kubectl ${c.args.join(' ')}`, () => {
      expectReplayed(c);
    });
  }

  it('parses --since-time as Go parses RFC 3339, with its errors (checked with kubectl v1.32.5)', () => {
    const layout = '"2006-01-02T15:04:05Z07:00"';
    expect(parseGoRFC3339('abc')).toBe(
      `parsing time "abc" as ${layout}: cannot parse "abc" as "2006"`,
    );
    expect(parseGoRFC3339('2024')).toBe(`parsing time "2024" as ${layout}: cannot parse "" as "-"`);
    expect(parseGoRFC3339('2024-01-01')).toBe(
      `parsing time "2024-01-01" as ${layout}: cannot parse "" as "T"`,
    );
    expect(parseGoRFC3339('2024-01-01T00:00:00')).toBe(
      `parsing time "2024-01-01T00:00:00" as ${layout}: cannot parse "" as "Z07:00"`,
    );
    expect(parseGoRFC3339('2024-13-01T00:00:00Z')).toBe(
      'parsing time "2024-13-01T00:00:00Z": month out of range',
    );
    expect(parseGoRFC3339('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseGoRFC3339('2024-01-01T02:00:00.5+02:00')).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 500));
    const s = createSession({ seed: 1 });
    expect(run(s, 'kubectl logs x --since-time=2024')).toMatchObject({
      stderr: `error: parsing time "2024" as ${layout}: cannot parse "" as "-"\n`,
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs x --pod-running-timeout=0s')).toMatchObject({
      stderr: 'error: --pod-running-timeout must be higher than zero\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs -l app=x y')).toMatchObject({
      stderr:
        "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
      exitCode: 1,
    });
  });

  it('writes timestamps as RFC3339Nano, without trailing zeros', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 15, 9, 0, 5, 482), 913771)).toBe(
      '2026-01-15T09:00:05.482913771Z',
    );
    expect(rfc3339Nano(Date.UTC(2026, 0, 15, 9, 0, 5, 480), 0)).toBe('2026-01-15T09:00:05.48Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 15, 9, 0, 5), 0)).toBe('2026-01-15T09:00:05Z');
  });
});

describe('kubectl logs: a running nginx', () => {
  it('prints what nginx wrote when it started, on the node it runs on', () => {
    const s = story();
    const r = run(s, `kubectl logs ${pods(s)[0] as string}`);
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(
      NGINX_STARTUP +
        [
          'using the "epoll" event method',
          'nginx/1.27.3',
          'built by gcc 12.2.0 (Debian 12.2.0-14) ',
          'OS: Linux 6.8.0-1021-generic',
          'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
          'start worker processes',
          'start worker process 29',
          'start worker process 30',
          'start worker process 31',
          'start worker process 32',
        ]
          .map((l) => `2026/01/15 09:00:04 [notice] 1#1: ${l}\n`)
          .join(''),
    );
  });

  it('adds an access log line for each request curl sends it', () => {
    const s = story(80);
    const pod = pods(s)[0] as string;
    const before = run(s, `kubectl logs ${pod}`).stdout;
    // Through the pod IP, the request keeps the terminal's address; via the Service it is SNATed.
    const ip = reader(s.world).get('Pod', 'default', pod)?.status?.podIP ?? '';
    expect(run(s, `curl -s ${ip} -o /dev/null`).exitCode).toBe(0);
    expect(run(s, `curl -s ${ip}/missing -o /dev/null`).exitCode).toBe(0);
    expect(run(s, `kubectl logs ${pod}`).stdout).toBe(
      before +
        '10.0.0.100 - - [15/Jan/2026:09:00:40 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n' +
        '2026/01/15 09:00:40 [error] 30#30: *2 open() "/usr/share/nginx/html/missing" failed (2: No such file or directory), client: 10.0.0.100, server: localhost, request: "GET /missing HTTP/1.1", host: "' +
        ip +
        '"\n' +
        '10.0.0.100 - - [15/Jan/2026:09:00:40 +0000] "GET /missing HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"\n',
    );
    expect(run(s, `kubectl logs ${pod} --tail=1`).stdout).toBe(
      '10.0.0.100 - - [15/Jan/2026:09:00:40 +0000] "GET /missing HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"\n',
    );
    expect(run(s, `kubectl logs ${pod} --since=5s`).stdout.split('\n')).toHaveLength(4);
    expect(run(s, `kubectl logs ${pod} --tail=0`).stdout).toBe('');
    expect(run(s, `kubectl logs ${pod} --limit-bytes=20`).stdout).toBe('/docker-entrypoint.s');
    const stamped = run(s, `kubectl logs ${pod} --timestamps --tail=2`).stdout.split('\n');
    expect(stamped[0]).toMatch(/^2026-01-15T09:00:40\.000\d{6}Z 2026\/01\/15 09:00:40 \[error\]/);
  });

  it('takes the best pod of a deployment and says which', () => {
    const s = story();
    const r = run(s, 'kubectl logs deployment/my-app');
    expect(r.stderr).toBe(`Found 3 pods, using pod/${pods(s)[0] as string}\n`);
    expect(r.stdout).toBe(run(s, `kubectl logs ${pods(s)[0] as string}`).stdout);
  });

  it('shows the last 10 lines of each pod for a selector, with prefixes on request', () => {
    const s = story();
    const r = run(s, 'kubectl logs -l app=my-app --prefix');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines[0]).toBe(
      `[pod/${pods(s)[0] as string}/nginx] 2026/01/15 09:00:04 [notice] 1#1: using the "epoll" event method`,
    );
  });

  it('follows the log until interrupted', () => {
    const s = story();
    const r = run(s, `kubectl logs -f ${pods(s)[0] as string} --tail=2`);
    expect(r).toMatchObject({
      stdout:
        '2026/01/15 09:00:04 [notice] 1#1: start worker process 31\n2026/01/15 09:00:04 [notice] 1#1: start worker process 32\n',
      exitCode: 130,
      interrupted: true,
    });
  });

  it('stops following when the container stops, as a rollout replaces the pod', () => {
    const s = story();
    const old = pods(s)[0] as string;
    expect(run(s, 'kubectl set image deployment/my-app nginx=nginx:1.27.2').exitCode).toBe(0);
    const t0 = s.world.now;
    const r = run(s, `kubectl logs -f ${old} --tail=1`);
    expect(r).toMatchObject({
      stdout: '2026/01/15 09:00:04 [notice] 1#1: start worker process 32\n',
      stderr: '',
      exitCode: 0,
    });
    expect(s.world.now - t0).toBeLessThan(60_000);
    expect(
      reader(s.world).get('Pod', 'default', old)?.status?.containerStatuses?.[0]?.state?.running,
    ).toBeUndefined();
  });
});

describe('kubectl logs: when there is nothing to read', () => {
  it('says NotFound in kubectl’s own wrapping', () => {
    const s = story();
    const before = s.world;
    expect(run(s, 'kubectl logs nope')).toMatchObject({
      stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs deploy/nope')).toMatchObject({
      stderr:
        'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs foo/x')).toMatchObject({
      stderr: `error: the server doesn't have a resource type "foo"\n`,
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs node/node-1')).toMatchObject({
      stderr: 'error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n',
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs svc/kubernetes')).toMatchObject({
      stderr:
        "error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n",
      exitCode: 1,
    });
    expect(run(s, `kubectl logs ${pods(s)[0] as string} -c nope`)).toMatchObject({
      stderr: `error: container nope is not valid for pod ${pods(s)[0] as string}\n`,
      exitCode: 1,
    });
    expect(run(s, `kubectl logs ${pods(s)[0] as string} -p`)).toMatchObject({
      stderr: `Error from server (BadRequest): previous terminated container "nginx" in pod "${pods(s)[0] as string}" not found\n`,
      exitCode: 1,
    });
    expect(run(s, 'kubectl logs -l app=nope')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(s.world).toBe(before);
  });

  it('relays the kubelet while the container is being created or its image cannot be pulled', () => {
    const s = createSession({ seed: 1 });
    run(s, 'kubectl create deployment my-app --image=nginx:latest');
    const pod = pods(s)[0] as string;
    expect(run(s, `kubectl logs ${pod}`)).toMatchObject({
      stdout: '',
      stderr: `Error from server (BadRequest): container "nginx" in pod "${pod}" is waiting to start: ContainerCreating\n`,
      exitCode: 1,
    });
    run(s, 'sleep 30');
    run(s, 'kubectl set image deployment/my-app nginx=nginx:2.27.0');
    const stuck = pods(s).find((n) => n !== pod) as string;
    const waitFor = (reason: string) => {
      for (let i = 0; i < 60; i++) {
        const st = reader(s.world).get('Pod', 'default', stuck)?.status?.containerStatuses?.[0]
          ?.state?.waiting;
        if (st?.reason === reason) return;
        run(s, 'sleep 1');
      }
      throw new Error(`never ${reason}`);
    };
    waitFor('ErrImagePull');
    expect(run(s, `kubectl logs ${stuck}`).stderr).toBe(
      `Error from server (BadRequest): container "nginx" in pod "${stuck}" is waiting to start: image can't be pulled\n`,
    );
    waitFor('ImagePullBackOff');
    expect(run(s, `kubectl logs ${stuck}`)).toMatchObject({
      stderr: `Error from server (BadRequest): container "nginx" in pod "${stuck}" is waiting to start: trying and failing to pull image\n`,
      exitCode: 1,
    });
    expect(run(s, `kubectl logs ${stuck} --ignore-errors`)).toMatchObject({
      stdout: `error: container "nginx" in pod "${stuck}" is waiting to start: trying and failing to pull image\n`,
      exitCode: 0,
    });
  });

  it('defaults to the first of several containers, and says so', () => {
    const s = createSession({ seed: 1 });
    s.world = transact(s.world, 'test', (tx) =>
      create(tx, 'Pod', {
        metadata: { name: 'two', namespace: 'default' },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.27.3' },
            { name: 'cache', image: 'redis:7.4.2' },
          ],
        },
      }),
    ).world;
    run(s, 'sleep 30');
    const web = run(s, 'kubectl logs two');
    expect(web.stderr).toBe('Defaulted container "web" out of: web, cache\n');
    expect(web.stdout.startsWith(NGINX_STARTUP)).toBe(true);
    const cache = run(s, 'kubectl logs two cache');
    expect(cache.stderr).toBe('');
    expect(cache.stdout).toMatch(
      /^1:C \d\d Jan 2026 09:00:\d\d\.\d{3} \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/,
    );
    expect(run(s, 'kubectl logs two -c web cache').stderr).toBe(
      'error: only one of -c or an inline [CONTAINER] arg is allowed\n',
    );
    expect(run(s, 'kubectl logs two -c web --all-containers').stderr).toBe(
      'error: --all-containers=true should not be specified with container name web\n',
    );
    const all = run(s, 'kubectl logs two --all-containers --prefix').stdout;
    expect(all.startsWith('[pod/two/web] /docker-entrypoint.sh:')).toBe(true);
    expect(all).toContain('[pod/two/cache] 1:C ');
  });
});
