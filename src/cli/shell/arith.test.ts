import { describe, expect, it } from 'vitest';
import { registry } from '../programs';
import { ArithError, evaluateArith } from './arith';
import { completionWords, parseCommand, parseSyntax } from './parse';
import { createSession, runHeadless } from './shell';

// Each line run in turn in one session (variables carry over), with what interactive bash 5.2
// printed for it: `bash --norc -i` reading the same lines, `set +H`, `echo "[$?]"` after each.
const BASH: [command: string, stdout: string, stderr: string, status: number][] = [
  ['echo $(( 1 + 2 )) $((1+2)) "$(( 3*4 ))"', '3 3 12\n', '', 0],
  ['echo $(( 1 / 0 )); echo no', '', 'bash: 1 / 0 : division by 0 (error token is "0 ")\n', 1],
  [
    'echo $(( 1 +  )); echo no',
    '',
    'bash: 1 +  : syntax error: operand expected (error token is "+  ")\n',
    1,
  ],
  ['echo $((1/0))', '', 'bash: 1/0: division by 0 (error token is "0")\n', 1],
  [
    'echo $(( 2**63 )) $(( 2**64 )) $(( -2**63 / -1 )) $(( -9223372036854775808 % -1 ))',
    '-9223372036854775808 0 -9223372036854775808 0\n',
    '',
    0,
  ],
  ['echo $(( 2**-1 ))', '', 'bash: 2**-1 : exponent less than 0 (error token is "1 ")\n', 1],
  [
    'echo $(( 2 ** 3 ** 2 )) $(( -2 ** 2 )) $(( 7 % -3 )) $(( -7 / 2 )) $(( 1 << 65 )) $(( -1 >> 1 )) $(( 1 << -1 ))',
    '512 4 1 -3 2 -1 -9223372036854775808\n',
    '',
    0,
  ],
  ['echo $(( 010 + 0x1F + 2#101 + 36#z + 64#@ + 64#_ ))', '204\n', '', 0],
  ['echo $(( 08 ))', '', 'bash: 08: value too great for base (error token is "08")\n', 1],
  [
    'echo $(( 1 ? 2 : 3 )) $(( 0 ? 2 : 3 )) $(( !5 )) $(( ~5 )) $(( 3 > 2 && 0 || 4 ))',
    '2 3 0 -6 1\n',
    '',
    0,
  ],
  ['x=3+4; echo $(( x * 2 )) $(( $x * 2 ))', '14 11\n', '', 0],
  ['y=; echo $(( y + 1 )) $(( z + 1 ))', '1 1\n', '', 0],
  ['echo $(( abc ))', '0\n', '', 0],
  ['echo $(( 1 2 ))', '', 'bash: 1 2 : syntax error in expression (error token is "2 ")\n', 1],
  [
    'echo $(( 1 ? 2 ))',
    '',
    'bash: 1 ? 2 : `:\' expected for conditional expression (error token is "2 ")\n',
    1,
  ],
  ['echo $(( 99999999999999999999 ))', '7766279631452241919\n', '', 0],
  ['echo $(( 0x )) $(( 0X1f ))', '0 31\n', '', 0],
  ['echo $(( 2#3 ))', '', 'bash: 2#3: value too great for base (error token is "2#3")\n', 1],
  ['echo $(( 65#1 ))', '', 'bash: 65#1: invalid arithmetic base (error token is "65#1")\n', 1],
  ['echo $(( a = 5 )) $a $(( a += 2 )) $(( a++ )) $a $(( --a ))', '5 5 7 7 8 7\n', '', 0],
  ['echo $a', '7\n', '', 0],
  [
    'echo $(( 1 = 2 ))',
    '',
    'bash: 1 = 2 : attempted assignment to non-variable (error token is "= 2 ")\n',
    1,
  ],
  ['v=foo; echo $(( v ))', '0\n', '', 0],
  [
    "w='1 +'; echo $(( w ))",
    '',
    'bash: 1 +: syntax error: operand expected (error token is "+")\n',
    1,
  ],
  ['echo $(( ))', '0\n', '', 0],
  ['echo $(( 1 + $(echo 2) ))', '3\n', '', 0],
  ['echo $(( 5 % 0 ))', '', 'bash: 5 % 0 : division by 0 (error token is "0 ")\n', 1],
  [
    'echo $(( 1/0 )) && echo a || echo b',
    '',
    'bash: 1/0 : division by 0 (error token is "0 ")\n',
    1,
  ],
  [
    'echo $(( 4 >= 4 )) $(( 4 != 4 )) $(( 6 & 3 )) $(( 6 | 3 )) $(( 6 ^ 3 )) $(( 1 , 2 ))',
    '1 0 2 7 5 2\n',
    '',
    0,
  ],
  ['echo $(( 1 -- 2 )) $(( 1 - -2 )) $(( - - 2 )) $(( +-+1 ))', '3 3 2 -1\n', '', 0],
  [
    'echo $((0x7fffffffffffffff + 1)) $(( 9223372036854775807 * 3 ))',
    '-9223372036854775808 9223372036854775805\n',
    '',
    0,
  ],
  ['echo $(( 3 & 5 == 5 )) $(( 1 + 2 << 1 )) $(( 1 < 2 == 1 ))', '1 6 1\n', '', 0],
  ['echo $(( 1 ? 2 : 3 ? 4 : 5 )) $(( 0 ? 1 : 0 ? 2 : 3 ))', '2 3\n', '', 0],
  ['echo $(( 1 || 1/0 )) $(( 0 && 1/0 )) $(( 1 ? 5 : 1/0 ))', '1 0 5\n', '', 0],
  ['echo $(( 1/0 + 1 ))', '', 'bash: 1/0 + 1 : division by 0 (error token is "0 + 1 ")\n', 1],
  [
    'echo $(( 1 + x y ))',
    '',
    'bash: 1 + x y : syntax error in expression (error token is "y ")\n',
    1,
  ],
  ['echo $(( $y + 1 ))', '1\n', '', 0],
  [
    'echo $(( 2#1111 )) $(( 16#ff )) $(( 16#FF )) $(( 37#a )) $(( 37#A ))',
    '15 255 255 10 36\n',
    '',
    0,
  ],
  ['echo $(( 1e3 ))', '', 'bash: 1e3: value too great for base (error token is "1e3")\n', 1],
  ['echo $(( 0x1g ))', '', 'bash: 0x1g: value too great for base (error token is "0x1g")\n', 1],
  [
    "echo $(( 'a' ))",
    '',
    "bash: 'a' : syntax error: operand expected (error token is \"'a' \")\n",
    1,
  ],
  ['echo $(( "1" + 2 ))', '3\n', '', 0],
  ['echo $(( 1 ? : 3 ))', '', 'bash: 1 ? : 3 : expression expected (error token is ": 3 ")\n', 1],
  [
    'echo $(( 1 + 08 + 1 ))',
    '',
    'bash: 1 + 08: value too great for base (error token is "08")\n',
    1,
  ],
  [
    'echo $(( 1 + 2#3 + 1 ))',
    '',
    'bash: 1 + 2#3: value too great for base (error token is "2#3")\n',
    1,
  ],
  ['echo $(( 1 + 1# ))', '', 'bash: 1 + 1#: invalid arithmetic base (error token is "1#")\n', 1],
  ['echo $(( 1 + 0#1 ))', '', 'bash: 1 + 0#1: invalid number (error token is "0#1")\n', 1],
  ['echo $(( 1 + 1#1 ))', '', 'bash: 1 + 1#1: invalid arithmetic base (error token is "1#1")\n', 1],
  ['echo $(( 64#zz ))', '2275\n', '', 0],
  [
    "w='1 +'; echo $(( 2 * w ))",
    '',
    'bash: 1 +: syntax error: operand expected (error token is "+")\n',
    1,
  ],
  ["p=' 3 '; echo $(( p * 2 ))", '6\n', '', 0],
  [
    'r=r; echo $(( r + 1 ))',
    '',
    'bash: r: expression recursion level exceeded (error token is "r")\n',
    1,
  ],
  [
    'echo $(( 1 +/ 2 ))',
    '',
    'bash: 1 +/ 2 : syntax error: operand expected (error token is "/ 2 ")\n',
    1,
  ],
  ['echo $(( ~ ))', '', 'bash: ~ : syntax error: operand expected (error token is "~ ")\n', 1],
  [
    'echo $(( 2 ** 63 * 1 )) $(( 3 ** 40 )) $(( 0 ** 0 ))',
    '-9223372036854775808 -6289078614652622815 1\n',
    '',
    0,
  ],
  ['echo $(( 5 - - - 1 )) $(( 5---1 ))', '4 4\n', '', 0],
  ['echo $(( 1+++2 ))', '3\n', '', 0],
  ['echo $(( b++ )) $b', '0 1\n', '', 0],
  [
    'echo $(( 3 ++ ))',
    '',
    'bash: 3 ++ : syntax error: operand expected (error token is "+ ")\n',
    1,
  ],
  [
    'echo $(( 1 ? 1/0 : 2 ))',
    '',
    'bash: 1 ? 1/0 : 2 : division by 0 (error token is "0 : 2 ")\n',
    1,
  ],
  ['echo $(( 0x10 + 010 + 10#010 ))', '34\n', '', 0],
  ['echo $(( 1 <= 2 >= 0 ))', '1\n', '', 0],
  ['echo $(( -x ))', '-7\n', '', 0],
  ['q=7; echo $(( q-=1 )) $(( q*=5 )) $(( q<<=1 )) $(( q%=5 )) $q', '6 30 60 0 0\n', '', 0],
  ['echo $(( q/=0 ))', '', 'bash: q/=0 : division by 0 (error token is "0 ")\n', 1],
  ['echo $(( (1 + 2) * 3 )) $(( ((4)) ))', '9 4\n', '', 0],
  [
    'echo $(( -a = 3 ))',
    '',
    'bash: -a = 3 : attempted assignment to non-variable (error token is "= 3 ")\n',
    1,
  ],
  [
    'echo $(( (a) = 3 ))',
    '',
    'bash: (a) = 3 : attempted assignment to non-variable (error token is "= 3 ")\n',
    1,
  ],
  [
    'echo $(( a++ = 3 ))',
    '',
    'bash: a++ = 3 : attempted assignment to non-variable (error token is "= 3 ")\n',
    1,
  ],
  ['echo $(( ++ ))', '', 'bash: ++ : syntax error: operand expected (error token is "+ ")\n', 1],
  ['echo $(( ++5 ))', '5\n', '', 0],
  ['echo $(( 7 - 2 - 1 )) $(( 64 / 4 / 2 )) $(( 2 - 3 * 4 ))', '4 8 -10\n', '', 0],
  ['start=100; echo $(( $(echo 160) - start ))', '60\n', '', 0],
  ['echo $(( $? + 1 ))', '1\n', '', 0],
  ['echo x$(( 2 ))y $(( 1 == 1 ))', 'x2y 1\n', '', 0],
  ['c=2; echo $(( c ** 62 * 2 - 1 )) $(( -c ))', '9223372036854775807 -2\n', '', 0],
  ['echo $(( 10 ? 20 : 30 , 40 ))', '40\n', '', 0],
  [
    'echo $((1?2:3=4))',
    '',
    'bash: 1?2:3=4: attempted assignment to non-variable (error token is "=4")\n',
    1,
  ],
  ['echo $(( 9223372036854775808 ))', '-9223372036854775808\n', '', 0],
  [
    'echo $(( 1 @ 2 ))',
    '',
    'bash: 1 @ 2 : syntax error: invalid arithmetic operator (error token is "@ 2 ")\n',
    1,
  ],
  [
    'echo $(( 1 + [2] ))',
    '',
    'bash: 1 + [2] : syntax error: operand expected (error token is "[2] ")\n',
    1,
  ],
  ['echo $(( ${c} + 1 ))', '3\n', '', 0],
  [
    'echo $(( 0 && (1/0) )) $(( 1 || x = 5 ))',
    '',
    'bash: 1 || x = 5 : attempted assignment to non-variable (error token is "= 5 ")\n',
    1,
  ],
  ['echo $(( 2 ** 0 )) $(( (-2) ** 3 )) $(( -2 ** 3 ))', '1 -8 -8\n', '', 0],
  ['n=0x10; echo $(( n + 1 ))', '17\n', '', 0],
  ['m=010; echo $(( m )) $(( $m ))', '8 8\n', '', 0],
  ['echo $(( 1 < 2 ? 10 : 20 ))', '10\n', '', 0],
  ['echo $(( 5 > 3 > 1 ))', '0\n', '', 0],
  [
    'echo $(( (1 @ 2) ))',
    '',
    'bash: (1 @ 2) : syntax error: invalid arithmetic operator (error token is "@ 2) ")\n',
    1,
  ],
  [
    "echo $(( 1 'a' ))",
    '',
    "bash: 1 'a' : syntax error: invalid arithmetic operator (error token is \"'a' \")\n",
    1,
  ],
  [
    'echo $(( 1 @ ))',
    '',
    'bash: 1 @ : syntax error: invalid arithmetic operator (error token is "@ ")\n',
    1,
  ],
  ['echo $(( @ ))', '', 'bash: @ : syntax error: operand expected (error token is "@ ")\n', 1],
  [
    'echo $(( 1 + (2 @) ))',
    '',
    'bash: 1 + (2 @) : syntax error: invalid arithmetic operator (error token is "@) ")\n',
    1,
  ],
  [
    'echo $(( 1 ; 2 ))',
    '',
    'bash: 1 ; 2 : syntax error: invalid arithmetic operator (error token is "; 2 ")\n',
    1,
  ],
  [
    'echo $(( 1 { 2 ))',
    '',
    'bash: 1 { 2 : syntax error: invalid arithmetic operator (error token is "{ 2 ")\n',
    1,
  ],
  [
    'echo $(( 2 ** 2 = 3 ))',
    '',
    'bash: 2 ** 2 = 3 : attempted assignment to non-variable (error token is "= 3 ")\n',
    1,
  ],
  [
    'echo $(( 1 ? a : b = 3 ))',
    '',
    'bash: 1 ? a : b = 3 : attempted assignment to non-variable (error token is "= 3 ")\n',
    1,
  ],
  ['echo "$(( 2 ))" \'$(( 2 ))\' $(( "$c" + 1 ))', '2 $(( 2 )) 3\n', '', 0],
  ['echo $(( `echo 4` * 2 ))', '8\n', '', 0],
];

