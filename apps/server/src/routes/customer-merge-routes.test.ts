import type { Customer, DomainEvent } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

describe('customer link suggestions and merge', () => {
  const { t, supervisor, agent } = useApiTestApp();

  const workspaceId = async () => (await t.store.workspaces.list())[0]?.id ?? '';

  /** Two customers the pipeline could not tell apart: B wrote order A-7, which A already holds. */
  const twoCustomersWithAnOrder = async () => {
    const ws = await workspaceId();
    const now = t.clock.now();
    const customer = (name: string, overrides: Partial<Customer> = {}): Customer => ({
      id: crypto.randomUUID(),
      workspaceId: ws,
      displayName: name,
      language: null,
      valueTier: 'standard',
      lifetimeValueCents: 0,
      purchasesCount: 0,
      crmId: null,
      followers: 0,
      isVerified: false,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    });
    const a = customer('Giulia Rossi', { language: 'it' });
    const b = customer('G. Rossi', { crmId: 'CRM-77', valueTier: 'gold', followers: 1200 });
    await t.store.customers.insert(a);
    await t.store.customers.insert(b);
    const identity = { workspaceId: ws, channelKind: null, displayHandle: null, followers: 0, isVerified: false };
    await t.store.identities.insert({
      ...identity,
      id: crypto.randomUUID(),
      customerId: a.id,
      kind: 'order',
      value: `A-7-${a.id}`,
      confidence: 0.6,
      createdAt: now,
    });
    await t.store.identities.insert({
      ...identity,
      id: crypto.randomUUID(),
      customerId: b.id,
      kind: 'email',
      value: `g-${b.id}@example.com`,
      confidence: 1,
      createdAt: now,
    });
    const seeded = await t.store.tickets.list({ workspaceId: ws, limit: 1 });
    const seedTicket = seeded.items[0];
    if (seedTicket === undefined) throw new Error('the demo data has tickets');
    const { number: _n, ...ticketFields } = seedTicket;
    const ticket = await t.store.tickets.insert({
      ...ticketFields,
      id: crypto.randomUUID(),
      customerId: b.id,
      threadExternalId: `merge-${b.id}`,
    });
    const seedMessage = (await t.store.messages.list({ workspaceId: ws, ticketId: seedTicket.id, limit: 1 })).items[0];
    if (seedMessage === undefined) throw new Error('the demo tickets have messages');
    const message = {
      ...seedMessage,
      id: crypto.randomUUID(),
      externalId: `merge-${b.id}`,
      customerId: b.id,
      ticketId: ticket.id,
    };
    await t.store.messages.insertIdempotent(message);
    const suggestion: DomainEvent = {
      id: crypto.randomUUID(),
      workspaceId: ws,
      occurredAt: now,
      actor: { type: 'system' },
      ticketId: null,
      customerId: b.id,
      type: 'customer.link-suggested',
      data: { candidateCustomerIds: [a.id], evidence: 'order-number A-7' },
    };
    await t.store.events.append([suggestion]);
    return { a, b, ticket, message };
  };

  const detail = async (id: string) => t.app.inject({ url: `/api/v1/customers/${id}`, headers: agent });
  const merge = (id: string, intoCustomerId: string, headers = supervisor) =>
    t.app.inject({ method: 'POST', url: `/api/v1/customers/${id}/merge`, headers, payload: { intoCustomerId } });

  it('shows the suggestion on both customers, with the evidence', async () => {
    const { a, b } = await twoCustomersWithAnOrder();
    expect((await detail(b.id)).json().linkSuggestions).toEqual([
      { customerId: a.id, displayName: 'Giulia Rossi', evidence: 'order-number A-7', suggestedAt: expect.any(String) },
    ]);
    expect((await detail(a.id)).json().linkSuggestions).toEqual([
      expect.objectContaining({ customerId: b.id, displayName: 'G. Rossi' }),
    ]);
  });

  it('merges: tickets, messages and identities move to the target, which fills its empty attributes', async () => {
    const { a, b, ticket, message } = await twoCustomersWithAnOrder();
    const answer = await merge(b.id, a.id);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      customerId: a.id,
      moved: { identities: 1, tickets: 1, messages: 1, touchpoints: 0, surveys: 0 },
      filledFields: ['crmId', 'valueTier', 'followers'],
    });
    expect((await detail(b.id)).statusCode).toBe(404);
    const target = (await detail(a.id)).json();
    expect(target).toMatchObject({ displayName: 'Giulia Rossi', language: 'it', crmId: 'CRM-77', valueTier: 'gold' });
    expect(target.identities.map((identity: { kind: string }) => identity.kind).sort()).toEqual(['email', 'order']);
    expect(target.tickets.map((item: { id: string }) => item.id)).toContain(ticket.id);
    expect(target.linkSuggestions).toEqual([]);
    const timeline = (await t.app.inject({ url: `/api/v1/customers/${a.id}/timeline`, headers: agent })).json();
    const kinds = timeline.items.map((item: { kind: string; ticket?: { id: string }; message?: { id: string } }) =>
      item.kind === 'ticket' ? `ticket ${item.ticket?.id}` : `${item.kind} ${item.message?.id}`,
    );
    expect(kinds).toEqual(expect.arrayContaining([`ticket ${ticket.id}`, `message ${message.id}`]));
    const events = await t.store.events.listCustomerLinks(a.workspaceId, a.id);
    expect(events.at(-1)).toMatchObject({
      type: 'customer.merged',
      customerId: a.id,
      actor: { type: 'agent' },
      data: { fromCustomerId: b.id, fromDisplayName: 'G. Rossi' },
    });
  });

  it('keeps the suggestions of the merged customer on the one that survives', async () => {
    const { a, b } = await twoCustomersWithAnOrder();
    const { a: c } = await twoCustomersWithAnOrder();
    await t.store.events.append([
      {
        id: crypto.randomUUID(),
        workspaceId: b.workspaceId,
        occurredAt: t.clock.now(),
        actor: { type: 'system' },
        ticketId: null,
        customerId: b.id,
        type: 'customer.link-suggested',
        data: { candidateCustomerIds: [c.id], evidence: 'phone +393331234567' },
      },
    ]);
    expect((await merge(b.id, a.id)).statusCode).toBe(200);
    expect((await detail(a.id)).json().linkSuggestions).toEqual([
      expect.objectContaining({ customerId: c.id, evidence: 'phone +393331234567' }),
    ]);
  });

  it('answers 404 for an unknown customer or one of another workspace, 400 into itself, 403 for an agent', async () => {
    const { a, b } = await twoCustomersWithAnOrder();
    expect((await merge(b.id, crypto.randomUUID())).statusCode).toBe(404);
    expect((await merge(crypto.randomUUID(), a.id)).statusCode).toBe(404);
    expect((await merge(a.id, a.id)).statusCode).toBe(400);
    // A customer of another workspace is unknown here, as target or as source.
    const elsewhere = { ...a, id: crypto.randomUUID(), workspaceId: 'another-workspace' };
    await t.store.customers.insert(elsewhere);
    expect((await merge(b.id, elsewhere.id)).statusCode).toBe(404);
    expect((await merge(elsewhere.id, a.id)).statusCode).toBe(404);
    const forbidden = await merge(b.id, a.id, agent);
    expect(forbidden.statusCode).toBe(403);
    expect((await detail(b.id)).statusCode).toBe(200);
  });

  it('dismisses a suggestion: it shows on neither customer any more', async () => {
    const { a, b } = await twoCustomersWithAnOrder();
    const dismissed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${a.id}/link-suggestions/dismiss`,
      headers: agent,
      payload: { customerId: b.id },
    });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toEqual({ linkSuggestions: [] });
    expect((await detail(b.id)).json().linkSuggestions).toEqual([]);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${a.id}/link-suggestions/dismiss`,
      headers: agent,
      payload: { customerId: crypto.randomUUID() },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
