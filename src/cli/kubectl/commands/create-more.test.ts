// `kubectl create configmap|secret generic|serviceaccount|role|clusterrole|rolebinding|
// clusterrolebinding`. Client-side outputs (--dry-run=client, flag and source errors) were
// recorded from the real kubectl v1.32 binary; the code they follow is kubectl
// pkg/cmd/create/create_configmap.go, create_secret.go, create_serviceaccount.go,
// create_role.go, create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go and
// pkg/util/hash/hash.go (--append-hash).
import { describe, expect, it } from 'vitest';
import { withFiles } from '../../program';
import { createSession } from '../../shell/shell';
import { reader } from '../../../engine/world';
import { transcript } from './testing';
import { sha256Hex } from './create-more-data';

function session() {
  const s = createSession({ seed: 1 });
  withFiles(s, (tx) => {
    tx.writeFile('/home/learner/greeting.txt', 'hello\n');
    tx.writeFile('/home/learner/app.env', '# settings\n\n  x=1\nw= 1 \n');
    tx.mkdir('/home/learner/conf');
    tx.writeFile('/home/learner/conf/a.txt', 'A\n');
    tx.writeFile('/home/learner/conf/b.txt', 'B\n');
  });
  return s;
}

const ok = (stdout: string) => `${stdout}--stderr--\n--exit 0`;
const err = (stderr: string) => `--stderr--\n${stderr}--exit 1`;

