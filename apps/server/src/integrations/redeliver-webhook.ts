import { DomainError, type IntegrationStore, type WebhookDelivery } from '@ascolta/core';

/**
 * Queues a delivery again at once, whatever its state, with a fresh round of attempts. The `webhook-id` stays
 * the same, so a receiver that already processed it can recognise the repeat.
 */
export const redeliverWebhook = (
  integrations: IntegrationStore,
  workspaceId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery> =>
  integrations.transaction(async (tx) => {
    const delivery = await tx.webhookDeliveries.get(workspaceId, deliveryId);
    if (delivery === null) throw new DomainError('not-found', `webhook delivery ${deliveryId} not found`);
    const endpoint = await tx.webhookEndpoints.get(workspaceId, delivery.endpointId);
    if (endpoint?.isActive !== true) {
      throw new DomainError('conflict', 'the endpoint is disabled; enable it before redelivering');
    }
    const queued: WebhookDelivery = {
      ...delivery,
      status: 'pending',
      roundAttempts: 0,
      nextAttemptAt: now,
      updatedAt: now,
    };
    await tx.webhookDeliveries.update(queued);
    const payload = { workspaceId, eventId: delivery.eventId, endpointId: delivery.endpointId };
    // Its own key: a retry of the same delivery may be waiting for later; this one goes now.
    await tx.jobs.send('webhook.deliver', payload, { singletonKey: `webhook:${delivery.id}:${now.getTime()}` });
    return queued;
  });
