// The problems in a manifest file, each at the line it is on, for the editor's markers. They are
// the problems `kubectl apply -f` would report for the same text, in the same words: YAML syntax,
// kubectl's own checks (apiVersion and kind set, a kind the cluster serves) and the API server's
// validation (src/engine/k8s/validation.ts), whose field paths are mapped back to the key they
// name in the file.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { KINDS, type Kind, type KubeObject } from '../../engine/k8s/types';
import { validate } from '../../engine/k8s/validation';

export interface ManifestDiagnostic {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  message: string;
}

type Range = readonly [number, number];

/** `spec.template.spec.containers[0].image` → ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export function fieldPathSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * The range of the key (or list item) a field path names in a document; when the path goes
 * beyond what the file holds (a required field left out), the deepest key that is there.
 */
export function fieldRange(doc: Document, field: string): Range | undefined {
  let node: unknown = doc.contents;
  let found: Range | undefined;
  for (const seg of fieldPathSegments(field)) {
    if (typeof seg === 'string' && isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === seg);
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      if (key?.range) found = [key.range[0], key.range[1]];
      node = pair.value;
    } else if (typeof seg === 'number' && isSeq(node)) {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      if (item.range) found = [item.range[0], item.range[1]];
      node = item;
    } else break;
  }
  return found;
}

/** The key of a top-level field, when the document has it. */
function topKeyRange(doc: Document, name: string): Range | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => keyText(p.key) === name);
  const key = pair?.key as YamlNode | null | undefined;
  return key?.range ? [key.range[0], key.range[1]] : undefined;
}

function valueRange(doc: Document, name: string): Range | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => keyText(p.key) === name);
  const value = pair?.value as YamlNode | null | undefined;
  return value?.range ? [value.range[0], value.range[1]] : undefined;
}

/** Where a document's own problems (no kind, no apiVersion) show: its first line of content. */
function docStart(doc: Document): Range {
  const r = doc.contents?.range ?? doc.range ?? [0, 0];
  return [r[0], r[1]];
}

const isKind = (kind: string): kind is Kind => Object.hasOwn(KINDS, kind);

export function manifestDiagnostics(text: string): ManifestDiagnostic[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const out: ManifestDiagnostic[] = [];
  const push = (range: Range, message: string, severity: 'error' | 'warning' = 'error') => {
    // A parse error may point one past the end of the text.
    const start = Math.min(range[0], text.length);
    const end = Math.min(Math.max(range[1], start), text.length);
    const from = lines.linePos(start);
    const to = lines.linePos(end);
    // An empty range would draw nothing: mark to the end of the line instead.
    const endColumn =
      to.line === from.line && to.col <= from.col ? Number.MAX_SAFE_INTEGER : to.col;
    out.push({
      line: from.line,
      column: from.col,
      endLine: to.line,
      endColumn,
      severity,
      message,
    });
  };
  if (!Array.isArray(docs)) return out;

  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) push(e.pos, e.message);
      continue;
    }
    for (const w of doc.warnings) push(w.pos, w.message, 'warning');
    const contents = doc.contents;
    // An empty document (a trailing `---`, only comments) is skipped, as kubectl skips it.
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    if (!isMap(contents)) {
      push(docStart(doc), 'a manifest must be a mapping of fields (apiVersion, kind, metadata …)');
      continue;
    }
    const obj = doc.toJS() as Record<string, unknown>;
    const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    // kubectl's client-side check (error validating data: [apiVersion not set, kind not set]).
    if (!apiVersion) push(topKeyRange(doc, 'apiVersion') ?? docStart(doc), 'apiVersion not set');
    if (!kind) push(topKeyRange(doc, 'kind') ?? docStart(doc), 'kind not set');
    if (!apiVersion || !kind) continue;
    // The REST mapper's words (meta.NoKindMatchError) when the cluster serves no such kind.
    if (!isKind(kind) || KINDS[kind].apiVersion !== apiVersion) {
      const at = isKind(kind) ? valueRange(doc, 'apiVersion') : valueRange(doc, 'kind');
      push(at ?? docStart(doc), `no matches for kind "${kind}" in version "${apiVersion}"`);
      continue;
    }
    let causes: { field: string; message: string }[];
    try {
      causes = validate(kind, obj as unknown as KubeObject);
    } catch {
      // A kind the simulator stores without validating it.
      causes = [];
    }
    for (const c of causes) {
      const message = c.field ? `${c.field}: ${c.message}` : c.message;
      push((c.field && fieldRange(doc, c.field)) || docStart(doc), message);
    }
  }
  return out;
}
