// Image names as a learner types them (`nginx`, `nginx:1.27`, `quay.io/x/y@sha256:...`), read
// the way containerd reads them (github.com/distribution/reference normalisation), so the
// registry, the pull errors and the kubelet's events all agree on the normalised name.

export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** e.g. docker.io/library/nginx:latest */
  normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImageRef(ref: string): ImageRef | { error: string } {
  const invalid = { error: 'invalid reference format' };
  if (ref === '' || ref !== ref.trim()) return invalid;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === 'index.docker.io' ? 'docker.io' : first;
    rest = rest.slice(slash + 1);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid;
  }
  let repository = rest;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (repository.toLowerCase() !== repository) {
    return { error: `invalid reference format: repository name (${repository}) must be lowercase` };
  }
  if (!repository.split('/').every((c) => COMPONENT.test(c))) return invalid;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const normalized =
    `${registry}/${repository}` +
    (tag !== undefined ? `:${tag}` : '') +
    (digest ? `@${digest}` : '');
  return {
    registry,
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest && { digest }),
    normalized,
  };
}
