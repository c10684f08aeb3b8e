// A compact schema of the manifest fields a learner writes by hand, for the editor's completion:
// each field's type as the API reference names it, a one-line description, its allowed values
// when it is an enum, and its fields or list items. It covers the kinds the lessons use, not the
// whole OpenAPI document; fields it does not know are simply not offered.

export interface FieldSchema {
  /** The type as the API reference writes it: `string`, `integer`, `[]Container`, `map[string]string` … */
  type: string;
  doc: string;
  fields?: Readonly<Record<string, FieldSchema>>;
  /** For lists: what each item is. */
  items?: FieldSchema;
  values?: readonly string[];
}

const str = (doc: string, values?: readonly string[]): FieldSchema =>
  values ? { type: 'string', doc, values } : { type: 'string', doc };
const int = (doc: string): FieldSchema => ({ type: 'integer', doc });
const bool = (doc: string): FieldSchema => ({ type: 'boolean', doc, values: ['true', 'false'] });
const strMap = (doc: string): FieldSchema => ({ type: 'map[string]string', doc });
const obj = (type: string, doc: string, fields: Record<string, FieldSchema>): FieldSchema => ({
  type,
  doc,
  fields,
});
const list = (doc: string, items: FieldSchema): FieldSchema => ({
  type: `[]${items.type}`,
  doc,
  items,
});
const intOrString = (doc: string): FieldSchema => ({ type: 'IntOrString', doc });

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const OBJECT_META = obj(
  'ObjectMeta',
  "The object's name, namespace, labels and annotations.",
  {
    name: str('The name, unique among objects of this kind in the namespace.'),
    namespace: str('The namespace the object lives in; the current one when left out.'),
    labels: strMap('Key-value pairs that selectors (Services, Deployments) match on.'),
    annotations: strMap('Key-value notes for tools; not used for selection.'),
    generateName: str('A prefix the server completes with a random suffix when name is empty.'),
  },
);

const LABEL_SELECTOR = obj('LabelSelector', 'Which objects, by their labels.', {
  matchLabels: strMap('Labels an object must all carry to be selected.'),
  matchExpressions: list(
    'Set-based requirements (In, NotIn, Exists, DoesNotExist).',
    obj('LabelSelectorRequirement', 'One requirement on a label.', {
      key: str('The label key.'),
      operator: str('How the key relates to the values.', [
        'In',
        'NotIn',
        'Exists',
        'DoesNotExist',
      ]),
      values: list('The values for In and NotIn.', str('A label value.')),
    }),
  ),
});

const PROBE = obj('Probe', 'A check the kubelet runs on the container.', {
  httpGet: obj('HTTPGetAction', 'Succeeds on an HTTP status from 200 to 399.', {
    path: str('The URL path to request.'),
    port: intOrString('The container port, by number or name.'),
    scheme: str('HTTP or HTTPS.', ['HTTP', 'HTTPS']),
  }),
  tcpSocket: obj('TCPSocketAction', 'Succeeds when a TCP connection opens.', {
    port: intOrString('The container port, by number or name.'),
  }),
  exec: obj('ExecAction', 'Succeeds when the command exits 0.', {
    command: list('The command and its arguments.', str('One argument.')),
  }),
  initialDelaySeconds: int('Seconds to wait after the container starts before the first check.'),
  periodSeconds: int('Seconds between checks (default 10).'),
  timeoutSeconds: int('Seconds before a check counts as failed (default 1).'),
  failureThreshold: int('Failures in a row before the probe counts as failed (default 3).'),
  successThreshold: int('Successes in a row before the probe counts as passing (default 1).'),
});

const RESOURCE_LIST = (doc: string) =>
  obj('ResourceList', doc, {
    cpu: str('CPU, in cores or millicores (`500m`).'),
    memory: str('Memory, in bytes with a suffix (`128Mi`).'),
  });

