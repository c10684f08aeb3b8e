// The simulated network between the learner's terminal and the cluster: which address and port
// answer, through kube-proxy's Service rules, and what the server behind them logs.
//
// Where the terminal sits: it is the learner's own machine with kubectl access, and it may reach
// what such a machine reaches on a typical cloud setup with a VPN into the VPC — a
// LoadBalancer's external IP and NodePorts on node IPs, as from the internet, and cluster IPs
// and pod IPs, as if the machine were routed into the cluster network. What it cannot do is use
// the cluster's DNS: `my-app` or `my-app.default.svc.cluster.local` do not resolve there.
import type { HttpRequest, HttpResponse, ImageInfo } from '../registry/catalog';
import { accessLogLine, httpResponse, lookupImage, nginxLogTime } from '../registry/catalog';
import { API_SERVER_IP, SERVER_VERSION_INFO } from './bootstrap';
import type { Rng } from '../rng';
import { createRng, seedState } from '../rng';
import type { ClusterState, Tx } from './store';
import { keyOf, runtimeOf } from './store';
import type { ObjectReader, Pod, Service, ServicePort } from './types';

/** The terminal's own address, as a host routed into the cluster network sees it. */
export const TERMINAL_IP = '10.0.0.100';

/** What accepted a connection. */
export type Endpoint =
  | { kind: 'http'; pod: Pod; container: string; image: ImageInfo }
  | { kind: 'tcp'; pod: Pod; container: string; image: ImageInfo }
  | { kind: 'apiserver' };

export type Dial =
  /** A server accepted the connection; `viaService` says kube-proxy forwarded it (and SNATed). */
  | { kind: 'connected'; endpoint: Endpoint; viaService: boolean }
  /** A RST, or kube-proxy's REJECT for a Service without ready endpoints: fails at once. */
  | { kind: 'refused' }
  /** Nothing answers, not even with a refusal: the SYN is dropped. */
  | { kind: 'dropped' };

const REFUSED: Dial = { kind: 'refused' };
const DROPPED: Dial = { kind: 'dropped' };

function podByIP(view: ObjectReader, ip: string): Pod | undefined {
  return view.list('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork);
}

/** What listens on `port` in a pod: its running containers' images decide, not the spec. */
export function listenerOn(pod: Pod, port: number): Endpoint | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!status?.state?.running) continue;
    const image = lookupImage(c.image ?? '');
    if (!image) continue;
    if (image.http?.port === port) return { kind: 'http', pod, container: c.name, image };
    if (image.ports.some((p) => p.port === port && p.protocol === 'TCP')) {
      return { kind: 'tcp', pod, container: c.name, image };
    }
  }
  return undefined;
}

/** A connection to an address that is not virtual: a pod, the API server, or nothing. */
function dialHost(view: ObjectReader, ip: string, port: number, viaService: boolean): Dial {
  if (ip === API_SERVER_IP) {
    return port === 6443
      ? { kind: 'connected', endpoint: { kind: 'apiserver' }, viaService }
      : REFUSED;
  }
  const pod = podByIP(view, ip);
  if (!pod) return DROPPED;
  const endpoint = listenerOn(pod, port);
  // The pod's kernel answers a port nobody listens on with a RST.
  return endpoint ? { kind: 'connected', endpoint, viaService } : REFUSED;
}

function servicePort(svc: Service, match: (p: ServicePort) => boolean): ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === 'TCP' && match(p));
}

/** kube-proxy: one ready endpoint of the Service port, chosen at random as its iptables rules do. */
function dialService(
  view: ObjectReader,
  svc: Service,
  port: ServicePort,
  pick: (n: number) => number,
): Dial {
  const ns = svc.metadata?.namespace ?? '';
  const endpoints = view.get('Endpoints', ns, svc.metadata?.name ?? '');
  const targets: { ip: string; port: number }[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const p = subset.ports?.find(
      (x) => (x.name ?? '') === (port.name ?? '') && (x.protocol ?? 'TCP') === 'TCP',
    );
    if (!p) continue;
    for (const a of subset.addresses ?? []) targets.push({ ip: a.ip, port: p.port });
  }
  // kube-proxy installs a REJECT rule for a Service port without ready endpoints.
  if (targets.length === 0) return REFUSED;
  const target = targets[pick(targets.length)] as { ip: string; port: number };
  return dialHost(view, target.ip, target.port, true);
}

