import type { Clock, IdGenerator, IntegrationStore, Store, WebhookRetryPolicy } from '@ascolta/core';

/** Timing of the integrations' jobs; from the configuration, shortened by tests. */
export interface IntegrationTiming {
  webhookRetry: WebhookRetryPolicy;
  /** Per HTTP request to a webhook endpoint. */
  webhookTimeoutMs: number;
  /** How often the event-log reader looks for new events. */
  dispatchIntervalMs: number;
  /** How long the reader waits at a hole in the event sequence before stepping over it. */
  sequenceGapGraceMs: number;
  /** Wait before retrying a failed CRM look-up; doubled for each later try. */
  crmRetryDelayMs: number;
  /** Look-ups per trigger, the first included. */
  crmMaxAttempts: number;
}

/** What the webhook and CRM jobs work with. */
export interface IntegrationContext {
  store: Store;
  integrations: IntegrationStore;
  clock: Clock;
  ids: IdGenerator;
  timing: IntegrationTiming;
  /** A number in [0, 1) for the retry jitter. */
  random: () => number;
  log: (line: string) => void;
}
