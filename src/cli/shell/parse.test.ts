// Expected results were taken from GNU bash 5.2.15 run interactively (`bash --norc -i`); the
// messages come from bash's parse.y (report_syntax_error, parser_error) and subst.c
// ("bad substitution", "ambiguous redirect").
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { completionWords, lateSubstitutionError, parseCommand, parseSyntax } from './parse';
import type { CommandList, ParseResult, SimpleCommand, SubstitutionOutput } from './parse';

const HOME = '/home/learner';
const env = { HOME, X: 'a  b', Y: ' lead', EMPTY: '', '?': '0' };

function list(text: string, e: Record<string, string> = env): CommandList {
  const r = parseCommand(text, e);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${JSON.stringify(r)}`);
  return r.list;
}
function only(text: string, e: Record<string, string> = env): SimpleCommand {
  const items = list(text, e).items;
  expect(items).toHaveLength(1);
  const cmds = items[0]?.pipeline.commands ?? [];
  expect(cmds).toHaveLength(1);
  return cmds[0] as SimpleCommand;
}
const argv = (text: string, e: Record<string, string> = env): string[] => only(text, e).argv;
const error = (text: string): ParseResult => parseCommand(text, env);
const syntax = (token: string) => ({
  ok: false,
  error: `bash: syntax error near unexpected token \`${token}'`,
});
const INCOMPLETE = expect.objectContaining({ ok: false, incomplete: true });

describe('words and quoting', () => {
  it('removes quotes and escapes, expanding inside double quotes only', () => {
    expect(argv(`echo 'a b' "c $HOME" d\\ e`)).toEqual(['echo', 'a b', `c ${HOME}`, 'd e']);
    expect(argv(`echo '$HOME' "\\$HOME" \\$HOME`)).toEqual(['echo', '$HOME', '$HOME', '$HOME']);
  });

  it('keeps a backslash in double quotes unless it escapes $ ` " \\ or a newline', () => {
    expect(argv(`echo "a\\"b" "c\\\\d" "e\\nf" "g\\\nh"`)).toEqual([
      'echo',
      'a"b',
      'c\\d',
      'e\\nf',
      'gh',
    ]);
  });

  it('starts a comment only at the start of a word', () => {
    expect(argv('echo "a # b" a#b # the rest')).toEqual(['echo', 'a # b', 'a#b']);
    expect(argv("echo '#' \\# x;#y")).toEqual(['echo', '#', '#', 'x']);
  });

  it('keeps empty quoted words and drops empty unquoted expansions', () => {
    expect(argv(`echo '' "" $EMPTY "$EMPTY" $UNSET x`)).toEqual(['echo', '', '', '', 'x']);
  });

  it('splits unquoted expansions at blanks, not quoted ones', () => {
    expect(argv('printf %s $X "$X" ${X}! $Y')).toEqual([
      'printf',
      '%s',
      'a',
      'b',
      'a  b',
      'a',
      'b!',
      'lead',
    ]);
  });

  it('expands $VAR, ${VAR}, ${#VAR}, $? and the positional defaults', () => {
    const e = { ...env, '?': '1' };
    expect(argv('echo $HOME/x ${HOME}x $HOMEx ${#HOME} $? $0 $1 $#', e)).toEqual([
      'echo',
      `${HOME}/x`,
      `${HOME}x`,
      '13',
      '1',
      'bash',
      '0',
    ]);
  });

  it('leaves a $ that starts no expansion alone', () => {
    expect(argv('echo $ a$ "$" $/ 5$')).toEqual(['echo', '$', 'a$', '$', '$/', '5$']);
  });

  it('decodes $\'...\' and treats $"..." as a double-quoted string', () => {
    expect(argv(`echo $'a\\tb\\n' $'\\x41\\101\\'' $"x $HOME"`)).toEqual([
      'echo',
      'a\tb\n',
      "AA'",
      `x ${HOME}`,
    ]);
  });

  it('expands ~ at the start of a word and after an assignment-like =', () => {
    expect(argv('ls ~ ~/my-app a~ "~" x=~/y ~other')).toEqual([
      'ls',
      HOME,
      `${HOME}/my-app`,
      'a~',
      '~',
      `x=${HOME}/y`,
      '~other',
    ]);
  });

  it('joins lines ended by a backslash, inside and between words', () => {
    expect(argv('echo ab\\\ncd \\\n  ef "g\\\nh"')).toEqual(['echo', 'abcd', 'ef', 'gh']);
    expect(argv("echo 'a\\\nb'")).toEqual(['echo', 'a\\\nb']);
    expect(argv('echo $HO\\\nME ${HO\\\nME} "$\\\nHOME" $\\\n{HOME}')).toEqual([
      'echo',
      HOME,
      HOME,
      HOME,
      HOME,
    ]);
  });

  it('round-trips any text quoted with single or double quotes', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const single = `'${a.replaceAll("'", `'\\''`)}'`;
        const double = `"${b.replace(/[$`"\\]/g, '\\$&')}"`;
        expect(argv(`echo ${single} ${double}`, {})).toEqual(['echo', a, b]);
      }),
    );
  });
});

