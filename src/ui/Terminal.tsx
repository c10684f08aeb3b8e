// The terminal pane. xterm keeps its own state; React only creates it, passes option changes on
// and destroys it.
import { useEffect, useId, useRef } from 'react';
import { createTerminal, type TerminalHandle, type TerminalHost } from './adapters/terminal';

export interface TerminalProps {
  host: TerminalHost;
  theme: 'light' | 'dark';
  fontSize: number;
}

export function Terminal({ host, theme, fontSize }: TerminalProps) {
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<TerminalHandle | null>(null);
  const options = useRef({ theme, fontSize });
  const hint = useId();

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const t = createTerminal(el, host, options.current);
    handle.current = t;
    t.focus();
    return () => {
      handle.current = null;
      t.destroy();
    };
  }, [host]);

  useEffect(() => {
    options.current = { theme, fontSize };
    handle.current?.update({ theme, fontSize });
  }, [theme, fontSize]);

  return (
    <div
      ref={element}
      data-testid="terminal"
      className="terminal-pane"
      role="group"
      aria-label="Terminal"
      aria-describedby={hint}
    >
      {/* Inside the pane (xterm adds its own elements after it): a sibling would be a cell of the
          page's grid. */}
      <span id={hint} className="visually-hidden">
        Press Escape then Tab to move focus out of the terminal.
      </span>
    </div>
  );
}
