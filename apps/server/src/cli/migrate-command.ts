import { openStore } from '@ascolta/db';
import { type CliCommand, parseFlags, writeLine } from './cli-command.ts';
import { loadConfigOrExplain } from './load-config-or-explain.ts';

export const migrateCommand: CliCommand = {
  summary: 'Apply database migrations and exit',
  help: [
    'Usage: ascolta migrate',
    '',
    'Applies pending migrations to the embedded database (ASCOLTA_DATA_DIR) or to DATABASE_URL, then exits.',
    'Safe to run repeatedly and from several machines: migrations run under a database lock.',
  ].join('\n'),
  async run(args, io) {
    parseFlags(args, {});
    const config = loadConfigOrExplain(io);
    if (config === null) return 1;
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await store.migrate();
      const status = await store.status();
      writeLine(
        io.stdout,
        `${status.driver}: ${status.migrations.length} migrations applied (latest ${status.migrations.at(-1) ?? 'none'})`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
