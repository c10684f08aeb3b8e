// What curl prints besides the body: the progress meter (lib/progress.c), --write-out variables
// (src/tool_writeout.c) and the -v header trace. Kept apart from the transfer, which only decides
// when to print them.

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

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

export function meterLine(size: number, got: number, speed: number, spentMs: number): string {
  const pct = size > 0 ? Math.floor((got * 100) / size) : 0;
  const p3 = (n: number) => String(n).padStart(3);
  return `\r${p3(pct)} ${max5(size)}  ${p3(pct)} ${max5(got)}  ${p3(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- ${clock(Math.floor(spentMs / 1000))} --:--:-- ${max5(speed)}`;
}

/** What the transfer produced, for --write-out. */
export interface Report {
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

export function writeOut(
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

/** A header block as -v shows it: each line (CRLF kept) after `> ` or `< `. */
export function traced(prefix: string, block: string): string {
  return block
    .split('\r\n')
    .slice(0, -1)
    .map((l) => `${prefix}${l}\r\n`)
    .join('');
}
