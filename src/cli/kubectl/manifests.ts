// Reading `-f` sources the way kubectl's resource builder does (k8s.io/cli-runtime/pkg/resource:
// builder.go, visitor.go): files, directories (only .json/.yaml/.yml, recursing with -R), `-`
// for standard input, URLs, multi-document YAML and `kind: List`, with kubectl's error words.
import type { SchemaOptions } from 'yaml';
import { parseDocument } from 'yaml';
import type { Files } from '../../engine/fs/files';
import { readDir, readFile, resolvePath, statPath } from '../../engine/fs/files';
import { servedKind } from '../../engine/k8s/discovery';
import type { Kind, ObjectReader } from '../../engine/k8s/types';
import { remoteManifest } from './remoteManifests';

export interface Manifest {
  /** The source as kubectl names it in messages: the path as given, `STDIN`, or the URL. */
  source: string;
  kind: Kind;
  name: string;
  /** metadata.namespace as written in the manifest ('' when absent). */
  namespace: string;
  object: Record<string, unknown>;
}

export interface ManifestSources {
  files: Files;
  cwd: string;
  stdin: string;
  reader: ObjectReader;
}

export interface ReadOptions {
  recursive?: boolean;
  /** --validate=false skips the client-side check for apiVersion and kind. */
  validate?: boolean;
}

export type ManifestResult =
  /** `errors` are per-document problems (without `error: `); the other manifests still count. */
  | { ok: true; manifests: Manifest[]; errors: string[] }
  /**
   * Sources that cannot be read at all: kubectl stops before touching anything. `message` is
   * what it prints (one error with `error: `, several one a line).
   */
  | { ok: false; message: string };

