import { describe, expect, it } from 'vitest';
import {
  codeKind,
  decodeEntities,
  headingLevel,
  lex,
  pasteText,
  safeHref,
  shortCommand,
  transcript,
} from './markdown';

describe('codeKind', () => {
  it('pastes shell blocks, reads console blocks as transcripts, only copies the rest', () => {
    expect(codeKind(undefined)).toBe('shell');
    expect(codeKind('')).toBe('shell');
    expect(codeKind('bash')).toBe('shell');
    expect(codeKind('sh')).toBe('shell');
    expect(codeKind('Shell')).toBe('shell');
    expect(codeKind('console')).toBe('console');
    expect(codeKind('console after')).toBe('console');
    expect(codeKind('yaml')).toBe('copy');
    expect(codeKind('json')).toBe('copy');
  });
});

describe('transcript', () => {
  it('splits commands from their output', () => {
    expect(
      transcript('$ kubectl get pods\nNAME   READY\nweb    1/1\n$ kubectl get svc\nNAME\n'),
    ).toEqual([
      { kind: 'command', command: 'kubectl get pods', shown: '$ kubectl get pods' },
      { kind: 'output', text: 'NAME   READY\nweb    1/1' },
      { kind: 'command', command: 'kubectl get svc', shown: '$ kubectl get svc' },
      { kind: 'output', text: 'NAME' },
    ]);
  });

  it('keeps a continued command in one piece', () => {
    const [first] = transcript(
      '$ kubectl expose deployment my-app \\\n>   --type=LoadBalancer --port=80\nservice/my-app exposed',
    );
    expect(first).toEqual({
      kind: 'command',
      command: 'kubectl expose deployment my-app \\\n  --type=LoadBalancer --port=80',
      shown: '$ kubectl expose deployment my-app \\\n>   --type=LoadBalancer --port=80',
    });
  });
});

describe('safeHref', () => {
  it('follows web and mail links, not scripts', () => {
    expect(safeHref('https://opengitops.dev/')).toBe('https://opengitops.dev/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('#step-2')).toBe('#step-2');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,hi')).toBeUndefined();
    expect(safeHref('relative/path')).toBeUndefined();
  });
});

describe('decodeEntities', () => {
  it('resolves character references and leaves the rest', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#39;d&#x27; &nbsp;')).toBe("a & b <c> 'd' \u00a0");
    expect(decodeEntities('a & b &unknown; &#0;')).toBe('a & b &unknown; &#0;');
  });
});

describe('shortCommand', () => {
  it('puts a command on one line and cuts it', () => {
    expect(shortCommand('kubectl get deployment my-app')).toBe('kubectl get deployment my-app');
    expect(shortCommand('kubectl expose deployment my-app \\\n  --port=80')).toBe(
      'kubectl expose deployment my-app --port=80',
    );
    const long = shortCommand(
      `kubectl get deployment my-app -o jsonpath='{.status}' ${'x'.repeat(80)}`,
    );
    expect(long.length).toBe(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('pasteText', () => {
  it('drops the blank lines around a block', () => {
    expect(pasteText('\nkubectl get pods\n\n')).toBe('kubectl get pods');
  });
});

describe('lex', () => {
  it('keeps a fenced block’s info string and text', () => {
    const tokens = lex('Run:\n\n```console after\n$ kubectl get pods\nNo resources found\n```\n');
    const code = tokens.find((t) => t.type === 'code');
    expect(code).toMatchObject({
      lang: 'console after',
      text: '$ kubectl get pods\nNo resources found',
    });
  });

  it('leaves HTML as tokens to be shown as text, never markup', () => {
    const tokens = lex('Hello <b>you</b>');
    const para = tokens[0] as { tokens: { type: string }[] };
    expect(para.tokens.map((t) => t.type)).toContain('html');
  });
});

describe('headingLevel', () => {
  it('puts the text’s headings below the panel’s', () => {
    expect(headingLevel(1)).toBe(4);
    expect(headingLevel(2)).toBe(5);
    expect(headingLevel(6)).toBe(6);
  });
});
