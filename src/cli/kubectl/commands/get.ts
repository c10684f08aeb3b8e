// kubectl get: resolves the arguments as the resource builder does, asks the (simulated) API
// server for tables or objects, and prints them as kubectl v1.32 does.
// - Flow, messages, blank lines between kinds, `No resources found`: staging/src/k8s.io/kubectl/
//   pkg/cmd/get/get.go (Complete, Validate, Run, printGeneric); flags: get_flags.go,
//   humanreadable_flags.go.
// - Arguments: staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs,
//   visitBySelector, visitByResource, visitByName).
// - Errors: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, MultipleErrors).
import { manifestGetPlan } from './apply-files';
import type { Run } from '../../program';
import { printTable } from '../../printers/getTable';
import { parseCustomColumns, printCustomColumns } from '../../printers/customColumns';
import type { KubectlCommand, KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import { parseOutputFormat, printObjects } from '../output';
import { sameType } from './get-server';
import type { Fetched, GetError, GetPlan, GetPrintOptions } from './get-request';
import { fetchAll, formatErrors, labelColumns, planRequests, tableFor } from './get-request';
import { sortByField } from './get-sort';
import { watchGet } from './get-watch';

export const GET_FLAGS: readonly FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'server-print', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
];

const MISSING_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';
const MISSING_TYPE_USAGE =
  'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).';

interface GetOptions extends GetPrintOptions {
  outputText: string;
  ignoreNotFound: boolean;
}