describe('the opening story', () => {
  it('reads the expose command written over four lines', () => {
    const text = [
      'kubectl expose deployment my-app \\',
      '    --type=LoadBalancer \\',
      '    --port=80 \\',
      '    --target-port=8080   # the port nginx does not listen on',
    ].join('\n');
    expect(argv(text)).toEqual([
      'kubectl',
      'expose',
      'deployment',
      'my-app',
      '--type=LoadBalancer',
      '--port=80',
      '--target-port=8080',
    ]);
  });

  it('ignores a trailing comment', () => {
    expect(argv('kubectl set image deployment/my-app nginx=nginx:2.27.0     # a typo')).toEqual([
      'kubectl',
      'set',
      'image',
      'deployment/my-app',
      'nginx=nginx:2.27.0',
    ]);
  });
});

describe('lists and pipelines', () => {
  it('reads |, &&, || and ; with the connector after each pipeline', () => {
    const items = list('a | b x && c || d; e').items;
    expect(items.map((i) => [i.pipeline.commands.map((c) => c.argv), i.next])).toEqual([
      [[['a'], ['b', 'x']], '&&'],
      [[['c']], '||'],
      [[['d']], ';'],
      [[['e']], null],
    ]);
  });

  it('needs no blanks around operators', () => {
    const items = list('a|b&&c||d;e').items;
    expect(items.map((i) => i.pipeline.commands.map((c) => c.argv[0]))).toEqual([
      ['a', 'b'],
      ['c'],
      ['d'],
      ['e'],
    ]);
  });

  it('treats a newline as ; and allows newlines after | && ||', () => {
    const items = list('a &&\n\n b |\n c\nd;').items;
    expect(items.map((i) => [i.pipeline.commands.map((c) => c.argv[0]), i.next])).toEqual([
      [['a'], '&&'],
      [['b', 'c'], ';'],
      [['d'], null],
    ]);
  });

  it('gives an empty list for blank or comment-only input', () => {
    expect(parseCommand('')).toEqual({ ok: true, list: { items: [] } });
    expect(parseCommand('   # just a note')).toEqual({ ok: true, list: { items: [] } });
    expect(parseCommand('\n\n')).toEqual({ ok: true, list: { items: [] } });
  });

  it('negates a pipeline with !, which alone is a command', () => {
    const [a, b] = list('! a | b; ! ! c').items;
    expect(a?.pipeline.negated).toBe(true);
    expect(a?.pipeline.commands).toHaveLength(2);
    expect(b?.pipeline.negated).toBe(false);
    expect(list('!').items[0]?.pipeline).toEqual({
      commands: [{ argv: [], assignments: [], redirects: [] }],
      negated: true,
    });
    expect(argv('echo ! !x')).toEqual(['echo', '!', '!x']);
  });

  it('sends stderr down the pipe too with |&', () => {
    const cmds = list('a |& b').items[0]?.pipeline.commands;
    expect(cmds?.[0]?.redirects).toEqual([{ op: '2>&1', target: '1' }]);
  });
});

