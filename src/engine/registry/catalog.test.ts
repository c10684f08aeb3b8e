import { describe, expect, it } from 'vitest';
import {
  accessLogLine,
  backOffWaitingMessage,
  failedToPullMessage,
  formatGoDuration,
  httpResponse,
  listTags,
  lookupImage,
  NGINX_INDEX_HTML,
  parseImageRef,
  pullDurationMs,
  pulledMessage,
  pullErrorMessage,
  startupLogs,
} from './catalog';

const JUNE_1_2024_0900 = Date.UTC(2024, 5, 1, 9, 0, 5);
const fixed = (v: number) => () => v;
const normalized = (ref: string) => {
  const r = parseImageRef(ref);
  return 'error' in r ? r.error : r.normalized;
};

describe('parseImageRef (github.com/distribution/reference normalisation)', () => {
  it('defaults the registry, the library/ namespace and the latest tag', () => {
    expect(parseImageRef('nginx')).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: 'latest',
      normalized: 'docker.io/library/nginx:latest',
    });
    expect(normalized('bitnami/nginx:1.27')).toBe('docker.io/bitnami/nginx:1.27');
    expect(normalized('index.docker.io/library/redis:7')).toBe('docker.io/library/redis:7');
  });

  it('recognises a registry host by a dot, a port or localhost', () => {
    expect(parseImageRef('registry.k8s.io/pause:3.9')).toMatchObject({
      registry: 'registry.k8s.io',
      repository: 'pause',
      tag: '3.9',
    });
    expect(parseImageRef('localhost:5000/app:v1')).toMatchObject({
      registry: 'localhost:5000',
      repository: 'app',
    });
    expect(normalized('quay.io/argoproj/argocd:v2.11.0')).toBe('quay.io/argoproj/argocd:v2.11.0');
  });

  it('keeps a digest and adds no tag when there is one', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    expect(parseImageRef(`nginx@${d}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      digest: d,
      normalized: `docker.io/library/nginx@${d}`,
    });
  });

  it('rejects what containerd rejects, with its words', () => {
    expect(parseImageRef('Nginx:latest')).toEqual({
      error: 'invalid reference format: repository name (library/Nginx) must be lowercase',
    });
    expect(parseImageRef('nginx:')).toEqual({ error: 'invalid reference format' });
    expect(parseImageRef('nginx@sha256:xyz')).toEqual({ error: 'invalid reference format' });
    expect(parseImageRef('')).toEqual({ error: 'invalid reference format' });
  });
});

describe('lookupImage: tags as docker-library/official-images listed them in January 2025', () => {
  it('has the nginx tags people type, and not the typo', () => {
    const tags = [
      'latest',
      'stable',
      'mainline',
      'alpine',
      'perl',
      '1.27.0',
      '1.27',
      '1.27.1',
      '1.27.2',
      '1.27.3',
      '1.26',
      '1.26.0',
      '1.26.1',
      '1.26.2',
      '1.25',
      '1.25.5',
      'stable-alpine',
      '1.27-alpine',
      'bookworm',
      'alpine-slim',
    ];
    for (const t of tags) expect(lookupImage(`nginx:${t}`), t).toBeDefined();
    expect(lookupImage('nginx:2.27.0')).toBeUndefined();
    expect(lookupImage('nginx:1.28.0')).toBeUndefined();
    expect(lookupImage('nginxx:latest')).toBeUndefined();
  });

  it('resolves moving tags to one image, with one digest', () => {
    const latest = lookupImage('nginx');
    expect(latest?.version).toBe('1.27.3');
    expect(latest?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const alias of ['mainline', '1', '1.27', '1.27.3', 'docker.io/library/nginx:bookworm']) {
      expect(lookupImage(alias.includes('/') ? alias : `nginx:${alias}`)?.digest).toBe(
        latest?.digest,
      );
    }
    expect(lookupImage('nginx:stable')?.version).toBe('1.26.2');
    expect(lookupImage('nginx:1.25')?.version).toBe('1.25.5');
    expect(lookupImage('nginx:1.27.2')?.digest).not.toBe(latest?.digest);
    expect(lookupImage('nginx:alpine')?.digest).not.toBe(latest?.digest);
    expect(lookupImage(`nginx@${latest?.digest}`)?.version).toBe('1.27.3');
  });

  it('knows what nginx and httpd listen on and serve', () => {
    const nginx = lookupImage('nginx:latest');
    expect(nginx).toMatchObject({ ports: [{ port: 80, protocol: 'TCP' }], runsForever: true });
    expect(nginx?.http).toMatchObject({
      port: 80,
      serverHeader: 'nginx/1.27.3',
      contentType: 'text/html',
    });
    expect(NGINX_INDEX_HTML).toHaveLength(615);
    expect(lookupImage('httpd')?.http).toEqual({
      port: 80,
      serverHeader: 'Apache/2.4.62 (Unix)',
      contentType: 'text/html',
      body: '<html><body><h1>It works!</h1></body></html>\n',
    });
    expect(lookupImage('redis')?.ports).toEqual([{ port: 6379, protocol: 'TCP' }]);
    expect(lookupImage('memcached:alpine')?.ports).toEqual([{ port: 11211, protocol: 'TCP' }]);
    expect(lookupImage('postgres')?.requiredEnv).toEqual({
      name: 'POSTGRES_PASSWORD',
      exitCode: 1,
    });
  });

  it('marks the shell images that exit at once, with their default command', () => {
    expect(lookupImage('busybox')).toMatchObject({
      runsForever: false,
      defaultCommand: ['sh'],
      version: '1.37.0',
    });
    expect(lookupImage('busybox:stable')?.version).toBe('1.36.1');
    expect(lookupImage('alpine')).toMatchObject({
      runsForever: false,
      defaultCommand: ['/bin/sh'],
      version: '3.21.2',
    });
    expect(lookupImage('ubuntu:latest')).toMatchObject({
      runsForever: false,
      defaultCommand: ['/bin/bash'],
      version: '24.04',
    });
    expect(lookupImage('busybox')?.ports).toEqual([]);
  });

  it('has every image of the Argo CD v2.11.0 install manifest and of a kubeadm v1.32 node', () => {
    for (const image of [
      'quay.io/argoproj/argocd:v2.11.0',
      'ghcr.io/dexidp/dex:v2.38.0',
      'redis:7.0.14-alpine',
      'registry.k8s.io/pause:3.9',
      'registry.k8s.io/pause:3.10',
      'registry.k8s.io/coredns/coredns:v1.11.3',
      'registry.k8s.io/etcd:3.5.16-0',
      'registry.k8s.io/kube-proxy:v1.32.0',
    ]) {
      expect(lookupImage(image), image).toBeDefined();
    }
    expect(lookupImage('quay.io/argoproj/argocd:v2.11.0')?.sizeBytes).toBeGreaterThan(100_000_000);
  });

  it('gives sizes in the range real pulls report', () => {
    const size = lookupImage('nginx:latest')?.sizeBytes ?? 0;
    expect(size).toBeGreaterThan(70_000_000);
    expect(size).toBeLessThan(74_000_000);
    expect(lookupImage('nginx:alpine')?.sizeBytes).toBeLessThan(25_000_000);
  });

  it('lists the tags of a repository', () => {
    expect(listTags('redis')).toEqual(
      expect.arrayContaining(['latest', '7.4.2', '7.0', '7.0.14-alpine']),
    );
    expect(listTags('nope/nope')).toEqual([]);
  });
});

// The message shapes come from kubernetes/kubernetes pkg/kubelet/images/image_manager.go (v1.32)
// and from containerd's resolver, as pulls from containerd 1.7 nodes print them.
describe('pulling', () => {
  it('words a missing tag as containerd does', () => {
    expect(pullErrorMessage('nginx:2.27.0')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:2.27.0": failed to resolve reference "docker.io/library/nginx:2.27.0": docker.io/library/nginx:2.27.0: not found',
    );
    expect(failedToPullMessage('nginx:2.27.0')).toBe(
      `Failed to pull image "nginx:2.27.0": ${pullErrorMessage('nginx:2.27.0')}`,
    );
    expect(backOffWaitingMessage('nginx:2.27.0')).toBe(
      `Back-off pulling image "nginx:2.27.0": ErrImagePull: ${pullErrorMessage('nginx:2.27.0')}`,
    );
  });

  it('words a repository that does not exist as Docker Hub answers it', () => {
    expect(pullErrorMessage('nginz')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginz:latest": failed to resolve reference "docker.io/library/nginz:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('prints durations as Go does', () => {
    expect([0, 163, 999, 1000, 2100, 2488, 62_345, 3_600_000].map(formatGoDuration)).toEqual([
      '0s',
      '163ms',
      '999ms',
      '1s',
      '2.1s',
      '2.488s',
      '1m2.345s',
      '1h0m0s',
    ]);
    expect(pulledMessage('nginx:latest', 2488, 2491, 72_080_558)).toBe(
      'Successfully pulled image "nginx:latest" in 2.488s (2.491s including waiting). Image size: 72080558 bytes.',
    );
  });

  it('pulls nginx:latest in a few seconds, and a cached image in under one', () => {
    const size = lookupImage('nginx:latest')?.sizeBytes ?? 0;
    expect(pullDurationMs(size, fixed(0))).toBeGreaterThanOrEqual(2000);
    expect(pullDurationMs(size, fixed(0.999))).toBeLessThanOrEqual(7000);
    expect(pullDurationMs(size, fixed(0.5), true)).toBeLessThan(1000);
  });
});

// nginx output: docker-entrypoint.sh and entrypoint/*.sh of nginxinc/docker-nginx, and
// src/os/unix/ngx_posix_init.c, src/core/ngx_cycle.c of nginx/nginx (release-1.27.3).
describe('startup logs', () => {
  it('prints what `kubectl logs` shows for a fresh nginx pod', () => {
    expect(startupLogs('nginx', 'latest', JUNE_1_2024_0900, fixed(0))).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2024/06/01 09:00:05 [notice] 1#1: using the "epoll" event method',
      '2024/06/01 09:00:05 [notice] 1#1: nginx/1.27.3',
      '2024/06/01 09:00:05 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2024/06/01 09:00:05 [notice] 1#1: OS: Linux 6.8.0-51-generic',
      '2024/06/01 09:00:05 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2024/06/01 09:00:05 [notice] 1#1: start worker processes',
      '2024/06/01 09:00:05 [notice] 1#1: start worker process 29',
      '2024/06/01 09:00:05 [notice] 1#1: start worker process 30',
    ]);
  });

  it('follows the version, the variant and the node', () => {
    const old = startupLogs('nginx', '1.24.0', JUNE_1_2024_0900, fixed(0), {
      cpus: 1,
      kernelRelease: '5.15.0-1071-gke',
    });
    expect(old).not.toContain(
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    );
    expect(old.slice(-5)).toEqual([
      '2024/06/01 09:00:05 [notice] 1#1: built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ',
      '2024/06/01 09:00:05 [notice] 1#1: OS: Linux 5.15.0-1071-gke',
      '2024/06/01 09:00:05 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2024/06/01 09:00:05 [notice] 1#1: start worker processes',
      '2024/06/01 09:00:05 [notice] 1#1: start worker process 29',
    ]);
    expect(startupLogs('nginx', '1.27-alpine', JUNE_1_2024_0900, fixed(0))).toContain(
      '2024/06/01 09:00:05 [notice] 1#1: built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ',
    );
    expect(startupLogs('nginx:2.27.0', '', JUNE_1_2024_0900, fixed(0))).toEqual([]);
  });

  it('prints httpd, redis and postgres start-up as their images do', () => {
    const t = Date.UTC(2025, 0, 15, 10, 0, 0);
    expect(startupLogs('httpd', '', t, fixed(0), { podIp: '10.244.1.7' })).toEqual([
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.7. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.7. Set the 'ServerName' directive globally to suppress this message",
      '[Wed Jan 15 10:00:00.020000 2025] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
      "[Wed Jan 15 10:00:00.020090 2025] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
    ]);
    expect(startupLogs('redis', 'latest', t, fixed(0))).toEqual([
      '1:C 15 Jan 2025 10:00:00.003 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 15 Jan 2025 10:00:00.003 * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 15 Jan 2025 10:00:00.003 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 15 Jan 2025 10:00:00.003 * monotonic clock: POSIX clock_gettime',
      '1:M 15 Jan 2025 10:00:00.003 * Running mode=standalone, port=6379.',
      '1:M 15 Jan 2025 10:00:00.003 * Server initialized',
      '1:M 15 Jan 2025 10:00:00.003 * Ready to accept connections tcp',
    ]);
    const argocdRedis = startupLogs('redis:7.0.14-alpine', '', t, fixed(0), {
      args: ['--save', '', '--appendonly', 'no'],
    });
    expect(argocdRedis).toContain('1:C 15 Jan 2025 10:00:00.003 * Configuration loaded');
    expect(argocdRedis.at(-1)).toBe('1:M 15 Jan 2025 10:00:00.003 * Ready to accept connections');
    expect(startupLogs('postgres', '', t, fixed(0))[0]).toBe(
      'Error: Database is uninitialized and superuser password is not specified.',
    );
    expect(
      startupLogs('postgres', '', t, fixed(0), { env: { POSTGRES_PASSWORD: 'x' } }).at(-1),
    ).toBe('2025-01-15 10:00:02.615 UTC [1] LOG:  database system is ready to accept connections');
    expect(startupLogs('busybox', '', t, fixed(0))).toEqual([]);
  });
});

// Response headers: src/http/ngx_http_header_filter_module.c (order) and
// ngx_http_special_response.c (404 page) of nginx/nginx; Last-Modified/ETag as nginx 1.27 images send them.
describe('serving HTTP', () => {
  const req = {
    method: 'GET',
    path: '/',
    atMs: Date.UTC(2024, 5, 1, 9, 1, 2),
    remoteAddr: '10.244.0.1',
    userAgent: 'curl/8.5.0',
  };

  it('answers like nginx', () => {
    const nginx = lookupImage('nginx:1.27.3');
    if (!nginx) throw new Error('nginx:1.27.3 missing');
    const res = httpResponse(nginx, req);
    expect(res?.headers).toEqual([
      ['Server', 'nginx/1.27.3'],
      ['Date', 'Sat, 01 Jun 2024 09:01:02 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '615'],
      ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"6745ef54-267"'],
      ['Accept-Ranges', 'bytes'],
    ]);
    expect(res?.body).toBe(NGINX_INDEX_HTML);
    const v1270 = lookupImage('nginx:1.27.0');
    expect(v1270 && httpResponse(v1270, req)?.headers).toContainEqual(['ETag', '"6655da96-267"']);
    const missing = httpResponse(nginx, { ...req, path: '/healthz' });
    expect(missing?.status).toBe(404);
    expect(missing?.body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(missing?.headers).toContainEqual(['Content-Length', '153']);
    if (res)
      expect(accessLogLine(nginx, req, res)).toBe(
        '10.244.0.1 - - [01/Jun/2024:09:01:02 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
      );
  });

  it('answers like httpd, and not at all for images without a web server', () => {
    const httpd = lookupImage('httpd:2.4');
    if (!httpd) throw new Error('httpd:2.4 missing');
    const res = httpResponse(httpd, { ...req, method: 'HEAD' });
    expect(res?.headers).toEqual([
      ['Date', 'Sat, 01 Jun 2024 09:01:02 GMT'],
      ['Server', 'Apache/2.4.62 (Unix)'],
      ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
      ['ETag', '"2d-432a5e4a73a80"'],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', '45'],
      ['Content-Type', 'text/html'],
    ]);
    expect(res?.body).toBe('');
    if (res)
      expect(accessLogLine(httpd, req, { ...res, status: 200 })).toBe(
        '10.244.0.1 - - [01/Jun/2024:09:01:02 +0000] "GET / HTTP/1.1" 200 45',
      );
    const redis = lookupImage('redis');
    expect(redis && httpResponse(redis, req)).toBeUndefined();
  });
});
