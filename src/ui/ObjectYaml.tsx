// One object's YAML inside the cluster view, as `kubectl get … -o yaml` prints it, or kubectl's
// NotFound when the object is gone from the world shown.
import { useId, useMemo } from 'react';
import type { Ref } from 'react';
import type { ObjectRef } from '../cli/clusterView';
import { objectYaml, yamlCommand } from '../cli/clusterView';
import { KINDS } from '../engine/k8s/types';
import type { World } from '../engine/world';

/** `my-app` in the default namespace, `team/api` elsewhere. */
export function shortName(ref: ObjectRef): string {
  return ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
}

export function kindWord(ref: ObjectRef): string {
  return KINDS[ref.kind].singular;
}

interface YamlPanelProps {
  ref: Ref<HTMLDivElement>;
  world: World;
  target: ObjectRef;
  onClose: () => void;
  timeTravel: boolean;
}

export function YamlPanel({ ref, world, target, onClose, timeTravel }: YamlPanelProps) {
  const titleId = useId();
  const yaml = useMemo(() => objectYaml(world, target), [world, target]);
  const command = yamlCommand(target);
  return (
    <div
      ref={ref}
      className="cv-yaml"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div className="cv-yaml-header">
        <h3 id={titleId}>
          {kindWord(target)} {shortName(target)}
          {timeTravel && <span className="cv-yaml-past"> (as it was then)</span>}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close YAML (Esc)">
          Close
        </button>
      </div>
      <p className="cv-yaml-command">
        <code>$ {command}</code>
      </p>
      {yaml === undefined ? (
        <p className="cv-yaml-missing">
          Error from server (NotFound): {KINDS[target.kind].resource}
          {KINDS[target.kind].group ? `.${KINDS[target.kind].group}` : ''} &quot;{target.name}
          &quot; not found
        </p>
      ) : (
        <pre className="cv-yaml-text" tabIndex={0} aria-label={`YAML of ${kindWord(target)}`}>
          {yaml}
        </pre>
      )}
    </div>
  );
}
