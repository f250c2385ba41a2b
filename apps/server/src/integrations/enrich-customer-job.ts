import {
  type CrmConnection,
  type CrmLookup,
  type CrmLookupOutcome,
  crmIdentitiesOf,
  crmLookupKey,
  defaultPriorityBands,
  defaultPriorityWeights,
  isCrmLookupFresh,
  type JobHandler,
  newPurchaseTouchpoints,
  planCrmEnrichment,
  stampEvent,
} from '@ascolta/core';
import { lookUpInCrm } from './crm-client.ts';
import type { IntegrationContext } from './integration-context.ts';

const openStatuses = ['new', 'awaiting_customer', 'open', 'pending'] as const;
// Purchases older than this do not move priority (the customer-value factor looks back 30 days).
const touchpointLookbackDays = 30;

export type EnrichmentResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; outcome: CrmLookupOutcome; isCacheHit: boolean; changedFields: string[] };

const withLookupUrl = (connection: CrmConnection | null): (CrmConnection & { lookupUrl: string }) | null =>
  connection?.isEnabled && connection.lookupUrl !== null ? { ...connection, lookupUrl: connection.lookupUrl } : null;

/** Applies a CRM answer to the customer and their open tickets, with the events, in one transaction. */
const applyRecord = (context: IntegrationContext, workspaceId: string, customerId: string, outcome: CrmLookupOutcome) =>
  context.integrations.transaction(async (tx) => {
    if (outcome.kind === 'not-found') return [];
    const customer = await tx.customers.get(workspaceId, customerId);
    if (customer === null) return [];
    const now = context.clock.now();
    const since = new Date(now.getTime() - touchpointLookbackDays * 86_400_000);
    const [tickets, timeline, settings] = await Promise.all([
      tx.tickets.list({ workspaceId, customerId, status: openStatuses, limit: 100 }),
      tx.touchpoints.listByCustomer(workspaceId, customerId),
      tx.settings.get(workspaceId),
    ]);
    const purchases = newPurchaseTouchpoints(customer, outcome.record, timeline, context.ids);
    for (const touchpoint of purchases) await tx.touchpoints.insert(touchpoint);
    const touchpoints = [...timeline, ...purchases].filter((touch) => touch.occurredAt >= since);
    const plan = planCrmEnrichment({
      customer,
      record: outcome.record,
      openTickets: tickets.items,
      touchpoints,
      settings: {
        weights: settings?.priorityWeights ?? defaultPriorityWeights,
        bands: settings?.priorityBands ?? defaultPriorityBands,
      },
      now,
    });
    if (plan.customer === null) return [];
    await tx.customers.update(plan.customer);
    for (const ticket of plan.tickets) await tx.tickets.update(ticket);
    await tx.events.append(plan.events.map((event) => stampEvent(event, now, context.ids)));
    return plan.changedFields;
  });

/**
 * Looks a customer up in the company's CRM by their identities (cached per set of identities for the
 * configured TTL) and applies the answer. Failures are recorded on the cache row and returned, never thrown:
 * the pipeline never waits for, or fails because of, the CRM.
 */
export const enrichCustomer = async (
  context: IntegrationContext,
  workspaceId: string,
  customerId: string,
): Promise<EnrichmentResult> => {
  const connection = withLookupUrl(await context.integrations.crm.getConnection(workspaceId));
  if (connection === null) return { kind: 'skipped', reason: 'no CRM look-up configured' };
  const customer = await context.store.customers.get(workspaceId, customerId);
  if (customer === null) return { kind: 'skipped', reason: 'no such customer' };
  const identities = crmIdentitiesOf(await context.store.identities.listByCustomer(workspaceId, customerId));
  if (identities.length === 0) return { kind: 'skipped', reason: 'the customer has no identity to look up' };
  const lookupKey = crmLookupKey(identities);
  const cached = await context.integrations.crm.getLookup(workspaceId, lookupKey);
  const now = context.clock.now();
  if (cached?.outcome != null && isCrmLookupFresh(cached, connection.cacheTtlSeconds, now)) {
    const changedFields = await applyRecord(context, workspaceId, customerId, cached.outcome);
    return { kind: 'done', outcome: cached.outcome, isCacheHit: true, changedFields };
  }
  const request = {
    customer: { id: customer.id, displayName: customer.displayName, crmId: customer.crmId },
    identities,
  };
  const answer = await lookUpInCrm(connection, request);
  const base: CrmLookup = cached ?? {
    workspaceId,
    lookupKey,
    customerId,
    outcome: null,
    fetchedAt: null,
    lastError: null,
    lastErrorAt: null,
    updatedAt: now,
  };
  if (answer.kind === 'error') {
    await context.integrations.crm.putLookup({ ...base, lastError: answer.error, lastErrorAt: now, updatedAt: now });
    context.log(`crm.enrich ${customerId}: ${answer.error}`);
    return { kind: 'failed', error: answer.error };
  }
  await context.integrations.crm.putLookup({
    ...base,
    customerId,
    outcome: answer.value,
    fetchedAt: now,
    updatedAt: now,
  });
  const changedFields = await applyRecord(context, workspaceId, customerId, answer.value);
  return { kind: 'done', outcome: answer.value, isCacheHit: false, changedFields };
};

/**
 * The `crm.enrich` job: queued by the event-log reader when a customer is created or an identity linked. A failed
 * look-up is tried again a few times with a doubling wait; then the next creation or link asks again.
 */
export const enrichCustomerJob =
  (context: IntegrationContext): JobHandler<'crm.enrich'> =>
  async ({ data }) => {
    const result = await enrichCustomer(context, data.workspaceId, data.customerId);
    const attempt = data.attempt ?? 1;
    if (result.kind !== 'failed' || attempt >= context.timing.crmMaxAttempts) return;
    const delayMs = context.timing.crmRetryDelayMs * 2 ** (attempt - 1);
    await context.store.jobs.send(
      'crm.enrich',
      { ...data, attempt: attempt + 1 },
      { startAfter: new Date(context.clock.now().getTime() + delayMs), singletonKey: `crm-retry:${data.customerId}` },
    );
  };
