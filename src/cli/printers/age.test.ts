// Thresholds of k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration,
// ShortHumanDuration) and translateTimestampSince in
// kubernetes/kubernetes pkg/printers/internalversion/printers.go.
import { describe, expect, it } from 'vitest';
import { humanDuration, parseTimestamp, shortHumanDuration, translateTimestampSince } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [-1999, '0s'], // up to two seconds of clock skew reads as now
    [-2000, '<invalid>'],
    [999, '0s'],
    [45 * s, '45s'],
    [59.9 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 3 * s, '2m3s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m + 59 * s, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [730 * d + 45 * d, '2y45d'],
    [365 * 8 * d - d, '7y364d'],
    [365 * 8 * d, '8y'],
    [365 * 9 * d + 100 * d, '9y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-2000, '<invalid>'],
    [-1000, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [60 * m, '1h'],
    [23 * h + 59 * m, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [800 * d, '2y'],
  ])('%d ms is %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('parseTimestamp', () => {
  it('reads metav1.Time and metav1.MicroTime strings', () => {
    expect(parseTimestamp('2024-06-01T09:00:00Z')).toBe(Date.UTC(2024, 5, 1, 9, 0, 0));
    expect(parseTimestamp('2024-06-01T09:00:00.123456Z')).toBe(Date.UTC(2024, 5, 1, 9, 0, 0, 123));
    expect(parseTimestamp('2024-06-01T11:00:00+02:00')).toBe(Date.UTC(2024, 5, 1, 9, 0, 0));
    expect(parseTimestamp('2024-06-01T08:30:00-00:30')).toBe(Date.UTC(2024, 5, 1, 9, 0, 0));
  });

  it('gives undefined for a missing or malformed timestamp', () => {
    expect(parseTimestamp(undefined)).toBeUndefined();
    expect(parseTimestamp(null)).toBeUndefined();
    expect(parseTimestamp('')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});

describe('translateTimestampSince', () => {
  const now = Date.UTC(2024, 5, 1, 12, 0, 0);

  it('is the human duration since the timestamp', () => {
    expect(translateTimestampSince('2024-06-01T12:00:00Z', now)).toBe('0s');
    expect(translateTimestampSince('2024-06-01T11:59:42Z', now)).toBe('18s');
    expect(translateTimestampSince('2024-06-01T09:00:00Z', now)).toBe('3h');
    expect(translateTimestampSince('2024-05-30T09:00:00Z', now)).toBe('2d3h');
    // MicroTime keeps its fraction: 59m59.877s is still 59m.
    expect(translateTimestampSince('2024-06-01T11:00:00.123456Z', now)).toBe('59m');
  });

  it('is <unknown> for an unset timestamp and <invalid> for one in the future', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince('', now)).toBe('<unknown>');
    expect(translateTimestampSince('2024-06-01T12:00:05Z', now)).toBe('<invalid>');
  });
});
