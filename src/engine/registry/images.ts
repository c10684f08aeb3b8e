// What the registry holds: every repository, its tags and sizes, and what each image listens on.
// The tag lists are kept as data shaped like docker-library/official-images' library/* files, so
// checking them against upstream is a matter of reading one table.
import type { ImageRef } from './imageRef';

export const REGISTRY_SNAPSHOT = '2025-01-15';

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

export type Kind = 'nginx' | 'httpd' | 'redis' | 'memcached' | 'postgres' | 'shell' | 'plain';

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

export const REPOS: Record<string, Repo> = {
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

export function findBuild(ref: ImageRef): { repo: Repo; build: Build } | undefined {
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
