// Geometry as a terminal wraps at its margin (bash 5.2's lib/readline/display.c), and the
// completion columns of lib/readline/complete.c's rl_display_match_list.
import { describe, expect, it } from 'vitest';
import { advanceColumn, formatColumns, locate } from './screen';

describe('formatColumns', () => {
  it('lays candidates out in columns, top to bottom, as readline does', () => {
    // Columns 4 wide (the longest and two spaces): two fit in 10, so three rows; a row of
    // exactly the width (3 × 4 in 12) loses a column, as in readline.
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 10)).toEqual(['a   d', 'bb  e', 'c   ']);
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 12)).toHaveLength(3);
    expect(formatColumns(['a', 'bb', 'c', 'd', 'e'], 13)).toEqual(['a   c   e', 'bb  d   ']);
    expect(formatColumns(['alpha', 'beta'], 7)).toEqual(['alpha', 'beta']);
  });
});

describe('locate and advanceColumn', () => {
  it('computes rows and columns as the terminal wraps', () => {
    expect(locate('$ abc', 5, 0, 5)).toEqual({ row: 1, col: 0 });
    expect(locate('$ abcd', 6, 0, 5)).toEqual({ row: 1, col: 1 });
    expect(locate('$ a\nbc', 6, 0, 5)).toEqual({ row: 1, col: 2 });
    expect(advanceColumn(0, 'ab\x1b[1mcd\x1b[0m', 80)).toBe(4);
    expect(advanceColumn(3, 'x\ry', 80)).toBe(1);
    expect(advanceColumn(0, '\x1b[H\x1b[2Jab', 80)).toBe(2);
  });
});
