// `kubectl -o yaml`: kubectl marshals the object to JSON, then sigs.k8s.io/yaml JSONToYAML decodes
// that JSON with its go-yaml v2 fork and encodes it again. The rules below follow that fork
// (sigs.k8s.io/yaml v1.4.0, goyaml.v2/): which strings need quotes (encode.go stringv, resolve.go),
// key order (sorter.go), scalar style choice and line folding at width 80 (emitterc.go).

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const enum Style {
  Plain,
  Single,
  Double,
  Literal,
}

interface Emitter {
  out: string;
  column: number;
  whitespace: boolean;
  indention: boolean;
  indent: number;
  root: unknown;
}

/**
 * Prints a value as kubectl prints it with `-o yaml` (sigs.k8s.io/yaml Marshal of its JSON form).
 * The result ends with a newline. Throws, with the message kubectl prints after `error: `, where
 * go-yaml cannot read the JSON back: raw DEL/C1 control characters, U+FFFE/U+FFFF, or a key
 * holding U+0085.
 */
export function toKubectlYaml(value: unknown): string {
  const em: Emitter = {
    out: '',
    column: 0,
    whitespace: true,
    indention: true,
    indent: -1,
    root: value,
  };
  emitNode(em, value, false, false);
  writeIndent(em);
  return em.out;
}

// ---- JSON data model ------------------------------------------------------------------------

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

// Go's json.Marshal turns invalid UTF-16 into U+FFFD; go-yaml's reader rejects the JSON when it
// holds characters YAML forbids (json.Marshal leaves DEL, C1 controls and U+FFFE/F unescaped).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const YAML_FORBIDDEN = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const NEL_RUN = / *\u0085[ \u0085]*/g;

const UNUSUAL = /[\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

function cleanString(s: string): string {
  if (!UNUSUAL.test(s)) return s;
  const out = s.replace(LONE_SURROGATE, '\ufffd');
  if (YAML_FORBIDDEN.test(out)) throw new Error('yaml: control characters are not allowed');
  // json.Marshal leaves U+0085 (NEL) unescaped and YAML reads it as a line break inside the
  // double-quoted JSON string, which it folds: one break becomes a space, n breaks n-1 newlines.
  if (!out.includes('\u0085')) return out;
  return out.replace(NEL_RUN, (run) => {
    const breaks = run.split('\u0085').length - 2;
    return breaks === 0 ? ' ' : '\n'.repeat(breaks);
  });
}

// A key that YAML reads as spanning lines is a parse error, reported at the first such key in
// the compact JSON (map keys in Go's byte order) with the number of NELs up to it as line.
function nelKeyError(root: unknown): Error {
  let lines = 0;
  const walk = (raw: unknown): boolean => {
    const v = jsonForm(raw);
    if (typeof v === 'string') lines += v.split('\u0085').length - 1;
    else if (Array.isArray(v)) return v.some(walk);
    else if (v !== null && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => !isOmitted(obj[k]));
      for (const k of keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        lines += k.split('\u0085').length - 1;
        if (k.includes('\u0085')) return true;
        if (walk(obj[k])) return true;
      }
    }
    return false;
  };
  walk(root);
  return new Error(`yaml: line ${lines}: did not find expected ',' or '}'`);
}

// ---- node walker (mirrors the emitter state machine for block output) ----------------------

function emitNode(em: Emitter, raw: unknown, mapping: boolean, simpleKey: boolean): void {
  const v = jsonForm(raw);
  if (typeof v === 'string') {
    const s = cleanString(v);
    const style = s.includes('\n')
      ? Style.Literal
      : resolvesToString(s)
        ? Style.Plain
        : Style.Double;
    emitScalar(em, s, style, simpleKey);
  } else if (typeof v === 'number') {
    emitScalar(em, numberText(v), Style.Plain, simpleKey);
  } else if (typeof v === 'bigint') {
    emitScalar(em, v.toString(), Style.Plain, simpleKey);
  } else if (typeof v === 'boolean') {
    emitScalar(em, v ? 'true' : 'false', Style.Plain, simpleKey);
  } else if (Array.isArray(v)) {
    emitSequence(em, v, mapping);
  } else if (v !== null && typeof v === 'object') {
    emitMapping(em, v as Record<string, unknown>);
  } else {
    emitScalar(em, 'null', Style.Plain, simpleKey);
  }
}

