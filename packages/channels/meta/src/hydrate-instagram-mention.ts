import { ConnectorError, type InboundMessage } from '@ascolta/core';
import { z } from 'zod';
import { callGraph } from './call-graph.ts';

export interface InstagramAccountTarget {
  /** The Instagram professional account id. */
  accountId: string;
  accessToken: string;
  graphBaseUrl: string;
}

const pending = z.object({ isTextPending: z.literal(true), mediaId: z.string(), commentId: z.string().nullable() });
const mentioned = z.object({
  text: z.string().optional(),
  caption: z.string().optional(),
  username: z.string().optional(),
  timestamp: z.string().optional(),
});
const answer = z.object({ mentioned_comment: mentioned.optional(), mentioned_media: mentioned.optional() });

/**
 * Instagram @mention webhooks carry only ids; this fetches the mentioning comment or caption through
 * `GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)` / `mentioned_media.media_id(…)` and fills in
 * text, author and time. A message that is not a pending mention is returned unchanged.
 */
export const hydrateInstagramMention = async (
  target: InstagramAccountTarget,
  message: InboundMessage,
): Promise<InboundMessage> => {
  const mention = pending.safeParse(message.metadata);
  if (!mention.success) return message;
  const { commentId, mediaId } = mention.data;
  const fields =
    commentId === null
      ? `mentioned_media.media_id(${mediaId}){caption,username,timestamp}`
      : `mentioned_comment.comment_id(${commentId}){text,username,timestamp}`;
  const body = answer.safeParse(
    await callGraph(
      target.graphBaseUrl,
      `${target.accountId}?fields=${encodeURIComponent(fields)}`,
      target.accessToken,
      null,
    ),
  );
  const found = body.success ? (body.data.mentioned_comment ?? body.data.mentioned_media) : undefined;
  if (found === undefined)
    throw new ConnectorError('temporary', 'the Graph API did not return the mentioned comment or media');
  const created = new Date(found.timestamp ?? Number.NaN);
  return {
    ...message,
    text: found.text ?? found.caption ?? '',
    authorExternalId: found.username ?? message.authorExternalId,
    authorHandle: found.username === undefined ? message.authorHandle : `@${found.username}`,
    receivedAt: Number.isNaN(created.getTime()) ? message.receivedAt : created,
    metadata: { ...message.metadata, isTextPending: false },
  };
};
