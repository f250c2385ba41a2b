import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type PlatformSimulator, startPlatformSimulator } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrateInstagramMention } from './hydrate-instagram-mention.ts';
import { parseMetaWebhook } from './parse-meta-webhook.ts';

let simulator: PlatformSimulator;
beforeAll(async () => {
  simulator = await startPlatformSimulator();
});
afterAll(() => simulator.close());

const mentionFrom = (fixture: string) => {
  const [delivery] = JSON.parse(
    readFileSync(new URL(`../test/fixtures/instagram/${fixture}`, import.meta.url), 'utf8'),
  );
  const rawBody = Buffer.from(JSON.stringify(delivery));
  const signature = `sha256=${createHmac('sha256', 's').update(rawBody).digest('hex')}`;
  const result = parseMetaWebhook(
    { method: 'POST', headers: { 'x-hub-signature-256': signature }, query: {}, rawBody },
    { appSecret: 's', verifyToken: '' },
    new Date(),
  );
  if (result.kind !== 'events' || result.events[0]?.kind !== 'message') throw new Error('expected a mention');
  return result.events[0].message;
};

describe('hydrateInstagramMention', () => {
  it('fills the text, author and time of a comment mention from the Graph API', async () => {
    const message = mentionFrom('mentions-in-comment.doc.json');
    expect(message.metadata.isTextPending).toBe(true);
    simulator.state.instagramMentions.set('17894227972186120', {
      text: '@ascolta.demo non funziona',
      username: 'giulia.r',
      timestamp: '2026-11-22T09:00:00+0000',
    });
    const target = { accountId: '17841405726653026', accessToken: 'token', graphBaseUrl: simulator.graphBaseUrl };
    const hydrated = await hydrateInstagramMention(target, message);
    expect(hydrated).toMatchObject({
      text: '@ascolta.demo non funziona',
      authorHandle: '@giulia.r',
      externalId: '17894227972186120',
      metadata: { isTextPending: false },
    });
  });

  it('reads the caption for a caption mention, and leaves other messages alone', async () => {
    const message = mentionFrom('mentions-in-caption.doc.json');
    simulator.state.instagramMentions.set('17918195224117851', {
      text: 'Unboxing con @ascolta.demo',
      username: 'luca',
      timestamp: '2026-11-22T08:00:00+0000',
    });
    const target = { accountId: '17841405726653026', accessToken: 'token', graphBaseUrl: simulator.graphBaseUrl };
    expect((await hydrateInstagramMention(target, message)).text).toBe('Unboxing con @ascolta.demo');
    const plain = { ...message, metadata: {} };
    expect(await hydrateInstagramMention(target, plain)).toBe(plain);
  });
});
