import type { WebhookDelivery } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../store/create-sql-store.ts';
import { aWorkspace, fixedTime } from '../testing/fixtures.ts';
import { createTestStore } from '../testing/index.ts';
import { createIntegrationStore } from './integration-store.ts';

const day = 86_400_000;
const daysAgo = (days: number) => new Date(fixedTime.getTime() - days * day);

const aDelivery = (workspaceId: string, id: string, status: WebhookDelivery['status'], updatedAt: Date) => ({
  id,
  workspaceId,
  endpointId: `endpoint-${workspaceId}`,
  eventId: `event-${id}`,
  eventSequence: 1,
  eventType: 'ticket.opened' as const,
  status,
  attemptCount: 1,
  roundAttempts: 1,
  lastStatusCode: status === 'succeeded' ? 204 : 500,
  lastError: null,
  lastAttemptAt: updatedAt,
  nextAttemptAt: null,
  succeededAt: status === 'succeeded' ? updatedAt : null,
  createdAt: updatedAt,
  updatedAt,
});

describe('webhook delivery retention', () => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  it('deletes the oldest settled deliveries of one workspace, in batches, and keeps pending ones', async () => {
    const integrations = createIntegrationStore(store);
    for (const workspaceId of ['retained', 'elsewhere']) {
      await store.workspaces.insert(aWorkspace(workspaceId));
      await integrations.webhookEndpoints.insert({
        id: `endpoint-${workspaceId}`,
        workspaceId,
        url: 'https://crm.example/hooks',
        description: '',
        eventTypes: ['ticket.opened'],
        secret: 'whsec_c2VjcmV0',
        isActive: true,
        startSequence: 0,
        createdAt: daysAgo(100),
        updatedAt: daysAgo(100),
      });
    }
    await integrations.webhookDeliveries.insertIfAbsent([
      aDelivery('retained', 'old-ok', 'succeeded', daysAgo(40)),
      aDelivery('retained', 'older-failed', 'failed', daysAgo(50)),
      aDelivery('retained', 'old-pending', 'pending', daysAgo(45)),
      aDelivery('retained', 'recent-ok', 'succeeded', daysAgo(2)),
      aDelivery('elsewhere', 'other-old-ok', 'succeeded', daysAgo(40)),
    ]);
    const remaining = async (workspaceId: string) =>
      (await integrations.webhookDeliveries.list({ workspaceId, endpointId: `endpoint-${workspaceId}`, limit: 50 }))
        .map((delivery) => delivery.id)
        .sort();

    const cutoff = daysAgo(30);
    expect(await integrations.webhookDeliveries.pruneSettled('retained', cutoff, 1)).toBe(1);
    expect(await remaining('retained')).toEqual(['old-ok', 'old-pending', 'recent-ok']);
    expect(await integrations.webhookDeliveries.pruneSettled('retained', cutoff, 1000)).toBe(1);
    expect(await remaining('retained')).toEqual(['old-pending', 'recent-ok']);
    expect(await remaining('elsewhere')).toEqual(['other-old-ok']);
  });
});
