// Monaco's code editor for workspace files, behind a small factory, so that React never holds the
// editor's state. It shares the diff editor's lazily loaded Monaco (editor API, YAML tokenizer,
// worker) and adds, in a chunk of its own, the contributions a person editing a file expects:
// clipboard, find, folding, comments, hovers over markers, F8 to the next problem, Ctrl-M to let
// Tab leave the editor. Not Monaco's context menu, which draws unstyled in this build (the
// browser's own menu shows instead). Never the whole package, never a CDN.
//
// Monaco reads its service registrations once, when the first editor of the page is made: a
// contribution loaded later that brings a service of its own (the hover's marker navigation)
// then fails. So the diff pane loads these too before it makes its editor (`loadEditorMonaco`).
//
// One model per open file, kept while its tab is open, so that each tab keeps its own undo
// history, cursor and markers.
import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import type { ManifestDiagnostic } from '../../cli/declarative/manifestDiagnostics';
import { completionStart, manifestCompletions } from '../../cli/declarative/manifestCompletion';
import { loadMonaco, type Monaco } from './monacoDiff';

export interface CodeViewOptions {
  theme: 'light' | 'dark';
  fontSize: number;
  /** The person changed the shown file's text. */
  onChange(path: string, text: string): void;
  /** Ctrl-S / Cmd-S in the editor. */
  onSave(path: string): void;
}

export interface CodeView {
  /** Shows `path`, creating its model with `text` the first time. */
  show(path: string, text: string, label: string): void;
  /** Puts `text` in the file's model (the shell changed it) as an edit that undo can revert. */
  setText(path: string, text: string): void;
  /** Forgets a closed file's model. */
  close(path: string): void;
  setDiagnostics(path: string, diagnostics: readonly ManifestDiagnostic[]): void;
  updateOptions(options: { theme?: 'light' | 'dark'; fontSize?: number }): void;
  focus(): void;
  destroy(): void;
}

let loading: Promise<Monaco> | undefined;

/** Monaco with the code editor's contributions; call it before making any editor. */
export function loadEditorMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [monaco] = await Promise.all([
      loadMonaco(),
      import('monaco-editor/features/clipboard/register'),
      import('monaco-editor/features/find/register'),
      import('monaco-editor/features/folding/register'),
      import('monaco-editor/features/bracketMatching/register'),
      import('monaco-editor/features/comment/register'),
      import('monaco-editor/features/hover/register'),
      import('monaco-editor/features/gotoError/register'),
      import('monaco-editor/features/linesOperations/register'),
      import('monaco-editor/features/multicursor/register'),
      import('monaco-editor/features/wordOperations/register'),
      import('monaco-editor/features/indentation/register'),
      import('monaco-editor/features/cursorUndo/register'),
      import('monaco-editor/features/toggleTabFocusMode/register'),
      // The suggest widget: in 0.57 `features/suggest` does not bring its controller, which
      // only comes in through the inline completions' contribution.
      import('monaco-editor/features/suggest/register'),
      import('monaco-editor/features/snippet/register'),
      import('monaco-editor/features/inlineCompletions/register'),
    ]);
    registerManifestCompletion(monaco);
    return monaco;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Kubernetes completion in every YAML model; the page registers it once, with Monaco. */
function registerManifestCompletion(monaco: Monaco): void {
  const kinds = {
    property: monaco.languages.CompletionItemKind.Property,
    value: monaco.languages.CompletionItemKind.Value,
    snippet: monaco.languages.CompletionItemKind.Snippet,
  };
  monaco.languages.registerCompletionItemProvider('yaml', {
    // A space after `key:` asks for its values; typing a word asks for keys on its own.
    triggerCharacters: [' '],
    provideCompletionItems(model, position, context) {
      const text = model.getValue();
      const prefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      if (context.triggerCharacter === ' ' && !/:\s$|^\s*-\s$/.test(prefix)) {
        return { suggestions: [] };
      }
      const from = completionStart(text, position.lineNumber, position.column);
      const range = new monaco.Range(
        position.lineNumber,
        from,
        position.lineNumber,
        position.column,
      );
      const items = manifestCompletions(text, position.lineNumber, position.column);
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          ...(item.detail !== undefined ? { detail: item.detail } : {}),
          ...(item.documentation !== undefined ? { documentation: item.documentation } : {}),
          // The schema's order (the fields people set first come first), not the alphabet.
          sortText: String(i).padStart(4, '0'),
          range,
          ...(item.hasValues
            ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest values' } }
            : {}),
        })),
      };
    },
  });
}

export function languageOf(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext';
}

const MARKER_OWNER = 'manifest';

export async function createCodeView(
  element: HTMLElement,
  options: CodeViewOptions,
): Promise<CodeView> {
  const monaco = await loadEditorMonaco();
  monaco.editor.setTheme(options.theme === 'dark' ? 'vs-dark' : 'vs');
  const editor = monaco.editor.create(element, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: options.fontSize,
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    // YAML is indented with spaces; a tab character in it is a syntax error.
    detectIndentation: false,
    renderWhitespace: 'boundary',
    fixedOverflowWidgets: true,
    // The YAML tokenizer marks values as strings: suggest while typing them too.
    quickSuggestions: { other: true, strings: true, comments: false },
  });
  const models = new Map<string, MonacoApi.editor.ITextModel>();
  const listeners = new Map<string, MonacoApi.IDisposable>();
  let shown: string | undefined;

  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
    if (shown !== undefined) options.onSave(shown);
  });

  const modelOf = (path: string, text: string) => {
    let model = models.get(path);
    if (!model) {
      const uri = monaco.Uri.from({ scheme: 'workspace', path });
      model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, languageOf(path), uri);
      if (model.getValue() !== text) model.setValue(text);
      const m = model;
      listeners.set(
        path,
        model.onDidChangeContent(() => options.onChange(path, m.getValue())),
      );
      models.set(path, model);
    }
    return model;
  };

  return {
    show(path, text, label) {
      const model = modelOf(path, text);
      if (editor.getModel() !== model) editor.setModel(model);
      shown = path;
      editor.updateOptions({
        ariaLabel: `${label}. Ctrl+S saves; Ctrl+M lets Tab move the focus out; F8 goes to the next problem.`,
      });
    },
    setText(path, text) {
      const model = models.get(path);
      if (!model || model.getValue() === text) return;
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    },
    close(path) {
      listeners.get(path)?.dispose();
      listeners.delete(path);
      const model = models.get(path);
      if (!model) return;
      if (editor.getModel() === model) {
        editor.setModel(null);
        shown = undefined;
      }
      model.dispose();
      models.delete(path);
    },
    setDiagnostics(path, diagnostics) {
      const model = models.get(path);
      if (!model) return;
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        diagnostics.map((d) => ({
          startLineNumber: d.line,
          startColumn: d.column,
          endLineNumber: d.endLine,
          endColumn: d.endColumn,
          message: d.message,
          severity:
            d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        })),
      );
    },
    updateOptions(o) {
      if (o.theme) monaco.editor.setTheme(o.theme === 'dark' ? 'vs-dark' : 'vs');
      if (o.fontSize !== undefined) editor.updateOptions({ fontSize: o.fontSize });
    },
    focus() {
      editor.focus();
    },
    destroy() {
      for (const l of listeners.values()) l.dispose();
      editor.setModel(null);
      editor.dispose();
      for (const m of models.values()) m.dispose();
      models.clear();
    },
  };
}
