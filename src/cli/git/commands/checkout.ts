// git checkout (being written).
import type { GitCommand } from '../common';
import { fatal } from '../common';

export const checkout: GitCommand = async (g) => fatal(g, 'not available yet');
export const switchCmd: GitCommand = async (g) => fatal(g, 'not available yet');
export const restore: GitCommand = async (g) => fatal(g, 'not available yet');
