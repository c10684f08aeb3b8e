// Server-side validation, with the messages of k8s.io/apimachinery/pkg/util/validation and the
// apps and core validators, so that a mistake is refused in the API server's words.
import { fromLabelSelector, matches } from './labels';
import type { StatusCause } from './errors';
import type { Deployment, Kind, KubeObject, PodSpec, ReplicaSet, Service } from './types';
import { validateMore } from './validationKinds';

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export function invalidValue(field: string, value: unknown, msg: string): StatusCause {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return { field, message: `Invalid value: ${shown}: ${msg}` };
}

const RBAC_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
]);

export function validateName(kind: Kind, name: string): StatusCause[] {
  if (!name)
    return [
      { field: 'metadata.name', message: 'Required value: name or generateName is required' },
    ];
  const causes: StatusCause[] = [];
  if (RBAC_KINDS.has(kind)) {
    // ValidateRBACName is path.IsValidPathSegmentName (pkg/apis/rbac/validation).
    if (name === '.' || name === '..')
      causes.push(invalidValue('metadata.name', name, `may not be '${name}'`));
    for (const bad of ['/', '%'])
      if (name.includes(bad))
        causes.push(invalidValue('metadata.name', name, `may not contain '${bad}'`));
  } else if (kind === 'Service' || kind === 'Namespace') {
    const [re, msg] = kind === 'Service' ? [dns1035Label, DNS1035_MSG] : [dns1123Label, LABEL_MSG];
    if (name.length > 63)
      causes.push(invalidValue('metadata.name', name, 'must be no more than 63 characters'));
    if (!re.test(name)) causes.push(invalidValue('metadata.name', name, msg));
  } else {
    if (name.length > 253)
      causes.push(invalidValue('metadata.name', name, 'must be no more than 253 characters'));
    if (!dns1123Subdomain.test(name))
      causes.push(invalidValue('metadata.name', name, SUBDOMAIN_MSG));
  }
  return causes;
}

function validatePodSpec(spec: PodSpec | undefined, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = spec?.containers ?? [];
  if (containers.length === 0)
    causes.push({ field: `${path}.containers`, message: 'Required value' });
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    if (!c.name) causes.push({ field: `${p}.name`, message: 'Required value' });
    else if (!dns1123Label.test(c.name)) causes.push(invalidValue(`${p}.name`, c.name, LABEL_MSG));
    else if (seen.has(c.name))
      causes.push({ field: `${p}.name`, message: `Duplicate value: ${JSON.stringify(c.name)}` });
    if (c.name) seen.add(c.name);
    if (!c.image || c.image.trim() === '')
      causes.push({ field: `${p}.image`, message: 'Required value' });
    (c.ports ?? []).forEach((port, j) => {
      const n = port.containerPort;
      if (!(n >= 1 && n <= 65535))
        causes.push(
          invalidValue(
            `${p}.ports[${j}].containerPort`,
            n,
            'must be between 1 and 65535, inclusive',
          ),
        );
    });
  });
  return causes;
}

export function validateWorkload(obj: Deployment | ReplicaSet): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = obj.spec;
  const replicas = spec?.replicas ?? 1;
  if (replicas < 0)
    causes.push(invalidValue('spec.replicas', replicas, 'must be greater than or equal to 0'));
  const selector = spec?.selector;
  const hasSelector =
    !!selector &&
    (Object.keys(selector.matchLabels ?? {}).length > 0 ||
      (selector.matchExpressions ?? []).length > 0);
  if (!hasSelector) causes.push({ field: 'spec.selector', message: 'Required value' });
  const labels = spec?.template?.metadata?.labels ?? {};
  if (hasSelector && !matches(fromLabelSelector(selector), labels)) {
    const shown = `map[string]string{${Object.keys(labels)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`)
      .join(', ')}}`;
    causes.push({
      field: 'spec.template.metadata.labels',
      message: `Invalid value: ${shown}: \`selector\` does not match template \`labels\``,
    });
  }
  causes.push(...validatePodSpec(spec?.template?.spec, 'spec.template.spec'));
  return causes;
}

function validateService(svc: Service): StatusCause[] {
  const causes: StatusCause[] = [];
  const type = svc.spec?.type ?? 'ClusterIP';
  if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type))
    causes.push({
      field: 'spec.type',
      message: `Unsupported value: ${JSON.stringify(type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    });
  const ports = svc.spec?.ports ?? [];
  // A headless Service needs no ports (ValidateService, pkg/apis/core/validation/validation.go).
  const headless = svc.spec?.clusterIP === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless)
    causes.push({ field: 'spec.ports', message: 'Required value' });
  ports.forEach((p, i) => {
    if (!(p.port >= 1 && p.port <= 65535))
      causes.push(
        invalidValue(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive'),
      );
    if (ports.length > 1 && !p.name)
      causes.push({ field: `spec.ports[${i}].name`, message: 'Required value' });
    if (typeof p.targetPort === 'number' && !(p.targetPort >= 1 && p.targetPort <= 65535))
      causes.push(
        invalidValue(
          `spec.ports[${i}].targetPort`,
          p.targetPort,
          'must be between 1 and 65535, inclusive',
        ),
      );
  });
  return causes;
}

/** Every problem the API server would report for this object, in its order. */
export function validate(kind: Kind, obj: KubeObject): StatusCause[] {
  const causes = validateName(kind, obj.metadata?.name ?? '');
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
      causes.push(...validateWorkload(obj as Deployment));
      break;
    case 'Service':
      causes.push(...validateService(obj as Service));
      break;
    case 'Pod':
      causes.push(...validatePodSpec((obj as { spec?: PodSpec }).spec, 'spec'));
      break;
    case 'Namespace':
    case 'Node':
    case 'Endpoints':
    case 'Event':
      break;
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
    case 'Role':
    case 'RoleBinding':
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'NetworkPolicy':
    case 'StatefulSet':
    case 'CustomResourceDefinition':
    case 'Application':
    case 'AppProject':
    case 'ApplicationSet':
      causes.push(...validateMore(kind, obj));
      break;
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
  return causes;
}
