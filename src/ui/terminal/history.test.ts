// How bash shows a multi-line history entry on Up (bash 5.2's bashhist.c with cmdhist on: lines
// joined with `; `, here-documents kept as they are).
import { describe, expect, it } from 'vitest';
import { historyLine } from './history';

describe('historyLine', () => {
  it('recalls a continued command as bash does, on one line', () => {
    expect(historyLine('kubectl scale \\\n  deployment my-app')).toBe(
      'kubectl scale   deployment my-app',
    );
    expect(historyLine("echo 'a\nb'")).toBe("echo 'a\nb'");
    expect(historyLine('echo a |\nwc -l')).toBe('echo a | wc -l');
    expect(historyLine('cat <<EOF\nx\nEOF')).toBe('cat <<EOF\nx\nEOF');
  });
});
