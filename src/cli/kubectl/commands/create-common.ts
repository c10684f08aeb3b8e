// What create, expose and delete share: kubectl's dry-run and --validate flags
// (pkg/cmd/util/helpers.go GetDryRunStrategy, GetValidationDirective), klog warning lines, the
// printers of created objects (cli-runtime PrintFlags: name printer `<kind>/<name> <operation>`,
// typed or unstructured json/yaml), --save-config and the builder's -f errors.
import type { KubeObject } from '../../../engine/k8s/types';
import { parseCommand } from '../../shell/parse';
import type { KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { nameOf, parseOutputFormat, printObjects } from '../output';
import type { TypedKind } from './create-gotypes';
import { goCompactJson, typedObject } from './create-gotypes';

export const OUTPUT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export type DryRun = 'none' | 'client' | 'server';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The process id klog prints in its header; any fixed number does, as long as it is stable. */
export const KLOG_PID = 48213;

/** A klog warning line (`W0115 09:00:00.000000   48213 helpers.go:716] …`) on stderr. */
export function klogWarning(ctx: KubectlContext, source: string, message: string): void {
  const d = new Date(ctx.now);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  ctx.err(`W${stamp} ${String(KLOG_PID).padStart(7)} ${source}] ${message}\n`);
}

const TRUE = /^(1|t|T|TRUE|true|True)$/;
const FALSE = /^(0|f|F|FALSE|false|False)$/;

/** --dry-run: none, client, server; a bare `--dry-run` ('unchanged') and booleans warn. */
export function dryRunStrategy(ctx: KubectlContext): Parsed<DryRun> {
  const value = ctx.flags.str('dry-run', 'none');
  if (TRUE.test(value)) {
    klogWarning(
      ctx,
      'helpers.go:716',
      `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.`,
    );
    return { ok: true, value: 'client' };
  }
  if (FALSE.test(value)) {
    klogWarning(
      ctx,
      'helpers.go:719',
      `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.`,
    );
    return { ok: true, value: 'none' };
  }
  switch (value) {
    case 'unchanged':
      klogWarning(
        ctx,
        'helpers.go:702',
        '--dry-run is deprecated and can be replaced with --dry-run=client.',
      );
      return { ok: true, value: 'client' };
    case 'client':
    case 'server':
    case 'none':
      return { ok: true, value };
    default:
      return {
        ok: false,
        error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
      };
  }
}

/** --validate: only its spelling is checked; the simulated server validates every object. */
export function checkValidate(ctx: KubectlContext): string | undefined {
  const value = ctx.flags.str('validate', 'strict');
  if (TRUE.test(value) || FALSE.test(value) || ['strict', 'warn', 'ignore'].includes(value))
    return undefined;
  return `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`;
}

/** -o (or --template alone, which means go-template) with the formats create and expose allow. */
export function outputFormat(ctx: KubectlContext): Parsed<OutputFormat> {
  let value = ctx.flags.str('output');
  if (!value && ctx.flags.str('template')) value = 'go-template';
  const r = parseOutputFormat(value, OUTPUT_FORMATS);
  return r.ok ? { ok: true, value: r.format } : r;
}

export interface PrintOptions {
  format: OutputFormat;
  /** created, exposed … */
  operation: string;
  dryRun: DryRun;
  /** Typed objects print in Go struct order; unstructured ones (expose's server answer) sorted. */
  typed?: TypedKind;
}

/** Prints one object as cli-runtime's PrintFlags does; returns the exit code. */
export function printObject(ctx: KubectlContext, obj: KubeObject, options: PrintOptions): number {
  const { format } = options;
  if (format.kind === 'default' || format.kind === 'wide') {
    const suffix =
      options.dryRun === 'client'
        ? ' (dry run)'
        : options.dryRun === 'server'
          ? ' (server dry run)'
          : '';
    ctx.out(`${nameOf(obj)} ${options.operation}${suffix}\n`);
    return 0;
  }
  const shown = options.typed ? (typedObject(options.typed, obj) as unknown as KubeObject) : obj;
  let printed: ReturnType<typeof printObjects>;
  try {
    printed = printObjects([shown], format, { single: true, sortKeys: !options.typed });
  } catch (e) {
    return ctx.fail(e instanceof Error ? e.message : String(e));
  }
  if (!printed.ok) return ctx.fail(printed.error);
  ctx.out(printed.text);
  return 0;
}

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * --save-config (pkg/util/apply.go CreateApplyAnnotation): the object's own JSON, without the
 * annotation itself, becomes the last-applied-configuration annotation.
 */
export function withLastApplied<T extends KubeObject>(kind: TypedKind, obj: T): T {
  const others = { ...obj.metadata?.annotations };
  delete others[LAST_APPLIED];
  const bare = { ...obj, metadata: { ...obj.metadata, annotations: others } };
  const config = `${goCompactJson(typedObject(kind, bare))}\n`;
  return {
    ...obj,
    metadata: { ...obj.metadata, annotations: { ...others, [LAST_APPLIED]: config } },
  };
}

/** Whether -n was given: kubectl then writes the namespace into client-side objects. */
export function namespaceEnforced(ctx: KubectlContext): boolean {
  return ctx.flags.has('namespace');
}

/** Prints what `--record` makes pflag print for a deprecated flag. */
export function recordDeprecation(ctx: KubectlContext): void {
  if (ctx.flags.has('record'))
    ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
}

/**
 * -f and -k as the resource builder answers them. The workspace has no manifest files yet, so
 * every path is one that does not exist. `stdin` when the only file is `-`: standard input does
 * not reach kubectl commands yet, so it reads as empty.
 */
export function filenameError(ctx: KubectlContext): { message: string } | 'stdin' | undefined {
  const files = ctx.flags.list('filename');
  const kustomize = ctx.flags.str('kustomize');
  if (files.length > 0 && kustomize)
    return { message: 'error: only one of -f or -k can be specified\n' };
  if (kustomize) {
    const abs = kustomize.startsWith('/')
      ? kustomize
      : `${ctx.session.env.HOME ?? '/home/learner'}/${kustomize}`;
    return {
      message: `error: must build at directory: not a valid directory: evalsymlink failure on '${kustomize}' : lstat ${abs}: no such file or directory\n`,
    };
  }
  if (files.length === 0) return undefined;
  if (files.length === 1 && files[0] === '-') return 'stdin';
  const errors = files
    .filter((f) => f !== '-')
    .map((f) => {
      if (!/^https?:\/\//.test(f)) return `the path "${f}" does not exist`;
      // The simulator is offline: a URL it does not know cannot be fetched.
      const host = (f.replace(/^https?:\/\//, '').split('/')[0] ?? '').split(':')[0] ?? '';
      return `Unable to connect to the server: dial tcp: lookup ${host}: no such host`;
    });
  if (errors.length === 1) {
    const only = errors[0] ?? '';
    return { message: only.startsWith('Unable') ? `${only}\n` : `error: ${only}\n` };
  }
  return { message: errors.map((e) => `${e}\n`).join('') };
}

/**
 * cobra's ArgsLenAtDash: how many arguments came before `--`, or -1 without one. The flag parser
 * does not keep the position of `--`, so it is read back from the command line as typed.
 */
export function argsLenAtDash(ctx: KubectlContext): number {
  const recorded = (ctx.flags as unknown as { argsLenAtDash?: unknown }).argsLenAtDash;
  if (typeof recorded === 'number') return recorded;
  const line = ctx.session.history[ctx.session.history.length - 1];
  if (line === undefined) return -1;
  const parsed = parseCommand(line, ctx.session.env);
  if (!parsed.ok) return -1;
  const args = ctx.args;
  for (const { pipeline } of parsed.list.items) {
    for (const cmd of pipeline.commands) {
      if (cmd.argv[0] !== 'kubectl') continue;
      const dash = cmd.argv.indexOf('--');
      if (dash < 0) continue;
      const after = cmd.argv.slice(dash + 1);
      const before = args.length - after.length;
      if (before >= 0 && after.every((a, i) => args[before + i] === a)) return before;
    }
  }
  return -1;
}
