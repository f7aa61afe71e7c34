// Runs the CLI from source under tsx, as bin/tinnhiem.js runs the build: the e2e harness starts `serve` with it.

import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
