// Taking an imperative change back: what the cluster kept of the state before it, and the
// command that would restore that state. The cluster keeps little: a Deployment's old pod
// templates live on in its ReplicaSets, and that is all. Everything else (the old replica count,
// old labels, a deleted object) exists only in this change, so the command has to carry it.
import type { Deployment, KubeObject } from '../../engine/k8s/types';
import { KINDS } from '../../engine/k8s/types';
import type { ObjectChange } from '../timeline';
import {
  changedManifestPaths,
  changeType,
  controllerKind,
  joinWords,
  resourceArg,
  valueAt,
} from './edit';
import { manifestObject } from './manifest';

export interface Undo {
  /** A command that restores the state before the change, when one exists. */
  command: string | undefined;
  note: string;
}

export function undoFor(change: ObjectChange): Undo {
  const type = changeType(change);
  const res = resourceArg(change.kind);
  const ns = namespaceFlag(change);
  switch (type) {
    case 'create':
      return {
        command: `kubectl delete ${res} ${change.name}${ns}`,
        note: createdNote(change),
      };
    case 'delete': {
      const owner = controllerKind(change.before);
      if (owner)
        return {
          command: undefined,
          note: `Its ${owner} makes a new ${res} in its place; there is nothing to take back.`,
        };
      return {
        command: undefined,
        note: 'The cluster kept no copy of it: only a manifest saved elsewhere, in a file or a Git repository, can bring it back.',
      };
    }
    case 'update':
      return updateUndo(change);
    default: {
      const never: never = type;
      return never;
    }
  }
}

function createdNote(change: ObjectChange): string {
  switch (change.kind) {
    case 'Namespace':
      return 'Deleting the namespace takes it back, with everything created in it since.';
    case 'Deployment':
      return 'Deleting it takes the creation back; its ReplicaSets and pods go with it.';
    default:
      return 'Deleting it takes the creation back.';
  }
}

function namespaceFlag(change: ObjectChange): string {
  if (!KINDS[change.kind].namespaced || change.namespace === 'default' || !change.namespace)
    return '';
  return ` -n ${change.namespace}`;
}

type Part = { command: string; note: string };

const TEMPLATE = /^spec\.template(\.|\[|$)/;
const LABELS = /^metadata\.labels(\.|\[|$)/;
const ANNOTATIONS = /^metadata\.annotations(\.|\[|$)/;
const POD_IMAGE = /^spec\.(containers|initContainers)\[\d+\]\.image$/;

function updateUndo(change: ObjectChange): Undo {
  const before = change.before as KubeObject;
  const after = change.after as KubeObject;
  const paths = changedManifestPaths(change);
  if (paths.length === 0)
    return {
      command: undefined,
      note: 'Nothing a manifest holds changed, so there is nothing to take back.',
    };
  const res = resourceArg(change.kind);
  const target = `${res} ${change.name}`;
  const ns = namespaceFlag(change);
  const parts: Part[] = [];
  const rest: string[] = [];
  let pause: Part | undefined;
  let template: Part | undefined;
  const templatePaths = change.kind === 'Deployment' ? paths.filter((p) => TEMPLATE.test(p)) : [];
  if (templatePaths.length > 0) {
    const d = after as Deployment;
    if (d.spec?.revisionHistoryLimit === 0) rest.push(...templatePaths);
    else if (d.spec?.paused && !paths.includes('spec.paused'))
      return {
        command: undefined,
        note: `It is paused, and \`kubectl rollout undo\` refuses a paused Deployment: ${fieldList(templatePaths)} would have to be set back by hand.`,
      };
    else
      template = {
        command: `kubectl rollout undo deployment/${change.name}${ns}`,
        note: "The old pod template is still kept, in one of the Deployment's ReplicaSets, so `kubectl rollout undo` brings it back.",
      };
  }

  for (const path of paths) {
    if (templatePaths.includes(path) || LABELS.test(path) || ANNOTATIONS.test(path)) continue;
    if (
      path === 'spec.replicas' &&
      (change.kind === 'Deployment' || change.kind === 'ReplicaSet')
    ) {
      const old = (before as Deployment).spec?.replicas ?? 1;
      parts.push({
        command: `kubectl scale ${res} ${change.name} --replicas=${old}${ns}`,
        note: `The cluster keeps only the new count; scaling back needs the old one, ${old}.`,
      });
    } else if (path === 'spec.paused' && change.kind === 'Deployment') {
      const paused = (after as Deployment).spec?.paused === true;
      pause = {
        command: `kubectl rollout ${paused ? 'resume' : 'pause'} deployment/${change.name}${ns}`,
        note: paused ? 'Resuming takes the pause back.' : 'Pausing again takes the resume back.',
      };
    } else if (change.kind === 'Pod' && POD_IMAGE.test(path)) {
      parts.push(podImage(before, path, `pod/${change.name}`, ns));
    } else rest.push(path);
  }
  // `kubectl rollout undo` refuses a paused Deployment, so a resume goes first.
  if (template) parts.unshift(template);
  if (pause) parts.unshift(pause);

  // From the manifests, so that what the controllers keep in annotations is left alone.
  const was = metadataOf(manifestObject(before));
  const is = metadataOf(manifestObject(after));
  const labels = mapUndo(was.labels, is.labels);
  if (labels)
    parts.push({
      command: `kubectl label ${target} ${labels}${ns}`,
      note: 'Labels keep no history: the old ones are known only from this change.',
    });
  const annotations = mapUndo(was.annotations, is.annotations);
  if (annotations)
    parts.push({
      command: `kubectl annotate ${target} ${annotations}${ns}`,
      note: 'Annotations keep no history: the old ones are known only from this change.',
    });

  if (rest.length > 0)
    return {
      command: undefined,
      note: `The cluster keeps no earlier value of ${fieldList(rest)}: to take this back, the old ${
        rest.length === 1 ? 'value has' : 'values have'
      } to be remembered and set again by hand.`,
    };
  return {
    command: parts.map((p) => p.command).join(' && '),
    note: [...new Set(parts.map((p) => p.note))].join(' '),
  };
}

function podImage(before: KubeObject, path: string, target: string, ns: string): Part {
  const container = valueAt(before, path.slice(0, path.lastIndexOf('.'))) as
    { name?: string; image?: string } | undefined;
  return {
    command: `kubectl set image ${target} ${container?.name ?? ''}=${container?.image ?? ''}${ns}`,
    note: "A pod keeps no earlier image; setting it back needs this change's record of it.",
  };
}

/** `a=1 b- --overwrite`: the arguments of `kubectl label|annotate` that restore `before`. */
function mapUndo(
  before: Record<string, string> | undefined,
  after: Record<string, string> | undefined,
): string | undefined {
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const args: string[] = [];
  let overwrite = false;
  for (const key of keys) {
    if (b[key] === a[key]) continue;
    if (b[key] === undefined) args.push(shellWord(`${key}-`));
    else {
      if (a[key] !== undefined) overwrite = true;
      args.push(shellWord(`${key}=${b[key]}`));
    }
  }
  if (args.length === 0) return undefined;
  return [...args, ...(overwrite ? ['--overwrite'] : [])].join(' ');
}

function shellWord(s: string): string {
  return /^[A-Za-z0-9._/=:@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function fieldList(paths: readonly string[]): string {
  return joinWords(paths.map((p) => `\`${p}\``));
}

function metadataOf(m: Record<string, unknown>): {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
} {
  return (m.metadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}
