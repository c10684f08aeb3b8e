// Simulated time is milliseconds since the Unix epoch, always passed in, never read.

/** RFC 3339 with second precision, as the API server writes metav1.Time: `2026-01-15T09:00:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** Where every world's clock starts: the cluster itself was created three days earlier. */
export const WORLD_START = Date.UTC(2026, 0, 15, 9, 0, 0);
export const CLUSTER_CREATED = WORLD_START - 3 * 24 * HOUR;

/**
 * Parses a Go duration or a bare number of seconds (`30`, `30s`, `2m`, `1m30s`, `500ms`),
 * returning milliseconds, or undefined when it is not one.
 */
export function parseDuration(text: string, bareUnit: 'ms' | 's' = 's'): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * (bareUnit === 's' ? SECOND : 1);
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const n = Number(m[1]);
    const unit = m[2];
    const factor =
      unit === 'h'
        ? HOUR
        : unit === 'm'
          ? MINUTE
          : unit === 's'
            ? SECOND
            : unit === 'ms'
              ? 1
              : unit === 'us' || unit === 'µs'
                ? 1e-3
                : 1e-6;
    total += n * factor;
    matched += m[0].length;
  }
  return matched === text.length && text.length > 0 ? total : undefined;
}
