// Tab completion, as bash with kubectl's cobra completion script does it: program names for the
// first word, then whatever the program offers. kubectl's offer follows cobra's __complete
// (spf13/cobra completions.go) and kubectl's completion functions
// (staging/src/k8s.io/kubectl/pkg/util/completion/completion.go, release-1.32): subcommands,
// required flags, flags, flag values, resource types and the names of objects in the world.
import { readDir, resolvePath, statPath } from '../engine/fs/files';
import type { Kind } from '../engine/k8s/types';
import { KINDS } from '../engine/k8s/types';
import { reader } from '../engine/world';
import type { Session } from './program';
import { cwdOf } from './program';
import type { Registry } from './shell/exec';
import { GIT_COMMANDS } from './git/git';
import { completionWords } from './shell/parse';
import type { KubectlCommand } from './kubectl/command';
import { GLOBAL_FLAGS } from './kubectl/command';
import { commands } from './kubectl/commands';
import type { FlagSpec } from './kubectl/flags';
import helpTexts from './kubectl/help.json';
import { kubectlCommandNames } from './kubectl/kubectl';
import { API_RESOURCES, groupResourceName, resolveKind } from './kubectl/resources';

export interface Completion {
  /** Where in the line the word being completed starts. */
  start: number;
  /** Whole words that may replace line[start, cursor), sorted. */
  candidates: string[];
}

const ASSIGNMENT = /^[A-Za-z_]\w*=/;

/** Candidates for the last word of `argv` (the word being completed, possibly ''). */
export function completeWords(
  argv: readonly string[],
  session: Session,
  registry: Registry,
): string[] {
  const words = argv.slice(0, -1);
  const current = argv[argv.length - 1] ?? '';
  // Leading `NAME=value` words are assignments, not the command.
  while (words[0] !== undefined && ASSIGNMENT.test(words[0])) words.shift();
  const [name, ...args] = words;
  if (name === undefined) {
    if (current.includes('/') || ASSIGNMENT.test(current)) return [];
    return [...registry.keys()].filter((n) => n.startsWith(current));
  }
  const program = registry.get(name);
  // As bash does for a command with no completion of its own: the names of files.
  if (program && !program.complete) return completePaths(current, session);
  return program?.complete?.([...args, current], session) ?? [];
}

/**
 * File names for `current` (bash's default completion): the entries of the directory it names,
 * directories with a trailing `/`, dot-files only when asked for with a leading `.`.
 */
