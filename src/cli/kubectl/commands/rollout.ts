// kubectl rollout: status, history and undo live in their own files; pause, resume and restart
// are here (kubectl pkg/cmd/rollout/rollout_pause.go, rollout_resume.go, rollout_restart.go with
// pkg/polymorphichelpers/objectpauser.go, objectresumer.go, objectrestarter.go). Those three
// compute a patch per object and send it only when it changes something.
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import type { Deployment, KubeObject } from '../../../engine/k8s/types';
import { rfc3339 } from '../../../engine/time';
import type { KubectlCommand, KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import type { KubectlError, Target } from './rollout-builder';
import {
  hasFilenames,
  plain,
  reportErrors,
  resolveTargets,
  resourceString,
} from './rollout-builder';
import { historyCommand } from './rollout-history';
import { printerFor } from './rollout-print';
import { statusCommand } from './rollout-status';
import { undoCommand } from './rollout-undo';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** What an object helper does to one object: the changed object, or why it cannot. */
type Mutation = (t: Target, now: number) => { next: KubeObject } | { error: string };

interface PatchCommand {
  verb: 'pause' | 'resume' | 'restart';
  mutate: Mutation;
  done: string;
  /** What the name printer says when the patch is empty; restart treats it as an error. */
  unchanged: (t: Target) => { print: string } | { error: string };
}

function deploymentOnly(
  unsupported: string,
  change: (d: Deployment, now: number) => Deployment | string,
): Mutation {
  return (t, now) => {
    if (t.kind !== 'Deployment') return { error: unsupported };
    const r = change(t.obj as Deployment, now);
    return typeof r === 'string' ? { error: r } : { next: r };
  };
}

const pause: PatchCommand = {
  verb: 'pause',
  mutate: deploymentOnly('pausing is not supported', (d) =>
    d.spec?.paused ? 'is already paused' : { ...d, spec: { ...d.spec!, paused: true } },
  ),
  done: 'paused',
  unchanged: () => ({ print: 'already paused' }),
};

const resume: PatchCommand = {
  verb: 'resume',
  mutate: deploymentOnly('resuming is not supported', (d) => {
    if (!d.spec?.paused) return 'is not paused';
    // The patch sets paused to null: the field goes away rather than turning false.
    const spec = { ...d.spec };
    delete spec.paused;
    return { ...d, spec };
  }),
  done: 'resumed',
  unchanged: () => ({ print: 'already resumed' }),
};

const restart: PatchCommand = {
  verb: 'restart',
  mutate: deploymentOnly('restarting is not supported', (d, now) => {
    if (d.spec?.paused) return "can't restart paused deployment (run rollout resume first)";
    const template = d.spec?.template ?? {};
    const annotations = { ...template.metadata?.annotations, [RESTARTED_AT]: rfc3339(now) };
    return {
      ...d,
      spec: {
        ...d.spec!,
        template: { ...template, metadata: { ...template.metadata, annotations } },
      },
    };
  }),
  done: 'restarted',
  unchanged: (t) => ({
    error: `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
  }),
};

function runPatch(ctx: KubectlContext, cmd: PatchCommand): number {
  if (ctx.args.length === 0 && !hasFilenames(ctx))
    return ctx.fail('required resource not specified');
  const resolved = resolveTargets(ctx, ctx.args, { allowEmptySelector: true });
  if (!resolved.ok) return reportErrors(ctx, resolved.errors);
  const errors: KubectlError[] = [];
  // r.Infos() reads every object first; its errors come first, several as one aggregate.
  const infoErrors = resolved.visits.flatMap((v) => ('error' in v ? [v.error] : []));
  if (infoErrors.length > 1) errors.push({ errors: infoErrors });
  else errors.push(...infoErrors);
  const targets = resolved.visits.flatMap((v) => ('target' in v ? [v.target] : []));
  if (targets.length === 0 && errors.length === 0) {
    ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const manager = ctx.flags.str('field-manager', 'kubectl-rollout');
  for (const t of targets) {
    const m = cmd.mutate(t, ctx.now);
    if ('error' in m) {
      errors.push(plain(`error: ${resourceString(t.kind)} "${t.name}" ${m.error}`));
      continue;
    }
    let shown: KubeObject = t.obj;
    let operation = cmd.done;
    if (JSON.stringify(m.next) === JSON.stringify(t.obj)) {
      const same = cmd.unchanged(t);
      if ('error' in same) {
        errors.push(plain(same.error));
        continue;
      }
      operation = same.print;
    } else {
      const written = ctx.transact(manager, (tx) => update(tx, t.kind, m.next as never));
      if (isStatusError(written)) {
        errors.push(plain(`failed to patch: ${written.message}`));
        continue;
      }
      shown = written as KubeObject;
    }
    const printer = printerFor(ctx, operation);
    if ('error' in printer) errors.push(printer.error);
    else {
      printer.print(shown);
      errors.push(...printer.errors);
    }
  }
  return reportErrors(ctx, errors);
}

const PATCH_FLAGS: readonly FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

const patchCommand = (cmd: PatchCommand, summary: string): KubectlCommand => ({
  path: `rollout ${cmd.verb}`,
  summary,
  flags: PATCH_FLAGS,
  run: (ctx) => runPatch(ctx, cmd),
});

export const rolloutCommands: KubectlCommand[] = [
  statusCommand,
  historyCommand,
  undoCommand,
  patchCommand(pause, 'mark the provided resource as paused'),
  patchCommand(resume, 'resume a paused resource'),
  patchCommand(restart, 'restart a resource'),
];
