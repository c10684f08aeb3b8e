// Manifests the simulator can "download" by URL (`kubectl apply -f https://…`): the files a real
// cluster tutorial points at, with their objects.
import { INSTALL_URL, installYaml } from '../../engine/argocd/install';

const KNOWN: Readonly<Record<string, () => string>> = {
  [INSTALL_URL]: installYaml,
};

/** The text served at `url`, or undefined when no such file is known. */
export function remoteManifest(url: string): string | undefined {
  return KNOWN[url]?.();
}
