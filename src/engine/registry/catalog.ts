// The simulated container registry: which images and tags exist, how big they are, what they
// listen on, what they serve and what they log when they start. Tag lists mirror
// docker-library/official-images (library/*) as of REGISTRY_SNAPSHOT, so a tag that did not exist
// on Docker Hub then (nginx:2.27.0) fails to pull here too.

export const REGISTRY_SNAPSHOT = '2025-01-15';

export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** e.g. docker.io/library/nginx:latest */
  normalized: string;
}

export interface HttpContent {
  port: number;
  serverHeader?: string;
  body: string;
  contentType: string;
}

export interface ImageInfo {
  ref: ImageRef;
  digest: string;
  /** Compressed size of the linux/amd64 image, as the kubelet reports it in the Pulled event. */
  sizeBytes: number;
  ports: { port: number; protocol: 'TCP' | 'UDP' }[];
  http?: HttpContent;
  runsForever: boolean;
  /** What the container runs when the pod spec gives no command (for images that exit at once). */
  defaultCommand?: string[];
  /** An env var without which the image prints an error and exits with exitCode. */
  requiredEnv?: { name: string; exitCode: number };
  version?: string;
}

// ---------------------------------------------------------------------------------------------
// Image references (github.com/distribution/reference normalisation, as containerd applies it)

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImageRef(ref: string): ImageRef | { error: string } {
  const invalid = { error: 'invalid reference format' };
  if (ref === '' || ref !== ref.trim()) return invalid;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === 'index.docker.io' ? 'docker.io' : first;
    rest = rest.slice(slash + 1);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid;
  }
  let repository = rest;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (repository.toLowerCase() !== repository) {
    return { error: `invalid reference format: repository name (${repository}) must be lowercase` };
  }
  if (!repository.split('/').every((c) => COMPONENT.test(c))) return invalid;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const normalized =
    `${registry}/${repository}` +
    (tag !== undefined ? `:${tag}` : '') +
    (digest ? `@${digest}` : '');
  return {
    registry,
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest && { digest }),
    normalized,
  };
}

// ---------------------------------------------------------------------------------------------
// Catalog data

type Kind = 'nginx' | 'httpd' | 'redis' | 'memcached' | 'postgres' | 'shell' | 'plain';

interface Build {
  /** The first tag is the canonical one; the digest derives from it, so aliases share it. */
  tags: string[];
  version: string;
  sizeBytes: number;
}

interface Repo {
  kind: Kind;
  ports: { port: number; protocol: 'TCP' | 'UDP' }[];
  runsForever: boolean;
  defaultCommand?: string[];
  requiredEnv?: { name: string; exitCode: number };
  builds: Build[];
}

/** A variant of an official image: how its tags are spelled and its typical compressed size. */
interface Variant {
  suffix: string;
  distroSuffix?: string;
  bare?: string;
  bareDistro?: string;
  size: number;
}

