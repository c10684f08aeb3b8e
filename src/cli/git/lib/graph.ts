// git log --graph's drawing: the columns of branch lines to the left of each line of output,
// `*` for a commit, `|\` after a merge, `|/` and `/` as lines join again. A port of the column
// logic of git 2.39's graph.c for commits with one or two parents (no octopus merges, no colours).

type State = 'padding' | 'commit' | 'post-merge' | 'collapsing';

export class Graph {
  private commit = '';
  private parents: string[] = [];
  private width = 0;
  private state: State = 'padding';
  private prevState: State = 'padding';
  private commitIndex = 0;
  private prevCommitIndex = 0;
  private mergeLayout = -1;
  private edgesAdded = 0;
  private prevEdgesAdded = 0;
  private columns: string[] = [];
  private newColumns: string[] = [];
  private mapping: number[] = [];
  private oldMapping: number[] = [];
  private mappingSize = 0;

  constructor(private readonly parentsOf: (oid: string) => string[]) {}

  private setState(s: State) {
    this.prevState = this.state;
    this.state = s;
  }

  /** The next commit to draw. */
  update(oid: string) {
    this.commit = oid;
    this.parents = this.parentsOf(oid);
    this.prevCommitIndex = this.commitIndex;
    this.updateColumns();
    this.state = 'commit';
  }

  get finished() {
    return this.state === 'padding';
  }

  private insert(oid: string, idx: number) {
    let i = this.newColumns.indexOf(oid);
    if (i < 0) {
      i = this.newColumns.length;
      this.newColumns.push(oid);
    }
    let at: number;
    if (this.parents.length > 1 && idx > -1 && this.mergeLayout === -1) {
      const dist = idx - i;
      const shift = dist > 1 ? 2 * dist - 3 : 1;
      this.mergeLayout = dist > 0 ? 0 : 1;
      this.edgesAdded = this.parents.length + this.mergeLayout - 2;
      at = this.width + (this.mergeLayout - 1) * shift;
      this.width += 2 * this.mergeLayout;
    } else if (this.edgesAdded > 0 && i === this.mapping[this.width - 2]) {
      at = this.width - 2;
      this.edgesAdded = -1;
    } else {
      at = this.width;
      this.width += 2;
    }
    this.mapping[at] = i;
  }

  private updateColumns() {
    this.columns = this.newColumns;
    this.newColumns = [];
    const max = this.columns.length + this.parents.length;
    this.mappingSize = 2 * max;
    this.mapping = new Array<number>(this.mappingSize).fill(-1);
    this.width = 0;
    this.prevEdgesAdded = this.edgesAdded;
    this.edgesAdded = 0;
    let seen = false;
    for (let i = 0; i <= this.columns.length; i++) {
      let col: string;
      if (i === this.columns.length) {
        if (seen) break;
        col = this.commit;
      } else col = this.columns[i]!;
      if (col === this.commit) {
        seen = true;
        this.commitIndex = i;
        this.mergeLayout = -1;
        for (const p of this.parents) this.insert(p, i);
        if (this.parents.length === 0) this.width += 2;
      } else this.insert(col, -1);
    }
    while (this.mappingSize > 1 && this.mapping[this.mappingSize - 1]! < 0) this.mappingSize--;
  }

  private mappingCorrect() {
    for (let i = 0; i < this.mappingSize; i++) {
      const t = this.mapping[i]!;
      if (t >= 0 && t !== Math.floor(i / 2)) return false;
    }
    return true;
  }

  private pad(line: string) {
    return line.length < this.width ? line + ' '.repeat(this.width - line.length) : line;
  }

  private commitLine(): string {
    let line = '';
    let seen = false;
    for (let i = 0; i <= this.columns.length; i++) {
      let col: string;
      if (i === this.columns.length) {
        if (seen) break;
        col = this.commit;
      } else col = this.columns[i]!;
      if (col === this.commit) {
        seen = true;
        line += '*';
      } else if (seen && this.edgesAdded > 1) line += '\\';
      else if (seen && this.edgesAdded === 1) {
        line +=
          this.prevState === 'post-merge' && this.prevEdgesAdded > 0 && this.prevCommitIndex < i
            ? '\\'
            : '|';
      } else if (
        this.prevState === 'collapsing' &&
        this.oldMapping[2 * i + 1] === i &&
        this.mapping[2 * i]! < i
      )
        line += '/';
      else line += '|';
      line += ' ';
    }
    line = this.pad(line);
    if (this.parents.length > 1) this.setState('post-merge');
    else if (this.mappingCorrect()) this.setState('padding');
    else this.setState('collapsing');
    return line;
  }

