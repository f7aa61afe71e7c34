// The registry of `tinnhiem` subcommands, in the order `--help` lists them.

import type { Command } from '../command.js';
import { tallyCommand } from './tally.js';

/** Every subcommand. */
export const COMMANDS: readonly Command[] = [tallyCommand];