describe('assignments', () => {
  it('takes NAME=value words before the command name only', () => {
    expect(only('A=1 B="x y" C= kubectl get D=2')).toEqual({
      argv: ['kubectl', 'get', 'D=2'],
      assignments: [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x y' },
        { name: 'C', value: '' },
      ],
      redirects: [],
    });
  });

  it('expands the value without splitting it, and appends with +=', () => {
    expect(only('V=$X W+=$HOME').assignments).toEqual([
      { name: 'V', value: 'a  b' },
      { name: 'W', value: HOME },
    ]);
    expect(only('W+=/x', { W: '/a' }).assignments).toEqual([{ name: 'W', value: '/a/x' }]);
  });

  it('does not take a quoted name or a bad name as an assignment', () => {
    expect(argv('"A"=1')).toEqual(['A=1']);
    expect(argv('1A=1')).toEqual(['1A=1']);
  });
});

describe('redirections', () => {
  it('reads each supported operator', () => {
    expect(only('cmd >o >>a <i 2>e 2>>ea 2>&1 &>both >|o2 1>o3 0<i2').redirects).toEqual([
      { op: '>', target: 'o' },
      { op: '>>', target: 'a' },
      { op: '<', target: 'i' },
      { op: '2>', target: 'e' },
      { op: '2>>', target: 'ea' },
      { op: '2>&1', target: '1' },
      { op: '&>', target: 'both' },
      { op: '>', target: 'o2' },
      { op: '>', target: 'o3' },
      { op: '<', target: 'i2' },
    ]);
  });

  it('reads >&file as &>file', () => {
    expect(only('cmd >& out.log').redirects).toEqual([{ op: '&>', target: 'out.log' }]);
  });

  it('takes digits as a file descriptor only when they are the whole word', () => {
    expect(only('echo a2>f').argv).toEqual(['echo', 'a2']);
    expect(only('echo 2 >f').argv).toEqual(['echo', '2']);
    expect(only('echo "2">f').argv).toEqual(['echo', '2']);
  });

  it('may come anywhere in the command, and alone', () => {
    expect(only('>out echo a 2>/dev/null b')).toEqual({
      argv: ['echo', 'a', 'b'],
      assignments: [],
      redirects: [
        { op: '>', target: 'out' },
        { op: '2>', target: '/dev/null' },
      ],
    });
    expect(only('> empty.txt').argv).toEqual([]);
  });

  it('expands the target and rejects one that is not exactly one word', () => {
    expect(only('echo > "$HOME/a b"').redirects).toEqual([{ op: '>', target: `${HOME}/a b` }]);
    expect(error('echo > $UNSET')).toEqual({
      ok: false,
      error: 'bash: $UNSET: ambiguous redirect',
    });
    expect(error('echo > $X')).toEqual({ ok: false, error: 'bash: $X: ambiguous redirect' });
  });

  it('refuses the redirections it does not model', () => {
    for (const r of ['>&2', '1>&2', '3>f', '2>&-', '<&0', '<>f', '&>>f']) {
      const res = error(`echo a ${r}`);
      expect(res.ok).toBe(false);
      expect(!res.ok && 'error' in res && res.error).toContain(`bash: ${r}: not supported`);
    }
  });
});

