import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../demo/demo-ids.ts';
import { type ApiTestApp, createApiTestApp } from '../routes/api-test-app.test-support.ts';
import { createSurveyLinks } from '../routes/survey-links.ts';
import { uuidV7 } from '../runtime/uuid-v7.ts';
import { surveySendJob } from './survey-send-job.ts';
import type { WorkerContext } from './worker-context.ts';

// The survey job on a real store: it sends for the resolution it was queued for, and for nothing else.
let t: ApiTestApp;
let agent: Record<string, string>;
let openTicketIds: string[] = [];
const skipped: string[] = [];

const runJob = (ticketId: string, resolvedAt: Date) => {
  const context = {
    store: t.store,
    clock: t.clock,
    ids: uuidV7(),
    surveyLinks: createSurveyLinks('a-secret-of-sixteen+', 'https://care.example'),
    pollIntervalSeconds: 60,
    log: (line: string) => skipped.push(line),
  } as unknown as WorkerContext;
  const data = { workspaceId: demoWorkspaceId, ticketId, resolvedAt: resolvedAt.toISOString(), isAutomated: false };
  return surveySendJob(context)({ id: 'job', name: 'survey.send', data });
};

const setStatus = async (ticketId: string, status: string): Promise<Date | null> => {
  const answer = await t.app.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/status`,
    headers: agent,
    payload: { status },
  });
  expect(answer.statusCode).toBe(200);
  return (await t.store.tickets.get(demoWorkspaceId, ticketId))?.resolvedAt ?? null;
};

const questionsOf = async (ticketId: string) => {
  const outbound = await t.store.messages.list({ workspaceId: demoWorkspaceId, ticketId, direction: 'outbound' });
  return outbound.items.filter((message) => message.metadata.purpose === 'survey');
};

beforeAll(async () => {
  t = await createApiTestApp();
  agent = (await t.signIn('marco.bianchi@ascolta.local')).headers;
  const settings = await t.store.settings.get(demoWorkspaceId);
  if (settings?.surveys === undefined) throw new Error('the demo should have survey settings');
  // Every customer may answer here: this file is about resolutions, not the period.
  await t.store.settings.put(demoWorkspaceId, { ...settings, surveys: { ...settings.surveys, periodDays: 0 } });
  const open = await t.store.tickets.list({ workspaceId: demoWorkspaceId, status: ['open'], limit: 10 });
  openTicketIds = open.items.map((ticket) => ticket.id);
}, 60_000);
afterAll(() => t.close());

describe('survey.send', () => {
  it('asks once for the resolution it was queued for, with a survey.sent event', async () => {
    const [ticketId = ''] = openTicketIds;
    const resolvedAt = await setStatus(ticketId, 'resolved');
    expect(resolvedAt).not.toBeNull();
    await runJob(ticketId, resolvedAt as Date);
    await runJob(ticketId, resolvedAt as Date);
    const survey = await t.store.surveys.findByTicket(demoWorkspaceId, ticketId);
    expect(survey).toMatchObject({ status: 'sent', kind: 'csat' });
    const questions = await questionsOf(ticketId);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({
      deliveryState: 'queued',
      visibility: 'private',
      metadata: { surveyId: survey?.id },
    });
    const events = await t.store.events.list({ workspaceId: demoWorkspaceId, ticketId });
    expect(events.filter((event) => event.type === 'survey.sent')).toHaveLength(1);
  });

  it('sends nothing for a ticket reopened before the delay was over', async () => {
    const ticketId = openTicketIds[1] ?? '';
    const resolvedAt = await setStatus(ticketId, 'resolved');
    await setStatus(ticketId, 'open');
    await runJob(ticketId, resolvedAt as Date);
    expect(await t.store.surveys.findByTicket(demoWorkspaceId, ticketId)).toBeNull();
    expect(await questionsOf(ticketId)).toHaveLength(0);
    expect(skipped.at(-1)).toMatch(/ticket-reopened/);
  });

  it('sends for the second resolution of a reopened ticket, not for the first', async () => {
    const ticketId = openTicketIds[2] ?? '';
    const first = await setStatus(ticketId, 'resolved');
    await setStatus(ticketId, 'open');
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    const second = await setStatus(ticketId, 'resolved');
    await runJob(ticketId, first as Date);
    expect(await t.store.surveys.findByTicket(demoWorkspaceId, ticketId)).toBeNull();
    await runJob(ticketId, second as Date);
    expect(await t.store.surveys.findByTicket(demoWorkspaceId, ticketId)).not.toBeNull();
  });
});
