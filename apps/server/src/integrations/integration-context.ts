import type { Clock, IdGenerator, IntegrationStore, Store, WebhookRetryPolicy } from '@ascolta/core';
import type { EndpointBreaker } from './endpoint-breaker.ts';

/** Timing of the integrations' jobs; from the configuration, shortened by tests. */
export interface IntegrationTiming {
  webhookRetry: WebhookRetryPolicy;
  /** Per HTTP request to a webhook endpoint. */
  webhookTimeoutMs: number;
  /** How often the event-log reader looks for new events. */
  dispatchIntervalMs: number;
  /** …and how often while the workspace has no endpoint and no CRM look-up (creating one starts it sooner). */
  idleDispatchIntervalMs: number;
  /** Settled deliveries older than this leave the delivery log. */
  deliveryRetentionMs: number;
  /** How often, per workspace, the dispatcher prunes the delivery log (up to `pruneBatchSize` rows a time). */
  pruneIntervalMs: number;
  /** How long the reader waits at a hole in the event sequence before stepping over it. */
  sequenceGapGraceMs: number;
  /** Wait before retrying a failed CRM look-up; doubled for each later try. */
  crmRetryDelayMs: number;
  /** Look-ups per trigger, the first included. */
  crmMaxAttempts: number;
  /** An endpoint that gave no answer this many times in a row is paused (its deliveries rescheduled unsent)… */
  endpointPauseAfterFailures: number;
  /** …for this long. */
  endpointPauseMs: number;
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
  breaker: EndpointBreaker;
  log: (line: string) => void;
}
