// The low-level half of go-yaml's emitter (goyaml.v2/emitterc.go): the analysis that decides
// which scalar styles a value allows, and the writers that place indicators, indentation, quotes
// and folds at width 80. Kept apart from the node walk so the walk reads like the Go state machine.
import { codePoints, cpLength } from './codepoints';

export const BEST_INDENT = 2;
const BEST_WIDTH = 80;

export interface Emitter {
  out: string;
  column: number;
  whitespace: boolean;
  indention: boolean;
  indent: number;
  root: unknown;
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

export function analyze(v: string): Analysis {
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

export function writeIndent(em: Emitter): void {
  const indent = Math.max(em.indent, 0);
  if (!em.indention || em.column > indent || (em.column === indent && !em.whitespace)) putBreak(em);
  if (em.column < indent) put(em, ' '.repeat(indent - em.column), indent - em.column);
  em.whitespace = true;
  em.indention = true;
}

export function writeIndicator(
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

export function writePlain(em: Emitter, v: string, allowBreaks: boolean): void {
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

export function writeSingleQuoted(em: Emitter, v: string, allowBreaks: boolean): void {
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

export function writeDoubleQuoted(em: Emitter, v: string, allowBreaks: boolean): void {
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

export function writeLiteral(em: Emitter, v: string): void {
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
