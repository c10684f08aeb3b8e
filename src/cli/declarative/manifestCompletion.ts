// Completion for manifest files in the editor: whole-object templates at the start of a
// document, apiVersions and kinds the simulated cluster serves, the keys allowed where the cursor
// is (from manifestSchema.ts) and enum values. The text being typed is usually not valid YAML
// yet, so the path at the cursor is worked out from the indentation of the lines above it rather
// than from a parse.
import { KINDS } from '../../engine/k8s/types';
import { KIND_SCHEMAS, schemaAt, UNKNOWN_KIND, type FieldSchema } from './manifestSchema';

export interface ManifestCompletionItem {
  label: string;
  insertText: string;
  detail?: string;
  documentation?: string;
  kind: 'property' | 'value' | 'snippet';
  /** A key whose values can be offered: the editor asks again once it is inserted. */
  hasValues?: boolean;
}

// Templates: what `kubectl create … --dry-run=client -o yaml` prints, without its empty fields
// (`creationTimestamp: null`, `strategy: {}`, `resources: {}`, `status: {}`).
const TEMPLATES: readonly { label: string; detail: string; text: string }[] = [
  {
    label: 'Deployment',
    detail: 'kubectl create deployment my-app --image=nginx:1.27 --port=80',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: my-app
  name: my-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
`,
  },
  {
    label: 'Service (LoadBalancer)',
    detail: 'kubectl create service loadbalancer my-app --tcp=80:80',
    text: `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-app
  name: my-app
spec:
  ports:
  - name: 80-80
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: my-app
  type: LoadBalancer
`,
  },
  {
    label: 'ConfigMap',
    detail: 'kubectl create configmap my-config --from-literal=key=value',
    text: `apiVersion: v1
data:
  key: value
kind: ConfigMap
metadata:
  name: my-config
`,
  },
  {
    label: 'Namespace',
    detail: 'kubectl create namespace my-namespace',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: my-namespace
`,
  },
  {
    label: 'Application (Argo CD, automated sync)',
    detail: 'argoproj.io/v1alpha1 Application',
    text: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: my-app
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/team/web.git
    targetRevision: HEAD
    path: my-app
  destination:
    server: https://kubernetes.default.svc
    namespace: my-app
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
    - CreateNamespace=true
`,
  },
];

interface LineInfo {
  /** Column (0-based) of the first character that is not a space. */
  indent: number;
  /** The line is a list item (`- …`). */
  dash: boolean;
  /** Column of the key (or scalar) after any `- `. */
  keyCol: number;
  key?: string;
}

const KEY_RE = /^([A-Za-z0-9_./-]+)\s*:(?:\s|$)/;

function lineInfo(line: string): LineInfo | undefined {
  const indent = line.search(/\S/);
  if (indent < 0 || line[indent] === '#') return undefined;
  let rest = line.slice(indent);
  let keyCol = indent;
  const dash = /^-(\s|$)/.test(rest);
  if (dash) {
    const m = /^-\s*/.exec(rest)?.[0] ?? '-';
    keyCol += m.length;
    rest = rest.slice(m.length);
  }
  const key = KEY_RE.exec(rest)?.[1];
  return key === undefined ? { indent, dash, keyCol } : { indent, dash, keyCol, key };
}

/** The lines of the document (between `---` separators) the cursor is in. */
function documentBounds(lines: readonly string[], row: number): [number, number] {
  let start = row;
  while (start > 0 && !/^---(\s|$)/.test(lines[start - 1] ?? '')) start--;
  let end = row + 1;
  while (end < lines.length && !/^---(\s|$)/.test(lines[end] ?? '')) end++;
  return [start, end];
}

type Path = string[];

class Scanner {
  constructor(
    private readonly infos: readonly (LineInfo | undefined)[],
    private readonly start: number,
  ) {}

  /** The path of the map whose keys sit at column `col`, looking at the lines above `row`. */
  mapPath(row: number, col: number): Path | undefined {
    for (let j = row - 1; j >= this.start; j--) {
      const l = this.infos[j];
      if (!l || l.indent >= col) continue;
      if (l.dash && l.keyCol === col) {
        const seq = this.seqPath(j, l.indent);
        return seq && [...seq, '[]'];
      }
      if (l.key === undefined || l.keyCol >= col) return undefined;
      const parent = this.mapPath(j + 1, l.keyCol);
      return parent && [...parent, l.key];
    }
    return col === 0 ? [] : undefined;
  }

  /** The path of the list whose `- ` markers sit at column `col`, one of them on line `row`. */
  seqPath(row: number, col: number): Path | undefined {
    for (let j = row - 1; j >= this.start; j--) {
      const l = this.infos[j];
      if (!l || l.indent > col || (l.dash && l.indent === col)) continue;
      if (l.key === undefined) return undefined;
      const parent = this.mapPath(j + 1, l.keyCol);
      return parent && [...parent, l.key];
    }
    return undefined;
  }

  /** Keys already set in the map at column `col` that line `row` belongs to. */
  siblings(row: number, col: number, newItem: boolean, end: number): Set<string> {
    const out = new Set<string>();
    if (!newItem) {
      for (let j = row - 1; j >= this.start; j--) {
        const l = this.infos[j];
        if (!l || l.indent > col || (l.dash && l.indent >= col)) continue;
        if (l.keyCol === col && l.key !== undefined) out.add(l.key);
        if (l.indent < col) break;
      }
    }
    for (let j = row + 1; j < end; j++) {
      const l = this.infos[j];
      if (!l || l.indent > col || (l.dash && l.indent >= col)) continue;
      if (l.indent < col) break;
      if (l.key !== undefined) out.add(l.key);
    }
    return out;
  }
}

const ROOT_VALUE = {
  kind: /^kind:\s*["']?([^\s"'#]+)/,
  apiVersion: /^apiVersion:\s*["']?([^\s"'#]+)/,
};

/** The document's top-level `kind` or `apiVersion`, wherever in it that line is. */
function rootValue(
  lines: readonly string[],
  start: number,
  end: number,
  key: keyof typeof ROOT_VALUE,
): string | undefined {
  for (let j = start; j < end; j++) {
    const value = ROOT_VALUE[key].exec(lines[j] ?? '')?.[1];
    if (value) return value;
  }
  return undefined;
}

function keyItems(
  schema: FieldSchema,
  present: Set<string>,
  atRoot = false,
): ManifestCompletionItem[] {
  return Object.entries(schema.fields ?? {})
    .filter(([name]) => !present.has(name))
    .map(([name, f]) => {
      const item: ManifestCompletionItem = {
        label: name,
        insertText: f.fields || f.items || f.type.startsWith('map[') ? `${name}:` : `${name}: `,
        detail: f.type,
        documentation: f.doc,
        kind: 'property',
      };
      if (f.values || (atRoot && (name === 'apiVersion' || name === 'kind'))) item.hasValues = true;
      return item;
    });
}

function valueItems(
  values: readonly string[],
  detail: string,
  lead: string,
): ManifestCompletionItem[] {
  return values.map((v) => ({ label: v, insertText: lead + v, detail, kind: 'value' as const }));
}

function apiVersions(): string[] {
  return [...new Set(Object.values(KINDS).map((k) => k.apiVersion))].sort();
}

/**
 * What to offer at a cursor (`line`, `column`, 1-based as editors count) in a manifest file:
 * empty when there is nothing sensible to offer there.
 */
export function manifestCompletions(
  text: string,
  line: number,
  column: number,
): ManifestCompletionItem[] {
  const lines = text.split(/\r?\n/);
  const row = line - 1;
  const current = lines[row] ?? '';
  const prefix = current.slice(0, column - 1);
  const [start, end] = documentBounds(lines, row);
  const infos = lines.map((l, j) => (j === row ? undefined : lineInfo(l)));

  const emptyDocument = infos.slice(start, end).every((l) => l === undefined);
  if (emptyDocument && /^[\w()-]*$/.test(prefix)) {
    const templates = TEMPLATES.map((t) => ({
      label: t.label,
      insertText: t.text,
      detail: t.detail,
      documentation: `A ${t.label} manifest, as kubectl create prints it.`,
      kind: 'snippet' as const,
    }));
    return [...templates, ...keyItems(UNKNOWN_KIND, new Set(), true)];
  }

  const kind = rootValue(lines, start, end, 'kind');
  const apiVersion = rootValue(lines, start, end, 'apiVersion');
  const schema = (kind !== undefined ? KIND_SCHEMAS[kind] : undefined) ?? UNKNOWN_KIND;
  const scanner = new Scanner(infos, start);

  // `key: partial` — a value.
  const valueMatch = /^(\s*)(-\s+)?([A-Za-z0-9_./-]+)\s*:(\s*)(\S*)$/.exec(prefix);
  if (valueMatch) {
    const [, spaces = '', dash = '', key = '', gap = ''] = valueMatch;
    const lead = gap === '' ? ' ' : '';
    const keyCol = spaces.length + dash.length;
    const mapPath = dash
      ? scanner.seqPath(row, spaces.length)?.concat('[]')
      : scanner.mapPath(row, keyCol);
    if (!mapPath) return [];
    if (mapPath.length === 0 && key === 'apiVersion') {
      return valueItems(apiVersions(), 'apiVersion', lead);
    }
    if (mapPath.length === 0 && key === 'kind') {
      const kinds = Object.values(KINDS)
        .filter((k) => apiVersion === undefined || k.apiVersion === apiVersion)
        .map((k) => k.kind);
      return valueItems(kinds.length ? kinds : Object.keys(KINDS), 'kind', lead);
    }
    const field = schemaAt(schema, [...mapPath, key]);
    return field?.values ? valueItems(field.values, field.type, lead) : [];
  }

  // A key being typed (or a list item).
  const keyMatch = /^(\s*)(-\s*)?([A-Za-z0-9_./=-]*)$/.exec(prefix);
  if (!keyMatch) return [];
  const [, spaces = '', dash = ''] = keyMatch;
  if (dash) {
    const seq = scanner.seqPath(row, spaces.length);
    const items = seq && schemaAt(schema, seq)?.items;
    if (!items) return [];
    if (items.values) return valueItems(items.values, items.type, dash.length > 1 ? '' : ' ');
    const present = scanner.siblings(row, spaces.length + dash.length, true, end);
    const keys = keyItems(items, present);
    return dash.length > 1 ? keys : keys.map((k) => ({ ...k, insertText: ` ${k.insertText}` }));
  }
  const col = spaces.length;
  const path = scanner.mapPath(row, col);
  const node = path && schemaAt(schema, path);
  if (!path || !node?.fields) return [];
  return keyItems(node, scanner.siblings(row, col, false, end), path.length === 0);
}

/**
 * The column (1-based) where the text that a completion replaces starts: the word being typed
 * at the cursor, which may hold `.`, `/` and `=` (`argoproj.io/v1alpha1`, `CreateNamespace=true`).
 */
export function completionStart(text: string, line: number, column: number): number {
  const current = text.split(/\r?\n/)[line - 1] ?? '';
  const prefix = current.slice(0, column - 1);
  // Keys and values do not start with `-`: one there is a list item's marker, which stays.
  const word = (/[A-Za-z0-9_./=()-]*$/.exec(prefix)?.[0] ?? '').replace(/^-+/, '');
  return column - word.length;
}
