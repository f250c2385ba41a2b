import type { DomainEvent, Message, MessageType, Ticket, Visibility } from '@ascolta/core';
import { demoCustomers, demoIdentities } from './demo-customers.ts';
import { demoId, demoWorkspaceId, hoursBefore } from './demo-ids.ts';
import { type DemoChannelKey, demoIgnoredRows, demoTicketRows } from './demo-ticket-rows.ts';
import { demoAgents, demoChannels, demoSlaPolicy, demoTeams } from './demo-workspace.ts';

const shapes: Record<DemoChannelKey, { type: MessageType; visibility: Visibility; externalId: (n: number) => string }> =
  {
    x: { type: 'mention', visibility: 'public', externalId: (n) => `18${String(n).padStart(17, '0')}` },
    facebook: { type: 'comment', visibility: 'public', externalId: (n) => `100000000000001_5000${n}_6000${n}` },
    messenger: { type: 'direct', visibility: 'private', externalId: (n) => `m_demo${String(n).padStart(6, '0')}` },
    instagram: { type: 'comment', visibility: 'public', externalId: (n) => `179${String(n).padStart(14, '0')}` },
    whatsapp: { type: 'direct', visibility: 'private', externalId: (n) => `wamid.DEMO${String(n).padStart(8, '0')}` },
    email: { type: 'email', visibility: 'private', externalId: (n) => `<demo-${n}@mail.example.it>` },
    custom: { type: 'post', visibility: 'public', externalId: (n) => `review-${n}` },
  };

const authorOf = (customerNumber: number, channel: DemoChannelKey) => {
  const customerId = demoId('customer', customerNumber);
  const identities = demoIdentities.filter((identity) => identity.customerId === customerId);
  const onChannel = identities.find((identity) => identity.channelKind === channel);
  const email = identities.find((identity) => identity.kind === 'email');
  const chosen = onChannel ?? (channel === 'email' || channel === 'custom' ? email : undefined) ?? identities[0];
  return { customerId, handle: chosen?.displayHandle ?? chosen?.value ?? 'unknown' };
};

const baseMessage = (index: number, channel: DemoChannelKey, at: Date) => {
  const shape = shapes[channel];
  const externalId = shape.externalId(index);
  return {
    workspaceId: demoWorkspaceId,
    channelId: demoChannels[channel].id,
    channelKind: demoChannels[channel].kind,
    type: shape.type,
    visibility: shape.visibility,
    externalId,
    threadExternalId: externalId,
    attachments: [],
    metadata: {},
    triage: null,
    deliveryError: null,
    receivedAt: at,
    createdAt: at,
  };
};

const minutes = (n: number) => n * 60_000;
const isAnswered = (row: (typeof demoTicketRows)[number]) => row.reply !== null;

