import { channelKinds, messageTypes } from '@ascolta/core';
import { z } from 'zod';
import { pageOf, pageQuery } from './page.ts';

export const messageListQuery = z.object({
  q: z.string().trim().min(1).max(500).optional(),
  channel: z.string().max(100).optional().describe('A channel id, or a channel kind such as `x` or `email`.'),
  externalId: z.string().max(500).optional(),
  ticketId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  ...pageQuery,
});
export type MessageListQuery = z.infer<typeof messageListQuery>;

export const attachmentDto = z.object({
  kind: z.string(),
  url: z.string().nullable(),
  mimeType: z.string().nullable(),
  name: z.string().nullable(),
});

export const messageDto = z.object({
  id: z.string(),
  channelId: z.string(),
  channelKind: z.enum(channelKinds),
  direction: z.enum(['inbound', 'outbound']),
  type: z.enum(messageTypes),
  visibility: z.enum(['public', 'private']),
  externalId: z.string(),
  threadExternalId: z.string(),
  inReplyToExternalId: z.string().nullable(),
  customerId: z.string().nullable(),
  ticketId: z.string().nullable(),
  authorAgentId: z.string().nullable(),
  authorHandle: z.string(),
  text: z.string(),
  language: z.string().nullable(),
  subject: z.string().nullable(),
  attachments: z.array(attachmentDto),
  triage: z.record(z.string(), z.unknown()).nullable(),
  ignoredReason: z.string().nullable(),
  deliveryState: z.string(),
  deliveryError: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type MessageDto = z.infer<typeof messageDto>;

export const messagePage = pageOf(messageDto);
