import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Incident, Ticket } from '../ticket/ticket.ts';

export type BroadcastTicket = Pick<Ticket, 'id' | 'customerId' | 'language' | 'status'>;

export interface IncidentBroadcast {
  /** One solution message per linked ticket, in the ticket's language. */
  messages: Array<{ ticketId: string; language: string; text: string }>;
  /** Tickets in a language the solution was not written in: an agent must translate. */
  untranslatedTicketIds: string[];
  events: UnstampedEvent[];
}

/**
 * Composes the published solution of an incident for each linked ticket that is still open, so every
 * customer who reported the problem hears the fix in their own language.
 */
export const planIncidentBroadcast = (incident: Incident, tickets: readonly BroadcastTicket[]): IncidentBroadcast => {
  const waiting = tickets.filter((ticket) => ticket.status !== 'closed' && ticket.status !== 'resolved');
  const messages: IncidentBroadcast['messages'] = [];
  const untranslatedTicketIds: string[] = [];
  for (const ticket of waiting) {
    const text = incident.solution[ticket.language];
    if (text === undefined || text.trim() === '') untranslatedTicketIds.push(ticket.id);
    else messages.push({ ticketId: ticket.id, language: ticket.language, text });
  }
  const events: UnstampedEvent[] =
    messages.length === 0
      ? []
      : [
          {
            type: 'incident.solution-published',
            workspaceId: incident.workspaceId,
            actor: { type: 'system' },
            ticketId: null,
            customerId: null,
            data: { incidentId: incident.id },
          },
        ];
  return { messages, untranslatedTicketIds, events };
};
