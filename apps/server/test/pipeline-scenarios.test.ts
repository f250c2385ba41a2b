import type { Message, Ticket } from '@ascolta/core';
import { demoAccounts, xDirectMessageDelivery, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { runScenario, type ScenarioRun } from './support/run-scenario.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #5 on the simulator's seeded scenarios, through webhooks, SMTP, workers and sends.
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
const runs: Record<string, ScenarioRun> = {};

const ticketsOf = async (messages: readonly Message[]): Promise<Ticket[]> => {
  const ids = [...new Set(messages.flatMap((message) => (message.ticketId === null ? [] : [message.ticketId])))];
  const tickets = await Promise.all(ids.map((id) => pipeline.store.tickets.get(demoWorkspaceId, id)));
  return tickets.filter((ticket): ticket is Ticket => ticket !== null);
};

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  pipeline = await startPipelineServer(environment);
  // One workspace for all: the outage storm runs last so its incident does not absorb the other stories.
  for (const name of ['normal-day', 'repeat-complainer', 'cross-channel', 'outage-storm']) {
    runs[name] = await runScenario(pipeline, name);
  }
}, 170_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
});

describe('the care pipeline on a day of traffic', () => {
  it('opens tickets only for actionable posts and says why it ignored the others', async () => {
    const { inbound } = runs['normal-day'] ?? { inbound: [] };
    expect(inbound).toHaveLength(100);
    const ignored = inbound.filter((message) => message.ignoredReason !== null);
    expect(ignored.length).toBeGreaterThan(0);
    for (const message of ignored) {
      expect(message.triage?.actionable).toBe(false);
      expect(message.ignoredReason).toMatch(/\w{3,}/);
      expect(message.ticketId).toBeNull();
    }
    const tickets = await ticketsOf(inbound);
    expect(tickets.length).toBeGreaterThan(0);
    for (const ticket of tickets) {
      const first = inbound
        .filter((message) => message.ticketId === ticket.id)
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())[0];
      expect(first?.triage?.actionable, first?.text).toBe(true);
    }
  });

  // "Ordine A104242 mai arrivato. Rispondete!" is a complaint for the built-in models since builtin@2026-11-22.2.
  it('answers every one of ten identical posts and keeps them on one ticket', async () => {
    const { inbound } = runs['repeat-complainer'] ?? { inbound: [] };
    expect(inbound).toHaveLength(10);
    expect(new Set(inbound.map((message) => message.ticketId)).size).toBe(1);
    const repliedTo = new Set(environment.platform.sent({ platform: 'x' }).map((record) => record.inReplyTo));
    for (const message of inbound) expect(repliedTo.has(message.externalId), message.externalId).toBe(true);
  });

  // The tweet gives the order number the call and the e-mail carried: one customer, who called and wrote today.
  it('makes the customer who called, e-mailed and tweeted urgent', async () => {
    const { inbound } = runs['cross-channel'] ?? { inbound: [] };
    const tweet = inbound.find((message) => message.channelKind === 'x');
    expect(tweet?.ticketId).not.toBeNull();
    const [ticket] = await ticketsOf(tweet === undefined ? [] : [tweet]);
    expect(ticket?.priorityBand).toBe('urgent');
  });

  it('gathers an outage storm into one incident', async () => {
    const { inbound } = runs['outage-storm'] ?? { inbound: [] };
    const tickets = await ticketsOf(inbound);
    const incidents = new Set(tickets.map((ticket) => ticket.incidentId).filter((id) => id !== null));
    expect(incidents.size).toBe(1);
    expect(tickets.filter((ticket) => ticket.incidentId !== null).length).toBeGreaterThan(tickets.length / 2);
  });

  it('gives every ticket to an agent with its skill and language, or to the team queue', async () => {
    const agents = await pipeline.store.agents.list(demoWorkspaceId);
    const tickets = await ticketsOf(Object.values(runs).flatMap((run) => run.inbound));
    expect(tickets.length).toBeGreaterThan(10);
    for (const ticket of tickets.filter((candidate) => candidate.status !== 'resolved')) {
      if (ticket.assigneeId === null) {
        expect(ticket.teamId, `ticket ${ticket.number} has neither agent nor team`).not.toBeNull();
        continue;
      }
      const agent = agents.find((candidate) => candidate.id === ticket.assigneeId);
      expect(agent?.skills).toContain(ticket.category);
      expect(agent?.languages).toContain(ticket.language);
    }
  });

  it('opens the ticket once the customer answers the bot with every requested field in one message', async () => {
    const customer = {
      id: '4400000000000077',
      screenName: 'lucia_b',
      name: 'Lucia Bianchi',
      followers: 80,
      verified: false,
    };
    const brand = {
      id: demoAccounts.xAccountId,
      screenName: demoAccounts.xHandle,
      name: 'Ascolta',
      followers: 0,
      verified: true,
    };
    const tweetId = '1800000000000000771';
    const seen = new Set((await pipeline.settle(30_000)).map((message) => message.id));
    const complaint = xTweetDelivery({
      forUserId: brand.id,
      forUserHandle: brand.screenName,
      tweetId,
      author: customer,
      text: `@${brand.screenName} il mio pacco non è mai arrivato, sono furiosa`,
      at: new Date(),
      lang: 'it',
      mentionsAccount: true,
    });
    expect((await pipeline.post({ platform: 'x', body: complaint })).status).toBe(200);
    // The bot asks in private for the order number and e-mail; the customer answers that DM in one message.
    await waitUntil(
      'the bot to ask',
      async () => environment.platform.sent({ platform: 'x' }).find((record) => record.action === 'dm') ?? null,
    );
    const answer = xDirectMessageDelivery({
      forUserId: brand.id,
      eventId: '1800000000000000772',
      sender: customer,
      recipient: brand,
      text: 'Ordine A105577, la mia email è lucia.bianchi@example.it',
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'x', body: answer })).status).toBe(200);
    const added = (await pipeline.settle(30_000)).filter((message) => !seen.has(message.id));
    const inbound = added.filter((message) => message.direction === 'inbound');
    expect(inbound).toHaveLength(2);
    expect(new Set(inbound.map((message) => message.ticketId)).size).toBe(1);
    const [ticket] = await ticketsOf(inbound);
    expect(ticket?.status).toBe('open');
    expect(ticket?.collectedFields).toEqual({ orderNumber: 'A105577', email: 'lucia.bianchi@example.it' });
    // One automated interaction: the first contact's ask (with its public acknowledgement), nothing after the answer.
    const automated = added.filter((message) => message.direction === 'outbound' && message.metadata.isAutomated);
    // Counted, not timed: platform timestamps have one-second precision, so the answer may carry the same second.
    expect(automated.map((message) => message.metadata.purpose).sort()).toEqual(['acknowledgement', 'info-request']);
  });
});
