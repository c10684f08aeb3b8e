// The StatefulSet controller (pkg/controller/statefulset: stateful_set_control.go,
// stateful_set_utils.go, stateful_pod_control.go): pods with stable names `<set>-<ordinal>`,
// created in order and, under OrderedReady, one at a time, each only once the one before it is
// Running and Ready; removed from the highest ordinal down; updated by deleting, from the highest
// ordinal down to the partition, each pod whose revision is not the update revision, letting the
// creation step bring it back with the new template.
import { controllerRef, create, remove } from '../apiserver';
import { recordEvent } from '../events';
import type { Controller, Tx } from '../store';
import type { Pod, PodTemplateSpec, StatefulSet } from '../types';
import { templateHash } from './deploymentutil';
import { both, clone, isPodAvailable, isPodReady, ownerKey, putIfChanged, selfKey } from './util';

const NAME = 'statefulset';
const SOURCE = { component: 'statefulset-controller' };
export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** Runtime table of revision name → the pod template it stands for (ControllerRevision data). */
const REVISIONS = 'statefulset-revisions';

/** The revision name for a template: `<set>-<hash>`, as ControllerRevisionName builds it. */
export function revisionName(sts: StatefulSet): string {
  const hash = templateHash(sts.spec?.template, sts.status?.collisionCount ?? 0);
  return `${sts.metadata?.name ?? ''}-${hash}`;
}

/** The ordinal of a pod of this set, from its name, or undefined when the name is not one. */
export function ordinalOf(setName: string, pod: Pod): number | undefined {
  const name = pod.metadata?.name ?? '';
  if (!name.startsWith(`${setName}-`)) return undefined;
  const rest = name.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

function newPod(sts: StatefulSet, template: PodTemplateSpec, revision: string, ordinal: number) {
  const setName = sts.metadata?.name ?? '';
  const name = `${setName}-${ordinal}`;
  const { creationTimestamp: _ignored, ...meta } = template.metadata ?? {};
  const serviceName = sts.spec?.serviceName;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name,
      generateName: `${setName}-`,
      namespace: sts.metadata?.namespace,
      labels: {
        ...meta.labels,
        [REVISION_LABEL]: revision,
        [POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ordinal),
      },
      ownerReferences: [controllerRef(sts)],
    },
    spec: {
      ...clone(template.spec ?? { containers: [] }),
      hostname: name,
      ...(serviceName ? { subdomain: serviceName } : {}),
    },
  };
  return pod;
}

function podEvent(tx: Tx, sts: StatefulSet, verb: 'Create' | 'Delete', pod: string) {
  recordEvent(
    tx,
    sts,
    'Normal',
    `Successful${verb}`,
    `${verb.toLowerCase()} Pod ${pod} in StatefulSet ${sts.metadata?.name ?? ''} successful`,
    SOURCE,
  );
}

