// The dense combined diff (`diff --cc`) `git diff` prints for a path with a merge conflict: the
// work tree file against "ours" and "theirs" at once, one column of +/- per side, showing only
// the changes that differ from both sides. Format: git 2.39 combine-diff.c.
import { diffArrays } from 'diff';

const split = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

interface Side {
  /** Whether each result line is absent from this side. */
  added: boolean[];
  /** Lines of this side deleted just before each result position (0..n). */
  lost: string[][];
  /** 1-based line of this side at each result position (0..n). */
  lno: number[];
}

function align(parent: string[], result: string[]): Side {
  const n = result.length;
  const side: Side = {
    added: new Array<boolean>(n).fill(false),
    lost: Array.from({ length: n + 1 }, () => []),
    lno: new Array<number>(n + 1).fill(0),
  };
  let r = 0;
  let p = 0;
  const before: number[] = new Array<number>(n + 1).fill(0);
  for (const part of diffArrays(parent, result)) {
    if (part.removed) {
      side.lost[r]!.push(...part.value);
      p += part.value.length;
    } else {
      for (let i = 0; i < part.value.length; i++) {
        before[r] = p - side.lost[r]!.length;
        if (part.added) side.added[r] = true;
        else p++;
        r++;
      }
    }
  }
  before[n] = p - side.lost[n]!.length;
  side.lno = before.map((b) => b + 1);
  return side;
}

export function combinedDiff(
  path: string,
  oids: [string, string],
  ours: string,
  theirs: string,
  result: string,
  resultOid = '0000000',
): string {
  const R = split(result);
  const sides = [align(split(ours), R), align(split(theirs), R)];
  const n = R.length;
  const changed = (k: number) => sides.map((s) => (k < n && s.added[k]) || s.lost[k]!.length > 0);
  // Blocks of consecutive changed positions; a block is interesting when it differs from both.
  const keep = new Array<boolean>(n + 1).fill(false);
  let k = 0;
  while (k <= n) {
    if (!changed(k).some(Boolean)) {
      k++;
      continue;
    }
    let e = k;
    const mask = [false, false];
    while (e <= n && changed(e).some(Boolean)) {
      changed(e).forEach((c, i) => (mask[i] ||= c));
      e++;
    }
    if (mask.every(Boolean)) for (let i = k; i < e; i++) keep[i] = true;
    k = e;
  }
  const ctx = 3;
  let out = `diff --cc ${path}\nindex ${oids[0].slice(0, 7)},${oids[1].slice(0, 7)}..${resultOid.slice(0, 7)}\n--- a/${path}\n+++ b/${path}\n`;
  let at = 0;
  while (at <= n) {
    if (!keep[at]) {
      at++;
      continue;
    }
    const start = Math.max(0, at - ctx);
    let end = at;
    let last = at;
    while (end <= n) {
      if (keep[end]) last = end;
      else if (end - last > 2 * ctx) break;
      end++;
    }
    const stop = Math.min(n, last + ctx + 1);
    let body = '';
    for (let i = start; i < stop || (i === stop && i <= n && keep[i]); i++) {
      sides.forEach((s, si) => {
        for (const l of s.lost[i]!) body += `${si === 0 ? '- ' : ' -'}${l}\n`;
      });
      if (i < n) body += `${sides.map((s) => (s.added[i] ? '+' : ' ')).join('')}${R[i]}\n`;
    }
    const ranges = sides.map((s) => ` -${s.lno[start]},${s.lno[stop]! - s.lno[start]!}`).join('');
    out += `@@@${ranges} +${start + 1},${stop - start} @@@\n${body}`;
    at = stop + 1;
  }
  return out;
}
