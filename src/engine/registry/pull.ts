// Pulling an image as the kubelet reports it: how long it takes and the wording of its events and
// waiting messages, including containerd's errors for images the registry does not have.
import { parseImageRef } from './imageRef';
import { REPOS } from './images';

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
