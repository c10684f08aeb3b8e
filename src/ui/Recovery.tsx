// Shown instead of the page when the saved session cannot be used: say so, offer a fresh start.
import { useEffect, useRef } from 'react';

export function Recovery({ reason, onReset }: { reason: string; onReset: () => Promise<void> }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <main className="recovery" role="alertdialog" aria-labelledby="recovery-title">
      <h1 id="recovery-title">The saved session could not be restored</h1>
      <p>{reason}</p>
      <p>Start a fresh session: the cluster and the terminal begin again from the start.</p>
      <button ref={button} type="button" onClick={() => void onReset()}>
        Reset and start fresh
      </button>
    </main>
  );
}
