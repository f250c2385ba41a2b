import type { WebhookRequest } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { signCustomBody } from './custom-signature.ts';
import { parseCustomWebhook } from './parse-custom-webhook.ts';

const channel = { channelId: 'reviews', secret: 'custom-secret' };
const now = new Date('2026-11-22T10:00:00Z');
const body = {
  id: 'review-42',
  text: 'La app non funziona da ieri',
  author: { id: 'u-7', name: 'Giulia' },
  source: 'app-store',
};

const request = (payload: unknown, signedAt = now, secret = channel.secret): WebhookRequest => {
  const rawBody = Buffer.from(JSON.stringify(payload));
  return {
    method: 'POST',
    headers: { 'x-ascolta-signature': signCustomBody(secret, rawBody, signedAt) },
    query: {},
    rawBody,
  };
};

describe('parseCustomWebhook', () => {
  it('normalises a signed message, one thread per author by default', () => {
    const result = parseCustomWebhook(request(body), channel, now);
    expect(result).toMatchObject({
      kind: 'events',
      events: [
        {
          kind: 'message',
          accountExternalId: 'reviews',
          message: {
            externalId: 'review-42',
            threadExternalId: 'u-7',
            visibility: 'private',
            metadata: { source: 'app-store' },
          },
        },
      ],
    });
  });

  it('rejects a wrong secret and a delivery signed more than five minutes ago (replay)', () => {
    expect(() => parseCustomWebhook(request(body, now, 'other'), channel, now)).toThrow(/mismatch/);
    expect(() => parseCustomWebhook(request(body, new Date(now.getTime() - 301_000)), channel, now)).toThrow(/expired/);
  });

  it('names the invalid field', () => {
    expect(() => parseCustomWebhook(request({ ...body, author: {} }), channel, now)).toThrow(/author\.id/);
  });
});
