// The declarative twin of an imperative change: which edit of the object's manifest, followed by
// `kubectl apply`, would have had the same effect. The changed fields come from comparing the
// manifests a person would write (manifest.ts), so any command is covered, not only known ones.
import type { Kind, KubeObject } from '../../engine/k8s/types';
import { KINDS, qualifiedResource } from '../../engine/k8s/types';
import { sortedKeys } from '../printers/yaml/keyorder';
import type { ObjectChange } from '../timeline';
import { changeType, manifestObject } from './manifest';

export { changeType, type ChangeType } from './manifest';

/** `deployment.apps/my-app`, as kubectl names an object. */
export function objectName(change: Pick<ObjectChange, 'kind' | 'name'>): string {
  return `${qualifiedResource(change.kind)}/${change.name}`;
}

/** The kind of the controller that made the object, when one did (pods of a ReplicaSet …). */
export function controllerKind(obj: KubeObject | undefined): string | undefined {
  return obj?.metadata?.ownerReferences?.find((r) => r.controller)?.kind;
}

/** The fields that differ between the manifests a person would write for before and after. */
export function changedManifestPaths(change: ObjectChange): string[] {
  if (!change.before || !change.after) return [];
  return changedPaths(manifestObject(change.before), manifestObject(change.after));
}

/**
 * Paths of the values that differ, in the order the YAML prints them: `spec.replicas`,
 * `spec.template.spec.containers[0].image`, `metadata.labels["app.kubernetes.io/name"]`. A map
 * that appears or goes is named key by key (so an added label is `metadata.labels.tier`); a list
 * item or a scalar on one side only is named itself.
 */
export function changedPaths(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  walk(before, after, '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a === undefined && b === undefined) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length || i >= b.length) out.push(p);
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if ((isMap(a) || a === undefined) && (isMap(b) || b === undefined)) {
    const ma = a ?? {};
    const mb = b ?? {};
    const keys = sortedKeys([...new Set([...Object.keys(ma), ...Object.keys(mb)])]);
    // An empty map that appears or goes has no keys to name.
    if (keys.length === 0 && (a === undefined || b === undefined)) out.push(path);
    for (const key of keys) walk(ma[key], mb[key], joinKey(path, key), out);
    return;
  }
  if (!sameValue(a, b)) out.push(path);
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function joinKey(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** One line: the manifest edit that `command`'s change to this object amounts to. */
export function declarativeEdit(change: ObjectChange, command: string): string {
  const applied = /\bapply\b/.test(command) && /\bkubectl\b/.test(command);
  const type = changeType(change);
  const owner = controllerKind(type === 'create' ? change.after : change.before);
  if (owner) {
    const what = change.kind.toLowerCase();
    return `No manifest holds this ${what}: its ${owner} made it${
      type === 'delete' ? ' and replaces it' : ''
    }, so this change has no declarative twin.`;
  }
  switch (type) {
    case 'create':
      return applied
        ? 'This is the declarative way: the manifest was written and `kubectl apply -f` created the object from it.'
        : 'The same as writing this manifest and `kubectl apply -f`.';
    case 'delete':
      return "The same as deleting the manifest's file and applying with prune (or `kubectl delete -f`).";
    case 'update': {
      const paths = changedManifestPaths(change);
      if (paths.length === 0)
        return 'Nothing a manifest holds changed: only fields the cluster keeps for itself.';
      const fields = listFields(paths, change.after);
      return applied
        ? `This is the declarative way: the manifest's ${fields} changed and \`kubectl apply\` sent it.`
        : `The same change as editing ${fields} in the manifest and \`kubectl apply\`.`;
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}

const SHOWN_FIELDS = 3;

function listFields(paths: readonly string[], obj: KubeObject | undefined): string {
  const named = paths.map((p) => `\`${p}\`${containerNote(p, obj)}`);
  if (named.length <= SHOWN_FIELDS) return joinWords(named);
  const more = paths.length - (SHOWN_FIELDS - 1);
  return joinWords([...named.slice(0, SHOWN_FIELDS - 1), `${more} more fields`]);
}

const CONTAINER_PATH = /^((?:spec\.template\.spec|spec)\.(?:containers|initContainers)\[\d+\])\./;

/** ` (the \`nginx\` container)` for a path inside a container, since the index alone says little. */
function containerNote(path: string, obj: KubeObject | undefined): string {
  const m = CONTAINER_PATH.exec(path);
  const container = m?.[1] ? valueAt(obj, m[1]) : undefined;
  const name = isMap(container) ? container.name : undefined;
  return typeof name === 'string' ? ` (the \`${name}\` container)` : '';
}

const STEP = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The value at a path as changedPaths writes it (undefined when there is none). */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  let value = root;
  STEP.lastIndex = 0;
  const text = path.startsWith('[') ? path : `.${path}`;
  while (STEP.lastIndex < text.length) {
    const m = STEP.exec(text);
    if (!m) return undefined;
    if (m[2] !== undefined) value = Array.isArray(value) ? value[Number(m[2])] : undefined;
    else {
      const key = m[1] ?? (JSON.parse(m[3] ?? '""') as string);
      value = isMap(value) ? value[key] : undefined;
    }
  }
  return value;
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The kind's name as kubectl takes it on the command line: `deployment`, `service`. */
export function resourceArg(kind: Kind): string {
  return KINDS[kind].singular;
}
