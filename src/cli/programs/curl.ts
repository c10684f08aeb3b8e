// `curl` as the learner's laptop has it: curl 8.5.0, Ubuntu 24.04's build. Requests go through
// the simulated network (src/engine/k8s/network.ts says what the terminal can reach); a web
// server that answers writes its access log line into the world, where `kubectl logs` finds it.
// Wording from curl 8.5.0: src/tool_operate.c, src/tool_getparam.c, src/tool_help.c,
// src/tool_writeout.c, lib/connect.c, lib/multi.c, lib/progress.c, lib/url.c, lib/strerror.c.
import type { Dial, Endpoint } from '../../engine/k8s/network';
import {
  apiServerResponse,
  clientAddress,
  dial,
  requestRng,
  serveHttp,
  TERMINAL_IP,
} from '../../engine/k8s/network';
import type { Tx } from '../../engine/k8s/store';
import { httpDate } from '../../engine/registry/catalog';
import type { Rng } from '../../engine/rng';
import { randomUid } from '../../engine/rng';
import { transact } from '../../engine/world';
import type { Program, ProgramContext, Run } from '../program';

const USER_AGENT = 'curl/8.5.0';

const VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.2
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

const HELP = `Usage: curl [options...] <url>
${[
  ['-d, --data <data>', 'HTTP POST data'],
  ['-f, --fail', 'Fail fast with no output on HTTP errors'],
  ['-h, --help <category>', 'Get help for commands'],
  ['-i, --include', 'Include protocol response headers in the output'],
  ['-o, --output <file>', 'Write to file instead of stdout'],
  ['-O, --remote-name', 'Write output to a file named as the remote file'],
  ['-s, --silent', 'Silent mode'],
  ['-T, --upload-file <file>', 'Transfer local FILE to destination'],
  ['-u, --user <user:password>', 'Server user and password'],
  ['-A, --user-agent <name>', 'Send User-Agent <name> to server'],
  ['-v, --verbose', 'Make the operation more talkative'],
  ['-V, --version', 'Show version number and quit'],
]
  .map(([o, d]) => ` ${(o as string).padEnd(26)} ${d}\n`)
  .join('')}
This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

// Every option curl 8.5.0 knows (src/tool_getparam.c `aliases`), so that unknown and ambiguous
// ones fail as they do there. Options this simulation has no use for are accepted and ignored.
const BOOL_OPTIONS =
  `disable-epsv disallow-username-in-url epsv npn alpn compressed tr-encoding digest negotiate ntlm
ntlm-wb basic anyauth ftp-create-dirs create-dirs proxy-ntlm crlf haproxy-protocol disable-eprt eprt xattr ftp-ssl ssl
ftp-pasv tcp-nodelay proxy-digest proxy-basic retry-connrefused proxy-negotiate form-escape proxy-anyauth trace-time
ignore-content-length ftp-skip-pasv-ip ftp-ssl-reqd ssl-reqd sessionid ftp-ssl-control ftp-ssl-ccc raw post301
keepalive post302 socks5-gssapi-nec ftp-pret post303 metalink test-event path-as-is tftp-no-options
suppress-connect-headers compressed-ssh retry-all-errors trace-ids http1.0 http1.1 http2 http2-prior-knowledge http3
http3-only http0.9 proxy-http2 tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 sslv2 sslv3 ipv4 ipv6 append use-ascii ca-native
proxy-ca-native ssl-allow-beast ssl-auto-client-cert proxy-ssl-auto-client-cert cert-status doh-cert-status
false-start ssl-no-revoke ssl-revoke-best-effort tcp-fastopen proxy-ssl-allow-beast proxy-insecure proxy-tlsv1
socks5-basic socks5-gssapi fail fail-early styled-output mail-rcpt-allowfails fail-with-body remove-on-error globoff
get help include head junk-session-cookies remote-header-name insecure doh-insecure list-only location
location-trusted manual netrc netrc-optional buffer remote-name remote-name-all clobber proxytunnel disable
remote-time silent show-error verbose version parallel parallel-immediate progress-bar progress-meter next`.split(
    /\s+/,
  );
const ARG_OPTIONS =
  `url dns-ipv4-addr dns-ipv6-addr random-file egd-file oauth2-bearer connect-timeout ciphers