function increaseIndent(em: Emitter, flow: boolean, indentless: boolean): number {
  const previous = em.indent;
  if (previous < 0) em.indent = flow ? BEST_INDENT : 0;
  else if (!indentless) em.indent += BEST_INDENT;
  return previous;
}

// Empty collections are the only flow-style nodes: `{}` and `[]`.
function emitEmptyFlow(em: Emitter, open: string, close: string): void {
  writeIndicator(em, open, true, true, false);
  writeIndicator(em, close, false, false, false);
}

function emitSequence(em: Emitter, items: readonly unknown[], mapping: boolean): void {
  if (items.length === 0) {
    emitEmptyFlow(em, '[', ']');
    return;
  }
  // A sequence that is the value of a simple key is not indented under it.
  const previous = increaseIndent(em, false, mapping && !em.indention);
  for (const item of items) {
    writeIndent(em);
    writeIndicator(em, '-', true, false, true);
    emitNode(em, isOmitted(item) ? null : item, false, false);
  }
  em.indent = previous;
}

function emitMapping(em: Emitter, obj: Record<string, unknown>): void {
  const keys = sortedKeys(Object.keys(obj).filter((k) => !isOmitted(obj[k])));
  if (keys.length === 0) {
    emitEmptyFlow(em, '{', '}');
    return;
  }
  const previous = increaseIndent(em, false, false);
  for (const key of keys) {
    if (key.includes('\u0085')) throw nelKeyError(em.root);
    const k = cleanString(key);
    writeIndent(em);
    // Keys longer than 128 bytes or spanning lines become complex keys (`? key` / `: value`).
    if (utf8Length(k) <= 128 && !analyze(k).multiline) {
      emitNode(em, k, true, true);
      writeIndicator(em, ':', false, false, false);
    } else {
      writeIndicator(em, '?', true, false, true);
      emitNode(em, k, true, false);
      writeIndent(em);
      writeIndicator(em, ':', true, false, true);
    }
    emitNode(em, obj[key], true, false);
  }
  em.indent = previous;
}

function emitScalar(em: Emitter, text: string, requested: Style, simpleKey: boolean): void {
  const a = analyze(text);
  let style = requested;
  // Scalars are only ever emitted in block context: flow style is used for empty collections only.
  if (style === Style.Plain && (!a.blockPlain || (text.length === 0 && simpleKey))) {
    style = Style.Single;
  }
  if (style === Style.Single && !a.singleQuoted) style = Style.Double;
  if (style === Style.Literal && (!a.block || simpleKey)) style = Style.Double;

  const previous = increaseIndent(em, true, false);
  const allowBreaks = !simpleKey;
  if (style === Style.Plain) writePlain(em, text, allowBreaks);
  else if (style === Style.Single) writeSingleQuoted(em, text, allowBreaks);
  else if (style === Style.Double) writeDoubleQuoted(em, text, allowBreaks);
  else writeLiteral(em, text);
  em.indent = previous;
}

// ---- numbers ------------------------------------------------------------------------------

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

