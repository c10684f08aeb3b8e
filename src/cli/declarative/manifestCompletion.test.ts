// The templates are what kubectl v1.32's `create deployment|service loadbalancer|configmap|namespace
// --dry-run=client -o yaml` prints (staging/src/k8s.io/kubectl/pkg/cmd/create/), without its empty
// fields; the Application follows argo-cd's pkg/apis/application/v1alpha1/types.go.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { completionStart, manifestCompletions } from './manifestCompletion';

/** Completions at the `|` in `doc` (which is removed). */
function at(doc: string) {
  const offset = doc.indexOf('|');
  const text = doc.slice(0, offset) + doc.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return { text, line, column, items: manifestCompletions(text, line, column) };
}
const labels = (doc: string) => at(doc).items.map((i) => i.label);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('templates', () => {
  it('offers a template per common kind in an empty document', () => {
    const { items } = at('|');
    const snippets = items.filter((i) => i.kind === 'snippet');
    expect(snippets.map((s) => s.label)).toEqual([
      'Deployment',
      'Service (LoadBalancer)',
      'ConfigMap',
      'Namespace',
      'Application (Argo CD, automated sync)',
    ]);
    expect(items.some((i) => i.label === 'apiVersion' && i.kind === 'property')).toBe(true);
  });

  it('gives the dry-run YAML of kubectl create without empty fields', () => {
    const deployment = at('|').items.find((i) => i.label === 'Deployment');
    expect(deployment?.insertText).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: my-app
  name: my-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
`);
    const service = at('|').items.find((i) => i.label === 'Service (LoadBalancer)');
    expect(parse(service?.insertText ?? '')).toMatchObject({
      kind: 'Service',
      spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    });
  });

  it('gives an Argo CD Application with automated sync', () => {
    const app = at('|').items.find((i) => i.label.startsWith('Application'));
    expect(parse(app?.insertText ?? '')).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      spec: {
        project: 'default',
        source: { targetRevision: 'HEAD' },
        destination: { server: 'https://kubernetes.default.svc' },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    });
  });

  it('offers templates in a new document after ---, not in one with content', () => {
    expect(labels(`${DEPLOYMENT}---\n|`)).toContain('Namespace');
    expect(labels(`${DEPLOYMENT}---\nDe|`)).toContain('Deployment');
    expect(labels(`apiVersion: v1\n|`)).not.toContain('Namespace');
  });
});

describe('apiVersion and kind', () => {
  it('offers the served apiVersions', () => {
    const l = labels('apiVersion: |');
    expect(l).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'argoproj.io/v1alpha1']));
    expect(new Set(l).size).toBe(l.length);
    expect(at('apiVersion: |').items[0]?.kind).toBe('value');
  });

  it('adds the space when the cursor is right after the colon', () => {
    expect(at('apiVersion:|').items.find((i) => i.label === 'v1')?.insertText).toBe(' v1');
    expect(at('apiVersion: |').items.find((i) => i.label === 'v1')?.insertText).toBe('v1');
  });

  it('filters kinds by the apiVersion of the document', () => {
    const l = labels('apiVersion: apps/v1\nkind: |');
    expect(l).toEqual(expect.arrayContaining(['Deployment', 'StatefulSet', 'ReplicaSet']));
    expect(l).not.toContain('Service');
    expect(labels('apiVersion: argoproj.io/v1alpha1\nkind: App|')).toContain('Application');
    expect(labels('kind: |\napiVersion: v1')).toContain('ConfigMap');
    expect(labels('kind: |')).toEqual(expect.arrayContaining(['Deployment', 'Service']));
  });
});

describe('keys', () => {
  it('offers the top-level keys not yet set', () => {
    const l = labels('apiVersion: apps/v1\nkind: Deployment\n|');
    expect(l).toEqual(['metadata', 'spec']);
    expect(labels('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n|')).toEqual([
      'data',
      'binaryData',
      'immutable',
    ]);
  });

  it('offers ObjectMeta keys with type and description', () => {
    const { items } = at('kind: Service\nmetadata:\n  name: web\n  |');
    expect(items.map((i) => i.label)).toEqual([
      'namespace',
      'labels',
      'annotations',
      'generateName',
    ]);
    expect(items[1]).toMatchObject({
      label: 'labels',
      insertText: 'labels:',
      detail: 'map[string]string',
      kind: 'property',
    });
    expect(items[0]?.insertText).toBe('namespace: ');
    expect(items[0]?.hasValues).toBeUndefined();
    expect(items[0]?.documentation).toMatch(/namespace/);
  });

  it('offers Deployment spec keys, minus those already there, after and before the cursor', () => {
    const doc = DEPLOYMENT.replace('  replicas: 2\n', '  |\n  replicas: 2\n');
    expect(labels(doc)).toEqual(
      expect.arrayContaining(['strategy', 'minReadySeconds', 'revisionHistoryLimit']),
    );
    expect(labels(doc)).not.toContain('replicas');
    expect(labels(doc)).not.toContain('template');
    expect(labels(`${DEPLOYMENT}  strategy:\n    |`)).toEqual(['type', 'rollingUpdate']);
    expect(labels(`${DEPLOYMENT}  strategy:\n    rollingUpdate:\n      max|`)).toEqual([
      'maxSurge',
      'maxUnavailable',
    ]);
  });

  it('offers Container keys inside a list item, whichever its first key', () => {
    const l = labels(`${DEPLOYMENT}        |`);
    expect(l).toEqual(expect.arrayContaining(['imagePullPolicy', 'ports', 'env', 'resources']));
    expect(l).not.toContain('name');
    expect(l).not.toContain('image');
    expect(labels(`${DEPLOYMENT}        resources:\n          |`)).toEqual(['requests', 'limits']);
    expect(labels(`${DEPLOYMENT}        resources:\n          limits:\n            |`)).toEqual([
      'cpu',
      'memory',
    ]);
  });

  it('offers keys for a new list item, after "- "', () => {
    const l = labels(`${DEPLOYMENT}      - |`);
    expect(l).toEqual(expect.arrayContaining(['name', 'image', 'ports']));
    expect(labels(`${DEPLOYMENT}        ports:\n        - |`)).toEqual([
      'containerPort',
      'name',
      'protocol',
    ]);
    expect(labels(`${DEPLOYMENT}        ports:\n        - containerPort: 80\n          |`)).toEqual(
      ['name', 'protocol'],
    );
    expect(at(`${DEPLOYMENT}      -|`).items.find((i) => i.label === 'image')?.insertText).toBe(
      ' image: ',
    );
  });

  it('reads lists written at the same indentation as their key', () => {
    const doc = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: a
        env:
        - name: A
          |
      volumes: []
`;
    expect(labels(doc)).toEqual(['value', 'valueFrom']);
    const podSpec = labels(doc.replace('          |', '      |'));
    expect(podSpec).toEqual(
      expect.arrayContaining([
        'initContainers',
        'serviceAccountName',
        'nodeSelector',
        'restartPolicy',
      ]),
    );
    expect(podSpec).not.toContain('volumes');
    expect(podSpec).not.toContain('containers');
    expect(labels(doc.replace('          |', '    |'))).toEqual(['metadata']);
  });

  it('offers PodSpec keys in a StatefulSet and its own spec keys', () => {
    const doc = `apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  |\n`;
    expect(labels(doc)).toEqual(
      expect.arrayContaining(['serviceName', 'replicas', 'selector', 'template']),
    );
    expect(
      labels(`apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n    spec:\n      |`),
    ).toContain('containers');
  });

  it('offers Service, Secret and Application keys', () => {
    expect(labels('kind: Service\nspec:\n  |')).toEqual(
      expect.arrayContaining(['type', 'selector', 'ports']),
    );
    expect(labels('kind: Service\nspec:\n  ports:\n  - port: 80\n    |')).toEqual([
      'targetPort',
      'protocol',
      'name',
      'nodePort',
    ]);
    expect(labels('apiVersion: v1\nkind: Secret\n|')).toEqual(
      expect.arrayContaining(['type', 'data', 'stringData']),
    );
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n';
    expect(labels(`${app}  |`)).toEqual(['project', 'source', 'destination', 'syncPolicy']);
    expect(labels(`${app}  source:\n    repoURL: x\n    |`)).toEqual([
      'path',
      'targetRevision',
      'directory',
    ]);
    expect(labels(`${app}  source:\n    directory:\n      |`)).toEqual(['recurse']);
    expect(labels(`${app}  destination:\n    |`)).toEqual(['server', 'namespace', 'name']);
    expect(labels(`${app}  syncPolicy:\n    automated:\n      |`)).toEqual(['prune', 'selfHeal']);
  });

  it('offers nothing inside free-form maps or unknown fields', () => {
    expect(labels('kind: ConfigMap\ndata:\n  |')).toEqual([]);
    expect(labels(`${DEPLOYMENT}      nodeSelector:\n        |`)).toEqual([]);
    expect(labels('kind: Deployment\nspec:\n  bogus:\n    |')).toEqual([]);
  });

  it('keeps documents of a multi-document file apart', () => {
    const doc = `kind: Service\nspec:\n  type: ClusterIP\n---\nkind: Deployment\nspec:\n  |`;
    expect(labels(doc)).toContain('replicas');
    expect(labels(doc)).not.toContain('type');
  });
});

