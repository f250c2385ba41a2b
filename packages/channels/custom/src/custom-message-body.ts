import { messageTypes } from '@ascolta/core';
import { z } from 'zod';

/**
 * The body of `POST /webhooks/custom/:channelId`: one message from any other source (reviews, app
 * stores, a chat widget, a shop, a telephony system logging calls). Only `id`, `text` and `author.id` are required.
 */
export const customMessageBody = z.object({
  /** Unique within the channel: a replay with the same id is a no-op. */
  id: z.string().min(1).max(200),
  text: z.string().max(20_000),
  author: z.object({
    id: z.string().min(1).max(200),
    handle: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    email: z.email().optional(),
    followers: z.number().int().nonnegative().optional(),
  }),
  /** The conversation on the source; defaults to the author (one thread per person). */
  threadId: z.string().max(200).optional(),
  inReplyToId: z.string().max(200).optional(),
  visibility: z.enum(['public', 'private']).default('private'),
  type: z.enum(messageTypes).default('direct'),
  /** ISO 8601; defaults to the time of receipt. */
  createdAt: z.iso.datetime({ offset: true }).optional(),
  language: z.string().length(2).optional(),
  subject: z.string().max(500).optional(),
  /** Where it came from, e.g. `app-store`, `trustpilot`, `phone`. */
  source: z.string().max(100).optional(),
  url: z.url().optional(),
  attachments: z
    .array(
      z.object({
        kind: z.enum(['image', 'video', 'audio', 'file', 'sticker', 'link', 'other']),
        url: z.string(),
        mimeType: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .max(20)
    .default([]),
  metadata: z.record(z.string(), z.unknown()).default({}),
  /** Set by sources that also report the replies we posted through them: stored nowhere, ignored. */
  isEcho: z.boolean().default(false),
});
export type CustomMessageBody = z.infer<typeof customMessageBody>;