// JSON numbers that fit int64/uint64 decode as integers; the rest are float64 and are printed
// with Go's strconv.FormatFloat(f, 'g', -1, 64).
function numberText(n: number): string {
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

// ---- key order (sorter.go): digit runs compare as numbers, non-letters sort before letters -----

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 48 && c <= 57;
  return DIGIT.test(String.fromCodePoint(c));
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

// Keys as code points: an ASCII string indexes directly, others become arrays.
type Runes = string | readonly number[];

function runeAt(r: Runes, i: number): number {
  return typeof r === 'string' ? r.charCodeAt(i) : (r[i] ?? 0);
}

// Go accumulates digit runs in an int64 (wrapping on overflow); non-ASCII digits count from '0'.
function digitRun(r: Runes, from: number, seed: bigint): [bigint, number] {
  let n = seed;
  let i = from;
  for (; i < r.length && isDigit(runeAt(r, i)); i++)
    n = BigInt.asIntN(64, n * 10n + BigInt(runeAt(r, i) - 48));
  return [n, i];
}

function keyLess(ar: Runes, br: Runes): boolean {
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const a = runeAt(ar, i);
    const b = runeAt(br, i);
    if (a === b) continue;
    const al = isLetter(a);
    const bl = isLetter(b);
    if (al && bl) return a < b;
    if (al || bl) return bl;
    let seed = 0n;
    if (a === 48 || b === 48) {
      for (let j = i - 1; j >= 0 && isDigit(runeAt(ar, j)); j--) {
        if (runeAt(ar, j) !== 48) {
          seed = 1n;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, seed);
    const [bn, bi] = digitRun(br, i, seed);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return a < b;
  }
  return ar.length < br.length;
}

const ASCII = /^[^\u0080-\uffff]*$/;

function sortedKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const runes = new Map<string, Runes>(keys.map((k) => [k, ASCII.test(k) ? k : codePoints(k)]));
  return keys.sort((a, b) => (keyLess(runes.get(a) ?? a, runes.get(b) ?? b) ? -1 : 1));
}

function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

// ---- would a plain scalar read back as something other than a string? (resolve.go) ----------

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

function resolvesToString(s: string): boolean {
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

// ---- scalar analysis (yaml_emitter_analyze_scalar) -------------------------------------------

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const SIMPLE_TEXT = /^[A-Za-z0-9][A-Za-z0-9._/=+-]*$/;
const SIMPLE_ANALYSIS: Analysis = {
  multiline: false,
  blockPlain: true,
  singleQuoted: true,
  block: true,
};
const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function analyze(v: string): Analysis {
  if (v.length === 0)
    return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  if (SIMPLE_TEXT.test(v)) return SIMPLE_ANALYSIS;
  const cps = codePoints(v);
  const n = cps.length;
  let indicators = v.startsWith('---') || v.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let edgeBlank = false; // leading or trailing space or break
  let trailingSpace = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    const c = cps[i] ?? 0;
    const next = cps[i + 1];
    const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) indicators = true;
      else if ((c === 0x3f || c === 0x3a || c === 0x2d) && followedByWhitespace) indicators = true;
    } else if ((c === 0x3a && followedByWhitespace) || (c === 0x23 && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0 || i === n - 1) edgeBlank = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0 || i === n - 1) edgeBlank = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreak(c);
  }
  const unquotable = breakSpace || spaceBreak || special;
  return {
    multiline: lineBreaks,
    blockPlain: !(edgeBlank || unquotable || lineBreaks || indicators),
    singleQuoted: !unquotable,
    block: !(trailingSpace || spaceBreak || special),
  };
}

// ---- writers ------------------------------------------------------------------------------

function put(em: Emitter, text: string, width: number): void {
  em.out += text;
  em.column += width;
}

function putBreak(em: Emitter): void {
  em.out += '\n';
  em.column = 0;
}

function writeIndent(em: Emitter): void {
  const indent = Math.max(em.indent, 0);
  if (!em.indention || em.column > indent || (em.column === indent && !em.whitespace)) putBreak(em);
  if (em.column < indent) put(em, ' '.repeat(indent - em.column), indent - em.column);
  em.whitespace = true;
  em.indention = true;
}

function writeIndicator(
  em: Emitter,
  indicator: string,
  needWhitespace: boolean,
  isWhitespace: boolean,
  isIndention: boolean,
): void {
  if (needWhitespace && !em.whitespace) put(em, ' ', 1);
  put(em, indicator, indicator.length);
  em.whitespace = isWhitespace;
  em.indention = em.indention && isIndention;
}

// A break other than '\n' is copied as is and still starts a new line.
function writeBreak(em: Emitter, c: number): void {
  if (c === 0x0a) putBreak(em);
  else {
    em.out += String.fromCodePoint(c);
    em.column = 0;
  }
}

