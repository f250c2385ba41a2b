import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../message/message.ts';
import { aRule } from '../rule/rule.test-support.ts';
import { createMemoryRepositories, type MemoryState } from './memory-repositories.test-support.ts';
import { anInboundTweet, emptyState, fakeClassifier, now } from './pipeline-fixtures.test-support.ts';
import type { ProcessInboundDeps } from './pipeline-run.ts';
import { processInbound } from './process-inbound.ts';

let state: MemoryState;
let deps: ProcessInboundDeps;
let sequence: number;

beforeEach(() => {
  state = emptyState();
  sequence = 0;
  deps = {
    repos: createMemoryRepositories(state),
    classifier: fakeClassifier,
    clock: { now: () => now },
    ids: { newId: () => `id-${++sequence}` },
  };
});

/** Stores an inbound message as the ingest would, and returns its id. */
const receive = (text: string, overrides: Partial<Message> = {}): string => {
  const message = anInboundTweet(`in-${state.messages.length + 1}`, text, overrides);
  state.messages.push(message);
  return message.id;
};

const process = (messageId: string) => processInbound(deps, { workspaceId: 'ws', messageId });
const outbound = () => state.messages.filter((message) => message.direction === 'outbound');
const eventTypes = () => state.events.map((event) => event.type);

describe('processInbound', () => {
  it('turns an actionable post into a routed ticket with SLA and a queued public answer', async () => {
    const result = await process(
      receive('@ascolta_demo il pacco A-123 non è arrivato, scrivetemi a giulia@example.com'),
    );
    expect(result.outcome).toBe('ticket-opened');
    const [ticket] = state.tickets;
    expect(ticket).toMatchObject({ status: 'new', category: 'delivery', assigneeId: 'agent-anna', number: 1 });
    expect(ticket?.collectedFields).toEqual({ orderNumber: 'A-123', email: 'giulia@example.com' });
    expect(ticket?.firstResponseDueAt).not.toBeNull();
    expect(ticket?.priorityContributions.length).toBeGreaterThan(0);
    expect(state.customers).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ ticketId: ticket?.id, customerId: state.customers[0]?.id });
    expect(outbound()).toEqual([
      expect.objectContaining({ visibility: 'public', deliveryState: 'queued', inReplyToExternalId: 'tweet-in-1' }),
    ]);
    expect(state.jobs.map((job) => job.name)).toEqual(expect.arrayContaining(['outbound.send', 'sla.check']));
    expect(eventTypes()).toEqual(
      expect.arrayContaining(['customer.created', 'ticket.opened', 'ticket.prioritised', 'ticket.assigned']),
    );
    expect(new Set(state.events.map((event) => event.id)).size).toBe(state.events.length);
  });

  it('links a new handle to the customer who holds the e-mail it gives, with confidence and evidence', async () => {
    await process(
      receive('Il pacco A-1 non arriva, anna@example.com', { authorExternalId: 'anna-x', authorName: 'Anna' }),
    );
    const fromFacebook = { channelKind: 'facebook' as const, authorExternalId: 'anna-fb', authorName: 'Anna B.' };
    await process(receive('Ancora niente, vi ho scritto da anna@example.com', fromFacebook));
    expect(state.customers).toHaveLength(1);
    const inbound = state.messages.filter((message) => message.direction === 'inbound');
    expect(new Set(inbound.map((message) => message.customerId))).toEqual(new Set([state.customers[0]?.id]));
    const linked = state.identities.find((identity) => identity.value === 'anna-fb');
    expect(linked).toMatchObject({ kind: 'handle', channelKind: 'facebook', confidence: 0.8 });
    expect(state.events).toContainEqual(
      expect.objectContaining({
        type: 'customer.linked',
        data: { identityId: linked?.id, confidence: 0.8, evidence: 'e-mail anna@example.com' },
      }),
    );
  });

  it('links by order number only the same name; another name becomes a suggestion, not a merge', async () => {
    await process(receive('Il pacco A-7 non arriva', { authorExternalId: 'giulia-x', authorName: 'Giulia Rossi' }));
    await process(receive('Il pacco A-7 non arriva', { authorExternalId: 'marco-x', authorName: 'Marco' }));
    expect(state.customers).toHaveLength(2);
    expect(state.events).toContainEqual(
      expect.objectContaining({
        type: 'customer.link-suggested',
        data: { candidateCustomerIds: [state.customers[0]?.id], evidence: 'order-number A-7' },
      }),
    );
    // The suggestion names the customer the unknown author became, so an agent sees it on them.
    const suggestion = state.events.find((event) => event.type === 'customer.link-suggested');
    expect(suggestion?.customerId).toBe(state.customers[1]?.id);
    const fromFacebook = {
      channelKind: 'facebook' as const,
      authorExternalId: 'giulia-fb',
      authorName: 'giulia rossi',
    };
    await process(receive('Ordine A-7: ancora niente', fromFacebook));
    expect(state.customers).toHaveLength(2);
    expect(state.messages[2]?.customerId).toBe(state.customers[0]?.id);
  });

  it('fails, for the retry to find the survivor, when the customer is merged away while the message waits', async () => {
    await process(receive('Il pacco A-1 non arriva', { authorExternalId: 'anna-x', authorName: 'Anna' }));
    const [anna] = state.customers;
    deps.repos.customers.lockForCare = async () => {
      state.customers = state.customers.filter((customer) => customer.id !== anna?.id);
    };
    await expect(process(receive('Ancora niente', { authorExternalId: 'anna-x', authorName: 'Anna' }))).rejects.toThrow(
      /merged into another/,
    );
  });

  it('ignores a non-actionable post and says why', async () => {
    const result = await process(receive('Grazie, siete fantastici!'));
    expect(result).toEqual({ outcome: 'ignored', reason: 'not actionable (praise): praise words: grazie' });
    expect(state.tickets).toHaveLength(0);
    expect(state.messages[0]?.ignoredReason).toBe(result.outcome === 'ignored' ? result.reason : '');
    expect(eventTypes()).toContain('message.ignored');
    expect(outbound()).toHaveLength(0);
  });

  it('does nothing when the same message is processed again', async () => {
    const id = receive('Il pacco A-1 non arriva, giulia@example.com');
    await process(id);
    const before = JSON.stringify(state);
    expect(await process(id)).toEqual({ outcome: 'already-processed' });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('re-routes when another worker fills the chosen agent while this one claims her', async () => {
    // Anna (capacity 1, rated best) is free when routing looks; Bruno can take delivery too.
    state.agents[0] = { ...state.agents[0]!, capacity: 1 };
    state.agents.push({ ...state.agents[0]!, id: 'agent-bruno', capacity: 5, rating: 1 });
    const lock = deps.repos.agents.lockForAssignment;
    deps.repos.agents.lockForAssignment = async (workspaceId, id) => {
      // Another transaction commits a ticket for Anna between routing and this claim's row lock.
      const [first] = state.tickets;
      if (id === 'agent-anna' && first !== undefined && state.tickets.length === 1) {
        state.tickets.push({ ...first, id: 'concurrent', number: 99, assigneeId: 'agent-anna', status: 'open' });
      }
      return lock(workspaceId, id);
    };
    await process(receive('il pacco A-2 non è arrivato'));
    expect(state.tickets[0]?.assigneeId).toBe('agent-bruno');
    expect(state.tickets.filter((ticket) => ticket.assigneeId === 'agent-anna')).toHaveLength(1);
    const assigned = state.events.find((event) => event.type === 'ticket.assigned');
    expect(assigned?.data).toMatchObject({ agentId: 'agent-bruno' });
  });

  it("raises the customer's ticket on another channel when a later contact is processed after it", async () => {
    // A second X account of the brand: the same person, another channel (as an e-mail after a tweet would be).
    const [xChannel] = state.channels;
    if (xChannel === undefined) throw new Error('fixture channel missing');
    state.channels.push({ ...xChannel, id: 'ch-x2', externalAccountId: '2', handle: '@ascolta_help' });
    // Separate matters, so the second message opens its own ticket instead of joining the first.
    state.settings = { threading: { repeatWindowMinutes: 1, reopenWindowMinutes: 1 } } as MemoryState['settings'];
    await process(receive('il pacco A-1 non è arrivato', { threadExternalId: 'thread-a' }));
    const [first] = state.tickets;
    expect(first?.priorityContributions.map((contribution) => contribution.factor)).not.toContain('crossChannel');
    const later = new Date(now.getTime() + 10 * 60_000);
    deps.clock = { now: () => later };
    await process(
      receive('il pacco A-1 non è arrivato, vi scrivo anche qui', {
        channelId: 'ch-x2',
        threadExternalId: 'thread-b',
        receivedAt: later,
      }),
    );
    expect(state.tickets).toHaveLength(2);
    const raised = state.tickets.find((ticket) => ticket.id === first?.id);
    expect(raised?.priorityContributions).toContainEqual(expect.objectContaining({ factor: 'crossChannel' }));
    expect(raised?.priorityScore).toBeGreaterThan(first?.priorityScore ?? 0);
    const prioritised = state.events.filter(
      (event) => event.type === 'ticket.prioritised' && event.ticketId === first?.id,
    );
    expect(prioritised.at(-1)?.data).toMatchObject({ score: raised?.priorityScore });
  });

  it('keeps ten repeat posts in one ticket and answers every one of them in public', async () => {
    for (let post = 0; post < 10; post++)
      await process(receive(`Ancora niente, il mio pacco non è arrivato! (${post})`));
    expect(state.tickets).toHaveLength(1);
    const publicAnswers = outbound().filter((message) => message.visibility === 'public');
    expect(publicAnswers).toHaveLength(10);
    expect(new Set(publicAnswers.map((message) => message.inReplyToExternalId)).size).toBe(10);
    expect(new Set(publicAnswers.map((message) => message.text)).size).toBe(1);
    expect(outbound().filter((message) => message.visibility === 'private')).toHaveLength(1);
    expect(
      state.messages.filter((m) => m.direction === 'inbound').every((m) => m.ticketId === state.tickets[0]?.id),
    ).toBe(true);
  });

  it('asks for the missing information once, then opens the ticket with the answer', async () => {
    await process(receive('Il mio pacco non è arrivato'));
    expect(state.tickets[0]?.status).toBe('awaiting_customer');
    const ask = outbound().find((message) => message.visibility === 'private');
    expect(ask?.text).toContain("numero d'ordine e e-mail");
    expect(state.jobs.find((job) => job.name === 'info-request.remind')?.options?.startAfter).toEqual(
      new Date(now.getTime() + 240 * 60_000),
    );
    const dm = { visibility: 'private', type: 'direct', threadExternalId: 'dm-42' } as const;
    const result = await process(receive('Ordine A-77, mail giulia@example.com', dm));
    expect(result).toEqual({ outcome: 'ticket-continued', ticketId: state.tickets[0]?.id, as: 'follow-up' });
    expect(state.tickets[0]).toMatchObject({
      status: 'open',
      collectedFields: { orderNumber: 'A-77', email: 'giulia@example.com' },
      assigneeId: 'agent-anna',
    });
    expect(eventTypes()).toEqual(expect.arrayContaining(['ticket.info-requested', 'ticket.info-collected']));
    expect(outbound()).toHaveLength(2);
  });

  it('hands over at once when the customer asks for a person', async () => {
    await process(receive('Il mio pacco non è arrivato'));
    await process(
      receive('voglio parlare con un operatore', { visibility: 'private', type: 'direct', threadExternalId: 'dm-42' }),
    );
    expect(state.tickets[0]).toMatchObject({ status: 'open', collectedFields: {} });
  });

  it('answers automatically when the category allows it and resolves the ticket', async () => {
    state.settings = {
      priorityWeights: {
        severity: 20,
        sentiment: 10,
        urgency: 20,
        customerValue: 25,
        influence: 10,
        repeatContacts: 10,
        crossChannel: 40,
        slaTimeLeft: 15,
      },
      priorityBands: { normal: 20, high: 40, urgent: 60 },
      automation: { delivery: { isAutomated: true, minConfidence: 0.8 } },
    };
    state.infoRequests = [];
    state.templates = [
      {
        id: 'kb',
        workspaceId: 'ws',
        kind: 'answer',
        name: 'Tracking',
        category: 'delivery',
        language: 'it',
        body: 'Ciao {{customer.name}}, trovi lo stato del pacco su example.com/track.',
        autoAnswerThreshold: null,
      },
    ];
    await process(receive('Il mio pacco non è arrivato'));
    expect(state.tickets[0]).toMatchObject({ status: 'resolved', assigneeId: null, firstResponseDueAt: null });
    expect(outbound().map((message) => message.text)).toEqual([
      'Ciao Giulia, trovi lo stato del pacco su example.com/track. Se preferisci parlare con una persona, rispondi «operatore».',
    ]);
    expect(state.events.find((event) => event.type === 'ticket.resolved')?.data).toEqual({ isAutomated: true });
  });

  it('recognises a returning customer by their handle', async () => {
    await process(receive('Grazie, siete fantastici!'));
    await process(receive('Il pacco A-9 non è arrivato, giulia@example.com', { authorFollowers: 5000 }));
    expect(state.customers).toHaveLength(1);
    expect(state.customers[0]).toMatchObject({ followers: 5000, language: 'it' });
  });

  it('reopens a resolved ticket when the customer replies in its thread', async () => {
    const first = await process(receive('Il pacco A-5 non è arrivato, giulia@example.com'));
    const ticketId = first.outcome === 'ticket-opened' ? first.ticketId : '';
    const resolved = state.tickets[0];
    if (resolved === undefined) throw new Error('no ticket');
    state.tickets[0] = { ...resolved, status: 'resolved', resolvedAt: now, waitingSince: null };
    const reply = await process(
      receive('Ancora niente, non è arrivato', { threadExternalId: 'tweet-in-1', inReplyToExternalId: 'tweet-in-1' }),
    );
    expect(reply).toEqual({ outcome: 'ticket-continued', ticketId, as: 'reopen' });
    expect(state.tickets[0]).toMatchObject({ status: 'open', resolvedAt: null, waitingSince: now });
  });

  it('opens an incident when several customers report the same problem', async () => {
    const text = 'Il pacco non è arrivato, il corriere dice consegnato';
    for (const author of ['anna', 'bruno', 'carla']) {
      await process(
        receive(`${text} A-1 ${author}@example.com`, { authorHandle: `@${author}`, authorExternalId: author }),
      );
    }
    expect(state.incidents).toHaveLength(1);
    expect(state.tickets.map((ticket) => ticket.incidentId)).toEqual([
      state.incidents[0]?.id,
      state.incidents[0]?.id,
      state.incidents[0]?.id,
    ]);
    expect(eventTypes()).toContain('incident.opened');
  });
});