dns-interface dns-servers trace trace-ascii limit-rate rate create-file-mode max-redirs ipfs-gateway stderr aws-sigv4
interface krb krb4 haproxy-clientip max-filesize socks5 retry retry-delay retry-max-time ftp-account ftp-method
local-port socks4 socks4a ftp-alternative-to-user ftp-ssl-ccc-mode libcurl socks5-hostname keepalive-time noproxy
proxy1.0 tftp-blksize mail-from mail-rcpt proto proto-redir resolve delegation mail-auth sasl-authzid unix-socket
socks5-gssapi-service proxy-service-name service-name proto-default expect100-timeout connect-to abstract-unix-socket
tls-max happy-eyeballs-timeout-ms trace-config tls13-ciphers proxy-tls13-ciphers user-agent cookie alt-svc hsts
cookie-jar continue-at data data-raw data-ascii data-binary data-urlencode json url-query dump-header referer cert
cacert cert-type key key-type pass engine capath pubkey hostpubmd5 hostpubsha256 crlfile tlsuser tlspassword
tlsauthtype pinnedpubkey proxy-pinnedpubkey proxy-tlsuser proxy-tlspassword proxy-tlsauthtype proxy-cert
proxy-cert-type proxy-key proxy-key-type proxy-pass proxy-ciphers proxy-crlfile login-options proxy-cacert
proxy-capath etag-save etag-compare curves form form-string request-target header proxy-header config max-time
netrc-file output output-dir ftp-port quote range telnet-option upload-file user proxy-user write-out proxy preproxy
request speed-limit speed-time time-cond parallel-max variable`.split(/\s+/);
const TAKES_ARG = new Set(ARG_OPTIONS);
const LONG_NAMES = [...BOOL_OPTIONS, ...ARG_OPTIONS];
const SHORT: Record<string, string> = Object.fromEntries(
  `#progress-bar 0http1.0 1tlsv1 2sslv2 3sslv3 4ipv4 6ipv6 :next Auser-agent Buse-ascii Ccontinue-at Ddump-header Ecert
