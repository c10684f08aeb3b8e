// `kubectl describe` for the kinds Argo CD's install manifest brings.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeStatefulSet
// (with getPodStatusForController, describeVolumeClaimTemplates), ConfigMapDescriber,
// describeSecret, describeServiceAccount (RBAC and NetworkPolicies: ./policy.ts).
// Kinds kubectl has no describer for (custom resources, CRDs) get its generic one
// (genericDescriber, printUnstructuredContent).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/k8s/types';
import { describePodTemplate } from './containers';
import type { DescribeContext } from './context';
import { describeEvents, objectEvents } from './events';
import { smartLabelFor } from './generic';
import { selectorMatches, selectorString } from './selectors';
import {
  LEVEL_0,
  LEVEL_1,
  byteOrder,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
  type PrefixWriter,
} from './writer';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

function goValue(v: Json): string {
  return v === null ? '<nil>' : String(v);
}

function printContent(
  w: PrefixWriter,
  level: number,
  content: { [key: string]: Json },
  prefix: string,
): void {
  for (const field of Object.keys(content).sort(byteOrder)) {
    const value = content[field] ?? null;
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** genericDescriber: the metadata header, every other field as stored, then the events. */
export function describeGeneric(kind: string, obj: KubeObject, ctx: DescribeContext): string {
  const meta = obj.metadata ?? {};
  const events = objectEvents(ctx.reader, kind, meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printContent(w, LEVEL_0, JSON.parse(JSON.stringify(obj)) as { [key: string]: Json }, '');
    describeEvents(events, w, ctx.now);
  });
}

/** getPodStatusForController: the controller's pods (selector and owner) by phase. */
function podStatus(obj: StatefulSet, ctx: DescribeContext): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  const uid = obj.metadata?.uid;
  for (const pod of ctx.reader.list('Pod', obj.metadata?.namespace)) {
    if (!selectorMatches(obj.spec?.selector, pod.metadata?.labels)) continue;
    if (!(pod.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === uid)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed')
      counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeStatefulSet(sts: StatefulSet, ctx: DescribeContext): string {
  const meta = sts.metadata ?? {};
  const events = objectEvents(ctx.reader, 'StatefulSet', meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(sts.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(
      LEVEL_0,
      `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`,
    );
    const strategy = sts.spec?.updateStrategy;
    w.write(LEVEL_0, `Update Strategy:\t${strategy?.type ?? ''}\n`);
    const partition = strategy?.rollingUpdate?.partition;
    if (partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${partition}\n`);
      const maxUnavailable = strategy?.rollingUpdate?.maxUnavailable;
      if (maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podStatus(sts, ctx)}\n`);
    describePodTemplate(sts.spec?.template, w);
    const claims = sts.spec?.volumeClaimTemplates ?? [];
    if (claims.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    else {
      w.write(LEVEL_0, 'Volume Claims:\n');
      for (const pvc of claims) {
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
        printLabelsMultiline(w, '  Labels', pvc.metadata?.labels);
        printAnnotationsMultiline(w, '  Annotations', pvc.metadata?.annotations);
        const storage = pvc.spec?.resources?.requests?.['storage'];
        w.write(LEVEL_1, `Capacity:\t${storage ?? '<default>'}\n`);
        w.write(LEVEL_1, `Access Modes:\t${(pvc.spec?.accessModes ?? []).join(', ')}\n`);
      }
    }
    describeEvents(events, w, ctx.now);
  });
}

export function describeConfigMap(cm: ConfigMap, ctx: DescribeContext): string {
  const meta = cm.metadata ?? {};
  const events = objectEvents(ctx.reader, 'ConfigMap', meta);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // Go ranges over the map in random order; sorted keys are one of the orders it can print.
    for (const key of Object.keys(cm.data ?? {}).sort(byteOrder)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data?.[key] ?? ''}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of Object.keys(cm.binaryData ?? {}).sort(byteOrder))
      w.write(LEVEL_0, `${key}: ${base64Length(cm.binaryData?.[key] ?? '')} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, ctx.now);
  });
}

/** How many bytes a base64 text decodes to. */
function base64Length(text: string): number {
  const clean = text.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export function describeSecret(secret: Secret): string {
  const meta = secret.metadata ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of Object.keys(secret.data ?? {}).sort(byteOrder)) {
      const value = secret.data?.[key] ?? '';
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token')
        w.write(LEVEL_0, `${key}:\t${atobText(value)}\n`);
      else w.write(LEVEL_0, `${key}:\t${base64Length(value)} bytes\n`);
    }
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 to text (a service account token is ASCII). */
function atobText(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of text.replace(/=+$/, '')) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 255);
    }
  }
  return out;
}

export function describeServiceAccount(sa: ServiceAccount, ctx: DescribeContext): string {
  const meta = sa.metadata ?? {};
  const events = objectEvents(ctx.reader, 'ServiceAccount', meta);
  const existing = new Set(
    ctx.reader.list('Secret', meta.namespace).map((s) => s.metadata?.name ?? ''),
  );
  const tokens = ctx.reader
    .list('Secret', meta.namespace)
    .filter(
      (s) =>
        s.type === 'kubernetes.io/service-account-token' &&
        s.metadata?.annotations?.['kubernetes.io/service-account.name'] === meta.name &&
        s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === meta.uid,
    )
    .map((s) => s.metadata?.name ?? '');
  // Sorted by header, as kubectl's sets.StringKeySet(...).List() orders them.
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        const missing = header !== 'Tokens:            ' && !existing.has(name);
        w.write(LEVEL_0, `${prefix}\t${name}${missing ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    describeEvents(events, w, ctx.now);
  });
}
