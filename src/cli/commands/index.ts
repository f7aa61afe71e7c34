// The registry of `tinnhiem` subcommands, in the order `--help` lists them.

import type { Command } from '../command.js';
import { backupCommand } from './backup.js';
import { demoCommand } from './demo.js';
import { documentsCommand } from './documents.js';
import { restoreCommand } from './restore.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';
import { tallyCommand } from './tally.js';
import { verifyCommand } from './verify.js';

/** Every subcommand. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  tallyCommand,
  verifyCommand,
  simulateCommand,
  documentsCommand,
  demoCommand,
  backupCommand,
  restoreCommand,
];
