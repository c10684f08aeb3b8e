// The cluster as pictures: pods as boxes on their nodes, the Deployment → ReplicaSet → pod tree,
// the Services. Every word comes from the pure model (src/cli/clusterView.ts), which takes them
// from kubectl's own printers; this component only lays them out and shows an object's YAML.
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type {
  ClusterModel,
  DeploymentView,
  ObjectRef,
  PodView,
  ReplicaSetView,
  ServiceView,
} from '../cli/clusterView';
import { clusterModel, refKey } from '../cli/clusterView';
import type { World } from '../engine/world';
import { shortName, YamlPanel } from './ObjectYaml';
import { formatClock } from './time';
import './ClusterView.css';

export interface ClusterViewProps {
  world: World;
  /** The world shown is the past: read-only, dimmed and labelled with its time. */
  timeTravel: boolean;
  /** Simulated ms of the world shown. */
  at: number;
}

type Open = (ref: ObjectRef, event: MouseEvent<HTMLElement>) => void;

export function ClusterView({ world, timeTravel, at }: ClusterViewProps) {
  const model = useMemo(() => clusterModel(world), [world]);
  const [selected, setSelected] = useState<ObjectRef | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const section = useRef<HTMLElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  const open = useCallback<Open>((ref, event) => {
    opener.current = event.currentTarget;
    setSelected(ref);
  }, []);
  const close = useCallback(() => setSelected(null), []);

  // Focus moves into the panel when it opens and back to what opened it when it closes.
  useEffect(() => {
    if (selected) {
      if (!wasOpen.current) dialog.current?.focus();
      wasOpen.current = true;
    } else if (wasOpen.current) {
      wasOpen.current = false;
      const back = opener.current;
      if (back?.isConnected) back.focus();
      else section.current?.focus();
    }
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && selected) {
      event.stopPropagation();
      close();
    }
  };

  const time = formatClock(at);
  return (
    <section
      ref={section}
      data-testid="cluster-view"
      aria-label="Cluster"
      className={`cluster-view${timeTravel ? ' cv-past' : ''}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="pane-header cv-header">
        <h2>Cluster</h2>
        <time dateTime={new Date(at).toISOString()} className="cv-time">
          {timeTravel ? `as it was at ${time}` : time}
        </time>
      </header>
      {selected && (
        <YamlPanel
          ref={dialog}
          world={world}
          target={selected}
          onClose={close}
          timeTravel={timeTravel}
        />
      )}
      <div className="cv-body">
        <div className="cv-top">
          <Workloads model={model} onOpen={open} />
          <Services services={model.services} onOpen={open} />
        </div>
        <Nodes model={model} onOpen={open} />
      </div>
    </section>
  );
}

function Workloads({ model, onOpen }: { model: ClusterModel; onOpen: Open }) {
  const empty =
    model.deployments.length === 0 && model.replicaSets.length === 0 && model.pods.length === 0;
  return (
    <div className="cv-group cv-workloads">
      <h3>Workloads</h3>
      {empty ? (
        <p className="hint">No deployments, replica sets or pods yet.</p>
      ) : (
        <ul className="cv-tree">
          {model.deployments.map((d) => (
            <DeploymentItem key={refKey(d.ref)} deployment={d} onOpen={onOpen} />
          ))}
          {model.replicaSets.map((rs) => (
            <ReplicaSetItem key={refKey(rs.ref)} rs={rs} onOpen={onOpen} />
          ))}
          {model.pods.length > 0 && (
            <li>
              <span className="cv-tree-label">Pods without a controller</span>
              <PodChips pods={model.pods} />
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function DeploymentItem({ deployment: d, onOpen }: { deployment: DeploymentView; onOpen: Open }) {
  return (
    <li>
      <button
        type="button"
        className="cv-object"
        data-kind="Deployment"
        data-tone={d.tone}
        onClick={(e) => onOpen(d.ref, e)}
      >
        <Title kind="deployment" name={shortName(d.ref)} />
        <Details items={[`ready ${d.ready}`, d.images.join(', ')]} />
      </button>
      {d.replicaSets.length > 0 && (
        <ul>
          {d.replicaSets.map((rs) => (
            <ReplicaSetItem key={refKey(rs.ref)} rs={rs} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ReplicaSetItem({ rs, onOpen }: { rs: ReplicaSetView; onOpen: Open }) {
  return (
    <li>
      <button
        type="button"
        className="cv-object"
        data-kind="ReplicaSet"
        data-tone={rs.tone}
        onClick={(e) => onOpen(rs.ref, e)}
      >
        <Title kind="replicaset" name={shortName(rs.ref)} />
        <Details
          items={[
            rs.revision === undefined ? '' : `revision ${rs.revision}`,
            `ready ${rs.ready}/${rs.desired}`,
            rs.images.join(', '),
          ]}
        />
      </button>
      {rs.pods.length > 0 && <PodChips pods={rs.pods} />}
    </li>
  );
}

/** Beyond this many, the tree counts a ReplicaSet's pods by status instead of listing them. */
const CHIP_LIMIT = 12;

/** The tree's pods, small: the node boxes below are where a pod can be opened. */
function PodChips({ pods }: { pods: readonly PodView[] }) {
  if (pods.length > CHIP_LIMIT) {
    const counts = new Map<string, { tone: PodView['tone']; n: number }>();
    for (const p of pods) {
      const c = counts.get(p.status);
      if (c) c.n++;
      else counts.set(p.status, { tone: p.tone, n: 1 });
    }
    return (
      <ul className="cv-chips">
        {[...counts].map(([status, { tone, n }]) => (
          <li key={status} className="cv-chip" data-tone={tone}>
            {n} × <StatusWord status={status} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="cv-chips">
      {pods.map((p) => (
        <li key={p.uid} className="cv-chip" data-tone={p.tone}>
          {shortName(p.ref)} <StatusWord status={p.status} />
        </li>
      ))}
    </ul>
  );
}

function Services({ services, onOpen }: { services: readonly ServiceView[]; onOpen: Open }) {
  return (
    <div className="cv-group cv-services">
      <h3>Services</h3>
      {services.length === 0 ? (
        <p className="hint">No services.</p>
      ) : (
        <ul className="cv-list">
          {services.map((s) => (
            <li key={refKey(s.ref)}>
              <button
                type="button"
                className="cv-object"
                data-kind="Service"
                data-tone={s.tone}
                data-external-ip={s.externalIP}
                onClick={(e) => onOpen(s.ref, e)}
              >
                <Title kind="service" name={shortName(s.ref)} />
                <Details
                  items={[
                    s.type,
                    `cluster IP ${s.clusterIP}`,
                    `external IP ${s.externalIP}`,
                    s.ports,
                    serviceBackends(s),
                  ]}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function serviceBackends(s: ServiceView): string {
  if (s.selector === '<none>') return 'no selector';
  const ready = `${s.endpoints.length} ready pod${s.endpoints.length === 1 ? '' : 's'}`;
  return s.notReady.length > 0 ? `${ready}, ${s.notReady.length} not ready` : ready;
}

function Title({ kind, name }: { kind: string; name: string }) {
  return (
    <span className="cv-title">
      <span className="cv-kind">{kind}</span> <strong>{name}</strong>
    </span>
  );
}

/** Small facts under a title; empty ones are left out. */
function Details({ items }: { items: readonly string[] }) {
  return (
    <span className="cv-details">
      {items
        .filter((text) => text !== '')
        .map((text, i) => (
          // The spaces keep words apart in the button's accessible name; the gap lays them out.
          <Fragment key={i}>
            {' '}
            <span className="cv-detail">{text}</span>
          </Fragment>
        ))}
    </span>
  );
}

function Nodes({ model, onOpen }: { model: ClusterModel; onOpen: Open }) {
  return (
    <div className="cv-group cv-nodes-group">
      <h3>Nodes</h3>
      <div className="cv-nodes">
        {model.nodes.map((n) => (
          <NodeBox key={n.name} label={n.name} status={n.status} pods={n.pods} onOpen={onOpen} />
        ))}
        {model.unscheduled.length > 0 && (
          <NodeBox label="unscheduled" pods={model.unscheduled} onOpen={onOpen} />
        )}
      </div>
    </div>
  );
}

/** Boxes drawn per node: past this a page of boxes tells nothing a count does not. */
const NODE_POD_LIMIT = 300;

interface NodeBoxProps {
  label: string;
  status?: string;
  pods: readonly PodView[];
  onOpen: Open;
}

function NodeBox({ label, status, pods, onOpen }: NodeBoxProps) {
  const count = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  return (
    <div
      className={`cv-node${status === undefined ? ' cv-unscheduled' : ''}`}
      role="group"
      aria-label={
        status === undefined ? `Not scheduled yet, ${count}` : `${label}, ${status}, ${count}`
      }
      data-node={label}
    >
      <h4>
        {status === undefined ? 'Not scheduled yet' : label}
        {status !== undefined && <span className="cv-node-status"> {status}</span>}
      </h4>
      {pods.length === 0 ? (
        <p className="cv-node-empty">no pods</p>
      ) : (
        <ul className="cv-pods">
          {pods.slice(0, NODE_POD_LIMIT).map((p) => (
            <li key={p.uid}>
              <PodBox pod={p} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      {pods.length > NODE_POD_LIMIT && (
        <p className="cv-node-empty">
          and {pods.length - NODE_POD_LIMIT} more (kubectl get pods lists them all)
        </p>
      )}
    </div>
  );
}

// Redrawn only when what it shows changes: the clock ticks far more often than pods change.
const PodBox = memo(
  function PodBox({ pod, onOpen }: { pod: PodView; onOpen: Open }) {
    return (
      <button
        type="button"
        className="cv-pod"
        data-testid="pod"
        data-name={pod.ref.name}
        data-namespace={pod.ref.namespace}
        data-status={pod.status}
        data-tone={pod.tone}
        title={`${pod.ref.name}: ${pod.status}, READY ${pod.ready}, RESTARTS ${pod.restarts}`}
        onClick={(e) => onOpen(pod.ref, e)}
      >
        <span className="cv-pod-name">{shortName(pod.ref)}</span>
        <StatusWord status={pod.status} />
        <span className="cv-pod-ready">
          <span className="visually-hidden">ready </span>
          {pod.ready}
          {pod.restarts !== '0' && <span className="cv-pod-restarts"> ↻ {pod.restarts}</span>}
        </span>
      </button>
    );
  },
  (a, b) =>
    a.onOpen === b.onOpen &&
    a.pod.uid === b.pod.uid &&
    a.pod.ref.name === b.pod.ref.name &&
    a.pod.status === b.pod.status &&
    a.pod.ready === b.pod.ready &&
    a.pod.restarts === b.pod.restarts &&
    a.pod.tone === b.pod.tone,
);

/** Keyed by the word, so that a new status mounts afresh and plays its short animation. */
function StatusWord({ status }: { status: string }) {
  return (
    <span key={status} className="cv-status">
      {status}
    </span>
  );
}