describe('here-documents', () => {
  it('reads cat <<EOF > f.yaml with its body, expanding parameters', () => {
    const text = 'cat <<EOF > f.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: $NS\nEOF';
    expect(only(text, { NS: 'my-app' })).toEqual({
      argv: ['cat'],
      assignments: [],
      redirects: [{ op: '>', target: 'f.yaml' }],
      heredoc: {
        delimiter: 'EOF',
        body: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: my-app\n',
        expand: true,
        stripTabs: false,
      },
    });
  });

  it('feeds kubectl apply -f - and leaves the next line to the next command', () => {
    const text = 'kubectl apply -f - <<EOF\nkind: Pod\nEOF\necho done';
    const items = list(text).items;
    expect(items.map((i) => i.pipeline.commands[0]?.argv)).toEqual([
      ['kubectl', 'apply', '-f', '-'],
      ['echo', 'done'],
    ]);
    expect(items[0]?.pipeline.commands[0]?.heredoc?.body).toBe('kind: Pod\n');
  });

  it('does not expand when any part of the delimiter is quoted', () => {
    for (const d of ["'EOF'", '"EOF"', '\\EOF', 'E"O"F']) {
      const h = only(`cat <<${d}\n$HOME \\$x\nEOF`).heredoc;
      expect(h).toEqual({
        delimiter: 'EOF',
        body: '$HOME \\$x\n',
        expand: false,
        stripTabs: false,
      });
    }
  });

  it('handles \\ in an expanded body as bash does', () => {
    const h = only('cat <<EOF\n\\$X \\\\ \\" "$X" \'$X\'\nline \\\ncont\nEOF').heredoc;
    expect(h?.body).toBe('$X \\ \\" "a  b" \'a  b\'\nline cont\n');
  });

  it('strips leading tabs from the body and the delimiter with <<-', () => {
    const h = only('cat <<-EOF\n\t\ta\n\tb\t\n\tEOF').heredoc;
    expect(h).toEqual({ delimiter: 'EOF', body: 'a\nb\t\n', expand: true, stripTabs: true });
  });

  it('reads bodies in order after the line, even after a trailing |', () => {
    const items = list('cat <<A | cat <<B\na\nA\nb\nB').items;
    expect(items[0]?.pipeline.commands.map((c) => c.heredoc?.body)).toEqual(['a\n', 'b\n']);
    const piped = list('cat <<EOF |\nx\nEOF\ngrep x').items[0]?.pipeline.commands;
    expect(piped?.map((c) => c.argv)).toEqual([['cat'], ['grep', 'x']]);
    expect(piped?.[0]?.heredoc?.body).toBe('x\n');
  });

  it('starts the body after the newline that ends the command, not one inside quotes', () => {
    const items = list('cat <<E ; echo "a\nE\nb"\nbody\nE').items;
    expect(items[1]?.pipeline.commands[0]?.argv).toEqual(['echo', 'a\nE\nb']);
    expect(items[0]?.pipeline.commands[0]?.heredoc?.body).toBe('body\n');
  });

  it('gives an empty body when the delimiter follows at once', () => {
    expect(only('cat <<EOF\nEOF').heredoc?.body).toBe('');
  });

  it('is incomplete until the delimiter line comes', () => {
    expect(parseCommand('cat <<EOF')).toEqual(INCOMPLETE);
    expect(parseCommand('cat <<EOF\nkind: Pod\nEOFX\n EOF')).toEqual(INCOMPLETE);
  });
});

