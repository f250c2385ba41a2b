import { type Classifier, type Message, scorePriority, type Ticket } from '@ascolta/core';
import { demoCustomers, demoTouchpoints } from './demo-customers.ts';

/**
 * Runs the demo's inbound messages through the real classifier and scores each ticket with the real priority
 * rules, so the demo shows genuine triage explanations and priority contributions, not invented ones.
 */
export const triageDemo = async (
  classifier: Classifier,
  messages: Message[],
  tickets: Array<Omit<Ticket, 'number'>>,
): Promise<void> => {
  for (const message of messages) {
    if (message.direction !== 'inbound') continue;
    message.triage = await classifier.classify({
      text: message.text,
      channel: message.channelKind,
      visibility: message.visibility,
      ...(message.language === null ? {} : { languageHint: message.language }),
    });
  }
  for (const ticket of tickets) {
    const first = messages.find((message) => message.ticketId === ticket.id && message.direction === 'inbound');
    if (first?.triage == null) continue;
    const customer = demoCustomers.find((candidate) => candidate.id === ticket.customerId) ?? null;
    const touchpoints = demoTouchpoints.filter((touchpoint) => touchpoint.customerId === ticket.customerId);
    const priority = scorePriority({
      triage: first.triage,
      customer,
      repeatContacts: 0,
      touchpoints,
      slaMinutesLeft: null,
      now: ticket.createdAt,
    });
    ticket.priorityScore = priority.score;
    ticket.priorityBand = priority.band;
    ticket.priorityContributions = priority.contributions;
  }
};
