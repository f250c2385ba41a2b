import { randomUUID } from 'node:crypto';
import type { Customer, DomainEvent, Ticket } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { enrichCustomer } from '../src/integrations/enrich-customer-job.ts';
import {
  type IntegrationHarness,
  startIntegrationHarness,
  startReceiver,
  type TestReceiver,
} from './support/integration-harness.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #7: the CRM enrichment hook (cached, with timeout, never blocking the pipeline) and "create in CRM".
let h: IntegrationHarness;
let crm: TestReceiver;
const token = 'crm-test-token-123';
/** How the CRM answers a look-up, by Ascolta customer id. */
const behaviour = new Map<string, 'platinum' | 'hang' | 'error' | 'unknown' | 'error-once'>();
let created = 0;
const recentPurchaseAt = new Date(Date.now() - 2 * 86_400_000).toISOString();

const lookups = (customerId: string) =>
  crm.received.filter((request) => request.path === '/lookup' && JSON.parse(request.body).customer.id === customerId);
const creations = () => crm.received.filter((request) => request.path === '/create');

const putSettings = (payload: object, headers = h.admin) =>
  h.t.app.inject({ method: 'PUT', url: '/api/v1/settings/crm', headers, payload });

/** Standard-tier customers of the demo with an open ticket: the CRM may raise them. */
const candidates: Array<{ customer: Customer; ticket: Ticket }> = [];

const customerEvent = async (type: 'customer.created' | 'customer.linked', customerId: string) => {
  const data = type === 'customer.created' ? { displayName: 'x' } : { identityId: randomUUID(), confidence: 1 };
  const event = {
    id: randomUUID(),
    workspaceId: demoWorkspaceId,
    occurredAt: new Date(),
    actor: { type: 'system' },
    ticketId: null,
    customerId,
    type,
    data,
  } as DomainEvent;
  await h.t.store.events.append([event]);
};

const candidate = (index: number) => {
  const found = candidates[index];
  if (found === undefined) throw new Error(`the demo has fewer than ${index + 1} standard customers with open tickets`);
  return found;
};

beforeAll(async () => {
  h = await startIntegrationHarness();
  crm = await startReceiver();
  crm.answer = ({ path, body }) => {
    if (path === '/create') {
      created += 1;
      return {
        status: 201,
        json: { reference: `CASE-${created}`, url: `https://crm.example/cases/${created}`, customerCrmId: 'CRM-77' },
      };
    }
    const customerId = JSON.parse(body).customer.id;
    const mode = behaviour.get(customerId) ?? 'unknown';
    if (mode === 'hang') return 'hang';
    if (mode === 'error' || (mode === 'error-once' && lookups(customerId).length === 0)) {
      return { status: 500, json: { error: 'database is down' } };
    }
    if (mode === 'unknown') return { status: 404, json: { found: false } };
    return {
      status: 200,
      json: {
        crmId: 'CRM-1',
        valueTier: 'platinum',
        lifetimeValueCents: 4_000_000,
        purchases: [{ id: 'A1', at: recentPurchaseAt, amountCents: 200_000, description: 'Laptop' }, { id: 'A2' }],
      },
    };
  };
  const open = await h.t.store.tickets.list({
    workspaceId: demoWorkspaceId,
    status: ['new', 'open', 'pending', 'awaiting_customer'],
    limit: 200,
  });
  const seen = new Set<string>();
  for (const ticket of open.items) {
    if (seen.has(ticket.customerId)) continue;
    seen.add(ticket.customerId);
    const customer = await h.t.store.customers.get(demoWorkspaceId, ticket.customerId);
    const identities = await h.t.store.identities.listByCustomer(demoWorkspaceId, ticket.customerId);
    if (customer?.valueTier === 'standard' && customer.crmId === null && identities.length > 0) {
      candidates.push({ customer, ticket });
    }
  }
});

afterAll(async () => {
  await h?.close();
  await crm?.close();
});

