import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp } from './api-test-app.test-support.ts';

const bearer = { authorization: 'Bearer demo-api-key' };

describe('customers, touchpoints, channels and incidents', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await createApiTestApp();
  });
  afterAll(() => t.close());

  const touchpoint = {
    customer: { phone: '+393331112222', displayName: 'Anna Verdi' },
    kind: 'call',
    source: 'hotline',
    summary: 'Called about a late delivery',
    occurredAt: '2026-11-20T08:30:00.000Z',
    externalId: 'call-4711',
  };

  it('records a touchpoint once per external id and creates the unknown customer', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/touchpoints',
      headers: bearer,
      payload: touchpoint,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ isNew: true, isNewCustomer: true });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/touchpoints',
      headers: bearer,
      payload: touchpoint,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ isNew: false, isNewCustomer: false });
    expect(again.json().touchpoint.id).toBe(first.json().touchpoint.id);

    const customerId = first.json().touchpoint.customerId;
    const customer = (await t.app.inject({ url: `/api/v1/customers/${customerId}`, headers: bearer })).json();
    expect(customer).toMatchObject({
      displayName: 'Anna Verdi',
      identities: [{ kind: 'phone', value: '+393331112222' }],
    });
    const timeline = (await t.app.inject({ url: `/api/v1/customers/${customerId}/timeline`, headers: bearer })).json();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ kind: 'touchpoint', touchpoint: { summary: touchpoint.summary } });
  });

  it('names the field of a touchpoint without a way to find the customer', async () => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/touchpoints',
      headers: bearer,
      payload: { ...touchpoint, customer: { displayName: 'Nobody' } },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toMatch(/body\.customer\.email: name the customer/);
  });

  it('lists channels with their health', async () => {
    const channels = (await t.app.inject({ url: '/api/v1/channels', headers: bearer })).json();
    expect(channels.items.length).toBeGreaterThan(3);
    expect(channels.items[0].health.state).toMatch(/^(ok|auth-expired|rate-limited|failing)$/);
  });

  it('publishes an incident solution to its linked tickets as queued replies', async () => {
    const workspaceId = (await t.store.workspaces.list())[0]?.id ?? '';
    const open = await t.store.tickets.list({ workspaceId, status: ['new', 'open'], limit: 200 });
    const linked = open.items.filter((ticket) => ticket.channelKind === 'x').slice(0, 2);
    const incident = {
      id: crypto.randomUUID(),
      workspaceId,
      title: 'App login down',
      category: 'technical',
      status: 'open' as const,
      solution: {},
      openedAt: t.clock.now(),
      resolvedAt: null,
    };
    await t.store.incidents.insert(incident);
    for (const ticket of linked) await t.store.tickets.update({ ...ticket, incidentId: incident.id });

    const supervisor = (await t.signIn('marco.bianchi@ascolta.local')).headers;
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/solution`,
      headers: supervisor,
      payload: { solution: { it: 'Risolto: il login funziona di nuovo.', en: 'Fixed: login works again.' } },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().incident.status).toBe('resolved');
    expect(published.json().queuedMessageIds.length + published.json().ticketIdsNeedingAgent.length).toBe(2);
    const listed = (await t.app.inject({ url: '/api/v1/incidents?status=resolved', headers: supervisor })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(incident.id);
  });
});
