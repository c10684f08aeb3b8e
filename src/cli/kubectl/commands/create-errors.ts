// How kubectl prints the errors a builder-driven command collected (pkg/cmd/util/helpers.go
// checkErr): one error prints as itself, several as an aggregate, one line each, without the
// `error: ` prefix.
import type { StatusError } from '../../../engine/k8s/errors';
import { formatStatusError } from '../../../engine/k8s/errors';
import type { KubectlContext } from '../command';

export type CommandError = { status: StatusError } | { message: string };

export function printErrors(ctx: KubectlContext, errors: readonly CommandError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const e = errors[0] as CommandError;
    if ('status' in e) ctx.err(`${formatStatusError(e.status)}\n`);
    else ctx.err(e.message.startsWith('error: ') ? `${e.message}\n` : `error: ${e.message}\n`);
    return 1;
  }
  for (const e of errors) {
    ctx.err(
      `${'status' in e ? `Error from server (${e.status.reason}): ${e.status.message}` : e.message}\n`,
    );
  }
  return 1;
}
