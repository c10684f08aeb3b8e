// Labels from staging/src/k8s.io/kubectl/pkg/describe/describe.go (release-1.32): smartLabelFor,
// built on github.com/fatih/camelcase (Split).
import { describe, expect, it } from 'vitest';
import { camelcaseSplit, smartLabelFor } from './generic';

describe('smartLabelFor', () => {
  it('splits camelCase, upper-cases known acronyms and keeps odd names as they are', () => {
    expect(smartLabelFor('involvedObject')).toBe('Involved Object');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('reportingComponent')).toBe('Reporting Component');
    expect(smartLabelFor('a.b/c')).toBe('a.b/c');
    expect(smartLabelFor('x1')).toBe('x1');
  });

  it('moves the last capital of a run to the next word', () => {
    expect(camelcaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelcaseSplit('GL11Version')).toEqual(['GL', '11', 'Version']);
  });
});
