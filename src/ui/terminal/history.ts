// History as bash shows it: a multi-line entry on one line, and the backward search through it.
import { historyLine } from '../../cli/shell/historyLine';

export { historyLine };

/** Finds `query` at or before (index, pos), then in older entries; skips a line just found. */
export function findBackward(
  history: readonly string[],
  query: string,
  index: number,
  pos: number,
  skip: string | undefined,
): { index: number; pos: number } | null {
  for (let i = Math.min(index, history.length - 1); i >= 0; i--) {
    const line = historyLine(history[i] as string);
    if (i !== index && line === skip) continue;
    const p = i === index ? (pos < 0 ? -1 : line.lastIndexOf(query, pos)) : line.lastIndexOf(query);
    if (p >= 0) return { index: i, pos: p };
  }
  return null;
}
