// The simulated container registry: which images and tags exist, how big they are, what they
// listen on, what they serve and what they log when they start. Tag lists mirror
// docker-library/official-images (library/*) as of REGISTRY_SNAPSHOT, so a tag that did not exist
// on Docker Hub then (nginx:2.27.0) fails to pull here too.
//
// The data and the formats live in the modules next to this one; this is the registry's API.
import { fakeDigest, findBuild, REPOS } from './images';
import type { ImageInfo } from './images';
import { parseImageRef } from './imageRef';
import { httpFor } from './http';

export type { ImageRef } from './imageRef';
export { parseImageRef } from './imageRef';
export type { HttpContent, ImageInfo } from './images';
export { fakeDigest, REGISTRY_SNAPSHOT } from './images';
export type { HttpRequest, HttpResponse } from './http';
export { accessLogLine, HTTPD_INDEX_HTML, httpResponse, NGINX_INDEX_HTML } from './http';
export {
  backOffWaitingMessage,
  DEFAULT_PULL_SECONDS,
  failedToPullMessage,
  formatGoDuration,
  pulledMessage,
  pullDurationMs,
  pullErrorMessage,
} from './pull';
export { accessLogTime, httpDate, nginxLogTime } from './timestamps';
export type { LogEntry, StartupOptions } from './startup';
export { DEFAULT_KERNEL, startupLogEntries, startupLogs } from './startup';

/** undefined: the registry has no such image (unknown repository, tag or digest). */
export function lookupImage(image: string): ImageInfo | undefined {
  const ref = parseImageRef(image);
  if ('error' in ref) return undefined;
  const found = findBuild(ref);
  if (!found) return undefined;
  const { repo, build } = found;
  const http = httpFor(repo.kind, build.version);
  return {
    ref,
    digest: fakeDigest(`${ref.registry}/${ref.repository}:${build.tags[0]}`),
    sizeBytes: build.sizeBytes,
    ports: repo.ports,
    ...(http && { http }),
    runsForever: repo.runsForever,
    ...(repo.defaultCommand && { defaultCommand: repo.defaultCommand }),
    ...(repo.requiredEnv && { requiredEnv: repo.requiredEnv }),
    version: build.version,
  };
}

/** Every tag the registry holds for a repository (`nginx`, `quay.io/argoproj/argocd`). */
export function listTags(repository: string): string[] {
  const ref = parseImageRef(repository);
  if ('error' in ref) return [];
  return REPOS[`${ref.registry}/${ref.repository}`]?.builds.flatMap((b) => b.tags) ?? [];
}
