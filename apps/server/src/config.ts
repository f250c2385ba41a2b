import { z } from 'zod';

/** The only reader of the environment. Every variable is listed in the README's configuration table. */

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// or postgresql:// URL');

export const roles = ['all', 'api', 'worker'] as const;
export type Role = (typeof roles)[number];

const environmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ASCOLTA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  ASCOLTA_DEMO: booleanFlag.optional(),
  ASCOLTA_ROLE: z.enum(roles).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ASCOLTA_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  ASCOLTA_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  ASCOLTA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  ASCOLTA_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  ASCOLTA_SURVEY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  META_VERIFY_TOKEN: z.string().min(1).optional(),
  META_GRAPH_URL: z.url().default('https://graph.facebook.com/v21.0'),
  X_CONSUMER_SECRET: z.string().min(1).optional(),
  X_API_URL: z.url().default('https://api.x.com'),
  META_ACCESS_TOKEN: z.string().min(1).optional(),
  X_ACCESS_TOKEN: z.string().min(1).optional(),
  ASCOLTA_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_RELAY_URL: z
    .url()
    .refine((value) => /^smtps?:\/\/[^/]+:\d+\/?$/.test(value), 'must be smtp://host:port or smtps://host:port')
    .optional(),
  ASCOLTA_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Null when unset: demo mode then follows whether the data folder is new. */
  demo: boolean | null;
  role: Role;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  workerConcurrency: number;
  /** Where customers reach this server (survey links); null: `http://HOST:PORT`. */
  publicUrl: string | null;
  /** Signs survey links; null: surveys go out without a link (demo mode has a documented one). */
  surveySecret: string | null;
  meta: { appSecret: string | null; verifyToken: string | null; graphUrl: string; accessToken: string | null };
  x: { consumerSecret: string | null; apiUrl: string; accessToken: string | null };
  /** The built-in inbound SMTP listener's port (0: any free port); null: on at 2525 in demo mode, else off. */
  smtpListenerPort: number | null;
  /** Where e-mail replies go when a channel's settings name no SMTP server. */
  smtpRelay: { host: string; port: number; secure: boolean } | null;
  pollIntervalSeconds: number;
}

/** A bad variable, reported as one line that names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const loadConfig = (environment: Readonly<Record<string, string | undefined>>): Config => {
  // An empty variable means "not set", as it does for most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}=${JSON.stringify(environment[name] ?? '')} ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.ASCOLTA_DATA_DIR,
    databaseUrl: env.DATABASE_URL ?? null,
    demo: env.ASCOLTA_DEMO ?? null,
    role: env.ASCOLTA_ROLE,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.ASCOLTA_BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.ASCOLTA_SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: env.ASCOLTA_WORKER_CONCURRENCY,
    publicUrl: env.ASCOLTA_PUBLIC_URL ?? null,
    surveySecret: env.ASCOLTA_SURVEY_SECRET ?? null,
    meta: {
      appSecret: env.META_APP_SECRET ?? null,
      verifyToken: env.META_VERIFY_TOKEN ?? null,
      graphUrl: env.META_GRAPH_URL,
      accessToken: env.META_ACCESS_TOKEN ?? null,
    },
    x: {
      consumerSecret: env.X_CONSUMER_SECRET ?? null,
      apiUrl: env.X_API_URL,
      accessToken: env.X_ACCESS_TOKEN ?? null,
    },
    smtpListenerPort: env.ASCOLTA_SMTP_PORT ?? null,
    smtpRelay: env.SMTP_RELAY_URL === undefined ? null : smtpRelayOf(env.SMTP_RELAY_URL),
    pollIntervalSeconds: env.ASCOLTA_POLL_INTERVAL_SECONDS,
  };
};

const smtpRelayOf = (value: string): Config['smtpRelay'] => {
  const url = new URL(value);
  return { host: url.hostname, port: Number(url.port), secure: url.protocol === 'smtps:' };
};