/**
 * Where a TCP connection from the terminal to `ip:port` ends up. `pick(n)` chooses among `n`
 * ready endpoints (an integer in [0, n)).
 */
export function dial(
  view: ObjectReader,
  ip: string,
  port: number,
  pick: (n: number) => number,
): Dial {
  if (ip.startsWith('127.')) return REFUSED;
  const services = view.list('Service');
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec || spec.type === 'ExternalName') continue;
    const clusterIPs = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
    if (clusterIPs.includes(ip)) {
      const p = servicePort(svc, (x) => x.port === port);
      // iptables has no rule for other ports of a cluster IP, so their packets go nowhere.
      return p ? dialService(view, svc, p, pick) : DROPPED;
    }
    const external =
      (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip) ||
      (spec.externalIPs ?? []).includes(ip);
    if (external) {
      const p = servicePort(svc, (x) => x.port === port);
      // The cloud load balancer forwards only the ports it was configured with.
      return p ? dialService(view, svc, p, pick) : DROPPED;
    }
  }
  const node = view
    .list('Node')
    .find((n) =>
      (n.status?.addresses ?? []).some((a) => a.type === 'InternalIP' && a.address === ip),
    );
  if (node) {
    for (const svc of services) {
      if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') continue;
      const p = servicePort(svc, (x) => x.nodePort === port);
      if (p) return dialService(view, svc, p, pick);
    }
    return REFUSED;
  }
  return dialHost(view, ip, port, false);
}

/**
 * The source address the server sees: kube-proxy masquerades Service traffic to the address of
 * the node's bridge (the first address of its pod CIDR); traffic sent to a pod IP keeps the
 * terminal's address.
 */
export function clientAddress(view: ObjectReader, d: Dial & { kind: 'connected' }): string {
  if (!d.viaService || d.endpoint.kind === 'apiserver') return TERMINAL_IP;
  const node = view.get('Node', undefined, d.endpoint.pod.spec?.nodeName ?? '');
  const cidr = node?.spec?.podCIDR;
  return cidr ? cidr.replace(/\.0\/\d+$/, '.1') : TERMINAL_IP;
}

// ---------------------------------------------------------------------------------------------
// Serving HTTP, and the server's log

/** Runtime table of what servers logged after they started, per pod key. */
export const HTTP_LOG = 'http-log';

export interface LogLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

interface HttpLogState {
  uid: string;
  /** nginx's connection counter (`*N` in its error log). */
  connections: number;
  lines: (LogLine & { container: string })[];
}

export type RuntimeView = Pick<Tx, 'getRuntime'>;

/** A read-only view of the runtime tables of a committed cluster state. */
export function runtimeView(cluster: ClusterState): RuntimeView {
  return { getRuntime: <T>(table: string, key: string) => runtimeOf<T>(cluster, table, key) };
}

const REQUESTS = 'terminal-requests';

/**
 * The randomness of one request from the terminal (which endpoint kube-proxy picks, which nginx
 * worker accepts, the ephemeral port). It is its own stream, numbered by a counter in the world,
 * so that requests stay deterministic without shifting the names and addresses the cluster
 * draws from the world's generator.
 */
export function requestRng(tx: Tx): Rng {
  const count = (tx.getRuntime<number>(REQUESTS, 'count') ?? 0) + 1;
  tx.setRuntime(REQUESTS, 'count', count);
  return createRng(seedState(((tx.now % 4294967296) ^ Math.imul(count, 0x9e3779b9)) >>> 0));
}

/** What the server in `container` logged about the requests it answered, oldest first. */
export function requestLog(runtime: RuntimeView, pod: Pod, container: string): LogLine[] {
  const state = runtime.getRuntime<HttpLogState>(
    HTTP_LOG,
    keyOf(pod.metadata?.namespace ?? '', pod.metadata?.name ?? ''),
  );
  if (!state || state.uid !== pod.metadata?.uid) return [];
  return state.lines
    .filter((l) => l.container === container)
    .map(({ atMs, stream, line }) => ({ atMs, stream, line }));
}

