// The template evaluator of k8s.io/client-go/util/jsonpath and kubectl's JSONPathPrinter
// (k8s.io/cli-runtime/pkg/printers/jsonpath.go), which wraps its errors. Like the parser it keeps
// the Go code's quirks (a range without {end}, an empty slice ending the whole step), because a
// learner sees them.
import type { GoKind, GoMap } from './govalue';
import {
  children,
  GoFloat,
  GO_TYPE_NAMES,
  goStringCompare,
  INVALID,
  kindOf,
  mapGet,
  scalar,
} from './govalue';
import { formatGoValue, goJson, goQuote, goSharpV } from './goformat';
import type { ArrayParam, JsonPathNode, ListNode, ParsedTemplate } from './parse';
import { parseJsonPath } from './parse';

export type JsonPathResult = { ok: true; output: string } | { ok: false; error: string };
export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys; kubectl (and this module) default to true. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result set printed as an indented JSON array. */
  asJson?: boolean;
}

interface Step {
  values: unknown[];
  error?: string;
}

type ComparisonKind = 'bool' | 'int' | 'float' | 'string' | 'uint8';
const comparable = (k: GoKind): k is ComparisonKind =>
  k === 'bool' || k === 'int' || k === 'float' || k === 'string' || k === 'uint8';
const BAD_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

/** text/template's eq and lt, which client-go's filters use: no conversion between kinds. */
function goCompare(a: unknown, b: unknown, less: boolean): { value: boolean; error?: string } {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (!comparable(ka) || !comparable(kb)) return { value: false, error: BAD_TYPE };
  const intLike = (k: GoKind) => k === 'int' || k === 'uint8';
  if (ka !== kb && !(intLike(ka) && intLike(kb))) return { value: false, error: BAD_COMPARISON };
  const x = scalar(a);
  const y = scalar(b);
  if (!less) return { value: x === y };
  if (ka === 'bool') return { value: false, error: BAD_TYPE };
  if (typeof x === 'string' && typeof y === 'string') return { value: goStringCompare(x, y) < 0 };
  return { value: x < y };
}

