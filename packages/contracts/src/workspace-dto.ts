import { apiKeyScopes, channelKinds } from '@ascolta/core';
import { z } from 'zod';

export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const apiKeyList = z.object({ items: z.array(apiKeyDto) });

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1),
});

/** The secret appears here once; only its hash is stored. */
export const createdApiKey = z.object({ apiKey: apiKeyDto, secret: z.string() });

export const channelDto = z.object({
  id: z.string(),
  kind: z.enum(channelKinds),
  name: z.string(),
  externalAccountId: z.string(),
  handle: z.string().nullable(),
  isActive: z.boolean(),
  health: z.object({
    state: z.enum(['ok', 'auth-expired', 'rate-limited', 'failing']),
    lastError: z.string().nullable(),
    lastErrorAt: z.iso.datetime().nullable(),
    retryAfter: z.iso.datetime().nullable(),
  }),
});
export type ChannelDto = z.infer<typeof channelDto>;
export const channelList = z.object({ items: z.array(channelDto) });

export const incidentDto = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.enum(['open', 'resolved']),
  solution: z.record(z.string(), z.string()),
  openedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type IncidentDto = z.infer<typeof incidentDto>;
export const incidentList = z.object({ items: z.array(incidentDto) });

export const incidentListQuery = z.object({ status: z.enum(['open', 'resolved']).optional() });

/** The solution by language (ISO 639-1): `{ "it": "…", "en": "…" }`. */
export const incidentSolutionBody = z.object({
  solution: z
    .record(z.string().regex(/^[a-z]{2}$/, 'a language code such as `it`'), z.string().trim().min(1).max(4000))
    .refine((solution) => Object.keys(solution).length > 0, 'give the solution in at least one language'),
  /** Also mark the incident resolved (default true). */
  resolve: z.boolean().default(true),
});

export const incidentSolutionResponse = z.object({
  incident: incidentDto,
  queuedMessageIds: z.array(z.string()),
  /** Linked tickets in a language the solution lacks, or whose channel cannot take it now: an agent answers them. */
  ticketIdsNeedingAgent: z.array(z.string()),
});
