/**
 * Builders of Meta webhook bodies in the shapes of the platform fixtures (`page-feed-comment-add.json`,
 * `messenger-message-text.bottender.json`, `instagram/comments-*`, `whatsapp/messages-text.doc.json`).
 * Times are unix seconds for feed and WhatsApp, milliseconds for messaging, as Meta sends them.
 */
export interface MetaPerson {
  id: string;
  name: string;
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The envelope every `changes[]` delivery shares; WhatsApp entries carry no `time`. */
const changeDelivery = <V>(object: string, entryId: string, at: Date | null, field: string, value: V) => ({
  object,
  entry: [{ id: entryId, ...(at === null ? {} : { time: seconds(at) }), changes: [{ field, value }] }],
});

export const facebookCommentDelivery = (fields: {
  pageId: string;
  postId: string;
  commentId: string;
  parentId?: string;
  from: MetaPerson;
  message: string;
  at: Date;
}) =>
  changeDelivery('page', fields.pageId, fields.at, 'feed', {
    from: { id: fields.from.id, name: fields.from.name },
    item: 'comment',
    comment_id: fields.commentId,
    post_id: fields.postId,
    verb: 'add',
    parent_id: fields.parentId ?? fields.postId,
    created_time: seconds(fields.at),
    message: fields.message,
  });

export const facebookVisitorPostDelivery = (fields: {
  pageId: string;
  postId: string;
  from: MetaPerson;
  message: string;
  at: Date;
}) =>
  changeDelivery('page', fields.pageId, fields.at, 'feed', {
    from: { id: fields.from.id, name: fields.from.name },
    item: 'status',
    post_id: fields.postId,
    verb: 'add',
    published: 1,
    created_time: seconds(fields.at),
    message: fields.message,
  });

/** Messenger (`object: page`) or Instagram Direct (`object: instagram`); `isEcho` = sent by the account. */
export const directMessageDelivery = (fields: {
  object: 'page' | 'instagram';
  accountId: string;
  customerId: string;
  mid: string;
  text: string;
  at: Date;
  isEcho?: boolean;
  /** The payload of the quick reply the customer tapped (its title is `text`). */
  quickReplyPayload?: string;
}) => {
  const [sender, recipient] = fields.isEcho
    ? [fields.accountId, fields.customerId]
    : [fields.customerId, fields.accountId];
  const message = fields.isEcho
    ? { mid: fields.mid, is_echo: true, app_id: 1517776481860111, text: fields.text }
    : {
        mid: fields.mid,
        text: fields.text,
        ...(fields.quickReplyPayload === undefined ? {} : { quick_reply: { payload: fields.quickReplyPayload } }),
      };
  return {
    object: fields.object,
    entry: [
      {
        id: fields.accountId,
        time: fields.at.getTime(),
        messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: fields.at.getTime(), message }],
      },
    ],
  };
};

export const instagramCommentDelivery = (fields: {
  accountId: string;
  commentId: string;
  mediaId: string;
  from: { id: string; username: string };
  text: string;
  at: Date;
  isByAccount?: boolean;
}) =>
  changeDelivery('instagram', fields.accountId, fields.at, 'comments', {
    from: fields.isByAccount
      ? { id: fields.accountId, username: fields.from.username, self_ig_scoped_id: `${fields.accountId}9` }
      : fields.from,
    id: fields.commentId,
    text: fields.text,
    media: { id: fields.mediaId, media_product_type: 'FEED' },
  });

interface WhatsappSender {
  businessAccountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  from: string;
  name: string;
  wamid: string;
  at: Date;
}

/** One customer message in the `messages` field; `content` is its `type` and the object of that type. */
const whatsappMessageDelivery = (fields: WhatsappSender, content: Record<string, unknown>) =>
  changeDelivery('whatsapp_business_account', fields.businessAccountId, null, 'messages', {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: fields.displayPhoneNumber, phone_number_id: fields.phoneNumberId },
    contacts: [{ profile: { name: fields.name }, wa_id: fields.from }],
    messages: [{ from: fields.from, id: fields.wamid, timestamp: String(seconds(fields.at)), ...content }],
  });

export const whatsappTextDelivery = (fields: WhatsappSender & { text: string }) =>
  whatsappMessageDelivery(fields, { type: 'text', text: { body: fields.text } });

/** The customer tapped a reply button or list row (`messages-interactive-button-reply.netflie.json`). */
export const whatsappReplyDelivery = (
  fields: WhatsappSender & { reply: { kind: 'button_reply' | 'list_reply'; id: string; title: string } },
) =>
  whatsappMessageDelivery(fields, {
    type: 'interactive',
    interactive: { type: fields.reply.kind, [fields.reply.kind]: { id: fields.reply.id, title: fields.reply.title } },
  });

/** A delivery status of one of our WhatsApp messages (`statuses-*.netflie.json`). */
export const whatsappStatusDelivery = (fields: {
  businessAccountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wamid: string;
  recipient: string;
  status: 'sent' | 'delivered' | 'read';
  at: Date;
}) =>
  changeDelivery('whatsapp_business_account', fields.businessAccountId, null, 'messages', {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: fields.displayPhoneNumber, phone_number_id: fields.phoneNumberId },
    statuses: [
      {
        id: fields.wamid,
        status: fields.status,
        timestamp: String(seconds(fields.at)),
        recipient_id: fields.recipient,
      },
    ],
  });
