// `kubectl get -o custom-columns=<spec>`: kubectl's CustomColumnsPrinter
// (k8s.io/kubectl/pkg/cmd/get/customcolumn.go, kubectl 1.32), printing through kubectl's tab
// writer (see table.ts).

import { compileJsonPath, findJsonPathResults, formatGoValue } from './jsonpath';
import type { ParsedTemplate } from './jsonpath';
import { escapeTerminal, KUBECTL_TABWRITER, tabwrite } from './table';

export interface CustomColumn {
  readonly header: string;
  /** The column's template after kubectl's relaxing, e.g. `{.metadata.name}`; may be empty. */
  readonly fieldSpec: string;
}

export type CustomColumnsSpec =
  { ok: true; columns: CustomColumn[] } | { ok: false; error: string };

/**
 * What kubectl printed. On failure `output` holds what it had already written to stdout (the
 * header, and the rows before the failing one) and `error` what follows `error: ` on stderr.
 */
export type CustomColumnsOutput =
  { ok: true; output: string } | { ok: false; error: string; output: string };

const RELAXED_RE = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPathExpression(
  expr: string,
): { ok: true; template: string } | { ok: false; error: string } {
  if (expr.length === 0) return { ok: true, template: '' };
  const m = RELAXED_RE.exec(expr);
  if (!m)
    return {
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  return { ok: true, template: `{.${m[1] ?? m[2] ?? ''}}` };
}

/** Reads the text after `-o custom-columns=`; errors are kubectl's, as printed after `error: `. */
export function parseCustomColumns(spec: string): CustomColumnsSpec {
  if (spec.length === 0)
    return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const relaxed = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.template });
  }
  return { ok: true, columns };
}

/**
 * Prints objects as one PrintObj call does: the header once, then a row per object. kubectl passes
 * a List's items here, or the single object it fetched. Column templates are only parsed after
 * the header is written, which is why a bad one still prints the header.
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  opts: { noHeaders: boolean },
): CustomColumnsOutput {
  // Values go to the tab writer as they are (escaped for the terminal only), so a tab or a newline
  // in one reshapes the table exactly as it does in kubectl.
  let text = opts.noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n';
  const output = (): string => tabwrite(text, KUBECTL_TABWRITER);
  const templates: ParsedTemplate[] = [];
  for (const c of columns) {
    const parsed = compileJsonPath(c.fieldSpec);
    if (!parsed.ok) return { ok: false, error: parsed.error, output: output() };
    templates.push(parsed.template);
  }
  for (const obj of objects) {
    const cells: string[] = [];
    for (const t of templates) {
      const found = findJsonPathResults(t, obj, true);
      if (!found.ok) return { ok: false, error: found.error, output: output() };
      const values: string[] = [];
      if (found.sets.length === 0 || found.sets[0]?.length === 0) values.push('<none>');
      for (const set of found.sets)
        for (const v of set) values.push(escapeTerminal(formatGoValue(v)));
      cells.push(values.join(','));
    }
    text += cells.join('\t') + '\n';
  }
  return { ok: true, output: output() };
}