describe('CRM settings', () => {
  it('refuses bad settings with a 400 naming the field, and non-admins with a 403', async () => {
    const bad: Array<[object, RegExp]> = [
      [{ lookupUrl: 'gopher://crm.example' }, /body\.lookupUrl: must use http or https, not gopher/],
      [{ createUrl: 'crm.example/create' }, /body\.createUrl: must be an absolute URL/],
      [{ lookupUrl: 'https://crm.example', timeoutMs: 20 }, /body\.timeoutMs: must be at least 100 ms/],
      [{ lookupUrl: 'https://crm.example', authToken: 'short' }, /body\.authToken: must be at least 8 characters/],
    ];
    for (const [payload, message] of bad) {
      const answer = await putSettings(payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().error.message).toMatch(message);
    }
    const supervisor = (await h.t.signIn('marco.bianchi@ascolta.local')).headers;
    const refused = await putSettings({ lookupUrl: 'https://crm.example' }, supervisor);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("'crm.manage' needs the admin role or higher; you are a supervisor.");
  });

  it('stores the connection and never shows the token again', async () => {
    const answer = await putSettings({
      lookupUrl: `${crm.url}/lookup`,
      createUrl: `${crm.url}/create`,
      authToken: token,
      timeoutMs: 2000,
      cacheTtlSeconds: 3600,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      lookupUrl: `${crm.url}/lookup`,
      createUrl: `${crm.url}/create`,
      hasAuthToken: true,
      timeoutMs: 2000,
      cacheTtlSeconds: 3600,
      isEnabled: true,
    });
    const read = await h.t.app.inject({ url: '/api/v1/settings/crm', headers: h.admin });
    expect(read.body).not.toContain(token);
  });
});

describe('CRM enrichment', () => {
  it('looks up a newly linked customer, updates their value and re-scores their open ticket', async () => {
    const { customer, ticket } = candidate(0);
    behaviour.set(customer.id, 'platinum');
    await customerEvent('customer.linked', customer.id);
    const enriched = await waitUntil('the CRM values on the customer', async () => {
      const current = await h.t.store.customers.get(demoWorkspaceId, customer.id);
      return current?.crmId === 'CRM-1' ? current : null;
    });
    expect(enriched).toMatchObject({ valueTier: 'platinum', lifetimeValueCents: 4_000_000, purchasesCount: 2 });

    const [request] = lookups(customer.id);
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    const identities = await h.t.store.identities.listByCustomer(demoWorkspaceId, customer.id);
    expect(JSON.parse(request?.body ?? '{}').identities).toEqual(
      expect.arrayContaining(
        identities
          .filter((identity) => identity.kind !== 'order')
          .map((identity) => ({ kind: identity.kind, channel: identity.channelKind, value: identity.value })),
      ),
    );

    const orders = (await h.t.store.touchpoints.listByCustomer(demoWorkspaceId, customer.id)).filter(
      (touch) => touch.source === 'crm',
    );
    expect(orders).toMatchObject([{ kind: 'order', summary: 'Laptop', data: { orderId: 'A1', amountCents: 200_000 } }]);

    const rescored = await h.t.store.tickets.get(demoWorkspaceId, ticket.id);
    expect(rescored?.priorityScore).toBeGreaterThan(ticket.priorityScore);
    expect(rescored?.priorityContributions.find((item) => item.factor === 'customerValue')?.reason).toMatch(
      /^platinum tier/,
    );
    const events = await h.t.store.events.list({ workspaceId: demoWorkspaceId, afterSequence: 0, limit: 10_000 });
    const mine = events.filter((event) => event.customerId === customer.id).map((event) => event.type);
    expect(mine).toEqual(expect.arrayContaining(['customer.enriched', 'ticket.prioritised']));
  });

  it('answers a repeated look-up of the same identities from the cache', async () => {
    const { customer } = candidate(0);
    const before = lookups(customer.id).length;
    const again = await enrichCustomer(h.context, demoWorkspaceId, customer.id);
    expect(again).toMatchObject({ kind: 'done', isCacheHit: true, changedFields: [] });
    expect(lookups(customer.id)).toHaveLength(before);
    const orders = await h.t.store.touchpoints.listByCustomer(demoWorkspaceId, customer.id);
    expect(orders.filter((touch) => touch.source === 'crm')).toHaveLength(1);
  });

  it('records a timeout and an error without throwing or touching the customer', async () => {
    const slow = candidate(1).customer;
    behaviour.set(slow.id, 'hang');
    expect(await enrichCustomer(h.context, demoWorkspaceId, slow.id)).toEqual({
      kind: 'failed',
      error: 'no answer within 2000 ms',
    });
    const broken = candidate(2).customer;
    behaviour.set(broken.id, 'error');
    const failed = await enrichCustomer(h.context, demoWorkspaceId, broken.id);
    expect(failed).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^HTTP 500: .*database is down/) });
    for (const customer of [slow, broken]) {
      expect(await h.t.store.customers.get(demoWorkspaceId, customer.id)).toMatchObject({
        valueTier: 'standard',
        crmId: null,
      });
    }
    // Errors are not cached: once the CRM answers, the next look-up asks again and applies it.
    behaviour.set(broken.id, 'platinum');
    expect(await enrichCustomer(h.context, demoWorkspaceId, broken.id)).toMatchObject({
      kind: 'done',
      isCacheHit: false,
    });
    expect((await h.t.store.customers.get(demoWorkspaceId, broken.id))?.valueTier).toBe('platinum');
  });

  it('tries a failed look-up again from the job and applies the answer once the CRM is back', async () => {
    const { customer } = candidate(4);
    behaviour.set(customer.id, 'error-once');
    await customerEvent('customer.created', customer.id);
    await waitUntil('the retried look-up', async () => {
      const current = await h.t.store.customers.get(demoWorkspaceId, customer.id);
      return current?.crmId === 'CRM-1';
    });
    expect(lookups(customer.id).map((request) => request.answeredWith)).toEqual([500, 200]);
  });

  it('leaves a customer the CRM does not know as they were', async () => {
    const unknown = candidate(3).customer;
    behaviour.set(unknown.id, 'unknown');
    expect(await enrichCustomer(h.context, demoWorkspaceId, unknown.id)).toMatchObject({
      kind: 'done',
      outcome: { kind: 'not-found' },
    });
    expect((await h.t.store.customers.get(demoWorkspaceId, unknown.id))?.crmId).toBeNull();
  });
});

