import { z } from 'zod';

const mention = z.object({ id_str: z.string(), screen_name: z.string() });
const media = z.object({ media_url_https: z.string().optional(), type: z.string().optional() });

export const xUser = z.object({
  id_str: z.string(),
  screen_name: z.string(),
  name: z.string().optional(),
  followers_count: z.number().optional(),
  verified: z.boolean().optional(),
});

/** A v1.1 Tweet object as Account Activity delivers it; `id_str` because ids exceed 2^53. */
export const xTweet = z.object({
  id_str: z.string(),
  text: z.string().optional(),
  full_text: z.string().optional(),
  truncated: z.boolean().optional(),
  extended_tweet: z.object({ full_text: z.string() }).optional(),
  in_reply_to_status_id_str: z.string().nullable().optional(),
  user: xUser,
  entities: z.object({ user_mentions: z.array(mention).optional(), media: z.array(media).optional() }).optional(),
  retweeted_status: z.unknown().optional(),
  lang: z.string().nullable().optional(),
  timestamp_ms: z.string().optional(),
  created_at: z.string().optional(),
});
export type XTweet = z.infer<typeof xTweet>;

export const xDirectMessageEvent = z.object({
  type: z.string(),
  id: z.string(),
  created_timestamp: z.string().optional(),
  message_create: z.object({
    target: z.object({ recipient_id: z.string() }),
    sender_id: z.string(),
    message_data: z.object({
      text: z.string(),
      attachment: z.object({ type: z.string(), media: media.optional() }).optional(),
    }),
  }),
});
export type XDirectMessageEvent = z.infer<typeof xDirectMessageEvent>;

/** The `users` map of DM deliveries: id → profile (v1.1 user fields, `id` instead of `id_str`). */
export const xUsersMap = z.record(
  z.string(),
  z.object({
    screen_name: z.string().optional(),
    name: z.string().optional(),
    followers_count: z.number().optional(),
    verified: z.boolean().optional(),
  }),
);
export type XUsersMap = z.infer<typeof xUsersMap>;

/** One Account Activity delivery: the subscribed account plus one event array; the arrays are parsed item by item. */
export const xActivityBody = z.object({
  for_user_id: z.string().optional(),
  tweet_create_events: z.array(z.unknown()).optional(),
  direct_message_events: z.array(z.unknown()).optional(),
  users: z.unknown().optional(),
});
