// Formats and cases come from k8s.io/client-go/util/jsonpath (jsonpath_test.go, parser_test.go at
// client-go v0.32.0), k8s.io/cli-runtime/pkg/printers/jsonpath.go (error wording) and from
// kubectl 1.32's own output for `kubectl get pods -o jsonpath=...` on the list below.
import { describe, expect, it } from 'vitest';
import {
  compileJsonPath,
  executeJsonPath,
  findJsonPathResults,
  formatGoFloat,
  formatGoValue,
  jsonPath,
  parseJsonPath,
} from './jsonpath';
import { SAMPLE_PODS } from './fixtures';

/** Runs a template as client-go's tests do: the bare engine, missing keys an error by default. */
function run(template: string, data: unknown, allowMissingKeys = false): string {
  const parsed = compileJsonPath(template);
  if (!parsed.ok) return `parse error: ${parsed.error}`;
  const r = executeJsonPath(parsed.template, data, { allowMissingKeys });
  return r.ok ? r.output : 'execute error';
}

function engineError(template: string, data: unknown, allowMissingKeys = false): string {
  const parsed = compileJsonPath(template);
  if (!parsed.ok) return `parse error: ${parsed.error}`;
  const r = findJsonPathResults(parsed.template, data, allowMissingKeys);
  return r.ok ? 'nil' : r.error;
}

describe('client-go TestTypesInput', () => {
  const types = {
    bools: [true, false, true, false],
    integers: [1, 2, 3, 4],
    floats: [1.0, 2.2, 3.3, 4.0],
    strings: ['one', 'two', 'three', 'four'],
    interfaces: [true, 'one', 1, 1.1],
    maps: [
      { name: 'one', value: 1 },
      { name: 'two', value: 2.02 },
      { name: 'three', value: 3.03 },
      { name: 'four', value: 4.04 },
    ],
  };
  it.each([
    ['{ .bools }', '[true,false,true,false]'],
    ['{ .bools[-1] }', 'false'],
    ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:4:2] }', 'true true'],
    ['{ .integers }', '[1,2,3,4]'],
    ['{ .integers[-2] }', '3'],
    ['{ .integers[:4:2] }', '1 3'],
    ['{ .floats }', '[1,2.2,3.3,4]'],
    ['{ .floats[0] }', '1'],
    ['{ .floats[:4:2] }', '1 3.3'],
    ['{ .strings }', '["one","two","three","four"]'],
    ['{ .strings[-2] }', 'three'],
    ['{ .interfaces }', '[true,"one",1,1.1]'],
    ['{ .interfaces[0:2] }', 'true one'],
    ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps[0] }', '{"name":"one","value":1}'],
    ['{ .maps[-2] }', '{"name":"three","value":3.03}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ])('%s', (template, expected) => {
    expect(run(template, types)).toBe(expected);
  });
});

