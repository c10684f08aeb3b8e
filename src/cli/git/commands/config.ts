// git config (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const config: GitCommand = async (g) => fatal(g, 'not available yet');
