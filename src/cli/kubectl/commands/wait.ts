// kubectl wait (kubectl pkg/cmd/wait/wait.go conditionFuncFor, processJSONPathInput, RunWait;
// condition.go, delete.go, create.go, json.go). Waits on the simulated clock: between checks it
// yields the time the world next changes by itself, never later than the deadline.
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { KINDS, qualifiedResource } from '../../../engine/k8s/types';
import { nextEventTime } from '../../../engine/world';
import { compileJsonPath, findJsonPathResults, formatGoValue } from '../../printers/jsonpath';
import { relaxedJsonPathExpression } from '../../printers/customColumns';
import type { Run } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { parseOutputFormat } from '../output';
import type { Item } from './metadata-targets';
import { collectItems, printItem } from './metadata-targets';
import type { KubectlError } from './rollout-builder';
import { plain, reportErrors } from './rollout-builder';
import { OUTPUT_FORMATS } from './rollout-print';

const TIMED_OUT = 'timed out waiting for the condition';
const WEEK = 168 * 3600 * 1000;
const CREATE_POLL = 500;

type Check = (obj: Record<string, unknown>) => { met: boolean } | { error: string };

type Condition = { type: 'delete' } | { type: 'create' } | { type: 'check'; check: Check };

/** status.conditions[type] = value (case-folded), once the controller saw this generation. */
function conditionCheck(name: string, value: string): Check {
  return (obj) => {
    const status = obj['status'] as
      { conditions?: unknown; observedGeneration?: unknown } | undefined;
    const conditions = Array.isArray(status?.conditions) ? (status.conditions as unknown[]) : [];
    for (const c of conditions) {
      const cond = c as { type?: unknown; status?: unknown; observedGeneration?: unknown };
      if (typeof cond.type !== 'string' || cond.type.toLowerCase() !== name.toLowerCase()) continue;
      if (typeof cond.status !== 'string') continue;
      const generation = (obj['metadata'] as { generation?: unknown } | undefined)?.generation;
      if (typeof generation === 'number') {
        const observed =
          typeof cond.observedGeneration === 'number'
            ? cond.observedGeneration
            : status?.observedGeneration;
        if (typeof observed === 'number' && observed < generation) return { met: false };
      }
      return { met: cond.status.toLowerCase() === value.toLowerCase() };
    }
    return { met: false };
  };
}

