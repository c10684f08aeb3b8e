// git remote (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const remote: GitCommand = async (g) => fatal(g, 'not available yet');
