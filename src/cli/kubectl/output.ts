// `-o` output formats shared by every command that prints objects: yaml, json, name, jsonpath,
// custom-columns (wide and the default tables belong to `get`).
import type { KubeObject } from '../../engine/k8s/types';
import { qualifiedResource } from '../../engine/k8s/types';
import type { Kind } from '../../engine/k8s/types';
import { parseCustomColumns, printCustomColumns } from '../printers/customColumns';
import { toKubectlJson } from '../printers/json';
import { jsonPath } from '../printers/jsonpath';
import { toKubectlYaml } from '../printers/yaml';

export type OutputFormat =
  | { kind: 'default' }
  | { kind: 'wide' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED_PRINTERS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parses `-o`; `allowed` lists the formats the command supports in kubectl's error message. */
export function parseOutputFormat(
  value: string,
  allowed = ALLOWED_PRINTERS,
): { ok: true; format: OutputFormat } | { ok: false; error: string } {
  const bad = {
    ok: false as const,
    error: `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed}`,
  };
  if (value === '') return { ok: true, format: { kind: 'default' } };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  if (!allowed.split(',').includes(name)) return bad;
  switch (name) {
    case 'wide':
      return { ok: true, format: { kind: 'wide' } };
    case 'yaml':
      return { ok: true, format: { kind: 'yaml' } };
    case 'json':
      return { ok: true, format: { kind: 'json' } };
    case 'name':
      return { ok: true, format: { kind: 'name' } };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) return { ok: false, error: 'template format specified but no template given' };
      return {
        ok: true,
        format: { kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' },
      };
    case 'custom-columns':
      if (!arg)
        return { ok: false, error: 'custom-columns format specified but no custom columns given' };
      return { ok: true, format: { kind: 'custom-columns', spec: arg } };
    default:
      return { ok: false, error: `output format "${name}" is not supported in this simulator` };
  }
}

export function nameOf(obj: KubeObject): string {
  return `${qualifiedResource(obj.kind as Kind)}/${obj.metadata?.name ?? ''}`;
}

/** A List as kubectl wraps several objects for yaml, json and jsonpath. */
export function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Prints objects in a machine format. `single` is true when one object was asked for by name
 * (kubectl then prints the object itself rather than a List).
 */
export function printObjects(
  objects: readonly KubeObject[],
  format: OutputFormat,
  options: { single: boolean; sortKeys?: boolean; noHeaders?: boolean },
): { ok: true; text: string } | { ok: false; error: string; text?: string } {
  const data: unknown = options.single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return { ok: true, text: toKubectlYaml(data) };
    case 'json':
      return { ok: true, text: toKubectlJson(data, { sortKeys: options.sortKeys ?? true }) };
    case 'name':
      return { ok: true, text: objects.map((o) => `${nameOf(o)}\n`).join('') };
    case 'jsonpath': {
      const r = jsonPath(format.template, JSON.parse(JSON.stringify(data)), {
        allowMissingKeys: true,
        asJson: format.asJson,
      });
      if (!r.ok) return { ok: false, error: r.error };
      return { ok: true, text: r.output };
    }
    case 'custom-columns': {
      const spec = parseCustomColumns(format.spec);
      if (!spec.ok) return spec;
      const r = printCustomColumns(
        spec.columns,
        objects.map((o) => JSON.parse(JSON.stringify(o)) as unknown),
        { noHeaders: options.noHeaders ?? false },
      );
      // kubectl has printed the header and earlier rows by the time a column fails.
      return r.ok ? { ok: true, text: r.output } : { ok: false, error: r.error, text: r.output };
    }
    case 'default':
    case 'wide':
      return { ok: false, error: 'table formats are printed by the command itself' };
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