  private postMergeLine(): string {
    const chars = ['/', '|', '\\'];
    let line = '';
    let seen = false;
    let parentCol = false;
    for (let i = 0; i <= this.columns.length; i++) {
      let col: string;
      if (i === this.columns.length) {
        if (seen) break;
        col = this.commit;
      } else col = this.columns[i]!;
      if (col === this.commit) {
        seen = true;
        let idx = this.mergeLayout;
        for (let j = 0; j < this.parents.length; j++) {
          line += chars[idx];
          if (idx === 2) {
            if (this.edgesAdded > 0 || j < this.parents.length - 1) line += ' ';
          } else idx++;
        }
        if (this.edgesAdded === 0) line += ' ';
      } else if (seen) {
        line += this.edgesAdded > 0 ? '\\ ' : '| ';
      } else {
        line += '|';
        if (this.mergeLayout !== 0 || i !== this.commitIndex - 1) line += parentCol ? '_' : ' ';
      }
      if (col === this.parents[0]) parentCol = true;
    }
    line = this.pad(line);
    this.setState(this.mappingCorrect() ? 'padding' : 'collapsing');
    return line;
  }

  private collapsingLine(): string {
    let usedHorizontal = false;
    let horizontalEdge = -1;
    let horizontalTarget = -1;
    this.oldMapping = this.mapping;
    this.mapping = new Array<number>(this.oldMapping.length).fill(-1);
    for (let i = 0; i < this.mappingSize; i++) {
      const target = this.oldMapping[i]!;
      if (target < 0) continue;
      if (target * 2 === i) this.mapping[i] = target;
      else if (this.mapping[i - 1]! < 0) {
        this.mapping[i - 1] = target;
        if (horizontalEdge === -1) {
          horizontalEdge = i;
          horizontalTarget = target;
          for (let j = target * 2 + 3; j < i - 2; j += 2) this.mapping[j] = target;
        }
      } else if (this.mapping[i - 1] === target) {
        // Joins the line to its left.
      } else {
        this.mapping[i - 2] = target;
        if (horizontalEdge === -1) {
          horizontalTarget = target;
          horizontalEdge = i - 1;
          for (let j = target * 2 + 3; j < i - 2; j += 2) this.mapping[j] = target;
        }
      }
    }
    this.oldMapping = [...this.mapping];
    if (this.mapping[this.mappingSize - 1]! < 0) this.mappingSize--;
    let line = '';
    for (let i = 0; i < this.mappingSize; i++) {
      const target = this.mapping[i]!;
      if (target < 0) line += ' ';
      else if (target * 2 === i) line += '|';
      else if (target === horizontalTarget && i !== horizontalEdge - 1) {
        if (i !== target * 2 + 3) this.mapping[i] = -1;
        usedHorizontal = true;
        line += '_';
      } else {
        if (usedHorizontal && i < horizontalEdge) this.mapping[i] = -1;
        line += '/';
      }
    }
    line = this.pad(line);
    if (this.mappingCorrect()) this.setState('padding');
    return line;
  }

  private paddingLine(): string {
    return this.pad('| '.repeat(this.newColumns.length));
  }

  /** The graph's part of the next line of output for the current commit. */
  next(): string {
    switch (this.state) {
      case 'commit':
        return this.commitLine();
      case 'post-merge':
        return this.postMergeLine();
      case 'collapsing':
        return this.collapsingLine();
      default:
        return this.paddingLine();
    }
  }

  /** A line between commits (the next commit is already set): its columns, unchanged. */
  padding(): string {
    if (this.state !== 'commit') return this.next();
    const line = this.pad('| '.repeat(this.columns.length));
    this.prevState = 'padding';
    return line;
  }
}

export interface Shown {
  oid: string;
  /** Where the separator before the commit starts, where its first line starts, where its message ends. */
  sep: number;
  start: number;
  end: number;
}

/** Puts the graph in front of each line of `text`, the log of the commits in `shown`. */
export function drawGraph(
  text: string,
  shown: readonly Shown[],
  parentsOf: (oid: string) => string[],
): string {
  const graph = new Graph(parentsOf);
  let out = '';
  let k = -1;
  let at = 0;
  const flush = (upTo: number) => {
    // Text up to `upTo`, with the graph at each line's start.
    while (at < upTo) {
      const nl = text.indexOf('\n', at);
      const stop = nl < 0 || nl + 1 > upTo ? upTo : nl + 1;
      const lineStart = at === 0 || text[at - 1] === '\n';
      if (lineStart) {
        const c = shown[k];
        out +=
          c && at === c.start ? graph.next() : c && at < c.start ? graph.padding() : graph.next();
      }
      out += text.slice(at, stop);
      at = stop;
    }
  };
  for (const c of shown) {
    k++;
    graph.update(c.oid);
    flush(c.start);
    flush(c.end);
    // What the graph still has to draw for this commit comes right after its message.
    if (!graph.finished) {
      const terminated = c.end > 0 && text[c.end - 1] === '\n';
      const rest: string[] = [];
      while (!graph.finished) rest.push(graph.next());
      out += terminated ? rest.map((l) => `${l}\n`).join('') : `\n${rest.join('\n')}`;
    }
    const next = shown[k + 1];
    flush(next ? next.sep : text.length);
  }
  return out;
}
