// kubectl wait (being written).
import type { KubectlCommand } from '../command';

export const waitCommands: KubectlCommand[] = [];