describe('client-go TestStructInput (as maps)', () => {
  const store = {
    Name: 'jsonpath',
    Book: [
      {
        Category: 'reference',
        Author: 'Nigel Rees',
        Title: 'Sayings of the Centurey',
        Price: 8.95,
      },
      { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
      { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
    ],
    Bicycle: [
      { Color: 'red', Price: 19.95, IsNew: true },
      { Color: 'green', Price: 20.01, IsNew: false },
    ],
    Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
    Employees: { jason: 'manager', dan: 'clerk' },
  };
  it.each<[string, unknown, string]>([
    ['hello jsonpath', null, 'hello jsonpath'],
    ['{..}', [1, 2, 3], '[1,2,3]'],
    ['{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['{"{"}', null, '{'],
    ['{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['hello {.Name}', store, 'hello jsonpath'],
    ['{$.Labels.web/html}', store, '15'],
    ['{$.Employees.jason}', store, 'manager'],
    ['{.Labels.k8s-app}', store, '20'],
    ['{.Bicycle[*].Color}', store, 'red green'],
    ['{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['{range .Bicycle[*]}{ "{" }{ @.Color }{ "} " }{end}', store, '{red} {green} '],
    ['{.Book[-1:].Title}', store, 'Moby Dick'],
    ['{..Book[2].Title}', store, 'Moby Dick'],
    ['{.Bicycle[?(@.IsNew==true)].Color}', store, 'red'],
  ])('%s', (template, data, expected) => {
    expect(run(template, data)).toBe(expected);
  });

  it('tolerates missing keys when asked', () => {
    expect(run('{.hello}', store, true)).toBe('');
    expect(run('before-{.hello}after', store, true)).toBe('before-after');
  });

  it('rejects the recursive descent written twice', () => {
    expect(run('{......Price}', store)).toBe('parse error: invalid multiple recursive descent');
  });

  it.each([
    ['{hello}', 'unrecognized identifier hello'],
    ['{.hello}', 'hello is not found'],
    ['{.Labels[0]}', 'map[string]interface {} is not array or slice'],
    ['{.Book[?(@.Price<>10)]}', 'unrecognized filter operator <>'],
    ['{range .Labels.*}{@}{end}{end}', 'not in range, nothing to end'],
  ])('fails %s with %s', (template, error) => {
    expect(engineError(template, store)).toBe(error);
  });
});

describe('client-go TestJSONInput and TestKubernetes', () => {
  const points = [
    { id: 'i1', x: 4, y: -5 },
    { id: 'i2', x: -2, y: -5, z: 1 },
    { id: 'i3', x: 8, y: 3 },
    { id: 'i4', x: -6, y: -1 },
    { id: 'i5', x: 0, y: 2, z: 1 },
    { id: 'i6', x: 1, y: 4 },
    { id: 'i7', x: null, y: 4 },
  ];
  it.each([
    ['{[?(@.z)].id}', 'i2 i5'],
    ["{[0]['id']}", 'i1'],
    ["{[-1]['x']}", 'null'],
  ])('%s', (template, expected) => {
    expect(run(template, points)).toBe(expected);
  });

  const nodes = {
    kind: 'List',
    items: [
      {
        kind: 'None',
        metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
        status: {
          capacity: { cpu: '4' },
          ready: true,
          addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }],
        },
      },
      {
        kind: 'None',
        metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
        status: {
          capacity: { cpu: '8' },
          ready: false,
          addresses: [
            { type: 'LegacyHostIP', address: '127.0.0.2' },
            { type: 'another', address: '127.0.0.3' },
          ],
        },
      },
    ],
    users: [
      { name: 'myself', user: {} },
      { name: 'e2e', user: { username: 'admin', password: 'secret' } },
    ],
  };
  it.each([
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    [
      '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}',
      '127.0.0.1, 127.0.0.2, 127.0.0.3, ',
    ],
    [
      "{.items[*]['metadata.name', 'status.capacity']}",
      '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
    ],
    [
      '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}',
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
  ])('%s', (template, expected) => {
    expect(run(template, nodes)).toBe(expected);
  });
});

describe('client-go ranges, filters, indexes and steps', () => {
  const pods = {
    items: [
      {
        metadata: { name: 'pod1' },
        spec: {
          containers: [
            { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
            { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
          ],
        },
      },
      {
        metadata: { name: 'pod2' },
        spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] },
      },
    ],
  };

  it('runs empty ranges, nested or not', () => {
    const empty = { items: [] };
    expect(run('{range .items[*]}{.metadata.name}{end}', empty, true)).toBe('');
    const nested =
      '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}';
    expect(run(nested, empty, true)).toBe('');
    expect(run(nested, pods)).toBe('pod1:foo,bar,+pod2:baz,+');
  });

  it('runs ranges nested three deep and side by side', () => {
    expect(
      run(
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}' +
          '{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
        pods,
      ),
    ).toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#');
    expect(
      run(
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}' +
          '{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
        pods,
      ),
    ).toBe('pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n');
  });

  it('filters items whose key is missing only when missing keys are allowed', () => {
    const list = {
      items: [
        { metadata: { name: 'pod1', annotations: { color: 'blue' } } },
        { metadata: { name: 'pod2' } },
        { metadata: { name: 'pod3', annotations: { color: 'green' } } },
        { metadata: { name: 'pod4', annotations: { color: 'blue' } } },
      ],
    };
    const t = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
    expect(run(t, list, true)).toBe('pod1 pod4');
    expect(engineError(t, list)).toBe('annotations is not found');
  });

  it('filters without the leading @', () => {
    const list = {
      items: [
        { metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { resourceVersion: '' },
      ],
    };
    expect(
      run(
        '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}',
        list,
        true,
      ),
    ).toBe('pod1 is Running\npod2 is Running\n');
  });

  const six = {
    spec: { containers: [0, 1, 2, 3, 4, 5].map((i) => ({ name: `fake${i}` })) },
  };
  const four = { spec: { containers: six.spec.containers.slice(0, 4) } };
  it.each([
    ['[0]', 'fake0'],
    ['[0:0]', ''],
    ['[0:-1]', 'fake0 fake1 fake2'],
    ['[-1]', 'fake3'],
    ['[-1:]', 'fake3'],
    ['[-2:]', 'fake2 fake3'],
    ['[-4]', 'fake0'],
    ['[-4:]', 'fake0 fake1 fake2 fake3'],
    ['[5:5]', ''],
    ['[-5:-5]', ''],
  ])('indexes containers%s', (index, expected) => {
    expect(run(`{.spec.containers${index}.name}`, four)).toBe(expected);
  });

  it.each([
    ['[-1:0]', 'starting index 3 is greater than ending index 0'],
    ['[-5]', 'array index out of bounds: index -1, length 4'],
    ['[3:1]', 'starting index 3 is greater than ending index 1'],
    ['[-1:-2]', 'starting index 3 is greater than ending index 2'],
  ])('rejects containers%s', (index, error) => {
    expect(engineError(`{.spec.containers${index}.name}`, four)).toBe(error);
  });

  it.each([
    ['[0:]', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['[0:6:]', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['[1:4:2]', 'fake1 fake3'],
    ['[1:4:4]', 'fake1'],
    ['[0:6:5]', 'fake0 fake5'],
  ])('steps containers%s', (index, expected) => {
    expect(run(`{.spec.containers${index}.name}`, six)).toBe(expected);
  });

  it('requires a positive step', () => {
    expect(engineError('{.spec.containers[0:6:0].name}', six)).toBe('step must be > 0');
    expect(engineError('{.spec.containers[0:6:-1].name}', six)).toBe('step must be > 0');
  });
});

describe('client-go parser', () => {
  it.each([
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{........}', 'invalid multiple recursive descent'],
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
  ])('fails on %s', (template, error) => {
    expect(compileJsonPath(template)).toEqual({ ok: false, error });
  });

  it('reads a quoted key as a path and keeps quotes paired inside filters', () => {
    const r = compileJsonPath(`{['book.price']}{[?(@.osImage == "(\\"\\")")]}`);
    expect(r.ok && r.template.root.nodes).toEqual([
      {
        type: 'list',
        nodes: [
          { type: 'field', name: 'book' },
          { type: 'field', name: 'price' },
        ],
      },
      {
        type: 'list',
        nodes: [
          {
            type: 'filter',
            op: '==',
            left: { type: 'list', nodes: [{ type: 'field', name: 'osImage' }] },
            right: { type: 'list', nodes: [{ type: 'text', text: '("")' }] },
          },
        ],
      },
    ]);
  });

  it('derives the end of a single negative index', () => {
    const r = compileJsonPath('{[-1]}');
    expect(r.ok && r.template.root.nodes[0]).toEqual({
      type: 'list',
      nodes: [
        {
          type: 'array',
          params: [
            { known: true, value: -1, derived: false },
            { known: true, value: 0, derived: true },
            { known: false, value: 0, derived: false },
          ],
        },
      ],
    });
  });
});

// The list `kubectl get pods` hands to the printer: its items, wrapped in a v1 List whose
// metadata keeps only an empty resourceVersion (kubectl/pkg/cmd/get/get.go, printGeneric).
const podList = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: SAMPLE_PODS,
};

describe('kubectl get pods -o jsonpath', () => {
  it.each([
    ['{.items[*].metadata.name}', 'web-1 db-0 job-x'],
    [
      '{.items[*].spec.containers[*].image}',
      'nginx:1.25 busybox:1.36 postgres:16 registry.example.com/team/task:v1',
    ],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
      'web-1\tRunning\ndb-0\tPending\njob-x\tFailed\n',
    ],
    ['{.items[?(@.metadata.name=="db-0")].status.phase}', 'Pending'],
    ['{.items[?(@.metadata.name=="web-1")].status.podIP}', '10.244.0.5'],
    ['{.items[?(@.status.phase!="Running")].metadata.name}', 'db-0 job-x'],
    ['{.items[?(@.status.restarts>2)].metadata.name}', 'db-0 job-x'],
    ['{.items[?(@.status.restarts<=3)].metadata.name}', 'web-1 job-x'],
    ['{.items[?(@.status.restarts>=3)].metadata.name}', 'db-0 job-x'],
    ['{.items[?(@.status.restarts<3)].metadata.name}', 'web-1'],
    ['{.items[?(@.status.ready==true)].metadata.name}', 'web-1'],
    ['{.items[?(@.status.podIP)].metadata.name}', 'web-1 job-x'],
    ["{.items[?(@.metadata.labels.app=='db')].metadata.name}", 'db-0'],
    ['{.items[0].metadata.labels}', '{"app":"web","app.kubernetes.io/name":"web"}'],
    ['{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', 'web'],
    ["{.items[0].metadata.labels['app.kubernetes.io/name']}", ''],
    ["{.items[0].metadata['name','namespace']}", 'web-1 default'],
    ['{.items[0].spec.replicas} {.items[0].status.ready}', '3 true'],
    [
      '{.items[0].spec.containers[0]}',
      '{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}',
    ],
    ['{.items[0].spec.containers[*].ports}', '[{"containerPort":80}]'],
    ['{.items[-1].metadata.name}', 'job-x'],
    ['{.items[0:2].metadata.name}', 'web-1 db-0'],
    ['{.items[::2].metadata.name}', 'web-1 job-x'],
    ['{..podIP}', '10.244.0.5 10.244.0.9'],
    ['{.items[0]..image}', 'nginx:1.25 busybox:1.36'],
    ['{.kind} {.apiVersion} {.metadata}', 'List v1 {"resourceVersion":""}'],
    ['{$.kind}{@.kind}', 'ListList'],
    ['{.}', ''],
    ['{.nope}before-{.nope}-after', 'before--after'],
    [
      '{range .items[*]}{.metadata.name}:{range .spec.containers[*]}{.name},{end};{end}',
      'web-1:nginx,sidecar,;db-0:postgres,;job-x:task,;',
    ],
    // Without {end} the rest runs per item and then once more on the list itself.
    ['{range .items[*]}{.metadata.name}{"\\n"}', 'web-1\ndb-0\njob-x\n\n'],
    ['{range .items[5:5]}{.metadata.name}{end}after', 'after'],
    ['{"a\\tb"}{\'c\'}{5}{true}{2.0}', 'a\tbc5true2'],
  ])('%s', (template, expected) => {
    expect(jsonPath(template, podList)).toEqual({ ok: true, output: expected });
  });

  const executionError = (template: string, allowMissingKeys = true) => {
    const r = jsonPath(template, podList, { allowMissingKeys });
    return r.ok ? r.output : /Error executing template: (.*)\. Printing/.exec(r.error)?.[1];
  };

  it.each([
    ['{.items[3].metadata.name}', 'array index out of bounds: index 3, length 3'],
    ['{.items[2:1]}', 'starting index 2 is greater than ending index 1'],
    ['{.items[0].metadata.labels[0]}', 'map[string]interface {} is not array or slice'],
    ['{.items[0].status.phase[?(@.x)]}', 'Running is not array or slice and cannot be filtered'],
    ['{.items[?(@.status.restarts>1.5)].metadata.name}', 'incompatible types for comparison'],
    ['{.items[?(@.status.ready>false)].metadata.name}', 'invalid type for comparison'],
    ['{.items[?(@.metadata.name="x")].metadata.name}', 'unrecognized filter operator ='],
    ['{hello}', 'unrecognized identifier hello'],
    ['{.items[*].metadata.name}{end}', 'not in range, nothing to end'],
  ])('fails %s', (template, error) => {
    expect(executionError(template)).toBe(error);
  });

  it('reports missing keys under --allow-missing-template-keys=false', () => {
    expect(executionError('{.nope}', false)).toBe('nope is not found');
    expect(executionError('{.items[*].status.podIP}', false)).toBe('10.244.0.5 10.244.0.9');
    expect(executionError('{.items[?(@.status.podIP=="10.244.0.9")].metadata.name}', false)).toBe(
      'podIP is not found',
    );
  });

  it('prints the whole debugging message kubectl prints', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'a', namespace: 'default', annotations: { note: 'say "hi"\n' } },
          spec: { n: [1, 0.5, null, true, {}] },
        },
      ],
    };
    const r = jsonPath('{.items[0].spec.n[9]}{"\\n"}', list);
    expect(r.ok ? r.output : `error: ${r.error}\n`).toBe(
      'error: error executing jsonpath "{.items[0].spec.n[9]}{\\"\\\\n\\"}": Error executing template: ' +
        'array index out of bounds: index 9, length 5. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[0].spec.n[9]}{"\\n"}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{map[string]interface {}{' +
        '"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"annotations":map[string]interface {}' +
        '{"note":"say \\"hi\\"\\n"}, "name":"a", "namespace":"default"}, "spec":map[string]interface {}{' +
        '"n":[]interface {}{1, 0.5, interface {}(nil), true, map[string]interface {}{}}}}}, "kind":"List", ' +
        '"metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
    );
  });

  it.each([
    ['{.items[', 'unterminated array'],
    ['{.items[0].metadata.name', 'unclosed action'],
    ['{.a,.b}', "unrecognized character in action: U+002C ','"],
    ['{.items[?(@.x=="y"', 'unterminated filter'],
    ['{.items[?(@.x=="y")}', 'unclosed array expect ]'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
    ['{[a]}', 'invalid array index a'],
    ['{[-]}', 'array index - is not a number'],
    ['{[1:2:3:4]}', 'invalid array index 1:2:3:4'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{..*}', "unrecognized character in action: U+002A '*'"],
    ['{x{y}', "unrecognized character in action: U+007B '{'"],
    ['{\t.a}', 'unrecognized character in action: U+0009'],
  ])('rejects %s before running it', (template, error) => {
    expect(parseJsonPath(template)).toEqual({
      ok: false,
      error: `error parsing jsonpath ${template}, ${error}`,
    });
  });

  it('rejects an empty template as kubectl does', () => {
    expect(jsonPath('', podList)).toEqual({
      ok: false,
      error: 'template format specified but no template given',
    });
  });

  it('prints each result set as an indented array for -o jsonpath-as-json', () => {
    const r = jsonPath('{.items[0:2].metadata.name}{"x"}{.items[5:5]}', podList, { asJson: true });
    expect(r).toEqual({ ok: true, output: '[\n    "web-1",\n    "db-0"\n]\n[\n    "x"\n]\n[]\n' });
  });
});

describe('Go value formatting', () => {
  it('prints numbers as kubectl does: int64 plainly, float64 with %v', () => {
    const data = { a: 3, b: 0.5, c: 1000000, d: 1e21, e: 1e-7, f: 1234567.5, g: 0.0001 };
    expect(jsonPath('{.a} {.b} {.c} {.d} {.e} {.f} {.g}', data)).toEqual({
      ok: true,
      output: '3 0.5 1000000 1e+21 1e-07 1.2345675e+06 0.0001',
    });
    expect(jsonPath('{$}', data)).toEqual({
      ok: true,
      output: '{"a":3,"b":0.5,"c":1000000,"d":1e+21,"e":1e-7,"f":1234567.5,"g":0.0001}',
    });
    expect(formatGoFloat(1000000)).toBe('1e+06');
    expect(formatGoFloat(-123456.25)).toBe('-123456.25');
  });

  it('escapes JSON as encoding/json does, HTML-safe', () => {
    const data = { s: { z: 'a<b>&c', a: 'l1\nl2\t\u0001\u2028' } };
    expect(jsonPath('{.s}', data)).toEqual({
      ok: true,
      output: '{"a":"l1\\nl2\\t\\u0001\\u2028","z":"a\\u003cb\\u003e\\u0026c"}',
    });
  });

  it('prints null as null, and a null range item as <no value>', () => {
    expect(jsonPath('{.n}|{range .l[*]}{@},{end}', { n: null, l: [1, null] })).toEqual({
      ok: true,
      output: 'null|1,<no value>,',
    });
  });

  it('formats %v of maps and slices with sorted keys', () => {
    expect(formatGoValue({ b: [1, 2.5, null, true], a: { y: 'x' } })).toBe(
      'map[a:map[y:x] b:[1 2.5 <nil> true]]',
    );
  });
});
