import type { CliCommand } from './cli-command.ts';

/**
 * Every `ascolta` command, each in its own file named after the command, loaded only when it runs:
 * `ascolta triage` must not pay for importing the server, the database and the simulator.
 */
export const commands = {
  start: async () => (await import('./start-command.ts')).startCommand,
  migrate: async () => (await import('./migrate-command.ts')).migrateCommand,
  seed: async () => (await import('./seed-command.ts')).seedCommand,
  bench: async () => (await import('./bench-command.ts')).benchCommand,
  triage: async () => (await import('./triage-command.ts')).triageCommand,
  simulate: async () => (await import('./simulate-command.ts')).simulateCommand,
} satisfies Record<string, () => Promise<CliCommand>>;