export function completePaths(current: string, session: Session): string[] {
  const cwd = cwdOf(session);
  const slash = current.lastIndexOf('/');
  const dirPart = current.slice(0, slash + 1);
  const prefix = current.slice(slash + 1);
  const dir = resolvePath(cwd, dirPart || '.');
  const list = readDir(session.world.files, dir);
  if (!list.ok) return [];
  return list.value
    .filter((n) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.')))
    .map((n) => {
      const node = statPath(session.world.files, resolvePath(dir, n));
      return `${dirPart}${n}${node?.type === 'dir' ? '/' : ''}`;
    });
}

export function complete(
  line: string,
  cursor: number,
  session: Session,
  registry: Registry,
): Completion {
  const { words, current, afterRedirect } = completionWords(line.slice(0, cursor), session.env);
  const start = cursor - current.raw.length;
  // A redirection's target is a file name.
  const found = afterRedirect
    ? completePaths(current.text, session)
    : completeWords([...words.map((w) => w.text), current.text], session, registry);
  let candidates = [...new Set(found.filter((c) => c.startsWith(current.text)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  // Inside an open quote bash keeps the quote, and closes it on the one candidate.
  const quote = current.raw[0];
  if (current.quoted && (quote === '"' || quote === "'")) {
    const close = candidates.length === 1 ? quote : '';
    candidates = candidates.map((c) => `${quote}${c}${close}`);
  }
  return { start, candidates };
}

// ---- kubectl ----

const HELP = helpTexts as Record<string, string>;

const byPath = new Map<string, KubectlCommand>();
const aliasPaths = new Set<string>();
for (const c of commands) {
  byPath.set(c.path, c);
  const parent = c.path.split(' ').slice(0, -1).join(' ');
  for (const alias of c.aliases ?? []) {
    const p = parent ? `${parent} ${alias}` : alias;
    byPath.set(p, c);
    aliasPaths.add(p);
  }
}

/** Subcommands under `path` as cobra lists them: real names, not aliases. */
function subcommands(path: string): string[] {
  return kubectlCommandNames(path).filter((n) => !aliasPaths.has(path ? `${path} ${n}` : n));
}

function isCommandPath(path: string): boolean {
  return byPath.has(path) || kubectlCommandNames(path).length > 0;
}

function flagsOf(command: KubectlCommand | undefined): readonly FlagSpec[] {
  return command ? [...GLOBAL_FLAGS, ...command.flags] : GLOBAL_FLAGS;
}

/** Flags cobra marks required (MarkFlagRequired): the help text says "Required." of them. */
function requiredFlags(command: KubectlCommand | undefined): string[] {
  if (!command) return [];
  const names = new Set(command.required ?? []);
  const help = HELP[command.path] ?? '';
  for (const m of help.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=[^\n]*\n\t[^\n]*Required\.$/gm))
    if (m[1]) names.add(m[1]);
  return [...names];
}

/** `One of: (json, yaml, …)` from the command's help, for -o. */
function outputFormats(path: string): string[] {
  const m = /--output='[^']*':\n\t[^(\n]*One of: \(([^)]*)\)/.exec(HELP[path] ?? '');
  return m?.[1] ? m[1].split(', ') : [];
}

/** What `api-resources -o name --verbs=get` lists: each group/resource once. */
const GETTABLE_TYPES: readonly string[] = [
  ...new Set(
    API_RESOURCES.filter(
      (r) =>
        r.name !== 'bindings' && !r.name.endsWith('reviews') && !r.name.endsWith('accessreviews'),
    ).map(groupResourceName),
  ),
];

type ArgMode =
  | { kind: 'types'; allowed?: readonly string[]; repeat: boolean }
  | { kind: 'pod' }
  | { kind: 'none' };

const ROLLOUT_TYPES = ['deployment', 'daemonset', 'statefulset'];
const ARG_MODES: Record<string, ArgMode> = {
  get: { kind: 'types', repeat: true },
  describe: { kind: 'types', repeat: true },
  delete: { kind: 'types', repeat: true },
  scale: {
    kind: 'types',
    allowed: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'],
    repeat: true,
  },
  expose: {
    kind: 'types',
    allowed: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'],
    repeat: false,
  },
  'set image': {
    kind: 'types',
    allowed: [
      'daemonsets',
      'deployments',
      'pods',
      'cronjobs',
      'replicasets',
      'replicationcontrollers',
      'statefulsets',
    ],
    repeat: true,
  },
  logs: { kind: 'pod' },
  ...Object.fromEntries(
    ['history', 'pause', 'restart', 'resume', 'status', 'undo'].map((verb) => [
      `rollout ${verb}`,
      { kind: 'types', allowed: ROLLOUT_TYPES, repeat: true } satisfies ArgMode,
    ]),
  ),
};

/** The resources that hold pods, offered as `type/` by logs (doPodResourceCompletion). */
const WITH_PODS = [
  'daemonsets',
  'deployments',
  'pods',
  'jobs',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
];

interface Parsed {
  path: string;
  command: KubectlCommand | undefined;
  positional: string[];
  /** Long names of the flags given. */
  given: Set<string>;
  values: Map<string, string>;
  /** The flag whose value the current word is, if any. */
  pendingFlag: FlagSpec | undefined;
}

function findFlag(word: string, specs: readonly FlagSpec[]): FlagSpec | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0];
    return specs.find((s) => s.name === name);
  }
  return specs.find((s) => s.short === word[1]);
}

