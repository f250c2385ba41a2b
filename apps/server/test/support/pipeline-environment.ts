import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresTestDatabase } from '@ascolta/db/testing';
import {
  type EmailSimulator,
  type PlatformSimulator,
  startEmailSimulator,
  startPlatformSimulator,
} from '@ascolta/simulator';
import { freePort } from './free-port.ts';

/** The outside world of one test file: simulated platforms and mail, and a fresh database for the server. */
export interface PipelineEnvironment {
  platform: PlatformSimulator;
  email: EmailSimulator;
  /** Environment variables for `loadConfig` or a child `ascolta start`. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the simulators and picks the server's database: a new PGlite folder, or a new PostgreSQL database
 * when `TEST_DATABASE_URL` is set. The server itself is started by the test (in-process or as a child).
 */
export const startPipelineEnvironment = async (
  options: { ownDatabase?: boolean } = {},
): Promise<PipelineEnvironment> => {
  const platform = await startPlatformSimulator();
  const email = await startEmailSimulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'ascolta-pipeline-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  // A child `ascolta start` needs a database of its own by URL; in-process servers use a test store instead.
  const database = serverUrl && options.ownDatabase ? await createPostgresTestDatabase(serverUrl) : null;
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    ASCOLTA_DATA_DIR: dataDir,
    ASCOLTA_DEMO: '1',
    LOG_LEVEL: 'silent',
    // Two jobs at a time per queue on PostgreSQL (PGlite always runs one): a customer's messages arrive back to
    // back here and must still be processed in order (per-author lock, ADR 0006).
    ASCOLTA_WORKER_CONCURRENCY: '2',
    ASCOLTA_SMTP_PORT: '0',
    META_GRAPH_URL: platform.graphBaseUrl,
    X_API_URL: platform.url,
    SMTP_RELAY_URL: `smtp://${email.host}:${email.smtpPort}`,
    ...(database === null ? {} : { DATABASE_URL: database.url }),
  };
  return {
    platform,
    email,
    env,
    async stop() {
      await platform.close();
      await email.stop();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
