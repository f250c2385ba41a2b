import { DomainError, type WebhookEvent, type WebhookRequest, type WebhookResult } from '@ascolta/core';
import { metaTimestamp } from './meta-timestamp.ts';
import { type MetaEntry, metaWebhookBody } from './meta-webhook-body.ts';
import { normaliseInstagramChange } from './normalise-instagram-change.ts';
import { normaliseMessagingEvent } from './normalise-messaging-event.ts';
import { normalisePageFeed } from './normalise-page-feed.ts';
import { normaliseWhatsappChange } from './normalise-whatsapp-change.ts';
import { verifyMetaSignature } from './verify-meta-signature.ts';

export interface MetaWebhookSecrets {
  appSecret: string;
  verifyToken: string;
}

/**
 * Everything one Meta app delivers to `/webhooks/meta`: the verification handshake (GET) and signed
 * Page, Instagram and WhatsApp deliveries (POST). Header names are expected in lower case, as Node gives them.
 * `now` only stands in for deliveries that carry no timestamp.
 */
export const parseMetaWebhook = (request: WebhookRequest, secrets: MetaWebhookSecrets, now: Date): WebhookResult => {
  if (request.method === 'GET') return answerVerification(request, secrets.verifyToken);
  if (!verifyMetaSignature(secrets.appSecret, request.rawBody, request.headers['x-hub-signature-256'])) {
    throw new DomainError('bad-signature', 'X-Hub-Signature-256 does not match the body signed with the app secret');
  }
  const body = metaWebhookBody.safeParse(parseJson(request.rawBody));
  if (!body.success) {
    throw new DomainError('invalid-input', `not a Meta webhook delivery: ${body.error.issues[0]?.message}`);
  }
  const events = body.data.entry.flatMap((entry) => normaliseEntry(body.data.object, entry, now));
  return { kind: 'events', events };
};

const answerVerification = (request: WebhookRequest, verifyToken: string): WebhookResult => {
  const challenge = request.query['hub.challenge'];
  if (request.query['hub.mode'] !== 'subscribe' || challenge === undefined) {
    throw new DomainError('invalid-input', 'expected hub.mode=subscribe and hub.challenge');
  }
  if (request.query['hub.verify_token'] !== verifyToken) {
    throw new DomainError('forbidden', 'hub.verify_token does not match the configured verify token');
  }
  // Echoed byte-for-byte: Meta compares the string, so the number must not be re-formatted.
  return { kind: 'challenge', body: challenge, contentType: 'text/plain' };
};

export const parseJson = (rawBody: Uint8Array): unknown => {
  try {
    return JSON.parse(Buffer.from(rawBody).toString('utf8'));
  } catch (error) {
    throw new DomainError('invalid-input', `body is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
};

const normaliseEntry = (object: string, entry: MetaEntry, now: Date): WebhookEvent[] => {
  const entryTime = metaTimestamp(entry.time, now);
  const changes = entry.field === undefined ? (entry.changes ?? []) : [{ field: entry.field, value: entry.value }];
  const messaging = [...(entry.messaging ?? []), ...(entry.standby ?? [])];
  switch (object) {
    case 'page':
      return [
        ...changes.map((change) =>
          change.field === 'feed'
            ? normalisePageFeed(entry.id, change.value, entryTime)
            : ignored(entry.id, `page field ${change.field} is not a customer message`),
        ),
        ...messaging.flatMap((event) => normaliseMessagingEvent('messenger', entry.id, event, entryTime)),
      ];
    case 'instagram':
      return [
        ...changes.map((change) => normaliseInstagramChange(entry.id, change.field, change.value, entryTime)),
        ...messaging.flatMap((event) => normaliseMessagingEvent('instagram', entry.id, event, entryTime)),
      ];
    case 'whatsapp_business_account':
      return changes.flatMap((change) => normaliseWhatsappChange(change.field, change.value, entryTime));
    default:
      return [ignored(entry.id, `object ${object} is not handled`)];
  }
};

const ignored = (accountId: string, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: accountId,
  externalId: null,
  reason,
});
