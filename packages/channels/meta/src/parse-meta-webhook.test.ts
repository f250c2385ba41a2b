import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { DomainError, type WebhookEvent, type WebhookRequest } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { parseMetaWebhook } from './parse-meta-webhook.ts';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const secrets = { appSecret: 'test-app-secret', verifyToken: 'demo-verify-token' };
const now = new Date('2026-11-22T10:00:00Z');

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
const signed = (body: unknown, secret = secrets.appSecret): WebhookRequest => {
  const rawBody = Buffer.from(JSON.stringify(body));
  const signature = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return { method: 'POST', headers: { 'x-hub-signature-256': signature }, query: {}, rawBody };
};

/**
 * Messenger fixtures are single `messaging[]` events (or one entry), as the source projects stored them;
 * we wrap them in the documented `{object:"page", entry:[{id, time, messaging:[…]}]}` envelope.
 */
const pageEnvelope = (event: Record<string, unknown>, pageId = '404217156637689') => ({
  object: 'page',
  entry: [{ id: pageId, time: 1_491_796_363_181, messaging: [event] }],
});

/** Turns a fixture file into the deliveries Meta would POST (several for files holding several). */
const deliveriesOf = (name: string): unknown[] => {
  const json = read(name);
  if (Array.isArray(json)) return json;
  if ('object' in json) return [json];
  if ('messaging' in json) return [{ object: 'page', entry: [json] }];
  if ('delivery' in json && 'read' in json)
    return [pageEnvelope(json.delivery as never), pageEnvelope(json.read as never)];
  if (name.includes('message-fields')) {
    // Meta's template of every optional field of an Instagram DM, wrapped in a messaging event.
    const event = {
      sender: { id: '<IGSID>' },
      recipient: { id: '17840000000000001' },
      timestamp: 1569262485349,
      message: json.message,
    };
    return [{ object: 'instagram', entry: [{ id: '17840000000000001', time: 1569262486134, messaging: [event] }] }];
  }
  return [pageEnvelope(json)];
};

/** Files that are not inbound deliveries: request/response descriptors, outbound bodies, test vectors. */
const notInbound = new Set([
  'meta/graph-comment-reply.json',
  'meta/graph-error-oauth-190.doc.json',
  'meta/graph-error-rate-limit-32.doc.json',
  'meta/graph-error-rate-limit-80001.doc.json',
  'meta/graph-rate-limit-codes.doc.json',
  'meta/graph-rate-limit-headers.doc.json',
  'meta/messenger-human-agent-tag-request.json',
  'meta/messenger-private-reply.json',
  'meta/messenger-send-api.doc.json',
  'meta/messenger-send-quick-replies-request.doc.json',
  'meta/signature-x-hub-signature-256.vector.json',
  'meta/verification-request.json',
  'whatsapp/error-object-131047-outside-24h.json',
  'whatsapp/send-interactive-buttons-request.doc.json',
  'whatsapp/send-message-response.doc.json',
  'whatsapp/send-template-error-132000.json',
  'whatsapp/send-template-request.json',
  'whatsapp/send-text-request.json',
]);

/** Every inbound fixture and what it must become; `ignored …` entries are prefixes of the recorded reason. */
const expected: Record<string, string[]> = {
  'meta/messenger-delivery-and-read.bottender.json': ['status delivered', 'ignored read receipt'],
  'meta/messenger-message-attachment.doc.json': ['message messenger direct'],
  'meta/messenger-message-echo-text.doc.json': ['ignored echo'],
  'meta/messenger-message-echo.bottender.json': ['ignored echo'],
  'meta/messenger-message-image.bottender.json': ['message messenger direct'],
  'meta/messenger-message-quick-reply.bottender.json': ['message messenger direct'],
  'meta/messenger-message-reply-to.doc.json': ['message messenger direct'],
  'meta/messenger-message-text-quick-reply.doc.json': ['message messenger direct'],
  'meta/messenger-message-text.bottender.json': ['message messenger direct'],
  'meta/messenger-standby-echo-template.doc.json': ['ignored echo'],
  'meta/page-feed-comment-add-by-page-itself.json': ['ignored echo'],
  'meta/page-feed-comment-add.json': ['message facebook reply'],
  'meta/page-feed-comment-edited.json': ['message facebook comment'],
  'meta/page-feed-comment-remove.json': ['ignored comment deleted'],
  'meta/page-feed-like-page-legacy.json': ['ignored feed like'],
  'meta/page-feed-post-remove.json': ['ignored post deleted'],
  'meta/page-feed-reaction-add-legacy-sender-id.json': ['ignored feed reaction'],
  'meta/page-feed-reaction-add-on-comment.json': ['ignored feed reaction'],
  'meta/page-feed-reaction-edit.json': ['ignored feed reaction'],
  'meta/page-feed-reaction-remove.json': ['ignored feed reaction'],
  'meta/page-feed-status-add-visitor-post.json': ['message facebook post'],
  'meta/page-feed-status-edited.json': ['message facebook post'],
  'instagram/comments-by-business-itself-self_ig_scoped_id.doc-template.json': ['ignored echo'],
  'instagram/comments-facebook-login.doc-template.json': ['message instagram reply'],
  'instagram/comments-instagram-login-flat.doc-template.json': ['message instagram comment'],
  'instagram/mentions-in-caption.doc.json': ['message instagram mention'],
  'instagram/mentions-in-comment.doc.json': ['message instagram mention'],
  'instagram/messaging-attachment-share.chatwoot.json': ['message instagram direct'],
  'instagram/messaging-message-fields.doc-template.json': ['ignored echo'],
  'instagram/messaging-message-reaction.doc.json': ['ignored reaction'],
  'instagram/messaging-postback.doc.json': ['message instagram direct'],
  'instagram/messaging-seen.chatwoot.json': ['status read'],
  'instagram/messaging-standby-text.chatwoot.json': ['message instagram direct'],
  'instagram/messaging-story-mention-echo.chatwoot.json': ['ignored echo'],
  'instagram/messaging-story-mention.chatwoot.json': ['message instagram direct'],
  'instagram/messaging-test-event.chatwoot.json': ['message instagram direct'],
  'instagram/messaging-text.chatwoot.json': ['message instagram direct'],
  'instagram/messaging-unsend-is_deleted.chatwoot.json': ['ignored deletion'],
  'whatsapp/messages-image.netflie.json': ['message whatsapp direct'],
  'whatsapp/messages-interactive-button-reply.netflie.json': ['message whatsapp direct'],
  'whatsapp/messages-reaction.netflie.json': ['ignored reaction'],
  'whatsapp/messages-template-quick-reply-button.netflie.json': ['message whatsapp direct'],
  'whatsapp/messages-text-with-context-referral.netflie.json': ['message whatsapp direct'],
  'whatsapp/messages-text.doc.json': ['message whatsapp direct'],
  'whatsapp/messages-unsupported-131051.netflie.json': ['message whatsapp unsupported'],
  'whatsapp/statuses-delivered-pricing-marketing.netflie.json': ['status delivered'],
  'whatsapp/statuses-delivered-service.netflie.json': ['status delivered'],
  'whatsapp/statuses-failed-131053.netflie.json': ['status failed'],
  'whatsapp/statuses-read-user-initiated-conversation.netflie.json': ['status read'],
  'whatsapp/statuses-read.netflie.json': ['status read'],
};