describe('create in CRM', () => {
  it('posts the ticket once, keeps the reference, and posts again only when forced', async () => {
    const { ticket, customer } = candidate(3);
    const post = (payload: object = {}) =>
      h.t.app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/crm`, headers: h.admin, payload });
    const first = await post();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      ticketId: ticket.id,
      crmReference: 'CASE-1',
      crmUrl: 'https://crm.example/cases/1',
      created: true,
    });
    const [request] = creations();
    const sent = JSON.parse(request?.body ?? '{}');
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(sent.ticket).toMatchObject({
      id: ticket.id,
      number: ticket.number,
      category: ticket.category,
      priority: { band: ticket.priorityBand },
      link: expect.stringMatching(new RegExp(`/tickets/${ticket.id}$`)),
    });
    expect(sent.customer).toMatchObject({ id: customer.id, displayName: customer.displayName });
    expect(sent.messages.length).toBeGreaterThan(0);
    expect(sent.previousReference).toBeNull();

    const second = await post();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ crmReference: 'CASE-1', created: false });
    expect(creations()).toHaveLength(1);

    const forced = await post({ force: true });
    expect(forced.json()).toMatchObject({ crmReference: 'CASE-2', created: true });
    expect(JSON.parse(creations()[1]?.body ?? '{}').previousReference).toBe('CASE-1');
    expect((await h.t.store.customers.get(demoWorkspaceId, customer.id))?.crmId).toBe('CRM-77');
    const events = await h.t.store.events.list({ workspaceId: demoWorkspaceId, ticketId: ticket.id });
    expect(events.filter((event) => event.type === 'ticket.crm-linked')).toHaveLength(2);
    const read = await h.t.app.inject({ url: `/api/v1/tickets/${ticket.id}/crm`, headers: h.admin });
    expect(read.json()).toMatchObject({ crmReference: 'CASE-2', crmUrl: 'https://crm.example/cases/2' });
  });

  it('posts once when the same ticket is sent to the CRM twice at the same moment', async () => {
    const { ticket } = candidate(4);
    const before = creations().length;
    const post = () =>
      h.t.app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/crm`, headers: h.admin, payload: {} });
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((answer) => answer.json().crmReference)).size).toBe(1);
    expect(creations()).toHaveLength(before + 1);
  });

  it('answers 404 for an unknown ticket, 503 when the CRM fails, 409 without a create URL', async () => {
    const unknown = await h.t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${randomUUID()}/crm`,
      headers: h.admin,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    const { ticket } = candidate(2);
    await putSettings({ lookupUrl: `${crm.url}/lookup`, createUrl: 'http://127.0.0.1:9/create', timeoutMs: 2000 });
    const down = await h.t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/crm`,
      headers: h.admin,
      payload: {},
    });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.message).toMatch(/^the CRM did not create the ticket: /);
    await putSettings({ lookupUrl: `${crm.url}/lookup`, createUrl: null });
    const off = await h.t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/crm`,
      headers: h.admin,
      payload: {},
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toMatch(/no CRM create URL is configured/);
  });
});
