// The Volumes section of pods and pod templates.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeVolumes and
// the print*VolumeSource functions (the volume types a simulated cluster can hold).
import type { Volume } from 'kubernetes-types/core/v1';
import { parseQuantity, quantityString } from './quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';

/** Image volumes (Kubernetes 1.31+) postdate the kubernetes-types release the project uses. */
type VolumeWithImage = Volume & { image?: { reference?: string; pullPolicy?: string } };

/** Go's %v of a *bool: `<nil>` when unset. */
function optionalPointer(value: boolean | undefined): string {
  return value === undefined ? '<nil>' : String(value);
}

function describeVolumeSource(volume: VolumeWithImage, w: PrefixWriter): void {
  const field = (name: string, v: unknown): string => `    ${name}:\t${String(v)}\n`;
  if (volume.hostPath) {
    w.write(
      LEVEL_2,
      'Type:\tHostPath (bare host directory volume)\n' +
        field('Path', volume.hostPath.path) +
        field('HostPathType', volume.hostPath.type ?? '<none>'),
    );
  } else if (volume.emptyDir) {
    const size = parseQuantity(volume.emptyDir.sizeLimit);
    w.write(
      LEVEL_2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        field('Medium', volume.emptyDir.medium ?? '') +
        field('SizeLimit', size && size.nanos > 0n ? quantityString(size) : '<unset>'),
    );
  } else if (volume.secret) {
    w.write(
      LEVEL_2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        field('SecretName', volume.secret.secretName ?? '') +
        field('Optional', volume.secret.optional === true),
    );
  } else if (volume.configMap) {
    w.write(
      LEVEL_2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        field('Name', volume.configMap.name ?? '') +
        field('Optional', volume.configMap.optional === true),
    );
  } else if (volume.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        field('ClaimName', volume.persistentVolumeClaim.claimName) +
        field('ReadOnly', volume.persistentVolumeClaim.readOnly === true),
    );
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n');
    w.write(LEVEL_2, 'Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) {
        w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    }
  } else if (volume.projected) {
    w.write(
      LEVEL_2,
      'Type:\tProjected (a volume that contains injected data from multiple sources)\n',
    );
    for (const source of volume.projected.sources ?? []) {
      if (source.secret) {
        w.write(
          LEVEL_2,
          `SecretName:\t${source.secret.name ?? ''}\n` +
            field('SecretOptionalName', optionalPointer(source.secret.optional)),
        );
      } else if (source.downwardAPI) {
        w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      } else if (source.configMap) {
        w.write(
          LEVEL_2,
          `ConfigMapName:\t${source.configMap.name ?? ''}\n` +
            field('ConfigMapOptional', optionalPointer(source.configMap.optional)),
        );
      } else if (source.serviceAccountToken) {
        w.write(
          LEVEL_2,
          `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`,
        );
      }
    }
  } else if (volume.image) {
    w.write(
      LEVEL_2,
      'Type:\tImage (a container image or OCI artifact)\n' +
        field('Reference', volume.image.reference ?? '') +
        field('PullPolicy', volume.image.pullPolicy ?? ''),
    );
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? ' ' : '';
  for (const volume of volumes) {
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}
