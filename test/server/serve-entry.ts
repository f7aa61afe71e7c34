// Runs the CLI from source (tsx), as bin/tinnhiem.js runs the build: for tests that start the real server.

import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
