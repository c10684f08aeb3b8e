// kubectl apply view-last-applied: k8s.io/kubectl/pkg/cmd/apply/apply_view_last_applied.go.
// Prints the last-applied-configuration annotation as YAML (yaml.JSONToYAML) or as JSON
// (json.Indent of the annotation's own text, so its escapes and key order stay).
import { LAST_APPLIED_ANNOTATION } from '../../../engine/k8s/apply';
import { KINDS } from '../../../engine/k8s/types';
import { toKubectlYaml } from '../../printers/yaml';
import type { KubectlCommand, KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import { parseResourceArgs } from '../resources';
import { FILENAME_FLAGS, loadManifests } from './apply-common';

/** Go's json.Indent(dst, src, "", "  ") over compact JSON text. */
export function goIndent(text: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (text[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += c + newline();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

function run(ctx: KubectlContext): number {
  const format = ctx.flags.str('output', 'yaml');
  if (format !== 'yaml' && format !== 'json')
    return ctx.helpError(
      `Unexpected -o output mode: ${format}, the flag 'output' must be one of yaml|json`,
    );
  const targets: { kind: keyof typeof KINDS; name: string; namespace: string | undefined }[] = [];
  if (ctx.flags.list('filename').length > 0) {
    const loaded = loadManifests(ctx);
    if (!loaded.ok) {
      ctx.err(loaded.message);
      return 1;
    }
    for (const m of loaded.manifests)
      targets.push({
        kind: m.kind,
        name: m.name,
        namespace: KINDS[m.kind].namespaced ? m.namespace || ctx.namespace : undefined,
      });
  } else {
    if (ctx.args.length === 0) return ctx.fail(NO_RESOURCES_GIVEN);
    const parsed = parseResourceArgs(ctx.args, ctx.reader);
    if (!parsed.ok) return ctx.fail(parsed.error);
    for (const ref of parsed.refs) {
      const namespace = KINDS[ref.kind].namespaced ? ctx.namespace : undefined;
      if (ref.name !== undefined) targets.push({ kind: ref.kind, name: ref.name, namespace });
      else
        for (const obj of ctx.reader.list(ref.kind, namespace))
          targets.push({ kind: ref.kind, name: obj.metadata?.name ?? '', namespace });
    }
  }
  let out = '';
  for (const t of targets) {
    const obj = ctx.reader.get(t.kind, t.namespace, t.name);
    if (!obj) {
      const info = KINDS[t.kind];
      ctx.out(out);
      ctx.err(
        `Error from server (NotFound): ${info.group ? `${info.resource}.${info.group}` : info.resource} "${t.name}" not found\n`,
      );
      return 1;
    }
    const text = obj.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    if (!text) {
      ctx.out(out);
      return ctx.fail(`no last-applied-configuration annotation found on resource: ${t.name}`);
    }
    out += format === 'json' ? goIndent(text) : toKubectlYaml(JSON.parse(text));
  }
  ctx.out(out);
  return 0;
}

export const viewLastAppliedCommands: KubectlCommand[] = [
  {
    path: 'apply view-last-applied',
    summary: 'view the latest last-applied-configuration annotations of a resource/object',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'all', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'selector', short: 'l', type: 'string' },
    ],
    run,
  },
];
