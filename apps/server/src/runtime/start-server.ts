import { type BuiltinTriage, loadBuiltinTriage } from '@ascolta/ai';
import type { HealthResponse } from '@ascolta/contracts';
import type { Store } from '@ascolta/core';
import { openStore, type SqlStore } from '@ascolta/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type EmailIntake, startEmailIntake } from '../channels/start-email-intake.ts';
import type { Config, Role } from '../config.ts';
import { demoWorkspaceId } from '../demo/demo-ids.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { surveyLinksOf } from '../routes/survey-links.ts';
import { surveyPageRoutes } from '../routes/survey-page-routes.ts';
import { customWebhookRoutes, metaWebhookRoutes, xWebhookRoutes } from '../webhooks/index.ts';
import { createClassifier } from './create-classifier.ts';
import { demoBanner, withDemoSecrets } from './demo-secrets.ts';
import { startWorkers, type Workers } from './start-workers.ts';
import { systemClock } from './system-clock.ts';
import { uuidV7 } from './uuid-v7.ts';
import { version } from './version.ts';

export interface RunningServer {
  app: FastifyInstance | null;
  url: string | null;
  /** The built-in SMTP listener's port, or null when it is off. */
  smtpPort: number | null;
  store: Store;
  stop(): Promise<void>;
}

/**
 * Opens the store, migrates, seeds the demo when asked, then serves HTTP and/or runs workers by role.
 * Demo mode defaults to on for a new embedded data folder and off for PostgreSQL.
 */
export const startServer = async (
  config: Config,
  role: Role,
  log: (line: string) => void,
  options: { store?: SqlStore } = {},
): Promise<RunningServer> => {
  // Tests hand in a store cloned from a migrated template; the server owns and closes it either way.
  const store = options.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await store.migrate();
    const isNewDatabase = (await store.workspaces.list()).length === 0;
    const isDemo = await decideDemo(store, config, isNewDatabase);
    // The models are read once per process, and only when something here classifies. The demo is seeded with
    // them whatever adapter is configured, so its tickets stay the same; the workers use the configured one.
    let classifier: BuiltinTriage | null = null;
    const builtinClassifier = (): BuiltinTriage => {
      classifier ??= loadBuiltinTriage();
      return classifier;
    };
    // Built before the demo is seeded, so a bad model folder stops the start before any data is written.
    const pipelineClassifier = role === 'api' ? null : await createClassifier(config, builtinClassifier(), log);
    if (isDemo && (await seedDemo(store, builtinClassifier()))) log('seeded the demo workspace');
    const settings = withDemoSecrets(config, isDemo);
    const startedAt = Date.now();
    const workers: Workers | null =
      pipelineClassifier === null ? null : await startWorkers(store, settings, { log, classifier: pipelineClassifier });

    const readHealth = async (): Promise<HealthResponse> => {
      const status = await store.status();
      return {
        status: 'ok',
        version,
        role,
        store: {
          driver: status.driver,
          migrationsApplied: status.migrations.length,
          latestMigration: status.migrations.at(-1) ?? null,
        },
        jobs: { running: workers?.isRunning() ?? false },
        demo: isDemo,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    };

    let app: FastifyInstance | null = null;
    let url: string | null = null;
    let intake: EmailIntake | null = null;
    if (role !== 'worker') {
      app = await buildApp({
        store,
        version,
        bodyLimitBytes: settings.bodyLimitBytes,
        logger: { level: settings.logLevel },
        readHealth,
        plugins: [
          (server) => registerWebhooks(server, store, settings, log),
          async (server) => {
            const links = surveyLinksOf(settings);
            await server.register(surveyPageRoutes, { store, clock: systemClock, ids: uuidV7(), links });
          },
        ],
      });
      url = await app.listen({ port: settings.port, host: settings.host });
      intake = await startSmtpIntake(store, settings, isDemo, log);
      if (isDemo)
        log(demoBanner(`http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port}`));
    }
    const stop = async () => {
      await intake?.stop();
      await app?.close();
      await workers?.stop();
      await store.close();
    };
    return { app, url, smtpPort: intake?.port ?? null, store, stop };
  } catch (error) {
    await store.close();
    throw error;
  }
};

const decideDemo = async (store: Store, config: Config, isNewDatabase: boolean): Promise<boolean> => {
  if (config.demo !== null) return config.demo;
  if ((await store.workspaces.get(demoWorkspaceId)) !== null) return true;
  return isNewDatabase && config.databaseUrl === null;
};

/** Each platform's webhook is served only when its secrets are configured (always in demo mode). */
const registerWebhooks = async (app: FastifyInstance, store: Store, config: Config, log: (line: string) => void) => {
  const base = { store, clock: systemClock, ids: uuidV7(), bodyLimitBytes: config.bodyLimitBytes };
  const secrets = {
    metaAppSecret: config.meta.appSecret ?? '',
    metaVerifyToken: config.meta.verifyToken ?? '',
    xConsumerSecret: config.x.consumerSecret ?? '',
  };
  await app.register(customWebhookRoutes, { ...base, ...secrets });
  if (config.meta.appSecret !== null && config.meta.verifyToken !== null) {
    await app.register(metaWebhookRoutes, { ...base, ...secrets });
  } else {
    log('Meta webhooks are off: set META_APP_SECRET and META_VERIFY_TOKEN to receive them');
  }
  if (config.x.consumerSecret !== null) {
    await app.register(xWebhookRoutes, { ...base, ...secrets });
  } else {
    log('X webhooks are off: set X_CONSUMER_SECRET to receive them');
  }
};

const demoSmtpPort = 2525;

/**
 * The inbound SMTP listener: on the configured port, or on 2525 in demo mode. The demo default gives way
 * to whatever already holds the port (another local instance); a configured port must be free.
 */
const startSmtpIntake = async (store: Store, config: Config, isDemo: boolean, log: (line: string) => void) => {
  const port = config.smtpListenerPort ?? (isDemo ? demoSmtpPort : null);
  if (port === null) return null;
  const options = { store, clock: systemClock, ids: uuidV7(), host: config.host, port, maxSizeBytes: 25 * 1024 * 1024 };
  try {
    const intake = await startEmailIntake(options);
    if (intake !== null) log(`inbound e-mail: SMTP on ${config.host}:${intake.port}`);
    return intake;
  } catch (error) {
    if (config.smtpListenerPort !== null) throw error;
    log(`inbound e-mail: SMTP listener off, port ${port} is taken (${error instanceof Error ? error.message : error})`);
    return null;
  }
};
