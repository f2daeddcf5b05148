import type { CliCommand } from './command.ts';
import { accountsCommands } from './accounts.commands.ts';
import { lrsCommands } from './lrs.commands.ts';
import { coursesCommands } from './courses.commands.ts';
import { projectionsCommands } from './projections.commands.ts';
import { certificatesCommands } from '../certificates/certificates.commands.ts';
import { bundleCommands } from '../certificates/bundle/bundle.commands.ts';

/** Every CLI command. Keep their words and output stable: operators' scripts depend on them. */
export const commands: CliCommand[] = [...accountsCommands, ...lrsCommands, ...coursesCommands, ...projectionsCommands, ...certificatesCommands, ...bundleCommands];