/** One pass of the update algorithm; it stops where OrderedReady has to wait. */
function step(tx: Tx, sts: StatefulSet, pods: Map<number, Pod>, current: string, update: string) {
  const ns = sts.metadata?.namespace ?? '';
  const replicas = sts.spec?.replicas ?? 1;
  const monotonic = (sts.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  const rolling = (sts.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const partition = rolling ? (sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
  const templateOf = (rev: string) =>
    rev === update
      ? (sts.spec?.template ?? {})
      : (tx.getRuntime<PodTemplateSpec>(REVISIONS, `${ns}/${rev}`) ?? sts.spec?.template ?? {});

  for (let ord = 0; ord < replicas; ord++) {
    const pod = pods.get(ord);
    if (pod && isFinished(pod) && !pod.metadata?.deletionTimestamp) {
      remove(tx, 'Pod', ns, pod.metadata?.name ?? '');
      podEvent(tx, sts, 'Delete', pod.metadata?.name ?? '');
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      const rev = rolling && ord < partition && current !== update ? current : update;
      const created = create(tx, 'Pod', newPod(sts, templateOf(rev), rev, ord));
      if ('ok' in created) {
        recordEvent(
          tx,
          sts,
          'Warning',
          'FailedCreate',
          `create Pod ${sts.metadata?.name ?? ''}-${ord} in StatefulSet ${sts.metadata?.name ?? ''} failed error: ${created.message}`,
          SOURCE,
        );
        return;
      }
      podEvent(tx, sts, 'Create', created.metadata?.name ?? '');
      pods.set(ord, created);
      if (monotonic) return;
      continue;
    }
    if (monotonic && (pod.metadata?.deletionTimestamp || !isRunningAndReady(pod))) return;
  }

  const condemned = [...pods.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
  for (const ord of condemned) {
    const pod = pods.get(ord) as Pod;
    if (pod.metadata?.deletionTimestamp) {
      if (monotonic) return;
      continue;
    }
    remove(tx, 'Pod', ns, pod.metadata?.name ?? '');
    podEvent(tx, sts, 'Delete', pod.metadata?.name ?? '');
    if (monotonic) return;
  }

  if (!rolling) return;
  for (let ord = replicas - 1; ord >= partition; ord--) {
    const pod = pods.get(ord);
    if (!pod) return;
    if (pod.metadata?.labels?.[REVISION_LABEL] !== update && !pod.metadata?.deletionTimestamp) {
      remove(tx, 'Pod', ns, pod.metadata?.name ?? '');
      podEvent(tx, sts, 'Delete', pod.metadata?.name ?? '');
      return;
    }
    if (!isRunningAndReady(pod)) return;
  }
}

function syncStatus(tx: Tx, sts: StatefulSet, current: string, update: string): void {
  const ns = sts.metadata?.namespace ?? '';
  const setName = sts.metadata?.name ?? '';
  const latest = tx.get('StatefulSet', ns, setName) ?? sts;
  const pods = tx
    .ownedBy('Pod', ns, sts.metadata?.uid ?? '')
    .filter((p) => ordinalOf(setName, p) !== undefined);
  const minReady = latest.spec?.minReadySeconds ?? 0;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let currentReplicas = 0;
  let updated = 0;
  for (const pod of pods) {
    if (pod.status?.phase) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, tx.now)) available++;
    }
    if (pod.status?.phase && !pod.metadata?.deletionTimestamp) {
      const rev = pod.metadata?.labels?.[REVISION_LABEL];
      if (rev === current) currentReplicas++;
      if (rev === update) updated++;
    }
  }
  let currentRevision = current;
  const rolling = (latest.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  // completeRollingUpdate: once every pod runs the update revision and is ready, it is current.
  if (rolling && updated === replicas && ready === replicas) {
    currentReplicas = updated;
    currentRevision = update;
  }
  const status = {
    availableReplicas: available,
    collisionCount: latest.status?.collisionCount ?? 0,
    ...(currentReplicas > 0 ? { currentReplicas } : {}),
    currentRevision,
    observedGeneration: latest.metadata?.generation ?? 1,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    replicas,
    updateRevision: update,
    ...(updated > 0 ? { updatedReplicas: updated } : {}),
  };
  putIfChanged(tx, 'StatefulSet', latest, { ...latest, status });
  if (minReady > 0 && ready > available) tx.wakeAt(NAME, ns, setName, tx.now + minReady * 1000);
}

export const statefulSetController: Controller = {
  name: NAME,
  manager: 'kube-controller-manager',
  watches: {
    StatefulSet: (_tx, a, b) => both(selfKey, a, b),
    Pod: (_tx, a, b) => both((o) => ownerKey(o, 'StatefulSet'), a, b),
  },
  reconcile(tx, ns, name) {
    const sts = tx.get('StatefulSet', ns, name);
    if (!sts || sts.metadata?.deletionTimestamp) return;
    const update = revisionName(sts);
    const current = sts.status?.currentRevision || update;
    if (tx.getRuntime(REVISIONS, `${ns}/${update}`) === undefined)
      tx.setRuntime(REVISIONS, `${ns}/${update}`, clone(sts.spec?.template ?? {}));
    const pods = new Map<number, Pod>();
    for (const pod of tx.ownedBy('Pod', ns, sts.metadata?.uid ?? '')) {
      const ord = ordinalOf(name, pod);
      if (ord !== undefined) pods.set(ord, pod);
    }
    step(tx, sts, pods, current, update);
    syncStatus(tx, sts, current, update);
  },
};
