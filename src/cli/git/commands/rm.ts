// git rm (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const rm: GitCommand = async (g) => fatal(g, 'not available yet');
export const mv: GitCommand = async (g) => fatal(g, 'not available yet');
