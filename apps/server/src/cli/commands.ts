import { benchCommand } from './bench-command.ts';
import type { CliCommand } from './cli-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { seedCommand } from './seed-command.ts';
import { simulateCommand } from './simulate-command.ts';
import { startCommand } from './start-command.ts';
import { triageCommand } from './triage-command.ts';

/** Every `ascolta` command. Each lives in its own file, named after the command. */
export const commands = {
  start: startCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  bench: benchCommand,
  triage: triageCommand,
  simulate: simulateCommand,
} satisfies Record<string, CliCommand>;