/** Walks the words before the current one as cobra does: command path, flags, arguments. */
function parseArgs(args: readonly string[]): Parsed {
  let path = '';
  const positional: string[] = [];
  const given = new Set<string>();
  const values = new Map<string, string>();
  let pendingFlag: FlagSpec | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const specs = flagsOf(byPath.get(path));
    if (pendingFlag) {
      values.set(pendingFlag.name, a);
      pendingFlag = undefined;
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '--') {
      const spec = findFlag(a, specs);
      if (!spec) continue;
      given.add(spec.name);
      const eq = a.indexOf('=');
      const attached = a.startsWith('--') ? (eq >= 0 ? a.slice(eq + 1) : undefined) : a.slice(2);
      if (spec.type === 'bool' || spec.noOptDefVal !== undefined) continue;
      if (attached !== undefined && attached !== '')
        values.set(spec.name, attached.replace(/^=/, ''));
      else pendingFlag = spec;
      continue;
    }
    const candidate = path ? `${path} ${a}` : a;
    if (positional.length === 0 && isCommandPath(candidate)) {
      path = byPath.get(candidate)?.path ?? candidate;
      continue;
    }
    positional.push(a);
  }
  return { path, command: byPath.get(path), positional, given, values, pendingFlag };
}

function namesOf(session: Session, type: string, namespace: string): string[] {
  const kind: Kind | undefined = resolveKind(type);
  if (!kind) return [];
  const objects = reader(session.world).list(kind, KINDS[kind].namespaced ? namespace : undefined);
  return objects.map((o) => o.metadata?.name ?? '').filter((n) => n !== '');
}

function containersOf(session: Session, pod: string, namespace: string): string[] {
  if (pod.includes('/')) return [];
  const p = reader(session.world).get('Pod', namespace, pod);
  return [...(p?.spec?.initContainers ?? []), ...(p?.spec?.containers ?? [])].map((c) => c.name);
}

function flagValues(flag: FlagSpec, p: Parsed, session: Session, namespace: string): string[] {
  switch (flag.name) {
    case 'namespace':
      return namesOf(session, 'namespaces', namespace);
    case 'output':
      // Only get registers a completion function for -o.
      return p.path === 'get' ? outputFormats('get') : [];
    case 'container':
      return p.path === 'logs' && p.positional[0]
        ? containersOf(session, p.positional[0], namespace)
        : [];
    default:
      return [];
  }
}

function flagNames(specs: readonly FlagSpec[], current: string): string[] {
  const out: string[] = [];
  for (const s of specs) {
    const long = `--${s.name}`;
    const takesValue = s.type !== 'bool' && s.noOptDefVal === undefined;
    if (long.startsWith(current)) out.push(takesValue ? `${long}=` : long);
    if (s.short && `-${s.short}`.startsWith(current)) out.push(`-${s.short}`);
  }
  return out;
}

function difference(all: string[], taken: readonly string[]): string[] {
  return all.filter((c) => !taken.includes(c));
}

function typeList(mode: { allowed?: readonly string[] }, current: string): string[] {
  if (mode.allowed) return mode.allowed.filter((t) => t.startsWith(current));
  // A comma-separated list completes its last element (compGetResourceList).
  const comma = current.lastIndexOf(',');
  const prefix = current.slice(0, comma + 1);
  return GETTABLE_TYPES.filter((t) => t.startsWith(current.slice(comma + 1))).map(
    (t) => `${prefix}${t}`,
  );
}

