import { type Clock, defaultWebhookRetryPolicy, type IdGenerator, type Store } from '@ascolta/core';
import { createIntegrationStore, type JobRunner } from '@ascolta/db';
import type { Config } from '../config.ts';
import { deliverWebhookJob } from './deliver-webhook-job.ts';
import { dispatchEventsJob, dispatchKey } from './dispatch-events-job.ts';
import { createEndpointBreaker } from './endpoint-breaker.ts';
import { enrichCustomerJob } from './enrich-customer-job.ts';
import type { IntegrationContext, IntegrationTiming } from './integration-context.ts';

export const defaultIntegrationTiming: IntegrationTiming = {
  webhookRetry: defaultWebhookRetryPolicy,
  webhookTimeoutMs: 10_000,
  dispatchIntervalMs: 1000,
  idleDispatchIntervalMs: 5000,
  sequenceGapGraceMs: 10_000,
  deliveryRetentionMs: 30 * 86_400_000,
  pruneIntervalMs: 3_600_000,
  // 1, 2, then 4 minutes: a CRM restarting or briefly overloaded does not leave new customers unenriched.
  crmRetryDelayMs: 60_000,
  crmMaxAttempts: 4,
  endpointPauseAfterFailures: 3,
  endpointPauseMs: 60_000,
};

/** The configured timing; the sequence-gap grace is not configurable (it only matters under heavy write load). */
export const integrationTimingOf = (config: Config): IntegrationTiming => ({
  ...defaultIntegrationTiming,
  webhookRetry: {
    ...defaultWebhookRetryPolicy,
    maxAttempts: config.integrations.webhookMaxAttempts,
    baseDelayMs: config.integrations.webhookRetryBaseMs,
  },
  webhookTimeoutMs: config.integrations.webhookTimeoutMs,
  dispatchIntervalMs: config.integrations.dispatchIntervalMs,
  deliveryRetentionMs: config.integrations.webhookRetentionDays * 86_400_000,
});

export interface IntegrationJobOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  timing?: Partial<IntegrationTiming>;
  log: (line: string) => void;
}

/** Registers the webhook and CRM jobs on a runner (before `start`); returns their context. */
export const registerIntegrationJobs = (runner: JobRunner, options: IntegrationJobOptions): IntegrationContext => {
  const timing = { ...defaultIntegrationTiming, ...options.timing };
  const context: IntegrationContext = {
    store: options.store,
    integrations: createIntegrationStore(options.store),
    clock: options.clock,
    ids: options.ids,
    timing,
    random: Math.random,
    breaker: createEndpointBreaker(timing.endpointPauseAfterFailures, timing.endpointPauseMs),
    log: options.log,
  };
  runner.work('events.dispatch', dispatchEventsJob(context));
  runner.work('webhook.deliver', deliverWebhookJob(context));
  runner.work('crm.enrich', enrichCustomerJob(context));
  return context;
};

/** Starts the event-log reader of a workspace unless it already runs (one queued pass per workspace). */
export const startEventDispatch = async (store: Store, workspaceId: string): Promise<void> => {
  await store.jobs.send('events.dispatch', { workspaceId }, { singletonKey: dispatchKey(workspaceId) });
};

/** At start-up: one reader chain per workspace. */
export const startEventDispatchForAll = async (store: Store): Promise<void> => {
  for (const workspace of await store.workspaces.list()) await startEventDispatch(store, workspace.id);
};
