// kubectl label and kubectl annotate (kubectl pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go,
// pkg/cmd/util/helpers.go GetResourcesAndPairs and ParsePairs). Both edit one metadata map with
// KEY=VAL and KEY- pairs and send the change as a JSON merge patch; they differ in how pairs are
// parsed, in their error wording, and in what they print (label reports labeled / unlabeled /
// not labeled and prints the object it computed; annotate always says annotated and prints the
// server's answer).
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import type { StatusError } from '../../../engine/k8s/errors';
import { invalid, notFound } from '../../../engine/k8s/errors';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { qualifiedResource } from '../../../engine/k8s/types';
import type { KubectlCommand, KubectlContext } from '../command';
import { GLOBAL_FLAGS } from '../command';
import type { FlagSpec } from '../flags';
import type { OutputFormat } from '../output';
import { parseOutputFormat } from '../output';
import type { Item } from './metadata-targets';
import { canonicalJson, collectItems, printItem } from './metadata-targets';
import { annotationCauses, labelCauses, labelValueErrors } from './metadata-validation';
import type { KubectlError } from './rollout-builder';
import { dryRunStrategy, dryRunSuffix, plain, reportErrors } from './rollout-builder';
import { OUTPUT_FORMATS } from './rollout-print';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type Pairs =
  { ok: true; set: Map<string, string>; remove: string[] } | { ok: false; error: string };

interface Mode {
  path: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  noun: 'label' | 'annotation';
  parse(pairs: readonly string[]): Pairs;
  overwriteError(
    current: Record<string, string>,
    set: Map<string, string>,
  ): KubectlError | undefined;
  files: string;
}

/** parseLabels: `k=v` splits on every '=', values are checked here; `k-` removes. */
function parseLabels(pairs: readonly string[]): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (parts.length !== 2) return { ok: false, error: `invalid label spec: ${p}` };
      const errs = labelValueErrors(parts[1] as string);
      if (errs.length > 0)
        return { ok: false, error: `invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}` };
      set.set(parts[0] as string, parts[1] as string);
    } else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else return { ok: false, error: `unknown label spec: ${p}` };
  }
  if (remove.some((r) => set.has(r)))
    return { ok: false, error: 'can not both modify and remove a label in the same command' };
  return { ok: true, set, remove };
}

/** cmdutil.ParsePairs with removal, then validateAnnotations. */
function parseAnnotations(pairs: readonly string[]): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const bad: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) {
      const i = p.indexOf('=');
      set.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else bad.push(p);
  }
  if (bad.length > 0) return { ok: false, error: `invalid annotation format: ${bad.join(', ')}` };
  return { ok: true, set, remove };
}

const conflicts = (current: Record<string, string>, set: Map<string, string>) =>
  [...set.keys()]
    .sort()
    .filter((k) => k in current && current[k] !== set.get(k))
    .map((k) => [k, current[k] as string] as const);

const LABEL: Mode = {
  path: 'label',
  field: 'labels',
  noun: 'label',
  parse: parseLabels,
  overwriteError(current, set) {
    const errs = conflicts(current, set).map(
      ([k, v]) => `'${k}' already has a value (${v}), and --overwrite is false`,
    );
    // validateNoOverwrites returns an aggregate: several are printed one a line, unprefixed.
    if (errs.length === 0) return undefined;
    return errs.length === 1 ? plain(errs[0] as string) : { errors: errs.map(plain) };
  },
  files: 'pod.yaml or --filename=pod.json',
};

const ANNOTATE: Mode = {
  path: 'annotate',
  field: 'annotations',
  noun: 'annotation',
  parse: parseAnnotations,
  overwriteError(current, set) {
    const found = conflicts(current, set).filter(([k]) => k !== 'kubernetes.io/change-cause');
    if (found.length === 0) return undefined;
    return plain(
      `--overwrite is false but found the following declared annotation(s): ${found
        .map(([k, v]) => `'${k}' already has a value (${v})`)
        .join('; ')}`,
    );
  },
  files: 'rsrc.yaml or --filename=rsrc.json',
};

/** GetResourcesAndPairs: resources first, then KEY=VAL / KEY- pairs. */
function splitPairs(args: readonly string[], noun: string) {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0)
      return {
        ok: false as const,
        error: `all resources must be specified before ${noun} changes: ${s}`,
      };
    else resources.push(s);
  }
  return { ok: true as const, resources, pairs };
}

type Meta = { metadata?: Record<string, unknown> };

function mapOf(obj: object, field: string): Record<string, string> {
  return { ...((obj as Meta).metadata?.[field] as Record<string, string> | undefined) };
}

