import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/ticket.ts';
import type { Entity } from '../triage/triage.ts';
import { applyCustomerAnswer } from './apply-customer-answer.ts';
import { asksForHuman } from './asks-for-human.ts';
import type { InfoRequest } from './info-request.ts';
import { type InfoRequestInput, planInfoRequest } from './plan-info-request.ts';

const now = new Date('2026-03-10T10:00:00Z');

const deliveryRequest: InfoRequest = {
  id: 'ir-delivery',
  workspaceId: 'ws',
  category: 'delivery',
  fields: [
    {
      name: 'orderNumber',
      entity: 'order-number',
      label: { it: "numero d'ordine", en: 'order number' },
      isRequired: true,
    },
    { name: 'email', entity: 'email', label: { it: 'e-mail', en: 'e-mail address' }, isRequired: true },
    { name: 'phone', entity: 'phone', label: { it: 'telefono', en: 'phone' }, isRequired: false },
  ],
  prompt: {},
  publicAcknowledgement: {},
  reminderAfterMinutes: 120,
};

const entity = (kind: Entity['kind'], value: string): Entity => ({
  kind,
  value,
  text: value,
  start: 0,
  end: value.length,
});

const input = (overrides: Partial<InfoRequestInput> = {}): InfoRequestInput => ({
  infoRequest: deliveryRequest,
  entities: [],
  pii: [],
  visibility: 'public',
  language: 'it',
  customerName: 'Giulia',
  collectedFields: {},
  staffing: { isOpen: true, nextOpeningAt: null, timeZone: 'Europe/Rome' },
  now,
  ...overrides,
});

const forbidden = /numero verde|toll-free|chiama|call us/i;

describe('planInfoRequest', () => {
  it('asks for every missing field in one private message and acknowledges publicly', () => {
    const plan = planInfoRequest(input());
    expect(plan.missingFields).toEqual(['orderNumber', 'email']);
    expect(plan.privateMessage).toContain("numero d'ordine e e-mail");
    expect(plan.privateMessage).toContain('Ciao Giulia');
    expect(plan.privateMessage).toContain('operatore');
    expect(plan.publicReply).toContain('privato');
    expect(`${plan.publicReply} ${plan.privateMessage}`).not.toMatch(forbidden);
    expect(plan.reminder?.at).toEqual(new Date(now.getTime() + 120 * 60_000));
  });

  it('does not ask for what the post already contains', () => {
    const plan = planInfoRequest(input({ entities: [entity('order-number', 'A-123')], language: 'en' }));
    expect(plan.collectedFields).toEqual({ orderNumber: 'A-123' });
    expect(plan.missingFields).toEqual(['email']);
    expect(plan.privateMessage).toContain('we need e-mail address.');
  });

  it('gently moves personal data posted in public to private', () => {
    const plan = planInfoRequest(
      input({
        entities: [entity('order-number', 'A-1'), entity('email', 'g@example.com')],
        pii: [{ kind: 'email', start: 0, end: 5 }],
      }),
    );
    expect(plan.missingFields).toEqual([]);
    expect(plan.publicReply).toContain('cancellare il post');
    expect(plan.privateMessage).toContain('privato');
    expect(plan.reminder).toBeNull();
  });

  it('says when a person will answer outside staffed hours, in the customer language', () => {
    const staffing = { isOpen: false, nextOpeningAt: new Date('2026-03-16T08:00:00Z'), timeZone: 'Europe/Rome' };
    const italian = planInfoRequest(input({ staffing }));
    expect(italian.publicReply).toMatch(/lunedì 16 marzo.*09:00/);
    const english = planInfoRequest(input({ staffing, language: 'en', visibility: 'private', infoRequest: null }));
    expect(english.publicReply).toBeNull();
    expect(english.privateMessage).toMatch(/Monday.*March 16.*09:00/);
  });

  it('sends nothing private for a staffed private conversation that needs no information', () => {
    const plan = planInfoRequest(input({ infoRequest: null, visibility: 'private' }));
    expect(plan).toMatchObject({ publicReply: null, privateMessage: null, missingFields: [] });
  });

  it('uses the workspace texts and tone when given', () => {
    const plan = planInfoRequest(
      input({
        infoRequest: { ...deliveryRequest, prompt: { it: '{{tone.greeting}}! Ci mandi {{fields}}?' } },
        tone: { it: { greeting: 'Buongiorno {{customer.name}}', signOff: 'A presto' } },
      }),
    );
    expect(plan.privateMessage).toBe("Buongiorno Giulia! Ci mandi numero d'ordine e e-mail?");
  });
});

const ticket = (overrides: Partial<Ticket> = {}): Ticket =>
  ({
    id: 't1',
    workspaceId: 'ws',
    customerId: 'c1',
    status: 'awaiting_customer',
    collectedFields: { orderNumber: 'A-1' },
    waitingSince: null,
    updatedAt: now,
    ...overrides,
  }) as Ticket;

describe('applyCustomerAnswer', () => {
  it('opens the ticket once every required field is known', () => {
    const result = applyCustomerAnswer({
      ticket: ticket(),
      infoRequest: deliveryRequest,
      text: 'la mail è g@example.com',
      entities: [entity('email', 'g@example.com')],
      now,
    });
    expect(result.outcome).toBe('complete');
    expect(result.ticket).toMatchObject({
      status: 'open',
      collectedFields: { orderNumber: 'A-1', email: 'g@example.com' },
    });
    expect(result.ticket.waitingSince).toEqual(now);
    expect(result.events.map((event) => event.type)).toEqual(['ticket.info-collected', 'ticket.status-changed']);
  });

  it('keeps waiting while required fields are missing', () => {
    const result = applyCustomerAnswer({
      ticket: ticket({ collectedFields: {} }),
      infoRequest: deliveryRequest,
      text: 'ok',
      entities: [],
      now,
    });
    expect(result).toMatchObject({ outcome: 'incomplete', missingFields: ['orderNumber', 'email'], events: [] });
    expect(result.ticket.status).toBe('awaiting_customer');
  });

  it('hands over at once when the customer asks for a person', () => {
    const result = applyCustomerAnswer({
      ticket: ticket({ collectedFields: {} }),
      infoRequest: deliveryRequest,
      text: 'Voglio parlare con una persona!',
      entities: [],
      now,
    });
    expect(result.outcome).toBe('handover');
    expect(result.ticket.status).toBe('open');
  });

  it('fills a free-text field with the reply', () => {
    const request: InfoRequest = {
      ...deliveryRequest,
      fields: [{ name: 'problem', entity: 'free-text', label: { it: 'descrizione' }, isRequired: true }],
    };
    const result = applyCustomerAnswer({
      ticket: ticket({ collectedFields: {} }),
      infoRequest: request,
      text: ' Pacco rotto ',
      entities: [],
      now,
    });
    expect(result.ticket.collectedFields).toEqual({ problem: 'Pacco rotto' });
    expect(result.outcome).toBe('complete');
  });
});

describe('asksForHuman', () => {
  it('recognises requests for a person in Italian and English, not look-alikes', () => {
    expect(
      ['operatore per favore', 'posso parlare con una persona?', 'I want a human', 'get me an AGENT'].map(asksForHuman),
    ).toEqual([true, true, true, true]);
    expect(['la mia agenda', 'agente di commercio', 'grazie'].map(asksForHuman)).toEqual([false, false, false]);
  });
});
