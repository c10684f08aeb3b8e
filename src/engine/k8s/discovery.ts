// Which kind an `apiVersion` + `kind` pair names on this cluster, as the server's discovery
// (and so kubectl's REST mapper) sees it.
import type { Kind, ObjectReader } from './types';
import { KINDS } from './types';

/** The stored kind for a manifest's apiVersion and kind, or undefined when the server has none. */
export function servedKind(
  _reader: ObjectReader,
  apiVersion: string,
  kind: string,
): Kind | undefined {
  const info = (KINDS as Record<string, (typeof KINDS)[Kind] | undefined>)[kind];
  return info && info.apiVersion === apiVersion ? info.kind : undefined;
}