function writePlain(em: Emitter, v: string, allowBreaks: boolean): void {
  if (!em.whitespace) put(em, ' ', 1);
  if (!allowBreaks || em.column + v.length <= BEST_WIDTH + 1 || !v.includes(' ')) {
    put(em, v, cpLength(v));
  } else {
    const cps = codePoints(v);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] ?? 0;
      if (c === 0x20) {
        if (!spaces && em.column > BEST_WIDTH && cps[i + 1] !== 0x20) writeIndent(em);
        else put(em, ' ', 1);
        spaces = true;
      } else {
        put(em, String.fromCodePoint(c), 1);
        em.indention = false;
        spaces = false;
      }
    }
  }
  em.whitespace = false;
  em.indention = false;
}

function writeSingleQuoted(em: Emitter, v: string, allowBreaks: boolean): void {
  writeIndicator(em, "'", true, false, false);
  const cps = codePoints(v);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] ?? 0;
    if (c === 0x20) {
      const fold = allowBreaks && !spaces && em.column > BEST_WIDTH && i > 0 && i < cps.length - 1;
      if (fold && cps[i + 1] !== 0x20) writeIndent(em);
      else put(em, ' ', 1);
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === 0x0a) putBreak(em);
      writeBreak(em, c);
      em.indention = true;
      breaks = true;
    } else {
      if (breaks) writeIndent(em);
      put(em, c === 0x27 ? "''" : String.fromCodePoint(c), c === 0x27 ? 2 : 1);
      em.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  writeIndicator(em, "'", false, false, false);
  em.whitespace = false;
  em.indention = false;
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function escapeChar(c: number): string {
  const short = SHORT_ESCAPES.get(c);
  if (short !== undefined) return `\\${short}`;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeDoubleQuoted(em: Emitter, v: string, allowBreaks: boolean): void {
  writeIndicator(em, '"', true, false, false);
  const cps = codePoints(v);
  // go-yaml checks for a byte order mark at the start of the value rather than at each
  // character, so a value that starts with one is escaped throughout.
  const bom = cps[0] === 0xfeff;
  let spaces = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] ?? 0;
    if (bom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
      const e = escapeChar(c);
      put(em, e, e.length);
      spaces = false;
    } else if (c === 0x20) {
      if (allowBreaks && !spaces && em.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
        writeIndent(em);
        if (cps[i + 1] === 0x20) put(em, '\\', 1);
      } else put(em, ' ', 1);
      spaces = true;
    } else {
      put(em, String.fromCodePoint(c), 1);
      spaces = false;
    }
  }
  writeIndicator(em, '"', false, false, false);
  em.whitespace = false;
  em.indention = false;
}

function writeLiteral(em: Emitter, v: string): void {
  writeIndicator(em, '|', true, false, false);
  const cps = codePoints(v);
  const first = cps[0] ?? 0;
  if (first === 0x20 || isBreak(first))
    writeIndicator(em, String(BEST_INDENT), false, false, false);
  const n = cps.length;
  let chomp = '';
  if (!isBreak(cps[n - 1] ?? 0)) chomp = '-';
  else if (n === 1 || isBreak(cps[n - 2] ?? 0)) chomp = '+';
  if (chomp) writeIndicator(em, chomp, false, false, false);
  putBreak(em);
  em.indention = true;
  em.whitespace = true;
  // Every line of text follows a break (or the header), so each one starts at the indentation.
  let from = 0;
  for (const m of v.matchAll(BREAKS)) {
    writeLine(em, v.slice(from, m.index));
    writeBreak(em, m[0].codePointAt(0) ?? 0);
    em.indention = true;
    from = m.index + m[0].length;
  }
  writeLine(em, v.slice(from));
}

const BREAKS = /[\n\r\u0085\u2028\u2029]/g;

function writeLine(em: Emitter, line: string): void {
  if (line.length === 0) return;
  writeIndent(em);
  put(em, line, cpLength(line));
  em.indention = false;
}
