import type { Message, Ticket } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp } from './api-test-app.test-support.ts';

describe('merging, snoozing and converting', () => {
  let t: ApiTestApp;
  let supervisor: Record<string, string>;
  let tickets: Ticket[];
  beforeAll(async () => {
    t = await createApiTestApp();
    supervisor = (await t.signIn('marco.bianchi@ascolta.local')).headers;
    const workspaceId = (await t.store.workspaces.list())[0]?.id ?? '';
    tickets = (await t.store.tickets.list({ workspaceId, status: ['new', 'open'], limit: 200 })).items;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers = supervisor) =>
    t.app.inject({ method: 'POST', url, headers, payload });

  it('merges a duplicate of the same customer and closes it', async () => {
    const [duplicate, survivor] = tickets;
    if (duplicate === undefined || survivor === undefined) throw new Error('the demo has too few open tickets');
    await t.store.tickets.update({ ...duplicate, customerId: survivor.customerId });
    const merged = await post(`/api/v1/tickets/${duplicate.id}/merge`, { intoTicketId: survivor.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().movedMessageIds.length).toBeGreaterThan(0);
    expect((await t.store.tickets.get(duplicate.workspaceId, duplicate.id))?.status).toBe('closed');
    const again = await post(`/api/v1/tickets/${survivor.id}/merge`, { intoTicketId: survivor.id });
    expect(again.statusCode).toBe(400);
  });

  it('snoozes a ticket into pending, refusing a time in the past', async () => {
    const ticket = tickets[2];
    const past = await post(`/api/v1/tickets/${ticket?.id}/snooze`, { until: '2020-01-01T00:00:00.000Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('until: must be in the future.');
    const until = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    expect((await post(`/api/v1/tickets/${ticket?.id}/snooze`, { until })).json().status).toBe('pending');
  });

  it('turns an ignored post into a ticket and records the triage correction', async () => {
    const source = (
      await t.store.messages.list({ workspaceId: tickets[0]?.workspaceId ?? '', direction: 'inbound', limit: 1 })
    ).items[0];
    if (source === undefined) throw new Error('no inbound demo message');
    const ignored: Message = {
      ...source,
      id: crypto.randomUUID(),
      externalId: `ignored-${source.externalId}`,
      ticketId: null,
      ignoredReason: 'not actionable',
    };
    await t.store.messages.insertIdempotent(ignored);
    const converted = await post(`/api/v1/messages/${ignored.id}/convert`, { category: 'delivery' });
    expect(converted.statusCode).toBe(201);
    expect(converted.json()).toMatchObject({
      ticket: { category: 'delivery', status: 'new' },
      message: { ignoredReason: null },
    });
    const feedback = await t.store.triageFeedback.list(ignored.workspaceId);
    expect(
      feedback
        .filter((item) => item.messageId === ignored.id)
        .map((item) => item.field)
        .sort(),
    ).toEqual(['actionable', 'category']);
    expect((await post(`/api/v1/messages/${ignored.id}/convert`, {})).statusCode).toBe(409);
  });

  it("corrects a ticket's category or closes it as not actionable, and serves the corrections as training lines", async () => {
    const [, , , recategorised, notActionable] = tickets;
    if (recategorised === undefined || notActionable === undefined)
      throw new Error('the demo has too few open tickets');
    const category = recategorised.category === 'billing' ? 'returns' : 'billing';
    const corrected = await post(`/api/v1/tickets/${recategorised.id}/triage-correction`, { category });
    expect(corrected.json()).toMatchObject({ category, status: recategorised.status });
    const closed = await post(`/api/v1/tickets/${notActionable.id}/triage-correction`, { actionable: false });
    expect(closed.json().status).toBe('closed');
    expect(
      (await post(`/api/v1/tickets/${notActionable.id}/triage-correction`, { actionable: false })).statusCode,
    ).toBe(409);
    const empty = await post(`/api/v1/tickets/${recategorised.id}/triage-correction`, {});
    expect([empty.statusCode, empty.json().error.message]).toEqual([400, expect.stringMatching(/category/)]);

    const lines = async (field: string) => {
      const answer = await t.app.inject({ url: `/api/v1/triage/feedback?field=${field}`, headers: supervisor });
      expect(answer.headers['content-type']).toMatch(/^application\/x-ndjson/);
      return answer.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { text: string; label: string });
    };
    const opening = async (ticket: Ticket) =>
      (
        await t.store.messages.list({
          workspaceId: ticket.workspaceId,
          ticketId: ticket.id,
          direction: 'inbound',
          limit: 500,
        })
      ).items.at(-1)?.text;
    expect(await lines('category')).toContainEqual({ text: await opening(recategorised), label: category });
    expect(await lines('actionable')).toContainEqual({ text: await opening(notActionable), label: 'not_actionable' });
    expect(await lines('actionable')).toContainEqual(expect.objectContaining({ label: 'actionable' }));
    const agent = (await t.signIn('sara.conti@ascolta.local')).headers;
    expect((await t.app.inject({ url: '/api/v1/triage/feedback?field=kind', headers: agent })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/triage/feedback?field=mood', headers: supervisor })).statusCode).toBe(
      400,
    );
  });
});
