// Human-readable ages, as the API server's table printers and kubectl compute them.
// Formats: k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration, ShortHumanDuration);
// callers: kubernetes/kubernetes pkg/printers/internalversion/printers.go (translateTimestampSince).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * HumanDuration: about two significant figures, e.g. `45s`, `2m3s`, `5m`, `3h4m`, `5h`, `2d3h`,
 * `8d`, `2y45d`, `9y`. Up to two seconds in the future counts as `0s` (clock skew); further out
 * is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  // Go converts with int(), which truncates toward zero.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** ShortHumanDuration: one unit only (`45s`, `5m`, `3h`, `8d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since the epoch for a metav1.Time (`2024-06-01T09:00:00Z`) or metav1.MicroTime
 * (`2024-06-01T09:00:00.123456Z`) string; undefined when it is missing or not RFC 3339.
 * Parsed by hand: Date.parse only promises millisecond fractions.
 */
export function parseTimestamp(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined;
  const m = RFC3339.exec(timestamp);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (frac) ms += Math.trunc(Number(`0.${frac}`) * 1000);
  if (sign) {
    const offset = (Number(oh) * 60 + Number(om)) * MINUTE;
    ms += sign === '+' ? -offset : offset;
  }
  return ms;
}

/**
 * translateTimestampSince: the age of a timestamp at `now` (ms since the epoch), or `<unknown>`
 * when the timestamp is unset (Go's zero time).
 */
export function translateTimestampSince(timestamp: string | undefined | null, now: number): string {
  const t = parseTimestamp(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}
