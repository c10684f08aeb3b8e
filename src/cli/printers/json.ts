// `kubectl -o json`: the JSON printer (k8s.io/cli-runtime/pkg/printers/json.go) prints
// json.MarshalIndent(obj, "", "    ") and a newline. Go's encoder escapes <, > and & (and U+2028,
// U+2029) for HTML safety. Objects read from the server are maps, whose keys Go sorts; typed
// objects (dry-run output of `create`) keep their struct field order, so callers choose.

export interface KubectlJsonOptions {
  /** Sort object keys as Go sorts map keys (byte order); otherwise keep insertion order. */
  sortKeys?: boolean;
}

/** Prints a value as `kubectl -o json` does; the result ends with a newline. */
export function toKubectlJson(value: unknown, opts: KubectlJsonOptions = {}): string {
  return `${write(value, '', opts.sortKeys ?? false)}\n`;
}

function jsonForm(v: unknown): unknown {
  if (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

function isOmitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

const ABOVE_SURROGATES = /[\ue000-\uffff]/;

// Go compares the UTF-8 bytes, i.e. code points. UTF-16 order only differs from that between a
// surrogate pair and a character from U+E000 up.
function compareKeys(a: string, b: string): number {
  if (ABOVE_SURROGATES.test(a) || ABOVE_SURROGATES.test(b)) {
    const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
    const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
    }
    return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(raw: unknown, indent: string, sortKeys: boolean): string {
  const v = jsonForm(raw);
  if (typeof v === 'string') return quote(v);
  // Go and JavaScript agree on the shortest form of a number and on when to use an exponent.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || typeof v !== 'object') return 'null';
  const inner = `${indent}    `;
  let out = '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    for (const item of v as unknown[]) {
      out += `${out ? ',\n' : '[\n'}${inner}${write(isOmitted(item) ? null : item, inner, sortKeys)}`;
    }
    return `${out}\n${indent}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (sortKeys) keys.sort(compareKeys);
  for (const k of keys) {
    const item = obj[k];
    if (isOmitted(item)) continue;
    out += `${out ? ',\n' : '{\n'}${inner}${quote(k)}: ${write(item, inner, sortKeys)}`;
  }
  return out ? `${out}\n${indent}}` : '{}';
}

// Control characters are exactly what these patterns look for.
/* eslint-disable no-control-regex */
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;
const ESCAPED =
  /["\\\u0000-\u001f<>&\u2028\u2029]|[\ud800-\udbff][\udc00-\udfff]?|[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */
const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// encoding/json's string encoder with HTML escaping; invalid UTF-16 becomes U+FFFD as Go does
// for invalid UTF-8.
function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  const body = s.replace(ESCAPED, (ch) => {
    if (ch.length === 2) return ch;
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) return '\\ufffd';
    return SHORT[ch] ?? `\\u${c.toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}
