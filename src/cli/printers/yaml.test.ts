// Expected outputs were produced by the real kubectl v1.32 client: `kubectl annotate --local -f
// obj.json zz=1 -o yaml` on a ConfigMap holding the values below (hence the zz annotation), and
// `kubectl create deployment ... --dry-run=client -o yaml`. The format comes from
// sigs.k8s.io/yaml (yaml.go JSONToYAML) and its go-yaml v2 fork: goyaml.v2/encode.go (stringv),
// goyaml.v2/resolve.go, goyaml.v2/sorter.go and goyaml.v2/emitterc.go.
import { describe, expect, it } from 'vitest';
import { toKubectlYaml } from './yaml';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function configMap(data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'demo', annotations: { zz: '1' } },
    data,
    ...extra,
  };
}

describe('toKubectlYaml scalar styles', () => {
  it('quotes strings that would read back as another type or start with an indicator', () => {
    const obj = configMap({
      plain: 'hello world',
      yes: 'yes',
      on: 'on',
      n: 'n',
      nul: 'null',
      tilde: '~',
      empty: '',
      int: '42',
      float: '1.5',
      hex: '0x1F',
      octal: '0o17',
      exp: '1e3',
      under: '1_000',
      inf: '.inf',
      huge: '1e400',
      ts: '2026-01-15T09:00:00Z',
      date: '2026-01-15',
      tsNoZone: '2026-01-15T09:00:00',
      badDate: '2026-02-30',
      sexagesimal: '12:30',
      ports: '8080:80',
      lead: ' leading space',
      trail: 'trailing space ',
      colonSpace: 'a: b',
      colon: 'a:b',
      hash: '#x',
      midHash: 'a #x',
      dash: '- x',
      dashWord: '-x',
      at: '@x',
      backtick: '`x',
      star: '*x',
      bang: '!x',
      quote: "it's",
      dquote: 'say "hi"',
      unicode: 'naïve 日本語',
      emoji: 'ok 😀',
      tab: 'a\tb',
      bell: 'a\u0007b',
      nbsp: 'a\u00a0b',
      ls: 'a\u2028b',
      backslash: 'C:\\path',
      three: '---',
      dots: '...x',
    });
    expect(toKubectlYaml(obj)).toBe(
      lines(
        'apiVersion: v1',
        'data:',
        "  at: '@x'",
        '  backslash: C:\\path',
        "  backtick: '`x'",
        '  badDate: 2026-02-30',
        "  bang: '!x'",
        '  bell: "a\\ab"',
        '  colon: a:b',
        "  colonSpace: 'a: b'",
        "  dash: '- x'",
        '  dashWord: -x',
        '  date: "2026-01-15"',
        "  dots: '...x'",
        '  dquote: say "hi"',
        '  emoji: "ok \\U0001F600"',
        '  empty: ""',
        '  exp: "1e3"',
        '  float: "1.5"',
        "  hash: '#x'",
        '  hex: "0x1F"',
        '  huge: 1e400',
        '  inf: ".inf"',
        '  int: "42"',
        "  lead: ' leading space'",
        "  ls: 'a\u2028    b'",
        "  midHash: 'a #x'",
        '  "n": "n"',
        '  nbsp: a\u00a0b',
        '  nul: "null"',
        '  octal: "0o17"',
        '  "on": "on"',
        '  plain: hello world',
        '  ports: 8080:80',
        "  quote: it's",
        '  sexagesimal: "12:30"',
        "  star: '*x'",
        '  tab: "a\\tb"',
        "  three: '---'",
        '  tilde: "~"',
        "  trail: 'trailing space '",
        '  ts: "2026-01-15T09:00:00Z"',
        '  tsNoZone: 2026-01-15T09:00:00',
        '  under: "1_000"',
        '  unicode: naïve 日本語',
        '  "yes": "yes"',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    zz: "1"',
        '  name: demo',
      ),
    );
  });

  it('sorts keys naturally and quotes keys like values; long or multi-line keys become complex keys', () => {
    const obj = configMap({
      yes: 'key yes',
      '123': 'numeric key',
      '': 'empty key',
      'a: b': 'colon key',
      '#c': 'hash key',
      'key with space': 'v',
      ['k'.repeat(129)]: 'long key',
      'multi\nline': 'multiline key',
      item10: 1,
      item9: 2,
      Item: 3,
      _x: 4,
      a00b: 5,
      a0b: 6,
    });
    expect(toKubectlYaml(obj)).toBe(
      lines(
        'apiVersion: v1',
        'data:',
        '  "": empty key',
        "  '#c': hash key",
        '  _x: 4',
        '  "123": numeric key',
        '  Item: 3',
        "  'a: b': colon key",
        '  a00b: 5',
        '  a0b: 6',
        '  item9: 2',
        '  item10: 1',
        '  key with space: v',
        '  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk',
        '  : long key',
        '  ? |-',
        '    multi',
        '    line',
        '  : multiline key',
        '  "yes": key yes',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    zz: "1"',
        '  name: demo',
      ),
    );
  });

  it('prints multi-line strings as literal blocks with chomping and indentation hints', () => {
    const obj = configMap({
      json: '{"a":1}\n',
      strip: 'line one\nline two',
      keep: 'a\n\n',
      indented: '  indented\nnext',
      blank: 'a\n\nb',
      trailingSpaceLine: 'a \nb',
      spaceAfterBreak: 'a\n b',
      crlf: 'a\r\nb',
    });
    expect(toKubectlYaml(obj)).toBe(
      lines(
        'apiVersion: v1',
        'data:',
        '  blank: |-',
        '    a',
        '',
        '    b',
        '  crlf: "a\\r\\nb"',
        '  indented: |2-',
        '      indented',
        '    next',
        '  json: |',
        '    {"a":1}',
        '  keep: |+',
        '    a',
        '',
        '  spaceAfterBreak: |-',
        '    a',
        '     b',
        '  strip: |-',
        '    line one',
        '    line two',
        '  trailingSpaceLine: "a \\nb"',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    zz: "1"',
        '  name: demo',
      ),
    );
  });
});

