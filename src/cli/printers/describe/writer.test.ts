// Formats from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): prefixWriter,
// tabbedString, printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline (cases
// from its describe_test.go TestDescribePodTolerations).
import { describe, expect, it } from 'vitest';
import {
  LEVEL_0,
  LEVEL_1,
  formatRFC1123Z,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  tabbedString,
} from './writer';

describe('tabbedString', () => {
  it('aligns runs of tabbed lines, indents two spaces a level, restarts after a flush', () => {
    const out = tabbedString((w) => {
      w.write(LEVEL_0, 'Name:\tx\n');
      w.write(LEVEL_0, 'Long label:\ty\n');
      w.write(LEVEL_0, 'Section:\n');
      w.write(LEVEL_1, 'A:\t1\n');
      w.flush();
      w.write(LEVEL_1, 'Much longer:\t2\n');
    });
    expect(out).toBe(
      ['Name:        x', 'Long label:  y', 'Section:', '  A:  1', '  Much longer:  2', ''].join(
        '\n',
      ),
    );
  });

  it('shows terminal control characters instead of sending them', () => {
    expect(tabbedString((w) => w.write(LEVEL_0, 'a\x1b[31mb\rc\n'))).toBe('a^[[31mb\\rc\n');
  });
});

describe('multi-line blocks', () => {
  it('prints labels sorted, one per line', () => {
    const out = tabbedString((w) =>
      printLabelsMultiline(w, 'Labels', { b: '2', a: '1', 'a.b/c': '' }),
    );
    expect(out).toBe('Labels:  a=1\n         a.b/c=\n         b=2\n');
    expect(tabbedString((w) => printLabelsMultiline(w, 'Labels', {}))).toBe('Labels:  <none>\n');
  });

  it('hides last-applied-configuration and folds long or multi-line annotations', () => {
    const out = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        long: 'y'.repeat(150),
        multi: 'one\ntwo\n',
        short: 'v',
      }),
    );
    expect(out).toBe(
      [
        'Annotations:  long:',
        `                ${'y'.repeat(138)}...`,
        '              multi:',
        '                one',
        '                two',
        '              short: v',
        '',
      ].join('\n'),
    );
    const onlyHidden = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    expect(tabbedString((w) => printAnnotationsMultiline(w, 'Annotations', onlyHidden))).toBe(
      'Annotations:  <none>\n',
    );
  });

  it('prints tolerations as kubectl does', () => {
    const out = tabbedString((w) =>
      printTolerationsMultiline(w, 'Tolerations', [
        { operator: 'Exists' },
        { effect: 'NoSchedule', operator: 'Exists' },
        { key: 'key0', operator: 'Exists' },
        { key: 'key1', value: 'value1' },
        { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
        { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
      ]),
    );
    expect(out.split('\n')).toEqual([
      'Tolerations:  op=Exists',
      '              :NoSchedule op=Exists',
      '              key0 op=Exists',
      '              key1=value1',
      '              key2=value2:NoSchedule',
      '              key3=value3:NoExecute for 300s',
      '              key4:NoExecute for 60s',
      '',
    ]);
  });
});

describe('times', () => {
  it("uses Go's RFC1123Z layout in UTC", () => {
    expect(formatRFC1123Z(Date.UTC(2016, 2, 15, 21, 48, 4))).toBe(
      'Tue, 15 Mar 2016 21:48:04 +0000',
    );
    expect(formatTime('2024-07-05T03:04:05Z')).toBe('Fri, 05 Jul 2024 03:04:05 +0000');
    expect(formatTime(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});
