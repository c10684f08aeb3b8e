// kubectl edit: k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go. The object is written to a
// temporary file, the editor named by KUBE_EDITOR (or EDITOR) edits it, and the difference
// between what was written and what was saved is sent as a patch. In the page the editor is
// the manifests pane: it opens the file when it appears, saving it ends the edit and closing the
// tab unsaved removes it. Anywhere else there is no editor, and kubectl behaves as with
// EDITOR=true: the file comes back unchanged.
import { isStatusError, update } from '../../../engine/k8s/apiserver';
import { serverDefaults } from '../../../engine/k8s/apply';
import { notFound, type StatusError } from '../../../engine/k8s/errors';
import type { Json } from '../../../engine/k8s/merge/json';
import { deepEqual, isObject } from '../../../engine/k8s/merge/json';
import { isStrategicApiVersion, threeWayMerge } from '../../../engine/k8s/merge/strategic';
import type { Kind, KubeObject } from '../../../engine/k8s/types';
import { KINDS, qualifiedResource } from '../../../engine/k8s/types';
import type { Files, FsNode } from '../../../engine/fs/files';
import { readDir, readFile, statPath } from '../../../engine/fs/files';
import { toKubectlJson } from '../../printers/json';
import { toKubectlYaml } from '../../printers/yaml';
import type { Run } from '../../program';
import { withFiles } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import { NO_RESOURCES_GIVEN } from '../command';
import { yamlDocuments } from '../manifests';
import { nameOf } from '../output';
import { parseResourceArgs } from '../resources';
import { FILENAME_FLAGS } from './apply-common';

/** The KUBE_EDITOR value that names the page's own editor. */
export const PAGE_EDITOR = 'editor-pane';

/** Where the temporary files go, and their names (os.CreateTemp's `kubectl-edit-*.yaml`). */
export const EDIT_DIR = '/tmp';
const EDIT_FILE = /^kubectl-edit-\d+\.(yaml|json)$/;

export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** How often (simulated ms) the waiting command looks at its file. */
const POLL = 100;

/** The temporary files of edits in progress, for the page's editor to open. */
export function editFiles(files: Files): string[] {
  const list = readDir(files, EDIT_DIR);
  return (list.ok ? list.value : []).filter((n) => EDIT_FILE.test(n)).map((n) => `/tmp/${n}`);
}

/** cmdutil.ManualStrip: the file without its comment lines (`#!` lines stay). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** The edited file's one object, as the builder reads the stream named "edited-file". */
function parseEdited(text: string): Parsed {
  const values: unknown[] = [];
  for (const doc of yamlDocuments(text)) {
    if ('error' in doc) {
      return {
        ok: false,
        error: `error parsing edited-file: error converting YAML to JSON: yaml: line ${doc.line}: ${doc.error}`,
      };
    }
    values.push(doc.value);
  }
  return { ok: true, value: values.length === 1 ? values[0] : values };
}

/** cmdutil.StripComments: compares as JSON when the text parses, as stripped text when not. */
function sameContent(a: string, b: string): boolean {
  const pa = parseEdited(a);
  const pb = parseEdited(b);
  if (pa.ok && pb.ok) return deepEqual(pa.value, pb.value);
  return manualStrip(a) === manualStrip(b);
}

/** Whether a line has something besides blanks and comments (hasLines). */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

/**
 * The stored object after the two-way patch from `original` to `edited` is applied to
 * `current`: what the learner changed is changed, what they removed is removed, and what
 * changed on the server meanwhile (status, resourceVersion) and they left alone is kept.
 */
export function applyEdit(original: Json, edited: Json, current: Json, strategic: boolean): Json {
  return threeWayMerge(
    original,
    unchangedFromCurrent(original, edited, current),
    current,
    strategic,
  );
}

