// xterm.js behind a small factory: the DOM renderer (its rows are text a screen reader and a test
// can read), fitted to its pane, themed. What happens at the prompt lives in the pure
// TerminalController (src/ui/terminal/controller.ts); this file only wires xterm to it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { DriverRecord } from '../../cli/driver';
import { PS1, PS2 } from '../../cli/shell/prompt';
import { TerminalController } from '../terminal/controller';
import { escapeThenTab } from '../terminal/escapeThenTab';

/** The session as the terminal sees it (LiveSession in src/store/live.ts is one). */
export interface TerminalHost {
  /** What the terminal showed before, to show again after a reload. */
  transcript: string;
  /** The commands typed so far, oldest first. */
  history: readonly string[];
  busy: boolean;
  submit(text: string): void;
  interrupt(): void;
  /** Keeps in the transcript what the terminal shows that is not a command's output or echo. */
  echo(text: string): void;
  completions(line: string, cursor: number): { start: number; candidates: string[] };
  subscribe(listener: (record: DriverRecord) => void): () => void;
  /** Commands to put on the prompt, for the person to read, edit and run. */
  onSuggest?(listener: (text: string) => void): () => void;
  /** Told the terminal's size in characters, for programs that fill the screen (watch). */
  resize?(columns: number, rows: number): void;
}

export interface TerminalOptions {
  theme: 'light' | 'dark';
  fontSize: number;
}

export interface TerminalHandle {
  update(options: TerminalOptions): void;
  focus(): void;
  destroy(): void;
}

// Colours chosen for contrast on their background (the dim ones at least 4.5:1).
const THEMES: Record<TerminalOptions['theme'], ITheme> = {
  dark: {
    background: '#1b1e23',
    foreground: '#e6e6e6',
    cursor: '#f0f0f0',
    cursorAccent: '#1b1e23',
    selectionBackground: '#44516a',
    black: '#3b4048',
    red: '#ff7b72',
    green: '#7ee787',
    yellow: '#e3b341',
    blue: '#79c0ff',
    magenta: '#d2a8ff',
    cyan: '#76e3ea',
    white: '#d0d7de',
    brightBlack: '#9198a1',
    brightRed: '#ffa198',
    brightGreen: '#aff5b4',
    brightYellow: '#f8e3a1',
    brightBlue: '#a5d6ff',
    brightMagenta: '#e2c5ff',
    brightCyan: '#b3f0ff',
    brightWhite: '#ffffff',
  },
  light: {
    background: '#ffffff',
    foreground: '#1f2328',
    cursor: '#1f2328',
    cursorAccent: '#ffffff',
    selectionBackground: '#b6d4fe',
    black: '#1f2328',
    red: '#b3261e',
    green: '#116329',
    yellow: '#7d4e00',
    blue: '#0550ae',
    magenta: '#8250df',
    cyan: '#0a6c74',
    white: '#59636e',
    brightBlack: '#59636e',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#0969da',
    brightMagenta: '#6639ba',
    brightCyan: '#1b7c83',
    brightWhite: '#393f46',
  },
};

const FONT =
  'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

export function createTerminal(
  element: HTMLElement,
  host: TerminalHost,
  options: TerminalOptions,
): TerminalHandle {
  const term = new Terminal({
    convertEol: true,
    screenReaderMode: true,
    cursorBlink: true,
    fontFamily: FONT,
    fontSize: options.fontSize,
    theme: THEMES[options.theme],
    scrollback: 5000,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(element);

  // With text selected, Ctrl-C copies (as in most terminals on the web) instead of interrupting;
  // Ctrl-V is left to the browser, whose paste event xterm turns into input. The Tab after
  // Escape is left to the browser too, which moves focus out of the terminal with it.
  const leaving = escapeThenTab();
  term.attachCustomKeyEventHandler((e) => {
    if (leaving(e)) return false;
    if (e.type !== 'keydown' || !e.ctrlKey || e.altKey || e.metaKey) return true;
    const key = e.key.toLowerCase();
    if (key === 'c' && !e.shiftKey && term.hasSelection()) return false;
    if (key === 'v') return false;
    return true;
  });

  let frame = 0;
  const refit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      // A hidden pane has no size to fit to.
      if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
    });
  };
  if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();

  const controller = new TerminalController(host, (text) => term.write(text), term.cols, {
    ps1: PS1,
    ps2: PS2,
  });
  host.resize?.(term.cols, term.rows);
  controller.start(host.transcript);

  const unsubscribe = host.subscribe((record) => controller.record(record));
  const unsuggest = host.onSuggest?.((text) => {
    controller.suggest(text);
    term.focus();
  });
  // In screen-reader mode xterm ignores text that arrives as an input event with no key press
  // before it: what dictation, an emoji picker or a pasted-in suggestion sends. Such text is
  // passed on here; text that came with a key press is xterm's to handle.
  const onData = term.onData((data) => controller.input(data));
  const textarea = term.textarea;
  let keyDownSinceInput = false;
  const onKeyDown = () => (keyDownSinceInput = true);
  const onInput = (e: Event) => {
    const ev = e as InputEvent;
    const typed = keyDownSinceInput;
    keyDownSinceInput = false;
    if (ev.inputType === 'insertText' && ev.data && !ev.isComposing && !typed) {
      controller.input(ev.data);
    }
  };
  textarea?.addEventListener('keydown', onKeyDown, true);
  textarea?.addEventListener('input', onInput);
  const onResize = term.onResize(({ cols, rows }) => {
    controller.resize(cols);
    host.resize?.(cols, rows);
  });
  const observer = new ResizeObserver(refit);
  observer.observe(element);

  return {
    update(next) {
      term.options.theme = THEMES[next.theme];
      if (term.options.fontSize !== next.fontSize) {
        term.options.fontSize = next.fontSize;
        refit();
      }
    },
    focus() {
      term.focus();
    },
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      unsubscribe();
      unsuggest?.();
      onData.dispose();
      textarea?.removeEventListener('keydown', onKeyDown, true);
      textarea?.removeEventListener('input', onInput);
      onResize.dispose();
      term.dispose();
    },
  };
}
