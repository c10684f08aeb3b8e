// kubectl label (being written).
import type { KubectlCommand } from '../command';

export const labelCommands: KubectlCommand[] = [];
