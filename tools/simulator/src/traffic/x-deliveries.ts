/**
 * Builders of X Account Activity bodies in the shape of `aaa-tweet-create-mention-reply.real.json` and
 * `aaa-direct-message-events.doc.json` (v1.1 objects, string ids next to numeric ones).
 */
export interface XPerson {
  id: string;
  screenName: string;
  name: string;
  followers: number;
  verified: boolean;
}

const twitterDate = (at: Date): string => {
  const [day, month, date, year, time] = at.toUTCString().replace(',', '').split(' ') as [
    string,
    string,
    string,
    string,
    string,
  ];
  return `${day} ${date} ${month} ${time} +0000 ${year}`;
};

const userObject = (person: XPerson) => ({
  id: Number(person.id),
  id_str: person.id,
  name: person.name,
  screen_name: person.screenName,
  protected: false,
  verified: person.verified,
  followers_count: person.followers,
  friends_count: 100,
  statuses_count: 1000,
});

export const xTweetDelivery = (fields: {
  forUserId: string;
  forUserHandle: string;
  tweetId: string;
  author: XPerson;
  text: string;
  at: Date;
  lang: string;
  inReplyTo?: { tweetId: string; userId: string; screenName: string };
  mentionsAccount: boolean;
}) => {
  const mentionIndex = fields.text.indexOf(`@${fields.forUserHandle}`);
  const isMention = fields.mentionsAccount && mentionIndex >= 0;
  const mentions = isMention
    ? [
        {
          screen_name: fields.forUserHandle,
          name: fields.forUserHandle,
          id: Number(fields.forUserId),
          id_str: fields.forUserId,
          indices: [mentionIndex, mentionIndex + fields.forUserHandle.length + 1],
        },
      ]
    : [];
  return {
    for_user_id: fields.forUserId,
    ...(isMention ? { user_has_blocked: false } : {}),
    tweet_create_events: [
      {
        created_at: twitterDate(fields.at),
        id: Number(fields.tweetId),
        id_str: fields.tweetId,
        text: fields.text,
        source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        truncated: false,
        in_reply_to_status_id: fields.inReplyTo ? Number(fields.inReplyTo.tweetId) : null,
        in_reply_to_status_id_str: fields.inReplyTo?.tweetId ?? null,
        in_reply_to_user_id: fields.inReplyTo ? Number(fields.inReplyTo.userId) : null,
        in_reply_to_user_id_str: fields.inReplyTo?.userId ?? null,
        in_reply_to_screen_name: fields.inReplyTo?.screenName ?? null,
        user: userObject(fields.author),
        is_quote_status: false,
        entities: { hashtags: [], urls: [], user_mentions: mentions, symbols: [] },
        favorited: false,
        retweeted: false,
        filter_level: 'low',
        lang: fields.lang,
        timestamp_ms: String(fields.at.getTime()),
      },
    ],
  };
};

export const xDirectMessageDelivery = (fields: {
  forUserId: string;
  eventId: string;
  sender: XPerson;
  recipient: XPerson;
  text: string;
  at: Date;
}) => ({
  for_user_id: fields.forUserId,
  direct_message_events: [
    {
      type: 'message_create',
      id: fields.eventId,
      created_timestamp: String(fields.at.getTime()),
      message_create: {
        target: { recipient_id: fields.recipient.id },
        sender_id: fields.sender.id,
        message_data: { text: fields.text, entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] } },
      },
    },
  ],
  users: Object.fromEntries(
    [fields.sender, fields.recipient].map((person) => [
      person.id,
      {
        id: person.id,
        name: person.name,
        screen_name: person.screenName,
        protected: false,
        verified: person.verified,
        followers_count: person.followers,
      },
    ]),
  ),
});
