// Manifests the simulator can "download" by URL (`kubectl apply -f https://…`): the files a real
// cluster tutorial points at, with their objects.

/** The text served at `url`, or undefined when no such file is known. */
export function remoteManifest(_url: string): string | undefined {
  return undefined;
}
