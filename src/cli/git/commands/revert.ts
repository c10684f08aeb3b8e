// git revert (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const revert: GitCommand = async (g) => fatal(g, 'not available yet');
