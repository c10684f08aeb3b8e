// Every kubectl command the simulator knows, one file per command family.
import type { KubectlCommand } from '../command';
import { applyCommands } from './apply';
import { configCommands } from './config';
import { createCommands } from './create';
import { createMoreCommands } from './create-more';
import { deleteCommands } from './delete';
import { describeCommands } from './describe';
import { editCommands } from './edit';
import { eventsCommands } from './events';
import { exposeCommands } from './expose';
import { getCommands } from './get';
import { labelCommands } from './label';
import { logsCommands } from './logs';
import { miscCommands } from './misc';
import { rolloutCommands } from './rollout';
import { scaleCommands } from './scale';
import { setenvCommands } from './setenv';
import { setimageCommands } from './setimage';
import { waitCommands } from './wait';

export const commands: readonly KubectlCommand[] = [
  ...createCommands,
  ...createMoreCommands,
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
  ...applyCommands,
  ...labelCommands,
  ...setenvCommands,
  ...waitCommands,
  ...configCommands,
  ...editCommands,
];
