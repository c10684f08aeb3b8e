// Which kind an `apiVersion` + `kind` pair names on this cluster, as the server's discovery
// (and so kubectl's REST mapper) sees it. Built-in kinds are always served; a custom kind only
// while a CustomResourceDefinition for it exists and is Established (apiextensions-apiserver
// serves a CRD's resources once its Established condition is True).
import type { CustomResourceDefinition, Kind, ObjectReader } from './types';
import { ALL_KINDS, KINDS } from './types';

/** A resource a CRD adds to discovery (one per served version). */
export interface CustomResource {
  group: string;
  version: string;
  /** Plural resource name: `applications`. */
  name: string;
  singularName: string;
  shortNames: readonly string[];
  kind: string;
  namespaced: boolean;
}

export function isEstablished(crd: CustomResourceDefinition): boolean {
  if (crd.metadata?.deletionTimestamp) return false;
  return (crd.status?.conditions ?? []).some(
    (c) => c.type === 'Established' && c.status === 'True',
  );
}

/** Every resource the established CRDs serve, in CRD name order. */
export function customResources(reader: ObjectReader): CustomResource[] {
  const out: CustomResource[] = [];
  for (const crd of reader.list('CustomResourceDefinition')) {
    if (!isEstablished(crd)) continue;
    const { group, names, scope, versions } = crd.spec;
    for (const v of versions) {
      if (!v.served) continue;
      out.push({
        group,
        version: v.name,
        name: names.plural,
        singularName: names.singular || names.kind.toLowerCase(),
        shortNames: names.shortNames ?? [],
        kind: names.kind,
        namespaced: scope === 'Namespaced',
      });
    }
  }
  return out;
}

/** Whether the server serves this stored kind at its apiVersion right now. */
export function isServed(reader: ObjectReader, kind: Kind): boolean {
  const info = KINDS[kind];
  if (!info.crd) return true;
  const crd = reader.get('CustomResourceDefinition', undefined, info.crd);
  if (!crd || !isEstablished(crd)) return false;
  const version = info.apiVersion.slice(info.apiVersion.indexOf('/') + 1);
  return (
    crd.spec.group === info.group &&
    crd.spec.names.kind === info.kind &&
    crd.spec.versions.some((v) => v.served && v.name === version)
  );
}

/** The stored kinds a CRD of this name defines (what deleting the CRD deletes). */
export function kindsOfCrd(crdName: string): Kind[] {
  return ALL_KINDS.filter((k) => KINDS[k].crd === crdName);
}

/** The stored kind for a manifest's apiVersion and kind, or undefined when the server has none. */
export function servedKind(
  reader: ObjectReader,
  apiVersion: string,
  kind: string,
): Kind | undefined {
  const info = (KINDS as Record<string, (typeof KINDS)[Kind] | undefined>)[kind];
  if (!info || info.apiVersion !== apiVersion) return undefined;
  return isServed(reader, info.kind) ? info.kind : undefined;
}
