// git diff (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const diff: GitCommand = async (g) => fatal(g, 'not available yet');
