// Pinned against `git merge-file -p -L HEAD -L base -L feat` (git 2.39.5, xdiff/xmerge.c at its
// default "zealous alnum" level).
import { describe, expect, it } from 'vitest';
import { merge3 } from './merge3';

const m = (base: string, ours: string, theirs: string) =>
  merge3(base, ours, theirs, 'HEAD', 'feat');

describe('merge3', () => {
  it('takes changes to separate regions from both sides', () => {
    expect(m('1\n2\n3\n4\n5\n6\n', '1\nA\n3\n4\n5\n6\n', '1\n2\n3\n4\nB\n6\n')).toEqual({
      text: '1\nA\n3\n4\nB\n6\n',
      conflicts: 0,
    });
  });

  it('keeps shared lines out of a conflict and joins conflicts a few lines apart', () => {
    expect(m('a\nb\nc\nd\ne\n', 'a\nX\nY\nd\ne\nf\n', 'a\nX\nZ\nd\nE\n')).toEqual({
      text: 'a\nX\n<<<<<<< HEAD\nY\nd\ne\nf\n=======\nZ\nd\nE\n>>>>>>> feat\n',
      conflicts: 1,
    });
  });

  it('ends a side without a final newline before the marker', () => {
    expect(m('a\nb\nc\n', 'a\nb\nc\nours\n', 'a\nb\nc\ntheirs')).toEqual({
      text: 'a\nb\nc\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> feat\n',
      conflicts: 1,
    });
  });

  it('treats changes to adjacent lines as a conflict', () => {
    expect(m('1\n2\n3\n', '1\ntwo\n3\n', '1\n2\nthree\n')).toEqual({
      text: '1\n<<<<<<< HEAD\ntwo\n3\n=======\n2\nthree\n>>>>>>> feat\n',
      conflicts: 1,
    });
  });
});