describe('kubectl create configmap', () => {
  it('prints the client-side object as kubectl does', () => {
    const s = session();
    expect(
      transcript(
        s,
        'kubectl create configmap my-config --from-literal=b=2 --from-literal=a=1 --dry-run=client -o yaml',
      ),
    ).toBe(
      ok(
        'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: my-config\n',
      ),
    );
    expect(
      transcript(
        s,
        'kubectl create configmap my-config --from-literal=b=2 --dry-run=client -o json',
      ),
    ).toBe(
      ok(
        '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "my-config",\n        "creationTimestamp": null\n    },\n    "data": {\n        "b": "2"\n    }\n}\n',
      ),
    );
    expect(
      transcript(
        s,
        'kubectl create configmap c1 --from-file=g=greeting.txt --dry-run=client -o yaml',
      ),
    ).toBe(
      ok(
        'apiVersion: v1\ndata:\n  g: |\n    hello\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c1\n',
      ),
    );
    expect(
      transcript(s, 'kubectl create configmap c1 --from-file=conf --dry-run=client -o yaml'),
    ).toBe(
      ok(
        'apiVersion: v1\ndata:\n  a.txt: |\n    A\n  b.txt: |\n    B\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c1\n',
      ),
    );
    expect(
      transcript(s, 'kubectl create configmap c --from-env-file=app.env --dry-run=client -o yaml'),
    ).toBe(
      ok(
        'apiVersion: v1\ndata:\n  w: \' 1 \'\n  x: "1"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
      ),
    );
    expect(transcript(s, 'kubectl create cm c1 --dry-run=client')).toBe(
      ok('configmap/c1 created (dry run)\n'),
    );
    expect(
      transcript(s, 'kubectl create configmap c1 --dry-run=client -o yaml --append-hash'),
    ).toBe(
      ok(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c1-42dkfmg2c9\n',
      ),
    );
  });

  it('refuses bad sources in kubectl’s words, changing nothing', () => {
    const s = session();
    const before = s.world.cluster;
    expect(transcript(s, 'kubectl create configmap')).toBe(
      err(
        "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n",
      ),
    );
    expect(transcript(s, 'kubectl create configmap c1 --from-literal=bad')).toBe(
      err('error: invalid literal source bad, expected key=value\n'),
    );
    expect(transcript(s, 'kubectl create configmap c1 --from-literal=a=1 --from-literal=a=2')).toBe(
      err(
        'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c1"\n',
      ),
    );
    expect(transcript(s, 'kubectl create configmap c1 --from-file=nope.txt')).toBe(
      err('error: error reading nope.txt: no such file or directory\n'),
    );
    expect(transcript(s, 'kubectl create configmap c --from-file=k=conf')).toBe(
      err('error: cannot give a key name for a directory path\n'),
    );
    expect(
      transcript(s, 'kubectl create configmap c1 --from-literal=a=1 --from-env-file=app.env'),
    ).toBe(err('error: from-env-file cannot be combined with from-file or from-literal\n'));
    expect(transcript(s, "kubectl create configmap c1 --from-literal='a b=1'")).toBe(
      err(
        `error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
      ),
    );
    expect(s.world.cluster).toBe(before);
  });

  it('creates the object, and then finds it already there', () => {
    const s = session();
    expect(transcript(s, 'kubectl create configmap app --from-literal=mode=prod')).toBe(
      ok('configmap/app created\n'),
    );
    expect(reader(s.world).get('ConfigMap', 'default', 'app')?.data).toEqual({ mode: 'prod' });
    expect(transcript(s, 'kubectl create configmap app')).toBe(
      err('error: failed to create configmap: configmaps "app" already exists\n'),
    );
  });
});

describe('kubectl create secret generic and serviceaccount', () => {
  it('encodes the data and keeps the type only when given', () => {
    const s = session();
    expect(
      transcript(
        s,
        'kubectl create secret generic s1 --from-literal=pw=x --from-file=greeting.txt --dry-run=client -o json',
      ),
    ).toBe(
      ok(
        '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s1",\n        "creationTimestamp": null\n    },\n    "data": {\n        "greeting.txt": "aGVsbG8K",\n        "pw": "eA=="\n    }\n}\n',
      ),
    );
    expect(
      transcript(
        s,
        'kubectl create secret generic s --from-literal=a=b --type=Opaque --dry-run=client -o yaml',
      ),
    ).toBe(
      ok(
        'apiVersion: v1\ndata:\n  a: Yg==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\ntype: Opaque\n',
      ),
    );
    expect(
      transcript(s, 'kubectl create secret generic s --from-literal=a=1 --from-literal=a=2'),
    ).toBe(err('error: cannot add key a, another key by that name already exists\n'));
    expect(transcript(s, 'kubectl create secret generic s1 --from-literal=pw=x')).toBe(
      ok('secret/s1 created\n'),
    );
    expect(reader(s.world).get('Secret', 'default', 's1')?.type).toBe('Opaque');
  });

  it('prints the secret group’s help when no type is given', () => {
    const r = transcript(session(), 'kubectl create secret');
    expect(r).toMatch(/^--stderr--\nCreate a secret with specified type\.\n/);
    expect(r).toMatch(/--exit 1$/);
  });

  it('creates a service account', () => {
    const s = session();
    expect(transcript(s, 'kubectl create sa a -n kube-public --dry-run=client -o yaml')).toBe(
      ok(
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: a\n  namespace: kube-public\n',
      ),
    );
    expect(transcript(s, 'kubectl create serviceaccount argocd-server')).toBe(
      ok('serviceaccount/argocd-server created\n'),
    );
    expect(transcript(s, 'kubectl create sa a b')).toBe(
      err(
        "error: exactly one NAME is required, got 2\nSee 'kubectl create serviceaccount -h' for help and examples\n",
      ),
    );
  });
});

describe('kubectl create role, clusterrole and bindings', () => {
  it('builds one rule per API group, resources resolved through discovery', () => {
    const s = session();
    expect(
      transcript(
        s,
        'kubectl create role r --verb=get,list --verb=get --resource=po,deploy.apps,pods/log --resource-name=x --dry-run=client -o yaml',
      ),
    ).toBe(
      ok(
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - x\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n  - list\n- apiGroups:\n  - apps\n  resourceNames:\n  - x\n  resources:\n  - deployments\n  verbs:\n  - get\n  - list\n',
      ),
    );
    expect(transcript(s, 'kubectl create role r')).toBe(
      err('error: at least one verb must be specified\n'),
    );
    expect(transcript(s, 'kubectl create role r --verb=get')).toBe(
      err('error: at least one resource must be specified\n'),
    );
    expect(transcript(s, 'kubectl create role r --verb=bind --resource=pods')).toBe(
      err("error: can not perform 'bind' on 'pods' in group ''\n"),
    );
    expect(transcript(s, 'kubectl create clusterrole cr --verb=get')).toBe(
      err('error: one of resource or nonResourceURL must be specified\n'),
    );
    expect(transcript(s, 'kubectl create clusterrole cr --verb=get --resource=secrets')).toBe(
      ok('clusterrole.rbac.authorization.k8s.io/cr created\n'),
    );
  });

  it('binds users, groups and service accounts in that order', () => {
    const s = session();
    expect(
      transcript(
        s,
        'kubectl create rolebinding rb --role=r --serviceaccount=ns:sa --user=u --dry-run=client -o json',
      ),
    ).toBe(
      ok(
        '{\n    "kind": "RoleBinding",\n    "apiVersion": "rbac.authorization.k8s.io/v1",\n    "metadata": {\n        "name": "rb",\n        "creationTimestamp": null\n    },\n    "subjects": [\n        {\n            "kind": "User",\n            "apiGroup": "rbac.authorization.k8s.io",\n            "name": "u"\n        },\n        {\n            "kind": "ServiceAccount",\n            "name": "sa",\n            "namespace": "ns"\n        }\n    ],\n    "roleRef": {\n        "apiGroup": "rbac.authorization.k8s.io",\n        "kind": "Role",\n        "name": "r"\n    }\n}\n',
      ),
    );
    expect(transcript(s, 'kubectl create rolebinding rb')).toBe(
      err('error: exactly one of clusterrole or role must be specified\n'),
    );
    expect(transcript(s, 'kubectl create clusterrolebinding crb')).toBe(
      err('error: required flag(s) "clusterrole" not set\n'),
    );
    expect(
      transcript(
        s,
        'kubectl create clusterrolebinding crb --clusterrole=x --serviceaccount=a --dry-run=client',
      ),
    ).toBe(err('error: serviceaccount must be <namespace>:<name>\n'));
    expect(
      transcript(
        s,
        'kubectl create clusterrolebinding argocd --clusterrole=argocd --serviceaccount=argocd:argocd',
      ),
    ).toBe(ok('clusterrolebinding.rbac.authorization.k8s.io/argocd created\n'));
  });
});

describe('sha256Hex', () => {
  it('matches known digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('{"data":{},"kind":"ConfigMap","name":"c1"}')).toBe(
      '42d3fa02c9861c9abb8cf6f849eac2a243798092eaae627b32c143e5913f8932',
    );
    expect(sha256Hex('a'.repeat(1000))).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    );
  });
});
