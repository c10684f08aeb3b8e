// The API server's checks of label and annotation keys and label values
// (apimachinery pkg/util/validation/validation.go IsQualifiedName, IsValidLabelValue;
// pkg/api/validation/objectmeta.go ValidateAnnotations; metav1 validation ValidateLabels).
import type { StatusCause } from '../../../engine/k8s/errors';
import { SUBDOMAIN_MSG } from '../../../engine/k8s/validation';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

export const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** IsQualifiedName: an optional DNS subdomain prefix and '/', then a name of up to 63. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!SUBDOMAIN.test(prefix)) errs.push(`prefix part ${SUBDOMAIN_MSG}`);
    }
  } else
    return [
      `a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  return errs;
}

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

const invalid = (field: string, value: string, message: string): StatusCause => ({
  field,
  message: `Invalid value: ${JSON.stringify(value)}: ${message}`,
});

/** ValidateLabels on metadata.labels (keys sorted: Go visits the map in no fixed order). */
export function labelCauses(labels: Readonly<Record<string, string>> | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of qualifiedNameErrors(k)) causes.push(invalid('metadata.labels', k, m));
    for (const m of labelValueErrors(labels?.[k] ?? ''))
      causes.push(invalid('metadata.labels', labels?.[k] ?? '', m));
  }
  return causes;
}

/** ValidateAnnotations: keys are checked in lower case. */
export function annotationCauses(
  annotations: Readonly<Record<string, string>> | undefined,
): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const k of Object.keys(annotations ?? {}).sort())
    for (const m of qualifiedNameErrors(k.toLowerCase()))
      causes.push(invalid('metadata.annotations', k, m));
  return causes;
}