describe('processInbound with supervisor rules', () => {
  it('adds the rule points to the listed contributions and lets a rule set the band', async () => {
    state.rules.push(
      aRule({
        id: 'loud-delivery',
        name: 'Delivery complaints on X',
        conditions: [
          { field: 'triage.category', operator: 'equals', value: 'delivery' },
          { field: 'message.channelKind', operator: 'equals', value: 'x' },
        ],
        actions: [
          { type: 'add-priority', points: 25 },
          { type: 'set-priority-band', band: 'urgent' },
        ],
      }),
    );
    await process(receive('il pacco A-123 non è arrivato'));
    const [ticket] = state.tickets;
    expect(ticket?.priorityBand).toBe('urgent');
    expect(ticket?.priorityContributions).toContainEqual({
      factor: 'rules',
      points: 25,
      reason: 'rule "Delivery complaints on X": +25 priority, band urgent',
    });
    expect(state.messages[0]?.triage?.explanation).toContain(
      'rule "Delivery complaints on X": +25 priority, band urgent',
    );
  });

  it('routes by a rule and recategorises before routing', async () => {
    // Nobody has the billing skill: only the rule can pick this agent.
    state.agents.push({ ...state.agents[0]!, id: 'agent-closer', skills: [], rating: 2 });
    state.rules.push(
      aRule({
        id: 'refunds',
        kind: 'routing',
        name: 'Refund words go to billing',
        conditions: [{ field: 'message.text', operator: 'contains', value: 'rimborso' }],
        actions: [
          { type: 'set-category', category: 'billing' },
          { type: 'assign-agent', agentId: 'agent-closer' },
        ],
      }),
    );
    await process(receive('il pacco non è arrivato, voglio il rimborso'));
    const [ticket] = state.tickets;
    expect(ticket).toMatchObject({ category: 'billing', assigneeId: 'agent-closer' });
    const assigned = state.events.find((event) => event.type === 'ticket.assigned');
    expect(assigned?.data).toMatchObject({ reason: expect.stringContaining('Refund words go to billing') });
  });

  it('ignores new posts a rule excludes, with the rule as the reason, but never a follow-up', async () => {
    state.rules.push(
      aRule({
        id: 'contest',
        kind: 'automation',
        conditions: [{ field: 'message.text', operator: 'contains', value: '#concorso' }],
        actions: [{ type: 'ignore', reason: 'contest entries are handled by marketing' }],
      }),
    );
    const ignored = await process(receive('il pacco non è arrivato #concorso'));
    expect(ignored).toEqual({ outcome: 'ignored', reason: 'rule: contest entries are handled by marketing' });
    expect(state.tickets).toHaveLength(0);

    await process(receive('il pacco A-9 non è arrivato', { authorExternalId: 'user-7', threadExternalId: 'thread-7' }));
    const followUp = await process(
      receive('ancora niente #concorso', { authorExternalId: 'user-7', threadExternalId: 'thread-7' }),
    );
    expect(followUp.outcome).toBe('ticket-continued');
  });

  it('skips inactive rules', async () => {
    state.rules.push(
      aRule({ id: 'off', isActive: false, conditions: [], actions: [{ type: 'set-priority-band', band: 'urgent' }] }),
    );
    await process(receive('il pacco A-123 non è arrivato'));
    expect(state.tickets[0]?.priorityBand).not.toBe('urgent');
    expect(state.tickets[0]?.priorityContributions.map((contribution) => contribution.factor)).not.toContain('rules');
  });
});
