// git clone (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const clone: GitCommand = async (g) => fatal(g, 'not available yet');
