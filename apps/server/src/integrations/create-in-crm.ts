import {
  type Actor,
  type CrmTicketLink,
  DomainError,
  type IdGenerator,
  type IntegrationStore,
  type Store,
  stampEvent,
} from '@ascolta/core';
import { createInCrmCall } from './crm-client.ts';

// The CRM gets the gist of the conversation, not every message of a long thread.
const summaryMessages = 20;
const summaryTextChars = 500;

export interface CreateInCrmInput {
  workspaceId: string;
  ticketId: string;
  /** Post again even if the ticket already has a CRM reference. */
  force: boolean;
  actor: Actor;
  /** Where the ticket opens in Ascolta's web app. */
  ticketUrl: string;
  now: Date;
}

const buildRequest = async (store: Store, input: CreateInCrmInput, existing: CrmTicketLink | null) => {
  const ticket = await store.tickets.get(input.workspaceId, input.ticketId);
  if (ticket === null) throw new DomainError('not-found', `ticket ${input.ticketId} not found`);
  const customer = await store.customers.get(input.workspaceId, ticket.customerId);
  const messages = await store.messages.list({
    workspaceId: input.workspaceId,
    ticketId: ticket.id,
    limit: summaryMessages,
  });
  return {
    ticket,
    customer,
    body: {
      ticket: {
        id: ticket.id,
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        category: ticket.category,
        language: ticket.language,
        channel: ticket.channelKind,
        priority: { score: ticket.priorityScore, band: ticket.priorityBand },
        createdAt: ticket.createdAt.toISOString(),
        link: input.ticketUrl,
      },
      customer:
        customer === null
          ? null
          : {
              id: customer.id,
              displayName: customer.displayName,
              crmId: customer.crmId,
              valueTier: customer.valueTier,
              lifetimeValueCents: customer.lifetimeValueCents,
            },
      messages: [...messages.items]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((message) => ({
          direction: message.direction,
          author: message.authorHandle,
          at: message.receivedAt.toISOString(),
          text: message.text.slice(0, summaryTextChars),
        })),
      previousReference: existing?.crmReference ?? null,
    },
  };
};

/**
 * "Create in CRM": posts the ticket to the company's CRM and keeps the reference it answers with. Idempotent:
 * a ticket that already has a reference gets it back without a call, unless `force`.
 */
export const createInCrm = async (
  store: Store,
  integrations: IntegrationStore,
  ids: IdGenerator,
  input: CreateInCrmInput,
): Promise<{ link: CrmTicketLink; isCreated: boolean }> => {
  const connection = await integrations.crm.getConnection(input.workspaceId);
  if (connection === null || !connection.isEnabled || connection.createUrl === null) {
    throw new DomainError('conflict', 'no CRM create URL is configured; an admin sets it in PUT /api/v1/settings/crm');
  }
  const existing = await integrations.crm.getTicketLink(input.workspaceId, input.ticketId);
  if (existing !== null && !input.force) return { link: existing, isCreated: false };
  const { ticket, customer, body } = await buildRequest(store, input, existing);
  const answer = await createInCrmCall({ ...connection, createUrl: connection.createUrl }, body);
  if (answer.kind === 'error')
    throw new DomainError('unavailable', `the CRM did not create the ticket: ${answer.error}`);
  const link: CrmTicketLink = {
    workspaceId: input.workspaceId,
    ticketId: ticket.id,
    crmReference: answer.value.reference,
    crmUrl: answer.value.url ?? null,
    createdAt: existing?.createdAt ?? input.now,
    updatedAt: input.now,
  };
  await integrations.transaction(async (tx) => {
    await tx.crm.putTicketLink(link);
    const customerCrmId = answer.value.customerCrmId;
    if (customer !== null && customer.crmId === null && customerCrmId !== undefined) {
      await tx.customers.update({ ...customer, crmId: customerCrmId, updatedAt: input.now });
    }
    const event = {
      type: 'ticket.crm-linked' as const,
      workspaceId: input.workspaceId,
      actor: input.actor,
      ticketId: ticket.id,
      customerId: ticket.customerId,
      data: { crmReference: link.crmReference },
    };
    await tx.events.append([stampEvent(event, input.now, ids)]);
  });
  return { link, isCreated: true };
};
