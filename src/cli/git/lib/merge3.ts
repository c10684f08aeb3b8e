// A three-way line merge as git's xdiff merges a file: regions only one side changed take that
// side, regions both changed alike take either, and the rest are conflicts between markers, with
// lines both sides share at a conflict's edges moved out of it (git's "zealous" level).
import { diffArrays } from 'diff';

export interface MergeResult {
  text: string;
  conflicts: number;
}

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split(/(?<=\n)/);
  return out;
}

/** For each base line, the index of the line it matches in `other`, or -1. */
function matches(base: string[], other: string[]): number[] {
  const out = new Array<number>(base.length).fill(-1);
  let b = 0;
  let o = 0;
  for (const part of diffArrays(base, other)) {
    const n = part.value.length;
    if (part.added) o += n;
    else if (part.removed) b += n;
    else {
      for (let i = 0; i < n; i++) out[b + i] = o + i;
      b += n;
      o += n;
    }
  }
  return out;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

type Chunk = { ok: string[] } | { ours: string[]; theirs: string[] };

/** Splits a conflict where both sides share lines (xmerge.c xdl_refine_conflicts). */
function refine(o: string[], t: string[]): Chunk[] {
  const out: Chunk[] = [];
  let ours: string[] = [];
  let theirs: string[] = [];
  const flush = () => {
    if (ours.length > 0 || theirs.length > 0) out.push({ ours, theirs });
    ours = [];
    theirs = [];
  };
  for (const part of diffArrays(o, t)) {
    if (part.removed) ours.push(...part.value);
    else if (part.added) theirs.push(...part.value);
    else {
      flush();
      out.push({ ok: part.value });
    }
  }
  flush();
  return out;
}

/**
 * Joins conflicts that only a few lines (at most three, or any number without a letter or
 * digit) keep apart, those lines going into both sides (xmerge.c xdl_simplify_non_conflicts).
 */
function simplify(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    const gap = out[out.length - 2];
    if ('ours' in c && prev && 'ok' in prev && gap && 'ours' in gap) {
      if (prev.ok.length <= 3 || !prev.ok.some((l) => /[A-Za-z0-9]/.test(l))) {
        out.splice(out.length - 2, 2, {
          ours: [...gap.ours, ...prev.ok, ...c.ours],
          theirs: [...gap.theirs, ...prev.ok, ...c.theirs],
        });
        continue;
      }
    }
    if ('ok' in c && prev && 'ok' in prev) prev.ok.push(...c.ok);
    else out.push('ok' in c ? { ok: [...c.ok] } : c);
  }
  return out;
}

export function merge3(
  baseText: string,
  oursText: string,
  theirsText: string,
  oursLabel: string,
  theirsLabel: string,
): MergeResult {
  const base = lines(baseText);
  const ours = lines(oursText);
  const theirs = lines(theirsText);
  const mo = matches(base, ours);
  const mt = matches(base, theirs);
  const chunks: Chunk[] = [];
  let ib = 0;
  let io = 0;
  let it = 0;
  while (ib < base.length || io < ours.length || it < theirs.length) {
    if (ib < base.length && mo[ib] === io && mt[ib] === it) {
      chunks.push({ ok: [base[ib]!] });
      ib++;
      io++;
      it++;
      continue;
    }
    let j = ib;
    while (j < base.length && (mo[j]! < 0 || mt[j]! < 0)) j++;
    const eo = j < base.length ? mo[j]! : ours.length;
    const et = j < base.length ? mt[j]! : theirs.length;
    const b = base.slice(ib, j);
    const o = ours.slice(io, eo);
    const t = theirs.slice(it, et);
    if (same(o, b)) chunks.push({ ok: t });
    else if (same(t, b) || same(o, t)) chunks.push({ ok: o });
    else chunks.push(...refine(o, t));
    ib = j;
    io = eo;
    it = et;
  }
  const endLine = (l: string) => (l.endsWith('\n') ? l : `${l}\n`);
  let text = '';
  let conflicts = 0;
  for (const c of simplify(chunks)) {
    if ('ok' in c) {
      text += c.ok.join('');
      continue;
    }
    conflicts++;
    text += `<<<<<<< ${oursLabel}\n${c.ours.map(endLine).join('')}=======\n`;
    text += `${c.theirs.map(endLine).join('')}>>>>>>> ${theirsLabel}\n`;
  }
  return { text, conflicts };
}