describe('syntax errors, as interactive bash prints them', () => {
  it.each([
    [';', ';'],
    ['|', '|'],
    ['&&', '&&'],
    ['||', '||'],
    ['; a', ';'],
    ['a ;;', ';;'],
    ['a;;b', ';;'],
    ['a ;& b', ';&'],
    ['a | | b', '|'],
    ['a ||| b', '|'],
    ['a && ; b', ';'],
    ['a && || b', '||'],
    ['a; ;', ';'],
    ['a\n;', ';'],
    ['a & & b', '&'],
    ['a &;', ';'],
    ['echo >', 'newline'],
    ['echo 2>', 'newline'],
    ['echo &>', 'newline'],
    ['echo <', 'newline'],
    ['echo >>', 'newline'],
    ['cat <<', 'newline'],
    ['echo > ;', ';'],
    ['echo > |', '|'],
    ['echo >> &&', '&&'],
    ['a >> > b', '>'],
    ['echo > 2>f', '2'],
    ['cat << ;', ';'],
    ['! | a', '|'],
    ['! && a', '&&'],
    ['! &', '&'],
    ['a | ! b', '!'],
    [') a', ')'],
    ['a )', ')'],
    ['a (', 'newline'],
    ['a ( b', 'b'],
    ['echo a (b)', '('],
    ['fi', 'fi'],
    ['a; then', 'then'],
    ['done', 'done'],
    ['esac', 'esac'],
    ['}', '}'],
    ['in', 'in'],
  ])('%j: near %s', (text, token) => {
    expect(parseCommand(text)).toEqual(syntax(token));
  });

  it('reports the first error even when the line goes on to an open quote', () => {
    expect(parseCommand('echo a ;; "b')).toEqual(syntax(';;'));
  });

  it('treats reserved words as words outside command position', () => {
    expect(argv('echo fi then }')).toEqual(['echo', 'fi', 'then', '}']);
    expect(argv('X=1 fi')).toEqual(['fi']);
  });

  it('reads the here-document of a line with an error when bash would (after a whole command)', () => {
    expect(parseCommand('cat <<E ;;')).toEqual(INCOMPLETE);
    expect(parseCommand('cat <<E ;;\nb\nE')).toEqual(syntax(';;'));
    expect(parseCommand('cat <<E; a )')).toEqual(INCOMPLETE);
    // bash drops the here-document when the error comes inside a command or after | && ||.
    expect(parseCommand('cat <<E > ;')).toEqual(syntax(';'));
    expect(parseCommand('cat <<E && ;')).toEqual(syntax(';'));
    expect(parseCommand('cat <<E | fi')).toEqual(syntax('fi'));
  });

  it('reports a bad substitution', () => {
    expect(error('echo ${a b}')).toEqual({ ok: false, error: 'bash: ${a b}: bad substitution' });
    expect(error('echo "${}"')).toEqual({ ok: false, error: 'bash: ${}: bad substitution' });
  });
});

describe('incomplete input: bash would print the > prompt', () => {
  it.each([
    ["echo 'abc"],
    ['echo "abc'],
    ["echo $'abc"],
    ['echo "a\nb'],
    ['echo abc \\'],
    ['echo ${HOME'],
    ['a |'],
    ['a &&'],
    ['a ||'],
    ['a |\n'],
    ['a &&\n\n'],
    ['cat <<EOF\nbody'],
    ['cat <<EOF | kubectl apply -f -\nkind: Pod'],
  ])('%j', (text) => {
    expect(parseCommand(text)).toEqual(INCOMPLETE);
  });

  it('names the here-documents still awaited', () => {
    expect(parseSyntax('cat <<A <<-B\nx\nA')).toEqual({
      ok: false,
      incomplete: true,
      heredocs: [{ delimiter: 'B', stripTabs: true }],
    });
    expect(parseSyntax('echo "a')).toEqual({ ok: false, incomplete: true });
  });
});

describe('at the end of the input', () => {
  const atEnd = (text: string, firstLine?: number) =>
    parseCommand(text, env, { endOfInput: true, firstLine });

  it('reports an open quote or brace', () => {
    expect(atEnd('echo "abc')).toEqual({
      ok: false,
      error: 'bash: unexpected EOF while looking for matching `"\'',
    });
    expect(atEnd("echo 'abc")).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `''",
    });
    expect(atEnd('echo ${A')).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `}'",
    });
  });

  it('reports a trailing operator', () => {
    const eof = { ok: false, error: 'bash: syntax error: unexpected end of file' };
    expect(atEnd('a |')).toEqual(eof);
    expect(atEnd('a &&\n')).toEqual(eof);
  });

  it('drops a trailing backslash', () => {
    expect(atEnd('echo a \\').ok && atEnd('echo a \\')).toEqual({ ok: true, list: list('echo a') });
  });

  it('runs a here-document cut short, with bash warning', () => {
    const r = atEnd('cat <<EOF\nhello', 4);
    expect(r).toEqual({
      ok: true,
      list: { items: [{ pipeline: expect.anything(), next: null }] },
      warnings: ["bash: warning: here-document at line 4 delimited by end-of-file (wanted `EOF')"],
    });
    expect(r.ok && r.list.items[0]?.pipeline.commands[0]?.heredoc?.body).toBe('hello\n');
    expect(atEnd('echo a\n\ncat <<X').ok && atEnd('echo a\n\ncat <<X')).toMatchObject({
      warnings: ["bash: warning: here-document at line 3 delimited by end-of-file (wanted `X')"],
    });
  });
});

