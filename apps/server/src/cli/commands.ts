import { benchCommand } from './bench-command.ts';
import type { CliCommand } from './cli-command.ts';

/** Every `ascolta` command. Each lives in its own file, named after the command. */
export const commands = {
  bench: benchCommand,
} satisfies Record<string, CliCommand>;
