// Expected outputs were produced by the real kubectl v1.32 client: `kubectl annotate --local -f
// obj.json zz=1 -o json` (an unstructured object, so map keys are sorted) and `kubectl create
// deployment ... --dry-run=client -o json` (a typed object, printed in struct field order).
// Format: k8s.io/cli-runtime/pkg/printers/json.go (json.MarshalIndent with four spaces, then a
// newline) and Go's encoding/json string escaping (encode.go appendString, HTML-safe).
import { describe, expect, it } from 'vitest';
import { toKubectlJson } from './json';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('toKubectlJson', () => {
  it('escapes like Go, sorts keys by byte order and indents by four spaces', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'demo', annotations: { zz: '1' } },
      data: {
        html: '<b>Tom & Jerry</b>',
        controls: 'tab\there\nnew\rcr\bbs\fff\u0001one\u001besc\u007fdel',
        seps: 'a\u2028b\u2029c',
        quotes: 'say "hi" \\ bye',
        unicode: 'naïve 日本語 😀',
        zKey: 'z',
        Zed: 'Z',
        _under: '_',
        '10': 'ten',
        '9': 'nine',
        é: 'e-acute',
        '😀': 'emoji key',
        '\uff01': 'fullwidth',
      },
      spec: {
        floats: [0.1, 1e-7, 0.000001, 1e21, 1.5e300, -2.5, 123456789.125],
        ints: [0, -1, 9007199254740991],
        empty: { map: {}, list: [] },
        flags: [true, false, null],
      },
    };
    expect(toKubectlJson(obj, { sortKeys: true })).toBe(
      lines(
        '{',
        '    "apiVersion": "v1",',
        '    "data": {',
        '        "10": "ten",',
        '        "9": "nine",',
        '        "Zed": "Z",',
        '        "_under": "_",',
        '        "controls": "tab\\there\\nnew\\rcr\\bbs\\fff\\u0001one\\u001besc\u007fdel",',
        '        "html": "\\u003cb\\u003eTom \\u0026 Jerry\\u003c/b\\u003e",',
        '        "quotes": "say \\"hi\\" \\\\ bye",',
        '        "seps": "a\\u2028b\\u2029c",',
        '        "unicode": "naïve 日本語 😀",',
        '        "zKey": "z",',
        '        "é": "e-acute",',
        '        "！": "fullwidth",',
        '        "😀": "emoji key"',
        '    },',
        '    "kind": "ConfigMap",',
        '    "metadata": {',
        '        "annotations": {',
        '            "zz": "1"',
        '        },',
        '        "name": "demo"',
        '    },',
        '    "spec": {',
        '        "empty": {',
        '            "list": [],',
        '            "map": {}',
        '        },',
        '        "flags": [',
        '            true,',
        '            false,',
        '            null',
        '        ],',
        '        "floats": [',
        '            0.1,',
        '            1e-7,',
        '            0.000001,',
        '            1e+21,',
        '            1.5e+300,',
        '            -2.5,',
        '            123456789.125',
        '        ],',
        '        "ints": [',
        '            0,',
        '            -1,',
        '            9007199254740991',
        '        ]',
        '    }',
        '}',
      ),
    );
  });

  it('keeps insertion order unless asked to sort (create deployment --dry-run=client -o json)', () => {
    const deployment = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} },
            ],
          },
        },
        strategy: {},
      },
      status: {},
    };
    const expected = lines(
      '{',
      '    "kind": "Deployment",',
      '    "apiVersion": "apps/v1",',
      '    "metadata": {',
      '        "name": "web",',
      '        "creationTimestamp": null,',
      '        "labels": {',
      '            "app": "web"',
      '        }',
      '    },',
      '    "spec": {',
      '        "replicas": 2,',
      '        "selector": {',
      '            "matchLabels": {',
      '                "app": "web"',
      '            }',
      '        },',
      '        "template": {',
      '            "metadata": {',
      '                "creationTimestamp": null,',
      '                "labels": {',
      '                    "app": "web"',
      '                }',
      '            },',
      '            "spec": {',
      '                "containers": [',
      '                    {',
      '                        "name": "nginx",',
      '                        "image": "nginx:1.27",',
      '                        "ports": [',
      '                            {',
      '                                "containerPort": 80',
      '                            }',
      '                        ],',
      '                        "resources": {}',
      '                    }',
      '                ]',
      '            }',
      '        },',
      '        "strategy": {}',
      '    },',
      '    "status": {}',
      '}',
    );
    expect(toKubectlJson(deployment)).toBe(expected);
    expect(toKubectlJson(deployment, { sortKeys: false })).toBe(expected);
    expect(toKubectlJson(deployment, { sortKeys: true })).not.toBe(expected);
  });

  it('omits undefined fields, prints undefined list items and non-finite numbers as null', () => {
    expect(toKubectlJson({ a: undefined, b: [undefined, Number.NaN], c: {} })).toBe(
      lines('{', '    "b": [', '        null,', '        null', '    ],', '    "c": {}', '}'),
    );
  });

  it('prints top-level scalars and empty collections on one line', () => {
    expect(toKubectlJson([])).toBe('[]\n');
    expect(toKubectlJson({})).toBe('{}\n');
    expect(toKubectlJson('a<b')).toBe('"a\\u003cb"\n');
  });

  it('replaces unpaired surrogates with U+FFFD as Go does with invalid UTF-8', () => {
    expect(toKubectlJson('x\ud800y\udc00')).toBe('"x\\ufffdy\\ufffd"\n');
  });
});
