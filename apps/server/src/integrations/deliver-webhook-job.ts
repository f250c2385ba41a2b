import {
  type JobHandler,
  shapeWebhookPayload,
  type WebhookDelivery,
  type WebhookEndpoint,
  webhookRetryDelayMs,
} from '@ascolta/core';
import type { IntegrationContext } from './integration-context.ts';
import { isSuccessStatus, type PostOutcome, postJson } from './post-json.ts';
import { signWebhook } from './webhook-signature.ts';

type AttemptResult = { isSuccess: true; status: number } | { isSuccess: false; status: number | null; error: string };

const toAttemptResult = (outcome: PostOutcome): AttemptResult => {
  if (outcome.kind === 'failed') return { isSuccess: false, status: null, error: outcome.error };
  if (isSuccessStatus(outcome.status)) return { isSuccess: true, status: outcome.status };
  const said = outcome.body.trim().replace(/\s+/g, ' ').slice(0, 300);
  return { isSuccess: false, status: outcome.status, error: `HTTP ${outcome.status}${said ? `: ${said}` : ''}` };
};

/** One signed POST of the delivery's event to the endpoint. */
const attempt = async (
  context: IntegrationContext,
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
): Promise<AttemptResult> => {
  const [event] = await context.store.events.list({
    workspaceId: delivery.workspaceId,
    afterSequence: delivery.eventSequence - 1,
    limit: 1,
  });
  if (event === undefined || event.id !== delivery.eventId) {
    return { isSuccess: false, status: null, error: `event ${delivery.eventId} is no longer in the log` };
  }
  const body = JSON.stringify(shapeWebhookPayload(event));
  const timestamp = Math.floor(context.clock.now().getTime() / 1000);
  const headers = {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(endpoint.secret, delivery.id, timestamp, body),
  };
  return toAttemptResult(await postJson(endpoint.url, body, headers, context.timing.webhookTimeoutMs));
};

/** Records an attempt; a failure is retried after the backoff, or marks the delivery failed at the limit. */
const recordAttempt = async (context: IntegrationContext, delivery: WebhookDelivery, result: AttemptResult) => {
  await context.integrations.transaction(async (tx) => {
    const current = await tx.webhookDeliveries.get(delivery.workspaceId, delivery.id);
    if (current === null) return;
    const now = context.clock.now();
    const counted = {
      ...current,
      attemptCount: current.attemptCount + 1,
      roundAttempts: current.roundAttempts + 1,
      lastStatusCode: result.status,
      lastAttemptAt: now,
      updatedAt: now,
    };
    if (result.isSuccess) {
      await tx.webhookDeliveries.update({
        ...counted,
        status: 'succeeded',
        lastError: null,
        nextAttemptAt: null,
        succeededAt: now,
      });
      return;
    }
    // 410 Gone: the receiver says the URL is retired (Standard Webhooks): stop and disable the endpoint.
    const isGone = result.status === 410;
    const delayMs = isGone
      ? null
      : webhookRetryDelayMs(counted.roundAttempts, context.timing.webhookRetry, context.random());
    const nextAttemptAt = delayMs === null ? null : new Date(now.getTime() + delayMs);
    if (isGone) {
      const endpoint = await tx.webhookEndpoints.get(current.workspaceId, current.endpointId);
      if (endpoint !== null) await tx.webhookEndpoints.update({ ...endpoint, isActive: false, updatedAt: now });
    }
    await tx.webhookDeliveries.update({
      ...counted,
      status: nextAttemptAt === null ? 'failed' : 'pending',
      lastError: result.error,
      nextAttemptAt,
    });
    if (nextAttemptAt === null) return;
    const payload = { workspaceId: current.workspaceId, eventId: current.eventId, endpointId: current.endpointId };
    await tx.jobs.send('webhook.deliver', payload, {
      startAfter: nextAttemptAt,
      singletonKey: `webhook:${current.id}`,
    });
  });
};

/**
 * The `webhook.deliver` job: one HTTP attempt of a pending delivery, outside any transaction, then its outcome
 * and, after a failure, the next attempt's job in one transaction. Retries are scheduled here rather than by
 * pg-boss so the backoff has jitter, sub-second test delays and a delivery log that says when.
 */
export const deliverWebhookJob =
  (context: IntegrationContext): JobHandler<'webhook.deliver'> =>
  async ({ data }) => {
    const delivery = await context.integrations.webhookDeliveries.findByEvent(data.endpointId, data.eventId);
    if (delivery === null || delivery.status !== 'pending') return;
    const endpoint = await context.integrations.webhookEndpoints.get(data.workspaceId, data.endpointId);
    if (endpoint === null) return;
    if (!endpoint.isActive) {
      // Not an attempt: the delivery rests, failed, until a manual redelivery once the endpoint is enabled.
      const now = context.clock.now();
      const lastError = 'the endpoint is disabled';
      await context.integrations.webhookDeliveries.update({ ...delivery, status: 'failed', lastError, updatedAt: now });
      return;
    }
    const nowMs = context.clock.now().getTime();
    if (context.breaker.isPaused(endpoint.id, nowMs)) {
      const error = `not sent: the endpoint did not answer ${context.timing.endpointPauseAfterFailures} times in a row; paused`;
      await recordAttempt(context, delivery, { isSuccess: false, status: null, error });
      return;
    }
    const result = await attempt(context, delivery, endpoint);
    context.breaker.record(endpoint.id, !result.isSuccess && result.status === null, context.clock.now().getTime());
    await recordAttempt(context, delivery, result);
  };
