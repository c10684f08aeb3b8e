// git reset (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const reset: GitCommand = async (g) => fatal(g, 'not available yet');