const summary = (event: WebhookEvent): string => {
  if (event.kind === 'message') return `message ${event.message.channelKind} ${event.message.type}`;
  if (event.kind === 'delivery-status') return `status ${event.state}`;
  return `ignored ${event.reason}`;
};

const eventsOf = (delivery: unknown): WebhookEvent[] => {
  const result = parseMetaWebhook(signed(delivery), secrets, now);
  if (result.kind !== 'events') throw new Error('expected events');
  return result.events;
};

describe('parseMetaWebhook on every inbound fixture', () => {
  const files = ['meta', 'instagram', 'whatsapp'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, fixtures)).map((file) => `${folder}/${file}`),
  );

  it('has an expectation for every inbound fixture file', () => {
    expect(files.filter((file) => !notInbound.has(file)).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %j', (file, outcomes) => {
    const summaries = deliveriesOf(file).flatMap(eventsOf).map(summary);
    expect(summaries).toHaveLength(outcomes.length);
    for (const [index, line] of summaries.entries()) {
      expect(line.startsWith(outcomes[index]!), `${line} vs ${outcomes[index]}`).toBe(true);
    }
  });
});

describe('parseMetaWebhook normalisation', () => {
  it('keeps comment, post and parent ids so a reply lands in the post thread', () => {
    const [event] = eventsOf(read('meta/page-feed-comment-add.json'));
    expect(event).toMatchObject({
      kind: 'message',
      accountExternalId: '137542570280222',
      message: {
        externalId: '139560936744456_139620233405726',
        threadExternalId: '137542570280222_139560936744456',
        inReplyToExternalId: '139560936744456_139562213411528',
        authorExternalId: '139560936744123',
        text: 'Good',
        receivedAt: new Date(1511951015 * 1000),
      },
    });
  });

  it('reads WhatsApp text, sender name and phone-number id', () => {
    const [event] = eventsOf(read('whatsapp/messages-text.doc.json'));
    expect(event).toMatchObject({
      accountExternalId: '106540352242922',
      message: { text: 'Does it come in another color?', authorName: 'Sheena Nelson', threadExternalId: '16505551234' },
    });
  });

  it('accepts the signature vector computed over the raw body bytes', () => {
    const vector = read('meta/signature-x-hub-signature-256.vector.json') as Record<string, string>;
    const request: WebhookRequest = {
      method: 'POST',
      headers: { 'x-hub-signature-256': vector.header_value },
      query: {},
      rawBody: Buffer.from(vector.raw_body!),
    };
    expect(() => parseMetaWebhook(request, { ...secrets, appSecret: vector.app_secret! }, now)).not.toThrow();
  });

  it('rejects a body signed with another secret', () => {
    const request = signed(read('meta/page-feed-comment-add.json'), 'another-secret');
    expect(() => parseMetaWebhook(request, secrets, now)).toThrow(DomainError);
  });

  it('answers the verification GET with hub.challenge byte-for-byte, and refuses a wrong token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'demo-verify-token' };
    const request: WebhookRequest = { method: 'GET', headers: {}, query, rawBody: new Uint8Array() };
    expect(parseMetaWebhook(request, secrets, now)).toEqual({
      kind: 'challenge',
      body: '1158201444',
      contentType: 'text/plain',
    });
    const wrong = { ...request, query: { ...query, 'hub.verify_token': 'meatyhamhock' } };
    expect(() => parseMetaWebhook(wrong, secrets, now)).toThrow(/verify token/);
  });
});
