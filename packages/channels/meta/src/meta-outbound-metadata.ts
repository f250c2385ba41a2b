import { z } from 'zod';

/**
 * What the pipeline tells the Meta connector about a reply, in `OutboundMessage.metadata`. Every key is
 * optional: without `lastCustomerMessageAt` the platform itself enforces the windows.
 */
export const metaOutboundMetadata = z.object({
  /** The customer's last message: opens the 24-hour window (and the 7-day HUMAN_AGENT one). */
  lastCustomerMessageAt: z.coerce.date().optional(),
  /** When the comment (or visitor post) answered privately was written: private replies expire after 7 days. */
  commentCreatedAt: z.coerce.date().optional(),
  /** Bot replies may not use the HUMAN_AGENT tag. */
  isAutomated: z.boolean().default(false),
  /** Instagram: a private reply to the comment in `inReplyToExternalId` instead of a DM. */
  isPrivateReplyToComment: z.boolean().default(false),
  /** Facebook: the private reply answers a visitor post rather than a comment. */
  isReplyToPost: z.boolean().default(false),
  /**
   * Tappable answers (a survey's scores): Messenger/Instagram quick replies (at most 13), WhatsApp reply
   * buttons (up to 3) or a list (up to 10 rows). Ignored on comment replies.
   */
  quickReplies: z
    .array(z.object({ payload: z.string().min(1).max(200), title: z.string().min(1).max(20) }))
    .max(13)
    .default([]),
  /** WhatsApp: the button that opens the list of `quickReplies` (at most 20 characters). */
  quickRepliesLabel: z.string().min(1).max(20).default('Choose'),
  /** WhatsApp: an approved template, required outside the 24-hour window. */
  template: z
    .object({ name: z.string(), languageCode: z.string(), parameters: z.array(z.string()).default([]) })
    .optional(),
});
export type MetaOutboundMetadata = z.infer<typeof metaOutboundMetadata>;
