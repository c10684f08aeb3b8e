// GNU coreutils 9.1 `date` with TZ=UTC: each expected line is what it printed for the same instant.
import { describe, expect, it } from 'vitest';
import { advance } from '../../engine/world';
import { createSession, runHeadless } from '../shell/shell';
import { registry } from '.';
import { strftime } from './date';

const AT = Date.UTC(2026, 10, 28, 11, 4, 45);

describe('date', () => {
  it('prints the simulated clock, never the real one', () => {
    const s = createSession();
    s.world = advance(s.world, AT).world;
    expect(runHeadless(s, 'date', registry)).toMatchObject({
      stdout: 'Sat Nov 28 11:04:45 UTC 2026\n',
      exitCode: 0,
    });
    expect(runHeadless(s, 'date -u; date +%s; date -Iseconds; date -R', registry).stdout).toBe(
      'Sat Nov 28 11:04:45 UTC 2026\n1795863885\n2026-11-28T11:04:45+00:00\nSat, 28 Nov 2026 11:04:45 +0000\n',
    );
  });

  it('pads the day with a space and formats like strftime', () => {
    expect(strftime('%a %b %e %H:%M:%S %Z %Y', 0)).toBe('Thu Jan  1 00:00:00 UTC 1970');
    expect(strftime('%Y-%m-%dT%H:%M:%SZ', 0)).toBe('1970-01-01T00:00:00Z');
    expect(strftime('%s%N', 1500)).toBe('1500000000');
    expect(strftime('%F %T %j %:z', 1_000_000_000_000)).toBe('2001-09-09 01:46:40 252 +00:00');
  });

  it('answers mistakes as GNU date does', () => {
    const s = createSession();
    const run = (c: string) => runHeadless(s, c, registry);
    expect(run('date -I -R')).toMatchObject({
      stderr: 'date: multiple output formats specified\n',
      exitCode: 1,
    });
    expect(run('date -Ifoo').stderr).toBe(
      "date: invalid argument ‘foo’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n",
    );
    expect(run('date +%s +%s').stderr).toBe(
      "date: extra operand ‘+%s’\nTry 'date --help' for more information.\n",
    );
    expect(run('date foo')).toMatchObject({ stderr: 'date: invalid date ‘foo’\n', exitCode: 1 });
    expect(run('date -x').stderr).toBe(
      "date: invalid option -- 'x'\nTry 'date --help' for more information.\n",
    );
  });
});
