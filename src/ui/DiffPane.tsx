// The declarative diff: for each object a command changed, the manifest before and after, and
// the manifest edit that would have done the same. The words and the YAML come from the pure
// modules in src/cli/declarative; this component lays them out and hosts Monaco.
//
// Monaco loads after first paint and never blocks the terminal. Until it shows (and always, for
// screen readers) the diff is also plain text, a unified diff in `manifest-diff-text`.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { declarativeEdit, objectName } from '../cli/declarative/edit';
import { diffHunks, hunkHeader } from '../cli/declarative/lineDiff';
import { changeType, manifestPair } from '../cli/declarative/manifest';
import type { ObjectChange } from '../cli/timeline';
import { objectKey } from '../cli/timeline';
import type { DiffView } from './adapters/monacoDiff';
import { createDiffView } from './adapters/monacoDiff';
import { loadEditorMonaco } from './adapters/monacoEditor';
import './DiffPane.css';
import { withCode } from './inlineCode';

export interface DiffPaneProps {
  changes: ObjectChange[];
  command: string | undefined;
  hideServerFields: boolean;
  onToggleHideServerFields(): void;
  theme: 'light' | 'dark';
  fontSize: number;
  /** Inside the manifests pane's "Changes" tab, which is then the pane. */
  embedded?: boolean;
}

const VERB = { create: 'created', update: 'changed', delete: 'deleted' } as const;

const keyOfChange = (c: ObjectChange) => objectKey(c.kind, c.namespace, c.name);

export function DiffPane(props: DiffPaneProps) {
  const { changes, command, hideServerFields, theme, fontSize } = props;
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const change = changes.find((c) => keyOfChange(c) === selected) ?? changes[0];
  const selectId = useId();
  const toggleId = useId();

  const before = change?.before;
  const after = change?.after;
  // The objects are immutable: the YAML only changes when they or the projection do.
  const texts = useMemo(
    () => manifestPair({ before, after }, { hideServerFields }),
    [before, after, hideServerFields],
  );
  const edit = change ? declarativeEdit(change, command ?? '') : '';

  const view = useMonacoDiff(theme, fontSize);
  const Root = props.embedded ? 'div' : 'section';
  const editor = view.current;
  useEffect(() => {
    editor?.update(texts.before, texts.after);
  }, [texts, editor]);

  return (
    <Root
      className={props.embedded ? 'diff-pane' : 'pane diff-pane'}
      {...(props.embedded
        ? {}
        : { 'data-testid': 'manifest-diff', 'aria-label': 'Declarative diff' })}
    >
      <header className="pane-header diff-pane__header">
        <h2>
          {changes.length > 1 ? (
            <>
              <label htmlFor={selectId} className="visually-hidden">
                Object
              </label>
              <select
                id={selectId}
                value={change ? keyOfChange(change) : ''}
                onChange={(e) => setSelected(e.target.value)}
              >
                {changes.map((c) => (
                  <option key={keyOfChange(c)} value={keyOfChange(c)}>
                    {objectName(c)} ({VERB[changeType(c)]})
                  </option>
                ))}
              </select>
            </>
          ) : change ? (
            <>
              <code>{objectName(change)}</code>{' '}
              <span className="diff-pane__verb">{VERB[changeType(change)]}</span>
            </>
          ) : (
            'Manifests'
          )}
        </h2>
        <label htmlFor={toggleId} className="diff-pane__toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={hideServerFields}
            onChange={() => props.onToggleHideServerFields()}
          />{' '}
          Only what you would write
        </label>
      </header>
      {change ? (
        <p className="diff-pane__edit" data-testid="declarative-edit">
          {withCode(edit)}
        </p>
      ) : (
        <p className="diff-pane__hint">
          Run a command that changes the cluster, such as{' '}
          <code>kubectl create deployment my-app --image=nginx:1.27.0</code>, to see the manifest
          edit that would do the same.
        </p>
      )}
      {change && <DiffText before={texts.before} after={texts.after} hidden={view.ready} />}
      <div ref={view.host} className="diff-pane__editor" hidden={!change || !view.ready} />
    </Root>
  );
}

/** The unified diff as text: shown until Monaco is ready, then kept for screen readers. */
function DiffText({ before, after, hidden }: { before: string; after: string; hidden: boolean }) {
  const hunks = useMemo(() => diffHunks(before, after), [before, after]);
  return (
    // Once hidden it must not scroll either: a scrollable element takes keyboard focus.
    <pre
      className={hidden ? 'visually-hidden' : 'diff-pane__text'}
      data-testid="manifest-diff-text"
    >
      {hunks.length === 0 && (
        <span className="diff-pane__same">No difference in the manifest.</span>
      )}
      {hunks.map((h, i) => (
        <span key={i}>
          <span className="diff-pane__hunk">{`${hunkHeader(h)}\n`}</span>
          {h.lines.map((l, j) => (
            <span
              key={j}
              className={
                l.op === '-' ? 'diff-pane__del' : l.op === '+' ? 'diff-pane__ins' : undefined
              }
            >
              {`${l.op}${l.text}\n`}
            </span>
          ))}
        </span>
      ))}
    </pre>
  );
}

interface MonacoHandle {
  host: RefObject<HTMLDivElement | null>;
  current: DiffView | null;
  ready: boolean;
}

/** Starts Monaco once the page is idle after mounting; the text diff stands in until then. */
function useMonacoDiff(theme: 'light' | 'dark', fontSize: number): MonacoHandle {
  const host = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState<DiffView | null>(null);
  const initial = useRef({ theme, fontSize });

  useEffect(() => {
    let cancelled = false;
    let created: DiffView | null = null;
    const start = () => {
      const element = host.current;
      if (cancelled || !element) return;
      // The code editor's contributions first: Monaco registers services only once, with its
      // first editor.
      loadEditorMonaco()
        .then(() => createDiffView(element, initial.current))
        .then((v) => {
          if (cancelled) v.destroy();
          else {
            created = v;
            setView(v);
          }
        })
        .catch((e: unknown) => {
          // The text diff stays: it says everything the editor would.
          console.warn('The diff editor could not be loaded; showing the text diff.', e);
        });
    };
    const idle = typeof window.requestIdleCallback === 'function';
    const handle = idle
      ? window.requestIdleCallback(start, { timeout: 1500 })
      : window.setTimeout(start, 200);
    return () => {
      cancelled = true;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      created?.destroy();
      setView(null);
    };
  }, []);

  useEffect(() => {
    view?.updateOptions({ theme, fontSize });
  }, [view, theme, fontSize]);

  return { host, current: view, ready: view !== null };
}
