// git show (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const show: GitCommand = async (g) => fatal(g, 'not available yet');
