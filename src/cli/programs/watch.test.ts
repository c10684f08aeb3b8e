// procps-ng watch 4.0.2: the header follows src/watch.c's output_header (checked against the real
// `watch` under a pty: `Every 1.0s: echo hello world` and, flush right at column 53 of 80,
// `vm: Sat Nov 28 05:40:32 2026`); messages and usage follow src/watch.c's main and usage and
// local/strutils.c's strtod_nol_or_err, as watch 4.0.2 prints them.
import { describe, expect, it } from 'vitest';
import { Driver, type DriverRecord } from '../driver';
import { createSession, runHeadless } from '../shell/shell';
import { registry } from '.';
import { ctime, formatInterval, headerLine, parseSeconds, screenText } from './watch';

const AT = Date.UTC(2026, 10, 28, 5, 40, 32);

describe('the header', () => {
  it('puts the interval and command left and host: time flush right', () => {
    const line = headerLine(1, 'echo hello world', 'vm', AT, 80);
    expect(line).toBe(`Every 1.0s: echo hello world${' '.repeat(24)}vm: Sat Nov 28 05:40:32 2026`);
    expect(line.indexOf('vm:')).toBe(52);
    expect(line).toHaveLength(80);
  });

  it('pads the day of the month as ctime does', () => {
    expect(ctime(Date.UTC(2026, 10, 1, 9, 5, 3))).toBe('Sun Nov  1 09:05:03 2026');
  });

  it('cuts a long command short with "... "', () => {
    const right = 'gitops: Sat Nov 28 05:40:32 2026';
    const command = 'kubectl get pods --all-namespaces -o wide --show-labels';
    const line = headerLine(2, command, 'gitops', AT, 80);
    // rhlen counts ctime's newline: 33; the command gets 80 - 33 - 12 - 4 = 31 columns.
    expect(line).toBe(`Every 2.0s: ${command.slice(0, 31)}...  ${right}`);
    expect(line).toHaveLength(80);
  });

  it('drops the left part, then everything, as the screen narrows', () => {
    const right = 'gitops: Sat Nov 28 05:40:32 2026';
    expect(headerLine(2, 'x', 'gitops', AT, 40)).toBe(`${' '.repeat(8)}${right}`);
    expect(headerLine(2, 'x', 'gitops', AT, 32)).toBe('');
  });

  it('prints the interval with one decimal, as printf does', () => {
    expect(formatInterval(2)).toBe('2.0');
    expect(formatInterval(0.1)).toBe('0.1');
    expect(formatInterval(1.25)).toBe('1.2');
    expect(formatInterval(0.75)).toBe('0.8');
    expect(formatInterval(10.35)).toBe('10.3');
    expect(formatInterval(2.5)).toBe('2.5');
    expect(formatInterval(0.05)).toBe('0.1');
  });
});

describe('parsing the interval', () => {
  it('takes . or , as the radix and nothing else', () => {
    expect(parseSeconds('5', 'x')).toBe(5);
    expect(parseSeconds('1,5', 'x')).toBe(1.5);
    expect(parseSeconds('.5', 'x')).toBe(0.5);
    expect(parseSeconds('-1', 'x')).toBe(-1);
    expect(parseSeconds('5s', 'failed to parse argument')).toBe(
      "watch: failed to parse argument: '5s': Invalid argument\n",
    );
    expect(parseSeconds('1e1', 'x')).toBe("watch: x: '1e1': Invalid argument\n");
  });
});

describe('the screen', () => {
  it('drops escape sequences and unprintable characters, and expands tabs', () => {
    expect(screenText('\x1b[1mA\x1b[0m\tb\x07\n', 80, undefined)).toBe('A       b\n');
  });

  it('keeps no more rows than fit under the title', () => {
    expect(screenText('1\n2\n3\n4\n', 80, 2)).toBe('1\n2\n');
    // A long line takes as many rows as it wraps onto.
    expect(screenText(`${'x'.repeat(100)}\n2\n`, 80, 2)).toBe(`${'x'.repeat(100)}\n`);
    expect(screenText(`${'x'.repeat(200)}\n`, 80, 2)).toBe('x'.repeat(160));
  });
});

const CLEAR = '\x1b[H\x1b[2J';

