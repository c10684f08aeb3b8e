// kubectl diff: k8s.io/kubectl/pkg/cmd/diff/diff.go. kubectl writes the live and the merged
// (server dry-run) objects as YAML into two temporary directories, LIVE-<n> and MERGED-<n>, and
// runs `diff -u -N` over them; its exit code is diff's (1 when something differs), and >1 when
// kubectl itself fails.
import { structuredPatch } from 'diff';
import { applyManifest } from '../../../engine/k8s/apply';
import { isStatusError } from '../../../engine/k8s/apiserver';
import type { KubeObject } from '../../../engine/k8s/types';
import { KINDS } from '../../../engine/k8s/types';
import { toKubectlYaml } from '../../printers/yaml';
import type { KubectlCommand, KubectlContext } from '../command';
import type { CmdError } from './apply-common';
import { FILENAME_FLAGS, formatErrors, loadManifests, namespaceFor } from './apply-common';

/** diff.go's InfoObject.Name: `apps.v1.Deployment.default.my-app`. */
function fileName(obj: { kind: string; apiVersion: string; namespace: string; name: string }) {
  const [group, version] = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')
    : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${obj.namespace}.${obj.name}`;
}

/** A deterministic 32-bit mix, standing in for Go's fastrand in os.MkdirTemp. */
function mix(a: number, b: number): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (b >>> 0), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** GNU diff's `%Y-%m-%d %H:%M:%S.%N %z` for a file time (UTC, as the simulated machine runs). */
export function gnuDiffTime(ms: number, nanos: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(nanos, 6)} +0000`;
}

const EPOCH = '1970-01-01 00:00:00.000000000 +0000';

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** One file's part of `diff -u -N DIR1 DIR2`, or '' when the files are the same. */
export function unifiedFileDiff(
  livePath: string,
  mergedPath: string,
  live: string | undefined,
  merged: string | undefined,
  liveTime: string,
  mergedTime: string,
): string {
  const a = live ?? '';
  const b = merged ?? '';
  if (a === b) return '';
  const patch = structuredPatch(livePath, mergedPath, a, b, '', '', { context: 3 });
  let out = `diff -u -N ${livePath} ${mergedPath}\n`;
  out += `--- ${livePath}\t${live === undefined ? EPOCH : liveTime}\n`;
  out += `+++ ${mergedPath}\t${merged === undefined ? EPOCH : mergedTime}\n`;
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    out += h.lines.map((l) => `${l}\n`).join('');
  }
  return out;
}

/**
 * diff.go's Masker: a Secret's values never reach the terminal; a changed value shows as
 * `*** (before)` / `*** (after)`, any other as `***`.
 */
export function maskSecrets(
  live: KubeObject | undefined,
  merged: KubeObject,
): [KubeObject | undefined, KubeObject] {
  if (merged.kind !== 'Secret') return [live, merged];
  const dataOf = (o: KubeObject | undefined) =>
    (o as { data?: Record<string, string> } | undefined)?.data;
  const before = dataOf(live);
  const after = dataOf(merged);
  const mask = (own: Record<string, string> | undefined, other: typeof own, tag: string) => {
    if (!own) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(own))
      out[k] = other && k in other && other[k] !== v ? `*** (${tag})` : '***';
    return out;
  };
  const withData = (o: KubeObject, data: Record<string, string> | undefined) =>
    (data ? { ...o, data } : o) as KubeObject;
  return [
    live && withData(live, mask(before, after, 'before')),
    withData(merged, mask(after, before, 'after')),
  ];
}

function yamlOf(obj: KubeObject): string {
  const copy = { ...obj, metadata: { ...obj.metadata } };
  delete copy.metadata.managedFields;
  return toKubectlYaml(copy);
}

function run(ctx: KubectlContext): number {
  const fail = (message: string) => {
    ctx.err(`error: ${message}\n`);
    return 2;
  };
  if (ctx.args.length > 0) {
    ctx.helpError(`Unexpected args: [${ctx.args.join(' ')}]`);
    return 2;
  }
  if (ctx.flags.list('filename').length === 0 && !ctx.flags.str('kustomize'))
    return fail('must specify one of -f and -k');
  const loaded = loadManifests(ctx);
  if (!loaded.ok) {
    ctx.err(loaded.message);
    return 2;
  }
  const errors: CmdError[] = [...loaded.errors];
  const files: { name: string; live?: string; merged?: string }[] = [];
  const manager = ctx.flags.str('field-manager', 'kubectl-client-side-apply');
  for (const m of loaded.manifests) {
    const ns = namespaceFor(ctx, m);
    if (!ns.ok) {
      errors.push({ text: ns.error });
      continue;
    }
    const live = ctx.reader.get(m.kind, ns.namespace, m.name);
    const result = ctx.transact(manager, (tx) => {
      const r = applyManifest(tx, m.object, { namespace: ns.namespace, manager, dryRun: true });
      return isStatusError(r) ? r : { ok: false as const, dry: r };
    });
    if (!('dry' in result)) {
      errors.push({ api: result, verb: live ? 'patching' : 'creating', source: m.source });
      continue;
    }
    const name = fileName({
      kind: KINDS[m.kind].kind,
      apiVersion: KINDS[m.kind].apiVersion,
      namespace: ns.namespace ?? '',
      name: m.name,
    });
    const [shownLive, shownMerged] = maskSecrets(live, result.dry.object);
    files.push({
      name,
      ...(shownLive ? { live: yamlOf(shownLive) } : {}),
      merged: yamlOf(shownMerged),
    });
  }
  const seed = mix(mix(ctx.world.rng, ctx.now), ctx.session.history.length);
  const liveDir = `/tmp/LIVE-${mix(seed, 1)}`;
  const mergedDir = `/tmp/MERGED-${mix(seed, 2)}`;
  // kubectl writes every LIVE file, then every MERGED file, a few microseconds apart.
  const liveTime = gnuDiffTime(ctx.now, 100000 + (mix(seed, 3) % 400000));
  const mergedTime = gnuDiffTime(ctx.now, 500000 + (mix(seed, 4) % 400000));
  files.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  let out = '';
  for (const f of files)
    out += unifiedFileDiff(
      `${liveDir}/${f.name}`,
      `${mergedDir}/${f.name}`,
      f.live,
      f.merged,
      liveTime,
      mergedTime,
    );
  ctx.out(out);
  if (errors.length > 0) {
    ctx.err(formatErrors(errors));
    return 2;
  }
  return out ? 1 : 0;
}

export const diffCommands: KubectlCommand[] = [
  {
    path: 'diff',
    summary: 'diff the live version against a would-be applied version',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'concurrency', type: 'int' },
      { name: 'field-manager', type: 'string' },
      { name: 'force-conflicts', type: 'bool' },
      { name: 'prune', type: 'bool' },
      { name: 'prune-allowlist', type: 'stringArray' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'server-side', type: 'bool' },
      { name: 'show-managed-fields', type: 'bool' },
    ],
    run,
  },
];
