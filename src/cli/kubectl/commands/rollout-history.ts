// kubectl rollout history (kubectl pkg/cmd/rollout/rollout_history.go) and the Deployment history
// viewer (pkg/polymorphichelpers/history.go): one row per ReplicaSet, keyed by its revision.
import { revisionOf, sameTemplate } from '../../../engine/k8s/controllers/deploymentutil';
import { fromLabelSelector, matches } from '../../../engine/k8s/labels';
import type {
  Deployment,
  Kind,
  ObjectReader,
  PodTemplateSpec,
  ReplicaSet,
} from '../../../engine/k8s/types';
import { tabwrite } from '../../printers/table';
import type { KubectlCommand, KubectlContext } from '../command';
import { nameOf, parseOutputFormat } from '../output';
import type { KubectlError } from './rollout-builder';
import { groupKind, hasFilenames, plain, reportErrors, resolveTargets } from './rollout-builder';
import { ObjectPrinter, OUTPUT_FORMATS, printTemplate } from './rollout-print';
import { CHANGE_CAUSE } from './setimage';

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const t =
    Date.parse(a.metadata?.creationTimestamp ?? '') -
    Date.parse(b.metadata?.creationTimestamp ?? '');
  if (t) return t;
  const [x, y] = [a.metadata?.name ?? '', b.metadata?.name ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * deploymentutil.GetAllReplicaSets as the rollout helpers use it: the ReplicaSets the
 * Deployment's selector finds and that it controls, old ones by creation time, the new one (the
 * first whose template equals the Deployment's, ignoring the hash label) last.
 */
export function replicaSetsOf(reader: ObjectReader, d: Deployment): ReplicaSet[] {
  const selector = fromLabelSelector(d.spec?.selector);
  const owned = reader
    .list('ReplicaSet', d.metadata?.namespace)
    .filter((rs) => matches(selector, rs.metadata?.labels))
    .filter((rs) =>
      rs.metadata?.ownerReferences?.some((r) => r.controller && r.uid === d.metadata?.uid),
    )
    .sort(byCreation);
  const newRS = owned.find((rs) => sameTemplate(rs.spec?.template, d.spec?.template));
  return newRS ? [...owned.filter((rs) => rs !== newRS), newRS] : owned;
}

/** deploymentutil.Revision: a missing annotation is revision 0; an unreadable one is skipped. */
export function revisionKey(rs: ReplicaSet): number | undefined {
  const v = rs.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? revisionOf(rs) : undefined;
}

/** The history viewer kubectl picks for a kind (HistoryViewerFor), or its error. */
export function viewerError(
  kind: Kind,
  what: 'history viewer' | 'rollbacker',
): KubectlError | undefined {
  if (kind === 'Deployment') return undefined;
  const gk = groupKind(kind);
  if (kind === 'ReplicaSet' || kind === 'Pod')
    return plain(`no ${what} has been implemented for "${gk}"`);
  const noun = what === 'history viewer' ? 'history' : 'rollbacker';
  const group = gk.includes('.') ? gk.slice(gk.indexOf('.') + 1) : '';
  return plain(
    `error retrieving ${noun} for "${gk}", no visitor method exists for {${group} ${kind}}`,
  );
}

/** Go's panic when kubectl prints the missing revision with -o (rollout_history.go prints nil). */
function panicTrace(format: string): string {
  const printer: Record<string, string> = {
    yaml: 'k8s.io/cli-runtime/pkg/printers.(*YAMLPrinter).PrintObj(0xc00062fc90, {0x0, 0x0}, {0x278c880, 0xc00011e028})\n\tk8s.io/cli-runtime/pkg/printers/yaml.go:45 +0x139\n',
    json: 'k8s.io/cli-runtime/pkg/printers.(*JSONPrinter).PrintObj(0x39eef30?, {0x0, 0x0}, {0x278c880, 0xc00011e028})\n\tk8s.io/cli-runtime/pkg/printers/json.go:39 +0x126\n',
    name: 'k8s.io/cli-runtime/pkg/printers.(*NamePrinter).PrintObj(0xc0008fab10, {0x0?, 0x0?}, {0x278c880, 0xc00011e028})\n\tk8s.io/cli-runtime/pkg/printers/name.go:55 +0x165\n',
    jsonpath:
      'k8s.io/cli-runtime/pkg/printers.(*JSONPathPrinter).PrintObj(0xc0008aa420, {0x0, 0x0}, {0x278c880, 0xc00011e028})\n\tk8s.io/cli-runtime/pkg/printers/jsonpath.go:122 +0x139\n',
  };
  const managed =
    format === 'yaml' || format === 'json'
      ? 'k8s.io/cli-runtime/pkg/printers.(*OmitManagedFieldsPrinter).PrintObj(0x4708cb?, {0x0?, 0x0?}, {0x278c880?, 0xc00011e028?})\n\tk8s.io/cli-runtime/pkg/printers/managedfields.go:47 +0x116\n'
      : '';
  const typeSetter =
    format === 'name'
      ? ''
      : 'k8s.io/cli-runtime/pkg/printers.(*TypeSetterPrinter).PrintObj(0x1f404a0?, {0x0?, 0x0?}, {0x278c880?, 0xc00011e028?})\n\tk8s.io/cli-runtime/pkg/printers/typesetter.go:43 +0x23c\n';
  return (
    'panic: reflect: call of reflect.Value.Type on zero Value\n\ngoroutine 1 [running]:\n' +
    'reflect.Value.abiTypeSlow({0x0?, 0x0?, 0x10?})\n\treflect/value.go:2702 +0xee\n' +
    'reflect.Value.typeSlow({0x0?, 0x0?, 0x30?})\n\treflect/value.go:2690 +0x1d\n' +
    'reflect.Value.Type(...)\n\treflect/value.go:2685\n' +
    (printer[format] ?? printer['yaml']) +
    managed +
    typeSetter +
    'k8s.io/kubectl/pkg/cmd/rollout.(*RolloutHistoryOptions).Run.func1(0xc00061b300, {0x0?, 0x0?})\n\tk8s.io/kubectl/pkg/cmd/rollout/rollout_history.go:180 +0x17e\n' +
    'k8s.io/cli-runtime/pkg/resource.(*DecoratedVisitor).Visit.DecoratedVisitor.Visit.func1(0xc00061b300, {0x0?, 0x0?})\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:368 +0xa8\n' +
    'k8s.io/cli-runtime/pkg/resource.ContinueOnErrorVisitor.Visit.func1(0x13?, {0x0?, 0x0?})\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:392 +0xe2\n' +
    'k8s.io/cli-runtime/pkg/resource.(*FlattenListVisitor).Visit.FlattenListVisitor.Visit.func1(0x18?, {0x0?, 0x0?})\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:429 +0xed\n' +
    'k8s.io/cli-runtime/pkg/resource.EagerVisitorList.Visit.func1(0x18?, {0x0?, 0x0?})\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:246 +0xe2\n' +
    'k8s.io/cli-runtime/pkg/resource.(*Info).Visit(0x7f154e9bc108?, 0xc000011680?)\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:96 +0x1a\n' +
    'k8s.io/cli-runtime/pkg/resource.EagerVisitorList.Visit({0xc00064e580, 0x1, 0x2065b40?}, 0xc000648240)\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:241 +0xee\n' +
    'k8s.io/cli-runtime/pkg/resource.FlattenListVisitor.Visit(...)\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:424\n' +
    'k8s.io/cli-runtime/pkg/resource.ContinueOnErrorVisitor.Visit({{0x278e260?, 0xc000644db0?}}, 0xc000648200)\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:387 +0xc5\n' +
    'k8s.io/cli-runtime/pkg/resource.DecoratedVisitor.Visit(...)\n\tk8s.io/cli-runtime/pkg/resource/visitor.go:359\n' +
    'k8s.io/cli-runtime/pkg/resource.(*Result).Visit(0xc00061a700, 0x1?)\n\tk8s.io/cli-runtime/pkg/resource/result.go:99 +0x39\n' +
    'k8s.io/kubectl/pkg/cmd/rollout.(*RolloutHistoryOptions).Run(0xc0001b29a0)\n\tk8s.io/kubectl/pkg/cmd/rollout/rollout_history.go:164 +0x407\n' +
    'k8s.io/kubectl/pkg/cmd/rollout.NewCmdRolloutHistory.func1(0xc00055e008?, {0xc00085d800?, 0x1?, 0x6?})\n\tk8s.io/kubectl/pkg/cmd/rollout/rollout_history.go:93 +0x6f\n' +
    'github.com/spf13/cobra.(*Command).execute(0xc00055e008, {0xc00085d7a0, 0x6, 0x6})\n\tgithub.com/spf13/cobra@v1.8.1/command.go:989 +0xa91\n' +
    'github.com/spf13/cobra.(*Command).ExecuteC(0xc00032e308)\n\tgithub.com/spf13/cobra@v1.8.1/command.go:1117 +0x3ff\n' +
    'github.com/spf13/cobra.(*Command).Execute(...)\n\tgithub.com/spf13/cobra@v1.8.1/command.go:1041\n' +
    'k8s.io/component-base/cli.run(0xc00032e308)\n\tk8s.io/component-base/cli/run.go:143 +0x245\n' +
    'k8s.io/component-base/cli.RunNoErrOutput(...)\n\tk8s.io/component-base/cli/run.go:82\n' +
    'main.main()\n\tk8s.io/kubernetes/cmd/kubectl/kubectl.go:30 +0x18\n'
  );
}

const HISTORY_TABWRITER = {
  minWidth: 0,
  tabWidth: 8,
  padding: 2,
  padChar: ' ',
  rememberWidths: false,
} as const;

/** DeploymentHistoryViewer.ViewHistory: the table, one revision's template, or an error. */
function viewHistory(
  sets: readonly ReplicaSet[],
  revision: number,
): { text: string } | { error: KubectlError } {
  const history = new Map<number, PodTemplateSpec>();
  for (const rs of sets) {
    const v = revisionKey(rs);
    if (v === undefined) continue;
    const template: PodTemplateSpec = {
      ...rs.spec?.template,
      metadata: { ...rs.spec?.template?.metadata },
    };
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
    template.metadata = {
      ...template.metadata,
      annotations: {
        ...template.metadata?.annotations,
        ...(cause ? { [CHANGE_CAUSE]: cause } : {}),
      },
    };
    history.set(v, template);
  }
  if (history.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const template = history.get(revision);
    return template
      ? { text: printTemplate(template) }
      : { error: plain('unable to find the specified revision') };
  }
  const rows = [...history.keys()]
    .sort((a, b) => a - b)
    .map((r) => `${r}\t${history.get(r)?.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return { text: tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, HISTORY_TABWRITER) };
}

function runHistory(ctx: KubectlContext): number {
  if (ctx.args.length === 0 && !hasFilenames(ctx))
    return ctx.fail('required resource not specified');
  const revision = ctx.flags.int('revision', 0);
  if (revision < 0) return ctx.fail(`revision must be a positive integer: ${revision}`);
  const resolved = resolveTargets(ctx, ctx.args, { allowEmptySelector: true });
  if (!resolved.ok) return reportErrors(ctx, resolved.errors);
  const errors: KubectlError[] = [];
  const outputText = ctx.flags.str('output');
  if (outputText) {
    const output = parseOutputFormat(outputText, OUTPUT_FORMATS);
    if (!output.ok) return ctx.fail(output.error);
    const printer = new ObjectPrinter(ctx, output.format, '');
    for (const v of resolved.visits) {
      if ('error' in v) {
        errors.push(v.error);
        continue;
      }
      const bad = viewerError(v.target.kind, 'history viewer');
      if (bad) {
        errors.push(bad);
        continue;
      }
      const byRevision = new Map<number, ReplicaSet>();
      for (const rs of replicaSetsOf(ctx.reader, v.target.obj as Deployment)) {
        const r = revisionKey(rs);
        if (r !== undefined) byRevision.set(r, rs);
      }
      if (revision > 0) {
        const rs = byRevision.get(revision);
        if (!rs) {
          ctx.err(panicTrace(output.format.kind));
          return 2;
        }
        printer.print(rs);
      } else {
        for (const r of [...byRevision.keys()].sort((a, b) => a - b))
          printer.print(byRevision.get(r) as ReplicaSet);
      }
    }
    return reportErrors(ctx, [...errors, ...printer.errors]);
  }
  for (const v of resolved.visits) {
    if ('error' in v) {
      errors.push(v.error);
      continue;
    }
    const bad = viewerError(v.target.kind, 'history viewer');
    if (bad) {
      errors.push(bad);
      continue;
    }
    const sets = replicaSetsOf(ctx.reader, v.target.obj as Deployment);
    const viewed = viewHistory(sets, revision);
    if ('error' in viewed) {
      errors.push(viewed.error);
      continue;
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    ctx.out(`${nameOf(v.target.obj)} ${withRevision}\n${viewed.text}\n`);
  }
  return reportErrors(ctx, errors);
}

export const historyCommand: KubectlCommand = {
  path: 'rollout history',
  summary: 'view rollout history',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  run: runHistory,
};
