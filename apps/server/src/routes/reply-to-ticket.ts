import type { ReplyBody } from '@ascolta/contracts';
import {
  type AgentReplyPlan,
  DomainError,
  planAgentReply,
  type Repositories,
  renderTemplate,
  type Ticket,
} from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { actorOf, type Principal } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { storeReplyPlan } from '../http/store-reply-plan.ts';

const replyText = async (tx: Repositories, ticket: Ticket, principal: Principal, body: ReplyBody) => {
  if (body.templateId === undefined) return body.text ?? '';
  const template = (await tx.templates.list(ticket.workspaceId)).find((t) => t.id === body.templateId);
  if (template === undefined)
    throw new DomainError('invalid-input', `templateId: template ${body.templateId} does not exist.`);
  const customer = await tx.customers.get(ticket.workspaceId, ticket.customerId);
  const agent = principal.kind === 'agent' ? await tx.agents.get(ticket.workspaceId, principal.agentId) : null;
  return renderTemplate(template.body, {
    'customer.name': customer?.displayName ?? '',
    'agent.name': agent?.name ?? '',
    'ticket.number': ticket.number,
    ...body.variables,
  });
};

/**
 * Queues an agent's reply in one transaction: the outbound message(s), an `outbound.send` job for each,
 * the ticket's new state and the events. The channel's rules come from core's `planAgentReply`.
 */
export const replyToTicket = async (
  { store, clock, ids }: ApiContext,
  principal: Principal,
  ticketId: string,
  body: ReplyBody,
): Promise<AgentReplyPlan> =>
  store.transaction(async (tx) => {
    const ticket = await loadTicket(tx, principal.workspaceId, ticketId);
    const channel = await tx.channels.get(ticket.workspaceId, ticket.channelId);
    if (channel === null) throw new DomainError('not-found', `The ticket's channel ${ticket.channelId} is gone.`);
    const inbound = await tx.messages.list({
      workspaceId: ticket.workspaceId,
      ticketId,
      direction: 'inbound',
      limit: 1,
    });
    const lastInbound = inbound.items[0];
    if (lastInbound === undefined) throw new DomainError('conflict', 'The ticket has no customer message to answer.');
    const text = await replyText(tx, ticket, principal, body);
    const plan = planAgentReply(
      {
        ticket,
        channel,
        lastInbound,
        text,
        visibility: body.visibility,
        overflow: body.overflow,
        templateId: body.templateId ?? null,
        actor: actorOf(principal),
        agentId: principal.kind === 'agent' ? principal.agentId : null,
      },
      clock.now(),
      ids,
    );
    await storeReplyPlan(tx, plan, clock, ids);
    return plan;
  });
