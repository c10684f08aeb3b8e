// git fetch (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const fetch: GitCommand = async (g) => fatal(g, 'not available yet');
export const pull: GitCommand = async (g) => fatal(g, 'not available yet');
