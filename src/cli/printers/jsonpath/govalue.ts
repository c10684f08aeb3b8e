// How client-go's JSONPath sees JSON data through Go's reflection: the kinds it tells apart, the
// values Go has and JavaScript does not (a template's float, a string's byte, the zero Value),
// and map iteration. Both the evaluator and the Go-style printing of results share this model.

/** Go's zero reflect.Value: what a range body sees for a null item, or for no item at all. */
export const INVALID: unique symbol = Symbol('invalid');
/** A float64 written in the template (`2.0`), which Go keeps apart from the int `2`. */
export class GoFloat {
  constructor(readonly value: number) {}
}
/** A byte of a string, which `*` and `..` iterate as Go does. */
export class GoByte {
  constructor(readonly value: number) {}
}

export type GoKind =
  'invalid' | 'nil' | 'map' | 'slice' | 'string' | 'bool' | 'int' | 'float' | 'uint8';
export type GoMap = Record<string, unknown>;

export function kindOf(v: unknown): GoKind {
  if (v === INVALID) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoByte) return 'uint8';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : 'nil';
}

export const GO_TYPE_NAMES: Record<GoKind, string> = {
  invalid: '<invalid Value>',
  nil: 'interface {}',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
  string: 'string',
  bool: 'bool',
  int: 'int64',
  float: 'float64',
  uint8: 'uint8',
};

/** Compares as Go compares strings: by UTF-8 bytes, which is code point order. */
export function goStringCompare(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

export function mapKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(goStringCompare);
}

export function mapGet(m: GoMap, key: string): { found: boolean; value: unknown } {
  const value = Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
  return { found: value !== undefined, value };
}

function utf8Bytes(s: string): GoByte[] {
  const out: GoByte[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(new GoByte(c));
    else if (c < 0x800) out.push(new GoByte(0xc0 | (c >> 6)), new GoByte(0x80 | (c & 63)));
    else if (c < 0x10000)
      out.push(
        new GoByte(0xe0 | (c >> 12)),
        new GoByte(0x80 | ((c >> 6) & 63)),
        new GoByte(0x80 | (c & 63)),
      );
    else
      out.push(
        new GoByte(0xf0 | (c >> 18)),
        new GoByte(0x80 | ((c >> 12) & 63)),
        new GoByte(0x80 | ((c >> 6) & 63)),
        new GoByte(0x80 | (c & 63)),
      );
  }
  return out;
}

/** What `*` and `..` step into: a map's values, a slice's items, a string's bytes. */
export function children(v: unknown): unknown[] {
  switch (kindOf(v)) {
    case 'map':
      return mapKeys(v as GoMap).map((k) => (v as GoMap)[k]);
    case 'slice':
      return (v as unknown[]).map((x) => (x === undefined ? null : x));
    case 'string':
      return utf8Bytes(v as string);
    default:
      return [];
  }
}

/** The plain value inside a scalar, unwrapping the template float and the string byte. */
export const scalar = (v: unknown): number | string | boolean =>
  v instanceof GoFloat || v instanceof GoByte ? v.value : (v as number | string | boolean);
