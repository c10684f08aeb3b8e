// One URL's transfer, step by step as curl reports it: resolve, connect (with the kernel's SYN
// retries when packets are dropped), send, receive, and the exit code with curl's message. It is a
// generator so that waiting for a timeout advances the simulated clock instead of blocking.
import type { Dial } from '../../../engine/k8s/network';
import { dial, requestRng, TERMINAL_IP } from '../../../engine/k8s/network';
import type { Tx } from '../../../engine/k8s/store';
import { transact } from '../../../engine/world';
import type { ProgramContext } from '../../program';
import { keep } from '../../program';
import { exchange } from './exchange';
import type { Options } from './options';
import type { Report } from './output';
import { METER_HEADER, meterLine, traced, writeOut } from './output';
import { IPV4, parseUrl } from './url';

/** Linux retransmits an unanswered SYN after 1, 3, 7, 15, 31 and 63 s, and gives up after 127 s. */
const SYN_RETRIES = [1000, 3000, 7000, 15000, 31000, 63000];
const SYN_GIVE_UP = 127000;

export function* transfer(
  ctx: ProgramContext,
  o: Options,
  raw: string,
  output: string | undefined,
): Generator<number, number, void> {
  const session = ctx.session;
  const inTx = <T>(fn: (tx: Tx) => T): T => {
    return keep(session, transact(session.world, 'curl', fn));
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
