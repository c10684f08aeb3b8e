// Tab is completion in the terminal, so a keyboard user leaves it by the escape hatch of editors
// that keep Tab for themselves (CodeMirror, WordPress's code editor): Escape, then Tab or
// Shift-Tab. Without it the terminal would be a keyboard trap (WCAG 2.1.2).

/** What the watcher reads of a KeyboardEvent. */
export interface KeyEventLike {
  type: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Pressing Shift for Shift-Tab must not count as a key between Escape and Tab. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/**
 * A watcher of the terminal's key events: true for the Tab (or Shift-Tab) pressed right after
 * Escape, which is then the browser's to move focus with rather than the terminal's to complete.
 */
export function escapeThenTab(): (e: KeyEventLike) => boolean {
  let armed = false;
  return (e) => {
    if (e.type !== 'keydown' || MODIFIERS.has(e.key)) return false;
    const chord = e.ctrlKey || e.altKey || e.metaKey;
    if (armed && e.key === 'Tab' && !chord) {
      armed = false;
      return true;
    }
    armed = e.key === 'Escape' && !chord && !e.shiftKey;
    return false;
  };
}