function unchangedFromCurrent(original: Json | undefined, edited: Json, current: Json | undefined) {
  if (deepEqual(original, edited)) return current === undefined ? edited : current;
  if (!isObject(edited) || !isObject(original)) return edited;
  const out: Record<string, Json> = {};
  const cur = isObject(current) ? current : {};
  for (const [k, v] of Object.entries(edited)) {
    if (deepEqual(original[k], v) && !(k in cur)) continue;
    out[k] = unchangedFromCurrent(original[k], v, cur[k]);
  }
  return out as Json;
}

/** A deterministic stand-in for os.CreateTemp's random digits. */
function tempName(ctx: KubectlContext, ext: string): string {
  let h = 2166136261;
  for (const c of `${ctx.world.seed}:${ctx.now}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  let n = (h >>> 0) % 1e10;
  for (;;) {
    const path = `${EDIT_DIR}/kubectl-edit-${n}.${ext}`;
    if (!statPath(ctx.world.files, path)) return path;
    n = (n + 1) % 1e10;
  }
}

function writeTemp(ctx: KubectlContext, path: string, text: string): FsNode | undefined {
  const r = withFiles(ctx.session, (tx) => tx.writeFile(path, text));
  return r.ok ? statPath(ctx.world.files, path) : undefined;
}

function removeTemp(ctx: KubectlContext, path: string): void {
  if (statPath(ctx.world.files, path)) withFiles(ctx.session, (tx) => tx.remove(path));
}

/** Waits until the editor is done with the file: saved (its text) or closed unsaved. */
function* waitForEditor(ctx: KubectlContext, path: string, written: FsNode | undefined) {
  for (;;) {
    yield ctx.now + POLL;
    const node = statPath(ctx.world.files, path);
    if (!node) return undefined;
    if (node !== written) {
      const r = readFile(ctx.world.files, path);
      return r.ok ? r.value : undefined;
    }
  }
}

interface Target {
  kind: Kind;
  name: string;
  namespace: string | undefined;
}

function* edit(ctx: KubectlContext, t: Target, original: KubeObject, json: boolean): Run {
  const editor = ctx.session.env['KUBE_EDITOR'] || ctx.session.env['EDITOR'] || '';
  const resource = qualifiedResource(t.kind, true);
  const printed = json ? toKubectlJson(original, { sortKeys: true }) : toKubectlYaml(original);
  const path = tempName(ctx, json ? 'json' : 'yaml');
  let reasons: string[] = [];
  let body = printed;
  let previous: string | undefined;
  for (;;) {
    // A JSON file has no room for comments: no header (editPrinterOptions.Complete).
    const text = json ? body : `${EDIT_HEADER}${reasons.join('')}${body}`;
    let edited: string | undefined;
    if (editor === PAGE_EDITOR) {
      edited = yield* waitForEditor(ctx, path, writeTemp(ctx, path, text));
      if (edited === undefined) {
        // Closed without saving: the editor left the file as it was.
        edited = text;
      }
    } else edited = text;

    const keep = (message: string): number => {
      if (statPath(ctx.world.files, path))
        ctx.err(`A copy of your changes has been stored to "${path}"\n`);
      return ctx.fail(message);
    };
    if (previous !== undefined && sameContent(manualStrip(previous), manualStrip(edited)))
      return keep('Edit cancelled, no valid changes were saved.');
    if (sameContent(printed, edited)) {
      removeTemp(ctx, path);
      ctx.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      removeTemp(ctx, path);
      ctx.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const parsed = parseEdited(edited);
    if (!parsed.ok) {
      reasons = [`# The edited file had a syntax error: ${parsed.error}\n#\n`];
      body = manualStrip(edited);
      previous = edited;
      continue;
    }
    const obj = parsed.value;
    if (!isObject(obj)) return keep('edit cancelled, no objects found');
    const meta = isObject(obj.metadata) ? obj.metadata : {};
    if (
      obj.apiVersion !== original.apiVersion ||
      obj.kind !== original.kind ||
      meta.name !== original.metadata?.name
    )
      return keep('At least one of apiVersion, kind and name was changed');
    const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    if (t.namespace !== undefined && ns !== undefined && ns !== t.namespace)
      return keep(
        `the namespace from the provided object "${ns}" does not match the namespace "${t.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
      );
    const before = JSON.parse(JSON.stringify(original)) as Json;
    if (deepEqual(before, obj)) {
      removeTemp(ctx, path);
      ctx.out(`${nameOf(original)} skipped\n`);
      return 0;
    }
    const manager = ctx.flags.str('field-manager', 'kubectl-edit');
    const result = ctx.transact(manager, (tx): StatusError | KubeObject => {
      const live = tx.get(t.kind, t.namespace, t.name);
      if (!live) return notFound(t.kind, t.name);
      const strategic = isStrategicApiVersion(live.apiVersion ?? '');
      const merged = applyEdit(before, obj, JSON.parse(JSON.stringify(live)) as Json, strategic);
      const next = serverDefaults(t.kind, merged as unknown as KubeObject);
      if (deepEqual(next, live)) return live;
      return update(tx, t.kind, next as never);
    });
    if (!isStatusError(result)) {
      removeTemp(ctx, path);
      ctx.out(`${nameOf(result)} edited\n`);
      return 0;
    }
    if (result.reason === 'NotFound') {
      ctx.err(`error: ${resource} "${t.name}" could not be found on the server\n`);
      ctx.err(`The edits you made on deleted resources have been saved to "${path}"\n`);
      writeTemp(ctx, path, edited);
      return 1;
    }
    if (result.reason === 'Invalid') {
      ctx.err(`error: ${resource} "${t.name}" is invalid\n`);
      const causes = (result.causes ?? []).map((c) => `# * ${c.field}: ${c.message}\n`);
      reasons = [`# ${resource} "${t.name}" was not valid:\n${causes.join('')}#\n`];
      body = manualStrip(edited);
      previous = edited;
      continue;
    }
    ctx.err(`error: ${resource} "${t.name}" could not be patched: ${result.message}\n`);
    writeTemp(ctx, path, edited);
    ctx.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
    return 1;
  }
}

