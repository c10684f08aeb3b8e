// kubectl patch: k8s.io/kubectl/pkg/cmd/patch/patch.go. The server applies the patch (strategic
// merge, JSON merge or JSON patch) to the stored object; kubectl prints `patched`, or
// `patched (no change)` when the object came back as it was.
import type { Operation } from 'fast-json-patch';
// The package is CommonJS for Node (its ESM build is only picked by bundlers): import its
// default export, which both understand.
import jsonPatch from 'fast-json-patch';
import { parseDocument } from 'yaml';
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import { dryRunUpdate, serverDefaults } from '../../../engine/k8s/apply';
import type { StatusError } from '../../../engine/k8s/errors';
import { notFound } from '../../../engine/k8s/errors';
import type { Json } from '../../../engine/k8s/merge/json';
import { applyMergePatch, deepEqual, isObject } from '../../../engine/k8s/merge/json';
import { applyStrategicPatch, isStrategicApiVersion } from '../../../engine/k8s/merge/strategic';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import { readFile, resolvePath } from '../../../engine/fs/files';
import { cwdOf } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import { GO_YAML } from '../manifests';
import { parseOutputFormat } from '../output';
import { parseResourceArgs } from '../resources';
import { checkDryRun, FILENAME_FLAGS, loadManifests, printOperation } from './apply-common';

const TYPES = ['json', 'merge', 'strategic'];

type Patched = { ok: true; obj: KubeObject } | { ok: false; message: string };

/** The object the server stores after `patch` of `type`; server-side errors as messages. */
export function patchObject(obj: KubeObject, type: string, patch: unknown): Patched {
  const doc = JSON.parse(JSON.stringify(obj)) as Json;
  if (type === 'json') {
    if (!Array.isArray(patch))
      return {
        ok: false,
        message:
          'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch',
      };
    try {
      const r = jsonPatch.applyPatch(doc, patch as Operation[], true, false);
      return { ok: true, obj: r.newDocument as unknown as KubeObject };
    } catch {
      return {
        ok: false,
        message:
          'The request is invalid: the server rejected our request due to an error in our request',
      };
    }
  }
  if (!isObject(patch))
    return {
      ok: false,
      message:
        'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}',
    };
  if (type === 'merge') return { ok: true, obj: applyMergePatch(doc, patch) as KubeObject };
  if (!isStrategicApiVersion(obj.apiVersion ?? ''))
    return {
      ok: false,
      message:
        'Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    };
  return { ok: true, obj: applyStrategicPatch(doc, patch) as unknown as KubeObject };
}

function run(ctx: KubectlContext): number {
  let dryRun = ctx.flags.str('dry-run', 'none');
  if (dryRun === 'unchanged') dryRun = 'client';
  const badDryRun = checkDryRun(dryRun);
  if (badDryRun) return ctx.fail(badDryRun);
  const type = ctx.flags.str('type', 'strategic');
  if (!TYPES.includes(type))
    return ctx.fail(`--type must be one of [json merge strategic], not "${type}"`);
  let text = ctx.flags.str('patch');
  const patchFile = ctx.flags.str('patch-file');
  if (!text && patchFile) {
    const r = readFile(ctx.world.files, resolvePath(cwdOf(ctx.session), patchFile));
    if (!r.ok)
      return ctx.fail(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = r.value;
  }
  if (!text)
    return ctx.fail('must specify --patch or --patch-file containing the contents of the patch');
  const output = parseOutputFormat(
    ctx.flags.str('output'),
    'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  );
  if (!output.ok) return ctx.fail(output.error);
  const parsedPatch = parseDocument(text, GO_YAML);
  if (parsedPatch.errors.length > 0)
    return ctx.fail(`unable to parse "${text}": yaml: line 1: did not find expected node content`);
  const patch: unknown = parsedPatch.toJS();

  if (ctx.flags.bool('local')) {
    if (ctx.args.length > 0) return ctx.fail('cannot specify --local and server resources');
    if (ctx.flags.list('filename').length === 0) return ctx.fail(NO_RESOURCES_GIVEN);
    const loaded = loadManifests(ctx);
    if (!loaded.ok) {
      ctx.err(loaded.message);
      return 1;
    }
    // Patched on the client, as the file says, with nothing sent (patch.go, o.Local).
    for (const m of loaded.manifests) {
      const patched = patchObject(m.object as unknown as KubeObject, type, patch);
      if (!patched.ok) {
        ctx.err(`${patched.message}\n`);
        return 1;
      }
      printOperation(ctx, patched.obj, 'patched', output.format, 'none');
    }
    return 0;
  }
  const targets: { kind: Kind; name: string; namespace: string | undefined }[] = [];
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
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return ctx.fail(parsed.error);
    for (const ref of parsed.refs) {
      if (ref.name === undefined)
        return ctx.fail('resource(s) were provided, but no name was specified');
      targets.push({
        kind: ref.kind,
        name: ref.name,
        namespace: KINDS[ref.kind].namespaced ? ctx.namespace : undefined,
      });
    }
  }
  const manager = ctx.flags.str('field-manager', 'kubectl-patch');
  let status = 0;
  for (const t of targets) {
    type Out =
      | StatusError
      | { ok: false; tag: 'message'; message: string }
      | { ok: false; tag: 'shown'; shown: KubeObject | StatusError; unchanged: boolean }
      | { ok: true; tag: 'shown'; shown: KubeObject; unchanged: boolean };
    const result = ctx.transact(manager, (tx): Out => {
      const live = tx.get(t.kind, t.namespace, t.name);
      if (!live) return notFound(t.kind, t.name);
      const patched = patchObject(live, type, patch);
      if (!patched.ok) return { ok: false, tag: 'message', message: patched.message };
      const next = serverDefaults(t.kind, patched.obj);
      const unchanged = deepEqual(next, live);
      if (unchanged || dryRun !== 'none') {
        const shown = unchanged ? live : dryRunUpdate(t.kind, next, live);
        return { ok: false, tag: 'shown', shown, unchanged };
      }
      const written = update(tx, t.kind, next as never);
      return isStatusError(written)
        ? written
        : { ok: true, tag: 'shown', shown: written, unchanged };
    });
    if (!('tag' in result)) {
      ctx.apiError(result);
      status = 1;
    } else if (result.tag === 'message') {
      ctx.err(`${result.message}\n`);
      status = 1;
    } else if (isStatusError(result.shown)) {
      ctx.apiError(result.shown);
      status = 1;
    } else {
      const op = result.unchanged ? 'patched (no change)' : 'patched';
      printOperation(ctx, result.shown, op, output.format, result.unchanged ? 'none' : dryRun);
    }
  }
  return status;
}

export const patchCommands: KubectlCommand[] = [
  {
    path: 'patch',
    summary: 'update fields of a resource',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
      { name: 'field-manager', type: 'string' },
      { name: 'local', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'patch', short: 'p', type: 'string' },
      { name: 'patch-file', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'subresource', type: 'string' },
      { name: 'template', type: 'string' },
      { name: 'type', type: 'string' },
    ],
    run,
  },
];
