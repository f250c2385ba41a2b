import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadBuiltinTriage } from '@ascolta/ai';
import { openStore } from '@ascolta/db';
import { seedDemo } from '../demo/seed-demo.ts';
import { type CliCommand, parseFlags, UsageError, writeLine } from './cli-command.ts';
import { loadConfigOrExplain } from './load-config-or-explain.ts';

export const seedCommand: CliCommand = {
  summary: 'Seed the demo workspace (--reset wipes the embedded data folder first)',
  help: [
    'Usage: ascolta seed [--reset]',
    '',
    'Migrates the database and writes the deterministic demo workspace if it is not there yet.',
    '',
    'Options:',
    '  --reset     delete the embedded data folder (ASCOLTA_DATA_DIR) first; refused with DATABASE_URL',
    '  -h, --help  show this help',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, { reset: { type: 'boolean', default: false } });
    const config = loadConfigOrExplain(io);
    if (config === null) return 1;
    if (values.reset) {
      if (config.databaseUrl !== null) {
        throw new UsageError('--reset only wipes the embedded data folder; drop a PostgreSQL database yourself');
      }
      // Opening the store first would take the lock; a running server holds it, so check by opening.
      const probe = await openStore({ databaseUrl: null, dataDir: config.dataDir });
      await probe.close();
      await rm(resolve(io.cwd, config.dataDir), { recursive: true, force: true });
      writeLine(io.stdout, `removed ${config.dataDir}`);
    }
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await store.migrate();
      const seeded = await seedDemo(store, loadBuiltinTriage());
      writeLine(io.stdout, seeded ? 'seeded the demo workspace' : 'the demo workspace is already there: nothing to do');
      return 0;
    } finally {
      await store.close();
    }
  },
};