function run(ctx: KubectlContext): number | Run {
  const output = ctx.flags.str('output');
  if (output !== '' && output !== 'yaml' && output !== 'json')
    return ctx.fail(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`,
    );
  if (ctx.flags.list('filename').length > 0)
    return ctx.fail(
      'editing from files (-f) is not simulated; name the object: kubectl edit TYPE NAME',
    );
  if (ctx.args.length === 0) return ctx.fail(NO_RESOURCES_GIVEN);
  const parsed = parseResourceArgs(ctx.args, ctx.reader);
  if (!parsed.ok) return ctx.fail(parsed.error);
  const ref = parsed.refs[0];
  if (parsed.refs.length !== 1 || !ref || ref.name === undefined)
    return ctx.fail('the simulator edits one named object at a time: kubectl edit TYPE NAME');
  const namespace = KINDS[ref.kind].namespaced ? ctx.namespace : undefined;
  const target: Target = { kind: ref.kind, name: ref.name, namespace };
  const original = ctx.reader.get(ref.kind, namespace, ref.name);
  if (!original) return ctx.apiError(notFound(ref.kind, ref.name));
  return edit(ctx, target, original, output === 'json');
}

export const editCommands: KubectlCommand[] = [
  {
    path: 'edit',
    summary: 'edit a resource in the editor',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'allow-missing-template-keys', type: 'bool' },
      { name: 'field-manager', type: 'string' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'output-patch', type: 'bool' },
      { name: 'save-config', type: 'bool' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'subresource', type: 'string' },
      { name: 'template', type: 'string' },
      { name: 'validate', type: 'string', noOptDefVal: 'strict' },
      { name: 'windows-line-endings', type: 'bool' },
    ],
    run,
  },
];