/** labelFunc / updateAnnotations on a copy of the object. */
function edit(
  mode: Mode,
  obj: Record<string, unknown>,
  set: Map<string, string>,
  remove: readonly string[],
  overwrite: boolean,
  resourceVersion: string,
): { ok: true; obj: Record<string, unknown> } | { ok: false; error: KubectlError } {
  const current = mapOf(obj, mode.field);
  if (!overwrite) {
    const e = mode.overwriteError(current, set);
    if (e) return { ok: false, error: e };
  }
  for (const [k, v] of set) current[k] = v;
  for (const k of remove) delete current[k];
  const metadata = { ...(obj as Meta).metadata, [mode.field]: current };
  if (resourceVersion) metadata['resourceVersion'] = resourceVersion;
  return { ok: true, obj: { ...obj, metadata } };
}

function conflict(kind: Kind, name: string): StatusError {
  return {
    ok: false,
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind, true)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  };
}

/**
 * The PATCH: the edited labels and annotations replace the live ones; a --resource-version must
 * still be current.
 */
function patch(
  ctx: KubectlContext,
  mode: Mode,
  item: Item,
  kind: Kind,
  edited: Record<string, unknown>,
  resourceVersion: string,
  dryRun: boolean,
): KubeObject | StatusError {
  const name = String((item.obj as Meta).metadata?.['name'] ?? '');
  const manager = ctx.flags.str('field-manager', `kubectl-${mode.path}`);
  const result = ctx.transact(manager, (tx) => {
    const current = tx.get(kind, item.namespace, name);
    if (!current) return notFound(kind, name);
    if (resourceVersion && resourceVersion !== current.metadata?.resourceVersion)
      return conflict(kind, name);
    const metadata: Record<string, unknown> = { ...current.metadata };
    for (const field of ['labels', 'annotations']) {
      const next = mapOf(edited, field);
      if (Object.keys(next).length > 0) metadata[field] = next;
      else delete metadata[field];
    }
    const causes = [
      ...labelCauses(metadata['labels'] as Record<string, string> | undefined),
      ...annotationCauses(metadata['annotations'] as Record<string, string> | undefined),
    ];
    if (causes.length > 0) return invalid(kind, name, causes);
    const changed = { ...current, metadata } as KubeObject;
    if (dryRun) return { ok: false as const, dryRun: changed };
    return update(tx, kind, changed as never);
  });
  if ('dryRun' in result) return result.dryRun;
  return result as KubeObject | StatusError;
}

/**
 * --record's change-cause (cli-runtime genericclioptions/record_flags.go parseCommandArguments):
 * `kubectl`, the positional words, then each flag as typed, ` --name=value`.
 */
function changeCause(ctx: KubectlContext): string {
  const specs = [...GLOBAL_FLAGS, ...ctx.command.flags];
  const seen = new Map<string, number>();
  const flags = ctx.flags.given.map((name) => {
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    const type = specs.find((f) => f.name === name)?.type;
    const value =
      type === 'stringArray'
        ? ctx.flags.list(name)[n]
        : type === 'bool'
          ? String(ctx.flags.bool(name))
          : type === 'int'
            ? String(ctx.flags.int(name, 0))
            : ctx.flags.str(name);
    return ` --${name}=${value ?? ''}`;
  });
  return `kubectl ${[ctx.command.path, ...ctx.args].join(' ')}${flags.join('')}`;
}

function withChangeCause(obj: Record<string, unknown>, cause: string): Record<string, unknown> {
  const metadata = { ...(obj as Meta).metadata };
  metadata['annotations'] = { ...mapOf(obj, 'annotations'), [CHANGE_CAUSE]: cause };
  return { ...obj, metadata };
}

function listing(mode: Mode, obj: object, single: boolean): string {
  const map = mapOf(obj, mode.field);
  const indent = single ? '' : ' ';
  let text = '';
  if (!single) {
    const kind = String((obj as { kind?: unknown }).kind ?? '');
    const apiVersion = String((obj as { apiVersion?: unknown }).apiVersion ?? '');
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const name = String((obj as Meta).metadata?.['name'] ?? '');
    text += `Listing ${mode.field} for ${kind}.${group}/${name}:\n`;
  }
  // Go prints the map in no fixed order; sorted is one of the orders it may print.
  for (const k of Object.keys(map).sort()) text += `${indent}${k}=${map[k]}\n`;
  return text;
}

