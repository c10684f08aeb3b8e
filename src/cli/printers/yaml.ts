// `kubectl -o yaml`: kubectl marshals the object to JSON, then sigs.k8s.io/yaml JSONToYAML decodes
// that JSON with its go-yaml v2 fork and encodes it again. The rules below follow that fork
// (sigs.k8s.io/yaml v1.4.0, goyaml.v2/): which strings need quotes (encode.go stringv, resolve.go),
// key order (sorter.go), scalar style choice and line folding at width 80 (emitterc.go).
//
// This module walks the data as the emitter's state machine does; ./yaml/ holds the quoting rules
// (resolve), the key order (keyorder) and the scalar writers (emitter).
import { utf8Length } from './yaml/codepoints';
import type { Emitter } from './yaml/emitter';
import {
  analyze,
  BEST_INDENT,
  writeDoubleQuoted,
  writeIndent,
  writeIndicator,
  writeLiteral,
  writePlain,
  writeSingleQuoted,
} from './yaml/emitter';
import { sortedKeys } from './yaml/keyorder';
import { numberText, resolvesToString } from './yaml/resolve';

const enum Style {
  Plain,
  Single,
  Double,
  Literal,
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
