// git push (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const push: GitCommand = async (g) => fatal(g, 'not available yet');
