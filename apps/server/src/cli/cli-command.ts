import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Where a command reads and writes; injected so commands are testable without a terminal. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface CliCommand {
  summary: string;
  /** Full `--help` text: usage line, flags, examples. */
  help: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed as one line with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a missing value is a `UsageError` naming it. */
export const parseFlags = <T extends Options>(args: string[], options: T, allowPositionals = false) => {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
};

export const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');

export const writeLine = (stream: NodeJS.WritableStream, line: string): void => {
  stream.write(`${line}\n`);
};
