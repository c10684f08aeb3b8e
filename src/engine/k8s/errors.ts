// API errors as the API server returns them (metav1.Status), so that kubectl's wording can be
// derived from them exactly as kubectl derives it.
import type { Kind } from './types';
import { KINDS, qualifiedResource } from './types';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'BadRequest'
  | 'Conflict'
  | 'Forbidden'
  | 'MethodNotAllowed';

export interface StatusCause {
  field: string;
  message: string;
}

export interface StatusError {
  readonly ok: false;
  readonly code: number;
  readonly reason: StatusReason;
  /** metav1.Status.message, e.g. `deployments.apps "foo" not found`. */
  readonly message: string;
  /** details.kind and details.name, for Invalid errors (`The Deployment "x" is invalid`). */
  readonly kind?: string;
  readonly name?: string;
  readonly causes?: readonly StatusCause[];
}

export function notFound(kind: Kind, name: string): StatusError {
  return {
    ok: false,
    code: 404,
    reason: 'NotFound',
    message: `${qualifiedResource(kind, true)} "${name}" not found`,
  };
}

export function alreadyExists(kind: Kind, name: string): StatusError {
  return {
    ok: false,
    code: 409,
    reason: 'AlreadyExists',
    message: `${qualifiedResource(kind, true)} "${name}" already exists`,
  };
}

export function badRequest(message: string): StatusError {
  return { ok: false, code: 400, reason: 'BadRequest', message };
}

export function forbidden(message: string): StatusError {
  return { ok: false, code: 403, reason: 'Forbidden', message };
}

/** `Deployment.apps "x" is invalid: <causes>`, as apierrors.NewInvalid words it. */
export function invalid(kind: Kind, name: string, causes: StatusCause[]): StatusError {
  const group = KINDS[kind].group;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const detail = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return {
    ok: false,
    code: 422,
    reason: 'Invalid',
    message: `${qualifiedKind} "${name}" is invalid: ${detail}`,
    kind,
    name,
    causes,
  };
}

/** What kubectl prints for an API error (cmdutil.CheckErr / StandardErrorMessage). */
export function formatStatusError(err: StatusError): string {
  if (err.reason === 'Invalid' && (err.kind || err.name)) {
    const head = `The ${err.kind ?? ''} "${err.name ?? ''}" is invalid`;
    const causes = err.causes ?? [];
    const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    if (lines.length === 0) return head;
    if (lines.length === 1) return `${head}: ${lines[0]}`;
    return `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  return `Error from server (${err.reason}): ${err.message}`;
}