Fform Gget Hheader Ihead Jremote-header-name Kconfig Llocation Mmanual Nbuffer Oremote-name Pftp-port Qquote
Rremote-time Sshow-error Tupload-file Uproxy-user Vversion Xrequest Yspeed-limit Zparallel aappend bcookie ccookie-jar
ddata ereferer ffail ggloboff hhelp iinclude jjunk-session-cookies kinsecure llist-only mmax-time nnetrc ooutput
pproxytunnel qdisable rrange ssilent ttelnet-option uuser vverbose wwrite-out xproxy yspeed-time ztime-cond`
    .split(/\s+/)
    .map((e) => [e[0] as string, e.slice(1)]),
);

interface Options {
  urls: string[];
  outputs: string[];
  /** How many -O were given: the first URLs are saved under their own file names. */
  remoteNames: number;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  failWithBody: boolean;
  insecure: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  headers: string[];
  userAgent: string;
  referer?: string;
  data?: string;
}

type FlagKey =
  'silent' | 'showError' | 'include' | 'head' | 'verbose' | 'fail' | 'failWithBody' | 'insecure';
const FLAG_KEYS: Record<string, FlagKey> = {
  silent: 'silent',
  'show-error': 'showError',
  include: 'include',
  head: 'head',
  verbose: 'verbose',
  fail: 'fail',
  'fail-with-body': 'failWithBody',
  insecure: 'insecure',
};

type Parsed =
  | { kind: 'run'; options: Options }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

function seconds(value: string): number | string {
  if (/^-/.test(value)) return 'expected a positive numerical parameter';
  if (!/^(\d+\.?\d*|\.\d+)$/.test(value)) return 'expected a proper numerical parameter';
  return Math.round(Number(value) * 1000);
}

function parseArgs(args: readonly string[]): Parsed {
  const o: Options = {
    urls: [],
    outputs: [],
    remoteNames: 0,
    silent: false,
    showError: false,
    include: false,
    head: false,
    verbose: false,
    fail: false,
    failWithBody: false,
    insecure: false,
    headers: [],
    userAgent: USER_AGENT,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    const fail = (reason: string): Parsed => ({ kind: 'error', message: `option ${a}: ${reason}` });
    const options: { name: string; toggle: boolean; value?: string }[] = [];
    if (a.startsWith('--')) {
      let word = a.slice(2);
      const toggle = !word.startsWith('no-');
      if (!toggle) word = word.slice(3);
      const exact = LONG_NAMES.includes(word) ? word : undefined;
      const hits = exact ? [exact] : LONG_NAMES.filter((n) => n.startsWith(word));
      if (hits.length > 1) return fail('is ambiguous');
      const name = hits[0];
      if (name === undefined) return fail('is unknown');
      if (!toggle && TAKES_ARG.has(name))
        return fail("used '--no-' for option that isn't a boolean");
      if (TAKES_ARG.has(name)) {
        if (i + 1 >= args.length) return fail('requires parameter');
        options.push({ name, toggle, value: args[++i] as string });
      } else options.push({ name, toggle });
    } else {
      for (let j = 1; j < a.length; j++) {
        const name = SHORT[a[j] as string];
        if (!name) return fail('is unknown');
        if (!TAKES_ARG.has(name)) {
          options.push({ name, toggle: true });
          continue;
        }
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) return fail('requires parameter');
          value = args[++i] as string;
        }
        options.push({ name, toggle: true, value });
        break;
      }
    }
    for (const { name, toggle, value = '' } of options) {
      if (name === 'help' || name === 'version') {
        if (toggle) return { kind: name };
      } else if (name in FLAG_KEYS) o[FLAG_KEYS[name] as FlagKey] = toggle;
      else if (name === 'max-time' || name === 'connect-timeout') {
        const ms = seconds(value);
        if (typeof ms === 'string') return fail(ms);
        o[name === 'max-time' ? 'maxTimeMs' : 'connectTimeoutMs'] = ms;
      } else if (name === 'url') o.urls.push(value);
      else if (name === 'output') o.outputs.push(value);
      else if (name === 'remote-name' && toggle) o.remoteNames++;
      else if (name === 'header') o.headers.push(value);
      else if (name === 'write-out') o.writeOut = value;
      else if (name === 'request') o.method = value;
      else if (name === 'user-agent') o.userAgent = value;
      else if (name === 'referer') o.referer = value;
      else if (name.startsWith('data'))
        o.data = o.data === undefined ? value : `${o.data}&${value}`;
    }
  }
  return { kind: 'run', options: o };
}

interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, as in the request line. */
  target: string;
  hostHeader: string;
  effective: string;
}

type UrlResult = { ok: true; url: Url } | { ok: false; code: number; message: string };

function parseUrl(raw: string): UrlResult {
  const reject = (why: string): UrlResult => ({
    ok: false,
    code: 3,
    message: `URL rejected: ${why}`,
  });
  if (raw === '') return reject('Malformed input to a URL function');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(raw);
  const scheme = (m ? (m[1] as string) : 'http').toLowerCase();
  const rest = m ? (m[2] as string) : raw;
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      code: 1,
      message: `Protocol "${scheme}" not supported or disabled in libcurl`,
    };
  }
  const end = rest.search(/[/?#]/);
  const authority = (end < 0 ? rest : rest.slice(0, end)).replace(/^.*@/, '');
  let target = end < 0 ? '/' : rest.slice(end).replace(/#.*$/, '');
  if (!target.startsWith('/')) target = `/${target}`;
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
  const host = (hp?.[1] ?? '').toLowerCase();
  if (host === '') return reject('No host part in the URL');
  const portText = hp?.[2];
  const defaultPort = scheme === 'https' ? 443 : 80;
  if (
    portText !== undefined &&
    portText !== '' &&
    (!/^\d+$/.test(portText) || Number(portText) > 65535)
  ) {
    return reject('Port number was not a decimal number between 0 and 65535');
  }
  const port = portText ? Number(portText) : defaultPort;
  const hostHeader = port === defaultPort ? host : `${host}:${port}`;
  const effective = `${scheme}://${host}${portText ? `:${portText}` : ''}${target}`;
  return { ok: true, url: { scheme, host, port, target, hostHeader, effective } };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The progress meter's five-column number (lib/progress.c max5data). */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  const mb = 1024 * 1024;
  if (n < 100 * mb)
    return `${String(Math.floor(n / mb)).padStart(2)}.${Math.floor((n % mb) / (mb / 10))}M`;
  return `${String(Math.floor(n / mb)).padStart(4)}M`;
}