describe('arithmetic expansion $((...))', () => {
  it('answers as bash 5.2 does, line by line', () => {
    const s = createSession();
    for (const [command, stdout, stderr, status] of BASH) {
      const r = runHeadless(s, command, registry);
      expect({ command, stdout: r.stdout, stderr: r.stderr }).toEqual({ command, stdout, stderr });
      expect({ command, status: s.env['?'] }).toEqual({ command, status: String(status) });
    }
  });

  it('keeps what it assigns, except in a pipeline of several commands (subshells)', () => {
    const s = createSession();
    expect(runHeadless(s, 'echo $((z=4)) | cat; echo "[$z]"', registry).stdout).toBe('4\n[]\n');
    expect(runHeadless(s, 'echo $(( k = 2 )) >/dev/null; echo "[$k]"', registry).stdout).toBe(
      '[2]\n',
    );
    expect(s.env.k).toBe('2');
  });

  it('expands in here-documents, and an error there drops the command', () => {
    const s = createSession();
    expect(runHeadless(s, 'cat <<X\nsum $(( 2 * 3 ))\nX', registry).stdout).toBe('sum 6\n');
    expect(runHeadless(s, 'cat <<X\n$(( 2 * 3 )) $((1/0))\nX', registry)).toMatchObject({
      stdout: '',
      stderr: 'bash: 1/0: division by 0 (error token is "0")\n',
      exitCode: 1,
    });
  });

  it('runs command substitutions inside, in order, with the time they see', () => {
    const s = createSession();
    runHeadless(s, 'start=$(date +%s)', registry);
    const r = runHeadless(s, 'sleep 3; echo $(( $(date +%s) - start ))', registry);
    expect(r.stdout).toBe('3\n');
  });

  it('waits for the closing )) on the next line, and reports a missing one at the end', () => {
    expect(parseSyntax('echo $(( 1 +')).toEqual({ ok: false, incomplete: true });
    expect(parseSyntax('echo $(( 1 +\n2 ))')).toMatchObject({ ok: true });
    expect(parseSyntax('echo $(( 1 +', { endOfInput: true })).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `)'",
    });
  });

  it('parses the command substitutions inside as bash does', () => {
    expect(parseCommand('echo $(( $(a |) ))')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `)'",
    });
  });

  it('reads `$((` closed by `) )` as a command substitution of a subshell (refused here)', () => {
    expect(parseCommand('echo $((echo hi) )')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^bash: subshells \( \.\.\. \): not supported/),
    });
  });

  it('is one word for completion, left as typed', () => {
    expect(completionWords('echo $(( 1 + 2 )) ').words.map((w) => w.text)).toEqual([
      'echo',
      '$(( 1 + 2 ))',
    ]);
  });
});

describe('evaluateArith', () => {
  const vars = (env: Record<string, string>) => ({
    get: (name: string) => env[name],
    set: (name: string, value: string) => {
      env[name] = value;
    },
  });

  it('evaluates with variables and assigns through them', () => {
    const env: Record<string, string> = { a: '2', e: 'a * 3' };
    expect(evaluateArith(' e + 1 ', vars(env))).toBe('7');
    expect(evaluateArith('b = a << 4, b++, b', vars(env))).toBe('33');
    expect(env.b).toBe('33');
  });

  it('does not evaluate the side that does not count', () => {
    const env: Record<string, string> = {};
    expect(evaluateArith('0 && (x = 1), 1 || (y = 1), 1 ? 2 : (z = 1)', vars(env))).toBe('2');
    expect(env).toEqual({});
  });

  it("throws bash's message", () => {
    expect(() => evaluateArith('1 % 0', vars({}))).toThrow(ArithError);
    try {
      evaluateArith('1 % 0', vars({}));
    } catch (e) {
      expect(e instanceof ArithError && e.message).toBe(
        'bash: 1 % 0: division by 0 (error token is "0")',
      );
    }
  });
});
