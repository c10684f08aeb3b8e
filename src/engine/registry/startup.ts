// What a fresh container writes before it serves anything, line for line as the real images do,
// so `kubectl logs` shows a learner the output they would see on a cluster. The wording changes
// between releases, which is why the version picks the lines.
import { parseImageRef } from './imageRef';
import { findBuild } from './images';
import { DAYS, MONTHS, nginxLogTime, p2, parts } from './timestamps';

export interface LogEntry {
  atMs: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

export interface StartupOptions {
  /** CPUs of the node: nginx's `worker_processes auto` starts one worker per CPU. */
  cpus?: number;
  /** The node's `uname -r`, which nginx logs. */
  kernelRelease?: string;
  podIp?: string;
  env?: Record<string, string>;
  /** Container args, when the pod spec overrides the image's CMD. */
  args?: string[];
}

function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** `gcc -v` as nginx's configure captured it; the version string really ends with a space. */
function nginxCompiler(version: string, alpine: boolean): string {
  if (!alpine) {
    return versionAtLeast(version, '1.25.1')
      ? 'gcc 12.2.0 (Debian 12.2.0-14) '
      : 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
  }
  if (version === '1.26.2' || versionAtLeast(version, '1.27.1'))
    return 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ';
  if (versionAtLeast(version, '1.25.4')) return 'gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ';
  return 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10) ';
}

function nginxStartup(
  version: string,
  alpine: boolean,
  t0: number,
  rng: () => number,
  o: StartupOptions,
): LogEntry[] {
  const ep = '/docker-entrypoint.sh';
  const ipv6 = '10-listen-on-ipv6-by-default.sh';
  const out = [
    `${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${ep}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${ep}: Launching /docker-entrypoint.d/${ipv6}`,
    `${ipv6}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `${ipv6}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
    ...(versionAtLeast(version, '1.25.0')
      ? [`${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`]
      : []),
    `${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    `${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
    `${ep}: Configuration complete; ready for start up`,
  ].map((line, i) => ({ atMs: t0 + 5 + i * 4, stream: 'stdout' as const, line }));
  const at = t0 + 45 + Math.floor(rng() * 40);
  const ts = nginxLogTime(at);
  const notice = (m: string): LogEntry => ({
    atMs: at,
    stream: 'stderr',
    line: `${ts} [notice] 1#1: ${m}`,
  });
  const workers = Array.from({ length: Math.max(1, o.cpus ?? 2) }, (_, i) =>
    notice(`start worker process ${29 + i}`),
  );
  return [
    ...out,
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    notice(`built by ${nginxCompiler(version, alpine)}`),
    notice(`OS: Linux ${o.kernelRelease ?? DEFAULT_KERNEL}`),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    ...workers,
  ];
}

/** httpd error log time: [Wed Jan 15 10:00:00.123456 2025]. */
function httpdTime(ms: number, micros: number): string {
  const t = parts(ms);
  return `[${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${t.hms}.${String(t.ms * 1000 + micros).padStart(6, '0')} ${t.y}]`;
}

function httpdStartup(
  version: string,
  t0: number,
  rng: () => number,
  o: StartupOptions,
): LogEntry[] {
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${o.podIp ?? '10.244.1.2'}. Set the 'ServerName' directive globally to suppress this message`;
  const at = t0 + 20 + Math.floor(rng() * 30);
  const us = Math.floor(rng() * 900);
  // Since 2.4.58 httpd logs the kernel thread id, which is 1 for the main thread in a container.
  const tid = versionAtLeast(version, '2.4.58')
    ? '1'
    : String(139_800_000_000_000 + Math.floor(rng() * 1e9));
  return [
    { atMs: t0 + 8, stream: 'stderr', line: fqdn },
    { atMs: t0 + 12, stream: 'stderr', line: fqdn },
    {
      atMs: at,
      stream: 'stderr',
      line: `${httpdTime(at, us)} [mpm_event:notice] [pid 1:tid ${tid}] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    },
    {
      atMs: at,
      stream: 'stderr',
      line: `${httpdTime(at, us + 90)} [core:notice] [pid 1:tid ${tid}] AH00094: Command line: 'httpd -D FOREGROUND'`,
    },
  ];
}

