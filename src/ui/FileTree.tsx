// The learner's home directory as a tree of buttons: a directory opens and closes, a file opens
// in the editor. Plain buttons in nested lists, so that Tab and Enter reach everything. Hidden
// entries (`.git`) are left out, as `ls` leaves them out.
import { useState } from 'react';
import { readDir, statPath, type Files } from '../engine/fs/files';

export interface FileTreeProps {
  files: Files;
  root: string;
  /** The shown file, marked in the tree. */
  active: string | null;
  onOpen(path: string): void;
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

export function FileTree({ files, root, active, onOpen }: FileTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (path: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  return (
    <nav className="file-tree" data-testid="file-tree" aria-label="Files in your home directory">
      <div className="file-tree__root" title={root}>
        ~
      </div>
      <Entries
        files={files}
        dir={root}
        depth={0}
        active={active}
        collapsed={collapsed}
        onToggle={toggle}
        onOpen={onOpen}
      />
    </nav>
  );
}

interface EntriesProps {
  files: Files;
  dir: string;
  depth: number;
  active: string | null;
  collapsed: ReadonlySet<string>;
  onToggle(path: string): void;
  onOpen(path: string): void;
}

function Entries({ files, dir, depth, active, collapsed, onToggle, onOpen }: EntriesProps) {
  const list = readDir(files, dir);
  const names = list.ok ? list.value.filter((n) => !n.startsWith('.')) : [];
  if (names.length === 0) {
    return <p className="file-tree__empty">{depth === 0 ? 'No files yet' : 'Empty'}</p>;
  }
  // Directories first, as file managers list them.
  const entries = names
    .map((name) => ({ name, path: join(dir, name), node: statPath(files, join(dir, name)) }))
    .sort((a, b) => Number(b.node?.type === 'dir') - Number(a.node?.type === 'dir'));
  return (
    <ul className="file-tree__list">
      {entries.map(({ name, path, node }) =>
        node?.type === 'dir' ? (
          <li key={name}>
            <button
              type="button"
              className="file-tree__dir"
              aria-expanded={!collapsed.has(path)}
              onClick={() => onToggle(path)}
            >
              <span aria-hidden="true">{collapsed.has(path) ? '▸' : '▾'}</span> {name}/
            </button>
            {!collapsed.has(path) && (
              <Entries
                files={files}
                dir={path}
                depth={depth + 1}
                active={active}
                collapsed={collapsed}
                onToggle={onToggle}
                onOpen={onOpen}
              />
            )}
          </li>
        ) : (
          <li key={name}>
            <button
              type="button"
              className="file-tree__file"
              aria-current={active === path ? 'true' : undefined}
              title={path}
              onClick={() => onOpen(path)}
            >
              {name}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}