const CONTAINER = obj('Container', 'One container of the pod.', {
  name: str('The container name, unique within the pod.'),
  image: str('The image to run, `name:tag` or `name@digest`.'),
  imagePullPolicy: str('When the kubelet pulls the image.', ['Always', 'IfNotPresent', 'Never']),
  command: list("Replaces the image's ENTRYPOINT.", str('One argument.')),
  args: list("Replaces the image's CMD.", str('One argument.')),
  workingDir: str('The directory the command runs in.'),
  ports: list(
    'Ports the container listens on (informational; Services choose their own).',
    obj('ContainerPort', 'A port the container listens on.', {
      containerPort: int('The port number inside the pod.'),
      name: str('A name that Services can use as targetPort.'),
      protocol: str('The protocol (default TCP).', PROTOCOLS),
    }),
  ),
  env: list(
    'Environment variables set in the container.',
    obj('EnvVar', 'One environment variable.', {
      name: str('The variable name.'),
      value: str('The value.'),
      valueFrom: obj('EnvVarSource', 'Takes the value from another object.', {
        configMapKeyRef: obj('ConfigMapKeySelector', 'A key of a ConfigMap.', {
          name: str('The ConfigMap.'),
          key: str('The key.'),
        }),
        secretKeyRef: obj('SecretKeySelector', 'A key of a Secret.', {
          name: str('The Secret.'),
          key: str('The key.'),
        }),
        fieldRef: obj('ObjectFieldSelector', "A field of the pod's own object.", {
          fieldPath: str('The field, e.g. `metadata.name`.'),
        }),
      }),
    }),
  ),
  resources: obj('ResourceRequirements', 'CPU and memory the container asks for and may use.', {
    requests: RESOURCE_LIST('What the scheduler reserves for the container.'),
    limits: RESOURCE_LIST('The most the container may use.'),
  }),
  volumeMounts: list(
    'Volumes of the pod mounted into this container.',
    obj('VolumeMount', 'One mounted volume.', {
      name: str('The volume, by its name in the pod spec.'),
      mountPath: str('Where in the container it appears.'),
      readOnly: bool('Mounts it read-only.'),
      subPath: str('A path inside the volume to mount instead of its root.'),
    }),
  ),
  readinessProbe: PROBE,
  livenessProbe: PROBE,
  startupProbe: PROBE,
});

const POD_SPEC = obj('PodSpec', 'What the pod runs and how.', {
  containers: list('The containers of the pod (at least one).', CONTAINER),
  initContainers: list(
    'Containers that run to completion, in order, before the others start.',
    CONTAINER,
  ),
  volumes: list(
    'Volumes the containers can mount.',
    obj('Volume', 'One volume.', {
      name: str('The name containers mount it by.'),
      configMap: obj('ConfigMapVolumeSource', "A ConfigMap's keys as files.", {
        name: str('The ConfigMap.'),
      }),
      secret: obj('SecretVolumeSource', "A Secret's keys as files.", {
        secretName: str('The Secret.'),
      }),
      emptyDir: obj(
        'EmptyDirVolumeSource',
        'A scratch directory that lives as long as the pod.',
        {},
      ),
      persistentVolumeClaim: obj(
        'PersistentVolumeClaimVolumeSource',
        'A claimed persistent volume.',
        {
          claimName: str('The PersistentVolumeClaim.'),
        },
      ),
    }),
  ),
  serviceAccountName: str('The ServiceAccount whose identity the pod uses.'),
  nodeSelector: strMap('Labels a node must carry for the pod to be scheduled there.'),
  restartPolicy: str('When the kubelet restarts containers that exit.', [
    'Always',
    'OnFailure',
    'Never',
  ]),
  terminationGracePeriodSeconds: int('Seconds between SIGTERM and SIGKILL when the pod stops.'),
});

const POD_TEMPLATE = obj('PodTemplateSpec', 'The pods the controller creates.', {
  metadata: OBJECT_META,
  spec: POD_SPEC,
});

const DEPLOYMENT_SPEC = obj('DeploymentSpec', 'The desired state of the Deployment.', {
  replicas: int('How many pods to run (default 1).'),
  selector: LABEL_SELECTOR,
  template: POD_TEMPLATE,
  strategy: obj('DeploymentStrategy', 'How pods are replaced when the template changes.', {
    type: str('Replace pods gradually, or all at once.', ['RollingUpdate', 'Recreate']),
    rollingUpdate: obj('RollingUpdateDeployment', 'Limits for a rolling update.', {
      maxSurge: intOrString('Pods allowed above replicas during the update (default 25%).'),
      maxUnavailable: intOrString(
        'Pods allowed to be unavailable during the update (default 25%).',
      ),
    }),
  }),
  minReadySeconds: int('Seconds a new pod must be ready before it counts as available.'),
  revisionHistoryLimit: int('Old ReplicaSets kept for rollback (default 10).'),
  progressDeadlineSeconds: int(
    'Seconds before a stuck rollout is reported as failed (default 600).',
  ),
  paused: bool('Stops rollouts until set back to false.'),
});

const STATEFUL_SET_SPEC = obj('StatefulSetSpec', 'The desired state of the StatefulSet.', {
  serviceName: str('The headless Service that gives each pod its stable DNS name.'),
  replicas: int('How many pods to run (default 1), named name-0, name-1 …'),
  selector: LABEL_SELECTOR,
  template: POD_TEMPLATE,
  podManagementPolicy: str('Start and stop pods one by one, or all together.', [
    'OrderedReady',
    'Parallel',
  ]),
});