function redisStartup(
  version: string,
  t0: number,
  rng: () => number,
  o: StartupOptions,
): LogEntry[] {
  const modern = versionAtLeast(version, '7.2.0');
  let at = t0 + 3;
  const line = (role: 'C' | 'M', level: '*' | '#', msg: string): LogEntry => {
    at += Math.floor(rng() * 2);
    const t = parts(at);
    const stamp = `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.hms}.${String(t.ms).padStart(3, '0')}`;
    return { atMs: at, stream: 'stdout', line: `1:${role} ${stamp} ${level} ${msg}` };
  };
  // The kubelet sets vm.overcommit_memory=1 on nodes, so redis' overcommit warning never shows.
  return [
    line('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    line(
      'C',
      '*',
      `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
    ),
    o.args?.length
      ? line('C', '*', 'Configuration loaded')
      : line(
          'C',
          '#',
          'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        ),
    line('M', '*', 'monotonic clock: POSIX clock_gettime'),
    line('M', '*', 'Running mode=standalone, port=6379.'),
    line('M', modern ? '*' : '#', 'Server initialized'),
    line('M', '*', modern ? 'Ready to accept connections tcp' : 'Ready to accept connections'),
  ];
}

const POSTGRES_NO_PASSWORD = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

function postgresStartup(
  version: string,
  alpine: boolean,
  t0: number,
  o: StartupOptions,
): LogEntry[] {
  const env = o.env ?? {};
  if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    return POSTGRES_NO_PASSWORD.map((line) => ({ atMs: t0 + 10, stream: 'stderr', line }));
  }
  // The first start's initdb output (about forty lines) is left out; this is the server's start.
  const at = t0 + 2600;
  const t = parts(at);
  const stamp = (ms: number) =>
    `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.hms}.${String(ms).padStart(3, '0')} UTC`;
  const build = alpine
    ? `${version} on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`
    : `${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
  const ms = t.ms;
  return [
    { atMs: at - 5, stream: 'stdout', line: '' },
    {
      atMs: at - 5,
      stream: 'stdout',
      line: 'PostgreSQL init process complete; ready for start up.',
    },
    { atMs: at - 5, stream: 'stdout', line: '' },
    ...[
      `[1] LOG:  starting PostgreSQL ${build}`,
      '[1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '[1] LOG:  listening on IPv6 address "::", port 5432',
      '[1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
      `[64] LOG:  database system was shut down at ${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.hms} UTC`,
      '[1] LOG:  database system is ready to accept connections',
    ].map((line, i) => ({
      atMs: at,
      stream: 'stderr' as const,
      line: `${stamp(Math.min(999, ms + i * 3))} ${line}`,
    })),
  ];
}

export const DEFAULT_KERNEL = '6.8.0-51-generic';

/** What a fresh container of the image writes before it serves anything (`kubectl logs`). */
export function startupLogEntries(
  image: string,
  tag: string,
  startedAtMs: number,
  rng: () => number,
  opts: StartupOptions = {},
): LogEntry[] {
  const ref = parseImageRef(tag ? `${image.replace(/(:[\w][\w.-]*)?(@.*)?$/, '')}:${tag}` : image);
  if ('error' in ref) return [];
  const found = findBuild(ref);
  if (!found) return [];
  const { repo, build } = found;
  const alpine = build.tags[0]?.includes('alpine') ?? false;
  switch (repo.kind) {
    case 'nginx':
      return nginxStartup(build.version, alpine, startedAtMs, rng, opts);
    case 'httpd':
      return httpdStartup(build.version, startedAtMs, rng, opts);
    case 'redis':
      return redisStartup(build.version, startedAtMs, rng, opts);
    case 'postgres':
      return postgresStartup(build.version, alpine, startedAtMs, opts);
    case 'memcached':
    case 'shell':
    case 'plain':
      return [];
  }
}

export function startupLogs(
  image: string,
  tag: string,
  startedAtMs: number,
  rng: () => number,
  opts: StartupOptions = {},
): string[] {
  return startupLogEntries(image, tag, startedAtMs, rng, opts).map((e) => e.line);
}
