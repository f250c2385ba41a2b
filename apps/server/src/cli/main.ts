import { type CliCommand, type CliIo, UsageError, wantsHelp, writeLine } from './cli-command.ts';
import { commands } from './commands.ts';

const usage = async (): Promise<string> => {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = await Promise.all(
    Object.entries(commands).map(async ([name, load]) => `  ${name.padEnd(width)}  ${(await load()).summary}`),
  );
  return [
    'Usage: ascolta <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `ascolta <command> --help` for the options of one command.',
  ].join('\n');
};

const isCommandName = (name: string): name is keyof typeof commands => Object.hasOwn(commands, name);

export const main = async (argv: string[], io: CliIo = processIo()): Promise<number> => {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, await usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    writeLine(io.stdout, process.env.npm_package_version ?? '0.1.0');
    return 0;
  }
  if (!isCommandName(name)) {
    writeLine(io.stderr, `ascolta: unknown command '${name}'. Run 'ascolta --help' for the list.`);
    return 2;
  }
  const command: CliCommand = await commands[name]();
  if (wantsHelp(args) && !args.slice(0, 1).some((arg) => !arg.startsWith('-'))) {
    writeLine(io.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `ascolta ${name}: ${error.message}. Run 'ascolta ${name} --help'.`);
      return 2;
    }
    // Operational failures (a locked data folder, an unreachable database) are one line, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    writeLine(io.stderr, `ascolta ${name}: ${message.split('\n')[0]}`);
    if (io.env.LOG_LEVEL === 'debug' || io.env.LOG_LEVEL === 'trace') {
      writeLine(io.stderr, error instanceof Error ? (error.stack ?? message) : message);
    }
    return 1;
  }
};

const processIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