describe('values', () => {
  it('offers enum values', () => {
    expect(labels('kind: Service\nspec:\n  type: |')).toEqual([
      'ClusterIP',
      'NodePort',
      'LoadBalancer',
      'ExternalName',
    ]);
    expect(labels(`${DEPLOYMENT}        imagePullPolicy: |`)).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    expect(labels(`${DEPLOYMENT}  strategy:\n    type: Re|`)).toEqual([
      'RollingUpdate',
      'Recreate',
    ]);
    expect(labels(`${DEPLOYMENT}        ports:\n        - protocol: |`)).toEqual([
      'TCP',
      'UDP',
      'SCTP',
    ]);
    expect(labels('kind: Service\nspec:\n  ports:\n  - port: 80\n    protocol: |')).toEqual([
      'TCP',
      'UDP',
      'SCTP',
    ]);
    expect(labels('kind: Secret\ntype: |')).toContain('kubernetes.io/tls');
  });

  it('does not take a Secret type or a strategy type for a Service type', () => {
    expect(labels('kind: Service\ntype: |')).toEqual([]);
    expect(labels('kind: Deployment\nspec:\n  type: |')).toEqual([]);
  });

  it('offers sync options as list items', () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
spec:
  syncPolicy:
    syncOptions:
    - |`;
    const { items } = at(app);
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['CreateNamespace=true', 'PruneLast=true', 'ServerSideApply=true']),
    );
    expect(items[0]).toMatchObject({ kind: 'value', insertText: 'CreateNamespace=true' });
    // A list indented deeper than its key is the same list.
    expect(labels(app.replace('    - |', '      - Prune|'))).toContain('PruneLast=true');
    expect(labels(app.replace('syncOptions:\n    - |', 'automated:\n    - |'))).toEqual([]);
    expect(labels(app.replace('    - |', '    - CreateNamespace=true\n    - |'))).toContain(
      'PruneLast=true',
    );
  });

  it('marks the keys whose values are offered', () => {
    const spec = at('kind: Service\nspec:\n  |').items;
    expect(spec.find((i) => i.label === 'type')?.hasValues).toBe(true);
    expect(spec.find((i) => i.label === 'clusterIP')?.hasValues).toBeUndefined();
    const root = at('metadata:\n  name: x\n|').items;
    expect(root.filter((i) => i.hasValues).map((i) => i.label)).toEqual(['apiVersion', 'kind']);
  });

  it('offers true and false for booleans and nothing for free text', () => {
    expect(
      labels('kind: Application\nspec:\n  syncPolicy:\n    automated:\n      prune: |'),
    ).toEqual(['true', 'false']);
    expect(labels(`${DEPLOYMENT}        image: |`)).toEqual([]);
  });
});

describe('completionStart', () => {
  it('spans the word being typed, with dots, slashes and equals signs', () => {
    expect(completionStart('apiVersion: argoproj.io/v1', 1, 27)).toBe(13);
    expect(completionStart('  - CreateNamespace=', 1, 21)).toBe(5);
    expect(completionStart('  -', 1, 4)).toBe(4);
    expect(completionStart('  rep', 1, 6)).toBe(3);
  });
});