export interface HttpExchange {
  method: string;
  /** Path with the query, as in the request line. */
  target: string;
  /** The Host header. */
  host: string;
  userAgent?: string;
  referer?: string;
  atMs: number;
  clientIp: string;
}

function nginxNotAllowed(server: string, date: string): HttpResponse {
  const body = [
    '<html>',
    '<head><title>405 Not Allowed</title></head>',
    '<body>',
    '<center><h1>405 Not Allowed</h1></center>',
    `<hr><center>${server}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return {
    status: 405,
    reason: 'Not Allowed',
    headers: [
      ['Server', server],
      ['Date', date],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

/**
 * The web server in `endpoint` answers `req`, and writes its access log line (and, for nginx and
 * a missing file, its error log line) into the world.
 */
export function serveHttp(
  tx: Tx,
  endpoint: Endpoint & { kind: 'http' },
  req: HttpExchange,
  rng: Rng,
): HttpResponse {
  const { pod, container, image } = endpoint;
  const path = req.target.replace(/[?#].*$/, '');
  const catalogReq: HttpRequest = {
    method: req.method === 'HEAD' ? 'HEAD' : 'GET',
    path,
    atMs: req.atMs,
    remoteAddr: req.clientIp,
    ...(req.userAgent !== undefined && { userAgent: req.userAgent }),
    ...(req.referer !== undefined && { referer: req.referer }),
  };
  const base = httpResponse(image, catalogReq) as HttpResponse;
  const server = image.http?.serverHeader ?? '';
  const nginx = server.startsWith('nginx/');
  const dateHeader = base.headers.find(([k]) => k === 'Date')?.[1] ?? '';
  const response =
    nginx && req.method !== 'GET' && req.method !== 'HEAD'
      ? nginxNotAllowed(server, dateHeader)
      : base;

  const key = keyOf(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
  const old = tx.getRuntime<HttpLogState>(HTTP_LOG, key);
  const state: HttpLogState =
    old && old.uid === pod.metadata?.uid
      ? old
      : { uid: pod.metadata?.uid ?? '', connections: 0, lines: [] };
  const connection = state.connections + 1;
  const lines = [...state.lines];
  if (nginx && response.status === 404) {
    // One worker per CPU, started as processes 29, 30 … right after the master.
    const cpus =
      Number(tx.get('Node', undefined, pod.spec?.nodeName ?? '')?.status?.capacity?.cpu ?? '2') ||
      2;
    const worker = 29 + rng.int(0, Math.max(1, cpus) - 1);
    lines.push({
      container,
      atMs: req.atMs,
      stream: 'stderr',
      line: `${nginxLogTime(req.atMs)} [error] ${worker}#${worker}: *${connection} open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${req.clientIp}, server: localhost, request: "${req.method} ${req.target} HTTP/1.1", host: "${req.host}"`,
    });
  }
  const access = accessLogLine(
    image,
    { ...catalogReq, method: req.method, path: req.target },
    response,
  );
  if (access !== undefined)
    lines.push({ container, atMs: req.atMs, stream: 'stdout', line: access });
  tx.setRuntime(HTTP_LOG, key, { uid: state.uid, connections: connection, lines });
  return req.method === 'HEAD' ? { ...response, body: '' } : response;
}

/**
 * What the API server answers an anonymous HTTPS request: the health and version endpoints are
 * public (system:public-info-viewer), everything else is forbidden.
 */
export function apiServerResponse(path: string): {
  status: number;
  contentType: string;
  body: string;
} {
  const p = path.replace(/[?#].*$/, '');
  if (p === '/healthz' || p === '/livez' || p === '/readyz')
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };
  if (p === '/version') {
    const body = SERVER_VERSION_INFO;
    return { status: 200, contentType: 'application/json', body: JSON.stringify(body, null, 2) };
  }
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot get path "${p}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  };
  return { status: 403, contentType: 'application/json', body: JSON.stringify(status, null, 2) };
}
