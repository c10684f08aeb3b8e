// git branch (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const branch: GitCommand = async (g) => fatal(g, 'not available yet');
