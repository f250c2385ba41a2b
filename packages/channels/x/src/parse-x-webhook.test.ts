import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { DomainError, type WebhookEvent, type WebhookRequest } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { parseXWebhook } from './parse-x-webhook.ts';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const secret = 'test-consumer-secret';
const now = new Date('2026-11-22T10:00:00Z');

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
const signed = (body: unknown, key = secret): WebhookRequest => {
  const rawBody = Buffer.from(JSON.stringify(body));
  const signature = `sha256=${createHmac('sha256', key).update(rawBody).digest('base64')}`;
  return { method: 'POST', headers: { 'x-twitter-webhooks-signature': signature }, query: {}, rawBody };
};

/** Turns a fixture into the deliveries X would POST. */
const deliveriesOf = (name: string): unknown[] => {
  const json = read(name);
  // The docs page lists several envelopes side by side, keyed by a description.
  if (name === 'aaa-docs-envelopes.doc.json') return Object.values(json);
  // A bare message_create object: wrapped in the documented `direct_message_events` envelope.
  if (name === 'dm-message-create-object.doc.json') {
    const target = (json.message_create as { target: { recipient_id: string } }).target.recipient_id;
    return [{ for_user_id: target, direct_message_events: [json] }];
  }
  return [json];
};

/** Request/response descriptors and test vectors, not deliveries. */
const isNotInbound = (file: string) =>
  file.startsWith('v2-') || file.endsWith('.vector.json') || file === 'crc-challenge.json';

const expected: Record<string, string[]> = {
  'aaa-direct-message-events.chatwoot.json': ['message direct'],
  'aaa-direct-message-events.doc.json': ['message direct'],
  'aaa-direct-message-indicate-typing.doc.json': ['ignored typing indicator'],
  'aaa-direct-message-mark-read.doc.json': ['ignored read receipt'],
  // The doc prints `<Tweet Object>` placeholders: they are recorded as unreadable, never stored.
  'aaa-docs-envelopes.doc.json': [
    'ignored unreadable tweet object',
    'ignored unreadable tweet object',
    'ignored like',
    'ignored user event',
    'ignored deletion',
  ],
  'aaa-tweet-create-mention-reply.real.json': ['message reply'],
  'dm-message-create-object.doc.json': ['message direct'],
};

const summary = (event: WebhookEvent): string => {
  if (event.kind === 'message') return `message ${event.message.type}`;
  if (event.kind === 'delivery-status') return `status ${event.state}`;
  return `ignored ${event.reason}`;
};
const eventsOf = (delivery: unknown): WebhookEvent[] => {
  const result = parseXWebhook(signed(delivery), secret, now);
  if (result.kind !== 'events') throw new Error('expected events');
  return result.events;
};

describe('parseXWebhook on every inbound fixture', () => {
  it('has an expectation for every inbound fixture file', () => {
    const files = readdirSync(fixtures).filter((file) => file.endsWith('.json') && !isNotInbound(file));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %j', (file, outcomes) => {
    const summaries = deliveriesOf(file).flatMap(eventsOf).map(summary);
    expect(summaries).toHaveLength(outcomes.length);
    for (const [index, line] of summaries.entries()) expect(line.startsWith(outcomes[index]!), line).toBe(true);
  });
});

describe('parseXWebhook', () => {
  it('normalises the real mention: string ids, author, followers, thread of the tweet answered', () => {
    const [event] = eventsOf(read('aaa-tweet-create-mention-reply.real.json'));
    expect(event).toMatchObject({
      accountExternalId: '1114259648326987776',
      message: {
        externalId: '1332557345071644672',
        threadExternalId: '1332252354599555074',
        inReplyToExternalId: '1332252354599555074',
        authorExternalId: '1247048165561270272',
        authorHandle: '@TanuLearns',
        authorFollowers: 20,
        text: '@Learn_Awesome Save this',
        language: 'en',
        receivedAt: new Date(1606541403440),
      },
    });
  });

  it('names a DM thread like X names the conversation, and ignores our own DMs as echoes', () => {
    const delivery = read('aaa-direct-message-events.doc.json');
    const [event] = eventsOf(delivery);
    expect(event).toMatchObject({
      message: { threadExternalId: '3001969357-4337869213', authorHandle: '@furiouscamper' },
    });
    const echo = { ...delivery, for_user_id: '3001969357' };
    expect(eventsOf(echo)[0]).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^echo/) });
  });

  it('ignores tweets of our own account', () => {
    const delivery = read('aaa-tweet-create-mention-reply.real.json');
    const [event] = eventsOf({ ...delivery, for_user_id: '1247048165561270272' });
    expect(event).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^echo/) });
  });

  it('accepts the signature vector over the raw body and rejects another secret', () => {
    const vector = read('signature-x-twitter-webhooks-signature.vector.json') as Record<string, string>;
    const request: WebhookRequest = {
      method: 'POST',
      headers: { 'x-twitter-webhooks-signature': vector.header_value },
      query: {},
      rawBody: Buffer.from(vector.raw_body!),
    };
    expect(parseXWebhook(request, vector.consumer_secret!, now).kind).toBe('events');
    expect(() => parseXWebhook(request, 'another-secret', now)).toThrow(DomainError);
  });

  it('answers the CRC challenge with the documented response token', () => {
    const crc = read('crc-challenge.json') as { consumer_secret: string; request: { query: { crc_token: string } } };
    const request: WebhookRequest = { method: 'GET', headers: {}, query: crc.request.query, rawBody: new Uint8Array() };
    const result = parseXWebhook(request, crc.consumer_secret, now);
    expect(result).toEqual({
      kind: 'challenge',
      body: JSON.stringify({ response_token: 'sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=' }),
      contentType: 'application/json',
    });
  });
});