function typeAndName(
  mode: Extract<ArgMode, { kind: 'types' }>,
  args: readonly string[],
  current: string,
  session: Session,
  namespace: string,
): string[] {
  const first = args[0];
  if (first !== undefined && !first.includes('/')) {
    if (!mode.repeat && args.length > 1) return [];
    return difference(namesOf(session, first, namespace), args.slice(1));
  }
  const slash = current.indexOf('/');
  if (slash < 0) {
    if (args.length === 0) return typeList(mode, current);
    return mode.repeat ? typeList(mode, current).map((t) => `${t}/`) : [];
  }
  if (!mode.repeat && args.length > 0) return [];
  const type = current.slice(0, slash);
  const names = namesOf(session, type, namespace).map((n) => `${type}/${n}`);
  return difference(names, args);
}

function podOrResource(current: string, session: Session, namespace: string): string[] {
  const slash = current.indexOf('/');
  if (slash >= 0) {
    const type = current.slice(0, slash);
    return namesOf(session, type, namespace).map((n) => `${type}/${n}`);
  }
  return [
    ...namesOf(session, 'pods', namespace),
    ...WITH_PODS.filter((r) => r.startsWith(current)).map((r) => `${r}/`),
  ];
}

/** kubectl's completion: `args` are the words after `kubectl`, the last one being completed. */
export function completeKubectl(args: readonly string[], session: Session): string[] {
  const current = args[args.length - 1] ?? '';
  const p = parseArgs(args.slice(0, -1));
  const namespace = p.values.get('namespace') || 'default';
  const specs = flagsOf(p.command);

  if (p.pendingFlag) return flagValues(p.pendingFlag, p, session, namespace);
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq >= 0) {
      const spec = current.startsWith('--') ? findFlag(current.slice(0, eq), specs) : undefined;
      const prefix = current.slice(0, eq + 1);
      return spec ? flagValues(spec, p, session, namespace).map((v) => `${prefix}${v}`) : [];
    }
    const required = requiredFlags(p.command).filter((f) => !p.given.has(f));
    const requiredSpecs = specs.filter((s) => required.includes(s.name));
    const req = flagNames(requiredSpecs, current);
    if (req.length > 0) return req;
    // A flag already given is not offered again, unless it may be repeated.
    return flagNames(
      specs.filter((s) => !p.given.has(s.name) || s.type === 'stringArray'),
      current,
    );
  }

  const out: string[] = [];
  if (p.positional.length === 0) out.push(...subcommands(p.path));
  const required = requiredFlags(p.command).filter((f) => !p.given.has(f));
  out.push(
    ...flagNames(
      specs.filter((s) => required.includes(s.name)),
      current,
    ).filter((f) => f.startsWith('--')),
  );
  const mode = ARG_MODES[p.path] ?? { kind: 'none' };
  if (mode.kind === 'types')
    out.push(...typeAndName(mode, p.positional, current, session, namespace));
  else if (mode.kind === 'pod') {
    if (p.positional.length === 0) out.push(...podOrResource(current, session, namespace));
    else if (p.positional.length === 1)
      out.push(...containersOf(session, p.positional[0] as string, namespace));
  }
  return out.filter((c) => c.startsWith(current));
}

/** Branch names of the repository around the current directory, read from its refs. */
function localBranches(session: Session): string[] {
  let at = cwdOf(session);
  for (;;) {
    const heads = `${at === '/' ? '' : at}/.git/refs/heads`;
    const list = readDir(session.world.files, heads);
    if (list.ok) return list.value;
    if (at === '/') return [];
    at = at.slice(0, at.lastIndexOf('/')) || '/';
  }
}

const BRANCH_TAKERS = new Set(['checkout', 'switch', 'merge', 'branch', 'rebase', 'log', 'diff']);

/** git's completion: subcommands first, then branch names where a branch fits, and files. */
export function completeGit(args: readonly string[], session: Session): string[] {
  const current = args.at(-1) ?? '';
  if (args.length === 1) return GIT_COMMANDS.filter((c) => c.startsWith(current));
  const sub = args[0] ?? '';
  const branches = BRANCH_TAKERS.has(sub)
    ? localBranches(session).filter((b) => b.startsWith(current))
    : [];
  return [...branches, ...completePaths(current, session)];
}