function clock(secondsSpent: number): string {
  if (secondsSpent <= 0) return '--:--:--';
  const h = Math.floor(secondsSpent / 3600);
  const m = Math.floor((secondsSpent % 3600) / 60);
  const s = secondsSpent % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(size: number, got: number, speed: number, spentMs: number): string {
  const pct = size > 0 ? Math.floor((got * 100) / size) : 0;
  const p3 = (n: number) => String(n).padStart(3);
  return `\r${p3(pct)} ${max5(size)}  ${p3(pct)} ${max5(got)}  ${p3(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- ${clock(Math.floor(spentMs / 1000))} --:--:-- ${max5(speed)}`;
}

/** What the transfer produced, for --write-out. */
interface Report {
  code: number;
  error: string;
  status: number;
  httpVersion: string;
  headerBytes: number;
  requestBytes: number;
  downloaded: number;
  totalUs: number;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  localPort: number;
  contentType: string;
  connects: number;
  method: string;
  url: string;
  effective: string;
  headers: [string, string][];
}

function writeOut(
  format: string,
  r: Report,
  out: (t: string) => void,
  err: (t: string) => void,
): void {
  let stream = out;
  const time = (us: number) => (us / 1e6).toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(r.status).padStart(3, '0'),
    response_code: () => String(r.status).padStart(3, '0'),
    http_version: () => r.httpVersion,
    size_download: () => String(r.downloaded),
    size_header: () => String(r.headerBytes),
    size_request: () => String(r.requestBytes),
    size_upload: () => '0',
    time_total: () => time(r.totalUs),
    time_namelookup: () => time(Math.min(r.totalUs, 20)),
    time_connect: () => time(r.connects ? Math.floor(r.totalUs / 3) : 0),
    time_pretransfer: () => time(r.connects ? Math.floor(r.totalUs / 3) : 0),
    time_starttransfer: () => time(r.status ? Math.floor((r.totalUs * 9) / 10) : 0),
    time_appconnect: () => time(0),
    time_redirect: () => time(0),
    remote_ip: () => r.remoteIp,
    remote_port: () => (r.remoteIp ? String(r.remotePort) : '0'),
    local_ip: () => r.localIp,
    local_port: () => (r.localIp ? String(r.localPort) : '0'),
    content_type: () => r.contentType,
    num_connects: () => String(r.connects),
    num_redirects: () => '0',
    exitcode: () => String(r.code),
    errormsg: () => r.error,
    method: () => r.method,
    url: () => r.url,
    url_effective: () => r.effective,
    speed_download: () => String(r.totalUs ? Math.floor((r.downloaded * 1e6) / r.totalUs) : 0),
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === '\\' && i + 1 < format.length) {
      const n = format[++i] as string;
      stream(({ n: '\n', r: '\r', t: '\t', '\\': '\\' } as Record<string, string>)[n] ?? `\\${n}`);
    } else if (c === '%' && format[i + 1] === '%') {
      stream('%');
      i++;
    } else if (c === '%' && format.startsWith('{', i + 1) && format.indexOf('}', i) > 0) {
      const close = format.indexOf('}', i);
      const name = format.slice(i + 2, close);
      i = close;
      if (name === 'stdout') stream = out;
      else if (name === 'stderr') stream = err;
      else if (vars[name]) stream((vars[name] as () => string)());
      else err(`curl: unknown --write-out variable: '${name}'\n`);
    } else if (c === '%' && format.startsWith('header{', i + 1) && format.indexOf('}', i) > 0) {
      const close = format.indexOf('}', i);
      const name = format.slice(i + 8, close).toLowerCase();
      i = close;
      stream(r.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '');
    } else stream(c);
  }
}

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
function exchange(
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

/** A header block as -v shows it: each line (CRLF kept) after `> ` or `< `. */
function traced(prefix: string, block: string): string {
  return block
    .split('\r\n')
    .slice(0, -1)
    .map((l) => `${prefix}${l}\r\n`)
    .join('');
}

/** Linux retransmits an unanswered SYN after 1, 3, 7, 15, 31 and 63 s, and gives up after 127 s. */
const SYN_RETRIES = [1000, 3000, 7000, 15000, 31000, 63000];
const SYN_GIVE_UP = 127000;

function* transfer(
  ctx: ProgramContext,
  o: Options,
  raw: string,
  output: string | undefined,
): Generator<number, number, void> {
  const session = ctx.session;
  const inTx = <T>(fn: (tx: Tx) => T): T => {
    const r = transact(session.world, 'curl', fn);
    session.world = r.world;
    return r.result;
  };
  const t0 = session.world.now;
  const quiet = o.silent && !o.showError;
  const verbose = (t: string) => {
    if (o.verbose) ctx.err(`* ${t}\n`);
  };
  const meter = output !== undefined && !o.silent;
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const report: Report = {
    code: 0,
    error: '',
    status: 0,
    httpVersion: '0',
    headerBytes: 0,
    requestBytes: 0,
    downloaded: 0,
    totalUs: 0,
    remoteIp: '',
    remotePort: 0,
    localIp: '',
    localPort: 0,
    contentType: '',
    connects: 0,
    method,
    url: raw,
    effective: raw,
    headers: [],
  };
  let meterShown = false;
  const finish = (code: number, message: string, spentMs = 0): number => {
    report.code = code;
    report.error = message;
    if (meterShown) ctx.err(`${meterLine(0, 0, 0, spentMs)}\n`);
    if (code !== 0) verbose('Closing connection');
    if (code !== 0 && !quiet) ctx.err(`curl: (${code}) ${message}\n`);
    if (o.writeOut !== undefined) writeOut(o.writeOut, report, ctx.out, ctx.err);
    return code;
  };

  const parsed = parseUrl(raw);
  if (!parsed.ok) return finish(parsed.code, parsed.message);
  const url = parsed.url;
  report.effective = url.effective;
  if (meter) ctx.err(METER_HEADER + meterLine(0, 0, 0, 0));
  meterShown = meter;
  const loopback = url.host === 'localhost' || url.host.startsWith('127.') || url.host === '[::1]';
  if (!IPV4.test(url.host) && !loopback) {
    verbose(`Could not resolve host: ${url.host}`);
    return finish(6, `Could not resolve host: ${url.host}`);
  }
  const ip = url.host === 'localhost' || url.host === '[::1]' ? '127.0.0.1' : url.host;
  if (url.host === 'localhost')
    verbose(`Host localhost:${url.port} was resolved.\n* IPv6: ::1\n* IPv4: 127.0.0.1`);
  const rng = inTx((tx) => requestRng(tx));
  const localPort = rng.int(32768, 60999);
  verbose(`  Trying ${ip}:${url.port}...`);

  const connectLimit = Math.min(o.connectTimeoutMs ?? Infinity, o.maxTimeMs ?? Infinity);
  const giveUp = t0 + SYN_GIVE_UP + rng.int(1500, 6500);
  const pick = (n: number) => rng.int(0, n - 1);
  let d: Dial = inTx((tx) => dial(tx, ip, url.port, pick));
  for (let attempt = 0; d.kind === 'dropped'; attempt++) {
    const retryAt = attempt < SYN_RETRIES.length ? t0 + (SYN_RETRIES[attempt] as number) : giveUp;
    const until = Math.min(retryAt, t0 + connectLimit + 1);
    while (session.world.now < until) yield until;
    if (until < retryAt) {
      const message = `Connection timed out after ${until - t0} milliseconds`;
      verbose(message);
      report.totalUs = (until - t0) * 1000;
      return finish(28, message, until - t0);
    }
    if (retryAt === giveUp) {
      verbose(
        `connect to ${ip} port ${url.port} from ${TERMINAL_IP} port ${localPort} failed: Connection timed out`,
      );
      const message = `Failed to connect to ${url.host} port ${url.port} after ${giveUp - t0} ms: Couldn't connect to server`;
      verbose(message);
      report.totalUs = (giveUp - t0) * 1000;
      return finish(28, message, giveUp - t0);
    }
    d = inTx((tx) => dial(tx, ip, url.port, pick));
  }
  const elapsed = session.world.now - t0;
  if (d.kind === 'refused') {
    const from = loopback ? ip : TERMINAL_IP;
    verbose(
      `connect to ${ip} port ${url.port} from ${from} port ${localPort} failed: Connection refused`,
    );
    const message = `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Couldn't connect to server`;
    verbose(message);
    report.totalUs = elapsed * 1000 + 150;
    return finish(7, message, elapsed);
  }
  const connected = d;
  report.connects = 1;
  report.remoteIp = ip;
  report.remotePort = url.port;
  report.localIp = TERMINAL_IP;
  report.localPort = localPort;
  verbose(`Connected to ${url.host} (${ip}) port ${url.port}`);

  const custom = o.headers
    .map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()] as const)
    .filter(([k]) => k !== '');
  const has = (name: string) => custom.some(([k]) => k.toLowerCase() === name.toLowerCase());
  const requestHeaders: string[] = [];
  if (!has('Host')) requestHeaders.push(`Host: ${url.hostHeader}`);
  if (!has('User-Agent') && o.userAgent !== '') requestHeaders.push(`User-Agent: ${o.userAgent}`);
  if (!has('Accept')) requestHeaders.push('Accept: */*');
  for (const [k, v] of custom) if (v !== '') requestHeaders.push(`${k}: ${v}`);
  if (o.data !== undefined)
    requestHeaders.push(
      `Content-Length: ${o.data.length}`,
      'Content-Type: application/x-www-form-urlencoded',
    );
  const request = `${method} ${url.target} HTTP/1.1\r\n${requestHeaders.map((h) => `${h}\r\n`).join('')}\r\n`;
  report.requestBytes = request.length + (o.data?.length ?? 0);
  if (url.scheme === 'https') verbose('ALPN: curl offers h2,http/1.1');
  const agent = custom.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? o.userAgent;
  const result = inTx((tx) => ({
    ex: exchange(tx, rng, connected, url, { ...o, userAgent: agent }, method),
    us: rng.int(1200, 3800),
  }));
  const ex = result.ex;
  report.totalUs = elapsed * 1000 + result.us;
  if (ex.kind === 'error') {
    if (o.verbose && url.scheme === 'http') ctx.err(traced('> ', request));
    verbose(ex.message);
    const code = finish(ex.code, ex.message);
    if (ex.caHint && !quiet)
      ctx.err(
        'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n',
      );
    return code;
  }
  const a = ex.answer;
  const headerBlock = `${a.statusLine}\r\n${a.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  report.status = a.status;
  report.httpVersion = a.version;
  report.headerBytes = headerBlock.length;
  report.headers = a.headers;
  report.contentType = a.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (o.verbose) {
    ctx.err(traced('> ', request));
    if (a.version === '1') verbose('HTTP 1.0, assume close after body');
    ctx.err(traced('< ', headerBlock));
  }
  const failed = (o.fail || o.failWithBody) && a.status >= 400;
  const expected = Number(
    a.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? a.body.length,
  );
  // `-X HEAD` without -I: curl waits for a body nginx never sends, until nginx closes the
  // idle keep-alive connection (keepalive_timeout 65s).
  const hangs = method === 'HEAD' && !o.head && expected > 0 && a.keepAlive;
  const shown =
    (o.include || o.head ? headerBlock : '') + (failed && !o.failWithBody ? '' : a.body);
  if (output === undefined) {
    if (!(failed && !o.failWithBody)) ctx.out(shown);
  } else if (output !== '/dev/null') {
    if (!o.silent) ctx.err(`Warning: Failed to open the file ${output}: Read-only file system\n`);
    return finish(23, 'Failure writing output to destination');
  }
  if (failed) {
    verbose(`The requested URL returned error: ${a.status}`);
    return finish(22, `The requested URL returned error: ${a.status}`);
  }
  if (hangs) {
    const deadline = Math.min(t0 + 65000, t0 + (o.maxTimeMs ?? Infinity) + 1);
    while (session.world.now < deadline) yield deadline;
    report.totalUs = (deadline - t0) * 1000;
    if (deadline < t0 + 65000)
      return finish(
        28,
        `Operation timed out after ${deadline - t0} milliseconds with 0 out of ${expected} bytes received`,
        deadline - t0,
      );
    return finish(18, `transfer closed with ${expected} bytes remaining to read`, deadline - t0);
  }
  report.downloaded = a.body.length;
  if (o.verbose && output !== undefined && a.body.length > 0)
    ctx.err(`{ [${a.body.length} bytes data]\n`);
  if (meter) {
    const speed = Math.floor((a.body.length * 1e6) / Math.max(1, result.us));
    ctx.err(`${meterLine(expected, a.body.length, speed, 0)}\n`);
  }
  verbose(a.keepAlive ? `Connection #0 to host ${url.host} left intact` : 'Closing connection');
  if (o.writeOut !== undefined) writeOut(o.writeOut, report, ctx.out, ctx.err);
  return 0;
}

export const curl: Program = {
  name: 'curl',
  summary: 'make an HTTP request to a Service, load balancer or pod address',
  run(ctx: ProgramContext): number | Run {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const parsed = parseArgs(args);
    if (parsed.kind === 'help') {
      ctx.out(HELP);
      return 0;
    }
    if (parsed.kind === 'version') {
      ctx.out(VERSION);
      return 0;
    }
    if (parsed.kind === 'error') {
      ctx.err(
        `curl: ${parsed.message}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
      );
      return 2;
    }
    const o = parsed.options;
    if (o.urls.length === 0) {
      ctx.err(
        "curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      );
      return 2;
    }
    return (function* () {
      let code = 0;
      for (const [i, u] of o.urls.entries()) {
        let output = o.outputs[i];
        if (output === undefined && i < o.remoteNames) {
          const parsed = parseUrl(u);
          output = parsed.ok ? parsed.url.target.replace(/[?#].*$/, '').replace(/^.*\//, '') : u;
          if (output === '') {
            if (!o.silent || o.showError) ctx.err('curl: Remote file name has no length\n');
            code = 23;
            continue;
          }
        }
        code = yield* transfer(ctx, o, u, output);
      }
      return code;
    })();
  },
};
