// Sentences from the simulator mark commands and fields with backticks, as Markdown does.
import type { ReactNode } from 'react';

/** `a \`b\` c` → a <code>b</code> c. */
export function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