function applyOperator(op: string, a: unknown, b: unknown): { value: boolean; error?: string } {
  const lt = () => goCompare(a, b, true);
  const eq = () => goCompare(a, b, false);
  const le = () => {
    const r = lt();
    return r.value || r.error !== undefined ? r : eq();
  };
  const not = (r: { value: boolean; error?: string }) =>
    r.error !== undefined ? { value: false, error: r.error } : { value: !r.value };
  switch (op) {
    case '<':
      return lt();
    case '>':
      return not(le());
    case '==':
      return eq();
    case '!=':
      return not(eq());
    case '<=':
      return le();
    case '>=':
      return not(lt());
    default:
      return { value: false, error: `unrecognized filter operator ${op}` };
  }
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  // The range/end bookkeeping is client-go's: a range re-runs the rest of the template for each
  // item and an {end} stops that run; a range without {end} runs to the template's end and the
  // nodes after it then run once more on the enclosing value.
  findResults(data: unknown, start: number): { sets: unknown[][] } | { error: string } {
    const cur = [data === null || data === undefined ? INVALID : data];
    const sets: unknown[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      if (node === undefined) break;
      const step = this.walk(cur, node);
      if (step.error !== undefined) return { error: step.error };
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const items = step.values.length > 0 ? step.values : [INVALID];
        for (const item of items) {
          const r = this.findResults(item, i + 1);
          if ('error' in r) return r;
          if (step.values.length > 0) sets.push(...r.sets);
        }
        this.inRange--;
        if (this.lastEndNode > i) i = this.lastEndNode;
        continue;
      }
      sets.push(step.values);
    }
    return { sets };
  }

  private walk(input: unknown[], node: JsonPathNode): Step {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return { values: [node.text] };
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'bool':
        return { values: input.map(() => node.value) };
      case 'float':
        return { values: input.map(() => new GoFloat(node.value)) };
      case 'wildcard':
        return { values: input.flatMap(children) };
      case 'recursive':
        return { values: this.evalRecursive(input) };
      case 'union':
        return this.evalUnion(input, node.nodes);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): Step {
    let cur = input;
    for (const node of list.nodes) {
      const step = this.walk(cur, node);
      if (step.error !== undefined) return step;
      cur = step.values;
    }
    return { values: cur };
  }

  private evalIdentifier(input: unknown[], name: string): Step {
    if (name === 'range') {
      this.beginRange++;
      return { values: input };
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return { values: [] };
      }
      return { values: [], error: 'not in range, nothing to end' };
    }
    return { values: input, error: `unrecognized identifier ${name}` };
  }

  private evalField(input: unknown[], name: string): Step {
    const results: unknown[] = [];
    if (input.length === 0) return { values: results };
    for (const v of input) {
      if (kindOf(v) !== 'map') continue;
      const r = mapGet(v as GoMap, name);
      if (r.found) results.push(r.value);
    }
    if (results.length === 0 && !this.allowMissingKeys)
      return { values: results, error: `${name} is not found` };
    return { values: results };
  }

  private evalArray(input: unknown[], params: readonly [ArrayParam, ArrayParam, ArrayParam]): Step {
    const result: unknown[] = [];
    for (const v of input) {
      const kind = kindOf(v);
      if (kind === 'nil') continue;
      if (kind === 'invalid')
        return { values: input, error: 'reflect: call of reflect.Value.Type on zero Value' };
      if (kind !== 'slice')
        return { values: input, error: `${GO_TYPE_NAMES[kind]} is not array or slice` };
      const items = v as unknown[];
      const len = items.length;
      let from = params[0].known ? params[0].value : 0;
      if (from < 0) from += len;
      let to = params[1].known ? params[1].value : len;
      if (to < 0 || (to === 0 && params[1].derived)) to += len;
      // Go returns here, so an empty selection drops the inputs that follow it too.
      if (to === from) return { values: result };
      if (from >= len || from < 0)
        return { values: input, error: `array index out of bounds: index ${from}, length ${len}` };
      if (to > len || to < 0)
        return {
          values: input,
          error: `array index out of bounds: index ${to - 1}, length ${len}`,
        };
      if (from > to)
        return {
          values: input,
          error: `starting index ${from} is greater than ending index ${to}`,
        };
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) return { values: input, error: 'step must be > 0' };
        step = params[2].value;
      }
      for (let i = from; i < to; i += step) result.push(items[i] ?? null);
    }
    return { values: result };
  }

  private evalUnion(input: unknown[], lists: readonly ListNode[]): Step {
    const result: unknown[] = [];
    for (const list of lists) {
      const step = this.evalList(input, list);
      if (step.error !== undefined) return { values: input, error: step.error };
      result.push(...step.values);
    }
    return { values: result };
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      const kids = children(v);
      if (kids.length === 0) continue;
      result.push(v, ...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(
    input: unknown[],
    node: { left: ListNode; right: ListNode; op: string },
  ): Step {
    const results: unknown[] = [];
    for (const v of input) {
      if (kindOf(v) !== 'slice')
        return {
          values: input,
          error: `${formatGoValue(v)} is not array or slice and cannot be filtered`,
        };
      for (const raw of v as unknown[]) {
        const item = raw === undefined ? null : raw;
        const lefts = this.evalList([item], node.left);
        if (node.op === 'exists') {
          if (lefts.values.length > 0) results.push(item);
          continue;
        }
        if (lefts.error !== undefined) return { values: input, error: lefts.error };
        if (lefts.values.length === 0) continue;
        if (lefts.values.length > 1)
          return { values: input, error: 'can only compare one element at a time' };
        const rights = this.evalList([item], node.right);
        if (rights.error !== undefined) return { values: input, error: rights.error };
        if (rights.values.length === 0) continue;
        if (rights.values.length > 1)
          return { values: input, error: 'can only compare one element at a time' };
        const r = applyOperator(node.op, lefts.values[0], rights.values[0]);
        if (r.error !== undefined) return { values: results, error: r.error };
        if (r.value) results.push(item);
      }
    }
    return { values: results };
  }
}

/**
 * Runs a template and returns its result sets (one per action and range iteration), with
 * client-go's bare error messages. Custom columns use this; `-o jsonpath` uses executeJsonPath.
 */
export function findJsonPathResults(
  template: ParsedTemplate,
  data: unknown,
  allowMissingKeys: boolean,
): { ok: true; sets: unknown[][] } | { ok: false; error: string } {
  const r = new Evaluator(template.root.nodes, allowMissingKeys).findResults(data, 0);
  return 'error' in r ? { ok: false, error: r.error } : { ok: true, sets: r.sets };
}

/**
 * Runs a template as `kubectl get -o jsonpath=` does. An error is kubectl's whole message after
 * `error: `, including the dump of the object; kubectl's message itself ends in a newline, so
 * printing `error: ${error}\n` reproduces its output exactly.
 */
export function executeJsonPath(
  template: ParsedTemplate,
  data: unknown,
  opts: JsonPathOptions = {},
): JsonPathResult {
  const found = findJsonPathResults(template, data, opts.allowMissingKeys ?? true);
  if (!found.ok) {
    const t = template.source;
    return {
      ok: false,
      error:
        `error executing jsonpath ${goQuote(t)}: Error executing template: ${found.error}. ` +
        `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${t}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data, true)}\n\n`,
    };
  }
  let output = '';
  for (const set of found.sets) {
    if (opts.asJson) {
      output += goJson(set, '') + '\n';
      continue;
    }
    output += set
      .map((v) => {
        const kind = kindOf(v);
        if (kind === 'map' || kind === 'slice') return goJson(v);
        if (kind === 'invalid') return '<no value>';
        return kind === 'nil' ? 'null' : formatGoValue(v);
      })
      .join(' ');
  }
  return { ok: true, output };
}

/** Parses and runs a `-o jsonpath=` template in one go. */
export function jsonPath(template: string, data: unknown, opts?: JsonPathOptions): JsonPathResult {
  const parsed = parseJsonPath(template);
  return parsed.ok ? executeJsonPath(parsed.template, data, opts) : parsed;
}
