// kubectl apply (being written).
import type { KubectlCommand } from '../command';

export const applyCommands: KubectlCommand[] = [];