const SERVICE_SPEC = obj('ServiceSpec', 'How the Service is reached and which pods it sends to.', {
  type: str('How the Service is exposed.', [
    'ClusterIP',
    'NodePort',
    'LoadBalancer',
    'ExternalName',
  ]),
  selector: strMap('Labels of the pods that receive the traffic.'),
  ports: list(
    'The ports the Service exposes.',
    obj('ServicePort', 'One port of the Service.', {
      port: int('The port the Service listens on.'),
      targetPort: intOrString("The pod's port, by number or name (default: port)."),
      protocol: str('The protocol (default TCP).', PROTOCOLS),
      name: str('The port name; required when there is more than one port.'),
      nodePort: int('The port on every node, for NodePort and LoadBalancer (30000-32767).'),
    }),
  ),
  clusterIP: str('The virtual IP; `None` makes a headless Service.'),
  externalName: str('The DNS name an ExternalName Service points to.'),
  sessionAffinity: str('Send a client to the same pod each time.', ['None', 'ClientIP']),
});

const SYNC_OPTIONS = [
  'CreateNamespace=true',
  'PruneLast=true',
  'ServerSideApply=true',
  'ApplyOutOfSyncOnly=true',
  'Validate=false',
  'Replace=true',
  'PrunePropagationPolicy=foreground',
];

const APPLICATION_SPEC = obj('ApplicationSpec', 'What Argo CD deploys, where, and how it syncs.', {
  project: str('The AppProject the application belongs to (`default`).'),
  source: obj('ApplicationSource', 'Where the manifests are in Git.', {
    repoURL: str('The Git repository URL.'),
    path: str('The directory in the repository holding the manifests.'),
    targetRevision: str('The branch, tag or commit to follow (`HEAD`).'),
    directory: obj('ApplicationSourceDirectory', 'Options for a plain directory of manifests.', {
      recurse: bool('Reads manifests in subdirectories too.'),
    }),
  }),
  destination: obj('ApplicationDestination', 'The cluster and namespace to deploy to.', {
    server: str('The API server URL (`https://kubernetes.default.svc` for this cluster).'),
    namespace: str('The namespace for objects that do not name one.'),
    name: str('The cluster by its name, instead of server.'),
  }),
  syncPolicy: obj('SyncPolicy', 'When and how Argo CD syncs.', {
    automated: obj('SyncPolicyAutomated', 'Syncs by itself when Git and the cluster differ.', {
      prune: bool('Deletes objects that are no longer in Git.'),
      selfHeal: bool('Reverts changes made to the cluster outside Git.'),
    }),
    syncOptions: list('Options for every sync.', str('One sync option.', SYNC_OPTIONS)),
  }),
});

const common = (spec?: [string, FieldSchema]): Record<string, FieldSchema> => ({
  apiVersion: str('The API group and version of the schema of this object.'),
  kind: str('The type of object.'),
  metadata: OBJECT_META,
  ...(spec ? { [spec[0]]: spec[1] } : {}),
});

const root = (kind: string, fields: Record<string, FieldSchema>): FieldSchema =>
  obj(kind, `A ${kind}.`, fields);

/** The top-level schema of each kind the completion knows, by kind. */
export const KIND_SCHEMAS: Readonly<Record<string, FieldSchema>> = {
  Deployment: root('Deployment', common(['spec', DEPLOYMENT_SPEC])),
  StatefulSet: root('StatefulSet', common(['spec', STATEFUL_SET_SPEC])),
  Service: root('Service', common(['spec', SERVICE_SPEC])),
  Pod: root('Pod', common(['spec', POD_SPEC])),
  Namespace: root('Namespace', common()),
  ServiceAccount: root('ServiceAccount', common()),
  ConfigMap: root('ConfigMap', {
    ...common(),
    data: strMap('The configuration, as keys and text values.'),
    binaryData: strMap('Keys and base64-encoded binary values.'),
    immutable: bool('Forbids changes to data once created.'),
  }),
  Secret: root('Secret', {
    ...common(),
    type: str('What the Secret holds.', [
      'Opaque',
      'kubernetes.io/tls',
      'kubernetes.io/dockerconfigjson',
      'kubernetes.io/basic-auth',
      'kubernetes.io/service-account-token',
    ]),
    data: strMap('Keys and base64-encoded values.'),
    stringData: strMap('Keys and plain values, encoded into data by the server.'),
    immutable: bool('Forbids changes to data once created.'),
  }),
  Application: root('Application', common(['spec', APPLICATION_SPEC])),
};

/** The top level of a manifest whose kind is not known yet. */
export const UNKNOWN_KIND: FieldSchema = root('Object', common());

/** The schema node at `path` (keys, and `[]` for a list item), if the schema describes it. */
export function schemaAt(schema: FieldSchema, path: readonly string[]): FieldSchema | undefined {
  let node: FieldSchema | undefined = schema;
  for (const seg of path) {
    if (!node) return undefined;
    node = seg === '[]' ? node.items : node.fields?.[seg];
  }
  return node;
}