describe('watch', () => {
  it('runs the command every interval until the 10-minute cap interrupts it', () => {
    const s = createSession({ seed: 1 });
    runHeadless(s, 'kubectl create deployment my-app --image=nginx:1.27', registry);
    const start = s.world.now;
    const r = runHeadless(s, 'watch -n 5 kubectl get deploy', registry);
    expect(r.exitCode).toBe(130);
    expect(r.interrupted).toBe(true);
    const frames = r.stdout.split(CLEAR).slice(1);
    // At 0, 5, …, 600 seconds.
    expect(frames).toHaveLength(121);
    expect(frames[0]).toBe(
      `${headerLine(5, 'kubectl get deploy', 'gitops', start, 80)}\n\n` +
        'NAME     READY   UP-TO-DATE   AVAILABLE   AGE\nmy-app   0/1     1            0           0s\n',
    );
    expect(frames[1]).toContain('my-app   1/1     1            1           5s\n');
    expect(frames[120]).toContain(ctime(start + 600_000));
    expect(r.stderr).toBe('');
  });

  it('runs the words through the shell, stdout and stderr together', () => {
    const s = createSession({ seed: 1 });
    const r = runHeadless(s, "watch -t -n 60 'echo $HOME | wc -l; nosuch'", registry);
    expect(r.stdout.split(CLEAR)[1]).toBe('1\nbash: nosuch: command not found\n');
  });

  it('sizes the screen from COLUMNS and LINES, and names the host from HOSTNAME', () => {
    const s = createSession({ seed: 1 });
    Object.assign(s.env, { COLUMNS: '60', LINES: '4', HOSTNAME: 'laptop' });
    const r = runHeadless(s, `watch -n 300 'echo -e "a\\nb\\nc"'`, registry);
    const frame = r.stdout.split(CLEAR)[1] as string;
    const [title, blank, ...rest] = frame.split('\n');
    expect(title).toHaveLength(60);
    expect(title).toMatch(/^Every 300\.0s: echo -e "\.\.\. {2}laptop: Thu Jan 15 /);
    expect(blank).toBe('');
    expect(rest.join('\n')).toBe('a\nb\n');
  });

  it('draws each screen for the terminal size at the time, as after a resize', () => {
    const s = createSession({ seed: 1 });
    s.env.COLUMNS = '80';
    let out = '';
    const driver = new Driver(s, registry, (r: DriverRecord) => {
      if (r.type === 'output') out += r.text;
    });
    driver.submit('watch echo hi');
    s.env.COLUMNS = '50';
    driver.advanceTo(s.world.now + 2000);
    const [first, second] = out.split(CLEAR).slice(1);
    expect(first!.split('\n')[0]).toHaveLength(80);
    expect(second!.split('\n')[0]).toHaveLength(50);
  });

  it('keeps the variables its command sets to itself', () => {
    const s = createSession({ seed: 1 });
    runHeadless(s, 'watch X=1', registry);
    expect(s.env['X']).toBeUndefined();
  });

  it('exits when the output changes with -g', () => {
    const s = createSession({ seed: 1 });
    runHeadless(s, 'kubectl create deployment my-app --image=nginx:1.27', registry);
    const r = runHeadless(s, 'watch -g -t kubectl get deploy --no-headers', registry);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split(CLEAR)).toHaveLength(3);
  });

  it('streams frames as the clock moves and stops on Ctrl-C', () => {
    const s = createSession({ seed: 1 });
    const records: DriverRecord[] = [];
    const driver = new Driver(s, registry, (r) => records.push(r));
    driver.submit('watch -t echo hi');
    const frames = () => records.filter((r) => r.type === 'output').map((r) => r.text);
    expect(frames()).toEqual([`${CLEAR}hi\n`]);
    expect(driver.busy).toBe(true);
    driver.advanceTo(s.world.now + 4000);
    expect(frames()).toHaveLength(3);
    driver.interrupt();
    expect(records.at(-1)).toMatchObject({ type: 'end', exitCode: 130, interrupted: true });
  });

  it('answers usage mistakes as procps watch does', () => {
    const s = createSession({ seed: 1 });
    const usage = runHeadless(s, 'watch', registry);
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toMatch(/^\nUsage:\n watch \[options\] command\n\nOptions:\n/);
    expect(usage.stderr).toMatch(/\nFor more details see watch\(1\)\.\n$/);
    const help = runHeadless(s, 'watch -h', registry);
    expect([help.exitCode, help.stdout]).toEqual([0, usage.stderr]);
    expect(runHeadless(s, 'watch -v', registry).stdout).toBe('watch from procps-ng 4.0.2\n');
    const cases: [string, string][] = [
      ['watch -n abc ls', "watch: failed to parse argument: 'abc': Invalid argument\n"],
      ['watch -z ls', `watch: invalid option -- 'z'\n${usage.stderr}`],
      ['watch --foo ls', `watch: unrecognized option '--foo'\n${usage.stderr}`],
      ['watch -n', `watch: option requires an argument -- 'n'\n${usage.stderr}`],
      ['watch --int', `watch: option '--interval' requires an argument\n${usage.stderr}`],
      ['watch --beep=1 ls', `watch: option '--beep' doesn't allow an argument\n${usage.stderr}`],
      [
        'watch --no ls',
        `watch: option '--no' is ambiguous; possibilities: '--no-title' '--no-wrap'\n${usage.stderr}`,
      ],
    ];
    for (const [line, stderr] of cases) {
      const r = runHeadless(s, line, registry);
      expect([line, r.exitCode, r.stderr]).toEqual([line, 1, stderr]);
    }
  });

  it('never runs faster than every tenth of a second', () => {
    const s = createSession({ seed: 1 });
    const start = s.world.now;
    const r = runHeadless(s, 'watch -n 0 -t true', registry);
    expect(r.stdout.split(CLEAR)).toHaveLength(6001 + 1);
    expect(s.world.now - start).toBe(600_000);
  });
});