describe('what this shell refuses', () => {
  it.each([
    ['diff <(a) b', 'process substitution <(...)'],
    ['(cd x)', 'subshells ( ... )'],
    ['if true; then a; fi', 'if'],
    ['for i in a; do b; done', 'for'],
    ['while true; do a; done', 'while'],
    ['{ a; }', '{'],
    ['f() { a; }', 'function definitions'],
    ['arr=(a b)', 'arrays'],
    ['cat <<< hi', 'here-strings <<<'],
    ['sleep 5 &', 'background jobs &'],
    ['echo ${A:-x}', '${A:-x}'],
    // Inside substitutions too, even those bash parses only when they run.
    ['echo $(if a; then b; fi)', 'if'],
    ['echo "$(for i in a; do b; done)"', 'for'],
    ['echo `while a; do b; done`', 'while'],
    ['echo $( (a) )', 'subshells ( ... )'],
    ['echo $(sleep 5 &)', 'background jobs &'],
    ['cat <<EOF\n$(if a; then b; fi)\nEOF', 'if'],
  ])('%j', (text, what) => {
    const r = parseCommand(text, env);
    expect(r.ok).toBe(false);
    expect(!r.ok && 'error' in r && r.error).toMatch(
      new RegExp(
        `^bash: ${what.replace(/[$()[\]{}.*+?|^\\]/g, '\\$&')}: not supported in this terminal`,
      ),
    );
  });

  it('takes those characters literally inside single quotes', () => {
    expect(argv("echo '$(date)' '`x`' '(a)' 'a &'")).toEqual([
      'echo',
      '$(date)',
      '`x`',
      '(a)',
      'a &',
    ]);
  });
});

