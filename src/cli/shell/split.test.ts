// What counts as one command is what interactive GNU bash 5.2 reads before it runs something
// (checked by feeding the same scripts to `bash --norc -i`); see DESIGN.md §4.1.
import { describe, it, expect } from 'vitest';
import { isComplete, splitCommands } from './split';

const texts = (input: string): string[] => splitCommands(input).map((c) => c.text);

describe('splitCommands', () => {
  it('splits the opening story into its five commands', () => {
    const script = [
      '# The imperative way',
      'kubectl create deployment my-app --image=nginx:latest',
      '',
      'kubectl expose deployment my-app \\',
      '    --type=LoadBalancer \\',
      '    --port=80 \\',
      '    --target-port=8080',
      'kubectl scale deployment my-app --replicas=3',
      'kubectl set image deployment/my-app nginx=nginx:2.27.0     # a typo',
      '   # roll it back',
      'kubectl rollout undo deployment/my-app',
      '',
    ].join('\n');
    expect(splitCommands(script)).toEqual([
      { text: 'kubectl create deployment my-app --image=nginx:latest', line: 2 },
      {
        text: 'kubectl expose deployment my-app \\\n    --type=LoadBalancer \\\n    --port=80 \\\n    --target-port=8080',
        line: 4,
      },
      { text: 'kubectl scale deployment my-app --replicas=3', line: 8 },
      { text: 'kubectl set image deployment/my-app nginx=nginx:2.27.0     # a typo', line: 9 },
      { text: 'kubectl rollout undo deployment/my-app', line: 11 },
    ]);
  });

  it('keeps a line with several commands as one command', () => {
    expect(texts('a && b\na; b\na | b\na || b; c\n')).toEqual([
      'a && b',
      'a; b',
      'a | b',
      'a || b; c',
    ]);
  });

  it('takes a here-document with its body up to the delimiter', () => {
    const script = [
      'cat <<EOF > my-app/namespace.yaml',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: my-app',
      'EOF',
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      '',
      '# not a comment here',
      'EOF',
      'echo done',
    ].join('\n');
    expect(splitCommands(script)).toEqual([
      {
        text: 'cat <<EOF > my-app/namespace.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: my-app\nEOF',
        line: 1,
      },
      { text: 'kubectl apply -f - <<EOF\napiVersion: v1\n\n# not a comment here\nEOF', line: 7 },
      { text: 'echo done', line: 12 },
    ]);
  });

  it('matches <<- delimiters after leading tabs, and only whole lines', () => {
    expect(texts('cat <<-END\n\tx\n END\n\tEND\nnext')).toEqual([
      'cat <<-END\n\tx\n END\n\tEND',
      'next',
    ]);
  });

  it('reads several here-documents of one line in order', () => {
    expect(texts('cat <<A; cat <<B\na\nA\nb\nB\nnext')).toEqual([
      'cat <<A; cat <<B\na\nA\nb\nB',
      'next',
    ]);
  });

  it('joins lines after a trailing |, && or ||, across blank lines', () => {
    expect(texts('kubectl get pods |\n  grep my-app\na &&\n\n b\nc ||\n# why\nd')).toEqual([
      'kubectl get pods |\n  grep my-app',
      'a &&\n\n b',
      'c ||\n# why\nd',
    ]);
  });

  it('joins lines inside an open quote', () => {
    expect(splitCommands('echo "one\ntwo" three\necho \'a\n\nb\'\nx')).toEqual([
      { text: 'echo "one\ntwo" three', line: 1 },
      { text: "echo 'a\n\nb'", line: 3 },
      { text: 'x', line: 6 },
    ]);
  });

  it('joins the lines of an open command substitution', () => {
    expect(texts('echo $(echo a\necho b)\nX=`\ndate`\nnext')).toEqual([
      'echo $(echo a\necho b)',
      'X=`\ndate`',
      'next',
    ]);
  });

  it('ignores blank and comment-only lines, and a comment does not continue', () => {
    expect(splitCommands('\n   \n# one \\\n\t# two\necho "a # b"\n')).toEqual([
      { text: 'echo "a # b"', line: 5 },
    ]);
    expect(splitCommands('')).toEqual([]);
    expect(splitCommands('\n\n')).toEqual([]);
  });

  it('drops only one final newline, keeping the text as typed', () => {
    expect(texts('echo a   ')).toEqual(['echo a   ']);
    expect(texts('echo a\n')).toEqual(['echo a']);
  });

  it('makes a line with a syntax error a command of its own', () => {
    expect(splitCommands('echo a ;;\necho b\n')).toEqual([
      { text: 'echo a ;;', line: 1 },
      { text: 'echo b', line: 2 },
    ]);
  });

  it('reads the here-document of a failing line when bash does', () => {
    // After a whole command bash still reads the body; inside a redirection it does not.
    expect(texts('cat <<E ;;\nb\nE\nnext')).toEqual(['cat <<E ;;\nb\nE', 'next']);
    expect(texts('cat <<E > ;\nb\nE')).toEqual(['cat <<E > ;', 'b', 'E']);
  });

  it('gives input that ends inside a command as a last command', () => {
    expect(splitCommands('echo a\necho "b\nc')).toEqual([
      { text: 'echo a', line: 1 },
      { text: 'echo "b\nc', line: 2 },
    ]);
    expect(texts('cat <<EOF\nkind: Pod\n')).toEqual(['cat <<EOF\nkind: Pod']);
    expect(texts('a |')).toEqual(['a |']);
    expect(texts('echo a \\')).toEqual(['echo a \\']);
  });

  it('handles a long here-document in one pass', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const cmds = splitCommands(`cat <<EOF\n${body}\nEOF\necho after`);
    expect(cmds.map((c) => c.line)).toEqual([1, 5003]);
    expect(cmds[0]?.text.split('\n')).toHaveLength(5002);
  });
});

describe('isComplete', () => {
  it.each([
    ['kubectl get pods', true],
    ['', true],
    ['# note \\', true],
    ['echo ;;', true],
    ['echo "a # b"', true],
    ['kubectl expose deployment my-app \\', false],
    ['kubectl expose deployment my-app \\\n    --port=80', true],
    ['echo "abc', false],
    ["echo 'abc", false],
    ['echo "a\nb"', true],
    ['kubectl get pods |', false],
    ['a &&', false],
    ['a ||', false],
    ['a && \\\n', false],
    ['cat <<EOF', false],
    ['cat <<EOF\nkind: Pod', false],
    ['cat <<EOF\nkind: Pod\nEOF', true],
    ['cat <<-EOF\n\tEOF', true],
    ['echo $(', false],
    ["curl http://$(kubectl get svc my-app -o jsonpath='{.spec.clusterIP}'", false],
    ['echo "$(echo ")")"', true],
    ['echo $(echo a #)', false],
    ['echo $(echo a\necho b)', true],
    ['echo `date', false],
    ['echo `date`', true],
    ['echo $(;)', true],
  ])('%j → %s', (text, complete) => {
    expect(isComplete(text)).toBe(complete);
  });
});
