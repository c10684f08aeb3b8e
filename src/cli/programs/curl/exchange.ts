// What answers on the far side of a connection: the API server (HTTPS only), a web server in a
// pod, or a non-HTTP port. The answer is decided inside the world's transaction because serving a
// request writes the server's access log.
import type { Dial, Endpoint } from '../../../engine/k8s/network';
import { apiServerResponse, clientAddress, serveHttp } from '../../../engine/k8s/network';
import type { Tx } from '../../../engine/k8s/store';
import { httpDate } from '../../../engine/registry/catalog';
import type { Rng } from '../../../engine/rng';
import { randomUid } from '../../../engine/rng';
import type { Options } from './options';
import type { Url } from './url';

interface HttpAnswer {
  statusLine: string;
  status: number;
  headers: [string, string][];
  body: string;
  version: '1' | '1.1' | '2';
  keepAlive: boolean;
}

type Exchange =
  | { kind: 'http'; answer: HttpAnswer }
  | { kind: 'error'; code: number; message: string; caHint?: boolean };

/** What the server behind a connection answers (inside the transaction that records it). */
export function exchange(
  tx: Tx,
  rng: Rng,
  d: Dial & { kind: 'connected' },
  url: Url,
  o: Options,
  method: string,
): Exchange {
  const endpoint: Endpoint = d.endpoint;
  const tlsMismatch: Exchange = {
    kind: 'error',
    code: 35,
    message: 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
  };
  if (endpoint.kind === 'apiserver') {
    if (url.scheme === 'http') {
      return {
        kind: 'http',
        answer: {
          statusLine: 'HTTP/1.0 400 Bad Request',
          status: 400,
          headers: [],
          body: 'Client sent an HTTP request to an HTTPS server.\n',
          version: '1',
          keepAlive: false,
        },
      };
    }
    if (!o.insecure)
      return {
        kind: 'error',
        code: 60,
        message: 'SSL certificate problem: unable to get local issuer certificate',
        caHint: true,
      };
    const r = apiServerResponse(url.target);
    const headers: [string, string][] = [
      ['audit-id', randomUid(rng)],
      ['cache-control', 'no-cache, private'],
      ['content-type', r.contentType],
      ['x-content-type-options', 'nosniff'],
      ['x-kubernetes-pf-flowschema-uid', randomUid(rng)],
      ['x-kubernetes-pf-prioritylevel-uid', randomUid(rng)],
      ['content-length', String(r.body.length)],
      ['date', httpDate(tx.now)],
    ];
    return {
      kind: 'http',
      answer: {
        statusLine: `HTTP/2 ${r.status} `,
        status: r.status,
        headers,
        body: method === 'HEAD' ? '' : r.body,
        version: '2',
        keepAlive: true,
      },
    };
  }
  if (url.scheme === 'https') return tlsMismatch;
  if (endpoint.kind === 'tcp') {
    // Redis and memcached answer the request line with an error line of their own protocol.
    const repo = endpoint.image.ref.repository;
    if (repo === 'library/redis' || repo === 'library/memcached')
      return { kind: 'error', code: 1, message: 'Received HTTP/0.9 when not allowed' };
    return { kind: 'error', code: 52, message: 'Empty reply from server' };
  }
  const res = serveHttp(
    tx,
    endpoint,
    {
      method,
      target: url.target,
      host: url.hostHeader,
      userAgent: o.userAgent,
      ...(o.referer !== undefined && { referer: o.referer }),
      atMs: tx.now,
      clientIp: clientAddress(tx, d),
    },
    rng,
  );
  return {
    kind: 'http',
    answer: {
      statusLine: `HTTP/1.1 ${res.status} ${res.reason}`,
      status: res.status,
      headers: res.headers,
      body: res.body,
      version: '1.1',
      keepAlive: true,
    },
  };
}
