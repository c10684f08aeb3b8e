// What apply, diff, replace and the `-f` forms of create, get and delete share: reading the
// manifests, the namespace check, and printing errors the way cmdutil.CheckErr does.
import type { StatusError } from '../../../engine/k8s/errors';
import { formatStatusError } from '../../../engine/k8s/errors';
import { KINDS } from '../../../engine/k8s/types';
import type { KubeObject } from '../../../engine/k8s/types';
import { cwdOf } from '../../program';
import type { KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import type { Manifest } from '../manifests';
import { readManifests } from '../manifests';
import type { OutputFormat } from '../output';
import { filenameError } from './create-common';
import { nameOf, printObjects } from '../output';

export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

/** Standard input of the command (a here-document or a pipe). */
export function stdinOf(ctx: KubectlContext): string {
  return (ctx as unknown as { stdin?: string }).stdin ?? '';
}

/** An error kubectl collects while it goes on with the other objects. */
export type CmdError = { api: StatusError; verb: string; source: string } | { text: string };

export function loadManifests(
  ctx: KubectlContext,
): { ok: true; manifests: Manifest[]; errors: CmdError[] } | { ok: false; message: string } {
  // Kustomize is not simulated: kubectl's words for a directory it cannot build.
  const kustomize = filenameError(ctx);
  if (kustomize && kustomize !== 'stdin' && ctx.flags.str('kustomize'))
    return { ok: false, message: kustomize.message };
  const validate = ctx.flags.str('validate', 'strict');
  const r = readManifests(
    { files: ctx.world.files, cwd: cwdOf(ctx.session), stdin: stdinOf(ctx), reader: ctx.reader },
    ctx.flags.list('filename'),
    { recursive: ctx.flags.bool('recursive'), validate: !['false', 'ignore'].includes(validate) },
  );
  if (!r.ok) return r;
  return { ok: true, manifests: r.manifests, errors: r.errors.map((text) => ({ text })) };
}

/** The namespace an object goes to, or an error when -n names another (builder.go). */
export function namespaceFor(
  ctx: KubectlContext,
  m: Manifest,
): { ok: true; namespace: string | undefined } | { ok: false; error: string } {
  if (!KINDS[m.kind].namespaced) return { ok: true, namespace: undefined };
  const explicit = ctx.flags.has('namespace');
  if (explicit && m.namespace && m.namespace !== ctx.namespace)
    return {
      ok: false,
      error: `the namespace from the provided object "${m.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${m.namespace}' to perform this operation.`,
    };
  return { ok: true, namespace: m.namespace || ctx.namespace };
}

/** cmdutil.AddSourceToErr: `error when creating "f.yaml": …` inside the API message. */
function withSource(e: { api: StatusError; verb: string; source: string }): StatusError {
  return { ...e.api, message: `error when ${e.verb} "${e.source}": ${e.api.message}` };
}

/** What cmdutil.CheckErr prints for the errors collected (one, or MultipleErrors' lines). */
export function formatErrors(errors: readonly CmdError[]): string {
  if (errors.length === 1) {
    const e = errors[0]!;
    if ('text' in e) return e.text.startsWith('error: ') ? `${e.text}\n` : `error: ${e.text}\n`;
    return `${formatStatusError(withSource(e))}\n`;
  }
  return errors
    .map((e) => {
      if ('text' in e) return `${e.text}\n`;
      const api = withSource(e);
      return `Error from server (${api.reason}): ${api.message}\n`;
    })
    .join('');
}

/** Prints an object after an operation: `deployment.apps/x created (dry run)` or -o output. */
export function printOperation(
  ctx: KubectlContext,
  obj: KubeObject,
  operation: string,
  format: OutputFormat,
  dryRun: string,
): void {
  const suffix =
    dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if (format.kind === 'default') {
    ctx.out(`${nameOf(obj)} ${operation}${suffix}\n`);
    return;
  }
  const printed = printObjects([obj], format, { single: true });
  if (printed.ok) ctx.out(printed.text);
  else ctx.err(`error: ${printed.error}\n`);
}

export function checkDryRun(value: string): string | undefined {
  if (['none', 'client', 'server'].includes(value)) return undefined;
  return `Invalid dry-run value (${value}). Must be "none", "server", or "client".`;
}
