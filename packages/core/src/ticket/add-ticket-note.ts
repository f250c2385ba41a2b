import type { Agent } from '../agent/agent.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Ticket } from './ticket.ts';

const mention = /@([\p{L}\p{N}._-]+)/gu;

/** `@sara.conti` names the agent whose e-mail starts with `sara.conti@`; `@sara` also works when unambiguous. */
const mentionedAgents = (text: string, agents: readonly Agent[]): Agent[] => {
  const found = new Map<string, Agent>();
  for (const match of text.matchAll(mention)) {
    const name = (match[1] ?? '').toLowerCase().replace(/[._-]+$/, '');
    const byEmail = agents.filter((agent) => agent.email.toLowerCase().split('@')[0] === name);
    const byFirstName = agents.filter((agent) => agent.name.toLowerCase().split(' ')[0] === name);
    const agent = byEmail[0] ?? (byFirstName.length === 1 ? byFirstName[0] : undefined);
    if (agent !== undefined) found.set(agent.id, agent);
  }
  return [...found.values()];
};

/** An internal note: never sent to the customer; the mentioned agents are told through the event. */
export const addTicketNote = (
  ticket: Ticket,
  text: string,
  agents: readonly Agent[],
  actor: Actor,
): { mentionedAgentIds: string[]; events: UnstampedEvent[] } => {
  const trimmed = text.trim();
  if (trimmed === '') throw new DomainError('invalid-input', 'text: the note is empty.');
  const mentionedAgentIds = mentionedAgents(trimmed, agents).map((agent) => agent.id);
  const event: UnstampedEvent = {
    type: 'ticket.note-added',
    workspaceId: ticket.workspaceId,
    actor,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { text: trimmed, mentionedAgentIds },
  };
  return { mentionedAgentIds, events: [event] };
};
