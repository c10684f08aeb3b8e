// A small line diff (longest common subsequence) and its unified form, for the text version of
// the declarative diff: what a screen reader reads, and what shows before the editor has loaded.
// Manifests are a few dozen lines, so the quadratic table costs nothing worth a library.

export type LineOp = ' ' | '-' | '+';

export interface DiffLine {
  op: LineOp;
  text: string;
}

export interface Hunk {
  /** 1-based first line in the old and new text (0 when the hunk has no line on that side). */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

/** Above this many table cells, the differing middle is shown as removed then added. */
const MAX_CELLS = 4_000_000;

/** The lines of `text`, without the empty string after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Every line of both texts, each marked kept, removed or added; removals come first. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = before.slice(0, start).map((text) => ({ op: ' ', text }));
  out.push(...middle(before.slice(start, endA), after.slice(start, endB)));
  for (const text of before.slice(endA)) out.push({ op: ' ', text });
  return out;
}

function middle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [
      ...a.map((text): DiffLine => ({ op: '-', text })),
      ...b.map((text): DiffLine => ({ op: '+', text })),
    ];
  }
  // lcs[i * (m + 1) + j]: the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++] ?? '' });
      j++;
    } else if (
      j >= m ||
      (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      out.push({ op: '-', text: a[i++] ?? '' });
    } else {
      out.push({ op: '+', text: b[j++] ?? '' });
    }
  }
  return out;
}

/** The changed lines with `context` kept lines around them, grouped as `diff -u` groups them. */
export function diffHunks(before: string, after: string, context = 3): Hunk[] {
  const lines = diffLines(splitLines(before), splitLines(after));
  const hunks: Hunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  // Position (old, new line numbers) before each diff line.
  const at: [number, number][] = lines.map((l) => {
    const here: [number, number] = [oldLine, newLine];
    if (l.op !== '+') oldLine++;
    if (l.op !== '-') newLine++;
    return here;
  });
  let k = 0;
  while (k < lines.length) {
    if (lines[k]?.op === ' ') {
      k++;
      continue;
    }
    const from = Math.max(0, k - context);
    let to = k;
    // Extend while the next change is within 2 × context kept lines.
    for (;;) {
      while (to < lines.length && lines[to]?.op !== ' ') to++;
      let next = to;
      while (next < lines.length && lines[next]?.op === ' ') next++;
      if (next < lines.length && next - to <= 2 * context) to = next;
      else break;
    }
    const end = Math.min(lines.length, to + context);
    const slice = lines.slice(from, end);
    const [oldStart, newStart] = at[from] ?? [1, 1];
    const oldLines = slice.filter((l) => l.op !== '+').length;
    const newLines = slice.filter((l) => l.op !== '-').length;
    hunks.push({
      oldStart: oldLines === 0 ? oldStart - 1 : oldStart,
      oldLines,
      newStart: newLines === 0 ? newStart - 1 : newStart,
      newLines,
      lines: slice,
    });
    k = end;
  }
  return hunks;
}

/** `@@ -1,7 +1,7 @@`, as `diff -u` heads a hunk. */
export function hunkHeader(h: Hunk): string {
  return `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
}

/** `diff -u` text of the hunks, without the file header lines. */
export function formatHunks(hunks: readonly Hunk[]): string {
  return hunks
    .map((h) => `${hunkHeader(h)}\n${h.lines.map((l) => `${l.op}${l.text}\n`).join('')}`)
    .join('');
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
