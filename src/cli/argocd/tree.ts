// `argocd app get -o tree`: the app's live resources and what they own, drawn with box
// characters (argo-cd v2.11 cmd/argocd/commands/tree.go treeViewAppGet, printPrefix). The
// resource tree is the live objects and their children by ownerReference.
import type { Application } from '../../engine/argocd/types';
import { resourceHealth } from '../../engine/argocd/health';
import type { KubeObject, ObjectReader } from '../../engine/k8s/types';
import { ALL_KINDS, KINDS } from '../../engine/k8s/types';
import { tabwrite } from '../printers/table';
import { ARGO_TABWRITER, getResourceStates, type ResourceState } from './print';

const FIRST = '├─';
const LAST = '└─';

/** Earlier levels' connectors become a pipe or blank; only the last one is drawn as is. */
function printPrefix(p: string): string {
  const replaceFirstN = (s: string, from: string, to: string, n: number) => {
    let out = s;
    for (let i = 0; i < n; i++) out = out.replace(from, to);
    return out;
  };
  const count = (s: string, sub: string) => s.split(sub).length - 1;
  let out = p;
  out = out.endsWith(FIRST)
    ? replaceFirstN(out, FIRST, '│ ', count(out, FIRST) - 1)
    : out.split(FIRST).join('│ ');
  out = out.endsWith(LAST)
    ? replaceFirstN(out, LAST, '  ', count(out, LAST) - 1)
    : out.split(LAST).join('  ');
  return out;
}

function childrenOf(r: ObjectReader, obj: KubeObject): KubeObject[] {
  const uid = obj.metadata?.uid;
  const ns = obj.metadata?.namespace;
  if (!uid) return [];
  const out: KubeObject[] = [];
  for (const kind of ALL_KINDS) {
    if (kind === 'Event' || !KINDS[kind].namespaced) continue;
    for (const o of r.list(kind, ns))
      if ((o.metadata?.ownerReferences ?? []).some((ref) => ref.uid === uid)) out.push(o);
  }
  return out.sort((a, b) =>
    `${a.kind}/${a.metadata?.name}` < `${b.kind}/${b.metadata?.name}` ? -1 : 1,
  );
}

export function printTreeView(r: ObjectReader, app: Application): string {
  const states = new Map<string, ResourceState>();
  for (const s of getResourceStates(app)) states.set(`${s.kind}/${s.name}`, s);
  let text = '';
  const visit = (prefix: string, obj: KubeObject) => {
    const key = `${obj.kind}/${obj.metadata?.name}`;
    const state = states.get(key);
    text += state
      ? `${printPrefix(prefix)}${key}\t${state.status}\t${state.health}\t${state.message}\n`
      : `${printPrefix(prefix)}${key}\t\t${resourceHealth(obj)?.status ?? ''}\t\n`;
    const children = childrenOf(r, obj);
    children.forEach((child, i) =>
      visit(prefix + (i === children.length - 1 ? LAST : FIRST), child),
    );
  };
  for (const s of getResourceStates(app)) {
    const kind = ALL_KINDS.find((k) => k === s.kind && KINDS[k].group === s.group);
    const obj = kind
      ? r.get(kind, KINDS[kind].namespaced ? s.namespace : undefined, s.name)
      : undefined;
    if (obj) visit('', obj);
  }
  if (text === '') return '';
  return tabwrite(`KIND/NAME\tSTATUS\tHEALTH\tMESSAGE\n${text}`, ARGO_TABWRITER);
}
