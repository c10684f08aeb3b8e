// Patch strategies and merge keys: k8s.io/api core/v1 types.go (`patchStrategy`/`patchMergeKey`
// tags); three-way semantics: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
// (CreateThreeWayMergePatch); JSON merge patch: RFC 7386.
import { describe, expect, it } from 'vitest';
import type { Json } from './json';
import { applyMergePatch, goJson } from './json';
import {
  applyStrategicPatch,
  isStrategicApiVersion,
  listStrategy,
  threeWayMerge,
} from './strategic';

const container = (name: string, extra: Record<string, Json> = {}) => ({ name, ...extra });

describe('listStrategy', () => {
  it('names the merge keys of the core types', () => {
    expect(listStrategy(['spec', 'template', 'spec', 'containers'])).toEqual({
      type: 'key',
      key: 'name',
    });
    expect(listStrategy(['spec', 'containers', 'ports'])).toEqual({
      type: 'key',
      key: 'containerPort',
    });
    expect(listStrategy(['spec', 'ports'])).toEqual({ type: 'key', key: 'port' });
    expect(listStrategy(['spec', 'containers', 'volumeMounts'])).toEqual({
      type: 'key',
      key: 'mountPath',
    });
    expect(listStrategy(['spec', 'containers', 'args'])).toEqual({ type: 'atomic' });
    expect(listStrategy(['metadata', 'finalizers'])).toEqual({ type: 'set' });
  });
  it('treats custom resource groups as JSON merge', () => {
    expect(isStrategicApiVersion('apps/v1')).toBe(true);
    expect(isStrategicApiVersion('v1')).toBe(true);
    expect(isStrategicApiVersion('rbac.authorization.k8s.io/v1')).toBe(true);
    expect(isStrategicApiVersion('argoproj.io/v1alpha1')).toBe(false);
  });
});

describe('threeWayMerge', () => {
  it('removes a field dropped from the manifest and keeps one set by someone else', () => {
    const original = { spec: { replicas: 3, paused: false } };
    const modified = { spec: { paused: false } };
    const current = { spec: { replicas: 3, paused: false, revisionHistoryLimit: 10 } };
    expect(threeWayMerge(original, modified, current, true)).toEqual({
      spec: { paused: false, revisionHistoryLimit: 10 },
    });
  });
  it('keeps an imperative value of a field neither the old nor the new manifest has', () => {
    const original = { spec: { template: {} } };
    const current = { spec: { replicas: 5, template: {} } };
    expect(threeWayMerge(original, original, current, true)).toEqual(current);
  });
  it('merges containers by name and their env by name', () => {
    const original = {
      containers: [container('a', { image: 'x:1', env: [{ name: 'A', value: '1' }] })],
    };
    const modified = {
      containers: [container('a', { image: 'x:2', env: [{ name: 'C', value: '3' }] })],
    };
    const current = {
      containers: [
        container('a', {
          image: 'x:1',
          imagePullPolicy: 'IfNotPresent',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: 'set-env' },
          ],
        }),
        container('sidecar', { image: 's' }),
      ],
    };
    expect(threeWayMerge(original, modified, current, true)).toEqual({
      containers: [
        container('a', {
          image: 'x:2',
          imagePullPolicy: 'IfNotPresent',
          env: [
            { name: 'C', value: '3' },
            { name: 'B', value: 'set-env' },
          ],
        }),
        container('sidecar', { image: 's' }),
      ],
    });
  });
  it('deletes a list item the last apply added and the manifest dropped', () => {
    const original = { containers: [container('a'), container('b')] };
    const modified = { containers: [container('a')] };
    expect(threeWayMerge(original, modified, original, true)).toEqual(modified);
  });
  it('replaces lists wholesale for custom resources', () => {
    const current = { items: [{ name: 'a', x: 1 }] };
    expect(threeWayMerge(undefined, { items: [{ name: 'a' }] }, current, false)).toEqual({
      items: [{ name: 'a' }],
    });
  });
  it('clears the other keys of a retainKeys map (deployment strategy)', () => {
    const current = {
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } },
    };
    expect(
      threeWayMerge(undefined, { spec: { strategy: { type: 'Recreate' } } }, current, true),
    ).toEqual({
      spec: { strategy: { type: 'Recreate' } },
    });
  });
});

describe('applyStrategicPatch', () => {
  it('merges by key, deletes with null and $patch: delete', () => {
    const target = {
      metadata: { labels: { a: '1', b: '2' } },
      spec: { containers: [container('a', { image: 'x:1' }), container('b', { image: 'y' })] },
    };
    const patch = {
      metadata: { labels: { b: null, c: '3' } },
      spec: { containers: [container('a', { image: 'x:2' }), { name: 'b', $patch: 'delete' }] },
    };
    expect(applyStrategicPatch(target, patch)).toEqual({
      metadata: { labels: { a: '1', c: '3' } },
      spec: { containers: [container('a', { image: 'x:2' })] },
    });
  });
  it('replaces atomic lists', () => {
    expect(applyStrategicPatch({ args: ['a', 'b'] }, { args: ['c'] })).toEqual({ args: ['c'] });
  });
});

describe('applyMergePatch (RFC 7386)', () => {
  it('follows the RFC examples', () => {
    expect(applyMergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({
      a: 'z',
      c: { d: 'e' },
    });
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch(['a', 'b'], { a: 'c' })).toEqual({ a: 'c' });
  });
});

describe('goJson', () => {
  it('sorts keys and escapes as encoding/json does', () => {
    expect(goJson({ b: 1, a: ['<x>', '&'], c: {} })).toBe(
      '{"a":["\\u003cx\\u003e","\\u0026"],"b":1,"c":{}}',
    );
  });
});
