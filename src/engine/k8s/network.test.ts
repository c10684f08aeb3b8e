// The simulated network: where a connection from the terminal ends up. kube-proxy's behaviour
// (random choice among ready endpoints, REJECT for a Service port without endpoints, no rule for
// other ports of a cluster IP) follows kubernetes pkg/proxy/iptables/proxier.go; the nginx error
// log line follows nginx src/http/ngx_http_request.c (ngx_http_log_error_handler) and
// src/core/ngx_log.c.
import { describe, expect, it } from 'vitest';
import type { World } from '../world';
import { advance, createWorld, reader, transact } from '../world';
import { create, update } from './apiserver';
import type { Dial } from './network';
import {
  apiServerResponse,
  clientAddress,
  dial,
  requestLog,
  requestRng,
  runtimeView,
  serveHttp,
  TERMINAL_IP,
} from './network';
import type { Pod } from './types';

/** What `kubectl create deployment --replicas=3` and `kubectl expose --type=LoadBalancer` make. */
function cluster(targetPort: number): { world: World } {
  const labels = { app: 'my-app' };
  let world = createWorld({ seed: 1 });
  world = transact(world, 'kubectl-create', (tx) =>
    create(tx, 'Deployment', {
      metadata: { name: 'my-app', namespace: 'default', labels },
      spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'nginx', image: 'nginx:latest' }] },
        },
      },
    }),
  ).world;
  world = transact(world, 'kubectl-expose', (tx) =>
    create(tx, 'Service', {
      metadata: { name: 'my-app', namespace: 'default', labels },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [{ port: 80, protocol: 'TCP', targetPort }],
      },
    }),
  ).world;
  return { world: advance(world, world.now + 30_000).world };
}

const first = () => 0;

function summary(d: Dial): string {
  if (d.kind !== 'connected') return d.kind;
  const e = d.endpoint;
  return e.kind === 'apiserver'
    ? 'apiserver'
    : `${e.kind} ${e.pod.metadata?.name ?? ''}/${e.container}${d.viaService ? ' via service' : ''}`;
}

describe('dial', () => {
  it('reaches nginx through every address of a Service whose target port it listens on', () => {
    const s = cluster(80);
    const r = reader(s.world);
    const svc = r.get('Service', 'default', 'my-app');
    const pods = r.list('Pod', 'default');
    const byIP = (ip: string) => pods.find((p) => p.status?.podIP === ip)?.metadata?.name;
    const endpointsIPs = (
      r.get('Endpoints', 'default', 'my-app')?.subsets?.[0]?.addresses ?? []
    ).map((a) => a.ip);
    const expected = `http ${byIP(endpointsIPs[0] as string) ?? ''}/nginx via service`;
    const node = r.list('Node')[1];
    const nodeIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const nodePort = svc?.spec?.ports?.[0]?.nodePort ?? 0;
    expect(summary(dial(r, svc?.spec?.clusterIP ?? '', 80, first))).toBe(expected);
    expect(summary(dial(r, svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '', 80, first))).toBe(
      expected,
    );
    expect(summary(dial(r, nodeIP, nodePort, first))).toBe(expected);
    // kube-proxy picks among the ready endpoints.
    const picked = new Set(
      [0, 1, 2].map((i) => summary(dial(r, svc?.spec?.clusterIP ?? '', 80, () => i))),
    );
    expect(picked.size).toBe(3);
  });

  it('is refused where nothing listens, and dropped where nothing is', () => {
    const s = cluster(8080);
    const r = reader(s.world);
    const svc = r.get('Service', 'default', 'my-app');
    const pod = r.list('Pod', 'default')[0] as Pod;
    const podIP = pod.status?.podIP ?? '';
    // nginx listens on 80, not on the Service's target port 8080: the pod's kernel resets.
    expect(summary(dial(r, svc?.spec?.clusterIP ?? '', 80, first))).toBe('refused');
    expect(summary(dial(r, svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '', 80, first))).toBe(
      'refused',
    );
    expect(summary(dial(r, podIP, 8080, first))).toBe('refused');
    expect(summary(dial(r, podIP, 80, first))).toBe(`http ${pod.metadata?.name ?? ''}/nginx`);
    // Ports a Service does not have go nowhere; so do addresses nobody has.
    expect(summary(dial(r, svc?.spec?.clusterIP ?? '', 81, first))).toBe('dropped');
    expect(summary(dial(r, svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '', 443, first))).toBe(
      'dropped',
    );
    expect(summary(dial(r, '10.244.9.9', 80, first))).toBe('dropped');
    expect(summary(dial(r, '198.51.100.7', 80, first))).toBe('dropped');
    expect(summary(dial(r, '127.0.0.1', 80, first))).toBe('refused');
    expect(summary(dial(r, '10.0.0.11', 22, first))).toBe('refused');
  });

  it('rejects a Service port without ready endpoints', () => {
    const s = cluster(80);
    s.world = transact(s.world, 'kubectl-scale', (tx) => {
      const d = tx.get('Deployment', 'default', 'my-app');
      return d && update(tx, 'Deployment', { ...d, spec: { ...d.spec!, replicas: 0 } });
    }).world;
    s.world = advance(s.world, s.world.now + 10_000).world;
    const r = reader(s.world);
    expect(r.list('Pod', 'default')).toEqual([]);
    expect(
      summary(dial(r, r.get('Service', 'default', 'my-app')?.spec?.clusterIP ?? '', 80, first)),
    ).toBe('refused');
  });

  it('reaches the API server through the kubernetes Service and directly', () => {
    const r = reader(createWorld({ seed: 1 }));
    expect(summary(dial(r, '10.96.0.1', 443, first))).toBe('apiserver');
    expect(summary(dial(r, '10.0.0.2', 6443, first))).toBe('apiserver');
    expect(summary(dial(r, '10.0.0.2', 80, first))).toBe('refused');
  });

  it('shows the server the bridge address of the node for Service traffic, the terminal otherwise', () => {
    const s = cluster(80);
    const r = reader(s.world);
    const pod = r.list('Pod', 'default')[0] as Pod;
    const direct = dial(r, pod.status?.podIP ?? '', 80, first);
    const viaLB = dial(
      r,
      r.get('Service', 'default', 'my-app')?.status?.loadBalancer?.ingress?.[0]?.ip ?? '',
      80,
      first,
    );
    if (direct.kind !== 'connected' || viaLB.kind !== 'connected') throw new Error('not connected');
    expect(clientAddress(r, direct)).toBe(TERMINAL_IP);
    const node =
      viaLB.endpoint.kind === 'apiserver' ? '' : (viaLB.endpoint.pod.spec?.nodeName ?? '');
    expect(clientAddress(r, viaLB)).toBe(`10.244.${node.replace('node-', '')}.1`);
  });
});

