// `argocd app diff`: for each managed resource whose live state differs from Git, a header line
// and the output of `diff LIVE TARGET` on their YAML (cmd/argocd/commands/app.go findandPrintDiff,
// util/cli/cli.go PrintDiff). The target side is the predicted live state: the live object with
// Git's fields applied over it, as an apply would leave it (gitops-engine pkg/diff/diff.go
// ThreeWayDiff and applyPatch: a strategic merge patch typed by the API struct, so keyed lists
// merge item by item, with the scheme defaults applied to both sides).
import { diffArrays } from 'diff';
import type { Application } from '../../engine/argocd/types';
import { reader, type World } from '../../engine/world';
import { isModified } from '../../engine/argocd/diff';
import {
  isStrategicApiVersion,
  listStrategy,
  type ListStrategy,
} from '../../engine/k8s/merge/strategic';
import { KINDS, type Kind, type KubeObject } from '../../engine/k8s/types';
import { toKubectlYaml } from '../printers/yaml';
import { desiredObjects, type DesiredObject } from './desired';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A list Git sets: a list of keyed items (containers by name, container ports by containerPort,
 * Service ports by port, volumeMounts by mountPath, per the API types' patch merge keys) keeps
 * Git's items, each merged over the live item with the same key so that the fields the server
 * defaulted (a port's protocol) stay as they are live. Any other list is Git's as it stands.
 */
function mergeArrays(
  live: unknown[],
  target: unknown[],
  path: readonly string[],
  strategic: boolean,
): unknown[] {
  const strategy: ListStrategy = strategic ? listStrategy(path) : { type: 'atomic' };
  if (strategy.type !== 'key') return target;
  const { key } = strategy;
  const keyed = (a: unknown[]) => a.every((x) => isObject(x) && x[key] !== undefined);
  if (!keyed(target) || !keyed(live)) return target;
  return target.map((t) => {
    const match = live.find((l) => (l as Json)[key] === (t as Json)[key]);
    return match ? merge(match, t, path, strategic) : t;
  });
}

function merge(
  live: unknown,
  target: unknown,
  path: readonly string[],
  strategic: boolean,
): unknown {
  if (isObject(live) && isObject(target)) {
    const out: Json = { ...live };
    for (const [k, v] of Object.entries(target))
      out[k] = k in live ? merge(live[k], v, [...path, k], strategic) : v;
    return out;
  }
  if (Array.isArray(live) && Array.isArray(target))
    return mergeArrays(live, target, path, strategic);
  return target;
}

/** Fields the last apply set that Git no longer has are removed, as a three-way merge does. */
function prune(predicted: unknown, lastApplied: unknown, target: unknown): unknown {
  if (!isObject(predicted) || !isObject(lastApplied)) return predicted;
  const t = isObject(target) ? target : {};
  const out: Json = { ...predicted };
  for (const k of Object.keys(lastApplied)) {
    // A map the last apply set is emptied of what it set, not removed: others may own the rest
    // (the annotations map holds the last-applied annotation itself).
    if (k in t || isObject(lastApplied[k])) {
      if (!(k in out)) continue;
      const before = out[k];
      const after = prune(before, lastApplied[k], t[k]);
      // A map emptied here is gone, as an empty map is omitted from the stored object.
      const emptied =
        isObject(before) &&
        Object.keys(before).length > 0 &&
        isObject(after) &&
        Object.keys(after).length === 0;
      if (emptied) delete out[k];
      else out[k] = after;
    } else delete out[k];
  }
  return out;
}

export function predictedLive(live: Json, target: Json): Json {
  // Custom resources have no patch merge keys: their lists are replaced whole.
  const apiVersion = typeof target['apiVersion'] === 'string' ? target['apiVersion'] : 'v1';
  const merged = merge(live, target, [], isStrategicApiVersion(apiVersion)) as Json;
  const annotations = (live['metadata'] as Json | undefined)?.['annotations'] as Json | undefined;
  const raw = annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (typeof raw !== 'string') return merged;
  try {
    return prune(merged, JSON.parse(raw) as unknown, target) as Json;
  } catch {
    return merged;
  }
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from},${to}`);

/** GNU diff's default ("normal") output format for two texts. */
export function normalDiff(oldText: string, newText: string): string {
  const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const changes = diffArrays(lines(oldText), lines(newText));
  let out = '';
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c) continue;
    if (!c.added && !c.removed) {
      oldLine += c.value.length;
      newLine += c.value.length;
      continue;
    }
    let removed: string[] = [];
    let added: string[] = [];
    if (c.removed) {
      removed = c.value;
      const next = changes[i + 1];
      if (next?.added) {
        added = next.value;
        i++;
      }
    } else added = c.value;
    if (removed.length > 0 && added.length > 0) {
      out += `${range(oldLine + 1, oldLine + removed.length)}c${range(newLine + 1, newLine + added.length)}\n`;
      out +=
        removed.map((l) => `< ${l}\n`).join('') + '---\n' + added.map((l) => `> ${l}\n`).join('');
    } else if (removed.length > 0) {
      out += `${range(oldLine + 1, oldLine + removed.length)}d${newLine}\n`;
      out += removed.map((l) => `< ${l}\n`).join('');
    } else {
      out += `${oldLine}a${range(newLine + 1, newLine + added.length)}\n`;
      out += added.map((l) => `> ${l}\n`).join('');
    }
    oldLine += removed.length;
    newLine += added.length;
  }
  return out;
}

function kindOf(group: string, kind: string): Kind | undefined {
  const info = (KINDS as Record<string, (typeof KINDS)[Kind] | undefined>)[kind];
  return info && info.group === group ? (kind as Kind) : undefined;
}

interface Item {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  live: Json | undefined;
  target: Json | undefined;
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The diff text and whether anything differed; `error` when the target state cannot be had. */
export function appDiff(
  world: World,
  app: Application,
): { ok: true; text: string; found: boolean } | { ok: false; message: string } {
  const desired = desiredObjects(world, app);
  if (!desired.ok) return desired;
  const r = reader(world);
  const defaultNs = app.spec?.destination?.namespace ?? '';
  const items = new Map<string, Item>();
  const keyOf = (g: string, k: string, ns: string, n: string) => `${g}/${k}/${ns}/${n}`;
  const liveOf = (g: string, k: string, ns: string, n: string): Json | undefined => {
    const kind = kindOf(g, k);
    if (!kind) return undefined;
    return r.get(kind, KINDS[kind].namespaced ? ns : undefined, n) as Json | undefined;
  };
  for (const res of app.status?.resources ?? []) {
    const g = res.group ?? '';
    const ns = res.namespace ?? '';
    items.set(keyOf(g, res.kind, ns, res.name), {
      group: g,
      kind: res.kind,
      namespace: ns,
      name: res.name,
      live: liveOf(g, res.kind, ns, res.name),
      target: undefined,
    });
  }
  for (const obj of desired.objects as DesiredObject[]) {
    const g = groupOf(obj.apiVersion);
    const kind = kindOf(g, obj.kind);
    const namespaced = kind ? KINDS[kind].namespaced : true;
    const ns = namespaced ? (obj.metadata.namespace ?? defaultNs) : '';
    const key = keyOf(g, obj.kind, ns, obj.metadata.name);
    const item = items.get(key) ?? {
      group: g,
      kind: obj.kind,
      namespace: ns,
      name: obj.metadata.name,
      live: liveOf(g, obj.kind, ns, obj.metadata.name),
      target: undefined,
    };
    item.target = obj as Json;
    items.set(key, item);
  }
  let text = '';
  let found = false;
  for (const item of items.values()) {
    if (item.kind === 'Secret' && item.group === '') continue;
    const liveYaml = item.live ? toKubectlYaml(item.live) : '';
    const targetYaml = item.target
      ? toKubectlYaml(item.live ? predictedLive(item.live, item.target) : item.target)
      : '';
    // Whether it differs is the controller's verdict, so that diff and sync status agree.
    if (item.live && item.target && !isModified(item.target, item.live as KubeObject)) continue;
    if (!item.live && !item.target) continue;
    found = true;
    text += `\n===== ${item.group}/${item.kind} ${item.namespace}/${item.name} ======\n`;
    text += normalDiff(liveYaml, targetYaml);
  }
  return { ok: true, text, found };
}