/** splitJSONPathInput: splits on single '=', keeping '==' inside the expression. */
function splitOnEquals(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

function jsonPathCondition(input: string): Condition | { error: string } {
  const parts = splitOnEquals(input);
  if (parts.length > 2)
    return {
      error:
        "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    };
  const relaxed = relaxedJsonPathExpression(parts[0] as string);
  if (!relaxed.ok) return relaxed;
  let expected: string | undefined;
  if (parts.length === 2) {
    expected = (parts[1] as string).replace(/^['"]+|['"]+$/g, '');
    if (expected === '')
      return {
        error:
          "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
      };
  }
  if (relaxed.template === '') return { error: 'jsonpath expression cannot be empty' };
  const compiled = compileJsonPath(relaxed.template);
  if (!compiled.ok) return compiled;
  const check: Check = (obj) => {
    const r = findJsonPathResults(compiled.template, obj, true);
    if (!r.ok) return { error: r.error };
    const first = r.sets[0];
    if (!first || first.length === 0) return { met: false };
    if (r.sets.length > 1) return { error: 'given jsonpath expression matches more than one list' };
    if (first.length > 1) return { error: 'given jsonpath expression matches more than one value' };
    if (expected === undefined) return { met: true };
    const v = first[0];
    if (v !== null && typeof v === 'object')
      return { error: 'jsonpath leads to a nested object or list which is not supported' };
    return { met: formatGoValue(v).trim() === expected.trim() };
  };
  return { type: 'check', check };
}

/** conditionFuncFor. */
function parseCondition(text: string): Condition | { error: string } {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create') return { type: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return {
      type: 'check',
      check:
        eq < 0
          ? conditionCheck(rest, 'true')
          : conditionCheck(rest.slice(0, eq), rest.slice(eq + 1)),
    };
  }
  if (text.startsWith('jsonpath=')) return jsonPathCondition(text.slice('jsonpath='.length));
  return { error: `unrecognized condition: ${JSON.stringify(text)}` };
}

const nameOfItem = (item: Item) =>
  String((item.obj['metadata'] as { name?: string } | undefined)?.name ?? '');

const live = (ctx: KubectlContext, item: Item): KubeObject | undefined =>
  ctx.reader.get(item.kind as Kind, item.namespace, nameOfItem(item));

/** `deployments/x`: how the timeout error names the object (resource without group). */
const resourceName = (item: Item) => `${KINDS[item.kind as Kind].resource}/${nameOfItem(item)}`;

/** info.ObjectName(): `deployments.apps/x`. */
const objectName = (item: Item) =>
  `${qualifiedResource(item.kind as Kind, true)}/${nameOfItem(item)}`;

/** When to look again: the world's next change, never past the deadline, always ahead. */
function wakeAt(ctx: KubectlContext, deadline: number): number {
  const next = nextEventTime(ctx.world);
  return Math.max(Math.min(next ?? deadline, deadline), ctx.now + 1);
}

/** Waits on one object; the object to print when the condition holds. */
function* waitFor(
  ctx: KubectlContext,
  item: Item,
  condition: Condition,
  deadline: number,
  once: boolean,
): Generator<number, { obj: Record<string, unknown> } | { error: KubectlError }, void> {
  const uid = (item.obj['metadata'] as { uid?: string } | undefined)?.uid;
  for (;;) {
    const current = live(ctx, item);
    if (condition.type === 'create') return { obj: item.obj };
    if (condition.type === 'delete') {
      if (!current || current.metadata?.uid !== uid) return { obj: item.obj };
    } else {
      if (!current)
        return {
          error: {
            status: {
              ok: false,
              code: 404,
              reason: 'NotFound',
              message: `${qualifiedResource(item.kind as Kind, true)} "${nameOfItem(item)}" not found`,
            },
          },
        };
      const r = condition.check(current as unknown as Record<string, unknown>);
      if ('error' in r) return { error: plain(r.error) };
      if (r.met) return { obj: current as unknown as Record<string, unknown> };
    }
    if (once) return { error: plain(`condition not met for ${objectName(item)}`) };
    if (ctx.now >= deadline) return { error: plain(`${TIMED_OUT} on ${resourceName(item)}`) };
    yield wakeAt(ctx, deadline);
  }
}

function* run(ctx: KubectlContext): Run {
  const output = parseOutputFormat(ctx.flags.str('output'), OUTPUT_FORMATS);
  if (!output.ok) return ctx.fail(output.error);
  const condition = parseCondition(ctx.flags.str('for'));
  if ('error' in condition) return ctx.fail(condition.error);
  const local = ctx.flags.bool('local');
  if (local && ctx.args.length > 0) {
    ctx.err(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    );
    return 1;
  }
  const timeout = ctx.flags.has('timeout') ? ctx.flags.int('timeout', 30_000) : 30_000;
  const once = timeout === 0;
  const deadline = ctx.now + (timeout < 0 ? WEEK : timeout);
  const all = ctx.flags.bool('all');
  // With --local the builder reads only the files, but every condition is still checked against
  // the server, so the files name live objects either way.
  const find = () => collectItems(ctx, ctx.args, { local: false, allowEmptySelector: all });

  if (condition.type === 'create') {
    for (;;) {
      const found = find();
      if (!found.ok) return reportErrors(ctx, found.errors);
      const missing = found.visits.some(
        (v) => 'error' in v && 'status' in v.error && v.error.status.reason === 'NotFound',
      );
      if (!missing) break;
      if (ctx.now >= deadline) return ctx.fail(TIMED_OUT);
      yield Math.max(Math.min(ctx.now + CREATE_POLL, deadline), ctx.now + 1);
    }
  }

  const found = find();
  if (!found.ok) return reportErrors(ctx, found.errors);
  const errors: KubectlError[] = [];
  const separate = { count: 0 };
  let visited = 0;
  for (const visit of found.visits) {
    if ('error' in visit) {
      const e = visit.error;
      // --for=delete is satisfied by objects that are already gone.
      if (condition.type === 'delete' && 'status' in e && e.status.reason === 'NotFound') continue;
      errors.push(e);
      continue;
    }
    visited += 1;
    const result = yield* waitFor(ctx, visit.item, condition, deadline, once);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    const e = printItem(
      ctx,
      output.format as OutputFormat,
      visit.item.name,
      result.obj,
      'condition met',
      separate,
    );
    if (e) errors.push(e);
  }
  if (errors.length === 0 && visited === 0 && condition.type !== 'delete')
    return ctx.fail('no matching resources found');
  return reportErrors(ctx, errors);
}

export const waitCommands: KubectlCommand[] = [
  {
    path: 'wait',
    summary: 'wait for a specific condition on one or many resources',
    flags: [
      { name: 'all', type: 'bool' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'field-selector', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'for', type: 'string' },
      { name: 'local', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
      { name: 'timeout', type: 'duration' },
    ],
    run,
  },
];