/** updateDataChangeMsg: compares the JSON before and after the edit. */
function labelMessage(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

function run(mode: Mode, ctx: KubectlContext): number {
  if (ctx.flags.has('record'))
    ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
  const outputText = ctx.flags.str('output');
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun.ok) return ctx.fail(dryRun.error);
  let format: OutputFormat | undefined;
  const parsedOutput = parseOutputFormat(outputText, OUTPUT_FORMATS);
  // annotate builds its printer before anything else; label only when it prints.
  if (mode === ANNOTATE) {
    if (!parsedOutput.ok) return ctx.fail(parsedOutput.error);
    format = parsedOutput.format;
  }
  const split = splitPairs(ctx.args, mode.noun);
  if (!split.ok) return ctx.fail(split.error);
  const pairs = mode.parse(split.pairs);
  if (!pairs.ok) return ctx.fail(pairs.error);
  const list = ctx.flags.bool('list');
  const local = ctx.flags.bool('local');
  const all = ctx.flags.bool('all');
  const overwrite = ctx.flags.bool('overwrite');
  const resourceVersion = ctx.flags.str('resource-version');
  const { resources } = split;
  if (list && outputText) return ctx.fail('--list and --output may not be specified together');
  if (all && ctx.flags.str('selector'))
    return ctx.fail('cannot set --all and --selector at the same time');
  if (all && ctx.flags.str('field-selector'))
    return ctx.fail('cannot set --all and --field-selector at the same time');
  const noFiles = ctx.flags.list('filename').length === 0 && !ctx.flags.str('kustomize');
  if (local) {
    if (dryRun.value === 'server')
      return ctx.fail(
        'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
      );
    if (resources.length > 0)
      return ctx.fail(`can only use local files by -f ${mode.files} when --local=true is set`);
    if (noFiles) return ctx.fail(`one or more files must be specified as -f ${mode.files}`);
  } else if (resources.length < 1 && noFiles)
    return ctx.fail(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (pairs.set.size < 1 && pairs.remove.length < 1 && !list)
    return ctx.fail(`at least one ${mode.noun} update is required`);
  if (mode === ANNOTATE) {
    const both = pairs.remove.filter((r) => pairs.set.has(r));
    if (both.length > 0)
      return ctx.fail(
        `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
      );
  }

  const items = collectItems(ctx, resources, { local, allowEmptySelector: all });
  if (!items.ok) return reportErrors(ctx, items.errors);
  if (!items.single && resourceVersion)
    return ctx.fail('--resource-version may only be used with a single resource');

  const cause = ctx.flags.bool('record') ? changeCause(ctx) : undefined;
  const errors: KubectlError[] = [];
  const separate = { count: 0 };
  const suffix = dryRunSuffix(dryRun.value);
  for (const visit of items.visits) {
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    const item = visit.item;
    const start = { ...item.obj };
    if (resourceVersion) {
      const metadata = { ...(start as Meta).metadata };
      delete metadata['resourceVersion'];
      start['metadata'] = metadata;
    }
    const before = canonicalJson(start);
    const serverSide = !(dryRun.value === 'client' || local || list) && item.kind !== undefined;
    if (serverSide && mode === LABEL) {
      const current = mapOf(start, mode.field);
      for (const r of pairs.remove)
        if (!(r in current)) ctx.out(`label ${JSON.stringify(r)} not found.\n`);
    }
    const recorded = serverSide && cause !== undefined && mode === ANNOTATE;
    const edited = edit(
      mode,
      recorded ? withChangeCause(start, cause) : start,
      pairs.set,
      pairs.remove,
      overwrite,
      resourceVersion,
    );
    if (!edited.ok) {
      errors.push(edited.error);
      continue;
    }
    if (serverSide && cause !== undefined && mode === LABEL)
      edited.obj = withChangeCause(edited.obj, cause);
    let printed: object = edited.obj;
    if (serverSide) {
      const answer = patch(
        ctx,
        mode,
        item,
        item.kind as Kind,
        edited.obj,
        resourceVersion,
        dryRun.value === 'server',
      );
      if (isStatusError(answer)) {
        errors.push({ status: answer });
        continue;
      }
      if (mode === ANNOTATE) printed = answer;
    }
    if (list) {
      ctx.out(listing(mode, edited.obj, items.single));
      continue;
    }
    const operation =
      mode === LABEL ? labelMessage(before, canonicalJson(edited.obj), overwrite) : 'annotated';
    if (!format) {
      if (!parsedOutput.ok) {
        errors.push(plain(parsedOutput.error));
        continue;
      }
      format = parsedOutput.format;
    }
    const e = printItem(
      ctx,
      format,
      item.name,
      printed as never,
      `${operation}${suffix}`,
      separate,
    );
    if (e) errors.push(e);
    // label makes a new printer for every object, so its YAML documents are not separated.
    if (mode === LABEL) separate.count = 0;
  }
  return reportErrors(ctx, errors);
}

const FLAGS: readonly FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

export const labelCommands: KubectlCommand[] = [
  {
    path: 'label',
    summary: 'update the labels on a resource',
    flags: FLAGS,
    run: (ctx) => run(LABEL, ctx),
  },
  {
    path: 'annotate',
    summary: 'update the annotations on a resource',
    flags: FLAGS,
    run: (ctx) => run(ANNOTATE, ctx),
  },
];
