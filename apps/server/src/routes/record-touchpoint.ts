import { createHash } from 'node:crypto';
import type { TouchpointBody } from '@ascolta/contracts';
import { contactIdentityKeys, planContactCustomer, type Repositories, type Touchpoint } from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';

/** The same system's same external id always maps to the same touchpoint id: replays are no-ops. */
const touchpointIdFor = (workspaceId: string, source: string, externalId: string): string => {
  const hex = createHash('sha256').update(`${workspaceId}\n${source}\n${externalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const findCustomerId = async (tx: Repositories, workspaceId: string, body: TouchpointBody) => {
  for (const key of contactIdentityKeys(body.customer)) {
    const identity = await tx.identities.find(workspaceId, key.kind, key.channelKind, key.value);
    if (identity !== null) return identity.customerId;
  }
  return null;
};

export interface RecordedTouchpoint {
  touchpoint: Touchpoint;
  isNew: boolean;
  isNewCustomer: boolean;
}

/** Logs another system's touchpoint on the customer it names, creating the customer when unknown. */
export const recordTouchpoint = async (
  { store, clock, ids }: ApiContext,
  workspaceId: string,
  body: TouchpointBody,
): Promise<RecordedTouchpoint> =>
  store.transaction(async (tx) => {
    let customerId = await findCustomerId(tx, workspaceId, body);
    const isNewCustomer = customerId === null;
    if (customerId === null) {
      const planned = planContactCustomer(workspaceId, body.customer, clock.now(), ids);
      await tx.customers.insert(planned.customer);
      for (const identity of planned.identities) await tx.identities.insert(identity);
      await appendEvents(tx, planned.events, clock, ids);
      customerId = planned.customer.id;
    }
    const id = body.externalId === undefined ? ids.newId() : touchpointIdFor(workspaceId, body.source, body.externalId);
    if (body.externalId !== undefined) {
      const existing = (await tx.touchpoints.listByCustomer(workspaceId, customerId)).find((t) => t.id === id);
      if (existing !== undefined) return { touchpoint: existing, isNew: false, isNewCustomer };
    }
    const touchpoint: Touchpoint = {
      id,
      workspaceId,
      customerId,
      kind: body.kind,
      source: body.source,
      summary: body.summary,
      occurredAt: new Date(body.occurredAt),
      data: { ...body.data, ...(body.externalId === undefined ? {} : { externalId: body.externalId }) },
    };
    await tx.touchpoints.insert(touchpoint);
    return { touchpoint, isNew: true, isNewCustomer };
  });
