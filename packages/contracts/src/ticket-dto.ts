import { channelKinds, priorityBands, ticketStatuses } from '@ascolta/core';
import { z } from 'zod';
import { pageOf, pageQuery } from './page.ts';

/** Comma-separated list in a query string: `status=new,open`. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()))
    .pipe(z.array(z.enum(values)).min(1));

export const ticketListQuery = z.object({
  status: listOf(ticketStatuses).optional(),
  priorityBand: listOf(priorityBands).optional(),
  channelId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  category: z.string().max(100).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO 639-1 language code such as `it`')
    .optional(),
  ...pageQuery,
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

export const ticketDto = z.object({
  id: z.string(),
  number: z.number().int(),
  customerId: z.string(),
  channelId: z.string(),
  channelKind: z.enum(channelKinds),
  threadExternalId: z.string(),
  visibility: z.enum(['public', 'private']),
  subject: z.string(),
  status: z.enum(ticketStatuses),
  priorityScore: z.number(),
  priorityBand: z.enum(priorityBands),
  priorityContributions: z.array(z.object({ factor: z.string(), points: z.number(), reason: z.string() })),
  category: z.string(),
  language: z.string(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  incidentId: z.string().nullable(),
  collectedFields: z.record(z.string(), z.string()),
  firstResponseDueAt: z.iso.datetime().nullable(),
  nextResponseDueAt: z.iso.datetime().nullable(),
  resolutionDueAt: z.iso.datetime().nullable(),
  firstResponseAt: z.iso.datetime().nullable(),
  waitingSince: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TicketDto = z.infer<typeof ticketDto>;

export const ticketPage = pageOf(ticketDto);
