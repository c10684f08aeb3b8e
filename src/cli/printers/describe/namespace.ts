// `kubectl describe namespace`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): describeNamespace,
// DescribeResourceQuotas, DescribeLimitRanges. The simulator has neither ResourceQuotas nor
// LimitRanges, so both lists are empty, as in a fresh cluster.
import type { Namespace } from 'kubernetes-types/core/v1';
import {
  LEVEL_0,
  LEVEL_1,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer';

export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}