function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A stable, real-looking sha256 digest; not the image's real digest. */
export function fakeDigest(seed: string): string {
  let hex = '';
  for (let i = 0; i < 8; i++)
    hex += hash32(seed, i * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0');
  return `sha256:${hex}`;
}

/** Sizes differ a little from one release to the next (±2%). */
function sized(base: number, key: string): number {
  return Math.round(base * (1 + ((hash32(key, 7) % 2001) - 1000) / 50_000));
}

/** The tags one line of an official image carries, in the shape of its library/* file. */
function line(version: string, names: string[], isDefault: boolean, variants: Variant[]): Build[] {
  return variants.map((v) => {
    const tags = [version + v.suffix, ...names.map((n) => n + v.suffix)];
    if (isDefault && v.bare) tags.push(v.bare);
    if (v.distroSuffix !== undefined) {
      tags.push(version + v.distroSuffix, ...names.map((n) => n + v.distroSuffix));
      if (isDefault && v.bareDistro) tags.push(v.bareDistro);
    }
    return { tags, version, sizeBytes: sized(v.size, version + v.suffix) };
  });
}

/** Older releases: only their exact tags (they are never moved again), plus retired aliases. */
function frozen(
  versions: string[],
  variants: Variant[],
  aliases: Record<string, string[]> = {},
): Build[] {
  return versions.flatMap((version) =>
    variants.map((v) => ({
      tags: [version + v.suffix, ...(aliases[version] ?? []).map((a) => a + v.suffix)],
      version,
      sizeBytes: sized(v.size, version + v.suffix),
    })),
  );
}

const variant = (suffix: string, distro: string, bare: string, size: number): Variant => ({
  suffix,
  distroSuffix: distro,
  bare,
  bareDistro: distro.slice(1),
  size,
});

const debianAlpine = (debian: number, alpine: number, alpineVer: string): Variant[] => [
  variant('', '-bookworm', 'latest', debian),
  variant('-alpine', `-${alpineVer}`, 'alpine', alpine),
];

const NGINX_VARIANTS = (a: string): Variant[] => [
  ...debianAlpine(72_190_000, 20_520_000, a),
  variant('-perl', '-bookworm-perl', 'perl', 80_430_000),
  variant('-otel', '-bookworm-otel', 'otel', 96_780_000),
  variant('-alpine-perl', `-${a}-perl`, 'alpine-perl', 27_760_000),
  variant('-alpine-slim', `-${a}-slim`, 'alpine-slim', 5_270_000),
  variant('-alpine-otel', `-${a}-otel`, 'alpine-otel', 30_140_000),
];
const NGINX_OLD = NGINX_VARIANTS('').map(({ suffix, size }) => ({ suffix, size }));

const single = (tags: string[], version: string, size: number): Build => ({
  tags,
  version,
  sizeBytes: size,
});

const TCP = (port: number) => ({ port, protocol: 'TCP' as const });

const REPOS: Record<string, Repo> = {
  'docker.io/library/nginx': {
    kind: 'nginx',
    ports: [TCP(80)],
    runsForever: true,
    builds: [
      ...line('1.27.3', ['mainline', '1', '1.27'], true, NGINX_VARIANTS('alpine3.20')),
      ...line('1.26.2', ['stable', '1.26'], false, NGINX_VARIANTS('alpine3.20')),
      ...frozen(['1.27.2', '1.27.1', '1.27.0', '1.26.1', '1.26.0', '1.25.5', '1.25.4'], NGINX_OLD, {
        '1.25.5': ['1.25'],
      }),
      ...frozen(
        ['1.25.3', '1.25.2', '1.25.1', '1.25.0', '1.24.0', '1.23.4', '1.22.1'],
        NGINX_OLD.filter((v) => !v.suffix.includes('otel')),
        {
          '1.24.0': ['1.24'],
          '1.23.4': ['1.23'],
          '1.22.1': ['1.22'],
        },
      ),
    ],
  },
  'docker.io/library/httpd': {
    kind: 'httpd',
    ports: [TCP(80)],
    runsForever: true,
    builds: [
      ...line('2.4.62', ['2.4', '2'], true, debianAlpine(58_350_000, 23_140_000, 'alpine3.21')),
      ...frozen(
        ['2.4.61', '2.4.60', '2.4.59', '2.4.58', '2.4.57'],
        [
          { suffix: '', size: 58_200_000 },
          { suffix: '-alpine', size: 22_900_000 },
        ],
      ),
    ],
  },
  'docker.io/library/redis': {
    kind: 'redis',
    ports: [TCP(6379)],
    runsForever: true,
    builds: [
      ...line('7.4.2', ['7.4', '7'], true, debianAlpine(45_690_000, 17_160_000, 'alpine3.21')),
      ...line('7.2.7', ['7.2'], false, debianAlpine(40_120_000, 15_320_000, 'alpine3.21')),
      ...line('6.2.17', ['6.2', '6'], false, debianAlpine(40_560_000, 11_930_000, 'alpine3.21')),
      ...frozen(
        ['7.4.1', '7.4.0', '7.2.6', '7.2.5', '7.2.4', '7.0.15', '7.0.14', '7.0.13', '7.0.12'],
        [
          { suffix: '', size: 43_900_000 },
          { suffix: '-alpine', size: 12_150_000 },
        ],
        { '7.0.15': ['7.0'] },
      ),
    ],
  },
  'docker.io/library/memcached': {
    kind: 'memcached',
    ports: [TCP(11211)],
    runsForever: true,
    builds: [
      ...line('1.6.34', ['1.6', '1'], true, debianAlpine(32_370_000, 4_560_000, 'alpine3.21')),
      ...frozen(
        ['1.6.33', '1.6.32', '1.6.31'],
        [
          { suffix: '', size: 32_300_000 },
          { suffix: '-alpine', size: 4_540_000 },
        ],
      ),
    ],
  },
  'docker.io/library/postgres': {
    kind: 'postgres',
    ports: [TCP(5432)],
    runsForever: true,
    requiredEnv: { name: 'POSTGRES_PASSWORD', exitCode: 1 },
    builds: [
      ...line('17.2', ['17'], true, debianAlpine(158_480_000, 105_300_000, 'alpine3.21')),
      ...line('16.6', ['16'], false, debianAlpine(157_350_000, 104_100_000, 'alpine3.21')),
      ...line('15.10', ['15'], false, debianAlpine(155_900_000, 101_800_000, 'alpine3.21')),
    ],
  },
  'docker.io/library/busybox': {
    kind: 'shell',
    ports: [],
    runsForever: false,
    defaultCommand: ['sh'],
    builds: [
      ...(
        [
          ['', 2_165_000],
          ['-glibc', 2_165_000],
          ['-musl', 958_000],
          ['-uclibc', 2_212_000],
        ] as const
      ).flatMap(([libc, size]) => [
        single(
          ['1.37.0', '1.37', '1', 'unstable', libc ? libc.slice(1) : 'latest'].map((t, i) =>
            i < 4 ? t + libc : t,
          ),
          '1.37.0',
          size,
        ),
        single(
          ['1.36.1', '1.36', 'stable'].map((t) => t + libc),
          '1.36.1',
          size - 7_000,
        ),
      ]),
      ...frozen(['1.36.0', '1.35.0', '1.34.1'], [{ suffix: '', size: 2_150_000 }], {
        '1.35.0': ['1.35'],
        '1.34.1': ['1.34'],
      }),
    ],
  },
  'docker.io/library/alpine': {
    kind: 'shell',
    ports: [],
    runsForever: false,
    defaultCommand: ['/bin/sh'],
    builds: [
      single(['3.21.2', '3.21', '3', 'latest'], '3.21.2', 3_640_000),
      single(['3.20.5', '3.20'], '3.20.5', 3_630_000),
      single(['3.19.6', '3.19'], '3.19.6', 3_420_000),
      single(['3.18.11', '3.18'], '3.18.11', 3_410_000),
      single(['20250108', 'edge'], '20250108', 3_650_000),
      ...frozen(
        ['3.21.1', '3.21.0', '3.20.4', '3.20.3', '3.20.2', '3.20.1', '3.20.0', '3.17.10', '3.16.9'],
        [{ suffix: '', size: 3_500_000 }],
        { '3.17.10': ['3.17'], '3.16.9': ['3.16'] },
      ),
    ],
  },
  'docker.io/library/ubuntu': {
    kind: 'shell',
    ports: [],
    runsForever: false,
    defaultCommand: ['/bin/bash'],
    builds: [
      single(['24.04', 'noble-20241118.1', 'noble', 'latest'], '24.04', 29_750_000),
      single(['22.04', 'jammy-20240911.1', 'jammy'], '22.04', 29_540_000),
      single(['20.04', 'focal-20241011', 'focal'], '20.04', 27_510_000),
      single(['24.10', 'oracular-20241120', 'oracular', 'rolling'], '24.10', 31_150_000),
      single(['25.04', 'plucky-20241213', 'plucky', 'devel'], '25.04', 31_300_000),
      single(['18.04', 'bionic'], '18.04', 25_690_000),
    ],
  },
  // Images of the Argo CD v2.11.0 install manifest (manifests/install.yaml at that tag) and of a
  // kubeadm v1.32 control plane (`kubeadm config images list --kubernetes-version=v1.32.0`).
  'quay.io/argoproj/argocd': plainRepo([single(['v2.11.0'], '2.11.0', 175_930_000)]),
  'ghcr.io/dexidp/dex': plainRepo([single(['v2.38.0'], '2.38.0', 38_560_000)]),
  'registry.k8s.io/pause': plainRepo([
    single(['3.10'], '3.10', 320_368),
    single(['3.9'], '3.9', 321_520),
  ]),
  'registry.k8s.io/coredns/coredns': plainRepo([single(['v1.11.3'], '1.11.3', 18_562_039)]),
  'registry.k8s.io/etcd': plainRepo([single(['3.5.16-0'], '3.5.16', 57_680_541)]),
  ...Object.fromEntries(
    (
      [
        ['kube-apiserver', 28_700_000],
        ['kube-controller-manager', 26_250_000],
        ['kube-scheduler', 20_660_000],
        ['kube-proxy', 30_900_000],
      ] as const
    ).map(([name, size]) => [
      `registry.k8s.io/${name}`,
      plainRepo(
        ['0', '1', '2', '3', '4', '5'].map((p) =>
          single([`v1.32.${p}`], `1.32.${p}`, sized(size, name + p)),
        ),
      ),
    ]),
  ),
  'docker.io/flannel/flannel': plainRepo([single(['v0.26.2'], '0.26.2', 32_960_000)]),
  'docker.io/flannel/flannel-cni-plugin': plainRepo([
    single(['v1.6.0-flannel1'], '1.6.0', 4_850_000),
  ]),
};

function plainRepo(builds: Build[]): Repo {
  return { kind: 'plain', ports: [], runsForever: true, builds };
}

// ---------------------------------------------------------------------------------------------
// What the images serve

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

function httpFor(kind: Kind, version: string): HttpContent | undefined {
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

// ---------------------------------------------------------------------------------------------
// Lookup

function findBuild(ref: ImageRef): { repo: Repo; build: Build } | undefined {
  const repo = REPOS[`${ref.registry}/${ref.repository}`];
  if (!repo) return undefined;
  const base = `${ref.registry}/${ref.repository}`;
  const build = repo.builds.find(
    (b) =>
      (ref.digest === undefined || fakeDigest(`${base}:${b.tags[0]}`) === ref.digest) &&
      (ref.tag === undefined || b.tags.includes(ref.tag)),
  );
  return build && { repo, build };
}

/** undefined: the registry has no such image (unknown repository, tag or digest). */
export function lookupImage(image: string): ImageInfo | undefined {
  const ref = parseImageRef(image);
  if ('error' in ref) return undefined;
  const found = findBuild(ref);
  if (!found) return undefined;
  const { repo, build } = found;
  const http = httpFor(repo.kind, build.version);
  return {
    ref,
    digest: fakeDigest(`${ref.registry}/${ref.repository}:${build.tags[0]}`),
    sizeBytes: build.sizeBytes,
    ports: repo.ports,
    ...(http && { http }),
    runsForever: repo.runsForever,
    ...(repo.defaultCommand && { defaultCommand: repo.defaultCommand }),
    ...(repo.requiredEnv && { requiredEnv: repo.requiredEnv }),
    version: build.version,
  };
}

/** Every tag the registry holds for a repository (`nginx`, `quay.io/argoproj/argocd`). */
export function listTags(repository: string): string[] {
  const ref = parseImageRef(repository);
  if ('error' in ref) return [];
  return REPOS[`${ref.registry}/${ref.repository}`]?.builds.flatMap((b) => b.tags) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Pulling

/**
 * Pull time model: a fixed latency (resolve, auth, manifest) plus the layers at a cloud node's
 * download-and-unpack rate. nginx:latest takes about 2-5 s; an image already on the node, which
 * imagePullPolicy Always still re-resolves, a few hundred ms.
 */
export const DEFAULT_PULL_SECONDS = {
  latency: [0.5, 1.5],
  bytesPerSecond: [20e6, 45e6],
  cached: [0.1, 0.9],
} as const;

export function pullDurationMs(sizeBytes: number, rng: () => number, cached = false): number {
  const m = DEFAULT_PULL_SECONDS;
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * rng();
  if (cached) return Math.round(between(m.cached) * 1000);
  return Math.round((between(m.latency) + sizeBytes / between(m.bytesPerSecond)) * 1000);
}

/** Go's time.Duration String() for a duration truncated to milliseconds, as the kubelet prints. */
export function formatGoDuration(ms: number): string {
  const t = Math.max(0, Math.trunc(ms));
  if (t === 0) return '0s';
  if (t < 1000) return `${t}ms`;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const sMs = t % 60_000;
  const frac = String(sMs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const s = `${Math.floor(sMs / 1000)}${frac ? `.${frac}` : ''}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}

/** Message of the kubelet's Pulled event (pkg/kubelet/images/image_manager.go, v1.32). */
export function pulledMessage(
  image: string,
  pullMs: number,
  totalMs: number,
  sizeBytes: number,
): string {
  return `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}

/**
 * containerd's error for an image the registry does not have, as the kubelet prints it after
 * `Failed to pull image "<image>": ` and stores in the container's waiting.message.
 */
export function pullErrorMessage(image: string): string {
  const ref = parseImageRef(image);
  if ('error' in ref) return ref.error;
  const { normalized } = ref;
  const prefix = `failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}"`;
  const known = REPOS[`${ref.registry}/${ref.repository}`];
  if (!known && ref.registry !== 'registry.k8s.io') {
    return `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = ${prefix}: ${normalized}: not found`;
}

/** The Warning Failed event the kubelet records when a pull fails. */
export function failedToPullMessage(image: string): string {
  return `Failed to pull image "${image}": ${pullErrorMessage(image)}`;
}

/** waiting.message while the pull is backing off (the pull error is kept since v1.32). */
export function backOffWaitingMessage(image: string): string {
  return `Back-off pulling image "${image}": ErrImagePull: ${pullErrorMessage(image)}`;
}

// ---------------------------------------------------------------------------------------------
// What the containers log when they start

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    hms: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    ms: d.getUTCMilliseconds(),
  };
}

/** nginx error log time: 2024/06/01 09:00:05 (the container's TZ is UTC). */
export function nginxLogTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.hms}`;
}

/** $time_local of the access log: 01/Jun/2024:09:01:02 +0000 (also httpd's %t). */
export function accessLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.hms} +0000`;
}

/** HTTP Date header: Sat, 01 Jun 2024 09:01:02 GMT. */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.hms} GMT`;
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

// ---------------------------------------------------------------------------------------------
// Serving HTTP

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
