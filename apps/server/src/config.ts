import { type CompanyModelField, companyModelFields, type OnnxLabelMapping, onnxLabelMapping } from '@ascolta/ai';
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

export const triageAdapters = ['builtin', 'onnx', 'llm'] as const;

const timeoutMs = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 600000')
  .max(600_000, 'must be between 1 and 600000');

const environmentBase = z.object({
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
  ASCOLTA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  ASCOLTA_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  ASCOLTA_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  ASCOLTA_WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ASCOLTA_EVENT_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  ASCOLTA_TRIAGE_ADAPTER: z.enum(triageAdapters).default('builtin'),
  ASCOLTA_TRIAGE_ONNX_DIR: z.string().min(1).optional(),
  ASCOLTA_TRIAGE_ONNX_LABELS: onnxLabelMapping.optional(),
  ASCOLTA_TRIAGE_ONNX_TIMEOUT_MS: timeoutMs.default(2000),
  ASCOLTA_TRIAGE_LLM_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  ASCOLTA_TRIAGE_LLM_MODEL: z.string().min(1).optional(),
  ASCOLTA_TRIAGE_LLM_API_KEY: z.string().min(1).optional(),
  ASCOLTA_TRIAGE_LLM_TIMEOUT_MS: timeoutMs.default(10_000),
  ASCOLTA_TRIAGE_COMPANY_MODEL: z.string().min(1).optional(),
  ASCOLTA_TRIAGE_COMPANY_FIELD: z.enum(companyModelFields).default('category'),
});

// The chosen adapter's own variables must be set; the other adapters' are ignored.
const requiredByAdapter = {
  builtin: [],
  onnx: ['ASCOLTA_TRIAGE_ONNX_DIR'],
  llm: ['ASCOLTA_TRIAGE_LLM_URL', 'ASCOLTA_TRIAGE_LLM_MODEL'],
} as const satisfies Record<(typeof triageAdapters)[number], readonly (keyof z.infer<typeof environmentBase>)[]>;

const environmentSchema = environmentBase.superRefine((env, context) => {
  for (const name of requiredByAdapter[env.ASCOLTA_TRIAGE_ADAPTER]) {
    if (env[name] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `is required when ASCOLTA_TRIAGE_ADAPTER=${env.ASCOLTA_TRIAGE_ADAPTER}`,
      });
    }
  }
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
  /** Outbound webhooks: per-request timeout, attempts per delivery, first retry wait; event-log reading pace. */
  integrations: {
    webhookTimeoutMs: number;
    webhookMaxAttempts: number;
    webhookRetryBaseMs: number;
    dispatchIntervalMs: number;
    /** How long the delivery log keeps a settled (succeeded or failed) delivery. */
    webhookRetentionDays: number;
  };
  /** Which classifier the pipeline triages with; the optional adapters fall back to the built-in models. */
  triage: TriageAdapterConfig;
  /** A model made by `ascolta triage train` that takes one triage decision (`field`) for the pipeline. */
  triageCompanyModel: { dir: string; field: CompanyModelField } | null;
}

export type TriageAdapterConfig =
  | { adapter: 'builtin' }
  | { adapter: 'onnx'; modelDir: string; labels: OnnxLabelMapping; timeoutMs: number }
  | { adapter: 'llm'; baseUrl: string; model: string; apiKey: string | null; timeoutMs: number };

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
    integrations: {
      webhookTimeoutMs: env.ASCOLTA_WEBHOOK_TIMEOUT_MS,
      webhookMaxAttempts: env.ASCOLTA_WEBHOOK_MAX_ATTEMPTS,
      webhookRetryBaseMs: env.ASCOLTA_WEBHOOK_RETRY_BASE_MS,
      dispatchIntervalMs: env.ASCOLTA_EVENT_DISPATCH_INTERVAL_MS,
      webhookRetentionDays: env.ASCOLTA_WEBHOOK_RETENTION_DAYS,
    },
    triage: triageOf(env),
    triageCompanyModel:
      env.ASCOLTA_TRIAGE_COMPANY_MODEL === undefined
        ? null
        : { dir: env.ASCOLTA_TRIAGE_COMPANY_MODEL, field: env.ASCOLTA_TRIAGE_COMPANY_FIELD },
  };
};

const triageOf = (env: z.infer<typeof environmentSchema>): TriageAdapterConfig => {
  switch (env.ASCOLTA_TRIAGE_ADAPTER) {
    case 'builtin':
      return { adapter: 'builtin' };
    case 'onnx':
      // The adapter's required variables are present: `requiredByAdapter` checked them.
      return {
        adapter: 'onnx',
        modelDir: env.ASCOLTA_TRIAGE_ONNX_DIR ?? '',
        labels: env.ASCOLTA_TRIAGE_ONNX_LABELS ?? {},
        timeoutMs: env.ASCOLTA_TRIAGE_ONNX_TIMEOUT_MS,
      };
    case 'llm':
      return {
        adapter: 'llm',
        baseUrl: env.ASCOLTA_TRIAGE_LLM_URL ?? '',
        model: env.ASCOLTA_TRIAGE_LLM_MODEL ?? '',
        apiKey: env.ASCOLTA_TRIAGE_LLM_API_KEY ?? null,
        timeoutMs: env.ASCOLTA_TRIAGE_LLM_TIMEOUT_MS,
      };
  }
};

const smtpRelayOf = (value: string): Config['smtpRelay'] => {
  const url = new URL(value);
  return { host: url.hostname, port: Number(url.port), secure: url.protocol === 'smtps:' };
};
