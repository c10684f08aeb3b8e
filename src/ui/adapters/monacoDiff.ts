// Monaco's diff editor behind a small factory (update / updateOptions / destroy), so that React
// never holds the editor's state. Monaco is several megabytes: it is imported on demand, into
// its own chunks, and never from a CDN. Only the editor API and the YAML tokenizer are loaded,
// not `monaco-editor`'s index, which would pull in every language and its worker.
//
// The diff itself is computed in Monaco's editor worker (its EditorWorkerService runs
// computeDiff there), so the worker is bundled too, by Vite's `?worker` import: a file of this
// site, loaded from the same origin.
import type * as MonacoApi from 'monaco-editor/editor/editor.api';

export type Monaco = typeof MonacoApi;

export interface DiffViewOptions {
  theme: 'light' | 'dark';
  fontSize: number;
}

export interface DiffView {
  /** Shows `original` → `modified` (YAML unless `language` says otherwise). */
  update(original: string, modified: string, language?: string): void;
  updateOptions(options: Partial<DiffViewOptions>): void;
  destroy(): void;
}

/** Below this width (px) the diff is shown inline, `-` over `+`, rather than side by side. */
export const INLINE_BELOW = 720;

let loading: Promise<Monaco> | undefined;

/** Loads Monaco once; later calls share the same promise (a failed load may be retried). */
export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [monaco, worker] = await Promise.all([
      import('monaco-editor/editor/editor.api'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/definitions/yaml/register'),
      // The diff editor's own commands (the accessible diff viewer on F7, next/previous change)
      // and the icon font its gutter draws + and − with.
      import('monaco-editor/features/diffEditor/register'),
      import('monaco-editor/features/codicon/register'),
    ]);
    const EditorWorker = worker.default;
    // Every label (the diff editor asks for the base editor worker only) gets the same worker.
    globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };
    return monaco;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

function themeName(theme: DiffViewOptions['theme']): string {
  return theme === 'dark' ? 'vs-dark' : 'vs';
}

/** Two columns need room for two manifests' lines: the breakpoint grows with the text. */
function inlineBelow(fontSize: number): number {
  return Math.round((INLINE_BELOW * Math.max(fontSize, 14)) / 14);
}

export async function createDiffView(
  element: HTMLElement,
  options: DiffViewOptions,
): Promise<DiffView> {
  const monaco = await loadMonaco();
  monaco.editor.setTheme(themeName(options.theme));
  const editor = monaco.editor.createDiffEditor(element, {
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: options.fontSize,
    // Side by side where there is room, inline (`-` above `+`, as in a unified diff) where not.
    renderSideBySide: true,
    useInlineViewWhenSpaceIsLimited: true,
    renderSideBySideInlineBreakpoint: inlineBelow(options.fontSize),
    renderOverviewRuler: false,
    scrollBeyondLastLine: false,
    // Indentation carries meaning in YAML: a change of indentation is a change.
    ignoreTrimWhitespace: false,
    ariaLabel: 'Declarative diff: the manifest before and after',
  });
  const original = monaco.editor.createModel('', 'yaml');
  const modified = monaco.editor.createModel('', 'yaml');
  editor.setModel({ original, modified });

  return {
    update(before, after, language = 'yaml') {
      // Without the final newline, an empty side is no line at all rather than one empty
      // line, and a created or deleted manifest shows as one block added or removed.
      for (const [model, text] of [
        [original, before.replace(/\n$/, '')],
        [modified, after.replace(/\n$/, '')],
      ] as const) {
        if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
        if (model.getValue() !== text) model.setValue(text);
      }
    },
    updateOptions(o) {
      // Monaco has one theme for the whole page.
      if (o.theme) monaco.editor.setTheme(themeName(o.theme));
      if (o.fontSize !== undefined) {
        editor.updateOptions({
          fontSize: o.fontSize,
          renderSideBySideInlineBreakpoint: inlineBelow(o.fontSize),
        });
      }
    },
    destroy() {
      editor.setModel(null);
      editor.dispose();
      original.dispose();
      modified.dispose();
    },
  };
}
