// Where `kubectl create configmap` and `create secret generic` take their data from:
// --from-literal, --from-file (a file, `key=file`, or every file of a directory) and
// --from-env-file, with the checks and messages of kubectl pkg/cmd/create/create_configmap.go,
// create_secret.go and pkg/cmd/util/env_file.go; and --append-hash's name suffix
// (pkg/util/hash/hash.go: the first ten hex digits of a SHA-256, some letters swapped).
import type { Files } from '../../../engine/fs/files';
import { readDir, readFile, resolvePath, statPath } from '../../../engine/fs/files';

const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** validation.IsConfigMapKey: its messages, none when the key is valid. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push(CONFIG_KEY_MSG);
  if (key === '.' || key === '..') errs.push(`must not be '${key}'`);
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export type Fail = { ok: false; error: string };

/** Adds one key, as the kind's addKeyFrom… helper checks it; a message when it may not. */
export type AddKey = (key: string, value: string) => string | undefined;

/** --from-literal=key=value, split at the first `=`. */
export function addLiterals(literals: readonly string[], add: AddKey): string | undefined {
  for (const source of literals) {
    const i = source.indexOf('=');
    if (i <= 0) return `invalid literal source ${source}, expected key=value`;
    const problem = add(source.slice(0, i), source.slice(i + 1));
    if (problem) return problem;
  }
  return undefined;
}

/** path.Base: the last element, trailing slashes dropped. */
function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** util.ParseFileSource: `path` or `key=path`. */
function parseFileSource(
  source: string,
): { ok: true; key: string | undefined; path: string } | Fail {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { ok: true, key: undefined, path: source };
  if (separators > 1) return { ok: false, error: "key names or file paths cannot contain '='" };
  if (source.startsWith('='))
    return { ok: false, error: `key name for file path ${source.slice(1)} missing` };
  if (source.endsWith('='))
    return { ok: false, error: `file path for key name ${source.slice(0, -1)} missing` };
  const [key = '', path = ''] = source.split('=');
  return { ok: true, key, path };
}

/** --from-file=[key=]path: a file under its base name or the key given; a directory's files. */
export function addFiles(
  files: Files,
  cwd: string,
  sources: readonly string[],
  add: AddKey,
): string | undefined {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if (!parsed.ok) return parsed.error;
    const { key, path } = parsed;
    const abs = resolvePath(cwd, path);
    const node = statPath(files, abs);
    if (!node) return `error reading ${path}: no such file or directory`;
    if (node.type === 'dir') {
      if (key !== undefined) return 'cannot give a key name for a directory path';
      const names = readDir(files, abs);
      if (!names.ok) return `error listing files in ${path}: ${names.code}`;
      for (const name of [...names.value].sort()) {
        const entry = statPath(files, resolvePath(abs, name));
        if (entry?.type !== 'file') continue;
        const text = readFile(files, resolvePath(abs, name));
        const problem = text.ok ? add(name, text.value) : undefined;
        if (problem) return problem;
      }
      continue;
    }
    const text = readFile(files, abs);
    if (!text.ok) return `error reading ${path}: no such file or directory`;
    const problem = add(key ?? baseName(path), text.value);
    if (problem) return problem;
  }
  return undefined;
}

/** --from-env-file: `KEY=value` lines; blank lines and `#` comments skipped. */
export function addEnvFiles(
  files: Files,
  cwd: string,
  sources: readonly string[],
  env: Readonly<Record<string, string>>,
  kindWord: 'config' | 'secret',
  add: AddKey,
): string | undefined {
  for (const source of sources) {
    const abs = resolvePath(cwd, source);
    const node = statPath(files, abs);
    if (!node) return `error reading ${source}: no such file or directory`;
    if (node.type === 'dir') return `env ${kindWord} file cannot be a directory`;
    const text = readFile(files, abs);
    if (!text.ok) return `error reading ${source}: no such file or directory`;
    const lines = text.value.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let n = 0; n < lines.length; n++) {
      let line = (lines[n] ?? '').replace(/\r$/, '');
      if (n === 0) line = line.replace(/^\uFEFF/, '');
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const i = line.indexOf('=');
      const key = i < 0 ? line : line.slice(0, i);
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key))
        return `${JSON.stringify(key)} is not a valid key name: ${ENV_NAME_MSG}`;
      // A bare name takes its value from the environment kubectl runs in.
      const problem = add(key, i < 0 ? (env[key] ?? '') : line.slice(i + 1));
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The text's UTF-8 bytes (the code under src/cli has no TextEncoder). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the text's UTF-8 bytes, as Go encodes a []byte in JSON. */
export function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
export function sha256Hex(text: string): string {
  const data = utf8(text);
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const msg = new Uint8Array(length);
  msg.set(data);
  msg[data.length] = 0x80;
  const view = new DataView(msg.buffer);
  view.setUint32(length - 8, Math.floor((data.length * 8) / 2 ** 32));
  view.setUint32(length - 4, (data.length * 8) >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const s1 = rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25);
      const ch = (e! & f!) ^ (~e! & g!);
      const t1 = (hh! + s1 + ch + (K[i] as number) + (w[i] as number)) >>> 0;
      const s0 = rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22);
      const maj = (a! & b!) ^ (a! & c!) ^ (b! & c!);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** hash.encodeHash: ten hex digits with 0, 1, 3, a and e swapped for letters. */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** Go's json.Marshal of a map: keys sorted, HTML characters escaped. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026');
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`;
}
