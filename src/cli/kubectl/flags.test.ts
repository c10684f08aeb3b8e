import { describe, expect, it } from 'vitest';
import type { FlagSpec } from './flags';
import { parseFlags } from './flags';

const specs: FlagSpec[] = [
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
  { name: 'image', type: 'stringArray' },
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'duration' },
];

function ok(argv: string[]) {
  const r = parseFlags(argv, specs);
  if (!r.ok) throw new Error(r.error);
  return { args: r.parsed.args, values: Object.fromEntries(r.parsed.values) };
}

function error(argv: string[]) {
  const r = parseFlags(argv, specs);
  return r.ok ? undefined : r.error;
}

// Wording from spf13/pflag (flag.go, errors), as kubectl v1.32 prints it (see
// __fixtures__/oracle.json: create deployment --replicas=abc, --image, --foo, rollout status --timeout=abc).
describe('kubectl flags', () => {
  it('take values in every form pflag accepts, anywhere among the arguments', () => {
    expect(
      ok([
        'x',
        '--replicas=3',
        '-n',
        'kube-system',
        'y',
        '--image',
        'a',
        '--image=b',
        '-oyaml',
        '-Aw',
      ]),
    ).toEqual({
      args: ['x', 'y'],
      values: {
        replicas: 3,
        namespace: 'kube-system',
        image: ['a', 'b'],
        output: 'yaml',
        'all-namespaces': true,
        watch: true,
      },
    });
    expect(ok(['-n=dev', '--watch=false', '--timeout=1m30s', '--', '-n', 'z'])).toEqual({
      args: ['-n', 'z'],
      values: { namespace: 'dev', watch: false, timeout: 90_000 },
    });
    expect(ok(['--replicas', '-1']).values).toEqual({ replicas: -1 });
  });

  it('refuse what pflag refuses, in its words', () => {
    expect(error(['--replicas=abc'])).toBe(
      'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
    expect(error(['--port=8o'])).toBe(
      'invalid argument "8o" for "--port" flag: strconv.ParseInt: parsing "8o": invalid syntax',
    );
    expect(error(['--foo'])).toBe('unknown flag: --foo');
    expect(error(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(error(['-Ax'])).toBe("unknown shorthand flag: 'x' in -Ax");
    expect(error(['--image'])).toBe('flag needs an argument: --image');
    expect(error(['-n'])).toBe("flag needs an argument: 'n' in -n");
    expect(error(['--timeout=abc'])).toBe(
      'invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"',
    );
    expect(error(['--timeout=30'])).toBe(
      'invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"',
    );
    expect(error(['--watch=maybe'])).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });
});