describe('command substitution', () => {
  function parsed(text: string) {
    const r = parseSyntax(text);
    if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${JSON.stringify(r)}`);
    return r.items;
  }
  /** Expands the first pipeline with what each of its substitutions printed. */
  function expanded(text: string, stdout: string[], e: Record<string, string> = env) {
    const item = parsed(text)[0];
    const outputs = stdout.map((out, i): SubstitutionOutput => ({ stdout: out, status: i + 1 }));
    const r = item?.expand(e, outputs);
    if (!r?.ok) throw new Error(`expected ${JSON.stringify(text)} to expand`);
    return r.pipeline.commands;
  }

  it('lists the substitutions in the order bash runs them: words, assignments, redirections, here-document', () => {
    const text = 'A=$(a) b $(c) "x$(d "e")" `f \\` \\$` >$(h) <<E | i `j`\n$(k)\nE';
    expect(parsed(text)[0]?.substitutions).toEqual([
      { text: 'c', command: 0, late: false },
      { text: 'd "e"', command: 0, late: false },
      { text: 'f ` $', command: 0, late: true },
      { text: 'a', command: 0, late: false },
      { text: 'h', command: 0, late: false },
      { text: 'k', command: 0, late: true },
      { text: 'j', command: 1, late: true },
    ]);
    expect(parsed('echo a; echo $(b)').map((i) => i.substitutions.length)).toEqual([0, 1]);
  });

  it('finds the closing parenthesis past quotes, escapes, comments, nesting and here-documents', () => {
    const inner = (text: string) => parsed(text)[0]?.substitutions.map((s) => s.text);
    expect(inner(`echo $(echo ")" ')' \\) $(echo "(")) x`)).toEqual([
      `echo ")" ')' \\) $(echo "(")`,
    ]);
    expect(inner('echo $(echo a # )\n)')).toEqual(['echo a # )\n']);
    expect(inner('echo "$(echo "a b")"')).toEqual(['echo "a b"']);
    expect(inner('echo $(grep x <<E\n)\nE\n)')).toEqual(['grep x <<E\n)\nE\n']);
    expect(inner("echo '$(a)' \\$\\(b\\) \"\\$(c)\" '`d`' \\`e\\`")).toEqual([]);
  });

  it('places the output, without its trailing newlines, split into fields only when unquoted', () => {
    expect(expanded('echo $(a) "$(b)" x$(c)y', ['one  two\n\n', ' three\n\n', '\n'])).toEqual([
      { argv: ['echo', 'one', 'two', ' three', 'xy'], assignments: [], redirects: [] },
    ]);
    expect(expanded('echo $(a) "$(b)"', ['\n\n', 'a\nb\n'])[0]?.argv).toEqual(['echo', 'a\nb']);
    expect(
      expanded('X=$(a) Y="$(b)" `c` <<E\n$(d) `e`\nE', ['', 'x  y\n', 'z\n', 'h\n', 'i']),
    ).toEqual([
      {
        argv: [],
        assignments: [
          { name: 'X', value: 'x  y' },
          { name: 'Y', value: 'z' },
        ],
        redirects: [],
        heredoc: { delimiter: 'E', body: 'h i\n', expand: true, stripTabs: false },
      },
    ]);
  });

  it('reports an ambiguous redirect when the output splits', () => {
    const item = parsed('echo > $(a)')[0];
    expect(item?.expand(env, [{ stdout: 'a b\n', status: 0 }])).toEqual({
      ok: false,
      error: 'bash: $(a): ambiguous redirect',
    });
  });

  it('gives $? the status of the latest substitution expanded before it', () => {
    // bash: `false; echo $? $(exit 3) $?` prints `1 3`.
    expect(expanded('echo $? $(a) $? "${#?}"', ['\n'], { '?': '12' })[0]?.argv).toEqual([
      'echo',
      '12',
      '1',
      '1',
    ]);
  });

  it('lets each assignment see the ones before it, and the redirections of a bare assignment too', () => {
    expect(only('A=1 B=$A C=x$B').assignments).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '1' },
      { name: 'C', value: 'x1' },
    ]);
    expect(only('A=/o >$A').redirects).toEqual([{ op: '>', target: '/o' }]);
    expect(parseCommand('A=/o cmd >$A', {})).toEqual({
      ok: false,
      error: 'bash: $A: ambiguous redirect',
    });
  });

  it('expands substitutions to nothing in parseCommand, which does not run them', () => {
    expect(argv('echo a $(b) "$(c)" d')).toEqual(['echo', 'a', '', 'd']);
  });

  it.each([
    ['echo $(;)', ';'],
    ['echo $(a;;)', ';;'],
    ['echo $(fi)', 'fi'],
    ['echo $(a |)', ')'],
    ['echo $(a &&\n)', ')'],
    ['echo $(a >)', ')'],
    ['echo $(a\n;;)', ';;'],
    ['echo "$(a | | b)"', '|'],
    ['echo $(echo $(;))', ';'],
    ['X=$(;) b', ';'],
    ['b >$(;)', ';'],
  ])('rejects the whole line for a syntax error in $(...), as bash: %j near %s', (text, token) => {
    expect(parseCommand(text)).toEqual(syntax(token));
  });

  it('accepts an empty substitution and a trailing ;', () => {
    expect(parsed('echo $() $( ) $(a;) $(\n)')[0]?.substitutions.map((s) => s.text)).toEqual([
      '',
      ' ',
      'a;',
      '\n',
    ]);
  });

  it.each([
    ['echo $('],
    ['echo $(echo a'],
    ['echo "$(echo "a'],
    ['echo `a'],
    ['echo $(echo a #)'],
    ['echo $(a |'],
  ])('waits for more input inside %j', (text) => {
    expect(parseCommand(text)).toEqual(INCOMPLETE);
  });

  it('reports an unclosed substitution at the end of the input', () => {
    const atEnd = (text: string) => parseCommand(text, env, { endOfInput: true });
    expect(atEnd('echo $(')).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `)'",
    });
    expect(atEnd('echo `a')).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching ``'",
    });
  });

  it('leaves the syntax of backquotes to when they run, with bash wording then', () => {
    expect(parseCommand('echo `;`').ok).toBe(true);
    const at = (line: number) => `bash: command substitution: line ${line}: `;
    expect(lateSubstitutionError(';')).toBe(
      `${at(1)}syntax error near unexpected token \`;'\n${at(1)}\`;'`,
    );
    expect(lateSubstitutionError('\necho a;;')).toBe(
      `${at(2)}syntax error near unexpected token \`;;'\n${at(2)}\`echo a;;'`,
    );
    expect(lateSubstitutionError('echo a |')).toBe(`${at(2)}syntax error: unexpected end of file`);
    expect(lateSubstitutionError('echo a &&')).toBe(`${at(2)}syntax error: unexpected end of file`);
    expect(lateSubstitutionError("echo 'a")).toBe(
      `${at(1)}unexpected EOF while looking for matching \`''`,
    );
    expect(lateSubstitutionError('echo a; b')).toBeNull();
    expect(lateSubstitutionError('if a; then b; fi')).toBeNull();
  });
});

