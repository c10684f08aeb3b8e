// Formats come from k8s.io/kubectl/pkg/cmd/get/customcolumn.go and customcolumn_flags.go
// (kubectl 1.32), the tabwriter settings in k8s.io/cli-runtime/pkg/printers/tabwriter.go, and
// kubectl 1.32's own output for `kubectl get pods -o custom-columns=...` on the pods below.
import { describe, expect, it } from 'vitest';
import { parseCustomColumns, printCustomColumns, relaxedJsonPathExpression } from './customColumns';
import type { CustomColumnsOutput } from './customColumns';
import { SAMPLE_PODS } from './fixtures';

const pods = SAMPLE_PODS;

function print(spec: string, objects: unknown[] = pods, noHeaders = false): CustomColumnsOutput {
  const parsed = parseCustomColumns(spec);
  if (!parsed.ok) return { ok: false, error: parsed.error, output: '' };
  return printCustomColumns(parsed.columns, objects, { noHeaders });
}

describe('relaxedJsonPathExpression', () => {
  it.each(['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}'])(
    'reads %s as {.metadata.name}',
    (expr) => {
      expect(relaxedJsonPathExpression(expr)).toEqual({ ok: true, template: '{.metadata.name}' });
    },
  );

  it('keeps an empty expression empty and refuses more than one action', () => {
    expect(relaxedJsonPathExpression('')).toEqual({ ok: true, template: '' });
    expect(relaxedJsonPathExpression('{.a}{.b}').ok).toBe(false);
  });
});

describe('kubectl get pods -o custom-columns', () => {
  it('aligns columns as kubectl does', () => {
    expect(print('NAME:.metadata.name,IMAGE:.spec.containers[*].image')).toEqual({
      ok: true,
      output:
        'NAME    IMAGE\n' +
        'web-1   nginx:1.25,busybox:1.36\n' +
        'db-0    postgres:16\n' +
        'job-x   registry.example.com/team/task:v1\n',
    });
  });

  it('prints <none> for missing values and maps as Go prints them', () => {
    expect(
      print('NAME:.metadata.name,STATUS:.status.phase,IP:.status.podIP,LABELS:.metadata.labels'),
    ).toEqual({
      ok: true,
      output:
        'NAME    STATUS    IP           LABELS\n' +
        'web-1   Running   10.244.0.5   map[app:web app.kubernetes.io/name:web]\n' +
        'db-0    Pending   <none>       map[app:db]\n' +
        'job-x   Failed    10.244.0.9   <none>\n',
    });
    expect(print('NAME:{.metadata.name},C:.spec.containers[0]')).toEqual({
      ok: true,
      output:
        'NAME    C\n' +
        'web-1   map[image:nginx:1.25 name:nginx ports:[map[containerPort:80]]]\n' +
        'db-0    map[image:postgres:16 name:postgres]\n' +
        'job-x   map[image:registry.example.com/team/task:v1 name:task]\n',
    });
  });

  it('prints booleans, numbers and filtered values', () => {
    expect(print('NAME:.metadata.name,READY:.status.ready,RESTARTS:.status.restarts')).toEqual({
      ok: true,
      output:
        'NAME    READY   RESTARTS\nweb-1   true    0\ndb-0    false   12\njob-x   false   3\n',
    });
    expect(print('NAME:.metadata.name,FIRST:.spec.containers[?(@.name=="sidecar")].image')).toEqual(
      {
        ok: true,
        output: 'NAME    FIRST\nweb-1   busybox:1.36\ndb-0    <none>\njob-x   <none>\n',
      },
    );
  });

  it('leaves out the header with --no-headers', () => {
    expect(
      print(
        'NAME:metadata.name,PORTS:{.spec.containers[*].ports[*].containerPort},R:.spec.replicas',
        pods,
        true,
      ),
    ).toEqual({
      ok: true,
      output: 'web-1   80       3\ndb-0    <none>   <none>\njob-x   <none>   <none>\n',
    });
  });

  it('pads empty headers and empty paths', () => {
    expect(print(':.metadata.name,:.status.phase')).toEqual({
      ok: true,
      output: '        \nweb-1   Running\ndb-0    Pending\njob-x   Failed\n',
    });
    expect(print('N:.metadata.name,E:')).toEqual({
      ok: true,
      output: 'N       E\nweb-1   <none>\ndb-0    <none>\njob-x   <none>\n',
    });
  });

  it('prints the header alone for an empty list', () => {
    expect(print('NAME:.metadata.name,X:.x', [])).toEqual({ ok: true, output: 'NAME   X\n' });
  });

  it('lets tabs and newlines in values reshape the table, and escapes the terminal', () => {
    const odd = [
      {
        metadata: {
          name: 'pé世',
          annotations: { multi: 'line1\nline2', tab: 'a\tb', esc: '\u001b[31mred\r' },
        },
      },
      { metadata: { name: 'second' } },
      { metadata: { name: 'third-with-a-longer-name', annotations: { multi: 'x\ny\nz' } } },
    ];
    const spec =
      'N:.metadata.name,T:.metadata.annotations.tab,M:.metadata.annotations.multi,E:.metadata.annotations.esc';
    expect(print(spec, odd)).toEqual({
      ok: true,
      output:
        'N                          T     M     E\n' +
        'pé世                        a     b     line1\n' +
        'line2                      ^[[31mred\\r\n' +
        'second                     <none>   <none>   <none>\n' +
        'third-with-a-longer-name   <none>   x\n' +
        'y\n' +
        'z                          <none>\n',
    });
  });

  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    [
      'NAME:.metadata.name,X:{.a}{.b}',
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
  ])('rejects the spec %j', (spec, error) => {
    expect(parseCustomColumns(spec)).toEqual({ ok: false, error });
  });

  it('prints the header before reporting a bad column template', () => {
    expect(print('NAME:.metadata.name,X:.a[')).toEqual({
      ok: false,
      error: 'unterminated array',
      output: 'NAME   X\n',
    });
  });

  it('keeps the rows printed before a failing one', () => {
    expect(print('NAME:.metadata.name,X:.spec.containers[1].name')).toEqual({
      ok: false,
      error: 'array index out of bounds: index 1, length 1',
      output: 'NAME    X\nweb-1   sidecar\n',
    });
  });
});
