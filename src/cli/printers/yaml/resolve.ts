// Which strings go-yaml must quote (goyaml.v2/resolve.go, encode.go stringv): a plain scalar that
// would read back as a bool, null, number or timestamp is double-quoted. Numbers sit here too: the
// same int64/uint64 bounds decide what a number prints as and what a string would read back as.

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

// JSON numbers that fit int64/uint64 decode as integers; the rest are float64 and are printed
// with Go's strconv.FormatFloat(f, 'g', -1, 64).
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // The JSON text has the shortest digits (2**63 is 9223372036854776000); those are parsed.
    const text = String(n === 0 ? 0 : n);
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= UINT64_MAX) return text;
  }
  return formatFloatG(n);
}

function formatFloatG(n: number): string {
  const [mantissa = '0', expText = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = n < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const abs = Math.abs(exp);
    return `${sign}${digits[0] ?? '0'}${frac}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ''}`;
}

const NON_STRINGS = new Set(
  'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF ~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF'.split(
    ' ',
  ),
);
const GO_INT =
  /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

export function resolvesToString(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  const sign = c === 43 || c === 45;
  const digit = c >= 48 && c <= 57;
  if ((sign || digit) && s.includes(':') && BASE60_FLOAT.test(s)) return false;
  if (!sign && !digit && c !== 46 && !'yYnNtTfFoO~'.includes(s[0] ?? '')) return true;
  if (NON_STRINGS.has(s)) return false;
  if (c === 46)
    return !(
      DOT_FLOAT.test(withoutUnderscores(s) ?? '') && Number.isFinite(Number(s.replace(/_/g, '')))
    );
  if (!sign && !digit) return true;
  if (digit && isTimestamp(s)) return false;
  const plain = s.replace(/_/g, '');
  if (isGoInt(plain)) return false;
  return !(YAML_FLOAT.test(plain) && Number.isFinite(Number(plain)));
}

// strconv.ParseFloat allows underscores only between digits.
function withoutUnderscores(s: string): string | undefined {
  if (!s.includes('_')) return s;
  return /(^|[^0-9])_|_($|[^0-9])/.test(s) ? undefined : s.replace(/_/g, '');
}

// strconv.ParseInt(s, 0, 64), falling back to ParseUint (no sign) as resolve.go does.
function isGoInt(s: string): boolean {
  const m = GO_INT.exec(s);
  if (!m) return false;
  const [, sign, hex, oct, bin, leadingZero, dec] = m;
  let v: bigint;
  if (hex !== undefined) v = BigInt(`0x${hex}`);
  else if (oct !== undefined) v = BigInt(`0o${oct}`);
  else if (bin !== undefined) v = BigInt(`0b${bin}`);
  else if (leadingZero !== undefined) v = BigInt(`0o${leadingZero.slice(1) || '0'}`);
  else v = BigInt(dec ?? '0');
  if (sign === '-') return v <= -INT64_MIN;
  if (sign === '+') return v < -INT64_MIN;
  return v <= UINT64_MAX;
}

function twoDigitsOrOne(s: string, at: number): [number, number] | undefined {
  const d0 = s.charCodeAt(at) - 48;
  if (!(d0 >= 0 && d0 <= 9)) return undefined;
  const d1 = s.charCodeAt(at + 1) - 48;
  return d1 >= 0 && d1 <= 9 ? [d0 * 10 + d1, at + 2] : [d0, at + 1];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// time.Parse with the layouts go-yaml tries: "2006-1-2T15:4:5.999999999Z07:00" (also with 't'),
// "2006-1-2 15:4:5.999999999" and "2006-1-2".
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = twoDigitsOrOne(s, 5);
  if (!month || month[0] < 1 || month[0] > 12 || s[month[1]] !== '-') return false;
  const day = twoDigitsOrOne(s, month[1] + 1);
  if (!day || day[0] < 1 || day[0] > daysIn(month[0], year)) return false;
  let p = day[1];
  if (p === s.length) return true;
  const sep = s[p];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return false;
  p++;
  if (sep === ' ') while (s[p] === ' ') p++;
  const limits = [24, 60, 60];
  for (let i = 0; i < 3; i++) {
    if (i > 0 && s[p++] !== ':') return false;
    const part = twoDigitsOrOne(s, p);
    if (!part || part[0] >= (limits[i] ?? 0)) return false;
    p = part[1];
  }
  if ((s[p] === '.' || s[p] === ',') && /[0-9]/.test(s[p + 1] ?? '')) {
    p++;
    while (/[0-9]/.test(s[p] ?? '')) p++;
  }
  if (sep === ' ') return p === s.length;
  if (s[p] === 'Z') return p + 1 === s.length;
  const zone = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(s.slice(p));
  return zone !== null && Number(zone[1]) <= 24 && Number(zone[2]) <= 60;
}
