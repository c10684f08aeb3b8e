// What the images serve over HTTP and log per request: nginx's and httpd's default pages, headers
// and 404s, byte for byte, so `curl` through a Service shows exactly what a real pod would answer.
import type { HttpContent, ImageInfo, Kind } from './images';
import { accessLogTime, httpDate } from './timestamps';

/** docs/html/index.html of nginx (unchanged from 1.22 to 1.27), 615 bytes. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';

/**
 * mtime (Unix seconds) of /usr/share/nginx/html/index.html in each release's image: it becomes
 * Last-Modified and the ETag. 1.27.0 and 1.27.3 are observed values; the others are the release
 * tag's commit time, which is what those two match.
 */
const NGINX_INDEX_MTIME: Record<string, number> = {
  '1.22.1': 1666166540,
  '1.23.4': 1680015713,
  '1.24.0': 1681177534,
  '1.25.0': 1684854499,
  '1.25.1': 1686668889,
  '1.25.2': 1692118984,
  '1.25.3': 1698155206,
  '1.25.4': 1707911746,
  '1.25.5': 1713277670,
  '1.26.0': 1713879608,
  '1.26.1': 1716902814,
  '1.26.2': 1723472745,
  '1.27.0': 1716902550,
  '1.27.1': 1723472452,
  '1.27.2': 1727881999,
  '1.27.3': 1732636500,
};

/** httpd's htdocs/index.html has not changed since 2007. */
const HTTPD_INDEX_MTIME = 1181587994;

export function httpFor(kind: Kind, version: string): HttpContent | undefined {
  if (kind === 'nginx') {
    return {
      port: 80,
      serverHeader: `nginx/${version}`,
      body: NGINX_INDEX_HTML,
      contentType: 'text/html',
    };
  }
  if (kind === 'httpd') {
    return {
      port: 80,
      serverHeader: `Apache/${version} (Unix)`,
      body: HTTPD_INDEX_HTML,
      contentType: 'text/html',
    };
  }
  return undefined;
}

export interface HttpRequest {
  method: string;
  path: string;
  atMs: number;
  remoteAddr: string;
  userAgent?: string;
  referer?: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  /** Empty for HEAD; Content-Length still counts the body a GET would get. */
  body: string;
}

const CRLF = '\r\n';

/** The response nginx or httpd, unconfigured, gives; undefined if the image serves no HTTP. */
export function httpResponse(info: ImageInfo, req: HttpRequest): HttpResponse | undefined {
  const http = info.http;
  if (!http?.serverHeader) return undefined;
  const index = req.path === '/' || req.path === '/index.html';
  const head = req.method === 'HEAD';
  const date = httpDate(req.atMs);
  if (http.serverHeader.startsWith('nginx/')) {
    if (!index) {
      const body = [
        '<html>',
        '<head><title>404 Not Found</title></head>',
        '<body>',
        '<center><h1>404 Not Found</h1></center>',
        `<hr><center>${http.serverHeader}</center>`,
        '</body>',
        '</html>',
        '',
      ].join(CRLF);
      const headers: [string, string][] = [
        ['Server', http.serverHeader],
        ['Date', date],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        ['Connection', 'keep-alive'],
      ];
      return { status: 404, reason: 'Not Found', headers, body: head ? '' : body };
    }
    const mtime = NGINX_INDEX_MTIME[info.version ?? ''] ?? NGINX_INDEX_MTIME['1.27.3'] ?? 0;
    const headers: [string, string][] = [
      ['Server', http.serverHeader],
      ['Date', date],
      ['Content-Type', http.contentType],
      ['Content-Length', String(http.body.length)],
      ['Last-Modified', httpDate(mtime * 1000)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${mtime.toString(16)}-${http.body.length.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ];
    return { status: 200, reason: 'OK', headers, body: head ? '' : http.body };
  }
  if (!index) {
    const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
    const headers: [string, string][] = [
      ['Date', date],
      ['Server', http.serverHeader],
      ['Content-Length', String(body.length)],
      ['Content-Type', 'text/html; charset=iso-8859-1'],
    ];
    return { status: 404, reason: 'Not Found', headers, body: head ? '' : body };
  }
  const headers: [string, string][] = [
    ['Date', date],
    ['Server', http.serverHeader],
    ['Last-Modified', httpDate(HTTPD_INDEX_MTIME * 1000)],
    ['ETag', '"2d-432a5e4a73a80"'],
    ['Accept-Ranges', 'bytes'],
    ['Content-Length', String(http.body.length)],
    ['Content-Type', http.contentType],
  ];
  return { status: 200, reason: 'OK', headers, body: head ? '' : http.body };
}

/**
 * The line the server appends to its access log (container stdout) for a request: nginx's `main`
 * format, or httpd's `common` format.
 */
export function accessLogLine(
  info: ImageInfo,
  req: HttpRequest,
  res: HttpResponse,
): string | undefined {
  const server = info.http?.serverHeader;
  if (!server) return undefined;
  const bytes =
    req.method === 'HEAD' ? 0 : Number(res.headers.find(([k]) => k === 'Content-Length')?.[1] ?? 0);
  const request = `"${req.method} ${req.path} HTTP/1.1" ${res.status}`;
  if (server.startsWith('nginx/')) {
    return `${req.remoteAddr} - - [${accessLogTime(req.atMs)}] ${request} ${bytes} "${req.referer ?? '-'}" "${req.userAgent ?? '-'}" "-"`;
  }
  return `${req.remoteAddr} - - [${accessLogTime(req.atMs)}] ${request} ${bytes === 0 ? '-' : bytes}`;
}