function printHuman(
  ctx: KubectlContext,
  fetched: Fetched[],
  errors: GetError[],
  o: GetOptions,
): number {
  const labels = labelColumns(ctx);
  const multipleTypes = fetched.some((f) => !sameType(f.type, (fetched[0] as Fetched).type));
  const wide = o.format.kind === 'wide';
  // Each result is one server table; --sort-by sorts a table of two rows or more, and a table it
  // cannot sort is not printed at all (kubectl ignores the printer's error).
  const tables = fetched.map((f) => {
    if (!o.sortBy || f.objects.length < 2) return f;
    const sorted = sortByField(f.objects, o.sortBy, (obj) => obj);
    return { type: f.type, objects: sorted.ok ? sorted.items : [] };
  });
  // Consecutive results of one type share a printer: one header, one aligned table.
  const groups: Fetched[] = [];
  for (const f of tables) {
    const last = groups[groups.length - 1];
    if (last && sameType(last.type, f.type)) for (const o of f.objects) last.objects.push(o);
    else groups.push({ type: f.type, objects: [...f.objects] });
  }
  let written = 0;
  let separate = false;
  let first = true;
  for (const g of groups) {
    if (!first && !o.noHeaders && written > 0) separate = true;
    first = false;
    if (!g.type.kind || g.objects.length === 0) continue;
    const text = printTable(
      g.type.kind,
      tableFor(g.type, g.objects, ctx.now, labels, o.serverPrint),
      {
        wide,
        showLabels: o.showLabels,
        withNamespace: o.allNamespaces,
        withKind: o.showKind || multipleTypes,
        noHeaders: o.noHeaders,
      },
    );
    if (text === '') continue;
    ctx.out(separate ? `\n${text}` : text);
    separate = false;
    written += text.length;
  }
  if (written === 0 && !o.ignoreNotFound && errors.length === 0) {
    const allNamespaced = !o.allNamespaces && fetched.every((f) => f.type.namespaced);
    ctx.err(
      allNamespaced
        ? `No resources found in ${ctx.namespace} namespace.\n`
        : 'No resources found\n',
    );
  }
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

/** `-o yaml|json|name|jsonpath|custom-columns` (printGeneric). */
function printGeneric(
  ctx: KubectlContext,
  plan: GetPlan,
  fetched: Fetched[],
  errors: GetError[],
  o: GetOptions,
): number {
  if (errors.length > 0 && plan.singleItemImplied) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  let objects = fetched.flatMap((f) => f.objects);
  if (objects.length === 0 && o.ignoreNotFound) {
    if (errors.length > 0) ctx.err(formatErrors(errors));
    return errors.length > 0 ? 1 : 0;
  }
  const fail = (text: string): number => {
    ctx.err(formatErrors([...errors, { text, status: false }]));
    return 1;
  };
  if (o.format.kind === 'default' || o.format.kind === 'wide')
    return fail('unexpected output format');
  const single = plan.singleItemImplied && objects.length === 1;
  if (o.sortBy && !single) {
    const sorted = sortByField(
      objects,
      o.sortBy,
      (obj) => JSON.parse(JSON.stringify(obj)) as unknown,
    );
    if (!sorted.ok) return fail(sorted.error);
    objects = sorted.items;
  }
  if (o.format.kind === 'custom-columns') {
    const spec = parseCustomColumns(o.format.spec);
    if (!spec.ok) return fail(spec.error);
    const data = single ? [objects[0]] : objects;
    const r = printCustomColumns(
      spec.columns,
      data.map((x) => JSON.parse(JSON.stringify(x)) as unknown),
      { noHeaders: o.noHeaders },
    );
    ctx.out(r.output);
    if (!r.ok) return fail(r.error);
  } else {
    const printed = printObjects(objects, o.format, { single, noHeaders: o.noHeaders });
    if (!printed.ok) return fail(printed.error);
    ctx.out(printed.text);
  }
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

function run(ctx: KubectlContext): number | Run {
  const f = ctx.flags;
  const args = ctx.args;
  const watch = f.bool('watch');
  const watchOnly = f.bool('watch-only');
  const sortBy = f.str('sort-by');
  const outputText = f.str('output');
  const raw = f.str('raw');
  if (raw) {
    if (args.length > 0) return ctx.fail('arguments may not be passed when --raw is specified');
  } else if (watch) {
    if (sortBy)
      ctx.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  } else if (watchOnly) {
    if (sortBy) ctx.err('warning: --watch-only requested, --sort-by will be ignored\n');
  } else if (args.length === 0 && f.list('filename').length === 0 && !f.str('kustomize')) {
    ctx.err(MISSING_TYPE);
    return ctx.helpError(MISSING_TYPE_USAGE);
  }
  if (raw) {
    if (watch || watchOnly || f.str('selector'))
      return ctx.fail(
        '--raw may not be specified with other flags that filter the server request or alter the output',
      );
    if (outputText) return ctx.fail('--raw and --output are mutually exclusive');
    return ctx.fail('--raw is not supported by this simulator');
  }
  if (f.bool('show-labels') && outputText !== '' && outputText !== 'wide')
    return ctx.fail(`--show-labels option cannot be used with ${outputText} printer`);
  if (f.bool('output-watch-events') && !(watch || watchOnly))
    return ctx.fail('--output-watch-events option can only be used with --watch or --watch-only');
  const files = f.list('filename');
  const fromFiles = files.length > 0 ? manifestGetPlan(ctx) : undefined;
  if (fromFiles && !fromFiles.ok) {
    ctx.err(fromFiles.message);
    return 1;
  }
  const kustomize = f.str('kustomize');
  if (kustomize) {
    const path = kustomize.startsWith('/')
      ? kustomize
      : `${ctx.session.env['HOME'] ?? ''}/${kustomize}`;
    ctx.err(
      `error: must build at directory: not a valid directory: evalsymlink failure on '${kustomize}' : lstat ${path}: no such file or directory\n`,
    );
    return 1;
  }
  const allNamespaces = f.bool('all-namespaces');
  const trimmed = (name: string): string | undefined => {
    const v = f.str(name).trim();
    return v === '' ? undefined : v;
  };
  const planned = fromFiles
    ? { ok: true as const, plan: fromFiles.plan }
    : planRequests(args, {
        reader: ctx.reader,
        labelSelector: trimmed('selector'),
        fieldSelector: trimmed('field-selector'),
        allNamespaces,
        singleType: watch || watchOnly,
      });
  if (!planned.ok) return ctx.fail(planned.error);
  const plan = planned.plan;
  const output = parseOutputFormat(outputText);
  const opts: GetOptions = {
    format: output.ok ? output.format : { kind: 'default' },
    outputText,
    noHeaders: f.bool('no-headers'),
    showLabels: f.bool('show-labels'),
    showKind: f.bool('show-kind'),
    sortBy,
    allNamespaces,
    ignoreNotFound: f.bool('ignore-not-found'),
    serverPrint: f.bool('server-print', true),
  };
  const query = {
    namespace: fromFiles ? fromFiles.namespace : allNamespaces ? undefined : ctx.namespace,
    labelSelector: trimmed('selector') ?? '',
    fieldSelector: trimmed('field-selector') ?? '',
  };
  if (watch || watchOnly) {
    if (!output.ok) return ctx.fail(output.error);
    return watchGet(ctx, plan, query, {
      ...opts,
      watchOnly,
      outputWatchEvents: f.bool('output-watch-events'),
    });
  }
  const { fetched, errors } = fetchAll(ctx, plan, {
    ...query,
    ignoreNotFound: opts.ignoreNotFound,
  });
  const human = outputText === '' || outputText === 'wide';
  if (!human && !output.ok) {
    if (errors.length > 0 && plan.singleItemImplied) {
      ctx.err(formatErrors(errors));
      return 1;
    }
    ctx.err(formatErrors([...errors, { text: output.error, status: false }]));
    return 1;
  }
  return human
    ? printHuman(ctx, fetched, errors, opts)
    : printGeneric(ctx, plan, fetched, errors, opts);
}

export const getCommands: KubectlCommand[] = [
  {
    path: 'get',
    summary: 'display one or many resources',
    flags: GET_FLAGS,
    run,
  },
];
