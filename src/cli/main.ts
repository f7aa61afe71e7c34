// `tinnhiem`: dispatches to a subcommand; prints help; maps bad usage to exit status 2.

import { EXIT, type CliIo } from './command.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('tinnhiem 0.1.0\n');
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`error [unknown_command]: unknown command "${name}"; run tinnhiem --help\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

function helpText(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Tín nhiệm — lấy phiếu tín nhiệm / confidence votes',
    '',
    'Usage: tinnhiem <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "tinnhiem <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
