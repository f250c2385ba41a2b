import { benchCommand } from './bench-command.ts';
import type { CliCommand } from './cli-command.ts';
import { triageCommand } from './triage-command.ts';

/** Every `ascolta` command. Each lives in its own file, named after the command. */
export const commands = {
  bench: benchCommand,
  triage: triageCommand,
} satisfies Record<string, CliCommand>;