describe('toKubectlYaml folding at width 80', () => {
  it('folds long plain, single- and double-quoted strings at a space past column 80', () => {
    const obj = configMap(
      {
        plain:
          'The pod could not be scheduled because 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available.',
        single:
          '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory.',
        double:
          'Back-off pulling image "registry.example.com/team/app:v2"\twith a tab, then a long tail of words  and two spaces here ok',
        noSpaces: 'x'.repeat(100),
      },
      {
        spec: {
          list: [
            'Readiness probe failed: Get "http://10.244.0.5:8080/healthz": dial tcp 10.244.0.5:8080: connect: connection refused',
            {
              nested: {
                deeper: [
                  'a long sentence that keeps going and going until it certainly passes the eighty column limit here',
                ],
              },
            },
          ],
        },
      },
    );
    expect(toKubectlYaml(obj)).toBe(
      lines(
        'apiVersion: v1',
        'data:',
        '  double: "Back-off pulling image \\"registry.example.com/team/app:v2\\"\\twith a tab,',
        '    then a long tail of words  and two spaces here ok"',
        '  noSpaces: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        "  plain: 'The pod could not be scheduled because 0/3 nodes are available: 3 Insufficient",
        "    cpu. preemption: 0/3 nodes are available.'",
        "  single: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "    }, 2 Insufficient memory.'",
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    zz: "1"',
        '  name: demo',
        'spec:',
        '  list:',
        '  - \'Readiness probe failed: Get "http://10.244.0.5:8080/healthz": dial tcp 10.244.0.5:8080:',
        "    connect: connection refused'",
        '  - nested:',
        '      deeper:',
        '      - a long sentence that keeps going and going until it certainly passes the eighty',
        '        column limit here',
      ),
    );
  });

  it('lays out a Pod: literal last-applied-configuration, folded messages, escaped space after a fold', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration':
            '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}\n',
          zz: '1',
        },
        creationTimestamp: '2026-01-15T09:00:00Z',
        labels: { app: 'web' },
        name: 'web',
        namespace: 'default',
        resourceVersion: '1234',
        uid: '0f3c2a7e-3b7c-4a5e-9a43-3f1c4d2b9e10',
      },
      spec: {
        containers: [
          {
            args: ['--port=8080', '--message=hello world'],
            image: 'nginx:1.27',
            name: 'web',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
          },
        ],
      },
      status: {
        conditions: [
          {
            lastProbeTime: null,
            lastTransitionTime: '2026-01-15T09:00:00Z',
            message:
              '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
            reason: 'Unschedulable',
            status: 'False',
            type: 'PodScheduled',
          },
        ],
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 3,
            state: {
              waiting: {
                message:
                  'level=error\tmsg="connection refused while dialing the upstream-service-endpoint"  retrying in 5s',
                reason: 'CrashLoopBackOff',
              },
            },
          },
        ],
        phase: 'Pending',
      },
    };
    expect(toKubectlYaml(pod)).toBe(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}',
        '    zz: "1"',
        '  creationTimestamp: "2026-01-15T09:00:00Z"',
        '  labels:',
        '    app: web',
        '  name: web',
        '  namespace: default',
        '  resourceVersion: "1234"',
        '  uid: 0f3c2a7e-3b7c-4a5e-9a43-3f1c4d2b9e10',
        'spec:',
        '  containers:',
        '  - args:',
        '    - --port=8080',
        '    - --message=hello world',
        '    image: nginx:1.27',
        '    name: web',
        '    ports:',
        '    - containerPort: 80',
        '      protocol: TCP',
        '    resources: {}',
        'status:',
        '  conditions:',
        '  - lastProbeTime: null',
        '    lastTransitionTime: "2026-01-15T09:00:00Z"',
        "    message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        '      }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption',
        "      is not helpful for scheduling, 2 No preemption victims found for incoming pod.'",
        '    reason: Unschedulable',
        '    status: "False"',
        '    type: PodScheduled',
        '  containerStatuses:',
        '  - name: web',
        '    ready: false',
        '    restartCount: 3',
        '    state:',
        '      waiting:',
        '        message: "level=error\\tmsg=\\"connection refused while dialing the upstream-service-endpoint\\"',
        '          \\ retrying in 5s"',
        '        reason: CrashLoopBackOff',
        '  phase: Pending',
      ),
    );
  });
});

