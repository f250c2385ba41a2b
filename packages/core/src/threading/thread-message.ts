import type { Ticket, TicketStatus } from '../ticket/ticket.ts';
import type { Visibility } from '../triage/triage.ts';

export interface ThreadingOptions {
  /** A new post on the same category within this time of the ticket's last activity joins it. */
  repeatWindowMinutes: number;
  /** A reply this long after resolution still reopens the ticket; later it opens a new one. */
  reopenWindowMinutes: number;
}

export const defaultThreadingOptions: ThreadingOptions = {
  repeatWindowMinutes: 7 * 24 * 60,
  reopenWindowMinutes: 7 * 24 * 60,
};

export interface ThreadingInput {
  message: { customerId: string; receivedAt: Date; visibility: Visibility };
  /** The triaged category, or null when the message is not actionable on its own. */
  category: string | null;
  /** The ticket already holding this platform thread or DM conversation, if any. */
  threadTicket: Ticket | null;
  /** The customer's recent tickets, any status. */
  customerTickets: readonly Ticket[];
  options: ThreadingOptions;
}

export type ThreadDecision =
  /** A reply in the same thread or DM: it joins the ticket as is. */
  | { kind: 'follow-up'; ticket: Ticket }
  /** A reply to a resolved ticket within its reopen window. */
  | { kind: 'reopen'; ticket: Ticket }
  /** The same complaint posted again elsewhere: one ticket, but every post gets its own public answer. */
  | { kind: 'repeat-post'; ticket: Ticket }
  | { kind: 'new-ticket'; reason: string };

const activeStatuses: readonly TicketStatus[] = ['new', 'awaiting_customer', 'open', 'pending'];
const minutesBetween = (earlier: Date, later: Date): number => (later.getTime() - earlier.getTime()) / 60_000;

const decideForThreadTicket = (ticket: Ticket, input: ThreadingInput): ThreadDecision => {
  if (ticket.status === 'closed') return { kind: 'new-ticket', reason: `ticket ${ticket.number} is closed` };
  if (ticket.status !== 'resolved') return { kind: 'follow-up', ticket };
  const resolvedAt = ticket.resolvedAt ?? ticket.updatedAt;
  if (minutesBetween(resolvedAt, input.message.receivedAt) <= input.options.reopenWindowMinutes) {
    return { kind: 'reopen', ticket };
  }
  return { kind: 'new-ticket', reason: `ticket ${ticket.number} was resolved too long ago to reopen` };
};

/** Decides whether a message continues a ticket, repeats an open one or needs a new one. */
export const threadMessage = (input: ThreadingInput): ThreadDecision => {
  const { threadTicket, message } = input;
  // Someone else replying under the customer's post is not the customer's follow-up.
  if (threadTicket !== null && threadTicket.customerId === message.customerId) {
    return decideForThreadTicket(threadTicket, input);
  }
  // The bot asked in private and is waiting: the customer's next private message is the answer.
  const awaiting = input.customerTickets.find(
    (ticket) => ticket.customerId === message.customerId && ticket.status === 'awaiting_customer',
  );
  if (message.visibility === 'private' && awaiting !== undefined) return { kind: 'follow-up', ticket: awaiting };
  if (input.category === null) return { kind: 'new-ticket', reason: 'no open conversation to join' };
  const repeated = input.customerTickets
    .filter(
      (ticket) =>
        ticket.customerId === message.customerId &&
        ticket.category === input.category &&
        activeStatuses.includes(ticket.status) &&
        minutesBetween(ticket.updatedAt, message.receivedAt) <= input.options.repeatWindowMinutes,
    )
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  if (repeated !== undefined) return { kind: 'repeat-post', ticket: repeated };
  return { kind: 'new-ticket', reason: `no open ${input.category} ticket for this customer` };
};
