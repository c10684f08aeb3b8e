// The words come from kubectl and the API server: "apiVersion not set" / "kind not set" from
// kubectl's client-side validation (staging/src/k8s.io/kubectl/pkg/validation/schema.go, checked
// against kubectl v1.32), "no matches for kind" from
// staging/src/k8s.io/apimachinery/pkg/api/meta/errors.go, the field causes from
// src/engine/k8s/validation.ts.
import { describe, expect, it } from 'vitest';
import { fieldPathSegments, manifestDiagnostics } from './manifestDiagnostics';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;

describe('fieldPathSegments', () => {
  it('splits names and indexes', () => {
    expect(fieldPathSegments('spec.template.spec.containers[0].ports[12].containerPort')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'ports',
      12,
      'containerPort',
    ]);
  });
});

describe('manifestDiagnostics', () => {
  it('finds nothing wrong with a valid Deployment', () => {
    expect(manifestDiagnostics(deployment('3'))).toEqual([]);
  });

  it('puts a validation error on the line of the key it is about', () => {
    const d = manifestDiagnostics(deployment('-1'));
    expect(d).toEqual([
      {
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 11,
        severity: 'error',
        message: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
  });

  it('maps list indexes to the item', () => {
    const text = deployment('1').replace('image: nginx:1.27.0', 'image: ""');
    const d = manifestDiagnostics(text);
    expect(d.map((x) => [x.line, x.message])).toEqual([
      [17, 'spec.template.spec.containers[0].image: Required value'],
    ]);
  });

  it('points a missing required field at its deepest present parent', () => {
    const text = deployment('1').replace('  selector:\n    matchLabels:\n      app: my-app\n', '');
    const d = manifestDiagnostics(text);
    expect(d.map((x) => [x.line, x.message])).toEqual([[5, 'spec.selector: Required value']]);
  });

  it('reports a missing apiVersion and kind as kubectl does', () => {
    const d = manifestDiagnostics('metadata:\n  name: x\n');
    expect(d.map((x) => [x.line, x.message])).toEqual([
      [1, 'apiVersion not set'],
      [1, 'kind not set'],
    ]);
  });

  it('reports a kind the cluster does not serve, at the kind', () => {
    const d = manifestDiagnostics('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect(d.map((x) => [x.line, x.column, x.message])).toEqual([
      [2, 7, 'no matches for kind "Foo" in version "v1"'],
    ]);
  });

  it('reports a known kind in the wrong version, at the apiVersion', () => {
    const d = manifestDiagnostics(deployment('1').replace('apps/v1', 'v1'));
    expect(d.map((x) => [x.line, x.message])).toEqual([
      [1, 'no matches for kind "Deployment" in version "v1"'],
    ]);
  });

  it('checks each document of a multi-document file on its own lines', () => {
    const service = `apiVersion: v1
kind: Service
metadata:
  name: my-app
spec:
  type: LoadBalancer
  ports:
    - port: 70000
`;
    const text = `${deployment('2')}---\n${service}---\n`;
    const d = manifestDiagnostics(text);
    expect(d.map((x) => [x.line, x.message])).toEqual([
      [26, 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ]);
  });

  it('gives a YAML syntax error a position and skips that document', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: 1\n';
    const d = manifestDiagnostics(text);
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.severity === 'error')).toBe(true);
    expect(d[0]?.line).toBeGreaterThanOrEqual(5);
    expect(d.some((x) => /kind|apiVersion|containers/.test(x.message))).toBe(false);
  });

  it('skips empty documents and comments', () => {
    expect(manifestDiagnostics('')).toEqual([]);
    expect(manifestDiagnostics('# nothing yet\n---\n')).toEqual([]);
  });

  it('reports a document that is not a mapping', () => {
    const d = manifestDiagnostics('- a\n- b\n');
    expect(d.map((x) => x.line)).toEqual([1]);
  });

  it('names an invalid object name at metadata.name', () => {
    const d = manifestDiagnostics(deployment('1').replace('name: my-app', 'name: My_App'));
    expect(d[0]?.line).toBe(4);
    expect(d[0]?.message).toMatch(/^metadata\.name: Invalid value: "My_App": a lowercase RFC 1123/);
  });
});
