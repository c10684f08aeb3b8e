// The `argocd` CLI (being written).
import type { Program } from '../program';

export const argocd: Program = {
  name: 'argocd',
  summary: 'Argo CD command line (against the current kubectl context, as --core)',
  run: (ctx) => {
    ctx.err('argocd: not available yet\n');
    return 1;
  },
};
