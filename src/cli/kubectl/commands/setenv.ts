// kubectl setenv (being written).
import type { KubectlCommand } from '../command';

export const setenvCommands: KubectlCommand[] = [];