describe('toKubectlYaml values and layout', () => {
  it('prints numbers as Go does, booleans, null, empty collections and nested sequences', () => {
    const obj = configMap(
      {},
      {
        spec: {
          ints: [0, -3, 65536, 9007199254740991],
          floats: [0.5, 2.5e-7, 1234567.5, 123456.5, 1e21],
          bools: [true, false],
          nothing: null,
          emptyMap: {},
          emptyList: [],
          nestedLists: [[1, [2]], [], [{}]],
          listOfMaps: [
            { name: 'a', value: 'b' },
            { name: 'c', items: ['d'] },
          ],
        },
      },
    );
    expect(toKubectlYaml(obj)).toBe(
      lines(
        'apiVersion: v1',
        'data: {}',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    zz: "1"',
        '  name: demo',
        'spec:',
        '  bools:',
        '  - true',
        '  - false',
        '  emptyList: []',
        '  emptyMap: {}',
        '  floats:',
        '  - 0.5',
        '  - 2.5e-07',
        '  - 1.2345675e+06',
        '  - 123456.5',
        '  - 1e+21',
        '  ints:',
        '  - 0',
        '  - -3',
        '  - 65536',
        '  - 9007199254740991',
        '  listOfMaps:',
        '  - name: a',
        '    value: b',
        '  - items:',
        '    - d',
        '    name: c',
        '  nestedLists:',
        '  - - 1',
        '    - - 2',
        '  - []',
        '  - - {}',
        '  nothing: null',
      ),
    );
  });

  it('matches create deployment --dry-run=client -o yaml', () => {
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
    expect(toKubectlYaml(deployment)).toBe(
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 2',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.27',
        '        name: nginx',
        '        ports:',
        '        - containerPort: 80',
        '        resources: {}',
        'status: {}',
      ),
    );
  });

  it('omits undefined fields and prints undefined list items as null, as JSON does', () => {
    expect(toKubectlYaml({ a: undefined, b: [undefined, 'x'], c: { d: undefined } })).toBe(
      lines('b:', '- null', '- x', 'c: {}'),
    );
  });

  it('prints top-level empty collections and scalars on one line', () => {
    expect(toKubectlYaml({})).toBe('{}\n');
    expect(toKubectlYaml([])).toBe('[]\n');
    expect(toKubectlYaml(['a', { b: 1 }])).toBe(lines('- a', '- b: 1'));
    expect(toKubectlYaml('text')).toBe('text\n');
    expect(toKubectlYaml(null)).toBe('null\n');
  });

  it('prints integers beyond int64 the way Go reads their shortest JSON form', () => {
    // JSON holds the shortest digits: 2**63 is 9223372036854776000, which still fits a uint64;
    // the others no longer fit an integer and become floats (checked against kubectl).
    expect(toKubectlYaml({ a: 2 ** 63, b: -(2 ** 63) - 4096, c: 2 ** 64 })).toBe(
      lines('a: 9223372036854776000', 'b: -9.22337203685478e+18', 'c: 1.8446744073709552e+19'),
    );
  });
});

describe('toKubectlYaml characters JSON leaves raw', () => {
  it('folds U+0085 as YAML reads it inside a double-quoted scalar', () => {
    // kubectl: a NEL becomes a space; n NELs in a row become n-1 newlines.
    expect(toKubectlYaml({ v: 'a  \u0085  b', w: 'a\u0085\u0085\u0085b', x: '\u0085b' })).toBe(
      lines('v: a b', 'w: |-', '  a', '', '  b', "x: ' b'"),
    );
  });

  it("fails like kubectl on characters go-yaml's reader rejects", () => {
    expect(() => toKubectlYaml({ v: 'a\u007fb' })).toThrow(
      'yaml: control characters are not allowed',
    );
    expect(() => toKubectlYaml({ 'a\u0085b': 'x' })).toThrow(
      "yaml: line 1: did not find expected ',' or '}'",
    );
  });
});
