// Every kubectl command the simulator knows, one file per command family.
import type { KubectlCommand } from '../command';
import { createCommands } from './create';
import { deleteCommands } from './delete';
import { describeCommands } from './describe';
import { eventsCommands } from './events';
import { exposeCommands } from './expose';
import { getCommands } from './get';
import { logsCommands } from './logs';
import { miscCommands } from './misc';
import { rolloutCommands } from './rollout';
import { scaleCommands } from './scale';
import { setimageCommands } from './setimage';

export const commands: readonly KubectlCommand[] = [
  ...createCommands,
  ...exposeCommands,
  ...scaleCommands,
  ...setimageCommands,
  ...rolloutCommands,
  ...getCommands,
  ...describeCommands,
  ...deleteCommands,
  ...logsCommands,
  ...eventsCommands,
  ...miscCommands,
];
