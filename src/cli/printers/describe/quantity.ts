// resource.Quantity, as far as describe needs it: parse, add, compare and print in canonical form
// (`1500m`, `1Gi`, `16331032Ki`).
// Source: k8s.io/apimachinery (release-1.32) pkg/api/resource/quantity.go (ParseQuantity,
// CanonicalizeBytes, Add), amount.go (AsCanonicalBytes, AsCanonicalBase1024Bytes), suffix.go.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in units of 10^-9. Finer precision is rounded up, as the API server does. */
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

function pow(base: bigint, exp: number): bigint {
  let r = 1n;
  for (let i = 0; i < exp; i++) r *= base;
  return r;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
}

/** Undefined when the text is not a quantity. */
export function parseQuantity(text: string | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign = '', whole = '', frac = '', suffix = ''] = m;
  if (!whole && !frac) return undefined;
  let format: QuantityFormat;
  let numerator = BigInt(whole + frac || '0');
  let denominator = pow(10n, frac.length);
  const binary = BINARY_SUFFIXES.indexOf(suffix);
  if (binary > 0) {
    format = 'BinarySI';
    numerator *= pow(1024n, binary);
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    const exp = DECIMAL_SUFFIXES[suffix] ?? 0;
    if (exp >= 0) numerator *= pow(10n, exp);
    else denominator *= pow(10n, -exp);
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    const exp = Number(suffix.slice(1));
    if (exp >= 0) numerator *= pow(10n, exp);
    else denominator *= pow(10n, -exp);
  } else {
    return undefined;
  }
  const nanos = ceilDiv(numerator * NANO, denominator);
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

/** The zero quantity for missing or unparsable values, as a Go map lookup gives. */
export function quantityOf(text: string | undefined): Quantity {
  return parseQuantity(text) ?? ZERO;
}

/** Quantity.Add: the sum keeps the format of the first non-zero operand. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Quantity.MilliValue: rounded up. */
export function milliValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n);
}

/** Quantity.Value: rounded up. */
export function value(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO);
}

function decimalString(q: Quantity, format: 'DecimalSI' | 'DecimalExponent'): string {
  const negative = q.nanos < 0n;
  let mantissa = negative ? -q.nanos : q.nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  // Go's % keeps the sign of the dividend.
  const r = exponent % 3;
  if (r === 1 || r === -2) {
    mantissa *= 10n;
    exponent -= 1;
  } else if (r === 2 || r === -1) {
    mantissa *= 100n;
    exponent -= 2;
  }
  let suffix: string;
  if (format === 'DecimalSI') {
    const found = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent);
    suffix = found ? found[0] : `e${exponent}`;
  } else {
    suffix = exponent === 0 ? '' : `e${exponent}`;
  }
  return `${negative ? '-' : ''}${mantissa}${suffix}`;
}

/** Quantity.String(): the canonical form. */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  if (q.format !== 'BinarySI') return decimalString(q, q.format);
  const whole = q.nanos / NANO;
  // Small or fractional binary amounts print in decimal so that nothing is rounded.
  if ((whole > -1024n && whole < 1024n) || q.nanos % NANO !== 0n) {
    return decimalString(q, 'DecimalSI');
  }
  let amount = whole;
  let exponent = 0;
  while (amount % 1024n === 0n && exponent < BINARY_SUFFIXES.length - 1) {
    amount /= 1024n;
    exponent++;
  }
  return `${amount}${BINARY_SUFFIXES[exponent] ?? ''}`;
}

/** A resource list's quantity as describe prints it (`0` when missing). */
export function canonical(text: string | undefined): string {
  const q = parseQuantity(text);
  return q ? quantityString(q) : text === undefined ? '0' : text;
}