export const buildDemoConversations = () => {
  const tickets: Array<Omit<Ticket, 'number'>> = [];
  const messages: Message[] = [];
  const events: DomainEvent[] = [];
  let eventIndex = 0;
  const event = (fields: Omit<DomainEvent, 'id' | 'workspaceId'>): void => {
    eventIndex += 1;
    events.push({ ...fields, id: demoId('event', eventIndex), workspaceId: demoWorkspaceId } as DomainEvent);
  };

  demoTicketRows.forEach((row, index) => {
    const openedAt = hoursBefore(row.hoursAgo);
    const ticketId = demoId('ticket', index + 1);
    const author = authorOf(row.customer, row.channel);
    const inbound: Message = {
      ...baseMessage(index + 1, row.channel, openedAt),
      id: demoId('message', index * 2 + 1),
      direction: 'inbound',
      inReplyToExternalId: null,
      customerId: author.customerId,
      ticketId,
      authorAgentId: null,
      authorHandle: author.handle,
      text: row.text,
      language: row.language,
      subject: row.channel === 'email' ? row.text.slice(0, 60) : null,
      ignoredReason: null,
      deliveryState: 'received',
    };
    messages.push(inbound);
    const repliedAt = new Date(openedAt.getTime() + minutes(12 + (index % 5) * 9));
    const assigneeId = row.assignee === null ? null : demoId('agent', row.assignee);
    if (row.reply !== null) {
      messages.push({
        ...baseMessage(1000 + index, row.channel, repliedAt),
        id: demoId('message', index * 2 + 2),
        direction: 'outbound',
        threadExternalId: inbound.threadExternalId,
        inReplyToExternalId: inbound.externalId,
        customerId: author.customerId,
        ticketId,
        authorAgentId: assigneeId,
        authorHandle: demoChannels[row.channel].handle ?? demoChannels[row.channel].name,
        text: row.reply,
        language: row.language,
        subject: row.channel === 'email' ? `Re: ${inbound.subject ?? ''}` : null,
        ignoredReason: null,
        deliveryState: 'delivered',
      });
    }
    const targets = demoSlaPolicy.targets[row.band];
    const isDone = row.status === 'resolved' || row.status === 'closed';
    tickets.push({
      id: ticketId,
      workspaceId: demoWorkspaceId,
      customerId: author.customerId,
      channelId: demoChannels[row.channel].id,
      channelKind: demoChannels[row.channel].kind,
      threadExternalId: inbound.threadExternalId,
      visibility: inbound.visibility,
      subject: row.text.replace(/^@\w+\s*/, '').slice(0, 80),
      status: row.status,
      priorityScore: { low: 10, normal: 30, high: 55, urgent: 80 }[row.band] + (index % 7),
      priorityBand: row.band,
      priorityContributions: [],
      category: row.category,
      language: row.language,
      assigneeId,
      teamId: demoTeams[row.team - 1]?.id ?? null,
      incidentId: null,
      collectedFields: {},
      firstResponseDueAt: new Date(openedAt.getTime() + minutes(targets.firstResponseMinutes)),
      nextResponseDueAt: null,
      resolutionDueAt: new Date(openedAt.getTime() + minutes(targets.resolutionMinutes)),
      firstResponseAt: isAnswered(row) ? repliedAt : null,
      waitingSince: isAnswered(row) || isDone ? null : openedAt,
      resolvedAt: isDone ? new Date(repliedAt.getTime() + minutes(30)) : null,
      createdAt: openedAt,
      updatedAt: isAnswered(row) ? repliedAt : openedAt,
    });
    const envelope = { ticketId, customerId: author.customerId, actor: { type: 'system' as const } };
    event({
      ...envelope,
      type: 'message.received',
      occurredAt: openedAt,
      data: { messageId: inbound.id, channelId: inbound.channelId },
    });
    event({
      ...envelope,
      type: 'ticket.opened',
      occurredAt: openedAt,
      data: { category: row.category, priorityBand: row.band, channelId: inbound.channelId },
    });
    if (assigneeId !== null || row.team) {
      event({
        ...envelope,
        type: 'ticket.assigned',
        occurredAt: openedAt,
        data: { agentId: assigneeId, teamId: demoTeams[row.team - 1]?.id ?? null, reason: 'demo seed' },
      });
    }
    if (row.reply !== null) {
      const actor = assigneeId === null ? { type: 'system' as const } : { type: 'agent' as const, agentId: assigneeId };
      event({
        ...envelope,
        actor,
        type: 'message.sent',
        occurredAt: repliedAt,
        data: {
          messageId: demoId('message', index * 2 + 2),
          channelId: inbound.channelId,
          isAutomated: assigneeId === null,
        },
      });
    }
    if (row.status !== 'new') {
      event({
        ...envelope,
        type: 'ticket.status-changed',
        occurredAt: repliedAt,
        data: { from: 'new', to: row.status },
      });
    }
  });

  demoIgnoredRows.forEach((row, index) => {
    const at = hoursBefore(row.hoursAgo);
    const author = authorOf(row.customer, row.channel);
    const id = demoId('message', 500 + index);
    messages.push({
      ...baseMessage(700 + index, row.channel, at),
      id,
      direction: 'inbound',
      inReplyToExternalId: null,
      customerId: author.customerId,
      ticketId: null,
      authorAgentId: null,
      authorHandle: author.handle,
      text: row.text,
      language: row.language,
      subject: null,
      ignoredReason: row.reason,
      deliveryState: 'received',
    });
    event({
      ticketId: null,
      customerId: author.customerId,
      actor: { type: 'system' },
      type: 'message.ignored',
      occurredAt: at,
      data: { messageId: id, reason: row.reason },
    });
  });

  return { tickets, messages, events };
};

export { demoAgents, demoCustomers };
