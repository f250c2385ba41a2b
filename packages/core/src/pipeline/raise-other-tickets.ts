import type { Customer, Touchpoint } from '../customer/customer.ts';
import { contactsAsTouchpoints } from '../priority/contacts-as-touchpoints.ts';
import { rescoreFactor } from '../priority/rescore-factor.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { PipelineRun } from './pipeline-run.ts';

const isOpen = (ticket: Ticket): boolean => ticket.status !== 'resolved' && ticket.status !== 'closed';

/**
 * A contact on one channel makes the customer's open tickets on the other channels more urgent too, whichever
 * of the messages is processed first (an e-mail handled after the tweet that mentions it): the cross-channel
 * addend of those tickets is read again with this message among the contacts.
 */
export const raiseOtherTickets = async (
  run: PipelineRun,
  context: {
    customer: Customer;
    current: Ticket;
    customerTickets: readonly Ticket[];
    /** Read only when there is another open ticket to look at. */
    history: () => Promise<{
      logged: readonly Pick<Touchpoint, 'kind' | 'occurredAt' | 'data'>[];
      contacts: readonly Parameters<typeof contactsAsTouchpoints>[0][number][];
    }>;
  },
): Promise<void> => {
  const { customer, current } = context;
  const others = context.customerTickets.filter(
    (ticket) => ticket.id !== current.id && isOpen(ticket) && ticket.channelId !== run.message.channelId,
  );
  if (others.length === 0) return;
  const { logged, contacts: earlier } = await context.history();
  const contacts = [...earlier, run.message];
  for (const ticket of others) {
    const rescored = rescoreFactor(
      ticket,
      'crossChannel',
      {
        triage: { kind: 'other', sentiment: 0, urgency: [], scores: {} },
        customer,
        repeatContacts: 0,
        touchpoints: [...logged, ...contactsAsTouchpoints(contacts, ticket.channelId)],
        slaMinutesLeft: null,
        now: run.now,
      },
      run.settings.priority,
    );
    if (rescored.priorityScore <= ticket.priorityScore) continue;
    await run.deps.repos.tickets.update(rescored);
    run.events.push({
      type: 'ticket.prioritised',
      workspaceId: run.workspaceId,
      actor: { type: 'system' },
      ticketId: ticket.id,
      customerId: customer.id,
      data: { score: rescored.priorityScore, band: rescored.priorityBand },
    });
  }
};
