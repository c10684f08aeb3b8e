// The `-l` grammar and its error wording come from the API server's label parser,
// k8s.io/apimachinery/pkg/labels/selector.go (release-1.32, apimachinery v0.32.x), with the field
// error and validation texts of pkg/util/validation/field/errors.go and pkg/util/validation/validation.go.
// Cases marked "upstream" are the inputs and outcomes of pkg/labels/selector_test.go; the exact
// error strings were produced by that parser.
import { describe, it, expect } from 'vitest';
import type { Selector } from './labels';
import { formatLabelSelector, fromLabelSelector, fromMap, matches, parseSelector } from './labels';

function parsed(text: string): Selector {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} did not parse: ${r.error}`);
  return r.selector;
}

function errorOf(text: string): string {
  const r = parseSelector(text);
  if (r.ok) throw new Error(`${JSON.stringify(text)} parsed: ${JSON.stringify(r.selector)}`);
  return r.error;
}

const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseSelector: what parses (upstream TestSelectorParse / TestSetSelectorParser)', () => {
  it.each([
    'x=a,y=b,z=c',
    '',
    'x!=a,y=b',
    'x=',
    'x= ',
    'x=,z= ',
    'x= ,z= ',
    '!x',
    'x>1',
    'x>1,z<5',
    '\rx',
    'this-is-a-dns.domain.com/key-with-dash',
    'a ',
    'x notin ( )',
  ])('accepts %j', (text) => {
    expect(parseSelector(text).ok).toBe(true);
  });

  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),'])(
    'rejects %j',
    (text) => {
      expect(parseSelector(text).ok).toBe(false);
    },
  );

  it('reads each operator into a requirement', () => {
    expect(parsed('x=a,y==b,z!=c,w,!v,u>1,t<7')).toEqual([
      { op: 'in', key: 'x', values: ['a'] },
      { op: 'in', key: 'y', values: ['b'] },
      { op: 'notin', key: 'z', values: ['c'] },
      { op: 'exists', key: 'w' },
      { op: '!', key: 'v' },
      { op: 'gt', key: 'u', values: ['1'] },
      { op: 'lt', key: 't', values: ['7'] },
    ]);
  });

  it('treats sets as sets: sorted, deduplicated, empty entries as the empty value', () => {
    expect(parsed('x notin (abc,,def),bar,z in (),w')).toEqual([
      { op: 'notin', key: 'x', values: ['', 'abc', 'def'] },
      { op: 'exists', key: 'bar' },
      { op: 'in', key: 'z', values: [''] },
      { op: 'exists', key: 'w' },
    ]);
    expect(parsed('x in (abc,)')).toEqual([{ op: 'in', key: 'x', values: ['', 'abc'] }]);
    expect(parsed('x notin (, a)')).toEqual([{ op: 'notin', key: 'x', values: ['', 'a'] }]);
    expect(parsed('x in (,)')).toEqual([{ op: 'in', key: 'x', values: [''] }]);
    expect(parsed('a in (c,b,b)')).toEqual([{ op: 'in', key: 'a', values: ['b', 'c'] }]);
  });

  it('takes in and notin as values inside a set and as keys', () => {
    expect(parsed('a in (x,y,notin, z,in)')).toEqual([
      { op: 'in', key: 'a', values: ['in', 'notin', 'x', 'y', 'z'] },
    ]);
    expect(parsed('notin=in')).toEqual([{ op: 'in', key: 'notin', values: ['in'] }]);
  });

  it('skips spaces, tabs, CR and LF between tokens', () => {
    expect(parsed('foo  in\t (abc)')).toEqual([{ op: 'in', key: 'foo', values: ['abc'] }]);
    expect(parsed('x notin\n (abc)')).toEqual([{ op: 'notin', key: 'x', values: ['abc'] }]);
    expect(parsed(' a = b , ! c ')).toEqual([
      { op: 'in', key: 'a', values: ['b'] },
      { op: '!', key: 'c' },
    ]);
    expect(parsed('0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)')).toEqual([
      { op: 'notin', key: '0.1.2.domain/99', values: ['10.10.100.1', 'tick.tack.clock'] },
    ]);
  });

  it('reads an empty value after = as the empty string', () => {
    expect(parsed('x=,z= ')).toEqual([
      { op: 'in', key: 'x', values: [''] },
      { op: 'in', key: 'z', values: [''] },
    ]);
  });
});

describe('parseSelector: the parser’s error messages', () => {
  it.each([
    ['=bad', "found '=', expected: !, identifier, or 'end of string'"],
    ['===', "found '==', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['a=b,=', "found '=', expected: identifier after ','"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['!!', "unable to parse requirement: found '!', expected: identifier"],
    ['!,', "unable to parse requirement: found ',', expected: identifier"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['a)', "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"],
    [
      'x nott in (y)',
      "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
    ],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['x in ((a))', "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['x in (a,(b))', "unable to parse requirement: found '(', expected: ',', or identifier"],
    ['a==(', "unable to parse requirement: found '(', expected: identifier"],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('validates keys as qualified names, with a path of <nil>', () => {
    expect(errorOf('é=1')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "é": ${NAME_PART_RULE}`,
    );
    expect(errorOf('/x')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty',
    );
    expect(errorOf('k8s.io/=')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "k8s.io/": name part must be non-empty; ${NAME_PART_RULE}`,
    );
    expect(errorOf('Bad_/x=1')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "Bad_/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(errorOf('a/b/c')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    );
    expect(errorOf(`${'a'.repeat(64)}`)).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`,
    );
    expect(parseSelector('a'.repeat(63)).ok).toBe(true);
  });

  it('validates values, indexed in sorted order and aggregated in brackets', () => {
    expect(errorOf('x=a||y=b')).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_RULE}`,
    );
    expect(errorOf('a in (c_,b_)')).toBe(
      `unable to parse requirement: [values[0][a]: Invalid value: "b_": ${LABEL_VALUE_RULE}, values[1][a]: Invalid value: "c_": ${LABEL_VALUE_RULE}]`,
    );
    expect(errorOf('x="q"')).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "\\"q\\"": ${LABEL_VALUE_RULE}`,
    );
    expect(errorOf(`x=${'v'.repeat(64)}`)).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    );
  });

  it('wants an int64 after > and <, which must also be a valid label value', () => {
    expect(errorOf('x<a')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    expect(errorOf('x>')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    expect(errorOf('x>99999999999999999999')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    expect(errorOf('x>-1')).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "-1": ${LABEL_VALUE_RULE}`,
    );
    expect(parseSelector('x>9223372036854775807').ok).toBe(true);
  });
});

describe('matches (upstream TestSelectorMatches / TestRequirementSelectorMatching)', () => {
  it.each([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['z>1', { z: 'v2' }, false],
    ['z>1', {}, false],
    ['x notin (),y', { y: '' }, true],
    ['x in ()', { y: 'baz' }, false],
    ['x notin (a)', {}, true],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['x>9223372036854775806', { x: '9223372036854775807' }, true],
  ])('%j against %j is %s', (text, labels, want) => {
    expect(matches(parsed(text), labels)).toBe(want);
  });

  it('matches object selectors as the controllers read them', () => {
    const sel = fromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
    expect(matches(sel, { app: 'web', tier: 'front' })).toBe(true);
    expect(matches(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(matches(sel, { app: 'web', canary: 'yes' })).toBe(false);
    expect(matches(fromMap({ app: 'web' }), { app: 'web', x: 'y' })).toBe(true);
    expect(matches(fromMap({ app: 'web' }), { app: 'api' })).toBe(false);
  });
});

// metav1.FormatLabelSelector: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
describe('formatLabelSelector', () => {
  it('prints the requirements sorted by key, set values sorted', () => {
    expect(
      formatLabelSelector({
        matchLabels: { b: '2', d: '1' },
        matchExpressions: [
          { key: 'c', operator: 'In', values: ['y', 'x'] },
          { key: 'a', operator: 'DoesNotExist' },
          { key: 'e', operator: 'Exists' },
          { key: 'f', operator: 'NotIn', values: ['z'] },
        ],
      }),
    ).toBe('!a,b=2,c in (x,y),d=1,e,f notin (z)');
  });

  it('says <none> for no requirements and <error> for an invalid one', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(
      formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { app: 'bad value' } })).toBe('<error>');
  });
});
