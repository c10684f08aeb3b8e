// Layout of staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go settings (minwidth 6,
// tabwidth 4, padding 3, ' ', RememberWidths) over github.com/liggitt/tabwriter, and the cell
// handling of tableprinter.go (printTable) and terminal.go (WriteEscaped). The expected strings
// were checked against kubectl v1.32 printing the same cells from a stub API server.
import { describe, expect, it } from 'vitest';
import { printableCell, printRows, renderTable, tabwrite } from './table';

const lines = (...ls: string[]): string => ls.map((l) => l + '\n').join('');

describe('renderTable', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    expect(
      renderTable(
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        [['nginx-deployment', '0/3', '0', '0', '1s']],
      ),
    ).toBe(
      lines(
        'NAME               READY   UP-TO-DATE   AVAILABLE   AGE',
        'nginx-deployment   0/3     0            0           1s',
      ),
    );
  });

  it('makes a column at least six wide, as --no-headers shows', () => {
    expect(
      renderTable(null, [
        ['x', '1/1', 'Running', '0', '18s'],
        ['longer-name', '0/1', 'Pending', '0', '2d3h'],
      ]),
    ).toBe(
      lines('x             1/1   Running   0     18s', 'longer-name   0/1   Pending   0     2d3h'),
    );
  });

  it('leaves the last column unpadded even when it is empty', () => {
    expect(renderTable(['A', 'B'], [['a', '']])).toBe(lines('A     B', 'a     '));
  });

  it('prints nothing for nothing', () => {
    expect(renderTable(null, [])).toBe('');
  });

  it('counts width in code points', () => {
    expect(renderTable(['NAME', 'A'], [['p4éé世', 'ab']])).toBe(lines('NAME    A', 'p4éé世   ab'));
  });

  it('lays out a cell with a tab in it as two cells, each column block on its own', () => {
    // A tab inside a cell is not escaped by kubectl: the row gets an extra column, whose width
    // only that row decides.
    expect(
      renderTable(
        ['NAME', 'A', 'B'],
        [
          ['p1', 'x', 'last'],
          ['p2', 'y\tlonger-cell-here\tz', 'last2'],
          ['p3', 'wwwwwwwwwwwwww', 'q'],
        ],
      ),
    ).toBe(
      lines(
        'NAME   A                B',
        'p1     x                last',
        'p2     y                longer-cell-here   z     last2',
        'p3     wwwwwwwwwwwwww   q',
      ),
    );
  });

  it('remembers widths between column blocks and between calls', () => {
    // Without RememberWidths, r3's `d` would be padded to its own width only.
    expect(
      renderTable(
        ['NAME', 'A', 'B'],
        [
          ['r1', 'a\tbbbbbbbbbbbbbbbbbb', 'end'],
          ['r2', 'plain', 'end'],
          ['r3', 'c\td', 'end'],
        ],
      ),
    ).toBe(
      lines(
        'NAME   A       B',
        'r1     a       bbbbbbbbbbbbbbbbbb   end',
        'r2     plain   end',
        'r3     c       d                    end',
      ),
    );

    // What `kubectl get -w` relies on: later rows never shrink a column.
    const memory = { widths: [] };
    expect(
      renderTable(['NAME', 'STATUS', 'AGE'], [['my-app-abcde', 'ContainerCreating', '1s']], memory),
    ).toBe(
      lines('NAME           STATUS              AGE', 'my-app-abcde   ContainerCreating   1s'),
    );
    expect(renderTable(null, [['my-app-abcde', 'Running', '5s']], memory)).toBe(
      lines('my-app-abcde   Running             5s'),
    );
  });
});

describe('tabwrite', () => {
  it('pads with tabs to multiples of the tab width when asked to', () => {
    const opts = {
      minWidth: 0,
      tabWidth: 8,
      padding: 1,
      padChar: '\t' as const,
      rememberWidths: false,
    };
    expect(tabwrite('a\tb\nlonger-than-8\tc\n', opts)).toBe('a\t\tb\nlonger-than-8\tc\n');
  });

  it('keeps text after the last newline as a final unterminated line', () => {
    expect(tabwrite('ab\tc\nd\te')).toBe('ab    c\nd     e');
  });

  // What go/src/text/tabwriter/tabwriter.go (Write) makes of these with describe's settings,
  // recorded from Go: a vertical tab ends a cell, a formfeed ends a line and flushes.
  const describeSettings = {
    minWidth: 0,
    tabWidth: 8,
    padding: 2,
    padChar: ' ' as const,
    rememberWidths: false,
  };

  it('ends a cell at a vertical tab', () => {
    expect(tabwrite('a\vbb\tc\nlonger\td\te\n', describeSettings)).toBe(
      'a       bb  c\nlonger  d   e\n',
    );
  });

  it('lays out the lines before a formfeed on their own, and writes it as a newline', () => {
    expect(tabwrite('Name:\tx\fEvents:\tnone\nType\tReason\n', describeSettings)).toBe(
      'Name:  x\nEvents:  none\nType     Reason\n',
    );
    expect(tabwrite('aaaaaaaa\tb\nc\td\fe\tf\n', describeSettings)).toBe(
      'aaaaaaaa  b\nc         d\ne  f\n',
    );
    expect(tabwrite('a\tb\f', describeSettings)).toBe('a  b\n');
  });
});

describe('printRows', () => {
  it('prints rows given cell after cell as renderTable prints them, each cell made printable', () => {
    const rows = [
      ['web-1', 'Running', 'first line\nsecond'],
      ['db-0', '\x1b[31mred', 'x\ry'],
    ];
    expect(printRows(['NAME', 'STATUS', 'MESSAGE'], 3, rows.flat())).toBe(
      renderTable(
        ['NAME', 'STATUS', 'MESSAGE'],
        rows.map((r) => r.map(printableCell)),
      ),
    );
    expect(printRows(null, 3, rows.flat())).toBe(
      lines('web-1   Running     first line...', 'db-0    ^[[31mred   x...'),
    );
  });

  it('leaves the header as it is, and prints nothing for nothing', () => {
    expect(printRows(['A\x1b', 'B'], 2, [])).toBe(lines('A\x1b    B'));
    expect(printRows(null, 2, [])).toBe('');
  });

  it('lets a tab in a cell reshape the table, and remembers widths between calls', () => {
    const memory = { widths: [] };
    expect(printRows(['NAME', 'A', 'B'], 3, ['p1', 'x\ty', 'z'], memory)).toBe(
      lines('NAME   A     B', 'p1     x     y     z'),
    );
    expect(printRows(null, 3, ['p2', 'w', 'v'], memory)).toBe(lines('p2     w     v'));
  });
});

describe('printableCell', () => {
  it('cuts a cell at its first line break and marks the cut', () => {
    expect(printableCell('Pulling image "nginx"\nsecond line')).toBe('Pulling image "nginx"...');
    expect(printableCell('a\r\nb')).toBe('a...');
    expect(printableCell('a\fb')).toBe('a...');
  });

  it('makes the escape character visible', () => {
    expect(printableCell('\x1b[31mred')).toBe('^[[31mred');
    expect(printableCell('\x1bred\rx')).toBe('^[red...');
  });

  it('leaves ordinary text alone', () => {
    expect(printableCell('Running')).toBe('Running');
  });
});
