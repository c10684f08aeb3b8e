// git merge (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const merge: GitCommand = async (g) => fatal(g, 'not available yet');