describe('serveHttp and requestLog', () => {
  it('answers as nginx and keeps its log lines in the world, for that pod only', () => {
    const s = cluster(80);
    const r = reader(s.world);
    const pod = r.list('Pod', 'default')[0] as Pod;
    const d = dial(r, pod.status?.podIP ?? '', 80, first);
    if (d.kind !== 'connected' || d.endpoint.kind !== 'http') throw new Error('not connected');
    const endpoint = d.endpoint;
    const ask = (method: string, target: string) =>
      transact(s.world, 'curl', (tx) => {
        const rng = requestRng(tx);
        return serveHttp(
          tx,
          endpoint,
          {
            method,
            target,
            host: 'x',
            userAgent: 'curl/8.5.0',
            atMs: tx.now,
            clientIp: TERMINAL_IP,
          },
          rng,
        );
      });
    const ok = ask('GET', '/?q=1');
    expect(ok.result).toMatchObject({ status: 200, reason: 'OK' });
    expect(ok.world.rng).toBe(s.world.rng);
    expect(ok.changes).toEqual([]);
    s.world = ok.world;
    const post = ask('POST', '/');
    expect(post.result).toMatchObject({ status: 405, reason: 'Not Allowed' });
    expect(post.result.body).toContain(
      '<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>nginx/1.27.3</center>',
    );
    s.world = post.world;
    expect(requestLog(runtimeView(s.world.cluster), pod, 'nginx').map((l) => l.line)).toEqual([
      '10.0.0.100 - - [15/Jan/2026:09:00:30 +0000] "GET /?q=1 HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
      '10.0.0.100 - - [15/Jan/2026:09:00:30 +0000] "POST / HTTP/1.1" 405 157 "-" "curl/8.5.0" "-"',
    ]);
    const other = reader(s.world).list('Pod', 'default')[1] as Pod;
    expect(requestLog(runtimeView(s.world.cluster), other, 'nginx')).toEqual([]);
    expect(
      requestLog(
        runtimeView(s.world.cluster),
        { ...pod, metadata: { ...pod.metadata, uid: 'another' } },
        'nginx',
      ),
    ).toEqual([]);
  });
});

describe('apiServerResponse', () => {
  it('answers anonymous requests as a v1.32 API server does', () => {
    expect(apiServerResponse('/healthz')).toEqual({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'ok',
    });
    expect(JSON.parse(apiServerResponse('/version').body)).toMatchObject({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.5',
    });
    const forbidden = apiServerResponse('/api/v1/pods');
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.body)).toMatchObject({
      message: 'forbidden: User "system:anonymous" cannot get path "/api/v1/pods"',
      reason: 'Forbidden',
      code: 403,
    });
  });
});
