// Canonical forms from k8s.io/apimachinery pkg/api/resource/quantity.go (release-1.32):
// CanonicalizeBytes, Add; expected strings follow its quantity_test.go conventions.
import { describe, expect, it } from 'vitest';
import {
  addQuantity,
  canonical,
  milliValue,
  parseQuantity,
  quantityString,
  value,
} from './quantity';

const q = (s: string) => {
  const parsed = parseQuantity(s);
  if (!parsed) throw new Error(`not a quantity: ${s}`);
  return parsed;
};

describe('quantity', () => {
  it('prints the canonical form', () => {
    const cases: [string, string][] = [
      ['0', '0'],
      ['100m', '100m'],
      ['1000m', '1'],
      ['1500m', '1500m'],
      ['1.5', '1500m'],
      ['0.5', '500m'],
      ['2000', '2k'],
      ['1500', '1500'],
      ['1024Mi', '1Gi'],
      ['1.5Gi', '1536Mi'],
      ['32786128Ki', '32786128Ki'],
      ['512', '512'],
      ['1Ki', '1Ki'],
      ['0.5Ki', '512'],
      ['1e3', '1e3'],
      ['12e2', '1200'],
      ['-100m', '-100m'],
    ];
    for (const [input, expected] of cases)
      expect([input, canonical(input)]).toEqual([input, expected]);
  });

  it('keeps the format of the first non-zero addend', () => {
    expect(quantityString(addQuantity(q('128Mi'), q('64Mi')))).toBe('192Mi');
    expect(quantityString(addQuantity(q('500m'), q('500m')))).toBe('1');
    expect(quantityString(addQuantity(q('0'), q('1Gi')))).toBe('1Gi');
    expect(quantityString(addQuantity(q('1G'), q('1Gi')))).toBe('2073741824');
  });

  it('rounds milli and whole values up', () => {
    expect(milliValue(q('1n'))).toBe(1n);
    expect(value(q('100m'))).toBe(1n);
    expect(value(q('1Ki'))).toBe(1024n);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});