describe('parseSyntax', () => {
  it('expands each pipeline when asked, so $? can follow the previous one', () => {
    const r = parseSyntax('false; echo $? "$HOME" && X=2 env');
    if (!r.ok) throw new Error('expected a parse');
    expect(r.items.map((i) => i.next)).toEqual([';', '&&', null]);
    const second = r.items[1]?.expand({ '?': '1', HOME: '/h' });
    expect(second).toEqual({
      ok: true,
      pipeline: {
        commands: [{ argv: ['echo', '1', '/h'], assignments: [], redirects: [] }],
        negated: false,
      },
    });
  });

  it('reports expansion errors per pipeline', () => {
    const r = parseSyntax('echo a; echo ${a b}');
    if (!r.ok) throw new Error('expected a parse');
    expect(r.items[0]?.expand().ok).toBe(true);
    expect(r.items[1]?.expand()).toEqual({ ok: false, error: 'bash: ${a b}: bad substitution' });
  });
});

describe('completionWords', () => {
  it('gives the words of the command being typed and the one at the cursor', () => {
    expect(completionWords('kubectl get po')).toEqual({
      words: [
        { text: 'kubectl', raw: 'kubectl', quoted: false },
        { text: 'get', raw: 'get', quoted: false },
      ],
      current: { text: 'po', raw: 'po', quoted: false },
      afterRedirect: false,
    });
  });

  it('starts after the last operator and accepts an open quote', () => {
    const r = completionWords('echo x | kubectl describe "deploy');
    expect(r.words.map((w) => w.text)).toEqual(['kubectl', 'describe']);
    expect(r.current).toEqual({ text: 'deploy', raw: '"deploy', quoted: true });
  });

  it('gives an empty current word after a blank, and says when it is a redirection target', () => {
    expect(completionWords('kubectl get ').current).toEqual({ text: '', raw: '', quoted: false });
    const r = completionWords('cat > out.y');
    expect(r.words.map((w) => w.text)).toEqual(['cat']);
    expect(r).toMatchObject({ current: { text: 'out.y' }, afterRedirect: true });
    expect(completionWords('cat < ').afterRedirect).toBe(true);
  });

  it('expands what it can', () => {
    expect(completionWords('ls ~/my', { HOME: '/h' }).current.text).toBe('/h/my');
  });

  it('completes the command inside an unclosed $( or backquote, and keeps closed ones as typed', () => {
    const inner = completionWords('curl http://$(kubectl get s');
    expect(inner.words.map((w) => w.text)).toEqual(['kubectl', 'get']);
    expect(inner.current.text).toBe('s');
    expect(completionWords('echo "$(kubectl describe "deploy').current).toEqual({
      text: 'deploy',
      raw: '"deploy',
      quoted: true,
    });
    expect(completionWords('x `kubectl ').words.map((w) => w.text)).toEqual(['kubectl']);
    expect(completionWords('echo $(a | b ').words.map((w) => w.text)).toEqual(['b']);
    const closed = completionWords('echo $(date) `x` ');
    expect(closed.words.map((w) => w.text)).toEqual(['echo', '$(date)', '`x`']);
  });
});