/** The builder's path errors as CheckErr prints them. */
function sourceErrors(errors: string[]): { ok: false; message: string } {
  if (errors.length === 1) {
    const only = errors[0]!;
    return { ok: false, message: only.startsWith('Unable') ? `${only}\n` : `error: ${only}\n` };
  }
  return { ok: false, message: errors.map((e) => `${e}\n`).join('') };
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Every manifest in the `-f` sources, in the order kubectl visits them. */
export function readManifests(
  src: ManifestSources,
  filenames: readonly string[],
  opts: ReadOptions = {},
): ManifestResult {
  const texts: { source: string; text: string }[] = [];
  const missing: string[] = [];
  for (const name of filenames) {
    if (name === '-') {
      texts.push({ source: 'STDIN', text: src.stdin });
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      const text = remoteManifest(name);
      if (text === undefined) {
        // The simulator is offline: a URL it does not know cannot be fetched.
        const host = (name.replace(/^https?:\/\//, '').split('/')[0] ?? '').split(':')[0] ?? '';
        missing.push(`Unable to connect to the server: dial tcp: lookup ${host}: no such host`);
        continue;
      }
      texts.push({ source: name, text });
      continue;
    }
    const abs = resolvePath(src.cwd, name);
    const node = statPath(src.files, abs);
    if (!node) {
      missing.push(`the path "${name}" does not exist`);
      continue;
    }
    if (node.type === 'file') {
      const r = readFile(src.files, abs);
      texts.push({ source: name, text: r.ok ? r.value : '' });
      continue;
    }
    for (const [shown, path] of dirFiles(
      src.files,
      abs,
      trimSlash(name),
      opts.recursive ?? false,
    )) {
      const r = readFile(src.files, path);
      texts.push({ source: shown, text: r.ok ? r.value : '' });
    }
  }
  if (missing.length > 0) return sourceErrors(missing);
  const manifests: Manifest[] = [];
  const errors: string[] = [];
  for (const { source, text } of texts) {
    for (const doc of yamlDocuments(text)) {
      if ('error' in doc) {
        errors.push(
          `error parsing ${source}: error converting YAML to JSON: yaml: line ${doc.line}: ${doc.error}`,
        );
        break;
      }
      for (const object of flattenList(doc.value)) {
        const r = toManifest(object, source, src.reader, opts.validate ?? true);
        if ('error' in r) errors.push(r.error);
        else manifests.push(r);
      }
    }
  }
  return { ok: true, manifests, errors };
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') : p;
}

/** Files of a directory as filepath.Walk visits them: lexical, with their shown and real paths. */
function dirFiles(
  files: Files,
  abs: string,
  shown: string,
  recursive: boolean,
): [string, string][] {
  const out: [string, string][] = [];
  const list = readDir(files, abs);
  for (const entry of list.ok ? list.value : []) {
    const path = abs === '/' ? `/${entry}` : `${abs}/${entry}`;
    const name = `${shown}/${entry}`;
    const node = statPath(files, path);
    if (node?.type === 'dir') {
      if (recursive) out.push(...dirFiles(files, path, name, true));
    } else if (EXTENSIONS.some((ext) => entry.endsWith(ext))) out.push([name, path]);
  }
  return out;
}

type Doc = { value: unknown } | { error: string; line: number };

/**
 * go-yaml's reading of a document: YAML 1.1 scalars (yes/no, octal), duplicate keys allowed, and
 * dates left as strings, as sigs.k8s.io/yaml hands them to JSON.
 */
export const GO_YAML = {
  version: '1.1' as const,
  uniqueKeys: false,
  customTags: (tags: Tags) => tags.filter((t) => (t as { tag?: string }).tag !== TIMESTAMP),
};
type Tags = Exclude<SchemaOptions['customTags'], ((tags: never) => unknown) | null | undefined>;
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/**
 * Splits a stream on `---` lines as k8s.io/apimachinery's YAMLReader does, and parses each part
 * as YAML 1.1 (go-yaml's dialect: yes/no are booleans, duplicate keys pass). Line numbers in
 * errors count from the start of the document, as go-yaml's do.
 */
export function* yamlDocuments(text: string): Generator<Doc> {
  const lines = text.split('\n');
  let chunk: string[] = [];
  const parts: string[] = [];
  for (const line of lines) {
    if (/^---(\s|#|$)/.test(line)) {
      parts.push(chunk.join('\n'));
      chunk = [];
    } else chunk.push(line);
  }
  parts.push(chunk.join('\n'));
  for (const part of parts) {
    if (part.trim() === '') continue;
    const doc = parseDocument(part, GO_YAML);
    const first = doc.errors[0];
    if (first) {
      yield goYamlError(first.code, first.linePos?.[0]?.line ?? 1, part);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    yield { value };
  }
}

/** go-yaml's words for the mistakes people make most (a wrong indent, a tab, a stray colon). */
function goYamlError(code: string, line: number, part: string): Doc {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { error: 'mapping values are not allowed in this context', line };
    case 'TAB_AS_INDENT':
      return { error: 'found character that cannot start any token', line };
    case 'MISSING_CHAR':
      return { error: 'found unexpected end of stream', line };
    case 'BAD_INDENT': {
      // go-yaml reports the end of the block the stray line fails to continue.
      const prev = part.split('\n')[line - 2] ?? '';
      const inSequence = prev.trimStart().startsWith('- ');
      return {
        error: inSequence ? "did not find expected '-' indicator" : 'did not find expected key',
        line: Math.max(1, line - 1),
      };
    }
    default:
      return { error: 'did not find expected key', line };
  }
}

function flattenList(value: unknown): unknown[] {
  if (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    Array.isArray(value.items)
  )
    return value.items.flatMap(flattenList);
  return [value];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toManifest(
  value: unknown,
  source: string,
  reader: ObjectReader,
  validate: boolean,
): Manifest | { error: string } {
  const obj = isRecord(value) ? value : {};
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kindName = typeof obj.kind === 'string' ? obj.kind : '';
  if (!apiVersion || !kindName) {
    if (!validate) {
      const missing = kindName ? 'Version' : 'Kind';
      return {
        error: `unable to decode "${source}": Object '${missing}' is missing in '${JSON.stringify(obj)}'`,
      };
    }
    const missing = [!apiVersion && 'apiVersion not set', !kindName && 'kind not set'].filter(
      Boolean,
    );
    const what = missing.length > 1 ? `[${missing.join(', ')}]` : missing[0];
    return {
      error: `error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  }
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const kind = servedKind(reader, apiVersion, kindName);
  if (!kind)
    return {
      error: `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kindName}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  return { source, kind, name, namespace, object: obj };
}
